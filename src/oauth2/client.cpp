#include "oaskit/oauth2/client.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>
#include <boost/url/parse.hpp>
#include <boost/url/url.hpp>
#include <stdexcept>
#include <utility>
#include <variant>

#include "http/authorization_server_metadata.hpp"
#include "http/basic_auth.hpp"
#include "http/client.hpp"
#include "http/form.hpp"
#include "oaskit/document.hpp"
#include "oaskit/model/openapi.hpp"
#include "oauth2/token_response.hpp"

namespace oaskit::oauth2 {
namespace {

using Kind = GrantError::Kind;
using detail::grant_error;
using Fields = std::vector<std::pair<std::string, std::string>>;

GrantError configuration(std::string message) {
  return grant_error(Kind::configuration, std::move(message));
}

// RFC 8628 §3.4.
constexpr std::string_view device_code_grant_type = "urn:ietf:params:oauth:grant-type:device_code";

std::string joined(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& word : words) {
    if (!out.empty()) out += ' ';
    out += word;
  }
  return out;
}

// `reference` as an absolute URL: as it is when it has a scheme, else resolved against `base`
// (RFC 3986 §5.2).
Result<std::string, GrantError> absolute_url(std::string_view reference, std::string_view base,
                                             std::string_view what) {
  const auto parsed = boost::urls::parse_uri_reference(reference);
  if (!parsed) {
    return configuration(std::string(what) + " is not a URL: \"" + std::string(reference) + "\"");
  }
  if (parsed->has_scheme()) return std::string(parsed->buffer());
  const auto base_url = boost::urls::parse_uri(base);
  if (!base_url) {
    return configuration(std::string(what) + " \"" + std::string(reference) +
                         "\" is relative, and there is no absolute server URL to resolve it "
                         "against (OpenAPI 3.1: relative URLs resolve against the Server "
                         "Object's url)");
  }
  boost::urls::url resolved(*base_url);
  if (!resolved.resolve(*parsed)) {
    return configuration(std::string(what) + " \"" + std::string(reference) +
                         "\" cannot be resolved against \"" + std::string(base) + "\"");
  }
  return std::string(resolved.buffer());
}

// A server URL with each {variable} at its default (OpenAPI 3.1 §4.8.5).
std::string server_url(const Server& server) {
  std::string url = server.url;
  if (!server.variables) return url;
  for (const auto& [name, variable] : *server.variables) {
    const std::string placeholder = "{" + name + "}";
    for (auto at = url.find(placeholder); at != std::string::npos;
         at = url.find(placeholder, at + variable.default_.size())) {
      url.replace(at, placeholder.size(), variable.default_);
    }
  }
  return url;
}

// ClientOptions::endpoints_from_metadata: the endpoints of the metadata at the scheme's
// oauth2MetadataUrl replace those of the flow it has.
std::optional<GrantError> take_metadata_endpoints(const OAuth2& scheme, std::string_view base_url,
                                                  const security::HttpOptions& http,
                                                  FlowEndpoints& endpoints) {
  if (!scheme.oauth2MetadataUrl) {
    return configuration(
        "the security scheme declares no oauth2MetadataUrl (OpenAPI 3.2) to take the endpoints "
        "from");
  }
  auto url = absolute_url(*scheme.oauth2MetadataUrl, base_url, "oauth2MetadataUrl");
  if (!url) return url.errors();
  auto metadata = oaskit::detail::fetch_authorization_server_metadata(*url, http);
  if (!metadata) {
    return grant_error(metadata.errors().unreachable ? Kind::unavailable : Kind::bad_response,
                       "the authorization server metadata (oauth2MetadataUrl) is not usable: " +
                           metadata.errors().message);
  }
  const auto replace = [](std::string& endpoint, const std::string& from_metadata) {
    if (!from_metadata.empty()) endpoint = from_metadata;
  };
  replace(endpoints.token_url, metadata->token_endpoint);
  if (endpoints.authorization_url) {
    replace(*endpoints.authorization_url, metadata->authorization_endpoint);
  }
  if (endpoints.device_authorization_url) {
    replace(*endpoints.device_authorization_url, metadata->device_authorization_endpoint);
  }
  return std::nullopt;
}

// `scheme`, declared as `name` in `document`, as a client of its `flow`. OpenAPI 3.1 §4.8.1: no
// servers means a server at "/", relative to the document.
Result<Client, GrantError> from_declared_scheme(const OpenAPI& document, std::string_view name,
                                                const SecurityScheme& scheme, Flow flow,
                                                ClientCredentials credentials,
                                                ClientOptions options) {
  const auto* oauth2 = std::get_if<OAuth2>(&scheme);
  if (oauth2 == nullptr) {
    return configuration("the security scheme \"" + std::string(name) + "\" is not of type oauth2");
  }
  const std::string base = document.servers && !document.servers->empty()
                               ? server_url(document.servers->front())
                               : std::string("/");
  return Client::from_scheme(*oauth2, flow, base, std::move(credentials), std::move(options));
}

}  // namespace

