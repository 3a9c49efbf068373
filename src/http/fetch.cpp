#include "http/fetch.hpp"

#include <string>

namespace oaskit::detail {

Result<std::string, FetchError> fetch(const std::string& url, const FetchLimits& limits) {
  auto response = send({.url = url}, {.timeout = limits.timeout, .max_bytes = limits.max_bytes},
                       PlainHttp::any_host);
  if (!response) return response.errors();
  if (response->status < 200 || response->status >= 300) {
    return FetchError{"HTTP status " + std::to_string(response->status)};
  }
  return std::move(response->body);
}

}  // namespace oaskit::detail
