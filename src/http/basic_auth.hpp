#pragma once
// HTTP Basic credentials for OAuth 2.0 clients (client_secret_basic).

#include <string>
#include <string_view>

namespace oaskit::detail {

/// Standard base64 with padding (RFC 4648 §4).
[[nodiscard]] std::string base64_encode(std::string_view bytes);

/// The Authorization header value for client_secret_basic: "Basic " + base64 of the
/// form-urlencoded id, ':', and the form-urlencoded secret (RFC 6749 §2.3.1), so a ':' in the
/// id cannot be mistaken for the separator.
[[nodiscard]] std::string basic_authorization(std::string_view client_id,
                                              std::string_view client_secret);

}  // namespace oaskit::detail
