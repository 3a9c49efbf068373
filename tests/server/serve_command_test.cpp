// `oaskit serve` as a process, held to its contract: one line on stdout with
// `http://HOST:PORT/` once it accepts connections; SIGTERM/SIGINT stop it with exit 0; a
// document that does not load exits 1; bad options exit 2. And every corpus document is
// served: /openapi.json is the loaded document, /docs and /redoc load their assets.

#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>
#include <boost/json/parse.hpp>
#include <chrono>
#include <fstream>
#include <regex>

#include "http/client.hpp"
#include "oaskit/bundle.hpp"
#include "oaskit/document.hpp"
#include "support/corpus.hpp"
#include "support/temp_tree.hpp"

extern char** environ;

namespace oaskit::test {
namespace {

using namespace std::chrono_literals;

// `oaskit serve ARGS...` running until stopped; its first line of stdout is read at start.
class ServeProcess {
 public:
  explicit ServeProcess(std::vector<std::string> args) {
    args.insert(args.begin(), {OASKIT_CLI, "serve"});
    int out[2];
    int err[2];
    if (::pipe(out) != 0 || ::pipe(err) != 0) return;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out[1], 1);
    posix_spawn_file_actions_adddup2(&actions, err[1], 2);
    posix_spawn_file_actions_addclose(&actions, out[0]);
    posix_spawn_file_actions_addclose(&actions, err[0]);
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    if (::posix_spawn(&pid_, OASKIT_CLI, &actions, nullptr, argv.data(), environ) != 0) pid_ = -1;
    posix_spawn_file_actions_destroy(&actions);
    ::close(out[1]);
    ::close(err[1]);
    out_ = out[0];
    err_ = err[0];
    // The first line, or the end of output (the process exited).
    const auto deadline = std::chrono::steady_clock::now() + 30s;
    while (first_line_.find('\n') == std::string::npos &&
           std::chrono::steady_clock::now() < deadline) {
      pollfd p{.fd = out_, .events = POLLIN, .revents = 0};
      if (::poll(&p, 1, 100) <= 0) continue;
      char buffer[4096];
      const auto n = ::read(out_, buffer, sizeof buffer);
      if (n <= 0) break;
      first_line_.append(buffer, static_cast<std::size_t>(n));
    }
  }
  ~ServeProcess() {
    if (pid_ > 0 && exit_code_ < 0) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
    ::close(out_);
    ::close(err_);
  }
  ServeProcess(const ServeProcess&) = delete;
  ServeProcess& operator=(const ServeProcess&) = delete;

  [[nodiscard]] const std::string& first_line() const { return first_line_; }
  /// `http://127.0.0.1:PORT/` from the first line, or "".
  [[nodiscard]] std::string url() const {
    std::smatch m;
    static const std::regex url_pattern(R"(http://127\.0\.0\.1:[0-9]+/)");
    return std::regex_search(first_line_, m, url_pattern) ? m.str() : "";
  }
  /// Sends `signal` (or nothing) and waits for the exit code.
  int stop(int signal = SIGTERM) {
    if (exit_code_ >= 0) return exit_code_;
    if (signal != 0) ::kill(pid_, signal);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return exit_code_;
  }
  std::string err() {
    std::string text;
    char buffer[4096];
    for (ssize_t n; (n = ::read(err_, buffer, sizeof buffer)) > 0;) text.append(buffer, n);
    return text;
  }

 private:
  pid_t pid_ = -1;
  int out_ = -1;
  int err_ = -1;
  int exit_code_ = -1;
  std::string first_line_;
};

detail::HttpResponse get(const std::string& url,
                         std::vector<std::pair<std::string, std::string>> headers = {}) {
  security::HttpOptions options;
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
