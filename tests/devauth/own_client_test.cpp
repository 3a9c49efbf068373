// oaskit's own OAuth 2.0 client against the development authorization server on loopback: the
// served document points its flows here, Client and TokenSource get tokens through every grant,
// authorize() runs the browser flow (the "browser" is this test, posting the sign-in form), and
// JwtVerifier trusts the server through its discovery document.

#include <thread>

#include "devauth/devauth_test_support.hpp"
#include "http/client.hpp"
#include "oaskit/json.hpp"
#include "oaskit/models.hpp"
#include "oaskit/oauth2/client.hpp"
#include "oaskit/oauth2/token_source.hpp"
#include "oaskit/security/jwks.hpp"
#include "oaskit/security/jwt_verifier.hpp"

namespace oaskit::test {
namespace {

oauth2::ClientCredentials service() {
  return {.client_id = "service",
          .authentication = oauth2::ClientSecret{.secret = "service-secret"}};
}

TEST(DevAuthOwnClient, TheServedDocumentsFlowsPointAtTheMountedServer) {
  LoopbackDevAuth server;
  auto served = detail::send({.method = "GET", .url = server.url() + "openapi.json"}, {});
  ASSERT_TRUE(served);
  const auto document = boost::json::parse(served->body);
  const auto& oauth = document.at_pointer("/components/securitySchemes/oauth/flows");
  const auto issuer = server.auth().issuer();
  EXPECT_EQ(issuer + "/", server.url());
  EXPECT_EQ(oauth.at_pointer("/clientCredentials/tokenUrl"),
            boost::json::value(issuer + "/oauth/token"));
  EXPECT_EQ(oauth.at_pointer("/authorizationCode/authorizationUrl"),
            boost::json::value(issuer + "/oauth/authorize"));
  EXPECT_EQ(oauth.at_pointer("/authorizationCode/refreshUrl"),
            boost::json::value(issuer + "/oauth/token"));
  EXPECT_EQ(oauth.at_pointer("/password/tokenUrl"), boost::json::value(issuer + "/oauth/token"));
  EXPECT_EQ(document.at_pointer("/components/securitySchemes/oidc/openIdConnectUrl"),
            boost::json::value(issuer + "/.well-known/openid-configuration"));
}

TEST(DevAuthOwnClient, ClientCredentialsThroughTheDocumentAndATokenSource) {
  LoopbackDevAuth server;
  auto client = server.client(oauth2::Flow::clientCredentials, service());
  auto token = client.client_credentials({"pets:read"});
  ASSERT_TRUE(token) << token.errors().message;
  EXPECT_EQ(token->scope, std::vector<std::string>{"pets:read"});
  // pets:write is declared by the flow but not allowed to poster.
  auto poster = server.client(oauth2::Flow::clientCredentials,
                              {.client_id = "poster",
                               .authentication = oauth2::ClientSecret{
                                   .secret = "poster-secret",
                                   .method = security::ClientAuthentication::client_secret_post}});
  auto refused = poster.client_credentials({"pets:write"});
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.errors().error, "invalid_scope");

  auto source = oauth2::TokenSource::client_credentials(
      server.client(oauth2::Flow::clientCredentials, service()), {.scopes = {"pets:write"}});
  auto first = source->token();
  ASSERT_TRUE(first) << first.errors().message;
  EXPECT_EQ(first->get()->scopes, std::vector<std::string>{"pets:write"});

