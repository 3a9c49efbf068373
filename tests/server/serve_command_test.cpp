// `oaskit serve` as a process, held to its contract: one line on stdout with
// `http://HOST:PORT/` once it accepts connections; SIGTERM/SIGINT stop it with exit 0; a
// document that does not load exits 1; bad options exit 2. And every corpus document is
// served: /openapi.json is the loaded document, /docs and /redoc load their assets.

#include <signal.h>

#include <gtest/gtest.h>
#include <boost/json/parse.hpp>
#include <chrono>
#include <fstream>
#include <regex>

#include "http/client.hpp"
#include "oaskit/bundle.hpp"
#include "oaskit/document.hpp"
#include "support/cli_process.hpp"
#include "support/corpus.hpp"
#include "support/run_cli.hpp"
#include "support/temp_tree.hpp"

namespace oaskit::test {
namespace {

using namespace std::chrono_literals;

// `oaskit serve ARGS...` running until stopped; its first line of stdout is read at start.
class ServeProcess : public CliProcess {
 public:
  explicit ServeProcess(std::vector<std::string> args, const std::string& command = "serve")
      : CliProcess(with_command(std::move(args), command)),
        first_line_(read_until(Stream::out, "\n")) {}

  [[nodiscard]] const std::string& first_line() const { return first_line_; }
  /// `http://127.0.0.1:PORT/` from the first line, or "".
  [[nodiscard]] std::string url() const {
    std::smatch m;
    static const std::regex url_pattern(R"(http://127\.0\.0\.1:[0-9]+/)");
    return std::regex_search(first_line_, m, url_pattern) ? m.str() : "";
  }

 private:
  static std::vector<std::string> with_command(std::vector<std::string> args,
                                               const std::string& command) {
    args.insert(args.begin(), command);
    return args;
  }
  std::string first_line_;
};

detail::HttpResponse get(const std::string& url,
                         std::vector<std::pair<std::string, std::string>> headers = {}) {
  HttpOptions options;
  options.max_bytes = 64 << 20;
  auto response = detail::send({.url = url, .headers = std::move(headers)}, options);
  EXPECT_TRUE(response) << url << ": " << response.errors().message;
  return response ? *response : detail::HttpResponse{};
}

const char* const api = R"({"openapi": "3.1.0", "info": {"title": "Serve", "version": "1"},
  "components": {"securitySchemes": {"key": {"type": "apiKey", "in": "header", "name": "X-Key"}}},
  "paths": {"/things": {"get": {"security": [{"key": []}], "responses": {"200": {
    "description": "ok", "content": {"application/json": {"example": [1, 2]}}}}}}}})";

TEST(ServeCommand, PrintsItsUrl_ServesMocksWithSecurity_AndStopsOnSigtermWithExit0) {
  TempTree folder;
  const auto file = folder.write("api.json", api);
  ServeProcess serve({file.string(), "--port", "0", "--api-key", "key=k-123"});
  const auto url = serve.url();
  ASSERT_FALSE(url.empty()) << serve.first_line() << serve.err();
  EXPECT_EQ(get(url + "things").status, 401);
  auto allowed = get(url + "things", {{"X-Key", "k-123"}});
  EXPECT_EQ(allowed.status, 200);
  EXPECT_EQ(allowed.body, "[1,2]");
  EXPECT_EQ(get(url + "docs").status, 200);
  EXPECT_EQ(serve.stop(SIGTERM), 0);
}

TEST(ServeCommand, RequestBodiesAreValidatedAgainstTheDocumentsSchemas) {
  TempTree folder;
  const auto file = folder.write("api.json", R"({"openapi": "3.1.0",
    "info": {"title": "Serve", "version": "1"},
    "paths": {"/pets": {"post": {"requestBody": {"content": {"application/json": {"schema": {
      "type": "object", "required": ["name"], "properties": {"name": {"type": "string"}}}}}},
      "responses": {"201": {"description": "ok"}}}}}})");
  ServeProcess serve({file.string(), "--port", "0"});
  const auto url = serve.url();
  ASSERT_FALSE(url.empty()) << serve.first_line() << serve.err();
  HttpOptions options;
  auto post = [&](const std::string& body) {
    auto response = detail::send({.method = "POST",
                                  .url = url + "pets",
                                  .headers = {{"Content-Type", "application/json"}},
                                  .body = body},
                                 options);
    EXPECT_TRUE(response);
    return response ? *response : detail::HttpResponse{};
  };
  const auto refused = post(R"({"name": 5})");
  EXPECT_EQ(refused.status, 422);
  EXPECT_EQ(boost::json::parse(refused.body), boost::json::parse(R"({"detail": [{
    "type": "string_type", "loc": ["body", "name"], "msg": "Input should be a valid string",
    "input": 5}]})"));
  EXPECT_NE(post(R"({"name": "Rex"})").status, 422);
  EXPECT_EQ(serve.stop(SIGTERM), 0);
}

