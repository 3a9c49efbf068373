// `oaskit token`: a token from the clientCredentials flow an API document declares, from npm
// oidc-provider on 127.0.0.1; secrets from the environment or a file, never in the output.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <cstdlib>
#include <memory>
#include <string>

#include "oaskit/security/jwks.hpp"
#include "oaskit/security/jwt_verifier.hpp"
#include "support/authorization_server.hpp"
#include "support/run_cli.hpp"
#include "support/temp_tree.hpp"

namespace oaskit {
namespace {

using test::AuthorizationServer;
using test::run_cli;
using ::testing::HasSubstr;
using ::testing::Not;

class TokenCommand : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = std::make_unique<AuthorizationServer>();
    folder_ = std::make_unique<test::TempTree>();
    // tokenUrl is relative: it resolves against the server URL, as OpenAPI 3.1 says.
    folder_->write("api.yaml",
                   "openapi: 3.1.0\n"
                   "info: {title: Pets, version: '1'}\n"
                   "servers: [{url: '" +
                       server_->issuer() +
                       "/'}]\n"
                       "components:\n"
                       "  securitySchemes:\n"
                       "    oauth:\n"
                       "      type: oauth2\n"
                       "      flows:\n"
                       "        clientCredentials:\n"
                       "          tokenUrl: token\n"
                       "          scopes: {pets:read: Read pets, pets:write: Change pets}\n"
                       "    via-ref: {$ref: '#/components/securitySchemes/oauth'}\n");
    folder_->write("secret.txt", std::string(AuthorizationServer::service_secret) + "\n");
    ::setenv("OASKIT_TEST_CLIENT_SECRET", AuthorizationServer::service_secret, 1);
    ::setenv("OASKIT_TEST_WRONG_SECRET", "wrong-secret-value", 1);
  }
  static void TearDownTestSuite() {
    server_.reset();
    folder_.reset();
  }
  static std::string api() { return (folder_->root() / "api.yaml").string(); }

  static security::VerifyResult verify(const std::string& token) {
    const security::JwtVerifier verifier(
        {.issuer = server_->issuer(),
         .audience = server_->resource(),
         .algorithms = {jose::Algorithm::ES256},
         .required_typ = "at+jwt",
         .jwks = security::JwksSource::from_issuer(server_->issuer())});
    return verifier.verify(token);
  }

  static inline std::unique_ptr<AuthorizationServer> server_;
  static inline std::unique_ptr<test::TempTree> folder_;
};

TEST_F(TokenCommand, ClientCredentials_PrintsATokenTheApiAccepts) {
  const auto run = run_cli({"token", api(), "--scheme", "oauth", "--client-id", "service",
                            "--client-secret-env", "OASKIT_TEST_CLIENT_SECRET", "--scope",
                            "pets:read", "--resource", server_->resource()});
  ASSERT_EQ(run.exit_code, 0) << run;
  ASSERT_TRUE(run.out.ends_with("\n"));
  const auto identity = verify(run.out.substr(0, run.out.size() - 1));
  ASSERT_TRUE(identity) << identity.errors().message;
  EXPECT_EQ(identity->scopes, std::vector<std::string>{"pets:read"});
}

TEST_F(TokenCommand, SecretFileAndRefScheme_AndJsonOutput) {
  const auto run =
      run_cli({"token", api(), "--scheme", "via-ref", "--client-id", "service",
               "--client-secret-file", (folder_->root() / "secret.txt").string(), "--json"});
  ASSERT_EQ(run.exit_code, 0) << run;
  const auto response = boost::json::parse(run.out).as_object();
  EXPECT_EQ(response.at("token_type"), "Bearer");
  EXPECT_TRUE(response.contains("access_token"));
  EXPECT_TRUE(response.contains("expires_in"));
}

TEST_F(TokenCommand, WrongSecret_IsOneLineWithoutTheSecret) {
  const auto run = run_cli({"token", api(), "--scheme", "oauth", "--client-id", "service",
                            "--client-secret-env", "OASKIT_TEST_WRONG_SECRET"});
  EXPECT_EQ(run.exit_code, 1) << run;
  EXPECT_THAT(run.err, HasSubstr("error: refused: "));
  EXPECT_THAT(run.err, HasSubstr("invalid_client"));
  EXPECT_THAT(run.err + run.out, Not(HasSubstr("wrong-secret-value")));
  EXPECT_TRUE(run.out.empty());
}

TEST_F(TokenCommand, UndeclaredScope_IsAConfigurationError) {
  const auto run =
      run_cli({"token", api(), "--scheme", "oauth", "--client-id", "service", "--client-secret-env",
               "OASKIT_TEST_CLIENT_SECRET", "--scope", "admin"});
  EXPECT_EQ(run.exit_code, 1) << run;
  EXPECT_THAT(run.err, HasSubstr("error: configuration: "));
}

TEST_F(TokenCommand, UsageErrors_ExitTwo) {
  // No secret for client credentials; an unset variable; a secret on the command line is not
  // an option at all.
  EXPECT_EQ(run_cli({"token", api(), "--scheme", "oauth", "--client-id", "service"}).exit_code, 2);
  EXPECT_EQ(run_cli({"token", api(), "--scheme", "oauth", "--client-id", "service",
                     "--client-secret-env", "OASKIT_TEST_NOT_SET"})
                .exit_code,
            2);
  EXPECT_EQ(run_cli({"token", api(), "--scheme", "oauth", "--client-id", "service",
                     "--client-secret", "x"})
                .exit_code,
            2);
  EXPECT_EQ(run_cli({"token", api(), "--client-id", "service"}).exit_code, 2);
}

TEST(TokenCommandHelp, ListsEveryOptionWithUseMetadata) {
  const auto run = run_cli({"token", "--help"});
  EXPECT_EQ(run.exit_code, 0) << run;
  EXPECT_THAT(run.out, HasSubstr("--use-metadata"));
  EXPECT_THAT(run.out, HasSubstr("oauth2MetadataUrl"));
  EXPECT_THAT(run.out, HasSubstr("deviceAuthorization"));
}

}  // namespace
}  // namespace oaskit
