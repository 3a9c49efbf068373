#include "schema/metaschemas.hpp"

#include <boost/json/parse.hpp>

#include <map>
#include <string>

namespace oaskit::schema::detail {

// In the build's generated/metaschemas.cpp (cmake/embed_text.cmake).
struct EmbeddedText {
  const char* name;
  const char* text;
};
extern const EmbeddedText embedded_metaschemas[];
extern const std::size_t embedded_metaschemas_count;

namespace {

// Every meta-schema by its $id: the two dialects' own, and each vocabulary's (the files hold
// those as one object keyed by $id).
std::map<std::string, boost::json::value, std::less<>> read_metaschemas() {
  std::map<std::string, boost::json::value, std::less<>> schemas;
  for (std::size_t i = 0; i < embedded_metaschemas_count; ++i) {
    boost::json::value value = boost::json::parse(embedded_metaschemas[i].text);
    auto& object = value.as_object();
    if (const auto* id = object.if_contains("$id")) {
      std::string uri(id->as_string());
      if (!uri.empty() && uri.back() == '#') uri.pop_back();
      schemas.emplace(std::move(uri), std::move(value));
    } else {
      for (auto& [uri, schema] : object) schemas.emplace(std::string(uri), std::move(schema));
    }
  }
  return schemas;
}

}  // namespace

const boost::json::value* builtin_metaschema(std::string_view uri) {
  static const auto schemas = read_metaschemas();
  if (!uri.empty() && uri.back() == '#') uri.remove_suffix(1);
  const auto found = schemas.find(uri);
  return found == schemas.end() ? nullptr : &found->second;
}

}  // namespace oaskit::schema::detail
