// Every example of the OpenAPI 3.2.0 text (tests/data/openapi-3.2/examples, one file each,
// named NNN-<Object>-<slug>, in the order the text shows them) reads as the object it shows.
// A few examples in the published text are themselves wrong; each of those gets exactly the
// errors listed here, at their places, and nothing else.

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "oaskit/document.hpp"
#include "oaskit/json.hpp"
#include "oaskit/model_by_name.hpp"
#include "oaskit/models.hpp"

namespace oaskit {
namespace {

namespace fs = std::filesystem;

const fs::path examples_folder = fs::path(OASKIT_TEST_DATA) / "openapi-3.2" / "examples";

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// "025-Map-MediaType-json-yaml-examples.yaml" -> "Map-MediaType".
std::string object_of(const std::string& file) {
  static const std::vector<std::string> kinds = {"Map-", "List-"};
  std::string rest = file.substr(4);
  std::string prefix;
  for (const auto& kind : kinds) {
    if (rest.starts_with(kind)) {
      prefix = kind;
      rest = rest.substr(kind.size());
    }
  }
  return prefix + rest.substr(0, rest.find('-'));
}

// The errors of reading `value` as `object`, each as "<JSON pointer>: <type>".
std::set<std::string> errors_reading(const std::string& object, const boost::json::value& value,
                                     const std::string& at = "") {
  std::set<std::string> out;
  auto read_one = [&](std::string_view model, const boost::json::value& one,
                      const std::string& where) {
    // A `$ref` where the text allows a Reference is one.
    const bool is_ref = one.is_object() && one.as_object().contains("$ref") && model != "Schema" &&
                        model != "PathItem" && model != "MediaType";
    auto read = read_as(is_ref ? "Reference" : model, one);
    EXPECT_TRUE(read.has_value()) << "no model named " << model;
    if (!read || *read) return;
    for (const auto& error : read->errors()) {
      std::string pointer = where;
      for (const auto& element : error.loc) {
        pointer += '/';
        pointer += std::holds_alternative<std::string>(element)
                       ? std::get<std::string>(element)
                       : std::to_string(std::get<std::size_t>(element));
      }
      out.insert(pointer + ": " + error.type);
    }
  };
  if (object.starts_with("Map-") || object == "Paths" || object == "Responses") {
    const std::string model = object == "Paths"       ? "PathItem"
                              : object == "Responses" ? "Response"
                                                      : object.substr(4);
    if (!value.is_object()) return {at + ": not an object"};
    for (const auto& member : value.as_object()) {
      if (member.key().starts_with("x-")) continue;
      std::string where = at + "/" + std::string(member.key());
      if (model == "Callback") {
        // A Callback is itself a map of runtime expressions to Path Items.
        out.merge(errors_reading("Map-PathItem", member.value(), where));
      } else {
        read_one(model, member.value(), where);
      }
    }
  } else if (object.starts_with("List-")) {
    if (!value.is_array()) return {at + ": not an array"};
    for (std::size_t i = 0; i < value.as_array().size(); ++i) {
      out.merge(
          errors_reading(object.substr(5), value.as_array()[i], at + "/" + std::to_string(i)));
    }
  } else if (object == "SecurityRequirement") {
    // A map of scheme names to lists of scopes: no model of its own.
    for (const auto& member : value.as_object()) {
      const auto* scopes = member.value().if_array();
      const bool strings =
          scopes != nullptr && std::all_of(scopes->begin(), scopes->end(),
                                           [](const auto& scope) { return scope.is_string(); });
      if (!strings) out.insert(at + "/" + std::string(member.key()) + ": list_type");
    }
  } else {
    read_one(object, value, at);
  }
  return out;
}

// The examples the 3.2.0 text gets wrong, and what reading them finds (the helper notes of
// tests/data/openapi-3.2/README.md say why each is wrong).
const std::map<std::string, std::set<std::string>>& known_wrong() {
  static const std::map<std::string, std::set<std::string>> wrong = {
      // `version: 1.0` is a YAML number; Info.version is a string.
      {"004-OpenAPI-api-base-url-determination.yaml", {"/info/version: string_type"}},
      {"116-OpenAPI-appendixF-base-uri-within-content-entry.yaml", {"/info/version: string_type"}},
      {"117-OpenAPI-appendixF-base-uri-within-content-shared-foo.yaml",
       {"/info/version: string_type"}},
      {"119-OpenAPI-appendixF-base-uri-from-retrieval-uri.yaml", {"/info/version: string_type"}},
      {"121-OpenAPI-appendixF-relative-self-entry.yaml", {"/info/version: string_type"}},
      {"122-OpenAPI-appendixF-relative-self-shared-foo.yaml", {"/info/version: string_type"}},
      // `examples` written as one Example Object, not a map of them.
      {"019-Parameter-query-content-json.yaml",
       {"/content/application/json/examples/serializedValue: model_type",
        "/examples/serializedValue: model_type"}},
      // A querystring parameter without its required `name`.
      {"020-Parameter-querystring-form-urlencoded.yaml", {"/name: missing"}},
  };
  return wrong;
}

// The two examples that are not YAML at all (a flow mapping without commas; a stray line).
const std::set<std::string> not_yaml = {"059-Components-set-cookie-headers.yaml",
                                        "100-Map-MediaType-xml-ordered-elements.yaml"};

TEST(Spec32Examples, EveryExampleReadsAsTheObjectItShows) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(examples_folder)) {
    const auto extension = entry.path().extension();
    if (extension == ".yaml" || extension == ".json") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  ASSERT_GE(files.size(), 120U);
  std::size_t read_clean = 0;
  for (const auto& path : files) {
    const std::string file = path.filename().string();
    SCOPED_TRACE(file);
    auto source = read_source(file, "file://" + path.string(), read_file(path));
    if (not_yaml.contains(file)) {
      EXPECT_FALSE(source) << "the text's example became valid YAML: drop it from not_yaml";
      continue;
    }
    ASSERT_TRUE(source) << (source ? "" : source.errors().front().message);
    const auto errors = errors_reading(object_of(file), (*source)->value());
    const auto wrong = known_wrong().find(file);
    if (wrong == known_wrong().end()) {
      EXPECT_TRUE(errors.empty()) << *errors.begin();
      read_clean += errors.empty() ? 1 : 0;
    } else {
      EXPECT_EQ(errors, wrong->second);
    }
  }
  EXPECT_EQ(read_clean, files.size() - known_wrong().size() - not_yaml.size());
}

// The examples that show 3.2's additions read into the new fields, not into `extra`.
TEST(Spec32Examples, NewFieldsLandInTheirMembers) {
  auto value_of = [](const std::string& file) {
    const auto path = examples_folder / file;
    auto source = read_source(file, "file://" + path.string(), read_file(path));
    EXPECT_TRUE(source);
    return source ? (*source)->value() : boost::json::value();
  };
  const auto item = from_value<PathItem>(value_of("010-PathItem-additional-operations.yaml"));
  ASSERT_TRUE(item);
  ASSERT_TRUE(item->additionalOperations);
  EXPECT_TRUE(item->additionalOperations->contains("COPY"));
  EXPECT_TRUE(item->extra.empty());

  const auto server = from_value<Server>(value_of("005-Server-single.yaml"));
  ASSERT_TRUE(server);
  EXPECT_TRUE(server->name.has_value());

  const auto querystring = from_value<Parameter>(value_of("021-Parameter-querystring-json.yaml"));
  ASSERT_TRUE(querystring);
  EXPECT_EQ(querystring->in, ParameterInType::querystring);

  const auto header = from_value<Parameter>(value_of("013-Parameter-header-array-int64.yaml"));
  ASSERT_TRUE(header && header->examples);
  const auto& example = std::get<Example>(header->examples->begin()->second);
  EXPECT_TRUE(example.dataValue.has_value());
  EXPECT_TRUE(example.serializedValue.has_value());
  EXPECT_TRUE(example.extra.empty());
}

}  // namespace
}  // namespace oaskit