  auto wrong = server.client(
      oauth2::Flow::clientCredentials,
      {.client_id = "service", .authentication = oauth2::ClientSecret{.secret = "wrong"}});
  auto denied = wrong.client_credentials();
  ASSERT_FALSE(denied);
  EXPECT_EQ(denied.errors().error, "invalid_client");
  EXPECT_EQ(denied.errors().http_status, 401);
}

TEST(DevAuthOwnClient, ClientSecretPostAndPrivateKeyJwt) {
  auto key = jose::Key::generate(jose::Algorithm::ES256);
  ASSERT_TRUE(key);
  auto public_key = jose::Key::from_jwk(key->to_jwk());
  ASSERT_TRUE(public_key);
  auto document = document_from(devauth_document);
  auto config = devauth::read_config_text("devauth.yaml", devauth_config, ".",
                                          devauth::scopes_of(document->model()));
  ASSERT_TRUE(config);
  config->clients.push_back(
      devauth::Client{.client_id = "signed",
                      .grant_types = {devauth::GrantType::client_credentials},
                      .token_endpoint_auth_method = devauth::ClientAuthMethod::private_key_jwt,
                      .jwks = jose::KeySet({*public_key})});
  auto auth = devauth::AuthorizationServer::create(std::move(*config));
  ASSERT_TRUE(auth) << to_string(auth.errors().front());
  server::Server api(
      *document,
      {.host = "127.0.0.1", .port = 0, .threads = 1, .access_log = [](std::string_view) {}});
  (*auth)->mount(api);
  auto started = api.start();
  ASSERT_TRUE(started);
  const oauth2::FlowEndpoints endpoints{.token_url = (*auth)->url_of("/oauth/token"),
                                        .scopes = (*auth)->config().scopes};
  auto signed_client = oauth2::Client::from_endpoints(
      endpoints,
      {.client_id = "signed",
       .authentication = oauth2::PrivateKeyJwt{.key = *key, .alg = jose::Algorithm::ES256}});
  ASSERT_TRUE(signed_client);
  auto token = signed_client->client_credentials({"admin"});
  ASSERT_TRUE(token) << token.errors().message;
  auto again = signed_client->client_credentials();
  EXPECT_TRUE(again) << "each assertion has its own jti";

  auto long_lived = oaskit::oauth2::Client::from_endpoints(
      endpoints,
      {.client_id = "signed",
       .authentication = oauth2::PrivateKeyJwt{
           .key = *key, .alg = jose::Algorithm::ES256, .lifetime = std::chrono::hours(2)}});
  auto too_long = long_lived->client_credentials();
  ASSERT_FALSE(too_long) << "an assertion valid for hours would make its jti memory long";
  EXPECT_EQ(too_long.errors().error, "invalid_client");

  auto other_key = jose::Key::generate(jose::Algorithm::ES256);
  auto forged = oauth2::Client::from_endpoints(
      endpoints,
      {.client_id = "signed",
       .authentication = oauth2::PrivateKeyJwt{.key = *other_key, .alg = jose::Algorithm::ES256}});
  auto refused = forged->client_credentials();
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.errors().error, "invalid_client");

  auto poster = oauth2::Client::from_endpoints(
      endpoints, {.client_id = "poster",
                  .authentication = oauth2::ClientSecret{
                      .secret = "poster-secret",
                      .method = security::ClientAuthentication::client_secret_post}});
  EXPECT_TRUE(poster->client_credentials());
  api.stop();
}

// Plays the person in the browser: opens the authorization URL, signs in as alice and follows
// the redirect to the client's loopback listener.
void sign_in_as_alice(const std::string& url, const std::string& decision) {
  auto page = detail::send({.method = "GET", .url = url}, {});
  ASSERT_TRUE(page);
  ASSERT_EQ(page->status, 200) << page->body;
  const auto hidden = [&](const std::string& name) {
    const auto marker = "name=\"" + name + "\" value=\"";
    const auto at = page->body.find(marker) + marker.size();
    return page->body.substr(at, page->body.find('"', at) - at);
  };
  const auto cookie = std::string(*page->header("Set-Cookie"));
  const auto origin = url.substr(0, url.find("/oauth/authorize"));
  auto posted = detail::send({.method = "POST",
                              .url = origin + "/oauth/authorize",
                              .headers = {{"Content-Type", "application/x-www-form-urlencoded"},
                                          {"Cookie", cookie.substr(0, cookie.find(';'))}},
                              .body = detail::form_body({{"request", hidden("request")},
                                                         {"csrf", hidden("csrf")},
                                                         {"username", "alice"},
                                                         {"password", "wonderland"},
                                                         {"decision", decision}})},
                             {});
  ASSERT_TRUE(posted);
  ASSERT_EQ(posted->status, 303) << posted->body;
  auto back = detail::send({.method = "GET", .url = std::string(*posted->header("Location"))}, {});
  ASSERT_TRUE(back);
}

