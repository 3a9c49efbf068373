// authorize() with its default way of showing the URL: printed, and handed to xdg-open when
// there is a display. A fake xdg-open stands in for the desktop; it keeps running, as xdg-open
// does when it starts the browser itself, and the sign-in must go on regardless.

#include <gtest/gtest.h>

#include <boost/url/parse.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

#include "http/client.hpp"
#include "oaskit/oauth2/authorization_code.hpp"
#include "support/scoped_environment.hpp"
#include "support/scripted_server.hpp"
#include "support/temp_tree.hpp"

namespace oaskit::oauth2 {
namespace {

using Clock = std::chrono::steady_clock;
using test::ScriptedServer;
using test::ServerRequest;
using test::ServerResponse;

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// Waits up to 10 s for `path` to exist with content; its content, or "" when it never does.
std::string wait_for_file(const std::filesystem::path& path) {
  for (const auto until = Clock::now() + std::chrono::seconds(10); Clock::now() < until;) {
    if (std::filesystem::exists(path)) {
      if (auto text = read_file(path); !text.empty()) return text;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return {};
}

TEST(Authorize, DefaultOpener_HandsTheUrlToXdgOpenAndDoesNotWaitForTheBrowser) {
  const ScriptedServer token_endpoint([](const ServerRequest&) {
    return ServerResponse{.headers = {{"Content-Type", "application/json"}},
                          .body = R"({"access_token":"at-1","token_type":"Bearer"})"};
  });
  const test::TempTree desktop;
  const auto opened = desktop.root() / "opened-url";
  const auto closed = desktop.root() / "browser-closed";
  // Records the URL, then stays running until the test closes the "browser" (at most 20 s).
  desktop.write("bin/xdg-open", "#!/bin/sh\nprintf '%s' \"$1\" > '" + opened.string() +
                                    "'\ni=0\nwhile [ ! -e '" + closed.string() +
                                    "' ] && [ $i -lt 400 ]; do sleep 0.05; i=$((i+1)); done\n");
  std::filesystem::permissions(desktop.root() / "bin/xdg-open", std::filesystem::perms::owner_all);
  test::ScopedEnvironment environment;
  environment.set("DISPLAY", ":99");
  const char* path = std::getenv("PATH");
  environment.set("PATH", (desktop.root() / "bin").string() + ":" + (path ? path : ""));

  auto made =
      Client::from_endpoints({.token_url = token_endpoint.url("/token"),
                              .authorization_url = "https://login.example.com/authorize?tenant=a"},
                             {"cli", PublicClient{}});
  ASSERT_TRUE(made) << made.errors().message;

  // The user's browser: follows the URL xdg-open was given back to the redirect URI.
  std::thread browser([&] {
    const std::string url = wait_for_file(opened);
    const auto parsed = boost::urls::parse_uri(url);
    if (!parsed) return;
    std::string redirect_uri;
    std::string state;
    for (const auto& param : parsed->params()) {
      if (param.key == "redirect_uri") redirect_uri = param.value;
      if (param.key == "state") state = param.value;
    }
    (void)detail::send({.url = redirect_uri + "?code=c-1&state=" + state},
                       {.timeout = std::chrono::seconds(5), .max_bytes = 1 << 16});
  });
  AuthorizationOptions options;
  options.timeout = std::chrono::seconds(15);
  const auto started = Clock::now();
  const auto tokens = authorize(*made, options);
  const auto took = Clock::now() - started;
  std::ofstream(closed.string()) << "closed";
  browser.join();

  ASSERT_TRUE(tokens) << tokens.errors().message;
  EXPECT_EQ(tokens->access_token, "at-1");
  EXPECT_LT(took, std::chrono::seconds(10));
  const std::string url = read_file(opened);
  EXPECT_EQ(url.rfind("https://login.example.com/authorize?tenant=a&response_type=code", 0), 0U)
      << url;
  ASSERT_EQ(token_endpoint.request_count(), 1U);
  EXPECT_NE(token_endpoint.requests()[0].body.find("code=c-1"), std::string::npos);
}

}  // namespace
}  // namespace oaskit::oauth2
