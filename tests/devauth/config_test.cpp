// The config: read from YAML or JSON, refused at start with the place of each problem.

#include "devauth/devauth_test_support.hpp"

namespace oaskit::test {
namespace {

Map<std::string> document_scopes() {
  return Map<std::string>{{"pets:read", "Read"}, {"pets:write", "Write"}};
}

Diagnostics problems_of(const std::string& text) {
  auto config = devauth::read_config_text("devauth.yaml", text, ".", document_scopes());
  if (config) return {};
  return config.errors();
}

// "line:column rule: message" of the only problem in `text`.
std::string only_problem(const std::string& text) {
  auto problems = problems_of(text);
  if (problems.size() != 1) {
    std::string all;
    for (const auto& d : problems) all += to_string(d) + "\n";
    ADD_FAILURE() << problems.size() << " problems:\n" << all;
    return {};
  }
  const auto& d = problems.front();
  return std::to_string(d.position ? d.position->line : 0) + ":" +
         std::to_string(d.position ? d.position->column : 0) + " " + d.rule + ": " + d.message;
}

const std::string client_head = "clients:\n  - client_id: a\n";

TEST(DevAuthConfig, AGoodConfigReadsWithRfc7591Names) {
  auto config = devauth::read_config_text(
      "devauth.yaml", devauth_config, ".",
      Map<std::string>{{"pets:read", ""}, {"pets:write", ""}, {"admin", ""}});
  ASSERT_TRUE(config) << to_string(config.errors().front());
  ASSERT_EQ(config->clients.size(), 4U);
  const auto& docs = config->clients[2];
  EXPECT_EQ(docs.client_id, "docs");
  EXPECT_TRUE(docs.is_public());
  EXPECT_EQ(docs.grant_types, (std::vector{devauth::GrantType::authorization_code,
                                           devauth::GrantType::refresh_token}));
  EXPECT_EQ(docs.scope, (std::vector<std::string>{"pets:read", "pets:write"}));
  EXPECT_EQ(config->clients[1].token_endpoint_auth_method,
            devauth::ClientAuthMethod::client_secret_post);
  EXPECT_EQ(config->clients[1].scope, std::vector<std::string>{"pets:read"}) << "a list too";
  EXPECT_EQ(config->users[1].subject, "user-42");
  EXPECT_EQ(config->rate_limit.max_failures, 3U);
}

TEST(DevAuthConfig, JsonConfigsReadToo) {
  auto config = devauth::read_config_text(
      "devauth.json",
      R"({"clients": [{"client_id": "s", "client_secret": "x", "grant_types": ["client_credentials"]}],
          "users": [], "access_token_lifetime": 120})",
      ".", document_scopes());
  ASSERT_TRUE(config) << to_string(config.errors().front());
  EXPECT_EQ(config->access_token_lifetime, std::chrono::seconds(120));
}

TEST(DevAuthConfig, ImplicitAndPasswordAreRefusedWithTheirPlace) {
  EXPECT_EQ(
      only_problem(client_head + "    client_secret: x\n    grant_types: [client_credentials, "
                                 "password]\n"),
      "4:39 devauth-grant: the password grant is not offered: RFC 9700 (OAuth 2.0 Security "
      "Best Current Practice) forbids it; use authorization_code with PKCE");
  EXPECT_NE(only_problem(client_head + "    client_secret: x\n    grant_types: [implicit, "
                                       "client_credentials]\n")
                .find("4:19 devauth-grant: the implicit grant"),
            std::string::npos);
  EXPECT_NE(only_problem(client_head + "    client_secret: x\n    grant_types: [device_code]\n")
                .find("unknown grant 'device_code'"),
            std::string::npos);
}

TEST(DevAuthConfig, ARedirectUriThatIsNotAbsoluteIsRefused) {
  const auto head = client_head +
                    "    token_endpoint_auth_method: none\n"
                    "    redirect_uris:\n";
  EXPECT_EQ(
      only_problem(head + "      - /docs/oauth2-redirect\nusers: [{username: u, password: p}]\n"),
      "5:9 devauth-redirect-uri: the redirect URI '/docs/oauth2-redirect' is not an absolute "
      "URI (scheme://host/path)");
  EXPECT_NE(only_problem(head + "      - https://app.example/cb#frag\n"
                                "users: [{username: u, password: p}]\n")
                .find("has a fragment"),
            std::string::npos);
  EXPECT_NE(only_problem(client_head + "    token_endpoint_auth_method: none\n"
                                       "users: [{username: u, password: p}]\n")
                .find("registers no redirect_uris"),
            std::string::npos);
}

