// RFC 8628 end to end: oaskit's client against the development authorization server on
// 127.0.0.1. The "user" is this test, posting the verification page's form; both clocks are
// the test's, so that nothing waits for real.

#include <atomic>

#include "devauth/devauth_test_support.hpp"
#include "oaskit/oauth2/device_authorization.hpp"

namespace oaskit::test {
namespace {

const std::string device_config = R"(clients:
  - client_id: tv
    token_endpoint_auth_method: none
    grant_types: [urn:ietf:params:oauth:grant-type:device_code]
users:
  - {username: alice, password: wonderland}
device_code_lifetime: 60
device_poll_interval: 5
)";

class DeviceFlow : public ::testing::Test {
 protected:
  void SetUp() override {
    devauth_.emplace(device_document, device_config,
                     devauth::Options{.log = {}, .clock = [this] {
                                        return std::chrono::system_clock::time_point(
                                            std::chrono::seconds(server_seconds_.load()));
                                      }});
    ASSERT_FALSE(devauth_->url().empty());
    auth_ = &devauth_->auth();
    url_ = devauth_->url();
    served_ = devauth_->served_document();
    client_.emplace(devauth_->client(oauth2::Flow::deviceAuthorization, {.client_id = "tv"}));
  }

  // Polling options whose sleep moves the client's clock, and the server's when `server_too`.
  oauth2::DevicePollOptions fake_time(bool server_too = true) {
    oauth2::DevicePollOptions options;
    options.clock = [this] { return client_now_; };
    options.sleep = [this, server_too](std::chrono::seconds duration) {
      sleeps_.push_back(duration);
      client_now_ += duration;
      if (server_too) server_seconds_ += duration.count();
      if (on_sleep_) on_sleep_();
    };
    return options;
  }

  detail::HttpResponse decide(const std::string& user_code, const std::string& decision,
                              const std::string& password = "wonderland") {
    return devauth_->decide_device(user_code, decision, password);
  }

