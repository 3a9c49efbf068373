#include "http/json_body.hpp"

#include <string>

#include "util/strict_json.hpp"

namespace oaskit::detail {

Result<boost::json::object, FetchError> json_object_body(const HttpResponse& response) {
  if (response.status != 200) return FetchError{"HTTP status " + std::to_string(response.status)};
  // Strict: a repeated member (two "active"s, two "issuer"s) means two readers could disagree.
  std::string error;
  auto value = parse_strict_json(response.body, &error);
  if (!value) return FetchError{"the response is not JSON (" + error + ")"};
  if (!value->is_object()) return FetchError{"the response is not a JSON object"};
  return std::move(value->as_object());
}

}  // namespace oaskit::detail
