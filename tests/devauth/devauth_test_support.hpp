#pragma once
// A development authorization server mounted on an in-memory API server, and the steps a
// client takes against it (token requests, the sign-in page), for the devauth tests.

#include <boost/json/parse.hpp>
#include <boost/url/parse.hpp>
#include <boost/url/url_view.hpp>
#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "http/basic_auth.hpp"
#include "http/client.hpp"
#include "http/form.hpp"
#include "oaskit/devauth.hpp"
#include "oaskit/json.hpp"
#include "oaskit/models.hpp"
#include "oaskit/oauth2/authorization_code.hpp"
#include "oaskit/oauth2/client.hpp"
#include "server/server_test_support.hpp"

namespace oaskit::test {

inline const std::string devauth_document = R"(openapi: 3.1.0
info: {title: Pets, version: "1"}
paths:
  /pets:
    get:
      operationId: listPets
      security: [{oauth: [pets:read]}]
      responses: {"200": {description: ok}}
components:
  securitySchemes:
    oauth:
      type: oauth2
      flows:
        clientCredentials:
          tokenUrl: https://placeholder.invalid/token
          scopes: {pets:read: Read the pets, pets:write: Add and change pets}
        authorizationCode:
          authorizationUrl: https://placeholder.invalid/authorize
          tokenUrl: https://placeholder.invalid/token
          refreshUrl: https://placeholder.invalid/refresh
          scopes: {pets:read: Read the pets, pets:write: Add and change pets, admin: Everything}
        password:
          tokenUrl: https://placeholder.invalid/token
          scopes: {}
    oidc:
      type: openIdConnect
      openIdConnectUrl: https://placeholder.invalid/.well-known/openid-configuration
)";

inline const std::string devauth_config = R"(clients:
  - client_id: service
    client_secret: service-secret
    grant_types: [client_credentials]
    scope: pets:read pets:write
  - client_id: poster
    client_secret: poster-secret
    token_endpoint_auth_method: client_secret_post
    grant_types: [client_credentials]
    scope: [pets:read]
  - client_id: docs
    client_name: The docs <page>
    token_endpoint_auth_method: none
    grant_types: [authorization_code, refresh_token]
    redirect_uris: [http://127.0.0.1/docs/oauth2-redirect, https://app.example/cb]
    scope: pets:read pets:write
  - client_id: web
    client_secret: web-secret
    grant_types: [authorization_code]
    redirect_uris: [https://web.example/cb]
users:
  - {username: alice, password: wonderland}
  - {username: bob, password: builder, subject: user-42}
rate_limit: {max_failures: 3, window: 60}
)";

/// An OpenAPI 3.2 document with the device authorization flow (and client credentials) and
/// an oauth2MetadataUrl, all at placeholders the served document points at the server.
inline const std::string device_document = R"(openapi: 3.2.0
info: {title: TV, version: "1"}
paths: {}
components:
  securitySchemes:
    oauth:
      type: oauth2
      oauth2MetadataUrl: https://placeholder.invalid/.well-known/oauth-authorization-server
      flows:
        deviceAuthorization:
          deviceAuthorizationUrl: https://placeholder.invalid/device
          tokenUrl: https://placeholder.invalid/token
          scopes: {tv:watch: Watch TV}
        clientCredentials:
          tokenUrl: https://placeholder.invalid/token
          scopes: {tv:watch: Watch TV}
)";

inline const std::string devauth_issuer = "http://127.0.0.1:8000";

/// An API server (in memory, at 127.0.0.1:8000) with the authorization server mounted.
class DevAuthFixture {
 public:
  explicit DevAuthFixture(const std::string& config_text = devauth_config)
      : api_(devauth_document, server::ServerOptions{.host = "127.0.0.1", .port = 8000}) {
    auto model = document_from(devauth_document);
    auto config = devauth::read_config_text("devauth.yaml", config_text, ".",
                                            devauth::scopes_of(model->model()));
    if (!config) {
      for (const auto& d : config.errors()) ADD_FAILURE() << to_string(d);
      return;
    }
    auto created = devauth::AuthorizationServer::create(
        std::move(*config), devauth::Options{.log =
                                                 [this](std::string_view line) {
                                                   std::lock_guard lock(log_mutex_);
                                                   log_.emplace_back(line);
                                                 },
                                             .clock = [this] { return now_; }});
    if (!created) {
      for (const auto& d : created.errors()) ADD_FAILURE() << to_string(d);
      return;
    }
    auth_ = std::move(*created);
    auth_->mount(api_.server());
    api_.ready();
  }