  std::atomic<std::int64_t> server_seconds_{1'800'000'000};
  std::optional<LoopbackDevAuth> devauth_;
  devauth::AuthorizationServer* auth_ = nullptr;
  std::string url_;
  std::string served_;
  std::optional<oauth2::Client> client_;
  std::chrono::steady_clock::time_point client_now_{};
  std::vector<std::chrono::seconds> sleeps_;
  std::function<void()> on_sleep_;
};

TEST_F(DeviceFlow, ServedDocumentAndMetadataPointAtTheDeviceEndpoint) {
  const auto document = boost::json::parse(served_);
  EXPECT_EQ(document.at_pointer("/components/securitySchemes/oauth/flows/deviceAuthorization/"
                                "deviceAuthorizationUrl"),
            boost::json::value(auth_->url_of("/oauth/device_authorization")));
  EXPECT_EQ(document.at_pointer("/components/securitySchemes/oauth/oauth2MetadataUrl"),
            boost::json::value(auth_->url_of("/.well-known/oauth-authorization-server")));
  auto metadata =
      detail::send({.method = "GET", .url = url_ + ".well-known/oauth-authorization-server"}, {});
  ASSERT_TRUE(metadata);
  const auto body = boost::json::parse(metadata->body).as_object();
  EXPECT_EQ(body.at("device_authorization_endpoint"),
            boost::json::value(auth_->url_of("/oauth/device_authorization")));
  const auto& grants = body.at("grant_types_supported").as_array();
  EXPECT_NE(std::find(grants.begin(), grants.end(),
                      boost::json::value("urn:ietf:params:oauth:grant-type:device_code")),
            grants.end());
}

TEST_F(DeviceFlow, EndpointsFromMetadata_AreTheServersWhateverTheFlowSays) {
  auto scheme = std::get<OAuth2>(std::get<SecurityScheme>(
      *parse<OpenAPI>(served_)->components->securitySchemes->find("oauth")));
  scheme.flows.deviceAuthorization->deviceAuthorizationUrl = "http://127.0.0.1:9/device";
  scheme.flows.deviceAuthorization->tokenUrl = "http://127.0.0.1:9/token";
  oauth2::ClientOptions options;
  options.endpoints_from_metadata = true;
  auto client = oauth2::Client::from_scheme(scheme, oauth2::Flow::deviceAuthorization, url_,
                                            {.client_id = "tv"}, options);
  ASSERT_TRUE(client) << client.errors().message;
  EXPECT_EQ(client->endpoints().device_authorization_url,
            auth_->url_of("/oauth/device_authorization"));
  EXPECT_EQ(client->endpoints().token_url, auth_->url_of("/oauth/token"));
  EXPECT_TRUE(client->start_device_authorization({"tv:watch"}));
}

TEST_F(DeviceFlow, Approved_GivesATokenForTheUser) {
  auto started = client_->start_device_authorization({"tv:watch"});
  ASSERT_TRUE(started) << started.errors().message;
  EXPECT_EQ(started->user_code.size(), 9U);
  EXPECT_EQ(started->user_code[4], '-');
  EXPECT_EQ(started->user_code.find_first_not_of("BCDFGHJKLMNPQRSTVWXZ-"), std::string::npos);
  EXPECT_EQ(started->verification_uri, auth_->url_of("/oauth/device"));
  ASSERT_TRUE(started->verification_uri_complete);
  EXPECT_EQ(started->expires_in, std::chrono::seconds(60));
  EXPECT_EQ(started->interval, std::chrono::seconds(5));

  on_sleep_ = [&] {
    if (sleeps_.size() == 2) {
      // Typed in lower case, as a person might: still the code.
      std::string typed = started->user_code;
      for (auto& ch : typed) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      const auto answer = decide(typed, "allow");
      EXPECT_EQ(answer.status, 200) << answer.body;
      EXPECT_NE(answer.body.find("id=\"done\""), std::string::npos) << answer.body;
    }
  };
  auto token = oauth2::poll_device_token(*client_, *started, fake_time());
  ASSERT_TRUE(token) << token.errors().message;
  EXPECT_EQ(token->scope, std::vector<std::string>{"tv:watch"});
  EXPECT_FALSE(token->refresh_token);  // tv may not refresh
  // Polled once while pending, then got the token: each after the interval.
  EXPECT_EQ(sleeps_,
            (std::vector<std::chrono::seconds>{std::chrono::seconds(5), std::chrono::seconds(5)}));
  // The device code is answered: polling again is invalid_grant.
  auto again = client_->poll_device_token(started->device_code);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.errors().error, "invalid_grant");
}

TEST_F(DeviceFlow, AuthorizeDevice_ShowsTheCodeThenPolls) {
  std::optional<oauth2::DeviceAuthorization> shown;
  oauth2::DeviceFlowOptions options;
  options.scopes = {"tv:watch"};
  options.show_code = [&](const oauth2::DeviceAuthorization& authorization) {
    shown = authorization;
    EXPECT_EQ(decide(authorization.user_code, "allow").status, 200);
  };
  options.poll = fake_time();
  auto token = oauth2::authorize_device(*client_, options);
  ASSERT_TRUE(token) << token.errors().message;
  ASSERT_TRUE(shown);
  EXPECT_EQ(sleeps_.size(), 1U);
}

TEST_F(DeviceFlow, Denied_IsAccessDenied) {
  auto started = client_->start_device_authorization();
  ASSERT_TRUE(started);
  EXPECT_EQ(decide(started->user_code, "deny").status, 200);
  auto token = oauth2::poll_device_token(*client_, *started, fake_time());
  ASSERT_FALSE(token);
  EXPECT_EQ(token.errors().kind, oauth2::GrantError::Kind::refused);
  EXPECT_EQ(token.errors().error, "access_denied");
}

TEST_F(DeviceFlow, NeverApproved_ServerSaysExpiredToken) {
  auto started = client_->start_device_authorization();
  ASSERT_TRUE(started);
  // The server's clock runs ahead of the client's: the server decides the code has expired.
  on_sleep_ = [&] { server_seconds_ += 30; };
  auto token = oauth2::poll_device_token(*client_, *started, fake_time());
  ASSERT_FALSE(token);
  EXPECT_EQ(token.errors().error, "expired_token");
  EXPECT_NE(token.errors().http_status, 0);  // the server's answer
}

TEST_F(DeviceFlow, NeverApproved_ClientStopsAtExpiresIn) {
  auto started = client_->start_device_authorization();
  ASSERT_TRUE(started);
  // The server's clock stands still (so it never expires the code, and answers slow_down):
  // the client stops by itself before its next poll would pass expires_in.
  auto token = oauth2::poll_device_token(*client_, *started, fake_time(false));
  ASSERT_FALSE(token);
  EXPECT_EQ(token.errors().error, "expired_token");
  EXPECT_EQ(token.errors().http_status, 0);  // decided here, not answered
  std::chrono::seconds waited{0};
  for (auto sleep : sleeps_) waited += sleep;
  EXPECT_LE(waited, std::chrono::seconds(60));
  EXPECT_GE(waited, std::chrono::seconds(55));
}

TEST_F(DeviceFlow, PollingTooFast_SlowDownAddsFiveSeconds) {
  auto started = client_->start_device_authorization();
  ASSERT_TRUE(started);
  // The server's clock stands still for the first two sleeps: the second poll comes too soon.
  auto options = fake_time(false);
  on_sleep_ = [&] {
    if (sleeps_.size() == 3) {
      server_seconds_ += 10;
      EXPECT_EQ(decide(started->user_code, "allow").status, 200);
    }
  };
  auto token = oauth2::poll_device_token(*client_, *started, options);
  ASSERT_TRUE(token) << token.errors().message;
  EXPECT_EQ(sleeps_,
            (std::vector<std::chrono::seconds>{std::chrono::seconds(5), std::chrono::seconds(5),
                                               std::chrono::seconds(10)}));
}

TEST_F(DeviceFlow, WrongUserCodeOrPassword_KeepsThePage) {
  auto started = client_->start_device_authorization();
  ASSERT_TRUE(started);
  auto wrong_code = decide("BBBB-BBBB", "allow");
  EXPECT_NE(wrong_code.body.find("id=\"error\""), std::string::npos);
  auto wrong_password = decide(started->user_code, "allow", "nope");
  EXPECT_NE(wrong_password.body.find("wrong"), std::string::npos);
  auto pending = client_->poll_device_token(started->device_code);
  ASSERT_FALSE(pending);
  EXPECT_EQ(pending.errors().error, "authorization_pending");
}

TEST_F(DeviceFlow, Cancelled_StopsPolling) {
  auto started = client_->start_device_authorization();
  ASSERT_TRUE(started);
  std::stop_source stop;
  auto options = fake_time();
  options.stop = stop.get_token();
  on_sleep_ = [&] { stop.request_stop(); };
  auto token = oauth2::poll_device_token(*client_, *started, options);
  ASSERT_FALSE(token);
  EXPECT_EQ(token.errors().kind, oauth2::GrantError::Kind::unavailable);
  EXPECT_EQ(sleeps_.size(), 1U);
}

}  // namespace
}  // namespace oaskit::test
