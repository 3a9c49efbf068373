// TokenSource against a scripted token endpoint: caching until shortly before expiry, one
// request however many threads need a token, retries with backoff on what may pass (and never
// on refusals), refresh-token rotation, and invalidation.

#include "oaskit/oauth2/token_source.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <boost/json/serialize.hpp>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "support/scripted_server.hpp"

namespace oaskit::oauth2 {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;
using test::ScriptedServer;
using test::ServerRequest;
using test::ServerResponse;
using Kind = GrantError::Kind;

ServerResponse token_answer(const std::string& access_token, int expires_in = 600,
                            const std::string& refresh_token = "") {
  boost::json::object body{{"access_token", access_token}, {"token_type", "Bearer"}};
  if (expires_in >= 0) body["expires_in"] = expires_in;
  if (!refresh_token.empty()) body["refresh_token"] = refresh_token;
  return {.status = 200,
          .headers = {{"Content-Type", "application/json"}},
          .body = boost::json::serialize(body)};
}

ServerResponse status_answer(int status,
                             std::vector<std::pair<std::string, std::string>> headers = {},
                             std::string body = "") {
  return {.status = status, .headers = std::move(headers), .body = std::move(body)};
}

// A token endpoint that answers from a script (then "t<n>" tokens), and a clock and sleep the
// test controls.
class TokenSourceTest : public ::testing::Test {
 protected:
  void script(std::vector<ServerResponse> answers) {
    const std::lock_guard lock(mutex_);
    answers_.assign(answers.begin(), answers.end());
  }
  Client client(ClientCredentials credentials = {"app", ClientSecret{"s"}}) const {
    ClientOptions options;
    options.http.timeout = milliseconds(5000);
    auto made = Client::from_endpoints({.token_url = server_.url("/token")}, std::move(credentials),
                                       options);
    if (!made) throw std::runtime_error(made.errors().message);
    return std::move(*made);
  }
  TokenSourceOptions options() {
    TokenSourceOptions result;
    result.clock = [this] { return now(); };
    result.sleep = [this](milliseconds wait) {
      const std::lock_guard lock(mutex_);
      sleeps_.push_back(wait);
    };
    return result;
  }
  std::chrono::system_clock::time_point now() const {
    return std::chrono::system_clock::time_point(seconds(1'800'000'000) + seconds(offset_.load()));
  }
  void advance(seconds by) { offset_ += by.count(); }
  std::vector<milliseconds> sleeps() const {
    const std::lock_guard lock(mutex_);
    return sleeps_;
  }

  std::atomic<std::int64_t> offset_{0};
  std::atomic<int> delay_ms_{0};
  mutable std::mutex mutex_;
  std::deque<ServerResponse> answers_;
  std::vector<milliseconds> sleeps_;
  int issued_ = 0;
  ScriptedServer server_{[this](const ServerRequest&) {
    if (const int delay = delay_ms_.load(); delay > 0) {
      std::this_thread::sleep_for(milliseconds(delay));
    }
    const std::lock_guard lock(mutex_);
    if (!answers_.empty()) {
      auto next = answers_.front();
      answers_.pop_front();
      return next;
    }
    return token_answer("t" + std::to_string(++issued_));
  }};
};

TEST_F(TokenSourceTest, CachedToken_IsHandedOutUntilShortlyBeforeExpiry) {
  auto source = TokenSource::client_credentials(client(), options());
  const auto first = source->token();
  ASSERT_TRUE(first) << first.errors().message;
  EXPECT_EQ((*first)->value, "t1");
  EXPECT_EQ((*first)->expires_at, now() + seconds(600));
  advance(seconds(539));
  EXPECT_EQ((*source->token())->value, "t1");
  EXPECT_EQ(server_.request_count(), 1U);
  advance(seconds(1));  // 60 s (refresh_ahead) before expiry
  EXPECT_EQ((*source->token())->value, "t2");
  EXPECT_EQ(server_.request_count(), 2U);
}

TEST_F(TokenSourceTest, ShortLifetimes_AreRefreshedAtHalfTime) {
  script({token_answer("short", 20)});
  auto source = TokenSource::client_credentials(client(), options());
  EXPECT_EQ((*source->token())->value, "short");
  advance(seconds(9));
  EXPECT_EQ((*source->token())->value, "short");
  advance(seconds(1));
  EXPECT_EQ((*source->token())->value, "t1");
}

TEST_F(TokenSourceTest, NoExpiresIn_AssumesTheConfiguredLifetime) {
  script({token_answer("forever", -1)});
  auto opts = options();
  opts.assumed_lifetime = seconds(120);
  auto source = TokenSource::client_credentials(client(), opts);
  const auto token = source->token();
  ASSERT_TRUE(token);
  EXPECT_EQ((*token)->expires_at, now() + seconds(120));
}

TEST_F(TokenSourceTest, SixtyFourThreadsAtExpiry_MakeOneRequest) {
  auto source = TokenSource::client_credentials(client(), options());
  ASSERT_TRUE(source->token());
  advance(seconds(601));  // expired
  delay_ms_ = 200;        // the answer takes a while: every thread arrives during it
  std::atomic<int> ready{0};
  std::vector<std::shared_ptr<const AccessToken>> got(64);
  std::vector<std::thread> threads;
  threads.reserve(got.size());
  for (std::size_t i = 0; i < got.size(); ++i) {
    threads.emplace_back([&, i] {
      ++ready;
      while (ready.load() < static_cast<int>(got.size())) std::this_thread::yield();
      auto token = source->token();
      if (token) got[i] = *token;
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(server_.request_count(), 2U);  // the first token, and one for all 64
  for (const auto& token : got) {
    ASSERT_NE(token, nullptr);
    EXPECT_EQ(token->value, "t2");
    EXPECT_EQ(token.get(), got.front().get());
  }
}

TEST_F(TokenSourceTest, DueButValid_OneThreadRefreshesWhileTheOthersKeepTheOldToken) {
  auto source = TokenSource::client_credentials(client(), options());
  ASSERT_TRUE(source->token());
  advance(seconds(550));  // due (refresh_at = 540), valid until 600
  delay_ms_ = 300;
  std::thread refresher([&] { EXPECT_EQ((*source->token())->value, "t2"); });
  std::this_thread::sleep_for(milliseconds(100));
  const auto started = std::chrono::steady_clock::now();
  EXPECT_EQ((*source->token())->value, "t1");  // not blocked by the refresh
  EXPECT_LT(std::chrono::steady_clock::now() - started, milliseconds(150));
  refresher.join();
  EXPECT_EQ((*source->token())->value, "t2");
  EXPECT_EQ(server_.request_count(), 2U);
}

TEST_F(TokenSourceTest, ServerErrors_AreRetriedWithGrowingJitteredDelays) {
  script({status_answer(503), status_answer(500), status_answer(502)});
  auto source = TokenSource::client_credentials(client(), options());
  const auto token = source->token();
  ASSERT_TRUE(token) << token.errors().message;
  EXPECT_EQ((*token)->value, "t1");
  EXPECT_EQ(server_.request_count(), 4U);
  const auto waits = sleeps();
  ASSERT_EQ(waits.size(), 3U);
  const milliseconds bases[] = {milliseconds(200), milliseconds(400), milliseconds(800)};
  for (std::size_t i = 0; i < waits.size(); ++i) {
    EXPECT_GE(waits[i], bases[i] / 2) << i;
    EXPECT_LE(waits[i], bases[i]) << i;
  }
}

TEST_F(TokenSourceTest, TooManyRequests_WaitsAsRetryAfterSays) {
  script({status_answer(429, {{"Retry-After", "3"}})});
  auto source = TokenSource::client_credentials(client(), options());
  ASSERT_TRUE(source->token());
  ASSERT_EQ(sleeps().size(), 1U);
  EXPECT_EQ(sleeps()[0], seconds(3));
}

TEST_F(TokenSourceTest, RetryAfterBeyondThePolicy_EndsTheAttempts) {
  script({status_answer(503, {{"Retry-After", "3600"}})});
  auto source = TokenSource::client_credentials(client(), options());
  const auto token = source->token();
  ASSERT_FALSE(token);
  EXPECT_EQ(token.errors().kind, Kind::unavailable);
  EXPECT_EQ(token.errors().retry_after, seconds(3600));
  EXPECT_TRUE(sleeps().empty());
  EXPECT_EQ(server_.request_count(), 1U);
}

TEST_F(TokenSourceTest, Refusals_AreNeverRetried) {
  for (const char* error : {"invalid_client", "invalid_grant", "invalid_scope"}) {
    script({status_answer(400, {{"Content-Type", "application/json"}},
                          std::string(R"({"error":")") + error + "\"}")});
    const auto before = server_.request_count();
    auto source = TokenSource::client_credentials(client(), options());
    const auto token = source->token();
    ASSERT_FALSE(token) << error;
    EXPECT_EQ(token.errors().kind, Kind::refused);
    EXPECT_EQ(token.errors().error, error);
    EXPECT_EQ(server_.request_count(), before + 1) << error;
  }
  EXPECT_TRUE(sleeps().empty());
}

TEST_F(TokenSourceTest, PersistentFailure_GivesUpAfterTheAttempts) {
  script({status_answer(500), status_answer(500), status_answer(500), status_answer(500),
          status_answer(500)});
  auto source = TokenSource::client_credentials(client(), options());
  const auto token = source->token();
  ASSERT_FALSE(token);
  EXPECT_EQ(token.errors().kind, Kind::unavailable);
  EXPECT_EQ(server_.request_count(), 4U);  // RetryPolicy::attempts
}

TEST_F(TokenSourceTest, RefreshingSource_UsesAndKeepsTheRotatedRefreshToken) {
  TokenResponse initial{.access_token = "a0",
                        .token_type = "Bearer",
                        .expires_in = seconds(100),
                        .refresh_token = "r0"};
  script({token_answer("a1", 100, "r1"), token_answer("a2", 100)});
  auto source = TokenSource::refreshing(client({"cli", PublicClient{}}), initial, options());
  EXPECT_EQ((*source->token())->value, "a0");
  EXPECT_EQ(server_.request_count(), 0U);
  advance(seconds(100));
  EXPECT_EQ((*source->token())->value, "a1");
  advance(seconds(100));
  EXPECT_EQ((*source->token())->value, "a2");
  const auto requests = server_.requests();
  ASSERT_EQ(requests.size(), 2U);
  EXPECT_NE(requests[0].body.find("refresh_token=r0"), std::string::npos);
  EXPECT_NE(requests[1].body.find("refresh_token=r1"), std::string::npos);
  EXPECT_NE(requests[1].body.find("grant_type=refresh_token"), std::string::npos);
}

TEST_F(TokenSourceTest, Invalidate_MakesTheNextCallFetch) {
  auto source = TokenSource::client_credentials(client(), options());
  const auto first = *source->token();
  source->invalidate(*first);
  EXPECT_EQ((*source->token())->value, "t2");
  source->invalidate(*first);  // already replaced: nothing happens
  EXPECT_EQ((*source->token())->value, "t2");
  EXPECT_EQ(server_.request_count(), 2U);
}

}  // namespace
}  // namespace oaskit::oauth2
