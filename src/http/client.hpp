#pragma once
// Outbound HTTP with libcurl, for the security module (JWKS, discovery, introspection, tokens)
// and for remote `$ref`s: TLS always verified, plain http only where allowed, bounded in time
// and size. One function, `send`, returns whatever status the server answered; callers decide.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "oaskit/http_options.hpp"
#include "oaskit/result.hpp"

namespace oaskit::detail {

struct HttpRequest {
  std::string method = "GET";
  std::string url;
  std::vector<std::pair<std::string, std::string>> headers{};
  std::string body{};
};

struct HttpResponse {
  long status = 0;
  std::vector<std::pair<std::string, std::string>> headers{};  ///< in order, values trimmed
  std::string body{};
  /// The first header called `name` (compared case-insensitively).
  [[nodiscard]] std::optional<std::string_view> header(std::string_view name) const;
};

/// Why an exchange failed, for a person: "HTTP status 404", "timed out after 10000 ms", ...
/// Never contains the request's headers or body.
struct FetchError {
  std::string message;
};

/// Where plain http:// may go. The security module talks to loopback only (tests, local
/// development); remote `$ref`s are opt-in, so they may use http to any host.
enum class PlainHttp { loopback_only, any_host };

/// Why `url` may not be requested (not http/https, or http to a host `plain_http` excludes);
/// nullopt when it may.
[[nodiscard]] std::optional<std::string> url_problem(std::string_view url, PlainHttp plain_http);

/// Sends `request` and returns the response, whatever its status. GET follows up to 5
/// redirects (each target checked like the first URL; Authorization is dropped when the origin
/// changes); other methods never follow them. TLS peer and host verification are always on;
/// `options.timeout` bounds the whole exchange, `options.max_bytes` the body (and, separately,
/// the headers); the proxy environment variables are honoured.
[[nodiscard]] Result<HttpResponse, FetchError> send(
    const HttpRequest& request, const HttpOptions& options,
    PlainHttp plain_http = PlainHttp::loopback_only);

}  // namespace oaskit::detail
