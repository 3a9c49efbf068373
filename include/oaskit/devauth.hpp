#pragma once
/// `oaskit::devauth`: a development and test OAuth 2.0 authorization server, so that the
/// document's own OAuth2 flows work (Swagger UI's Authorize, `oaskit token`, a test suite)
/// with nothing else installed. It is not a production identity provider: clients, users and
/// passwords come from a config file, and grants live in memory.
///
/// What it serves (paths configurable, see `Paths`): the token endpoint (client_credentials,
/// authorization_code with PKCE S256, refresh_token with rotation, RFC 8628's device_code), the
/// authorization endpoint with a server-rendered sign-in and consent page, the RFC 8628 device
/// authorization endpoint and its verification page (where a user enters the user code), the JWKS,
/// RFC 8414 and OpenID discovery metadata, RFC 7662 introspection and RFC 7009 revocation. Access
/// tokens are RFC 9068 JWTs (ES256 by default); refresh tokens are opaque and stored hashed.
/// Implicit and password are refused (`unsupported_grant_type`, RFC 9700) even when a document
/// declares them.
///
/// \code
/// auto config = oaskit::devauth::read_config("devauth.yaml", oaskit::devauth::scopes_of(model));
/// if (!config) { for (auto& d : config.errors()) std::cerr << to_string(d) << '\n'; return 2; }
/// auto auth = oaskit::devauth::AuthorizationServer::create(std::move(*config));
/// oaskit::server::Server server(model, {.port = 8000});
/// (*auth)->mount(server);  // routes beside the API; the served document's flows point at it
/// \endcode

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "oaskit/diagnostic.hpp"
#include "oaskit/jose.hpp"
#include "oaskit/map.hpp"
#include "oaskit/result.hpp"
#include "oaskit/security/authenticator.hpp"
#include "oaskit/server.hpp"

namespace oaskit {
struct OpenAPI;
}

