#pragma once
/// What a token endpoint answers (RFC 6749 §5): a `TokenResponse`, or a `GrantError` saying
/// why there is none; and what a device authorization endpoint answers (RFC 8628 §3.2).

#include <boost/json/object.hpp>
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "oaskit/result.hpp"

namespace oaskit::oauth2 {

/// A successful token response (RFC 6749 §5.1), checked: `access_token` is a non-empty
/// string, `token_type` is "Bearer" in any case (the only type oaskit can use), the optional
/// members have their types.
struct TokenResponse {
  std::string access_token{};
  std::string token_type{};                          ///< as sent
  std::optional<std::chrono::seconds> expires_in{};  ///< absent: the server did not say
  std::optional<std::string> refresh_token{};
  /// The granted scopes when the server lists them (it must when they differ from the request,
  /// §5.1); absent: as requested.
  std::optional<std::vector<std::string>> scope{};
  std::optional<std::string> id_token{};  ///< OpenID Connect
  boost::json::object members{};          ///< the whole response, extension members included
};

/// A device authorization response (RFC 8628 §3.2), checked: the codes and verification_uri
/// are non-empty strings, expires_in is a number of seconds.
struct DeviceAuthorization {
  std::string device_code{};  ///< the client's secret for polling: never shown to anyone
  std::string user_code{};    ///< what the user types at verification_uri ("WDJB-MJHT")
  std::string verification_uri{};
  /// verification_uri with the user code in it, for a link or a QR code, when the server gives
  /// one.
  std::optional<std::string> verification_uri_complete{};
  std::chrono::seconds expires_in{};  ///< the codes' lifetime
  /// The least time between polls; 5 s when the server does not say (RFC 8628 §3.2).
  std::chrono::seconds interval{5};
};

/// Why no token came back.
struct GrantError {
  enum class Kind {
    refused,        ///< the server answered an OAuth error (RFC 6749 §5.2): `error` says which
    bad_response,   ///< the answer is not a token response oaskit can use
    unavailable,    ///< no answer: network failure, timeout, 5xx or 429 (after any retries)
    configuration,  ///< the request was not sent: an undeclared scope, a missing URL, ...
  };
  Kind kind = Kind::unavailable;
  /// For a person; never contains a secret or a token.
  std::string message;
  long http_status = 0;  ///< 0 when there was no HTTP answer
  /// RFC 6749 §5.2, when kind == refused: "invalid_client", "invalid_grant", ...
  std::string error{};
  std::optional<std::string> error_description{};
  std::optional<std::string> error_uri{};
  /// A 429 or 503 answer's Retry-After, when it gave one.
  std::optional<std::chrono::seconds> retry_after{};
};

/// "refused", "bad_response", "unavailable", "configuration".
[[nodiscard]] std::string_view to_string(GrantError::Kind kind);

using GrantResult = Result<TokenResponse, GrantError>;

}  // namespace oaskit::oauth2