// authorize() with alice in the "browser" deciding `decision`.
oauth2::GrantResult authorize_in_browser(const oauth2::Client& client,
                                         oauth2::AuthorizationOptions options,
                                         const std::string& decision) {
  std::thread browser;
  options.redirect_path = "/docs/oauth2-redirect";
  options.timeout = std::chrono::seconds(20);
  options.open_browser = [&](const std::string& url) {
    browser = std::thread([url, decision] { sign_in_as_alice(url, decision); });
  };
  auto tokens = oauth2::authorize(client, options);
  if (browser.joinable()) browser.join();
  return tokens;
}

TEST(DevAuthOwnClient, AuthorizeRunsTheCodeFlowWithPkceStateAndIssuer) {
  LoopbackDevAuth server;
  auto client = server.client(oauth2::Flow::authorizationCode,
                              {.client_id = "docs", .authentication = oauth2::PublicClient{}});
  auto tokens = authorize_in_browser(client,
                                     {.scopes = {"pets:read", "pets:write"},
                                      .issuer = server.auth().issuer(),
                                      .require_issuer = true},
                                     "allow");
  ASSERT_TRUE(tokens) << tokens.errors().message;
  ASSERT_TRUE(tokens->refresh_token.has_value());

  // The API's verifier trusts the server through its discovery document.
  security::JwtVerifier verifier(
      {.issuer = server.auth().issuer(),
       .audience = server.auth().audience(),
       .algorithms = {jose::Algorithm::ES256},
       .required_typ = "at+jwt",
       .jwks = security::JwksSource::from_issuer(server.auth().issuer())});
  auto identity = verifier.verify(tokens->access_token);
  ASSERT_TRUE(identity) << identity.errors().message;
  EXPECT_EQ(identity->subject, "alice");
  EXPECT_EQ(identity->scopes, (std::vector<std::string>{"pets:read", "pets:write"}));

  // Refreshing through a TokenSource, which keeps the rotated refresh token.
  auto now = std::chrono::system_clock::now();
  auto source = oauth2::TokenSource::refreshing(std::move(client), *tokens,
                                                {.clock = [&now] { return now; }});
  now += std::chrono::minutes(9);  // within refresh_ahead of the token's 10 minutes
  auto refreshed = source->token();
  ASSERT_TRUE(refreshed) << refreshed.errors().message;
  EXPECT_NE(refreshed->get()->value, tokens->access_token);
  now += std::chrono::minutes(9);
  auto second = source->token();
  ASSERT_TRUE(second) << "the rotated refresh token works: " << second.errors().message;
  EXPECT_EQ(source->request_count(), 2U);
}

TEST(DevAuthOwnClient, DenyingIsAnAccessDeniedGrantError) {
  LoopbackDevAuth server;
  auto client = server.client(oauth2::Flow::authorizationCode,
                              {.client_id = "docs", .authentication = oauth2::PublicClient{}});
  auto tokens = authorize_in_browser(client, {}, "deny");
  ASSERT_FALSE(tokens);
  EXPECT_EQ(tokens.errors().error, "access_denied");
}

TEST(DevAuthOwnClient, AMountedRouteMayNotTakeAPathOfTheDocument) {
  auto document = document_from(devauth_document);
  auto config = devauth::read_config_text("devauth.yaml", devauth_config, ".",
                                          devauth::scopes_of(document->model()));
  config->paths.token = "/pets";
  auto auth = devauth::AuthorizationServer::create(std::move(*config));
  ASSERT_TRUE(auth);
  server::Server api(*document, {.host = "127.0.0.1", .port = 0});
  (*auth)->mount(api);
  auto prepared = api.prepare();
  ASSERT_FALSE(prepared);
  EXPECT_EQ(prepared.errors().front().rule, "server-route");
  EXPECT_NE(prepared.errors().front().message.find("/pets"), std::string::npos);
}

}  // namespace
}  // namespace oaskit::test