  devauth::AuthorizationServer& auth() { return *auth_; }
  InMemoryServer& api() { return api_; }
  void advance(std::chrono::seconds by) { now_ += by; }
  std::chrono::system_clock::time_point now() const { return now_; }
  std::vector<std::string> log() {
    std::lock_guard lock(log_mutex_);
    return log_;
  }

  Answer call(std::string_view method, std::string_view target,
              std::vector<std::pair<std::string_view, std::string_view>> headers = {},
              std::string_view body = {}) {
    return api_.call(method, target, std::move(headers), body);
  }

  /// POSTs `fields` to `path` as a form, with HTTP Basic credentials when `basic_id` is set.
  Answer post_form(std::string_view path,
                   const std::vector<std::pair<std::string, std::string>>& fields,
                   std::string basic_id = {}, std::string basic_secret = {}) {
    const auto body = detail::form_body(fields);
    const auto authorization = detail::basic_authorization(basic_id, basic_secret);
    std::vector<std::pair<std::string_view, std::string_view>> headers{
        {"Content-Type", "application/x-www-form-urlencoded"}};
    if (!basic_id.empty()) headers.emplace_back("Authorization", authorization);
    return call("POST", path, std::move(headers), body);
  }

  Answer token(const std::vector<std::pair<std::string, std::string>>& fields,
               std::string basic_id = {}, std::string basic_secret = {}) {
    return post_form("/oauth/token", fields, std::move(basic_id), std::move(basic_secret));
  }

  /// The authorization page for `query`, and what its form needs to come back.
  struct Page {
    Answer answer;
    std::string request_id;
    std::string csrf;
    std::string cookie;  // "oaskit_devauth_csrf=..."
  };
  Page open_page(const std::string& query) {
    Page page;
    page.answer = call("GET", "/oauth/authorize?" + query);
    page.request_id = hidden(page.answer.body, "request");
    page.csrf = hidden(page.answer.body, "csrf");
    const auto set_cookie = page.answer.header("Set-Cookie");
    page.cookie = set_cookie.substr(0, set_cookie.find(';'));
    return page;
  }

  /// Submits the page's form.
  Answer submit(const Page& page, const std::string& decision, const std::string& username,
                const std::string& password, std::string csrf = {}, std::string cookie = {}) {
    const auto body = detail::form_body({{"request", page.request_id},
                                         {"csrf", csrf.empty() ? page.csrf : csrf},
                                         {"username", username},
                                         {"password", password},
                                         {"decision", decision}});
    const auto cookie_header = cookie.empty() ? page.cookie : cookie;
    return call("POST", "/oauth/authorize",
                {{"Content-Type", "application/x-www-form-urlencoded"}, {"Cookie", cookie_header}},
                body);
  }

  /// A PKCE authorization request's query for client `docs`.
  static std::string request_query(
      const oauth2::Pkce& pkce, const std::string& scope = "pets:read",
      const std::string& redirect_uri = "http://127.0.0.1:8000/docs/oauth2-redirect",
      const std::string& client_id = "docs") {
    return detail::form_body({{"response_type", "code"},
                              {"client_id", client_id},
                              {"redirect_uri", redirect_uri},
                              {"scope", scope},
                              {"state", "xyz-state"},
                              {"code_challenge", pkce.challenge},
                              {"code_challenge_method", "S256"}});
  }

  /// The query parameter `name` of a redirect's Location.
  static std::string location_parameter(const Answer& answer, std::string_view name) {
    auto url = boost::urls::parse_uri_reference(answer.header("Location"));
    if (!url) return {};
    auto found = url->params().find(name);
    return found == url->params().end() ? std::string{} : std::string((*found).value);
  }

  /// Signs alice in for `docs` and returns the code.
  std::string code_for(const oauth2::Pkce& pkce, const std::string& scope = "pets:read") {
    auto page = open_page(request_query(pkce, scope));
    auto answer = submit(page, "allow", "alice", "wonderland");
    EXPECT_EQ(answer.status, 303) << answer;
    return location_parameter(answer, "code");
  }

  Answer exchange(const std::string& code, const std::string& verifier,
                  const std::string& redirect_uri = "http://127.0.0.1:8000/docs/oauth2-redirect") {
    return token({{"grant_type", "authorization_code"},
                  {"client_id", "docs"},
                  {"code", code},
                  {"code_verifier", verifier},
                  {"redirect_uri", redirect_uri}});
  }

