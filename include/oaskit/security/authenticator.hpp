#pragma once
/// `Authenticator`: schemes with their verifiers, checked against OpenAPI security
/// requirements. The result is a `Principal` for the handler (FastAPI's `SecurityScopes` and
/// the user its dependency returns), or an AuthError to send back.
///
/// \code
/// using namespace oaskit::security;
/// Authenticator auth;
/// auth.add(std::make_shared<OAuth2ClientCredentialsBearer>(OAuth2ClientCredentialsBearerOptions{
///              .tokenUrl = "https://auth.example.com/token",
///              .scopes = {{"pets:read", "Read pets"}}, .scheme_name = "oauth"}),
///          bearer(jwt_verifier));
/// auto principal = auth.authenticate(request, {{{"oauth", {"pets:read"}}}});
/// if (!principal) respond(principal.errors().status, principal.errors().www_authenticate(),
///                         principal.errors().body());
/// \endcode

#include <boost/json/object.hpp>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "oaskit/security/identity.hpp"
#include "oaskit/security/schemes.hpp"
#include "oaskit/security/shared_json_object.hpp"

namespace oaskit {
struct OpenAPI;
}  // namespace oaskit

namespace oaskit::security {

/// Decides who a credential speaks for. JwtVerifier and IntrospectionVerifier become one with
/// `bearer(...)`; HTTPBasic and API keys take your own (look the user up, compare in constant
/// time, ...). Must be safe to call from many threads.
using Verifier = std::function<VerifyResult(const Credential&)>;

/// A Verifier that hands the credential's token to `verifier->verify(std::string_view)`.
template <class TokenVerifier>
Verifier bearer(std::shared_ptr<TokenVerifier> verifier) {
  return [verifier = std::move(verifier)](const Credential& credential) {
    return verifier->verify(credential.value);
  };
}

/// Who is calling, as the handler sees it.
struct Principal {
  std::string subject{};
  std::optional<std::string> client_id{};
  std::vector<std::string> scopes{};  ///< every scope granted (not only the required ones)
  SharedJsonObject claims{};          ///< the claims of the first scheme that has any
  /// The schemes of the alternative that passed, in requirement order; empty for anonymous.
  std::vector<std::string> schemes{};
  /// The scopes the passing alternative required (FastAPI's SecurityScopes.scopes).
  std::vector<std::string> required_scopes{};

  [[nodiscard]] bool anonymous() const { return schemes.empty(); }
  [[nodiscard]] bool has_scope(std::string_view scope) const;
};

class Authenticator {
 public:
  /// Registers `scheme` under its name with the verifier for its credentials. Registering a
  /// second scheme with the same name, a null scheme or an empty verifier is a programming
  /// error (std::invalid_argument).
  Authenticator& add(std::shared_ptr<const Scheme> scheme, Verifier verifier);
  [[nodiscard]] const Scheme* find(std::string_view name) const;

  /// Puts every registered scheme's model into `document.components.securitySchemes`
  /// (creating components when needed; an existing entry of the same name is replaced).
  void document(OpenAPI& document) const;

  /// Checks `request` against `requirements` with OpenAPI's meaning: the alternatives are
  /// tried in order and the first that passes wins; an alternative passes when every scheme it
  /// names yields a credential its verifier accepts and that grants every scope listed for it.
  /// No requirements, or an empty alternative `{}`, admit anonymous callers. Scopes listed for
  /// an API key or Basic scheme (OpenAPI 3.1 allows role names there) are checked against its
  /// Identity's scopes the same way. Each scheme is asked at most once per call; an
  /// alternative stops at its first failing scheme. A scheme with auto_error off that finds
  /// no (or a malformed) credential simply does not pass. When no alternative passes:
  /// - a verifier could not check a credential (TokenCheck::unavailable) → 503, no challenge,
  ///   since the credential may be good (TokenError::internal is never sent);
  /// - else some alternative was authenticated but lacked scopes, or its verifier refused
  ///   with TokenCheck::scope → 403 "Not enough permissions"; for a bearer token with
  ///   `Bearer error="insufficient_scope", scope="<the scopes that alternative requires>"`;
  /// - else a credential was refused → 401 with the refusal's message as detail; for a bearer
  ///   token `Bearer error="invalid_token", error_description="<message>"`, for Basic and API
  ///   keys the plain challenge;
  /// - else a credential was malformed → the scheme's error: 401 `error="invalid_request"`
  ///   for bearer tokens, 401 "Invalid authentication credentials" for Basic;
  /// - else (nothing sent) → 401 with every candidate scheme's challenge (each distinct one
  ///   once) and no error code.
  /// A scheme name that was never registered is a programming error (std::invalid_argument),
  /// detected even when an earlier alternative passes.
  [[nodiscard]] Result<Principal, AuthError> authenticate(
      const RequestView& request, const std::vector<SecurityRequirement>& requirements) const;

 private:
  struct Entry {
    std::shared_ptr<const Scheme> scheme;
    Verifier verifier;
  };
  std::vector<Entry> entries_;
};

/// The security requirements of the operation `method` on path template `path` in `document`:
/// the operation's own `security` when it has one (an empty list means none), else the
/// document's, else none. `path` is the template exactly as written under `paths`; `method`
/// is compared ignoring case. nullopt when the document has no such operation (a Path Item
/// `$ref` is not followed).
[[nodiscard]] std::optional<std::vector<SecurityRequirement>> requirements_of(
    const OpenAPI& document, std::string_view path, std::string_view method);

}  // namespace oaskit::security
