// The device authorization grant's requests and the answers a client must refuse: the device
// authorization response read as RFC 8628 §3.2 says, against a scripted endpoint.

#include "oaskit/oauth2/device_authorization.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "oaskit/model/security.hpp"
#include "support/scripted_server.hpp"

namespace oaskit::oauth2 {
namespace {

using test::json_answer;
using ::testing::HasSubstr;
using Kind = GrantError::Kind;

const std::string rfc8628_example = R"({"device_code":"GmRhmhcxhwAzkoEqiMEg_DnyEysNkuNhszIySk9eS",
  "user_code":"WDJB-MJHT","verification_uri":"https://example.com/device",
  "verification_uri_complete":"https://example.com/device?user_code=WDJB-MJHT",
  "expires_in":1800,"interval":5})";

class DeviceAuthorizationClient : public ::testing::Test {
 protected:
  Client client() const {
    FlowEndpoints endpoints{.token_url = server_.url("/token")};
    endpoints.device_authorization_url = server_.url("/device");
    endpoints.scopes.insert_or_assign("tv", "Watch");
    ClientOptions options;
    options.http.timeout = std::chrono::milliseconds(3000);
    auto made = Client::from_endpoints(std::move(endpoints), {.client_id = "tv"}, options);
    if (!made) throw std::runtime_error(made.errors().message);
    return std::move(*made);
  }
  Result<DeviceAuthorization, GrantError> start_with(const std::string& body, int status = 200) {
    server_.answer(json_answer(body, status));
    return client().start_device_authorization({"tv"});
  }

  test::AnsweringServer server_{json_answer(rfc8628_example)};
};

TEST_F(DeviceAuthorizationClient, Rfc8628Example_IsReadAndTheRequestIsAPublicClientsForm) {
  const auto started = client().start_device_authorization({"tv"});
  ASSERT_TRUE(started) << started.errors().message;
  EXPECT_EQ(started->user_code, "WDJB-MJHT");
  EXPECT_EQ(started->verification_uri, "https://example.com/device");
  EXPECT_EQ(started->verification_uri_complete, "https://example.com/device?user_code=WDJB-MJHT");
  EXPECT_EQ(started->expires_in, std::chrono::seconds(1800));
  EXPECT_EQ(started->interval, std::chrono::seconds(5));
  const auto request = server_.requests().back();
  EXPECT_EQ(request.target, "/device");
  EXPECT_THAT(request.body, HasSubstr("client_id=tv"));
  EXPECT_THAT(request.body, HasSubstr("scope=tv"));
}

TEST_F(DeviceAuthorizationClient, WithoutInterval_DefaultsToFiveSeconds) {
  const auto started = start_with(R"({"device_code":"d","user_code":"u",
    "verification_uri":"https://example.com/device","expires_in":60})");
  ASSERT_TRUE(started) << started.errors().message;
  EXPECT_EQ(started->interval, std::chrono::seconds(5));
  EXPECT_FALSE(started->verification_uri_complete);
}

TEST_F(DeviceAuthorizationClient, MalformedResponses_AreBadResponsesNamingTheMember) {
  const std::pair<std::string, std::string> cases[] = {
      {R"({"user_code":"u","verification_uri":"https://e/d","expires_in":60})", "device_code"},
      {R"({"device_code":"d","user_code":7,"verification_uri":"https://e/d","expires_in":60})",
       "user_code"},
      {R"({"device_code":"d","user_code":"u","expires_in":60})", "verification_uri"},
      {R"({"device_code":"d","user_code":"u","verification_uri":"https://e/d"})", "expires_in"},
      {R"({"device_code":"d","user_code":"u","verification_uri":"https://e/d","expires_in":"60"})",
       "expires_in"},
      {R"({"device_code":"d","user_code":"u","verification_uri":"https://e/d","expires_in":60,
         "interval":-1})",
       "interval"},
      {R"({"device_code":"d","user_code":"u","verification_uri":"https://e/d","expires_in":60,
         "verification_uri_complete":true})",
       "verification_uri_complete"},
      {"not json", "not a JSON object"},
      {"[1]", "not a JSON object"}};
  for (const auto& [body, named] : cases) {
    const auto started = start_with(body);
    ASSERT_FALSE(started) << body;
    EXPECT_EQ(started.errors().kind, Kind::bad_response) << body;
    EXPECT_THAT(started.errors().message, HasSubstr(named)) << body;
    EXPECT_THAT(started.errors().message, HasSubstr("RFC 8628 §3.2")) << body;
  }
}

