#pragma once
/// `JwtVerifier`: checks JWT access tokens (RFC 9068) as RFC 7519 §7.2, RFC 7515 and the JWT
/// best practices of RFC 8725 ask.
///
/// \code
/// using namespace oaskit::security;
/// JwtVerifier verifier({.issuer = "https://auth.example.com/", .audience =
/// "https://api.example.com",
///                       .algorithms = {oaskit::jose::Algorithm::ES256},
///                       .jwks = JwksSource::from_issuer("https://auth.example.com/")});
/// auto identity = verifier.verify(token);
/// if (!identity) std::cerr << to_string(identity.errors().check) << ": "
///                          << identity.errors().message;
/// \endcode

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "oaskit/jose.hpp"
#include "oaskit/security/identity.hpp"
#include "oaskit/security/jwks.hpp"

namespace oaskit::security {

struct JwtVerifierOptions {
  std::string issuer;    ///< "iss" must equal this exactly
  /// Keys trusted on their own (a local JWKS file that one issuer owns): "iss" must then be
  /// present but is not compared, and `issuer` may be empty.
  bool accept_any_issuer = false;
  std::string audience;  ///< "aud" (a string or an array) must contain this
  /// The algorithms accepted (RFC 8725 §3.1). "none" never is; HS* only with a secret in `keys`.
  std::vector<jose::Algorithm> algorithms{jose::Algorithm::RS256};
  std::chrono::seconds leeway{60};  ///< allowed clock skew for exp, nbf and iat
  /// When set, "typ" must be this media type (RFC 9068 §4: "at+jwt"), compared
  /// case-insensitively, with or without the "application/" prefix (RFC 7515 §4.1.9).
  std::optional<std::string> required_typ{};
  /// Scopes every token must grant (a failure is TokenCheck::scope). Per-route scopes belong in
  /// the security requirements instead (authenticator.hpp).
  std::vector<std::string> required_scopes{};
  std::size_t max_token_bytes = 16'384;  ///< longer tokens are refused before any work
  jose::KeySet keys{};                   ///< configured keys (and HMAC secrets)
  std::shared_ptr<JwksSource> jwks{};    ///< remote keys; tried when `keys` has no match
  /// Bounded cache of verified tokens (keyed by a SHA-256 of the token, entries expire at the
  /// token's exp): 0 turns it off. Repeated tokens then skip the signature check.
  std::size_t cache_capacity = 0;
  /// The clock, for tests.
  std::function<std::chrono::system_clock::time_point()> clock{};
};

/// Thread-safe: one verifier serves every request.
class JwtVerifier {
 public:
  explicit JwtVerifier(JwtVerifierOptions options);
  ~JwtVerifier();
  JwtVerifier(JwtVerifier&&) noexcept;
  JwtVerifier& operator=(JwtVerifier&&) noexcept;

  /// Every check, in this order: size and form (three segments of strict base64url; five
  /// segments is a JWE and refused), header JSON (no duplicate members; "crit" only with
  /// understood names; "alg" allowed; "typ" when required; a nested JWT ("cty": "JWT") refused),
  /// key by "kid" (never by "jku", "x5u", "jwk" or "x5c"), signature, payload JSON (UTF-8, no
  /// duplicate members), then exp (required), nbf, iat, iss, aud and required scopes.
  [[nodiscard]] VerifyResult verify(std::string_view token) const;

  struct State;

 private:
  std::unique_ptr<State> state_;
};

/// A JWT's header and claims read without any verification (`oaskit jwt decode`). Still strict
/// about form: three segments of base64url, JSON objects.
struct UnverifiedJwt {
  boost::json::object header;
  boost::json::object claims;
};
[[nodiscard]] Result<UnverifiedJwt, TokenError> decode_unverified(std::string_view token);

}  // namespace oaskit::security
