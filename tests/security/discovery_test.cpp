#include "security/discovery.hpp"

#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>

#include "support/scripted_server.hpp"

namespace oaskit::security {
namespace {

using detail::authorization_server_metadata_url;
using detail::openid_configuration_url;
using test::ScriptedServer;
using test::ServerRequest;
using test::ServerResponse;

const HttpOptions kQuick{.timeout = std::chrono::milliseconds(2000), .max_bytes = 1 << 20};

ServerResponse json(const boost::json::object& body) {
  return {.status = 200, .headers = {}, .body = boost::json::serialize(body)};
}

ServerResponse not_found() { return {.status = 404, .headers = {}, .body = "no"}; }

TEST(DiscoveryUrls, Rfc8414InsertsTheWellKnownSegmentBeforeTheIssuersPath) {
  EXPECT_EQ(authorization_server_metadata_url("https://a.example"),
            "https://a.example/.well-known/oauth-authorization-server");
  EXPECT_EQ(authorization_server_metadata_url("https://a.example/"),
            "https://a.example/.well-known/oauth-authorization-server");
  EXPECT_EQ(authorization_server_metadata_url("https://a.example/tenant/"),
            "https://a.example/.well-known/oauth-authorization-server/tenant");
  EXPECT_EQ(authorization_server_metadata_url("https://a.example:8443/realms/x"),
            "https://a.example:8443/.well-known/oauth-authorization-server/realms/x");
}

TEST(DiscoveryUrls, OpenIdAppendsTheWellKnownSegmentToTheIssuer) {
  EXPECT_EQ(openid_configuration_url("https://a.example/tenant/"),
            "https://a.example/tenant/.well-known/openid-configuration");
  EXPECT_EQ(openid_configuration_url("https://a.example"),
            "https://a.example/.well-known/openid-configuration");
}

TEST(Discover, IssuerWithAPath_IsFoundAtTheRfc8414Url) {
  std::string issuer;
  ScriptedServer server([&](const ServerRequest& request) {
    if (request.target != "/.well-known/oauth-authorization-server/tenant") return not_found();
    return json({{"issuer", issuer},
                 {"jwks_uri", issuer + "/keys"},
                 {"token_endpoint", issuer + "/token"},
                 {"introspection_endpoint", issuer + "/introspect"},
                 {"authorization_endpoint", issuer + "/authorize"},
                 {"grant_types_supported", boost::json::array{"client_credentials"}}});
  });
  issuer = server.url("/tenant");
  auto metadata = discover(issuer, kQuick);
  ASSERT_TRUE(metadata) << metadata.errors().internal;
  EXPECT_EQ(metadata->issuer, issuer);
  EXPECT_EQ(metadata->jwks_uri, issuer + "/keys");
  EXPECT_EQ(metadata->token_endpoint, issuer + "/token");
  EXPECT_EQ(metadata->introspection_endpoint, issuer + "/introspect");
  EXPECT_EQ(metadata->authorization_endpoint, issuer + "/authorize");
  EXPECT_TRUE(metadata->raw.contains("grant_types_supported"));
  ASSERT_EQ(server.request_count(), 1U);
  EXPECT_EQ(server.requests()[0].header("Accept"), "application/json");
}

TEST(Discover, FallsBackToOpenIdConfiguration) {
  std::string issuer;
  ScriptedServer server([&](const ServerRequest& request) {
    if (request.target != "/tenant/.well-known/openid-configuration") return not_found();
    return json({{"issuer", issuer}, {"jwks_uri", issuer + "/keys"}});
  });
  issuer = server.url("/tenant/");  // the trailing '/' is part of the issuer, and must match
  auto metadata = discover(issuer, kQuick);
  ASSERT_TRUE(metadata) << metadata.errors().internal;
  EXPECT_EQ(metadata->jwks_uri, issuer + "/keys");
  EXPECT_EQ(server.request_count(), 2U);
}

TEST(Discover, NoAnswerAtAll_IsNotAskedAgainAtTheOpenIdUrl_SoTheTimeoutBoundsTheWait) {
  ScriptedServer server([](const ServerRequest&) {
    return ServerResponse{.status = 200, .headers = {}, .body = {}, .silent = true};
  });
  const HttpOptions brief{.timeout = std::chrono::milliseconds(500), .max_bytes = 1 << 20};
  const auto started = std::chrono::steady_clock::now();
  auto metadata = discover(server.origin(), brief);
  const auto elapsed = std::chrono::steady_clock::now() - started;
  ASSERT_FALSE(metadata);
  EXPECT_EQ(metadata.errors().check, TokenCheck::unavailable);
  EXPECT_NE(metadata.errors().internal.find("oauth-authorization-server"), std::string::npos)
      << metadata.errors().internal;
  EXPECT_EQ(server.request_count(), 1U);
  EXPECT_LT(elapsed, std::chrono::milliseconds(1000));
}

TEST(Discover, MetadataForAnotherIssuer_IsRefused) {
  std::string issuer;
  ScriptedServer server([&](const ServerRequest&) {
    return json({{"issuer", "https://evil.example"}, {"jwks_uri", "https://evil.example/keys"}});
  });
  issuer = server.url("");
  auto metadata = discover(issuer, kQuick);
  ASSERT_FALSE(metadata);
  EXPECT_EQ(metadata.errors().check, TokenCheck::unavailable);
  EXPECT_NE(
      metadata.errors().internal.find("is for issuer 'https://evil.example', not '" + issuer + "'"),
      std::string::npos)
      << metadata.errors().internal;
  EXPECT_EQ(server.request_count(), 2U);
}

TEST(Discover, IssuerMustMatchExactly_TrailingSlashIncluded) {
  std::string issuer;
  ScriptedServer server([&](const ServerRequest&) {
    return json({{"issuer", issuer + "/"}, {"jwks_uri", issuer + "/keys"}});
  });
  issuer = server.url("/tenant");
  EXPECT_FALSE(discover(issuer, kQuick));
}

TEST(Discover, PlainHttpJwksUriElsewhere_IsRefused) {
  std::string issuer;
  ScriptedServer server([&](const ServerRequest&) {
    return json({{"issuer", issuer}, {"jwks_uri", "http://10.0.0.1/keys"}});
  });
  issuer = server.url("");
  auto metadata = discover(issuer, kQuick);
  ASSERT_FALSE(metadata);
  EXPECT_NE(metadata.errors().internal.find("\"jwks_uri\" is not usable"), std::string::npos)
      << metadata.errors().internal;
}

TEST(Discover, PlainHttpIssuerElsewhere_IsRefusedWithoutARequest) {
  auto metadata = discover("http://10.0.0.1/tenant", kQuick);
  ASSERT_FALSE(metadata);
  EXPECT_NE(metadata.errors().internal.find("must be reached over https"), std::string::npos);
  EXPECT_FALSE(discover("https://a.example/?tenant=x", kQuick));
}

}  // namespace
}  // namespace oaskit::security
