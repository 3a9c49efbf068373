// ClientOptions::endpoints_from_metadata: a scheme's oauth2MetadataUrl (OpenAPI 3.2) read as
// RFC 8414 metadata from a scripted server on 127.0.0.1, its issuer checked as §3.3 says, its
// endpoints taken instead of the flow's; and what a client gets instead when it is not usable.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <mutex>
#include <string>

#include "http/authorization_server_metadata.hpp"
#include "oaskit/model/security.hpp"
#include "oaskit/oauth2/client.hpp"
#include "support/scripted_server.hpp"

namespace oaskit::oauth2 {
namespace {

using test::json_answer;
using test::ServerRequest;
using test::ServerResponse;
using ::testing::HasSubstr;
using Kind = GrantError::Kind;

TEST(IssuerOfMetadataUrl, UndoesRfc8414sWellKnownInsertion) {
  using oaskit::detail::issuer_of_metadata_url;
  EXPECT_EQ(issuer_of_metadata_url("https://as.example/.well-known/oauth-authorization-server"),
            "https://as.example");
  EXPECT_EQ(issuer_of_metadata_url("https://as.example/.well-known/oauth-authorization-server/t/1"),
            "https://as.example/t/1");
  EXPECT_EQ(issuer_of_metadata_url("https://as.example:8443/.well-known/openid-configuration"),
            "https://as.example:8443");
  EXPECT_EQ(issuer_of_metadata_url("https://as.example/t/.well-known/openid-configuration"),
            "https://as.example/t");
  EXPECT_EQ(issuer_of_metadata_url("https://as.example/metadata.json"), std::nullopt);
  EXPECT_EQ(issuer_of_metadata_url("https://as.example/.well-known/"), std::nullopt);
  EXPECT_EQ(
      issuer_of_metadata_url("https://as.example/.well-known/oauth-authorization-server?tenant=1"),
      std::nullopt);
}

class MetadataEndpoints : public ::testing::Test {
 protected:
  std::string metadata_url() const {
    return server_.url("/.well-known/oauth-authorization-server");
  }
  // RFC 8414 metadata of this server's issuer with `members` added.
  void serve_metadata(const std::string& members) {
    serve(json_answer(R"({"issuer":")" + server_.origin() + "\"" +
                      (members.empty() ? "" : "," + members) + "}"));
  }
  void serve(ServerResponse response) {
    const std::lock_guard lock(mutex_);
    metadata_ = std::move(response);
  }
  // A scheme with stale URLs of its own for each flow, and the metadata URL.
  OAuth2 scheme() const {
    OAuth2 result;
    result.oauth2MetadataUrl = metadata_url();
    result.flows.clientCredentials = OAuthFlowClientCredentials{
        .tokenUrl = "https://stale.example/token", .refreshUrl = {}, .scopes = {}, .extra = {}};
    result.flows.authorizationCode =
        OAuthFlowAuthorizationCode{.authorizationUrl = "https://stale.example/authorize",
                                   .tokenUrl = "https://stale.example/token",
                                   .refreshUrl = "https://stale.example/refresh",
                                   .scopes = {},
                                   .extra = {}};
    result.flows.deviceAuthorization =
        OAuthFlowDeviceAuthorization{.deviceAuthorizationUrl = "https://stale.example/device",
                                     .tokenUrl = "https://stale.example/token",
                                     .refreshUrl = {},
                                     .scopes = {},
                                     .extra = {}};
    return result;
  }
  static ClientOptions from_metadata() {
    ClientOptions options;
    options.endpoints_from_metadata = true;
    options.http.timeout = std::chrono::milliseconds(3000);
    return options;
  }
  Result<Client, GrantError> client(const OAuth2& declared, Flow flow,
                                    ClientOptions options = from_metadata()) const {
    return Client::from_scheme(declared, flow, "https://api.example/", {.client_id = "app"},
                               std::move(options));
  }