TEST(DevAuthConfig, AScopeTheDocumentDoesNotDeclareIsRefused) {
  EXPECT_EQ(
      only_problem(client_head + "    client_secret: x\n    grant_types: [client_credentials]\n"
                                 "    scope: [pets:read, pets:delete]\n"),
      "5:24 devauth-scope: the scope 'pets:delete' is not declared by the document's OAuth2 "
      "flows (pets:read, pets:write)");
}

TEST(DevAuthConfig, ClientsMustBeAbleToAuthenticateAsRegistered) {
  EXPECT_NE(only_problem(client_head + "    grant_types: [client_credentials]\n")
                .find("has no client_secret"),
            std::string::npos);
  EXPECT_NE(only_problem(client_head + "    token_endpoint_auth_method: none\n"
                                       "    client_secret: x\n"
                                       "    redirect_uris: [https://a.example/cb]\n"
                                       "users: [{username: u, password: p}]\n")
                .find("which uses no client_secret"),
            std::string::npos);
  EXPECT_NE(only_problem(client_head + "    token_endpoint_auth_method: none\n"
                                       "    grant_types: [client_credentials]\n")
                .find("a public client"),
            std::string::npos);
  EXPECT_NE(only_problem(client_head + "    token_endpoint_auth_method: private_key_jwt\n"
                                       "    grant_types: [client_credentials]\n")
                .find("no public key in 'jwks'"),
            std::string::npos);
  EXPECT_NE(
      only_problem(client_head + "    token_endpoint_auth_method: tls_client_auth\n"
                                 "    client_secret: x\n    grant_types: [client_credentials]\n")
          .find("unknown token_endpoint_auth_method 'tls_client_auth'"),
      std::string::npos);
}

TEST(DevAuthConfig, DuplicatesUnknownMembersAndMissingUsersAreRefused) {
  const auto service = "    client_secret: x\n    grant_types: [client_credentials]\n";
  EXPECT_NE(only_problem(client_head + service + "  - client_id: a\n" + service)
                .find("5:16 devauth-client: the client_id 'a' is registered twice"),
            std::string::npos);
  EXPECT_NE(only_problem(client_head + service + "    redirect_uri: https://a.example/cb\n")
                .find("5:19 devauth-unknown-member: 'redirect_uri' is not a member here"),
            std::string::npos);
  EXPECT_NE(only_problem(client_head + service +
                         "users:\n  - {username: u, password: p}\n"
                         "  - {username: u, password: q}\n")
                .find("listed twice"),
            std::string::npos);
  EXPECT_NE(only_problem(client_head + "    token_endpoint_auth_method: none\n"
                                       "    redirect_uris: [https://a.example/cb]\n")
                .find("no user can sign in"),
            std::string::npos);
  EXPECT_NE(only_problem("clients: []\n").find("registers no client"), std::string::npos);
  EXPECT_NE(only_problem(client_head + service + "issuer: https://auth.example/tenant\n")
                .find("must be an origin"),
            std::string::npos);
  EXPECT_NE(
      only_problem(client_head + service + "access_token_lifetime: 0\n").find("positive number"),
      std::string::npos);
  EXPECT_NE(only_problem(client_head + service + "algorithm: HS256\n").find("not an HMAC"),
            std::string::npos);
  EXPECT_NE(
      only_problem(client_head + service + "signing_key: missing.pem\n").find("cannot be read"),
      std::string::npos);
}

TEST(DevAuthConfig, ANumberWhereAStringBelongsSaysToQuoteIt) {
  EXPECT_EQ(only_problem(client_head + "    client_secret: 123456\n"
                                       "    grant_types: [client_credentials]\n"),
            "3:20 devauth-type: expected a string; YAML reads the unquoted '123456' as a number, "
            "boolean or null: put it in quotes (\"123456\") to make it a string");
  EXPECT_NE(
      only_problem(client_head + "    client_secret: x\n    grant_types: [client_credentials]\n"
                                 "users: [{username: u, password: 1e5}]\n")
          .find("put it in quotes"),
      std::string::npos)
      << "one problem: no 'the user has no password' besides";
}

