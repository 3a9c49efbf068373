#pragma once
/// `oaskit::oauth2::Client`: token requests to the endpoints an OpenAPI document declares.
/// The API's `OAuth2` security scheme says where tokens come from (a flow's `tokenUrl`), where
/// to refresh them (`refreshUrl`) and which scopes exist; with the client's credentials that is
/// enough to ask for a token.
///
/// \code
/// using namespace oaskit::oauth2;
/// auto client = Client::from_document(api, "oauth", Flow::clientCredentials,
///                                     {.client_id = "billing",
///                                      .authentication = ClientSecret{secret_from_vault()}});
/// if (!client) die(client.errors().message);
/// auto token = client->client_credentials({"pets:read"});
/// if (token) call_api("Bearer " + token->access_token);
/// \endcode

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "oaskit/jose.hpp"
#include "oaskit/map.hpp"
#include "oaskit/oauth2/token.hpp"
#include "oaskit/security/http_options.hpp"
#include "oaskit/security/introspection.hpp"

namespace oaskit {
class Document;
struct OAuth2;
struct OpenAPI;
}  // namespace oaskit

namespace oaskit::oauth2 {

/// A client secret, sent as HTTP Basic (`client_secret_basic`, the default: id and secret
/// form-urlencoded before base64, RFC 6749 §2.3.1) or in the form body (`client_secret_post`).
struct ClientSecret {
  std::string secret;
  security::ClientAuthentication method = security::ClientAuthentication::client_secret_basic;
};

/// `private_key_jwt` (RFC 7523 §2.2, OpenID Connect Core §9): each request carries a short-lived
/// JWT signed with the client's private key: iss and sub the client id, aud the token endpoint,
/// a random jti.
struct PrivateKeyJwt {
  jose::Key key;  ///< a private key (its kid, if any, goes into the header)
  jose::Algorithm alg = jose::Algorithm::RS256;
  std::chrono::seconds lifetime{60};
};

/// A public client, which has no secret (`none`): the authorization code flow with PKCE.
struct PublicClient {};

struct ClientCredentials {
  std::string client_id;
  std::variant<ClientSecret, PrivateKeyJwt, PublicClient> authentication = PublicClient{};
};

/// The flows a client can use (implicit and password are not offered: RFC 9700 forbids them).
/// deviceAuthorization is RFC 8628's, declared by OpenAPI 3.2.
enum class Flow { clientCredentials, authorizationCode, deviceAuthorization };

/// A flow's endpoints, as absolute URLs, and the scopes it declares.
struct FlowEndpoints {
  std::string token_url;
  std::optional<std::string> refresh_url{};        ///< refreshUrl; token_url is used when absent
  std::optional<std::string> authorization_url{};  ///< authorizationCode only
  std::optional<std::string> device_authorization_url{};  ///< deviceAuthorization only
  Map<std::string> scopes{};                              ///< declared scope → description
};

struct ClientOptions {
  security::HttpOptions http{};
  /// from_scheme and from_document only: take the endpoints from the authorization server's
  /// own metadata at the scheme's `oauth2MetadataUrl` (OpenAPI 3.2, RFC 8414), fetched once
  /// with `http` when the client is made. Its token_endpoint, authorization_endpoint and
  /// device_authorization_endpoint replace the flow's tokenUrl, authorizationUrl and
  /// deviceAuthorizationUrl (the server knows its endpoints better than a copy of them in a
  /// document); one the metadata lacks keeps the document's, and refreshUrl and the scopes
  /// stay the document's. The metadata's `issuer` must be the one its URL names (RFC 8414
  /// §3.3: `https://as.example/.well-known/oauth-authorization-server/t` is for issuer
  /// `https://as.example/t`). Errors: no oauth2MetadataUrl (configuration), no answer
  /// (unavailable), an answer that is not such metadata or is for another issuer
  /// (bad_response). Lint's security-oauth2-metadata-mismatch reports the document's URLs
  /// that differ.
  /// \code
  /// auto client = Client::from_document(api, "oauth", Flow::deviceAuthorization,
  ///                                     {.client_id = "tv"}, {.endpoints_from_metadata = true});
  /// \endcode
  bool endpoints_from_metadata = false;
  /// Scopes the flow does not declare are refused before any request, unless this is set.
  bool allow_undeclared_scopes = false;
  /// For tests: the clock used for assertions' iat/exp and Retry-After dates.
  std::function<std::chrono::system_clock::time_point()> clock{};
};

/// Makes token requests; thread-safe, each call is one request (no caching, no retries: see
/// TokenSource for those).
class Client {
 public:
  /// A client for explicit endpoints (absolute URLs).
  [[nodiscard]] static Result<Client, GrantError> from_endpoints(FlowEndpoints endpoints,
                                                                 ClientCredentials credentials,
                                                                 ClientOptions options = {});
  /// The `flow` of `scheme`. Relative URLs in it resolve against `base_url` (OpenAPI 3.1 §4.3:
  /// against the Server Object's URL), which must then be absolute.
  [[nodiscard]] static Result<Client, GrantError> from_scheme(const OAuth2& scheme, Flow flow,
                                                              std::string_view base_url,
                                                              ClientCredentials credentials,
                                                              ClientOptions options = {});
  /// The scheme called `scheme_name` in `document`'s components, which must be an OAuth2 scheme
  /// with `flow`. Relative URLs resolve against the first server's URL (its variables at their
  /// defaults), which must then be absolute.
  [[nodiscard]] static Result<Client, GrantError> from_document(const OpenAPI& document,
                                                                std::string_view scheme_name,
                                                                Flow flow,
                                                                ClientCredentials credentials,
                                                                ClientOptions options = {});
  /// The same for a loaded document, where the scheme may be a `$ref` (into another file
  /// too): the reference is followed. With the model alone, a `$ref` scheme is an error.
  [[nodiscard]] static Result<Client, GrantError> from_document(const Document& document,
                                                                std::string_view scheme_name,
                                                                Flow flow,
                                                                ClientCredentials credentials,
                                                                ClientOptions options = {});

