// perform_with_token: the bearer token on the caller's libcurl handle, and one retry with a new
// token when the API says the first is invalid (RFC 6750 §3.1).

#include "oaskit/oauth2/bearer.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <string>

#include "support/scripted_server.hpp"

namespace oaskit::oauth2 {
namespace {

using test::ScriptedServer;
using test::ServerRequest;
using test::ServerResponse;

// A token endpoint handing out t1, t2, ...; and an API that accepts only the tokens in `valid`.
class BearerTest : public ::testing::Test {
 protected:
  std::shared_ptr<TokenSource> source() {
    auto client =
        Client::from_endpoints({.token_url = tokens_.url("/token")}, {"app", ClientSecret{"s"}});
    return TokenSource::client_credentials(std::move(*client));
  }
  // Performs GET /data on the API; the body collected, reset before a retry.
  Result<BearerOutcome, GrantError> get(TokenSource& source, std::string& body) {
    CURL* h = curl_easy_init();
    const std::string url = api_.url("/data");
    curl_easy_setopt(h, CURLOPT_URL, url.c_str());
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &body);
    curl_easy_setopt(
        h, CURLOPT_WRITEFUNCTION, +[](char* data, size_t size, size_t count, void* out) {
          static_cast<std::string*>(out)->append(data, size * count);
          return size * count;
        });
    auto outcome = perform_with_token(h, source, [&body] { body.clear(); });
    curl_easy_cleanup(h);
    return outcome;
  }

  std::atomic<int> issued_{0};
  std::string valid_ = "t2";
  std::string challenge_ = R"(Bearer error="invalid_token", error_description="revoked")";
  ScriptedServer tokens_{[this](const ServerRequest&) {
    return ServerResponse{.status = 200,
                          .headers = {{"Content-Type", "application/json"}},
                          .body = R"({"access_token":"t)" + std::to_string(++issued_) +
                                  R"(","token_type":"Bearer","expires_in":600})"};
  }};
  ScriptedServer api_{[this](const ServerRequest& request) {
    if (request.header("Authorization") == "Bearer " + valid_) {
      return ServerResponse{.status = 200, .body = "pets"};
    }
    return ServerResponse{
        .status = 401, .headers = {{"WWW-Authenticate", challenge_}}, .body = "no"};
  }};
};

TEST_F(BearerTest, RefusedToken_IsReplacedOnceAndTheRequestSentAgain) {
  auto tokens = source();
  std::string body;
  const auto outcome = get(*tokens, body);
  ASSERT_TRUE(outcome) << outcome.errors().message;
  EXPECT_EQ(outcome->code, CURLE_OK);
  EXPECT_EQ(outcome->status, 200);
  EXPECT_TRUE(outcome->retried);
  EXPECT_EQ(body, "pets");  // the 401's body was dropped before the retry
  const auto requests = api_.requests();
  ASSERT_EQ(requests.size(), 2U);
  EXPECT_EQ(requests[0].header("Authorization"), "Bearer t1");
  EXPECT_EQ(requests[1].header("Authorization"), "Bearer t2");

  // t2 stays cached: the next call needs no new token.
  body.clear();
  EXPECT_FALSE(get(*tokens, body)->retried);
  EXPECT_EQ(issued_.load(), 2);
}

TEST_F(BearerTest, OnlyOneRetry) {
  valid_ = "none";
  auto tokens = source();
  std::string body;
  const auto outcome = get(*tokens, body);
  ASSERT_TRUE(outcome);
  EXPECT_EQ(outcome->status, 401);
  EXPECT_TRUE(outcome->retried);
  EXPECT_EQ(api_.request_count(), 2U);
}

TEST_F(BearerTest, UnauthorizedForAnotherReason_IsNotRetried) {
  valid_ = "none";
  challenge_ = R"(Bearer realm="api")";  // no credentials accepted at all: a new token won't help
  auto tokens = source();
  std::string body;
  const auto outcome = get(*tokens, body);
  ASSERT_TRUE(outcome);
  EXPECT_EQ(outcome->status, 401);
  EXPECT_FALSE(outcome->retried);
  EXPECT_EQ(api_.request_count(), 1U);
}

TEST_F(BearerTest, InvalidTokenOutsideABearerErrorParameter_IsNotRetried) {
  valid_ = "none";
  // "invalid_token" in a realm, or as another scheme's error: the Bearer token was not refused.
  challenge_ = R"(Bearer realm="invalid_token docs", Custom error="invalid_token")";
  auto tokens = source();
  std::string body;
  const auto outcome = get(*tokens, body);
  ASSERT_TRUE(outcome);
  EXPECT_FALSE(outcome->retried);
  EXPECT_EQ(api_.request_count(), 1U);
}

TEST_F(BearerTest, BearerChallengeAfterAnother_AndSchemeInAnyCase_IsRead) {
  challenge_ = R"(Basic realm="api", bearer realm="api", ERROR=invalid_token)";
  auto tokens = source();
  std::string body;
  const auto outcome = get(*tokens, body);
  ASSERT_TRUE(outcome);
  EXPECT_TRUE(outcome->retried);
  EXPECT_EQ(outcome->status, 200);
}

TEST_F(BearerTest, NoTokenToBeHad_IsTheGrantError) {
  auto client = Client::from_endpoints({.token_url = api_.url("/missing-token-endpoint")},
                                       {"app", ClientSecret{"s"}});
  auto tokens = TokenSource::client_credentials(std::move(*client), {.retry = {.attempts = 1}});
  std::string body;
  const auto outcome = get(*tokens, body);
  ASSERT_FALSE(outcome);
  EXPECT_EQ(outcome.errors().kind, GrantError::Kind::bad_response);
}

}  // namespace
}  // namespace oaskit::oauth2