TEST(ServeCommand, SigintStopsItWithExit0Too) {
  TempTree folder;
  ServeProcess serve({folder.write("api.json", api).string(), "--port", "0"});
  ASSERT_FALSE(serve.url().empty()) << serve.err();
  EXPECT_EQ(serve.stop(SIGINT), 0);
}

TEST(ServeCommand, ADocumentThatDoesNotLoad_Exits1WithItsDiagnostics) {
  TempTree folder;
  ServeProcess serve(
      {folder.write("bad.json", R"({"openapi": "3.1.0", "info": {}})").string(), "--port", "0"});
  EXPECT_EQ(serve.stop(0), 1);
  EXPECT_NE(serve.err().find("bad.json"), std::string::npos);
}

TEST(ServeCommand, BadOptions_Exit2) {
  TempTree folder;
  const auto file = folder.write("api.json", api).string();
  for (const auto& args : std::vector<std::vector<std::string>>{
           {file, "--port", "http"},
           {file, "--api-key", "key"},
           {file, "--api-key", "nope=1"},
           {file, "--jwks", folder.write("jwks.json", R"({"keys": []})").string()},
           {file, "--jwks", "a.json", "--issuer", "https://x"},
           {file, "--unknown"}}) {
    ServeProcess serve(args);
    EXPECT_EQ(serve.stop(0), 2) << args[1] << " " << serve.err();
  }
}

const char* const oauth_api = R"(openapi: 3.1.0
info: {title: Pets, version: "1"}
paths:
  /pets:
    get:
      security: [{oauth: [pets:read]}]
      responses: {"200": {description: ok, content: {application/json: {example: [7]}}}}
    post:
      security: [{oauth: [pets:write]}]
      responses: {"201": {description: added}}
components:
  securitySchemes:
    oauth:
      type: oauth2
      flows:
        clientCredentials:
          tokenUrl: https://auth.example/token
          scopes: {pets:read: Read, pets:write: Write}
)";

const char* const dev_auth_config = R"(clients:
  - client_id: service
    client_secret: s3cret-for-tests
    grant_types: [client_credentials]
    scope: pets:read
users: []
)";

TEST(ServeCommand, DevAuth_IssuesTokensTheApiAccepts_ThroughTheServedDocument) {
  TempTree folder;
  const auto file = folder.write("api.yaml", oauth_api);
  const auto config = folder.write("devauth.yaml", dev_auth_config);
  ServeProcess serve({file.string(), "--port", "0", "--dev-auth", config.string()});
  const auto url = serve.url();
  ASSERT_FALSE(url.empty()) << serve.first_line() << serve.err();
  // The served document points its flow here; `oaskit token` reads it like any document.
  const auto served = folder.write("served.json", get(url + "openapi.json").body);
  const auto secret = folder.write("secret.txt", "s3cret-for-tests");
  auto token = run_cli({"token", served.string(), "--scheme", "oauth", "--client-id", "service",
                        "--client-secret-file", secret.string(), "--scope", "pets:read"});
  ASSERT_EQ(token.exit_code, 0) << token;
  const auto bearer = token.out.substr(0, token.out.find('\n'));
  EXPECT_EQ(get(url + "pets", {{"Authorization", "Bearer " + bearer}}).status, 200);
  auto write = detail::send(
      {.method = "POST", .url = url + "pets", .headers = {{"Authorization", "Bearer " + bearer}}},
      {});
  ASSERT_TRUE(write);
  EXPECT_EQ(write->status, 403) << "pets:write was not granted";
  EXPECT_EQ(get(url + "pets", {{"Authorization", "Bearer " + bearer + "x"}}).status, 401);
  auto refused = run_cli({"token", served.string(), "--scheme", "oauth", "--client-id", "service",
                          "--client-secret-file", secret.string(), "--scope", "pets:write"});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.err.find("invalid_scope"), std::string::npos) << refused;
  EXPECT_EQ(serve.stop(SIGTERM), 0);
  const auto log = serve.err();
  EXPECT_EQ(log.find("s3cret-for-tests"), std::string::npos) << "no secret in the log";
  EXPECT_EQ(log.find(bearer), std::string::npos) << "no token in the log";
}

