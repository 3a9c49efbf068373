// The built-in routes: the document as JSON and YAML, Swagger UI, ReDoc, the OAuth 2.0
// redirect page and their embedded assets (gzip, ETag), each relocatable or off.

#include <zlib.h>

#include <gtest/gtest.h>

#include "oaskit/document.hpp"
#include "server/assets.hpp"
#include "server/server_test_support.hpp"

namespace oaskit::test {
namespace {

const char* const document_text = R"(openapi: 3.1.0
info: {title: "Docs <test>", version: "1"}
paths:
  /docs-like: {get: {responses: {"200": {description: ok}}}}
x-kept: {order: [3, 1, 2]}
)";

std::string gunzip(const std::string& data) {
  z_stream stream{};
  inflateInit2(&stream, 15 + 16);
  std::string out;
  char buffer[65536];
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  int status = Z_OK;
  while (status == Z_OK) {
    stream.next_out = reinterpret_cast<Bytef*>(buffer);
    stream.avail_out = sizeof buffer;
    status = inflate(&stream, Z_NO_FLUSH);
    out.append(buffer, sizeof buffer - stream.avail_out);
  }
  inflateEnd(&stream);
  return status == Z_STREAM_END ? out : std::string{};
}

TEST(BuiltinRoutes, OpenapiJson_IsTheDocumentAsLoaded_AndYamlReadsBackTheSame) {
  InMemoryServer server(document_text);
  auto json = server.call("GET", "/openapi.json");
  ASSERT_EQ(json.status, 200);
  EXPECT_EQ(json.content_type, "application/json");
  auto expected = document_from(document_text);
  EXPECT_EQ(json.json(), expected->root().value());
  EXPECT_NE(json.body.find(R"("order":[3,1,2])"), std::string::npos);
  auto yaml = server.call("GET", "/openapi.yaml");
  EXPECT_EQ(yaml.content_type, "application/yaml");
  auto reread = read_source("openapi.yaml", "file:///openapi.yaml", yaml.body);
  ASSERT_TRUE(reread);
  EXPECT_EQ((*reread)->value(), expected->root().value());
}

TEST(BuiltinRoutes, Docs_LoadsSwaggerUiFromTheEmbeddedAssets_WithInitOAuth) {
  server::ServerOptions options;
  options.docs.init_oauth = server::SwaggerUiOAuth{
      .client_id = "docs</script>", .scopes = {"pets:read"}, .use_pkce = true, .app_name = {}};
  InMemoryServer server(document_text, options);
  auto page = server.call("GET", "/docs");
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(page.content_type, "text/html; charset=utf-8");
  EXPECT_NE(page.body.find(R"(src="/docs/assets/swagger-ui-bundle.js")"), std::string::npos);
  EXPECT_NE(page.body.find("Docs &lt;test&gt; - Swagger UI"), std::string::npos);
  EXPECT_NE(page.body.find(R"("url":"/openapi.json")"), std::string::npos);
  EXPECT_NE(page.body.find(R"("persistAuthorization":false)"), std::string::npos);
  EXPECT_NE(page.body.find(R"("usePkceWithAuthorizationCodeGrant":true)"), std::string::npos);
  EXPECT_NE(page.body.find(R"("clientId":"docs<\/script>")"), std::string::npos);
  EXPECT_EQ(page.body.find("docs</script>"), std::string::npos);
  EXPECT_NE(page.body.find("/docs/oauth2-redirect"), std::string::npos);
  EXPECT_EQ(page.body.find("cdn"), std::string::npos);
  auto redoc = server.call("GET", "/redoc");
  EXPECT_NE(redoc.body.find(R"(src="/docs/assets/redoc.standalone.js")"), std::string::npos);
  auto redirect = server.call("GET", "/docs/oauth2-redirect");
  EXPECT_NE(redirect.body.find("/docs/assets/oauth2-redirect.js"), std::string::npos);
}

TEST(BuiltinRoutes, Assets_AreServedWithTypesETagsAndGzipWhenAccepted) {
  if (server::detail::docs_assets().empty()) GTEST_SKIP() << "built with OASKIT_DOCS_ASSETS=OFF";
  InMemoryServer server(document_text);
  for (const auto* name : {"swagger-ui-bundle.js", "swagger-ui.css", "redoc.standalone.js",
                           "oauth2-redirect.js", "favicon-32x32.png"}) {
    const std::string target = std::string("/docs/assets/") + name;
    auto plain = server.call("GET", target);
    ASSERT_EQ(plain.status, 200) << name;
    EXPECT_GT(plain.body.size(), 500U) << name;
    EXPECT_FALSE(plain.header("ETag").empty());
    EXPECT_EQ(plain.header("Content-Encoding"), "");
    auto zipped = server.call("GET", target, {{"Accept-Encoding", "br, gzip;q=0.8"}});
    EXPECT_EQ(zipped.header("Content-Encoding"), "gzip") << name;
    EXPECT_EQ(gunzip(zipped.body), plain.body) << name;
    auto refused = server.call("GET", target, {{"Accept-Encoding", "gzip;q=0"}});
    EXPECT_EQ(refused.header("Content-Encoding"), "") << name;
    auto cached = server.call("GET", target, {{"If-None-Match", plain.header("ETag")}});
    EXPECT_EQ(cached.status, 304);
    EXPECT_TRUE(cached.body.empty());
  }
  EXPECT_EQ(server.call("GET", "/docs/assets/swagger-ui.css").content_type,
            "text/css; charset=utf-8");
  EXPECT_EQ(server.call("GET", "/docs/assets/nope.js").status, 404);
}

TEST(BuiltinRoutes, EachRoute_CanMoveOrBeSwitchedOff) {
  server::ServerOptions options;
  options.docs.openapi_url = "/api/spec.json";
  options.docs.docs_url = "/help";
  options.docs.redoc_url = std::nullopt;
  options.docs.openapi_yaml_url = std::nullopt;
  InMemoryServer server(document_text, options);
  EXPECT_EQ(server.call("GET", "/api/spec.json").status, 200);
  EXPECT_EQ(server.call("GET", "/openapi.json").status, 404);
  EXPECT_EQ(server.call("GET", "/openapi.yaml").status, 404);
  EXPECT_EQ(server.call("GET", "/redoc").status, 404);
  auto help = server.call("GET", "/help");
  EXPECT_EQ(help.status, 200);
  EXPECT_NE(help.body.find(R"("url":"/api/spec.json")"), std::string::npos);
}

TEST(BuiltinRoutes, OtherMethods_Are405) {
  InMemoryServer server(document_text);
  auto answer = server.call("POST", "/openapi.json");
  EXPECT_EQ(answer.status, 405);
  EXPECT_EQ(answer.header("Allow"), "GET, HEAD");
}

}  // namespace
}  // namespace oaskit::test
