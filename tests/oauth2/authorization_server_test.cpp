// oauth2::Client against a real, certified authorization server: npm oidc-provider on
// 127.0.0.1 (tests/interop/authorization_server.mjs). The tokens it issues are checked with the
// server side of oaskit: JWT access tokens with JwtVerifier through the provider's discovery
// document and JWKS, opaque ones with its introspection endpoint.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <curl/curl.h>

#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "oaskit/oauth2/authorization_code.hpp"
#include "oaskit/oauth2/client.hpp"
#include "oaskit/oauth2/device_authorization.hpp"
#include "oaskit/oauth2/token_source.hpp"
#include "oaskit/security/introspection.hpp"
#include "oaskit/security/jwks.hpp"
#include "oaskit/security/jwt_verifier.hpp"
#include "support/authorization_server.hpp"

namespace oaskit::oauth2 {
namespace {

using test::AuthorizationServer;
using Kind = GrantError::Kind;

class AgainstOidcProvider : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = std::make_unique<AuthorizationServer>(); }
  static void TearDownTestSuite() { server_.reset(); }

  static Client client(ClientCredentials credentials) {
    FlowEndpoints flow{.token_url = server_->url("/token")};
    flow.scopes.insert_or_assign("pets:read", "Read pets");
    flow.scopes.insert_or_assign("pets:write", "Change pets");
    ClientOptions options;
    options.http.timeout = std::chrono::milliseconds(5000);
    auto made = Client::from_endpoints(std::move(flow), std::move(credentials), options);
    if (!made) throw std::runtime_error(made.errors().message);
    return std::move(*made);
  }

  static security::JwtVerifier verifier() {
    return security::JwtVerifier({.issuer = server_->issuer(),
                                  .audience = server_->resource(),
                                  .algorithms = {jose::Algorithm::ES256},
                                  .required_typ = "at+jwt",
                                  .jwks = security::JwksSource::from_issuer(server_->issuer())});
  }

  static inline std::unique_ptr<AuthorizationServer> server_;
};

TEST_F(AgainstOidcProvider, ClientCredentials_GivesAJwtTheVerifierAccepts) {
  const auto token =
      client({AuthorizationServer::service_id, ClientSecret{AuthorizationServer::service_secret}})
          .client_credentials({"pets:read", "pets:write"}, {server_->resource()});
  ASSERT_TRUE(token) << token.errors().message;
  EXPECT_EQ(token->token_type, "Bearer");
  EXPECT_EQ(token->expires_in, std::chrono::seconds(600));
  const auto identity = verifier().verify(token->access_token);
  ASSERT_TRUE(identity) << identity.errors().message;
  EXPECT_EQ(identity->client_id, AuthorizationServer::service_id);
  EXPECT_EQ(identity->scopes, (std::vector<std::string>{"pets:read", "pets:write"}));
}

TEST_F(AgainstOidcProvider, ClientSecretPost_IsAccepted) {
  const auto token = client({AuthorizationServer::post_id,
                             ClientSecret{AuthorizationServer::post_secret,
                                          security::ClientAuthentication::client_secret_post}})
                         .client_credentials({"pets:read"}, {server_->resource()});
  ASSERT_TRUE(token) << token.errors().message;
  EXPECT_TRUE(verifier().verify(token->access_token));
}

TEST_F(AgainstOidcProvider, OpaqueToken_IsActiveAtTheIntrospectionEndpoint) {
  const auto token =
      client({AuthorizationServer::service_id, ClientSecret{AuthorizationServer::service_secret}})
          .client_credentials({"pets:read"});
  ASSERT_TRUE(token) << token.errors().message;
  EXPECT_EQ(token->access_token.find('.'), std::string::npos);  // not a JWT
  security::IntrospectionOptions options;
  options.endpoint = server_->url("/token/introspection");
  options.client_id = AuthorizationServer::service_id;
  options.client_secret = AuthorizationServer::service_secret;
  options.issuer = server_->issuer();
  options.required_scopes = {"pets:read"};
  const security::IntrospectionVerifier introspection(options);
  const auto identity = introspection.verify(token->access_token);
  ASSERT_TRUE(identity) << identity.errors().message;
  EXPECT_EQ(identity->client_id, AuthorizationServer::service_id);
  EXPECT_FALSE(introspection.verify(token->access_token + "x"));
}

