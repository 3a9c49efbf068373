#pragma once
// The token endpoint's answer read as RFC 6749 §5 says: a TokenResponse for a 200 with a
// usable body, the server's OAuth error for a 4xx that carries one, `unavailable` for 429 and
// 5xx (with Retry-After), `bad_response` for the rest. The device authorization endpoint's
// answer (RFC 8628 §3.2) is read by the same rules.

#include <chrono>

#include "http/client.hpp"
#include "oaskit/oauth2/token.hpp"

namespace oaskit::oauth2::detail {

/// `response` as a token response or an error; `now` turns a Retry-After date into seconds.
[[nodiscard]] GrantResult read_token_response(const oaskit::detail::HttpResponse& response,
                                              std::chrono::system_clock::time_point now);

/// `response` as a device authorization response (RFC 8628 §3.2) or an error, read by the
/// same rules as a token response's status and errors.
[[nodiscard]] Result<DeviceAuthorization, GrantError> read_device_authorization_response(
    const oaskit::detail::HttpResponse& response, std::chrono::system_clock::time_point now);

/// An error of kind `kind` with `message`, and nothing else.
[[nodiscard]] GrantError grant_error(GrantError::Kind kind, std::string message);

}  // namespace oaskit::oauth2::detail