  /// The client credentials grant (RFC 6749 §4.4). `resources` are RFC 8707 resource
  /// indicators (the API's URL, for an audience-restricted token).
  [[nodiscard]] GrantResult client_credentials(
      const std::vector<std::string>& scopes = {},
      const std::vector<std::string>& resources = {}) const;
  /// The refresh token grant (RFC 6749 §6), to refresh_url (else token_url). `scopes` may only
  /// narrow the original grant; empty keeps it.
  [[nodiscard]] GrantResult refresh(std::string_view refresh_token,
                                    const std::vector<std::string>& scopes = {},
                                    const std::vector<std::string>& resources = {}) const;
  /// The authorization code exchange (RFC 6749 §4.1.3) with the PKCE verifier (RFC 7636 §4.5).
  [[nodiscard]] GrantResult exchange_code(std::string_view code, std::string_view code_verifier,
                                          std::string_view redirect_uri,
                                          const std::vector<std::string>& resources = {}) const;

  /// The device authorization request (RFC 8628 §3.1) to device_authorization_url: the
  /// client's authentication (a public client sends its client_id), `scopes` and RFC 8707
  /// `resources`. The answer's user code and verification URI are for the user; see
  /// authorize_device (device_authorization.hpp) for the whole flow.
  /// \code
  /// auto started = client.start_device_authorization({"pets:read"});
  /// if (started) std::cout << "Go to " << started->verification_uri << ", enter "
  ///                        << started->user_code << '\n';
  /// \endcode
  [[nodiscard]] Result<DeviceAuthorization, GrantError> start_device_authorization(
      const std::vector<std::string>& scopes = {},
      const std::vector<std::string>& resources = {}) const;
  /// One device access token request (RFC 8628 §3.4): grant_type
  /// urn:ietf:params:oauth:grant-type:device_code with `device_code`. Until the user decides,
  /// the answer is a `refused` error with error "authorization_pending" or "slow_down" (§3.5).
  [[nodiscard]] GrantResult poll_device_token(std::string_view device_code) const;

  /// A configuration error when a scope is not declared by the flow (and undeclared scopes are
  /// not allowed); the grants check this before sending anything.
  [[nodiscard]] std::optional<GrantError> check_scopes(
      const std::vector<std::string>& scopes) const;

  [[nodiscard]] const FlowEndpoints& endpoints() const;
  [[nodiscard]] const std::string& client_id() const;
  /// Token requests sent so far (for tests and metrics).
  [[nodiscard]] std::size_t request_count() const;

  struct State;

 private:
  explicit Client(std::shared_ptr<State> state);
  std::shared_ptr<State> state_;
};

}  // namespace oaskit::oauth2
