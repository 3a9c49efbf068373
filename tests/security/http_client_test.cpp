#include "http/client.hpp"

#include <gtest/gtest.h>

#include "support/scoped_environment.hpp"
#include "support/scripted_server.hpp"

namespace oaskit::detail {
namespace {

using test::ScriptedServer;
using test::ServerRequest;
using test::ServerResponse;

const HttpOptions kQuick{.timeout = std::chrono::milliseconds(2000), .max_bytes = 1 << 20};

ServerResponse redirect_to(const std::string& location, int status = 302) {
  return {.status = status, .headers = {{"Location", location}}, .body = {}, .silent = false};
}

TEST(Send, AnswersAnyStatusWithHeadersAndBody) {
  ScriptedServer server([](const ServerRequest&) {
    return ServerResponse{.status = 404, .headers = {{"X-Thing", "  yes  "}}, .body = "gone"};
  });
  auto response = send({.url = server.url("/x")}, kQuick);
  ASSERT_TRUE(response) << response.errors().message;
  EXPECT_EQ(response->status, 404);
  EXPECT_EQ(response->body, "gone");
  EXPECT_EQ(response->header("x-THING"), "yes");
  EXPECT_FALSE(response->header("X-Other"));
}

TEST(Send, PostSendsItsMethodHeadersAndBody) {
  ScriptedServer server([](const ServerRequest&) { return ServerResponse{}; });
  auto response = send({.method = "POST",
                        .url = server.url("/token"),
                        .headers = {{"Content-Type", "application/x-www-form-urlencoded"}},
                        .body = "a=1&b=2"},
                       kQuick);
  ASSERT_TRUE(response) << response.errors().message;
  ASSERT_EQ(server.request_count(), 1U);
  const auto request = server.requests()[0];
  EXPECT_EQ(request.method, "POST");
  EXPECT_EQ(request.target, "/token");
  EXPECT_EQ(request.header("content-type"), "application/x-www-form-urlencoded");
  EXPECT_FALSE(request.header("Expect"));
  EXPECT_EQ(request.body, "a=1&b=2");
}

TEST(Send, PlainHttpToANonLoopbackHost_IsRefusedBeforeConnecting) {
  auto response = send({.url = "http://10.0.0.1:9/keys"}, kQuick);
  ASSERT_FALSE(response);
  EXPECT_NE(response.errors().message.find("'10.0.0.1' must be reached over https"),
            std::string::npos)
      << response.errors().message;
}

TEST(UrlProblem, PlainHttpIsForLoopbackOnly_UnlessAnyHostIsAllowed) {
  for (const char* url :
       {"http://127.0.0.1/", "http://127.8.9.10:8080/x", "http://[::1]:99/", "http://localhost/",
        "http://LocalHost:1/", "https://10.0.0.1/", "https://auth.example.com/keys"}) {
    EXPECT_FALSE(url_problem(url, PlainHttp::loopback_only)) << url;
  }
  for (const char* url : {"http://10.0.0.1/", "http://localhost.evil.example/",
                          "http://127.0.0.1@10.0.0.1/", "http://[::2]/", "http://128.0.0.1/"}) {
    EXPECT_TRUE(url_problem(url, PlainHttp::loopback_only)) << url;
    EXPECT_FALSE(url_problem(url, PlainHttp::any_host)) << url;
  }
  for (const char* url : {"ftp://127.0.0.1/", "file:///etc/passwd", "/relative", "", "https://",
                          "http://127.0.0.1.evil.example/", "https://127.0.0.1x/"}) {
    EXPECT_TRUE(url_problem(url, PlainHttp::any_host)) << url;
  }
}

TEST(Send, ResponseOverMaxBytes_IsAnErrorNamingTheLimit) {
  ScriptedServer server([](const ServerRequest&) {
    return ServerResponse{.status = 200, .headers = {}, .body = std::string(5000, 'x')};
  });
  auto response = send({.url = server.url("/big")}, {.timeout = kQuick.timeout, .max_bytes = 1000});
  ASSERT_FALSE(response);
  EXPECT_EQ(response.errors().message, "the response is larger than 1000 bytes");
}

TEST(Send, SilentServer_TimesOutAfterTheTimeout) {
  ScriptedServer server([](const ServerRequest&) { return ServerResponse{.silent = true}; });
  auto response = send({.url = server.url("/slow")}, {.timeout = std::chrono::milliseconds(250)});
  ASSERT_FALSE(response);
  EXPECT_EQ(response.errors().message, "timed out after 250 ms");
}

TEST(Send, PostIsNotRedirected) {
  ScriptedServer server([](const ServerRequest& request) {
    return request.target == "/start" ? redirect_to("/elsewhere", 307) : ServerResponse{};
  });
  auto response = send({.method = "POST", .url = server.url("/start"), .body = "x=1"}, kQuick);
  ASSERT_TRUE(response) << response.errors().message;
  EXPECT_EQ(response->status, 307);
  EXPECT_EQ(server.request_count(), 1U);
}

TEST(Send, GetFollowsRedirects_KeepingAuthorizationOnTheSameOrigin) {
  ScriptedServer server([](const ServerRequest& request) {
    if (request.target == "/start") return redirect_to("/final");
    return ServerResponse{.status = 200, .headers = {}, .body = "here"};
  });
  auto response =
      send({.url = server.url("/start"), .headers = {{"Authorization", "Bearer x"}}}, kQuick);
  ASSERT_TRUE(response) << response.errors().message;
  EXPECT_EQ(response->body, "here");
  ASSERT_EQ(server.request_count(), 2U);
  EXPECT_EQ(server.requests()[1].header("Authorization"), "Bearer x");
}

TEST(Send, RedirectToAnotherOrigin_DropsAuthorization) {
  ScriptedServer other([](const ServerRequest&) { return ServerResponse{}; });
  ScriptedServer server([&](const ServerRequest&) { return redirect_to(other.url("/x")); });
  auto response =
      send({.url = server.url("/start"), .headers = {{"Authorization", "Bearer x"}}}, kQuick);
  ASSERT_TRUE(response) << response.errors().message;
  ASSERT_EQ(other.request_count(), 1U);
  EXPECT_FALSE(other.requests()[0].header("Authorization"));
}

TEST(Send, RedirectToPlainHttpElsewhere_IsRefused) {
  ScriptedServer server([](const ServerRequest&) { return redirect_to("http://10.0.0.1/x"); });
  auto response = send({.url = server.url("/start")}, kQuick);
  ASSERT_FALSE(response);
  EXPECT_NE(response.errors().message.find("https"), std::string::npos);
}

TEST(Send, MoreThanFiveRedirects_IsAnError) {
  ScriptedServer server([](const ServerRequest&) { return redirect_to("/again"); });
  auto response = send({.url = server.url("/start")}, kQuick);
  ASSERT_FALSE(response);
  EXPECT_EQ(response.errors().message, "more than 5 redirects");
  EXPECT_EQ(server.request_count(), 6U);
}

TEST(Send, HeaderWithALineBreak_IsRefused) {
  auto response =
      send({.url = "http://127.0.0.1:9/", .headers = {{"X-A", "b\r\nX-Injected: c"}}}, kQuick);
  ASSERT_FALSE(response);
  EXPECT_EQ(response.errors().message.find("X-Injected"), std::string::npos);
}

// A proxy that refuses every tunnel, so a test sees what the client asked of it.
ServerResponse refuse_tunnel(const ServerRequest&) { return {.status = 403}; }

// Only the variables a test sets count: any proxy settings of the machine running the tests
// are cleared for its duration.
void clear_proxy_environment(test::ScopedEnvironment& environment) {
  for (const char* name : {"http_proxy", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY",
                           "no_proxy", "NO_PROXY"}) {
    environment.set(name, std::nullopt);
  }
}

TEST(Send, HttpsProxyFromTheEnvironment_IsUsed) {
  const ScriptedServer proxy(refuse_tunnel);
  test::ScopedEnvironment environment;
  clear_proxy_environment(environment);
  environment.set("https_proxy", proxy.origin());
  auto response = send({.url = "https://keys.example.com/jwks"}, kQuick);
  ASSERT_FALSE(response);
  ASSERT_EQ(proxy.request_count(), 1U);
  EXPECT_EQ(proxy.requests()[0].method, "CONNECT");
  EXPECT_EQ(proxy.requests()[0].target, "keys.example.com:443");
}

TEST(Send, HostInNoProxy_GoesDirect) {
  const ScriptedServer proxy(refuse_tunnel);
  const ScriptedServer target(
      [](const ServerRequest&) { return ServerResponse{.body = "direct"}; });
  test::ScopedEnvironment environment;
  clear_proxy_environment(environment);
  environment.set("http_proxy", proxy.origin());
  environment.set("no_proxy", "127.0.0.1");
  auto response = send({.url = target.url("/keys")}, kQuick);
  ASSERT_TRUE(response) << response.errors().message;
  EXPECT_EQ(response->body, "direct");
  EXPECT_EQ(proxy.request_count(), 0U);
}

TEST(Send, PlainHttpProxyFromTheEnvironment_IsUsedForLoopback) {
  const ScriptedServer proxy(
      [](const ServerRequest&) { return ServerResponse{.body = "proxied"}; });
  test::ScopedEnvironment environment;
  clear_proxy_environment(environment);
  environment.set("http_proxy", proxy.origin());
  auto response = send({.url = "http://127.0.0.1:9/keys"}, kQuick);
  ASSERT_TRUE(response) << response.errors().message;
  EXPECT_EQ(response->body, "proxied");
  ASSERT_EQ(proxy.request_count(), 1U);
  EXPECT_EQ(proxy.requests()[0].target, "http://127.0.0.1:9/keys");
}

}  // namespace
}  // namespace oaskit::detail