TEST_F(AgainstOidcProvider, WrongSecret_IsRefusedAsInvalidClient) {
  const auto token = client({AuthorizationServer::service_id, ClientSecret{"not-the-secret"}})
                         .client_credentials();
  ASSERT_FALSE(token);
  EXPECT_EQ(token.errors().kind, Kind::refused);
  EXPECT_EQ(token.errors().error, "invalid_client");
  EXPECT_THAT(token.errors().message, ::testing::Not(::testing::HasSubstr("not-the-secret")));
}

TEST_F(AgainstOidcProvider, ScopeTheClientMayNotHave_IsRefusedAsInvalidScope) {
  ClientOptions options;
  options.allow_undeclared_scopes = true;
  auto made = Client::from_endpoints(
      {.token_url = server_->url("/token")},
      {AuthorizationServer::service_id, ClientSecret{AuthorizationServer::service_secret}},
      options);
  ASSERT_TRUE(made);
  const auto token = made->client_credentials({"offline_access"});
  ASSERT_FALSE(token);
  EXPECT_EQ(token.errors().kind, Kind::refused);
  EXPECT_EQ(token.errors().error, "invalid_scope");
}

// A person's browser on oidc-provider's pages: cookies kept, redirects followed; each visit
// gives the page it ended on. Forms are posted form-urlencoded.
class Browser {
 public:
  Browser() : handle_(curl_easy_init()) {
    curl_easy_setopt(handle_, CURLOPT_COOKIEFILE, "");  // keep the provider's cookies
    curl_easy_setopt(handle_, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(
        handle_, CURLOPT_WRITEFUNCTION, +[](char* data, size_t size, size_t count, void* page) {
          static_cast<std::string*>(page)->append(data, size * count);
          return size * count;
        });
    curl_easy_setopt(handle_, CURLOPT_WRITEDATA, &page_);
    curl_easy_setopt(handle_, CURLOPT_TIMEOUT_MS, 10'000L);
  }
  ~Browser() { curl_easy_cleanup(handle_); }
  Browser(const Browser&) = delete;
  Browser& operator=(const Browser&) = delete;

  /// GETs `target`, or POSTs `form` to it; returns the URL it ended on.
  std::string visit(const std::string& target, const std::string& form = {}) {
    page_.clear();
    curl_easy_setopt(handle_, CURLOPT_URL, target.c_str());
    if (form.empty()) {
      curl_easy_setopt(handle_, CURLOPT_HTTPGET, 1L);
    } else {
      curl_easy_setopt(handle_, CURLOPT_COPYPOSTFIELDS, form.c_str());
    }
    curl_easy_perform(handle_);
    char* at = nullptr;
    curl_easy_getinfo(handle_, CURLINFO_EFFECTIVE_URL, &at);
    return std::string(at != nullptr ? at : "");
  }
  /// The value of the hidden input `name` on the last page.
  [[nodiscard]] std::string hidden(const std::string& name) const {
    const std::string marker = "name=\"" + name + "\" value=\"";
    const auto at = page_.find(marker);
    if (at == std::string::npos) return {};
    const auto start = at + marker.size();
    return page_.substr(start, page_.find('"', start) - start);
  }
  /// oidc-provider's development interactions, from their first page: signs in as `login` (any
  /// name, no password check), then consents or aborts.
  void sign_in(const std::string& login_page, const std::string& login, bool consent) {
    const std::string consent_page =
        visit(login_page, "prompt=login&login=" + login + "&password=x");
    if (consent) {
      visit(consent_page, "prompt=consent");
    } else {
      visit(consent_page + "/abort");
    }
  }

 private:
  CURL* handle_;
  std::string page_;
};

// Plays the user's browser: opens `url`, signs in as `login` and consents (or declines), and
// follows the redirects to the end, which is the program's loopback listener.
void act_as_browser(const std::string& url, const std::string& login, bool consent) {
  Browser browser;
  browser.sign_in(browser.visit(url), login, consent);
}

class AuthorizationCodeAgainstOidcProvider : public AgainstOidcProvider {
 protected:
  static Client public_client() {
    FlowEndpoints flow{.token_url = server_->url("/token"),
                       .authorization_url = server_->url("/auth")};
    for (const char* scope : {"openid", "offline_access", "pets:read"}) {
      flow.scopes.insert_or_assign(scope, "");
    }
    ClientOptions options;
    options.http.timeout = std::chrono::milliseconds(5000);
    auto made = Client::from_endpoints(std::move(flow), {AuthorizationServer::public_id}, options);
    if (!made) throw std::runtime_error(made.errors().message);
    return std::move(*made);
  }
  AuthorizationOptions options(bool consent = true) {
    AuthorizationOptions result;
    result.scopes = {"openid", "offline_access", "pets:read"};
    result.resources = {server_->resource()};
    result.timeout = std::chrono::seconds(20);
    result.issuer = server_->issuer();
    result.require_issuer = true;
    result.extra_parameters = {{"prompt", "consent"}};
    result.open_browser = [this, consent](const std::string& url) {
      browser_ = std::thread([url, consent] { act_as_browser(url, "alice", consent); });
    };
    return result;
  }
  void TearDown() override {
    if (browser_.joinable()) browser_.join();
  }
  std::thread browser_;
};

TEST_F(AuthorizationCodeAgainstOidcProvider, SignInWithPkce_GivesTokensForTheUser) {
  const auto client = public_client();
  const auto tokens = authorize(client, options());
  ASSERT_TRUE(tokens) << tokens.errors().message;
  ASSERT_TRUE(tokens->refresh_token);
  ASSERT_TRUE(tokens->id_token);
  const auto identity = verifier().verify(tokens->access_token);
  ASSERT_TRUE(identity) << identity.errors().message;
  EXPECT_EQ(identity->subject, "alice");
  EXPECT_EQ(identity->client_id, AuthorizationServer::public_id);

  // The refresh grant, through a TokenSource: a new access token for the same user.
  auto source = TokenSource::refreshing(client, *tokens, {.resources = {server_->resource()}});
  const auto first = source->token();
  ASSERT_TRUE(first);
  EXPECT_EQ((*first)->value, tokens->access_token);
  source->invalidate(**first);
  const auto refreshed = source->token();
  ASSERT_TRUE(refreshed) << refreshed.errors().message;
  EXPECT_NE((*refreshed)->value, tokens->access_token);
  const auto again = verifier().verify((*refreshed)->value);
  ASSERT_TRUE(again) << again.errors().message;
  EXPECT_EQ(again->subject, "alice");
}

TEST_F(AuthorizationCodeAgainstOidcProvider, UserWhoDeclines_GivesTheServersRefusal) {
  const auto tokens = authorize(public_client(), options(false));
  ASSERT_FALSE(tokens);
  EXPECT_EQ(tokens.errors().kind, Kind::refused);
  EXPECT_EQ(tokens.errors().error, "access_denied");
}

TEST_F(AuthorizationCodeAgainstOidcProvider, RedirectFromElsewhere_IsRefusedByState) {
  auto opts = options();
  opts.open_browser = [this](const std::string& url) {
    // Someone else's code, delivered to our listener with a state of their own.
    const auto at = url.find("redirect_uri=") + 13;
    std::string redirect = url.substr(at, url.find('&', at) - at);
    for (std::size_t i; (i = redirect.find("%3A")) != std::string::npos;)
      redirect.replace(i, 3, ":");
    for (std::size_t i; (i = redirect.find("%2F")) != std::string::npos;)
      redirect.replace(i, 3, "/");
    browser_ = std::thread([redirect] {
      CURL* h = curl_easy_init();
      const std::string planted = redirect + "?code=stolen&state=theirs";
      curl_easy_setopt(h, CURLOPT_URL, planted.c_str());
      curl_easy_setopt(
          h, CURLOPT_WRITEFUNCTION,
          +[](char*, size_t size, size_t count, void*) { return size * count; });
      curl_easy_perform(h);
      curl_easy_cleanup(h);
    });
  };
  const auto tokens = authorize(public_client(), opts);
  ASSERT_FALSE(tokens);
  EXPECT_EQ(tokens.errors().kind, Kind::bad_response);
  EXPECT_THAT(tokens.errors().message, ::testing::HasSubstr("state"));
}

TEST_F(AuthorizationCodeAgainstOidcProvider, IssuerOtherThanExpected_IsRefused) {
  auto opts = options();
  opts.issuer = "https://someone-else.example";
  const auto tokens = authorize(public_client(), opts);
  ASSERT_FALSE(tokens);
  EXPECT_EQ(tokens.errors().kind, Kind::bad_response);
  EXPECT_THAT(tokens.errors().message, ::testing::HasSubstr("RFC 9207"));
}

// RFC 8628 with oidc-provider's device flow: the "person" enters the user code on the
// provider's own page (/device), confirms it, then signs in and consents through its
// interactions, or presses its Abort button.
class DeviceFlowAgainstOidcProvider : public AgainstOidcProvider {
 protected:
  static Client device_client() {
    FlowEndpoints flow{.token_url = server_->url("/token")};
    flow.device_authorization_url = server_->url("/device/auth");
    flow.scopes.insert_or_assign("pets:read", "Read pets");
    ClientOptions options;
    options.http.timeout = std::chrono::milliseconds(5000);
    auto made = Client::from_endpoints(std::move(flow), {AuthorizationServer::device_id}, options);
    if (!made) throw std::runtime_error(made.errors().message);
    return std::move(*made);
  }
  static void enter_user_code(const DeviceAuthorization& shown, bool approve) {
    Browser browser;
    browser.visit(shown.verification_uri);
    const std::string xsrf = browser.hidden("xsrf");
    ASSERT_FALSE(xsrf.empty()) << "no xsrf on " << shown.verification_uri;
    const std::string code_form = "xsrf=" + xsrf + "&user_code=" + shown.user_code;
    browser.visit(shown.verification_uri, code_form);  // the confirmation page
    ASSERT_EQ(browser.hidden("confirm"), "yes");
    if (approve) {
      browser.sign_in(browser.visit(shown.verification_uri, code_form + "&confirm=yes"), "alice",
                      true);
    } else {
      browser.visit(shown.verification_uri, code_form + "&abort=yes");
    }
  }
  // The user acts during the second wait: the first poll has been answered
  // authorization_pending by then. Nothing really waits (sleep only records).
  DeviceFlowOptions options(bool approve) {
    DeviceFlowOptions result;
    result.scopes = {"pets:read"};
    result.resources = {server_->resource()};
    result.show_code = [this](const DeviceAuthorization& shown) { shown_ = shown; };
    result.poll.sleep = [this, approve](std::chrono::seconds interval) {
      sleeps_.push_back(interval);
      if (sleeps_.size() == 2 && shown_) enter_user_code(*shown_, approve);
    };
    return result;
  }

  std::optional<DeviceAuthorization> shown_;
  std::vector<std::chrono::seconds> sleeps_;
};

TEST_F(DeviceFlowAgainstOidcProvider, UserApprovesAfterAPendingPoll_GivesTheirToken) {
  const auto client = device_client();
  const auto token = authorize_device(client, options(true));
  ASSERT_TRUE(token) << token.errors().message;
  ASSERT_TRUE(shown_);
  EXPECT_EQ(shown_->verification_uri, server_->url("/device"));
  // Polled once (authorization_pending: polling went on), then got the token; oidc-provider
  // sends no interval, so each wait is RFC 8628's default 5 s.
  EXPECT_EQ(sleeps_,
            (std::vector<std::chrono::seconds>{std::chrono::seconds(5), std::chrono::seconds(5)}));
  EXPECT_EQ(client.request_count(), 3U);  // the device request and two polls
  const auto identity = verifier().verify(token->access_token);
  ASSERT_TRUE(identity) << identity.errors().message;
  EXPECT_EQ(identity->subject, "alice");
  EXPECT_EQ(identity->client_id, AuthorizationServer::device_id);
}

TEST_F(DeviceFlowAgainstOidcProvider, UserAborts_IsAccessDenied) {
  const auto client = device_client();
  const auto token = authorize_device(client, options(false));
  ASSERT_FALSE(token);
  EXPECT_EQ(token.errors().kind, Kind::refused);
  EXPECT_EQ(token.errors().error, "access_denied");
  EXPECT_EQ(sleeps_.size(), 2U);
}

}  // namespace
}  // namespace oaskit::oauth2
