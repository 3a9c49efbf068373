#pragma once
// The AuthErrors the schemes and the Authenticator send, built in one place so that every
// challenge is quoted and every detail worded the same way.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "oaskit/security/schemes.hpp"

namespace oaskit::security::detail {

inline constexpr std::string_view not_authenticated_detail = "Not authenticated";
inline constexpr std::string_view invalid_credentials_detail = "Invalid authentication credentials";
inline constexpr std::string_view not_enough_permissions_detail = "Not enough permissions";
inline constexpr std::string_view unavailable_detail =
    "The credentials could not be checked right now; try again later";

/// `text` reduced to the characters RFC 6750 §3 allows in error_description and a scope
/// attribute (%x20-21 / %x23-5B / %x5D-7E): '"' becomes '\'', '\' becomes '/', other control
/// characters a space, anything else (non-ASCII, DEL) is dropped.
[[nodiscard]] std::string rfc6750_text(std::string_view text);

/// `challenge` followed by auth-params, each value a quoted-string:
/// `Bearer error="invalid_token", error_description="…"`.
[[nodiscard]] std::string with_parameters(
    std::string challenge, const std::vector<std::pair<std::string_view, std::string>>& params);

/// 401, no error code: nothing was sent for `challenge` (RFC 6750 §3).
[[nodiscard]] AuthError not_authenticated(std::vector<std::string> challenges);
/// 401 `error="invalid_request"` (RFC 6750 §3.1; FastAPI's status): a bearer credential that cannot
/// be read.
[[nodiscard]] AuthError invalid_request(const std::string& bearer_challenge,
                                        std::string_view description);
/// 401 with the scheme's plain challenge: Basic credentials that cannot be read (RFC 7617 has
/// no error codes).
[[nodiscard]] AuthError invalid_credentials(std::string challenge);
/// `Extracted` for a failure: the error when `auto_error`, else "no credential".
[[nodiscard]] Scheme::Extracted fail(bool auto_error, AuthError error);
/// True for the error of a scheme that found no credential at all.
[[nodiscard]] bool reports_missing(const AuthError& error);

}  // namespace oaskit::security::detail
