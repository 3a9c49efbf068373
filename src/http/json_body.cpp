#include "http/json_body.hpp"

#include <boost/json/parse.hpp>
#include <string>

namespace oaskit::detail {

Result<boost::json::object, FetchError> json_object_body(const HttpResponse& response) {
  if (response.status != 200) return FetchError{"HTTP status " + std::to_string(response.status)};
  boost::system::error_code error;
  boost::json::value value = boost::json::parse(response.body, error);
  if (error) return FetchError{"the response is not JSON (" + error.message() + ")"};
  if (!value.is_object()) return FetchError{"the response is not a JSON object"};
  return std::move(value.as_object());
}

}  // namespace oaskit::detail
