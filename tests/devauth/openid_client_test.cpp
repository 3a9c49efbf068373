// An independent client against the development authorization server: npm openid-client (a
// certified relying party) runs discovery, client credentials, the code flow with PKCE through
// the sign-in page, refresh, introspection and revocation (tests/interop/openid_client.mjs), and
// npm jose verifies each access token against the JWKS; oaskit's JwtVerifier, trusting the
// server through its discovery document, accepts the same tokens.

#include <sys/wait.h>

#include <cstdio>

#include "devauth/devauth_test_support.hpp"
#include "oaskit/security/jwks.hpp"
#include "oaskit/security/jwt_verifier.hpp"

namespace oaskit::test {
namespace {

struct Output {
  int exit_code = -1;
  std::string text;
};

Output run(const std::string& command) {
  Output output;
  FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
  if (pipe == nullptr) return output;
  char buffer[4096];
  for (std::size_t got; (got = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) {
    output.text.append(buffer, got);
  }
  const int status = ::pclose(pipe);
  output.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return output;
}

std::string quoted(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

TEST(DevAuthOpenIdClient, EveryGrantAndEndpointWorksForAnIndependentRelyingParty) {
  const std::string interop = std::string(OASKIT_SOURCE_DIR) + "/tests/interop";
  ASSERT_TRUE(std::filesystem::exists(interop + "/node_modules/openid-client/package.json"))
      << "npm openid-client is missing: run ./run deps";
  LoopbackDevAuth server;
  const auto issuer = server.auth().issuer();
  const boost::json::object config{
      {"service", {{"client_id", "service"}, {"client_secret", "service-secret"}}},
      {"public", {{"client_id", "docs"}, {"redirect_uri", server.url() + "docs/oauth2-redirect"}}},
      {"user", {{"username", "alice"}, {"password", "wonderland"}}},
      {"scope", "pets:read pets:write"},
      {"audience", server.auth().audience()}};
  const auto output = run("node " + quoted(interop + "/openid_client.mjs") + " " + quoted(issuer) +
                          " " + quoted(boost::json::serialize(config)));
  const auto last_line = output.text.substr(output.text.rfind('{', output.text.find("\"steps\"")));
  boost::json::value result;
  try {
    result = boost::json::parse(last_line);
  } catch (const std::exception&) {
    FAIL() << "no JSON from the script:\n" << output.text;
  }
  std::set<std::string> passed;
  for (const auto& step : result.at("steps").as_array()) {
    const std::string name(step.at("step").as_string());
    EXPECT_TRUE(step.at("ok").as_bool()) << name << ": " << step.at("detail").as_string();
    if (step.at("ok").as_bool()) passed.insert(name);
  }
  for (const auto* name :
       {"discovery", "client_credentials", "client_credentials refused for a wrong secret",
        "authorization_code with PKCE", "access_denied when the user denies",
        "refresh with rotation", "a replayed refresh token is refused", "introspection",
        "revocation"}) {
    EXPECT_TRUE(passed.contains(name)) << name << " did not pass:\n" << output.text;
  }
  EXPECT_EQ(output.exit_code, 0) << output.text;

  // What jose accepted, oaskit's verifier accepts, with the keys found through discovery.
  security::JwtVerifier verifier({.issuer = issuer,
                                  .audience = server.auth().audience(),
                                  .algorithms = {jose::Algorithm::ES256},
                                  .required_typ = "at+jwt",
                                  .jwks = security::JwksSource::from_issuer(issuer)});
  const auto& tokens = result.at("tokens").as_array();
  EXPECT_EQ(tokens.size(), 3U);
  for (const auto& token : tokens) {
    auto identity = verifier.verify(token.as_string());
    EXPECT_TRUE(identity) << identity.errors().message;
  }
}

}  // namespace
}  // namespace oaskit::test