namespace oaskit::devauth {

/// How a client proves who it is at the token, introspection and revocation endpoints (RFC
/// 7591 §2 `token_endpoint_auth_method`).
enum class ClientAuthMethod { client_secret_basic, client_secret_post, private_key_jwt, none };
[[nodiscard]] std::string_view to_string(ClientAuthMethod method);

/// The grants this server offers (RFC 7591 `grant_types`).
/// device_code is RFC 8628's, named urn:ietf:params:oauth:grant-type:device_code.
enum class GrantType { authorization_code, client_credentials, refresh_token, device_code };
[[nodiscard]] std::string_view to_string(GrantType grant);

/// A registered client, in RFC 7591's client metadata names.
struct Client {
  std::string client_id;
  std::string client_name{};                 ///< shown on the consent page (the id when empty)
  std::string client_secret{};               ///< client_secret_basic and client_secret_post
  std::vector<std::string> redirect_uris{};  ///< compared exactly; loopback: any port
  std::vector<GrantType> grant_types{GrantType::authorization_code};
  std::vector<std::string> scope{};  ///< the scopes it may ask for; empty: every declared one
  ClientAuthMethod token_endpoint_auth_method = ClientAuthMethod::client_secret_basic;
  jose::KeySet jwks{};  ///< private_key_jwt: the keys its assertions are signed with
  /// A public client (`none`): it has no secret and proves nothing but its redirect URI.
  [[nodiscard]] bool is_public() const {
    return token_endpoint_auth_method == ClientAuthMethod::none;
  }
  /// Whether `grant` is among its grant_types.
  [[nodiscard]] bool allows(GrantType grant) const {
    return std::find(grant_types.begin(), grant_types.end(), grant) != grant_types.end();
  }
};

/// Someone who can sign in on the authorization page.
struct User {
  std::string username;
  std::string password;
  std::string subject{};  ///< the tokens' `sub`; the username when empty
};

/// Where each endpoint is served, as paths of the server's URL.
struct Paths {
  std::string token = "/oauth/token";
  std::string authorization = "/oauth/authorize";
  std::string jwks = "/oauth/jwks.json";
  std::string introspection = "/oauth/introspect";
  std::string revocation = "/oauth/revoke";
  std::string metadata = "/.well-known/oauth-authorization-server";
  std::string openid_configuration = "/.well-known/openid-configuration";
  std::string device_authorization = "/oauth/device_authorization";  ///< RFC 8628 §3.1
  std::string device_verification = "/oauth/device";  ///< the page where the user code is typed
};

/// Every path of `Paths`, with its name in the config file.
[[nodiscard]] std::vector<std::pair<std::string_view, std::string Paths::*>> path_members();

/// Bounds on guessing: more than `max_failures` failed client authentications (per client id
/// and per address) or sign-ins (per username and per address) within `window` are refused
/// with 429 until the window has passed.
struct RateLimit {
  unsigned max_failures = 10;
  std::chrono::seconds window{60};
};

struct Config {
  std::vector<Client> clients{};
  std::vector<User> users{};
  /// The tokens' `iss` and the base of every endpoint's URL (no trailing slash). Empty: the
  /// URL of the server it is mounted on.
  std::string issuer{};
  /// The access tokens' `aud` (the API's identifier; an RFC 8707 `resource` must equal it).
  /// Empty: the issuer.
  std::string audience{};
  std::chrono::seconds access_token_lifetime{600};
  std::chrono::seconds refresh_token_lifetime{std::chrono::hours(24)};
  std::chrono::seconds code_lifetime{60};
  /// RFC 8628: how long a device code and its user code live, and the least time between the
  /// client's polls (faster polls get slow_down).
  std::chrono::seconds device_code_lifetime{600};
  std::chrono::seconds device_poll_interval{5};
  /// The signing key: a PEM or JWK private key. Absent: a new key of `algorithm` made at start
  /// (tokens then do not outlive the process).
  std::optional<jose::Key> signing_key{};
  jose::Algorithm algorithm = jose::Algorithm::ES256;
  /// The scopes the document declares, with their descriptions (see scopes_of): a client may
  /// not be given, or ask for, any other.
  Map<std::string> scopes{};
  Paths paths{};
  RateLimit rate_limit{};
};

/// Every scope of every OAuth2 flow of `document`'s security schemes, with the first
/// description given for it.
[[nodiscard]] Map<std::string> scopes_of(const OpenAPI& document);

/// Reads a config file (YAML or JSON, by content):
/// \code{.yaml}
/// clients:
///   - client_id: service
///     client_secret: change-me
///     grant_types: [client_credentials]
///     scope: pets:read pets:write        # RFC 7591: space-separated (a list is taken too)
///   - client_id: docs
///     token_endpoint_auth_method: none
///     grant_types: [authorization_code, refresh_token]
///     redirect_uris: [http://127.0.0.1/docs/oauth2-redirect]
///   - client_id: cli                        # RFC 8628: signs in on another device
///     token_endpoint_auth_method: none
///     grant_types: [urn:ietf:params:oauth:grant-type:device_code]
/// users:
///   - {username: alice, password: wonderland}
/// access_token_lifetime: 600                # seconds; also refresh_token_lifetime, code_lifetime,
///                                           # device_code_lifetime, device_poll_interval
/// signing_key: key.pem                      # PEM or JWK, relative to the config file
/// \endcode
/// Every problem is a diagnostic with the file and line:column: an unknown member, a grant this
/// server does not offer, a redirect URI that is not absolute, a scope `scopes` does not
/// declare, a confidential client without a secret, a duplicate client id or username.
[[nodiscard]] Result<Config, Diagnostics> read_config(const std::filesystem::path& path,
                                                      Map<std::string> scopes);
/// The same for text in memory; `name` names it in diagnostics and `base_folder` is where a
/// relative `signing_key` is found.
[[nodiscard]] Result<Config, Diagnostics> read_config_text(std::string name, std::string text,
                                                           const std::filesystem::path& base_folder,
                                                           Map<std::string> scopes);

/// A config for trying a document out: a confidential client `service` (client_credentials,
/// a random secret), a public client `docs` for Swagger UI on loopback (authorization_code and
/// refresh_token), a public client `device` for the device authorization grant (RFC 8628:
/// `oaskit token --flow deviceAuthorization --client-id device`), and a user `alice` with a
/// random password; every client may ask for every scope in `scopes`. As YAML text that
/// read_config_text reads back.
[[nodiscard]] std::string default_config_text(
    const Map<std::string>& scopes, std::string_view docs_redirect_path = "/docs/oauth2-redirect");

/// What happened, for a log: never a secret, password, code or token.
using EventLog = std::function<void(std::string_view line)>;

struct Options {
  /// Null: no log.
  EventLog log{};
  /// The clock (tests move it to expire codes and tokens).
  std::function<std::chrono::system_clock::time_point()> clock{};
};

/// Thread-safe: one server answers every connection's requests.
class AuthorizationServer : public std::enable_shared_from_this<AuthorizationServer> {
 public:
  /// Checks `config` (as read_config does, for a config made in C++) and makes the signing key
  /// when it has none. Errors name the member at fault (`clients[1].redirect_uris[0]`).
  static Result<std::shared_ptr<AuthorizationServer>, Diagnostics> create(Config config,
                                                                          Options options = {});
  ~AuthorizationServer();
  AuthorizationServer(const AuthorizationServer&) = delete;
  AuthorizationServer& operator=(const AuthorizationServer&) = delete;

