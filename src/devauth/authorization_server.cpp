// The development authorization server: creating it, dispatching requests, JWKS and metadata,
// mounting, and what its endpoints share. The token, introspection and revocation endpoints are
// in token_endpoint.cpp, the authorization page in authorize.cpp.

#include <boost/json/serialize.hpp>

#include "devauth/config_check.hpp"
#include "devauth/endpoints.hpp"
#include "devauth/state.hpp"
#include "oaskit/models.hpp"
#include "oaskit/security/jwt_verifier.hpp"
#include "server/media_type.hpp"

namespace oaskit::devauth {

using detail::OAuthError;
using detail::Parameters;
using detail::Seconds;

namespace detail {

bool is_form_body(const server::Server::RawRequest& request) {
  return server::detail::media_type_of(view_of(request).header("Content-Type").value_or("")) ==
         "application/x-www-form-urlencoded";
}

namespace {

void add_cors(server::Response& response) {
  response.headers.emplace_back("Access-Control-Allow-Origin", "*");
}

}  // namespace

server::Response json_answer(const boost::json::value& body, int status, bool no_store) {
  auto response = server::Response::json(body, status);
  if (no_store) {
    response.headers.emplace_back("Cache-Control", "no-store");
    response.headers.emplace_back("Pragma", "no-cache");
  }
  add_cors(response);
  return response;
}

server::Response error_answer(const OAuthError& error) {
  boost::json::object body{{"error", error.error}};
  if (!error.description.empty()) body["error_description"] = error.description;
  auto response = json_answer(body, error.status, true);
  if (error.status == 401) {
    response.headers.emplace_back("WWW-Authenticate", "Basic realm=\"oaskit devauth\"");
  }
  if (error.status == 429 && error.retry_after > 0) {
    response.headers.emplace_back("Retry-After", std::to_string(error.retry_after));
  }
  return response;
}

std::optional<OAuthError> check_resource(const AuthorizationServer::State& state,
                                         const std::string& resource) {
  if (resource.empty() || resource == state.audience) return std::nullopt;
  return OAuthError{"invalid_target", "this server issues tokens for " + state.audience +
                                          " only, not for " + resource + " (RFC 8707 §2)"};
}

const Client* find_client(const Config& config, std::string_view client_id) {
  for (const auto& client : config.clients) {
    if (client.client_id == client_id) return &client;
  }
  return nullptr;
}

Result<std::vector<std::string>, OAuthError> granted_scope(const Config& config,
                                                           const Client& client,
                                                           std::string_view requested) {
  const auto& allowed = client.scope;
  auto scope = split_scope(requested);
  if (scope.empty()) {
    if (!allowed.empty()) return allowed;
    for (const auto& [name, description] : config.scopes) scope.push_back(name);
    return scope;
  }
  for (const auto& name : scope) {
    if (!config.scopes.contains(name)) {
      return OAuthError{"invalid_scope", "the scope '" + name + "' is not declared by the API"};
    }
    if (!allowed.empty() && std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
      return OAuthError{"invalid_scope",
                        "the client '" + client.client_id + "' may not ask for '" + name + "'"};
    }
  }
  return scope;
}

}  // namespace detail

namespace {

using namespace detail;

server::Response method_not_allowed(std::string_view allow) {
  auto response = server::Response::detail(405, "Method Not Allowed");
  response.headers.emplace_back("Allow", std::string(allow));
  return response;
}

server::Response preflight(std::string_view methods) {
  auto response = server::Response::empty(204);
  response.headers.emplace_back("Access-Control-Allow-Origin", "*");
  response.headers.emplace_back("Access-Control-Allow-Methods", std::string(methods));
  response.headers.emplace_back("Access-Control-Allow-Headers",
                                "Authorization, Content-Type, X-Requested-With");
  response.headers.emplace_back("Access-Control-Max-Age", "600");
  return response;
}

boost::json::object metadata(const AuthorizationServer::State& state, bool openid) {
  const auto& paths = state.config.paths;
  boost::json::array scopes;
  for (const auto& [name, description] : state.config.scopes) scopes.emplace_back(name);
  const boost::json::array auth_methods{"client_secret_basic", "client_secret_post",
                                        "private_key_jwt", "none"};
  boost::json::array signing;
  for (auto alg : jose::asymmetric_algorithms()) signing.emplace_back(jose::to_string(alg));
  boost::json::object body{
      {"issuer", state.issuer},
      {"authorization_endpoint", state.url_of(paths.authorization)},
      {"token_endpoint", state.url_of(paths.token)},
      {"jwks_uri", state.url_of(paths.jwks)},
      {"scopes_supported", scopes},
      {"response_types_supported", boost::json::array{"code"}},
      {"response_modes_supported", boost::json::array{"query"}},
      {"grant_types_supported",
       boost::json::array{"authorization_code", "client_credentials", "refresh_token",
                          to_string(GrantType::device_code)}},
      {"device_authorization_endpoint", state.url_of(paths.device_authorization)},
      {"token_endpoint_auth_methods_supported", auth_methods},
      {"token_endpoint_auth_signing_alg_values_supported", signing},
      {"introspection_endpoint", state.url_of(paths.introspection)},
      {"introspection_endpoint_auth_methods_supported",
       boost::json::array{"client_secret_basic", "client_secret_post", "private_key_jwt"}},
      {"revocation_endpoint", state.url_of(paths.revocation)},
      {"revocation_endpoint_auth_methods_supported", auth_methods},
      {"code_challenge_methods_supported", boost::json::array{"S256"}},
      {"authorization_response_iss_parameter_supported", true}};
  if (openid) {
    // OpenID Connect Discovery §3's required members; this server issues access tokens only.
    body["subject_types_supported"] = boost::json::array{"public"};
    body["id_token_signing_alg_values_supported"] =
        boost::json::array{jose::to_string(state.config.algorithm)};
  }
  return body;
}

}  // namespace

AuthorizationServer::AuthorizationServer(std::unique_ptr<State> state) : state_(std::move(state)) {}
AuthorizationServer::~AuthorizationServer() = default;

Result<std::shared_ptr<AuthorizationServer>, Diagnostics> AuthorizationServer::create(
    Config config, Options options) {
  ConfigProblems problems{.source = nullptr, .file = "(config)", .list = {}};
  check_config(config, problems);
  if (!problems.list.empty()) return problems.list;
  auto key = config.signing_key ? Result<jose::Key, jose::KeyError>(*config.signing_key)
                                : jose::Key::generate(config.algorithm);
  if (!key) {
    problems.add({"algorithm"}, "devauth-key", key.errors().message);
    return problems.list;
  }
  auto state = std::make_unique<State>(std::move(*key));
  auto public_key = jose::Key::from_jwk(state->key.to_jwk());
  if (!public_key) {
    problems.add({"signing_key"}, "devauth-key", public_key.errors().message);
    return problems.list;
  }
  state->public_set.add(std::move(*public_key));
  state->issuer = config.issuer;
  state->audience = config.audience.empty() ? config.issuer : config.audience;
  state->config = std::move(config);
  state->options = std::move(options);
  return std::make_shared<AuthorizationServer>(std::move(state));
}

server::Response AuthorizationServer::respond(const server::Server::RawRequest& request) const {
  auto& state = *state_;
  const auto path = request.target.substr(0, request.target.find('?'));
  const auto& paths = state.config.paths;
  const auto& method = request.method;
  {
    std::lock_guard lock(state.mutex);
    if (state.issuer.empty()) {
      return server::Response::detail(503, "The authorization server has no issuer URL yet");
    }
  }
  const bool read = method == "GET" || method == "HEAD";
  const auto post_only = [&](auto&& endpoint) {
    if (method == "OPTIONS") return preflight("POST, OPTIONS");
    if (method != "POST") return method_not_allowed("POST, OPTIONS");
    return endpoint(state, request);
  };
  const auto get_only = [&](auto&& body) {
    if (method == "OPTIONS") return preflight("GET, HEAD, OPTIONS");
    if (!read) return method_not_allowed("GET, HEAD, OPTIONS");
    return body();
  };
  if (path == paths.token) return post_only(token_endpoint);
  if (path == paths.introspection) return post_only(introspection_endpoint);
  if (path == paths.revocation) return post_only(revocation_endpoint);
  if (path == paths.device_authorization) return post_only(device_authorization_endpoint);
  if (path == paths.device_verification) {
    if (method != "GET" && method != "HEAD" && method != "POST") {
      return method_not_allowed("GET, HEAD, POST");
    }
    return device_verification_endpoint(state, request);
  }
  if (path == paths.authorization) {
    if (method != "GET" && method != "HEAD" && method != "POST") {
      return method_not_allowed("GET, HEAD, POST");
    }
    return authorization_endpoint(state, request);
  }
  if (path == paths.jwks) {
    return get_only([&] {
      boost::json::array keys;
      for (const auto& key : state.public_set.keys()) keys.emplace_back(key.to_jwk());
      auto response = json_answer(boost::json::object{{"keys", keys}}, 200, false);
      response.headers.emplace_back("Cache-Control", "public, max-age=300");
      return response;
    });
  }
  if (path == paths.metadata || path == paths.openid_configuration) {
    return get_only([&] {
      std::lock_guard lock(state.mutex);
      return json_answer(metadata(state, path == paths.openid_configuration), 200, false);
    });
  }
  return server::Response::detail(404, "Not Found");
}

std::vector<std::string> AuthorizationServer::paths() const {
  std::vector<std::string> list;
  for (const auto& [name, member] : path_members()) list.push_back(state_->config.paths.*member);
  return list;
}

void AuthorizationServer::set_issuer(std::string issuer) {
  std::lock_guard lock(state_->mutex);
  if (issuer != state_->issuer) {
    state_->api_verifier.reset();
    state_->api_keys.reset();
  }
  if (state_->audience.empty() || state_->audience == state_->issuer) state_->audience = issuer;
  state_->issuer = std::move(issuer);
}

void AuthorizationServer::mount(server::Server& server) {
  for (const auto& path : paths()) {
    server.route(path, [self = shared_from_this()](const server::Server::RawRequest& request) {
      return self->respond(request);
    });
  }
  server.on_endpoint(
      [self = shared_from_this()](const server::Endpoint& endpoint, boost::json::value& document) {
        if (self->state_->config.issuer.empty()) {
          auto url = endpoint.url;
          if (!url.empty() && url.back() == '/') url.pop_back();
          self->set_issuer(std::move(url));
        }
        point_flows_at(document, *self);
      });
}

namespace {

// The verifier the API uses, made on first use once the issuer is known (mutex held).
std::shared_ptr<security::JwtVerifier> api_verifier(AuthorizationServer::State& state) {
  if (state.api_verifier || state.issuer.empty()) return state.api_verifier;
  state.api_keys = security::JwksSource::from_issuer(state.issuer);
  state.api_verifier = std::make_shared<security::JwtVerifier>(
      security::JwtVerifierOptions{.issuer = state.issuer,
                                   .audience = state.audience,
                                   .algorithms = {state.config.algorithm},
                                   // The same clock as the issuer: no skew to allow, and a
                                   // revoked jti is forgotten at exp.
                                   .leeway = std::chrono::seconds(0),
                                   .required_typ = "at+jwt",
                                   .jwks = state.api_keys,
                                   .cache_capacity = state.api_cache_capacity,
                                   .clock = state.options.clock});
  return state.api_verifier;
}

}  // namespace

security::Verifier AuthorizationServer::bearer_verifier(std::size_t cache_capacity) {
  {
    std::lock_guard lock(state_->mutex);
    state_->api_cache_capacity = cache_capacity;
  }
  return [self = shared_from_this()](
             const security::Credential& credential) -> security::VerifyResult {
    std::shared_ptr<security::JwtVerifier> verifier;
    {
      std::lock_guard lock(self->state_->mutex);
      verifier = api_verifier(*self->state_);
    }
    if (!verifier) {
      return security::TokenError{.check = security::TokenCheck::unavailable,
                                  .message = "the authorization server has no issuer URL yet",
                                  .internal = {}};
    }
    auto identity = verifier->verify(credential.value);
    if (!identity) return identity;
    const auto* jti = identity->claims->if_contains("jti");
    std::lock_guard lock(self->state_->mutex);
    if (jti != nullptr && jti->is_string() &&
        self->state_->revoked_jtis.contains(jti->get_string())) {
      return security::TokenError{.check = security::TokenCheck::inactive,
                                  .message = "the token was revoked",
                                  .internal = {}};
    }
    return identity;
  };
}

Result<bool, std::string> AuthorizationServer::fetch_keys() {
  std::shared_ptr<security::JwksSource> keys;
  {
    std::lock_guard lock(state_->mutex);
    if (!api_verifier(*state_)) return std::string("the authorization server has no issuer yet");
    keys = state_->api_keys;
  }
  auto fetched = keys->keys();
  if (!fetched) return fetched.errors().message + " " + fetched.errors().internal;
  return true;
}

std::string AuthorizationServer::issuer() const {
  std::lock_guard lock(state_->mutex);
  return state_->issuer;
}

std::string AuthorizationServer::audience() const {
  std::lock_guard lock(state_->mutex);
  return state_->audience;
}

jose::KeySet AuthorizationServer::public_keys() const { return state_->public_set; }

std::string AuthorizationServer::url_of(std::string_view path) const {
  std::lock_guard lock(state_->mutex);
  return state_->url_of(path);
}

const Config& AuthorizationServer::config() const { return state_->config; }

std::unique_ptr<server::Server> standalone_server(const std::shared_ptr<AuthorizationServer>& auth,
                                                  server::ServerOptions options) {
  // An API document with no paths: the server's routing, limits and threads, none of its pages.
  const OpenAPI empty{.openapi = "3.1.0",
                      .info = {.title = "oaskit development authorization server", .version = "1"},
                      .paths = oaskit::Paths{}};
  options.docs = server::DocsOptions{.openapi_url = std::nullopt,
                                     .openapi_yaml_url = std::nullopt,
                                     .docs_url = std::nullopt,
                                     .redoc_url = std::nullopt,
                                     .swagger_ui_oauth2_redirect_url = std::nullopt};
  auto server = std::make_unique<server::Server>(empty, std::move(options));
  auth->mount(*server);
  return server;
}

std::size_t point_flows_at(boost::json::value& document, const AuthorizationServer& server) {
  const auto& paths = server.config().paths;
  const auto token_url = server.url_of(paths.token);
  const auto authorization_url = server.url_of(paths.authorization);
  const auto device_authorization_url = server.url_of(paths.device_authorization);
  const auto openid_url = server.url_of(paths.openid_configuration);
  const auto metadata_url = server.url_of(paths.metadata);
  std::size_t changed = 0;
  const auto set = [&](boost::json::object& object, std::string_view name, const std::string& url) {
    auto* value = object.if_contains(name);
    if (value == nullptr || (value->is_string() && value->get_string() == url)) return;
    *value = url;
    ++changed;
  };
  auto* root = document.if_object();
  auto* components = root != nullptr ? root->if_contains("components") : nullptr;
  auto* schemes = components != nullptr && components->is_object()
                      ? components->get_object().if_contains("securitySchemes")
                      : nullptr;
  if (schemes == nullptr || !schemes->is_object()) return 0;
  for (auto& [name, scheme] : schemes->get_object()) {
    auto* object = scheme.if_object();
    if (object == nullptr) continue;
    const auto* type = object->if_contains("type");
    if (type != nullptr && *type == "openIdConnect") set(*object, "openIdConnectUrl", openid_url);
    auto* flows = object->if_contains("flows");
    if (type == nullptr || *type != "oauth2") continue;
    set(*object, "oauth2MetadataUrl", metadata_url);  // OpenAPI 3.2
    if (flows == nullptr || !flows->is_object()) continue;
    for (auto& [flow_name, flow] : flows->get_object()) {
      auto* members = flow.if_object();
      if (members == nullptr) continue;
      set(*members, "authorizationUrl", authorization_url);
      set(*members, "deviceAuthorizationUrl", device_authorization_url);
      set(*members, "tokenUrl", token_url);
      set(*members, "refreshUrl", token_url);
    }
  }
  return changed;
}

}  // namespace oaskit::devauth
