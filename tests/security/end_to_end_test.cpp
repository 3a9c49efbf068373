// The whole server side against an independent implementation: npm's jose mints RFC 9068
// access tokens for every asymmetric algorithm; a loopback authorization server publishes
// their keys through RFC 8414 discovery; a resource server built from oaskit's schemes,
// Authenticator and JwtVerifier admits, refuses and forbids as the issue says; and
// `oaskit jwt verify --issuer` agrees.

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <filesystem>
#include <memory>
#include <string>

#include "jose/test_keys.hpp"
#include "oaskit/jose.hpp"
#include "oaskit/security/authenticator.hpp"
#include "oaskit/security/jwt_verifier.hpp"
#include "support/run_cli.hpp"
#include "support/scripted_server.hpp"

namespace {

using namespace oaskit;
using namespace oaskit::security;
namespace json = boost::json;

const std::string audience = "https://pets.example/api";

// One authorization server and one set of jose-minted tokens for the whole suite: node and
// key generation cost a second.
class EndToEnd : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    jwks_text_ = std::make_shared<std::string>();
    server_ = std::make_unique<test::ScriptedServer>(
        [jwks = jwks_text_](const test::ServerRequest& request) {
          if (request.target == "/.well-known/oauth-authorization-server") {
            return test::ServerResponse{
                .status = 200,
                .headers = {{"Content-Type", "application/json"}},
                .body = json::serialize(json::object{{"issuer", issuer()},
                                                     {"jwks_uri", issuer() + "/jwks"},
                                                     {"token_endpoint", issuer() + "/token"}})};
          }
          if (request.target == "/jwks") {
            return test::ServerResponse{
                .status = 200,
                .headers = {{"Content-Type", "application/json"}, {"Cache-Control", "max-age=600"}},
                .body = *jwks};
          }
          return test::ServerResponse{.status = 404};
        });
    const std::string script =
        std::string(OASKIT_SOURCE_DIR) + "/tests/interop/jose_access_tokens.mjs";
    if (!std::filesystem::exists(std::string(OASKIT_SOURCE_DIR) +
                                 "/tests/interop/node_modules/jose/package.json") ||
        jose::test::run_command("command -v node").exit_code != 0) {
      return;  // each test fails with "run ./run deps"
    }
    const auto minted = jose::test::run_command("node '" + script + "' '" + issuer() + "' '" +
                                                audience + "' 'pets:read pets:write'");
    if (minted.exit_code != 0) return;
    const auto output = json::parse(minted.output).as_object();
    *jwks_text_ = json::serialize(output.at("jwks"));
    tokens_ = new json::object(output.at("tokens").as_object());
  }
  static void TearDownTestSuite() {
    server_.reset();
    delete tokens_;
    tokens_ = nullptr;
  }

  void SetUp() override {
    ASSERT_NE(tokens_, nullptr)
        << "npm jose could not mint tokens (Node.js or tests/interop/node_modules missing?): "
           "run ./run deps";
  }

  static std::string issuer() {
    const std::string root = server_->url("/");
    return root.substr(0, root.size() - 1);  // http://127.0.0.1:<port>
  }
  static std::string token(const char* alg) { return std::string(tokens_->at(alg).as_string()); }

  // The resource server: one client-credentials scheme, its tokens checked against the
  // issuer's discovered keys.
  static std::shared_ptr<JwksSource> keys() {
    static auto source = JwksSource::from_issuer(issuer());
    return source;
  }
  static Authenticator resource_server() {
    auto verifier = std::make_shared<JwtVerifier>(
        JwtVerifierOptions{.issuer = issuer(),
                           .audience = audience,
                           .algorithms = jose::asymmetric_algorithms(),
                           .required_typ = "at+jwt",
                           .jwks = keys()});
    Authenticator authenticator;
    authenticator.add(
        std::make_shared<OAuth2ClientCredentialsBearer>(OAuth2ClientCredentialsBearerOptions{
            .tokenUrl = issuer() + "/token",
            .scopes = {{"pets:read", "Read pets"}, {"pets:admin", "Admin"}},
            .scheme_name = "oauth"}),
        bearer(verifier));
    return authenticator;
  }

  static Result<Principal, AuthError> call(const Authenticator& server,
                                           const std::string& bearer_token,
                                           const std::string& scope) {
    const std::string authorization = "Bearer " + bearer_token;
    const RequestView request{
        .method = "GET", .target = "/pets", .headers = {{"Authorization", authorization}}};
    return server.authenticate(request, {SecurityRequirement{{"oauth", {scope}}}});
  }

  static std::shared_ptr<std::string> jwks_text_;
  static std::unique_ptr<test::ScriptedServer> server_;
  static json::object* tokens_;
};

