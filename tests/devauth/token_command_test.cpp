// `oaskit token` as a process against the development authorization server on 127.0.0.1, with
// the config `oaskit serve --dev-auth` makes up: the device flow, whose user code arrives on
// stderr while the command polls (the test, as the user, enters it on the verification page),
// and endpoints taken from a scheme's oauth2MetadataUrl (--use-metadata).

#include <gmock/gmock.h>

#include <regex>

#include "devauth/devauth_test_support.hpp"
#include "oaskit/security/jwt_verifier.hpp"
#include "qr_code.hpp"
#include "support/cli_process.hpp"
#include "support/temp_tree.hpp"

namespace oaskit::test {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

// The value of `key: "..."` in the made-up config (its secrets are random).
std::string config_value(const std::string& config, const std::string& key) {
  std::smatch found;
  const std::regex pattern(key + R"re(: "([^"]+)")re");
  return std::regex_search(config, found, pattern) ? found[1].str() : std::string();
}

class TokenCommandAgainstDevAuth : public ::testing::Test {
 protected:
  TokenCommandAgainstDevAuth()
      // A short poll interval keeps the polling test quick; the rest is the made-up config.
      : config_(devauth::default_config_text(scopes()) + "device_poll_interval: 1\n"),
        devauth_(device_document, config_) {}

  static Map<std::string> scopes() {
    return devauth::scopes_of(document_from(device_document)->model());
  }
  std::filesystem::path served_file() {
    return files_.write("served.json", devauth_.served_document());
  }
  // `oaskit token` for the device flow of `file`, as the made-up config's client `device`.
  static std::vector<std::string> device_flow(const std::filesystem::path& file) {
    return {"token",       file.string(), "--scheme", "oauth",   "--flow", "deviceAuthorization",
            "--client-id", "device",      "--scope",  "tv:watch"};
  }
  // Reads the verification URI and user code the command prints while it polls.
  static std::pair<std::string, std::string> shown_code(CliProcess& token) {
    const std::string shown = token.read_until(CliProcess::Stream::err, "or open ");
    std::smatch found;
    static const std::regex line(R"(To sign in, open (\S+) and enter the code (\S+)\n)");
    if (!std::regex_search(shown, found, line)) {
      ADD_FAILURE() << "no code on stderr: " << shown;
      return {};
    }
    return {found[1].str(), found[2].str()};
  }

  // As the user: reads the code `token` shows, answers `decision` ("allow" or "deny") on the
  // verification page, then waits for the command to end. Returns its run and the code shown.
  std::pair<test::Run, std::string> decide(CliProcess& token, const std::string& decision) {
    const auto [verification_uri, user_code] = shown_code(token);
    EXPECT_EQ(verification_uri, devauth_.auth().url_of("/oauth/device"));
    EXPECT_FALSE(user_code.empty());
    const auto page =
        devauth_.decide_device(user_code, decision, config_value(config_, "password"));
    EXPECT_EQ(page.status, 200) << page.body;
    return {token.finish(), user_code};
  }

  std::string config_;
  LoopbackDevAuth devauth_;
  TempTree files_;
};

TEST_F(TokenCommandAgainstDevAuth, DeviceFlow_ShowsTheCodeWhilePolling_ThenPrintsTheToken) {
  CliProcess token(device_flow(served_file()));
  const auto [run, user_code] = decide(token, "allow");
  ASSERT_EQ(run.exit_code, 0) << run;
  ASSERT_TRUE(run.out.ends_with('\n')) << run;
  const auto claims = security::decode_unverified(run.out.substr(0, run.out.size() - 1));
  ASSERT_TRUE(claims) << run;
  EXPECT_EQ(claims->claims.at("sub"), "alice");
  EXPECT_EQ(claims->claims.at("client_id"), "device");
  EXPECT_EQ(claims->claims.at("scope"), "tv:watch");
  // stderr is no terminal here, so --qr auto draws nothing.
  EXPECT_THAT(run.err, Not(HasSubstr("\x1b["))) << run;
}

TEST_F(TokenCommandAgainstDevAuth, DeviceFlowWithQrAlways_DrawsTheCompleteUriAsAQrCode) {
  auto arguments = device_flow(served_file());
  arguments.insert(arguments.end(), {"--qr", "always"});
  CliProcess token(arguments);
  const auto [run, user_code] = decide(token, "allow");
  ASSERT_EQ(run.exit_code, 0) << run;
  std::smatch complete;
  ASSERT_TRUE(std::regex_search(run.err, complete, std::regex(R"(or open (\S+)\n)"))) << run;
  EXPECT_THAT(complete[1].str(), HasSubstr(user_code));
  const auto modules = cli::encode_qr(complete[1].str());
  ASSERT_TRUE(modules);
  EXPECT_THAT(run.err, HasSubstr(complete[0].str() + cli::terminal_qr_code(*modules))) << run;
}

TEST_F(TokenCommandAgainstDevAuth, DeviceFlowDenied_ExitsOneWithTheRefusal) {
  CliProcess token(device_flow(served_file()));
  const auto run = decide(token, "deny").first;
  EXPECT_EQ(run.exit_code, 1) << run;
  EXPECT_EQ(run.out, "");
  const auto last_line = run.err.substr(run.err.rfind('\n', run.err.size() - 2) + 1);
  EXPECT_THAT(last_line, StartsWith("error: refused: ")) << run;
  EXPECT_THAT(last_line, HasSubstr("access_denied")) << run;
}

TEST_F(TokenCommandAgainstDevAuth, UseMetadata_TakesTheEndpointsFromOAuth2MetadataUrl) {
  // The document's own token URL leads nowhere (nothing listens on port 9); its metadata URL
  // is the server's.
  std::string document = device_document;
  const auto replace = [&](const std::string& from, const std::string& to) {
    for (auto at = document.find(from); at != std::string::npos; at = document.find(from, at)) {
      document.replace(at, from.size(), to);
    }
  };
  replace("https://placeholder.invalid/.well-known/oauth-authorization-server",
          devauth_.auth().url_of("/.well-known/oauth-authorization-server"));
  replace("https://placeholder.invalid/", "http://127.0.0.1:9/");
  const auto file = files_.write("api.yaml", document);
  const auto secret = files_.write("secret", config_value(config_, "client_secret"));
  const std::vector<std::string> credentials{
      "token",   file.string(),          "--scheme",     "oauth", "--client-id",
      "service", "--client-secret-file", secret.string()};
  auto as_written = run_cli(credentials);
  EXPECT_EQ(as_written.exit_code, 1) << as_written;
  EXPECT_THAT(as_written.err, StartsWith("error: unavailable: ")) << as_written;

  auto with_metadata = credentials;
  with_metadata.emplace_back("--use-metadata");
  auto run = run_cli(with_metadata);
  ASSERT_EQ(run.exit_code, 0) << run;
  const auto claims = security::decode_unverified(run.out.substr(0, run.out.find('\n')));
  ASSERT_TRUE(claims) << run;
  EXPECT_EQ(claims->claims.at("client_id"), "service");
}

}  // namespace
}  // namespace oaskit::test