  mutable std::mutex mutex_;
  ServerResponse metadata_;
  test::ScriptedServer server_{[this](const ServerRequest& request) {
    if (request.target == "/token") {
      return json_answer(R"({"access_token":"at","token_type":"Bearer"})");
    }
    const std::lock_guard lock(mutex_);
    return request.target == "/.well-known/oauth-authorization-server"
               ? metadata_
               : ServerResponse{.status = 404};
  }};
};

TEST_F(MetadataEndpoints, TheMetadatasEndpointsReplaceTheFlows) {
  serve_metadata(R"("token_endpoint":")" + server_.url("/token") +
                 R"(","authorization_endpoint":")" + server_.url("/authorize") +
                 R"(","device_authorization_endpoint":")" + server_.url("/device") + "\"");
  auto credentials = client(scheme(), Flow::clientCredentials);
  ASSERT_TRUE(credentials) << credentials.errors().message;
  EXPECT_EQ(credentials->endpoints().token_url, server_.url("/token"));
  ASSERT_TRUE(credentials->client_credentials());  // sent where the metadata said
  auto code = client(scheme(), Flow::authorizationCode);
  ASSERT_TRUE(code) << code.errors().message;
  EXPECT_EQ(code->endpoints().authorization_url, server_.url("/authorize"));
  EXPECT_EQ(code->endpoints().token_url, server_.url("/token"));
  EXPECT_EQ(code->endpoints().refresh_url, "https://stale.example/refresh");  // the document's
  auto device = client(scheme(), Flow::deviceAuthorization);
  ASSERT_TRUE(device) << device.errors().message;
  EXPECT_EQ(device->endpoints().device_authorization_url, server_.url("/device"));
}

TEST_F(MetadataEndpoints, AnEndpointTheMetadataLacks_StaysTheDocuments) {
  serve_metadata(R"("token_endpoint":")" + server_.url("/token") + "\"");
  auto device = client(scheme(), Flow::deviceAuthorization);
  ASSERT_TRUE(device) << device.errors().message;
  EXPECT_EQ(device->endpoints().token_url, server_.url("/token"));
  EXPECT_EQ(device->endpoints().device_authorization_url, "https://stale.example/device");
}

TEST_F(MetadataEndpoints, WithoutTheOption_NothingIsFetched) {
  serve_metadata(R"("token_endpoint":")" + server_.url("/token") + "\"");
  auto plain = client(scheme(), Flow::clientCredentials, {});
  ASSERT_TRUE(plain) << plain.errors().message;
  EXPECT_EQ(plain->endpoints().token_url, "https://stale.example/token");
  EXPECT_EQ(server_.request_count(), 0U);
}

TEST_F(MetadataEndpoints, NoMetadataUrl_IsAConfigurationError) {
  auto declared = scheme();
  declared.oauth2MetadataUrl.reset();
  auto made = client(declared, Flow::clientCredentials);
  ASSERT_FALSE(made);
  EXPECT_EQ(made.errors().kind, Kind::configuration);
  EXPECT_THAT(made.errors().message, HasSubstr("oauth2MetadataUrl"));
}

TEST_F(MetadataEndpoints, MetadataOfAnotherIssuerOrNotMetadata_IsABadResponse) {
  serve(json_answer(
      R"({"issuer":"https://evil.example","token_endpoint":"https://evil.example/t"})"));
  auto other = client(scheme(), Flow::clientCredentials);
  ASSERT_FALSE(other);
  EXPECT_EQ(other.errors().kind, Kind::bad_response);
  EXPECT_THAT(other.errors().message, HasSubstr("is for issuer 'https://evil.example', not '" +
                                                server_.origin() + "' (RFC 8414 §3.3)"));
  const std::pair<std::string, std::string> malformed[] = {
      {"not json", "not JSON"},
      {"[]", "not a JSON object"},
      {R"({"token_endpoint":"x"})", "no \"issuer\""},
      {R"({"issuer":")" + server_.origin() + R"(","token_endpoint":7})", "token_endpoint"}};
  for (const auto& [body, says] : malformed) {
    serve(json_answer(body));
    auto made = client(scheme(), Flow::clientCredentials);
    ASSERT_FALSE(made) << body;
    EXPECT_EQ(made.errors().kind, Kind::bad_response) << body;
    EXPECT_THAT(made.errors().message, HasSubstr(says)) << body;
  }
  auto unknown_issuer = scheme();
  unknown_issuer.oauth2MetadataUrl = server_.url("/metadata.json");
  auto made = client(unknown_issuer, Flow::clientCredentials);
  ASSERT_FALSE(made);
  EXPECT_EQ(made.errors().kind, Kind::bad_response);
  EXPECT_THAT(made.errors().message, HasSubstr("/.well-known/"));
}

TEST_F(MetadataEndpoints, NoAnswer_IsUnavailable) {
  serve(json_answer("{}", 503));
  auto down = client(scheme(), Flow::clientCredentials);
  ASSERT_FALSE(down);
  EXPECT_EQ(down.errors().kind, Kind::unavailable);
  auto nobody = scheme();
  nobody.oauth2MetadataUrl = "http://127.0.0.1:9/.well-known/oauth-authorization-server";
  auto refused = client(nobody, Flow::clientCredentials);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.errors().kind, Kind::unavailable);
}

}  // namespace
}  // namespace oaskit::oauth2
