#pragma once
/// What a verifier learns from a credential (`Identity`), and why it refused one
/// (`TokenError`, naming the check that failed).

#include <boost/json/object.hpp>
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "oaskit/result.hpp"
#include "oaskit/security/shared_json_object.hpp"

namespace oaskit::security {

/// Which check refused a credential. `oaskit jwt verify` prints its name.
enum class TokenCheck {
  format,       ///< not a well-formed token (segments, base64url, JSON, size, JWE, duplicate keys)
  alg,          ///< algorithm missing, "none", not allowed, or not fitting the key
  kid,          ///< no key with that kid (after one refetch), or no key at all
  signature,    ///< the signature does not verify
  crit,         ///< a "crit" header parameter oaskit does not understand
  typ,          ///< "typ" is not the required one (RFC 9068 §4)
  exp,          ///< expired, or no "exp"
  nbf,          ///< not yet valid
  iat,          ///< issued in the future
  iss,          ///< wrong or missing issuer
  aud,          ///< the audience is not among "aud"
  scope,        ///< a required scope was not granted
  inactive,     ///< introspection said `"active": false`
  unavailable,  ///< keys or the introspection endpoint could not be reached
  rejected      ///< a user-supplied verifier said no
};
/// "signature", "exp", ...
[[nodiscard]] std::string_view to_string(TokenCheck check);

/// A refusal. `message` helps the caller fix their request and never contains the token, a
/// secret or key material; `internal` may say more for the server's own logs (e.g. an HTTP
/// failure when fetching keys) and is never sent to the client.
struct TokenError {
  TokenCheck check = TokenCheck::format;
  std::string message;
  std::string internal;
};

/// Who a verified credential speaks for. Copies are cheap: the header and claims are shared.
struct Identity {
  std::string subject;                   ///< "sub" (empty when the token has none)
  std::optional<std::string> client_id;  ///< "client_id" (RFC 9068), else "azp"
  std::vector<std::string> scopes;       ///< from "scope" (space-separated) or "scp" (array)
  SharedJsonObject header;               ///< the JOSE header (empty for opaque tokens)
  SharedJsonObject claims;               ///< the JWT claims, or the introspection response
  std::optional<std::chrono::system_clock::time_point> expires_at;  ///< "exp"
};

using VerifyResult = Result<Identity, TokenError>;

/// The scopes a token grants: "scope" split on spaces (RFC 6749 §3.3), else the strings of a
/// "scp" array. Anything else (a number, a non-string element) grants nothing.
[[nodiscard]] std::vector<std::string> granted_scopes(const boost::json::object& claims);

}  // namespace oaskit::security