TEST(ServeCommand, DevAuth_WithoutAConfigMakesAndPrintsOne) {
  TempTree folder;
  ServeProcess serve({folder.write("api.yaml", oauth_api).string(), "--port", "0", "--dev-auth"});
  const auto url = serve.url();
  ASSERT_FALSE(url.empty()) << serve.err();
  auto metadata = get(url + ".well-known/oauth-authorization-server");
  EXPECT_EQ(metadata.status, 200);
  EXPECT_EQ(boost::json::parse(metadata.body).at("issuer"),
            boost::json::value(url.substr(0, url.size() - 1)));
  EXPECT_NE(get(url + "docs").body.find("\"clientId\":\"docs\""), std::string::npos)
      << "Swagger UI's Authorize dialog knows the public client";
  EXPECT_EQ(serve.stop(SIGTERM), 0);
  const auto err = serve.err();
  EXPECT_NE(err.find("client_id: service"), std::string::npos) << err;
  EXPECT_NE(err.find("client_id: docs"), std::string::npos);
  EXPECT_NE(err.find("username: alice"), std::string::npos);
}

TEST(ServeCommand, DevAuth_ABadConfigExits1WithItsPlace_AndCannotBeCombinedWithJwks) {
  TempTree folder;
  const auto file = folder.write("api.yaml", oauth_api).string();
  const auto config = folder.write("devauth.yaml", R"(clients:
  - client_id: service
    client_secret: x
    grant_types: [client_credentials, password]
)");
  ServeProcess bad({file, "--port", "0", "--dev-auth", config.string()});
  EXPECT_EQ(bad.stop(0), 1);
  EXPECT_NE(bad.err().find("devauth.yaml:4:39: error[devauth-grant]: the password grant is not "
                           "offered"),
            std::string::npos);
  ServeProcess both({file, "--port", "0", "--dev-auth", config.string(), "--jwks", "k.json"});
  EXPECT_EQ(both.stop(0), 2);
}

TEST(DevAuthCommand, RunsTheAuthorizationServerAlone_WithTheSameContract) {
  TempTree folder;
  const auto file = folder.write("api.yaml", oauth_api).string();
  ServeProcess devauth(
      {file, folder.write("devauth.yaml", dev_auth_config).string(), "--port", "0"}, "devauth");
  const auto url = devauth.url();
  ASSERT_FALSE(url.empty()) << devauth.first_line() << devauth.err();
  EXPECT_EQ(get(url + ".well-known/oauth-authorization-server").status, 200);
  EXPECT_EQ(get(url + "docs").status, 404) << "nothing but the authorization server";
  auto token =
      detail::send({.method = "POST",
                    .url = url + "oauth/token",
                    .headers = {{"Content-Type", "application/x-www-form-urlencoded"},
                                {"Authorization", "Basic c2VydmljZTpzM2NyZXQtZm9yLXRlc3Rz"}},
                    .body = "grant_type=client_credentials"},
                   {});
  ASSERT_TRUE(token);
  EXPECT_EQ(token->status, 200) << token->body;
  EXPECT_EQ(devauth.stop(SIGTERM), 0);

  const auto bad = folder.write("bad.yaml", "clients: [{client_id: x, grant_types: [implicit]}]\n");
  ServeProcess refused({file, bad.string(), "--port", "0"}, "devauth");
  EXPECT_EQ(refused.stop(0), 1);
  EXPECT_NE(refused.err().find("bad.yaml:1:"), std::string::npos);
}

TEST(ServeCommand, EveryCorpusDocument_IsServed_WithItsDocsAndAssets) {
  OASKIT_SKIP_WITHOUT_CORPUS();
  std::ifstream manifest(corpus_dir / "MANIFEST.tsv");
  std::string line;
  std::getline(manifest, line);  // the header
  int served = 0;
  while (std::getline(manifest, line)) {
    const auto path = corpus_dir / line.substr(0, line.find('\t'));
    SCOPED_TRACE(path.string());
    auto loaded = load(path);
    ASSERT_TRUE(loaded) << to_string(loaded.errors().front());
    auto expected = bundle(*loaded);
    ASSERT_TRUE(expected);
    ServeProcess serve({path.string(), "--port", "0"});
    const auto url = serve.url();
    ASSERT_FALSE(url.empty()) << serve.err();
    auto document = get(url + "openapi.json");
    EXPECT_EQ(document.status, 200);
    EXPECT_EQ(boost::json::parse(document.body), *expected);
    if (served == 0) {
      for (const auto* page : {"docs", "redoc", "docs/assets/swagger-ui-bundle.js",
                               "docs/assets/swagger-ui.css", "docs/assets/redoc.standalone.js"}) {
        EXPECT_EQ(get(url + page).status, 200) << page;
      }
      auto zipped = get(url + "docs/assets/redoc.standalone.js", {{"Accept-Encoding", "gzip"}});
      EXPECT_EQ(zipped.header("Content-Encoding").value_or(""), "gzip");
    } else {
      EXPECT_EQ(get(url + "docs").status, 200);
    }
    EXPECT_EQ(serve.stop(SIGTERM), 0);
    ++served;
  }
  EXPECT_GT(served, 50);
}

}  // namespace
}  // namespace oaskit::test
