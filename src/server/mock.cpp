#include "server/mock.hpp"

#include <boost/json/serialize.hpp>

#include "oaskit/models.hpp"
#include "server/media_type.hpp"

namespace oaskit::server::detail {

namespace {

bool is_json(std::string_view media_type) {
  const auto type = media_type_of(media_type);
  return is_json_media_type(type) || type == "*/*";
}

std::optional<int> success_status(std::string_view key) {
  if (key.size() != 3 || key.front() != '2') return std::nullopt;
  if (key == "2XX" || key == "2xx") return 200;
  if (key[1] < '0' || key[1] > '9' || key[2] < '0' || key[2] > '9') return std::nullopt;
  return 200 + (key[1] - '0') * 10 + (key[2] - '0');
}

std::optional<Any> schema_example(const SchemaOrBool& schema, const Resolver& resolver) {
  auto resolved = resolver.schema(schema);
  if (!resolved) return std::nullopt;
  if (resolved->example) return *resolved->example;
  if (resolved->examples && !resolved->examples->empty()) return resolved->examples->front();
  return std::nullopt;
}

std::optional<Any> media_example(const MediaType& media, const Resolver& resolver) {
  if (media.example) return *media.example;
  if (media.examples) {
    for (const auto& [name, entry] : *media.examples) {
      auto example = resolver.resolve(entry);
      if (example && example->value) return *example->value;
    }
  }
  if (media.schema) return schema_example(*media.schema, resolver);
  return std::nullopt;
}

Response text_or_json(int status, std::string media_type, const Any& example) {
  Response response{
      .status = status, .content_type = std::move(media_type), .body = {}, .headers = {}};
  // A string example of a text media type is the body itself; anything else is JSON.
  if (example.is_string() && !is_json(response.content_type)) {
    response.body = std::string(example.get_string());
  } else {
    response.body = boost::json::serialize(example);
  }
  return response;
}

}  // namespace

Response mock_response(const Operation& operation, const Resolver& resolver) {
  if (operation.responses) {
    for (const auto& [key, entry] : operation.responses->entries) {
      auto status = success_status(key);
      if (!status) continue;
      auto response = resolver.resolve(entry);
      if (!response) break;
      if (!response->content || response->content->empty()) return Response::empty(*status);
      const std::pair<std::string, MediaType>* chosen = nullptr;
      for (const auto& media : *response->content) {
        if (is_json(media.first)) {
          chosen = &media;
          break;
        }
      }
      if (chosen == nullptr) chosen = &*response->content->begin();
      if (auto example = media_example(chosen->second, resolver)) {
        auto type = chosen->first == "*/*" ? std::string("application/json") : chosen->first;
        return text_or_json(*status, std::move(type), *example);
      }
      break;  // the first 2xx response is the one documented: no guessing further
    }
  }
  return Response::detail(501, "Not Implemented");
}

}  // namespace oaskit::server::detail