  /// introspection's "active" for `token`, asked by `service`.
  bool active(const std::string& token) {
    auto answer = post_form("/oauth/introspect", {{"token", token}}, "service", "service-secret");
    EXPECT_EQ(answer.status, 200) << answer;
    return answer.json().as_object().at("active").as_bool();
  }

 private:
  static std::string hidden(const std::string& html, const std::string& name) {
    const auto marker = "name=\"" + name + "\" value=\"";
    const auto at = html.find(marker);
    if (at == std::string::npos) return {};
    const auto start = at + marker.size();
    return html.substr(start, html.find('"', start) - start);
  }

  InMemoryServer api_;
  std::shared_ptr<devauth::AuthorizationServer> auth_;
  std::chrono::system_clock::time_point now_{std::chrono::system_clock::now()};
  std::mutex log_mutex_;
  std::vector<std::string> log_;
};

// The API and the authorization server on one loopback port.
class LoopbackDevAuth {
 public:
  explicit LoopbackDevAuth(const std::string& document_text = devauth_document,
                           const std::string& config_text = devauth_config,
                           devauth::Options options = {}) {
    document_ = document_from(document_text);
    auto config = devauth::read_config_text("devauth.yaml", config_text, ".",
                                            devauth::scopes_of(document_->model()));
    EXPECT_TRUE(config);
    auto created = devauth::AuthorizationServer::create(std::move(*config), std::move(options));
    EXPECT_TRUE(created);
    auth_ = *created;
    server_ = std::make_unique<server::Server>(
        *document_,
        server::ServerOptions{
            .host = "127.0.0.1", .port = 0, .threads = 2, .access_log = [](std::string_view) {}});
    auth_->mount(*server_);
    auto started = server_->start();
    if (!started) {
      ADD_FAILURE() << to_string(started.errors().front());
      return;
    }
    url_ = started->url;
  }
  ~LoopbackDevAuth() { server_->stop(); }
  LoopbackDevAuth(const LoopbackDevAuth&) = delete;
  LoopbackDevAuth& operator=(const LoopbackDevAuth&) = delete;

  devauth::AuthorizationServer& auth() { return *auth_; }
  const std::string& url() const { return url_; }

  /// The document as served at /openapi.json, its flows pointing at the authorization server.
  std::string served_document() const {
    auto served = detail::send({.method = "GET", .url = url_ + "openapi.json"}, {});
    EXPECT_TRUE(served);
    return served ? served->body : std::string();
  }

  oauth2::Client client(oauth2::Flow flow, oauth2::ClientCredentials credentials) {
    auto model = parse<OpenAPI>(served_document());
    EXPECT_TRUE(model);
    auto client = oauth2::Client::from_document(*model, "oauth", flow, std::move(credentials));
    EXPECT_TRUE(client) << client.errors().message;
    return std::move(*client);
  }

  /// A person at the device verification page: enters `user_code`, signs in as alice and
  /// decides ("allow" or "deny"). The answer is the page after the form.
  detail::HttpResponse decide_device(const std::string& user_code, const std::string& decision,
                                     const std::string& password = "wonderland") {
    const auto page = detail::send(
        {.method = "GET", .url = auth_->url_of("/oauth/device") + "?user_code=" + user_code}, {});
    EXPECT_TRUE(page);
    if (!page) return {};
    const auto marker = std::string("name=\"csrf\" value=\"");
    const auto at = page->body.find(marker) + marker.size();
    const auto csrf = page->body.substr(at, page->body.find('"', at) - at);
    const auto cookie = std::string(page->header("Set-Cookie").value_or(""));
    detail::HttpRequest post{.method = "POST", .url = auth_->url_of("/oauth/device")};
    post.headers = {{"Content-Type", "application/x-www-form-urlencoded"},
                    {"Cookie", cookie.substr(0, cookie.find(';'))}};
    post.body = detail::form_body({{"csrf", csrf},
                                   {"user_code", user_code},
                                   {"username", "alice"},
                                   {"password", password},
                                   {"decision", decision}});
    auto answer = detail::send(post, {});
    EXPECT_TRUE(answer);
    return answer ? *answer : detail::HttpResponse{};
  }

 private:
  std::unique_ptr<Document> document_;
  std::shared_ptr<devauth::AuthorizationServer> auth_;
  std::unique_ptr<server::Server> server_;
  std::string url_;
};

}  // namespace oaskit::test