std::shared_ptr<std::string> EndToEnd::jwks_text_;
std::unique_ptr<test::ScriptedServer> EndToEnd::server_;
json::object* EndToEnd::tokens_ = nullptr;

const char* const algorithms[] = {"RS256", "RS384", "RS512", "PS256", "PS384",
                                  "PS512", "ES256", "ES384", "ES512", "EdDSA"};

TEST_F(EndToEnd, JoseTokensOfEveryAlgorithm_AdmitTheCallerWithItsScopes) {
  const auto server = resource_server();
  for (const char* alg : algorithms) {
    const auto principal = call(server, token(alg), "pets:read");
    ASSERT_TRUE(principal) << alg << ": " << principal.errors().detail;
    EXPECT_EQ(principal->subject, "svc-client") << alg;
    EXPECT_EQ(principal->client_id, "svc-client") << alg;
    EXPECT_EQ(principal->schemes, std::vector<std::string>{"oauth"}) << alg;
    EXPECT_TRUE(principal->has_scope("pets:write")) << alg;
  }
  // Discovery once and the JWKS once, for all ten algorithms (max-age=600).
  EXPECT_EQ(keys()->fetch_count(), 2u);
}

TEST_F(EndToEnd, MissingScope_Is403InsufficientScope) {
  const auto server = resource_server();
  for (const char* alg : algorithms) {
    const auto refused = call(server, token(alg), "pets:admin");
    ASSERT_FALSE(refused) << alg;
    EXPECT_EQ(refused.errors().status, 403) << alg;
    EXPECT_EQ(refused.errors().www_authenticate(),
              R"(Bearer error="insufficient_scope", scope="pets:admin")")
        << alg;
  }
}

TEST_F(EndToEnd, TamperedJoseTokens_Are401InvalidToken) {
  const auto server = resource_server();
  for (const char* alg : algorithms) {
    // Same header and signature, claims rewritten to grant an admin scope.
    const std::string original = token(alg);
    const auto first_dot = original.find('.');
    const auto last_dot = original.rfind('.');
    auto claims = json::parse(*jose::base64url_decode(
                                  original.substr(first_dot + 1, last_dot - first_dot - 1)))
                      .as_object();
    claims["scope"] = "pets:read pets:admin";
    const std::string forged = original.substr(0, first_dot + 1) +
                               jose::base64url_encode(json::serialize(claims)) +
                               original.substr(last_dot);
    const auto refused = call(server, forged, "pets:admin");
    ASSERT_FALSE(refused) << alg;
    EXPECT_EQ(refused.errors().status, 401) << alg;
    EXPECT_EQ(refused.errors().error, "invalid_token") << alg;
    // A flipped signature bit is refused too.
    std::string flipped = original;
    flipped[last_dot + 2] = flipped[last_dot + 2] == 'A' ? 'B' : 'A';
    EXPECT_EQ(call(server, flipped, "pets:read").errors().status, 401) << alg;
  }
}

TEST_F(EndToEnd, CliVerifiesJoseTokensThroughDiscovery) {
  for (const char* alg : {"RS256", "ES256", "EdDSA"}) {
    const auto run =
        test::run_cli({"jwt", "verify", "--issuer", issuer(), "--iss", issuer(), "--aud", audience,
                       "--require-typ", "at+jwt", "--scope", "pets:read", token(alg)});
    EXPECT_EQ(run.exit_code, 0) << alg << "\n" << run;
    EXPECT_NE(run.out.find("\"sub\":\"svc-client\""), std::string::npos) << run;
  }
  const auto wrong_audience =
      test::run_cli({"jwt", "verify", "--issuer", issuer(), "--iss", issuer(), "--aud",
                     "https://other.example", token("ES256")});
  EXPECT_EQ(wrong_audience.exit_code, 1) << wrong_audience;
  EXPECT_EQ(wrong_audience.err.rfind("error: aud: ", 0), 0u) << wrong_audience;
}

}  // namespace
