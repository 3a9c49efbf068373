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

#include "oaskit/model/openapi.hpp"
#include "oaskit/security/identity.hpp"
#include "oaskit/security/schemes.hpp"

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
  std::string subject;
  std::optional<std::string> client_id;
  std::vector<std::string> scopes;  ///< every scope granted (not only the required ones)
  boost::json::object claims;
  /// The schemes of the alternative that passed, in requirement order; empty for anonymous.
  std::vector<std::string> schemes;
  /// The scopes the passing alternative required (FastAPI's SecurityScopes.scopes).
  std::vector<std::string> required_scopes;

  [[nodiscard]] bool anonymous() const { return schemes.empty(); }
  [[nodiscard]] bool has_scope(std::string_view scope) const;
};

class Authenticator {
 public:
  /// Registers `scheme` under its name with the verifier for its credentials. Registering a
  /// second scheme with the same name is a programming error (std::invalid_argument).
  Authenticator& add(std::shared_ptr<const Scheme> scheme, Verifier verifier);
  [[nodiscard]] const Scheme* find(std::string_view name) const;

  /// Puts every registered scheme's model into `document.components.securitySchemes`
  /// (creating components when needed; an existing entry of the same name is replaced).
  void document(OpenAPI& document) const;

  /// Checks `request` against `requirements` with OpenAPI's meaning: the alternatives are
  /// tried in order and the first that passes wins; an alternative passes when every scheme it
  /// names yields a credential its verifier accepts and that grants every scope listed for it.
  /// No requirements, or an empty alternative `{}`, admit anonymous callers. When none passes:
  /// - some alternative was authenticated but lacked scopes → 403 with
  ///   `Bearer error="insufficient_scope", scope="…"`;
  /// - else a credential was refused → 401 `error="invalid_token"` with the refusal's message;
  /// - else a credential was malformed → 401 `error="invalid_request"`;
  /// - else (nothing sent) → 401 with every candidate scheme's challenge and no error code.
  /// A scheme name that was never registered is a programming error (std::invalid_argument).
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
/// document's. nullopt when the document has no such operation.
[[nodiscard]] std::optional<std::vector<SecurityRequirement>> requirements_of(
    const OpenAPI& document, std::string_view path, std::string_view method);

}  // namespace oaskit::security