TEST(DevAuthConfig, AUsersSubjectMayNotBeAClientId) {
  EXPECT_NE(
      only_problem(client_head + "    client_secret: x\n    grant_types: [client_credentials]\n"
                                 "users: [{username: bob, password: p, subject: a}]\n")
          .find("the user's subject 'a' is a client_id too"),
      std::string::npos);
}

TEST(DevAuthConfig, ASyntaxErrorHasItsPlace) {
  auto problems = problems_of("clients: [\n");
  ASSERT_FALSE(problems.empty());
  EXPECT_TRUE(problems.front().position.has_value());
}

TEST(DevAuthConfig, AConfigMadeInCppIsCheckedWithMemberPaths) {
  auto created = devauth::AuthorizationServer::create(devauth::Config{
      .clients = {devauth::Client{.client_id = "a",
                                  .redirect_uris = {"not a uri"},
                                  .grant_types = {devauth::GrantType::authorization_code},
                                  .token_endpoint_auth_method = devauth::ClientAuthMethod::none}},
      .users = {devauth::User{.username = "u", .password = "p"}},
      .scopes = document_scopes()});
  ASSERT_FALSE(created);
  ASSERT_EQ(created.errors().size(), 1U);
  EXPECT_EQ(to_json_pointer(created.errors().front().loc), "/clients/0/redirect_uris/0");
}

TEST(DevAuthConfig, TheDefaultConfigReadsBackAndKeepsSecretsRandom) {
  const auto text = devauth::default_config_text(document_scopes());
  auto config = devauth::read_config_text("default.yaml", text, ".", document_scopes());
  ASSERT_TRUE(config) << to_string(config.errors().front()) << "\n" << text;
  ASSERT_EQ(config->clients.size(), 3U);
  EXPECT_EQ(config->clients[0].client_id, "service");
  EXPECT_EQ(config->clients[0].grant_types, std::vector{devauth::GrantType::client_credentials});
  EXPECT_GE(config->clients[0].client_secret.size(), 32U);
  EXPECT_EQ(config->clients[1].client_id, "docs");
  EXPECT_TRUE(config->clients[1].is_public());
  EXPECT_EQ(config->clients[1].scope, (std::vector<std::string>{"pets:read", "pets:write"}));
  // `oaskit token --flow deviceAuthorization --client-id device` works with it as it is.
  EXPECT_EQ(config->clients[2].client_id, "device");
  EXPECT_TRUE(config->clients[2].is_public());
  EXPECT_EQ(config->clients[2].grant_types, std::vector{devauth::GrantType::device_code});
  EXPECT_EQ(config->clients[2].scope, (std::vector<std::string>{"pets:read", "pets:write"}));
  ASSERT_EQ(config->users.size(), 1U);
  EXPECT_EQ(config->users[0].username, "alice");
  const auto again = devauth::default_config_text(document_scopes());
  EXPECT_NE(again, text) << "a fresh secret and password each time";
}

TEST(DevAuthConfig, AKeyFileIsUsedWithItsThumbprintAsKid) {
  auto key = jose::Key::generate(jose::Algorithm::ES256);
  ASSERT_TRUE(key);
  const auto folder = std::filesystem::temp_directory_path() / "oaskit-devauth-key-test";
  std::filesystem::create_directories(folder);
  {
    std::ofstream out(folder / "key.pem");
    out << *key->private_pem();
  }
  auto config =
      devauth::read_config_text("devauth.yaml",
                                client_head +
                                    "    client_secret: x\n    grant_types: [client_credentials]\n"
                                    "signing_key: key.pem\n",
                                folder, document_scopes());
  ASSERT_TRUE(config) << to_string(config.errors().front());
  ASSERT_TRUE(config->signing_key.has_value());
  EXPECT_EQ(config->signing_key->kid(), key->thumbprint());
  auto created = devauth::AuthorizationServer::create(std::move(*config));
  ASSERT_TRUE(created);
  EXPECT_EQ((*created)->public_keys().keys().front().to_jwk().at("x"), key->to_jwk().at("x"));
  std::filesystem::remove_all(folder);
}

}  // namespace
}  // namespace oaskit::test