  /// Answers a request to one of its paths (404 for others).
  [[nodiscard]] server::Response respond(const server::Server::RawRequest& request) const;
  /// Its paths, for mounting it under another HTTP server.
  [[nodiscard]] std::vector<std::string> paths() const;

  /// Routes its paths on `server`, beside the API. When the config has no issuer, it becomes
  /// the server's URL once that is known; the document `server` serves then has every OAuth2
  /// flow's tokenUrl, authorizationUrl, deviceAuthorizationUrl and refreshUrl, and every
  /// openIdConnectUrl, pointed here
  /// (see point_flows_at).
  void mount(server::Server& server);
  /// Sets the issuer (and so every endpoint URL) of a server whose config has none: before it
  /// answers its first request.
  void set_issuer(std::string issuer);

  /// Checks the bearer tokens this server issues as the API's resource server would: iss, aud,
  /// typ at+jwt, and the signature with the keys named by the jwks_uri of its discovery
  /// document (fetched over HTTP, as from any issuer; see fetch_keys). Being in the same
  /// process, it also refuses tokens revoked here (a resource server elsewhere would use
  /// introspection). For security::Authenticator::add; until the issuer is known every token is
  /// refused as `unavailable`.
  [[nodiscard]] security::Verifier bearer_verifier(std::size_t cache_capacity = 10'000);
  /// Fetches the discovery document and the JWKS now, once the server listens, so that no
  /// request waits for them (or finds its own server busy); the error says why they could not.
  [[nodiscard]] Result<bool, std::string> fetch_keys();

  [[nodiscard]] std::string issuer() const;
  /// The audience its access tokens carry.
  [[nodiscard]] std::string audience() const;
  /// The public keys it signs with, as served at its JWKS path.
  [[nodiscard]] jose::KeySet public_keys() const;
  /// The absolute URL of an endpoint (`issuer() + paths.token`, ...).
  [[nodiscard]] std::string url_of(std::string_view path) const;
  [[nodiscard]] const Config& config() const;

  struct State;
  explicit AuthorizationServer(std::unique_ptr<State> state);

 private:
  std::unique_ptr<State> state_;
};

/// A server of its own for `auth`, with nothing beside it (no API, no /docs): for an API served
/// elsewhere whose document's flows point here. Its URL is the issuer when the config has none.
/// Start it like any server::Server; `auth` must outlive it.
[[nodiscard]] std::unique_ptr<server::Server> standalone_server(
    const std::shared_ptr<AuthorizationServer>& auth, server::ServerOptions options = {});

/// Points every OAuth2 flow of `document` (JSON, as served) at `server`: tokenUrl,
/// authorizationUrl, deviceAuthorizationUrl and refreshUrl (refreshUrl only where the flow has
/// one), an OAuth2 scheme's oauth2MetadataUrl (OpenAPI 3.2, where it has one) at its RFC 8414
/// metadata, and every OpenIdConnect scheme's openIdConnectUrl at its OpenID discovery
/// document. Implicit and password flows are pointed here too, where they get
/// `unsupported_grant_type`. Returns how many URLs changed.
std::size_t point_flows_at(boost::json::value& document, const AuthorizationServer& server);

}  // namespace oaskit::devauth
