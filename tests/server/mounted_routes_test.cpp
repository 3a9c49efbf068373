// Routes beside the document (Server::route) and hooks that need the server's URL
// (Server::on_endpoint): what an authorization server mounted beside the API relies on.

#include "http/client.hpp"
#include "server/server_test_support.hpp"

namespace oaskit::test {
namespace {

const std::string document = R"(openapi: 3.1.0
info: {title: T, version: "1"}
paths:
  /items:
    get:
      operationId: listItems
      responses: {"200": {description: ok}}
)";

TEST(MountedRoutes, AnswerEveryMethodAtTheirPathAheadOfTheDocument) {
  InMemoryServer api(document);
  api.server().route("/login", [](const server::Server::RawRequest& request) {
    return server::Response::json(boost::json::object{
        {"method", request.method}, {"target", request.target}, {"body", request.body}});
  });
  for (const auto* method : {"GET", "POST", "DELETE", "OPTIONS"}) {
    auto answer = api.call(method, "/login?next=/items", {}, "x=1");
    ASSERT_EQ(answer.status, 200) << method;
    EXPECT_EQ(answer.json().at("method"), method);
    EXPECT_EQ(answer.json().at("target"), "/login?next=/items");
  }
  EXPECT_EQ(api.call("GET", "/login/more").status, 404) << "the exact path only";
  EXPECT_EQ(api.call("GET", "/items").status, 200);
}

TEST(MountedRoutes, WhatAHandlerThrowsIsA500ForTheClient) {
  InMemoryServer api(document);
  api.server().route("/boom", [](const server::Server::RawRequest&) -> server::Response {
    throw std::runtime_error("secret detail");
  });
  auto answer = api.call("GET", "/boom");
  EXPECT_EQ(answer.status, 500);
  EXPECT_EQ(answer.body.find("secret"), std::string::npos);
}

TEST(MountedRoutes, APathOfTheDocumentOrABuiltInRouteIsRefusedAtStart) {
  for (const auto* path : {"/items", "/docs", "/openapi.json", "/docs/assets/x.js", "relative"}) {
    InMemoryServer api(document);
    api.server().route(path,
                       [](const server::Server::RawRequest&) { return server::Response::empty(); });
    auto prepared = api.server().prepare();
    ASSERT_FALSE(prepared) << path;
    EXPECT_EQ(prepared.errors().front().rule, "server-route") << path;
  }
}

TEST(MountedRoutes, EndpointHooksSeeTheBoundPortAndEditTheServedDocument) {
  auto model = document_from(document);
  server::Server api(
      *model,
      {.host = "127.0.0.1", .port = 0, .threads = 1, .access_log = [](std::string_view) {}});
  std::string seen_url;
  api.on_endpoint([&](const server::Endpoint& endpoint, boost::json::value& served) {
    seen_url = endpoint.url;
    served.as_object()["x-served-at"] = endpoint.url;
  });
  auto started = api.start();
  ASSERT_TRUE(started);
  EXPECT_EQ(seen_url, started->url);
  EXPECT_NE(started->port, 0);
  auto served = detail::send({.method = "GET", .url = started->url + "openapi.json"}, {});
  ASSERT_TRUE(served);
  EXPECT_EQ(boost::json::parse(served->body).at("x-served-at"), boost::json::value(started->url));
  // prepare() on a running server leaves the routes its threads use alone.
  ASSERT_TRUE(api.prepare());
  EXPECT_EQ(seen_url, started->url);
  auto again = detail::send({.method = "GET", .url = started->url + "openapi.json"}, {});
  ASSERT_TRUE(again);
  EXPECT_EQ(again->body, served->body);
  api.stop();
}

TEST(MountedRoutes, AHandlerSeesTheClientAddressOverTheNetwork) {
  auto model = document_from(document);
  server::Server api(
      *model,
      {.host = "127.0.0.1", .port = 0, .threads = 1, .access_log = [](std::string_view) {}});
  api.route("/whoami", [](const server::Server::RawRequest& request) {
    return server::Response::json(boost::json::value(request.client_address));
  });
  auto started = api.start();
  ASSERT_TRUE(started);
  auto answer = detail::send({.method = "GET", .url = started->url + "whoami"}, {});
  ASSERT_TRUE(answer);
  EXPECT_EQ(answer->body, "\"127.0.0.1\"");
  api.stop();
}

}  // namespace
}  // namespace oaskit::test