struct Client::State {
  FlowEndpoints endpoints;
  ClientCredentials credentials;
  ClientOptions options;
  mutable std::atomic<std::size_t> requests{0};

  [[nodiscard]] std::chrono::system_clock::time_point now() const {
    return options.clock ? options.clock() : std::chrono::system_clock::now();
  }

  [[nodiscard]] std::optional<GrantError> check_scopes(
      const std::vector<std::string>& scopes) const {
    if (options.allow_undeclared_scopes) return std::nullopt;
    for (const auto& scope : scopes) {
      if (!endpoints.scopes.contains(scope)) {
        return configuration("the scope \"" + scope +
                             "\" is not declared by the flow (set allow_undeclared_scopes to "
                             "request it anyway)");
      }
    }
    return std::nullopt;
  }

  // Adds the client's authentication to the request (RFC 6749 §2.3, RFC 7523 §2.2).
  [[nodiscard]] std::optional<GrantError> authenticate(oaskit::detail::HttpRequest& request,
                                                       Fields& fields) const {
    const auto& id = credentials.client_id;
    if (const auto* secret = std::get_if<ClientSecret>(&credentials.authentication)) {
      if (secret->method == security::ClientAuthentication::client_secret_basic) {
        request.headers.emplace_back("Authorization",
                                     oaskit::detail::basic_authorization(id, secret->secret));
      } else {
        fields.emplace_back("client_id", id);
        fields.emplace_back("client_secret", secret->secret);
      }
      return std::nullopt;
    }
    if (const auto* jwt = std::get_if<PrivateKeyJwt>(&credentials.authentication)) {
      const auto issued = std::chrono::system_clock::to_time_t(now());
      const boost::json::object claims{
          {"iss", id},          {"sub", id},
          {"aud", request.url}, {"jti", jose::random_base64url(18)},
          {"iat", issued},      {"exp", issued + jwt->lifetime.count()}};
      auto assertion =
          jose::sign_compact({{"typ", "JWT"}}, boost::json::serialize(claims), jwt->key, jwt->alg);
      if (!assertion) {
        return configuration("cannot sign the client assertion: " + assertion.errors().message);
      }
      fields.emplace_back("client_id", id);
      fields.emplace_back("client_assertion_type",
                          "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
      fields.emplace_back("client_assertion", std::move(*assertion));
      return std::nullopt;
    }
    fields.emplace_back("client_id", id);  // a public client names itself (RFC 6749 §3.2.1)
    return std::nullopt;
  }

  // POSTs `fields` and the client's authentication to `url` (`endpoint` names it in errors).
  [[nodiscard]] Result<oaskit::detail::HttpResponse, GrantError> send_form(
      const std::string& url, Fields fields, std::string_view endpoint) const {
    oaskit::detail::HttpRequest request{.method = "POST", .url = url};
    if (auto error = authenticate(request, fields)) return *error;
    request.headers.emplace_back("Content-Type", "application/x-www-form-urlencoded");
    request.headers.emplace_back("Accept", "application/json");
    request.body = oaskit::detail::form_body(fields);
    requests.fetch_add(1, std::memory_order_relaxed);
    auto response = oaskit::detail::send(request, options.http);
    if (!response) {
      return grant_error(
          Kind::unavailable,
          "the " + std::string(endpoint) + " could not be reached: " + response.errors().message);
    }
    return std::move(*response);
  }

  [[nodiscard]] GrantResult post(const std::string& url, Fields fields) const {
    auto response = send_form(url, std::move(fields), "token endpoint");
    if (!response) return response.errors();
    return detail::read_token_response(*response, now());
  }
};

Client::Client(std::shared_ptr<State> state) : state_(std::move(state)) {}

Result<Client, GrantError> Client::from_endpoints(FlowEndpoints endpoints,
                                                  ClientCredentials credentials,
                                                  ClientOptions options) {
  if (credentials.client_id.empty()) return configuration("the client id is empty");
  const std::pair<const std::optional<std::string>*, std::string_view> urls[] = {
      {nullptr, "tokenUrl"},
      {&endpoints.refresh_url, "refreshUrl"},
      {&endpoints.authorization_url, "authorizationUrl"},
      {&endpoints.device_authorization_url, "deviceAuthorizationUrl"}};
  for (const auto& [url, name] : urls) {
    const std::string* text = url == nullptr ? &endpoints.token_url : (*url ? &**url : nullptr);
    if (text == nullptr) continue;
    if (auto problem =
            oaskit::detail::url_problem(*text, oaskit::detail::PlainHttp::loopback_only)) {
      return configuration(std::string(name) + ": " + *problem);
    }
  }
  auto state = std::make_shared<State>();
  state->endpoints = std::move(endpoints);
  state->credentials = std::move(credentials);
  state->options = std::move(options);
  return Client(std::move(state));
}

Result<Client, GrantError> Client::from_scheme(const OAuth2& scheme, Flow flow,
                                               std::string_view base_url,
                                               ClientCredentials credentials,
                                               ClientOptions options) {
  FlowEndpoints endpoints;
  const std::string* token_url = nullptr;
  const std::optional<std::string>* refresh_url = nullptr;
  // The flow's endpoint besides the token endpoint (authorizationUrl, deviceAuthorizationUrl).
  const std::string* own_url = nullptr;
  std::string_view own_url_name;
  std::optional<std::string>* own_endpoint = nullptr;
  const auto take = [&](const auto& declared,
                        std::string_view flow_name) -> std::optional<GrantError> {
    if (!declared) {
      return configuration("the security scheme has no " + std::string(flow_name) + " flow");
    }
    token_url = &declared->tokenUrl;
    refresh_url = &declared->refreshUrl;
    endpoints.scopes = declared->scopes;
    return std::nullopt;
  };
  std::optional<GrantError> missing;
  switch (flow) {
    case Flow::clientCredentials:
      missing = take(scheme.flows.clientCredentials, "clientCredentials");
      break;
    case Flow::authorizationCode:
      missing = take(scheme.flows.authorizationCode, "authorizationCode");
      if (!missing) {
        own_url = &scheme.flows.authorizationCode->authorizationUrl;
        own_url_name = "authorizationUrl";
        own_endpoint = &endpoints.authorization_url;
      }
      break;
    case Flow::deviceAuthorization:
      missing = take(scheme.flows.deviceAuthorization, "deviceAuthorization");
      if (!missing) {
        own_url = &scheme.flows.deviceAuthorization->deviceAuthorizationUrl;
        own_url_name = "deviceAuthorizationUrl";
        own_endpoint = &endpoints.device_authorization_url;
      }
      break;
  }
  if (missing) return *missing;
  auto token = absolute_url(*token_url, base_url, "tokenUrl");
  if (!token) return token.errors();
  endpoints.token_url = std::move(*token);
  if (*refresh_url) {
    auto refresh = absolute_url(**refresh_url, base_url, "refreshUrl");
    if (!refresh) return refresh.errors();
    endpoints.refresh_url = std::move(*refresh);
  }
  if (own_url != nullptr) {
    auto resolved = absolute_url(*own_url, base_url, own_url_name);
    if (!resolved) return resolved.errors();
    *own_endpoint = std::move(*resolved);
  }
  if (options.endpoints_from_metadata) {
    if (auto error = take_metadata_endpoints(scheme, base_url, options.http, endpoints)) {
      return *error;
    }
  }
  return from_endpoints(std::move(endpoints), std::move(credentials), std::move(options));
}

Result<Client, GrantError> Client::from_document(const OpenAPI& document,
                                                 std::string_view scheme_name, Flow flow,
                                                 ClientCredentials credentials,
                                                 ClientOptions options) {
  const auto* schemes = document.components && document.components->securitySchemes
                            ? &*document.components->securitySchemes
                            : nullptr;
  const auto* entry = schemes != nullptr ? schemes->find(scheme_name) : nullptr;
  if (entry == nullptr) {
    return configuration("the document declares no security scheme \"" + std::string(scheme_name) +
                         "\" in components.securitySchemes");
  }
  const auto* scheme = std::get_if<SecurityScheme>(entry);
  if (scheme == nullptr) {
    return configuration("the security scheme \"" + std::string(scheme_name) +
                         "\" is a $ref; pass the loaded oaskit::Document to follow it");
  }
  return from_declared_scheme(document, scheme_name, *scheme, flow, std::move(credentials),
                              std::move(options));
}

Result<Client, GrantError> Client::from_document(const Document& document,
                                                 std::string_view scheme_name, Flow flow,
                                                 ClientCredentials credentials,
                                                 ClientOptions options) {
  const auto& api = document.model();
  const auto* entry = api.components && api.components->securitySchemes
                          ? api.components->securitySchemes->find(scheme_name)
                          : nullptr;
  if (entry == nullptr || std::holds_alternative<SecurityScheme>(*entry)) {
    return from_document(api, scheme_name, flow, std::move(credentials), std::move(options));
  }
  const auto scheme = document.security_scheme(scheme_name);
  if (!scheme) {
    return configuration("the $ref of security scheme \"" + std::string(scheme_name) + "\" (" +
                         std::get<Reference>(*entry).ref + ") leads to no security scheme");
  }
  return from_declared_scheme(api, scheme_name, *scheme, flow, std::move(credentials),
                              std::move(options));
}

GrantResult Client::client_credentials(const std::vector<std::string>& scopes,
                                       const std::vector<std::string>& resources) const {
  if (auto error = state_->check_scopes(scopes)) return *error;
  Fields fields{{"grant_type", "client_credentials"}};
  if (!scopes.empty()) fields.emplace_back("scope", joined(scopes));
  for (const auto& resource : resources) fields.emplace_back("resource", resource);
  return state_->post(state_->endpoints.token_url, std::move(fields));
}

GrantResult Client::refresh(std::string_view refresh_token, const std::vector<std::string>& scopes,
                            const std::vector<std::string>& resources) const {
  if (auto error = state_->check_scopes(scopes)) return *error;
  if (refresh_token.empty()) return configuration("the refresh token is empty");
  Fields fields{{"grant_type", "refresh_token"}, {"refresh_token", std::string(refresh_token)}};
  if (!scopes.empty()) fields.emplace_back("scope", joined(scopes));
  for (const auto& resource : resources) fields.emplace_back("resource", resource);
  const auto& endpoints = state_->endpoints;
  return state_->post(endpoints.refresh_url.value_or(endpoints.token_url), std::move(fields));
}

GrantResult Client::exchange_code(std::string_view code, std::string_view code_verifier,
                                  std::string_view redirect_uri,
                                  const std::vector<std::string>& resources) const {
  Fields fields{{"grant_type", "authorization_code"},
                {"code", std::string(code)},
                {"redirect_uri", std::string(redirect_uri)},
                {"code_verifier", std::string(code_verifier)}};
  for (const auto& resource : resources) fields.emplace_back("resource", resource);
  return state_->post(state_->endpoints.token_url, std::move(fields));
}

Result<DeviceAuthorization, GrantError> Client::start_device_authorization(
    const std::vector<std::string>& scopes, const std::vector<std::string>& resources) const {
  const auto& url = state_->endpoints.device_authorization_url;
  if (!url) {
    return configuration("the flow has no deviceAuthorizationUrl (use Flow::deviceAuthorization)");
  }
  if (auto error = state_->check_scopes(scopes)) return *error;
  Fields fields;
  if (!scopes.empty()) fields.emplace_back("scope", joined(scopes));
  for (const auto& resource : resources) fields.emplace_back("resource", resource);
  auto response = state_->send_form(*url, std::move(fields), "device authorization endpoint");
  if (!response) return response.errors();
  return detail::read_device_authorization_response(*response, state_->now());
}

GrantResult Client::poll_device_token(std::string_view device_code) const {
  if (device_code.empty()) return configuration("the device code is empty");
  Fields fields{{"grant_type", std::string(device_code_grant_type)},
                {"device_code", std::string(device_code)}};
  return state_->post(state_->endpoints.token_url, std::move(fields));
}

std::optional<GrantError> Client::check_scopes(const std::vector<std::string>& scopes) const {
  return state_->check_scopes(scopes);
}

const FlowEndpoints& Client::endpoints() const { return state_->endpoints; }
const std::string& Client::client_id() const { return state_->credentials.client_id; }
std::size_t Client::request_count() const {
  return state_->requests.load(std::memory_order_relaxed);
}

}  // namespace oaskit::oauth2