TEST_F(DeviceAuthorizationClient, OAuthErrorsAndServerFailures_AreTyped) {
  const auto refused = start_with(R"({"error":"invalid_client"})", 401);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.errors().kind, Kind::refused);
  EXPECT_EQ(refused.errors().error, "invalid_client");
  const auto down = start_with("oops", 503);
  ASSERT_FALSE(down);
  EXPECT_EQ(down.errors().kind, Kind::unavailable);
  const auto no_error = start_with("{}", 400);
  ASSERT_FALSE(no_error);
  EXPECT_EQ(no_error.errors().kind, Kind::bad_response);
}

TEST_F(DeviceAuthorizationClient, UndeclaredScopeOrNoDeviceUrl_IsAConfigurationError) {
  const auto undeclared = client().start_device_authorization({"admin"});
  ASSERT_FALSE(undeclared);
  EXPECT_EQ(undeclared.errors().kind, Kind::configuration);
  auto plain = Client::from_endpoints({.token_url = server_.url("/token")}, {.client_id = "tv"});
  ASSERT_TRUE(plain);
  const auto no_url = plain->start_device_authorization();
  ASSERT_FALSE(no_url);
  EXPECT_THAT(no_url.errors().message, HasSubstr("deviceAuthorizationUrl"));
}

TEST_F(DeviceAuthorizationClient, Polling_SendsTheDeviceCodeGrantAndStopsOnOtherErrors) {
  server_.answer(json_answer(R"({"error":"invalid_grant"})", 400));
  DeviceAuthorization authorization{.device_code = "the-device-code",
                                    .user_code = "u",
                                    .verification_uri = "https://e/d",
                                    .verification_uri_complete = std::nullopt,
                                    .expires_in = std::chrono::seconds(60),
                                    .interval = std::chrono::seconds(5)};
  std::vector<std::chrono::seconds> sleeps;
  DevicePollOptions options;
  options.sleep = [&](std::chrono::seconds duration) { sleeps.push_back(duration); };
  const auto token = poll_device_token(client(), authorization, options);
  ASSERT_FALSE(token);
  EXPECT_EQ(token.errors().error, "invalid_grant");
  EXPECT_EQ(sleeps.size(), 1U);
  const auto request = server_.requests().back();
  EXPECT_EQ(request.target, "/token");
  EXPECT_THAT(request.body,
              HasSubstr("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code"));
  EXPECT_THAT(request.body, HasSubstr("device_code=the-device-code"));
}

TEST_F(DeviceAuthorizationClient, FromScheme_TakesTheDeviceAuthorizationFlow) {
  OAuth2 scheme;
  scheme.flows.deviceAuthorization =
      OAuthFlowDeviceAuthorization{.deviceAuthorizationUrl = "device",
                                   .tokenUrl = "token",
                                   .refreshUrl = std::nullopt,
                                   .scopes = {},
                                   .extra = {}};
  auto made = Client::from_scheme(scheme, Flow::deviceAuthorization, "https://auth.example/o/",
                                  {.client_id = "tv"});
  ASSERT_TRUE(made) << made.errors().message;
  EXPECT_EQ(made->endpoints().device_authorization_url, "https://auth.example/o/device");
  EXPECT_EQ(made->endpoints().token_url, "https://auth.example/o/token");
  auto missing =
      Client::from_scheme(OAuth2{}, Flow::deviceAuthorization, "https://a/", {.client_id = "tv"});
  ASSERT_FALSE(missing);
  EXPECT_THAT(missing.errors().message, HasSubstr("no deviceAuthorization flow"));
}

}  // namespace
}  // namespace oaskit::oauth2
