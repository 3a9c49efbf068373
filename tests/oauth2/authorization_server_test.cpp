// oauth2::Client against a real, certified authorization server: npm oidc-provider on
// 127.0.0.1 (tests/interop/authorization_server.mjs). The tokens it issues are checked with the
// server side of oaskit: JWT access tokens with JwtVerifier through the provider's discovery
// document and JWKS, opaque ones with its introspection endpoint.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <curl/curl.h>

#include <memory>
#include <string>
#include <thread>

#include "oaskit/oauth2/authorization_code.hpp"
#include "oaskit/oauth2/client.hpp"
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

// Plays the user's browser: opens `url`, signs in as `login` and consents (or declines), and
// follows the redirects to the end, which is the program's loopback listener. oidc-provider's
// development interactions take any account name; each form posts back to the page's URL.
void act_as_browser(const std::string& url, const std::string& login, bool consent) {
  CURL* h = curl_easy_init();
  const auto discard = +[](char*, size_t size, size_t count, void*) { return size * count; };
  curl_easy_setopt(h, CURLOPT_COOKIEFILE, "");  // keep the provider's cookies
  curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, discard);
  curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, 10'000L);
  const auto visit = [&](const std::string& target, const std::string& form) {
    curl_easy_setopt(h, CURLOPT_URL, target.c_str());
    if (form.empty()) {
      curl_easy_setopt(h, CURLOPT_HTTPGET, 1L);
    } else {
      curl_easy_setopt(h, CURLOPT_COPYPOSTFIELDS, form.c_str());
    }
    curl_easy_perform(h);
    char* at = nullptr;
    curl_easy_getinfo(h, CURLINFO_EFFECTIVE_URL, &at);
    return std::string(at != nullptr ? at : "");
  };
  const std::string login_page = visit(url, "");
  const std::string consent_page = visit(login_page, "prompt=login&login=" + login + "&password=x");
  if (consent) {
    visit(consent_page, "prompt=consent");
  } else {
    visit(consent_page + "/abort", "");
  }
  curl_easy_cleanup(h);
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

}  // namespace
}  // namespace oaskit::oauth2
