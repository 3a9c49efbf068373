#include "oaskit/security/introspection.hpp"

#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>
#include <fstream>
#include <iterator>
#include <map>
#include <mutex>
#include <thread>

#include "http/basic_auth.hpp"
#include "security/introspection_answer.hpp"
#include "security/token_cache.hpp"
#include "support/scripted_server.hpp"

namespace oaskit::security {
namespace {

using std::chrono::seconds;
using test::ScriptedServer;
using test::ServerRequest;
using test::ServerResponse;
using TimePoint = std::chrono::system_clock::time_point;

const TimePoint kStart{seconds(1'700'000'000)};

std::int64_t unix_time(TimePoint time) {
  return std::chrono::duration_cast<seconds>(time.time_since_epoch()).count();
}

ServerResponse json(const boost::json::object& body, int status = 200) {
  return {.status = status,
          .headers = {{"Content-Type", "application/json"}},
          .body = boost::json::serialize(body)};
}

// An introspection endpoint answering per token (the form-encoded `token` field), and a clock
// the test moves.
class Introspection : public ::testing::Test {
 protected:
  void answer(const std::string& token, ServerResponse response) {
    const std::lock_guard lock(mutex_);
    answers_[token] = std::move(response);
  }

  IntrospectionOptions options() {
    IntrospectionOptions result;
    result.endpoint = server_.url("/introspect");
    result.client_id = "resource-server";
    result.client_secret = "s3cret";
    result.http.timeout = std::chrono::milliseconds(2000);
    result.clock = [this] { return now_; };
    return result;
  }

  boost::json::object active_answer(seconds lifetime = seconds(3600)) const {
    return {{"active", true},
            {"sub", "alice"},
            {"client_id", "app"},
            {"scope", "pets:read pets:write"},
            {"iss", "https://issuer.example"},
            {"aud", boost::json::array{"api", "other"}},
            {"exp", unix_time(now_ + lifetime)}};
  }

  TimePoint now_ = kStart;
  ScriptedServer server_{[this](const ServerRequest& request) {
    const auto start = request.body.find("token=");
    const auto end = request.body.find('&', start);
    const std::string token = request.body.substr(start + 6, end - start - 6);
    const std::lock_guard lock(mutex_);
    const auto found = answers_.find(token);
    return found != answers_.end() ? found->second : json({{"active", false}});
  }};

 private:
  std::mutex mutex_;
  std::map<std::string, ServerResponse> answers_;
};

TEST_F(Introspection, ActiveToken_GivesItsIdentity) {
  answer("tok", json(active_answer()));
  IntrospectionVerifier verifier(options());
  auto identity = verifier.verify("tok");
  ASSERT_TRUE(identity) << identity.errors().message << identity.errors().internal;
  EXPECT_EQ(identity->subject, "alice");
  EXPECT_EQ(identity->client_id, "app");
  EXPECT_EQ(identity->scopes, (std::vector<std::string>{"pets:read", "pets:write"}));
  EXPECT_EQ(identity->expires_at, now_ + seconds(3600));
  EXPECT_EQ(identity->claims.at("sub"), "alice");
  EXPECT_TRUE(identity->header.empty());
}

TEST_F(Introspection, PostsTheTokenAsAFormWithBasicClientAuthentication) {
  auto config = options();
  config.client_id = "my:client%id";
  config.client_secret = "sé:cret pass";
  IntrospectionVerifier verifier(std::move(config));
  (void)verifier.verify("a+b/c=");
  ASSERT_EQ(server_.request_count(), 1U);
  const auto request = server_.requests()[0];
  EXPECT_EQ(request.method, "POST");
  EXPECT_EQ(request.target, "/introspect");
  EXPECT_EQ(request.body, "token=a%2Bb%2Fc%3D&token_type_hint=access_token");
  EXPECT_EQ(request.header("Content-Type"), "application/x-www-form-urlencoded");
  EXPECT_EQ(request.header("Accept"), "application/json");
  EXPECT_EQ(request.header("Authorization"),
            "Basic bXklM0FjbGllbnQlMjVpZDpzJUMzJUE5JTNBY3JldCtwYXNz");
}

TEST_F(Introspection, ClientSecretPost_PutsTheCredentialsInTheBody) {
  auto config = options();
  config.authentication = ClientAuthentication::client_secret_post;
  IntrospectionVerifier verifier(std::move(config));
  (void)verifier.verify("tok");
  ASSERT_EQ(server_.request_count(), 1U);
  const auto request = server_.requests()[0];
  EXPECT_EQ(
      request.body,
      "token=tok&token_type_hint=access_token&client_id=resource-server&client_secret=s3cret");
  EXPECT_FALSE(request.header("Authorization"));
}

TEST_F(Introspection, InactiveToken_IsRefusedAsInactive) {
  IntrospectionVerifier verifier(options());
  auto result = verifier.verify("unknown");
  ASSERT_FALSE(result);
  EXPECT_EQ(result.errors().check, TokenCheck::inactive);
  EXPECT_EQ(result.errors().message, "the token is not active");
}

TEST_F(Introspection, UnusableAnswers_AreUnavailableWithoutEchoingTheToken) {
  const std::vector<std::pair<ServerResponse, std::string>> cases = {
      {{.status = 200, .headers = {}, .body = "{not json secret-token"}, "not JSON"},
      {json({{"active", true}}, 500), "HTTP status 500"},
      {{.status = 200, .headers = {}, .body = R"({"active": false, "active": true})"}, "not JSON"},
      {{.status = 200, .headers = {}, .body = "[true]"}, "not a JSON object"},
      {json({{"active", "true"}}), "no boolean \"active\""},
      {json({{"sub", "x"}}), "no boolean \"active\""},
      {json({{"active", true}, {"exp", "tomorrow"}}), "\"exp\" is not a number"},
      {{.status = 307, .headers = {{"Location", "/elsewhere"}}, .body = {}}, "HTTP status 307"}};
  for (const auto& [response, why] : cases) {
    answer("secret-token", response);
    IntrospectionVerifier verifier(options());
    auto result = verifier.verify("secret-token");
    ASSERT_FALSE(result) << why;
    EXPECT_EQ(result.errors().check, TokenCheck::unavailable) << why;
    EXPECT_NE(result.errors().internal.find(why), std::string::npos) << result.errors().internal;
    EXPECT_EQ(result.errors().internal.find("secret-token"), std::string::npos);
    EXPECT_EQ(result.errors().message.find("secret-token"), std::string::npos);
  }
}

TEST_F(Introspection, ActiveAnswerPastExp_IsRefusedWithExp) {
  answer("old", json(active_answer(seconds(-1))));
  IntrospectionVerifier verifier(options());
  auto result = verifier.verify("old");
  ASSERT_FALSE(result);
  EXPECT_EQ(result.errors().check, TokenCheck::exp);
}

TEST_F(Introspection, ConfiguredIssuerAudienceAndScopes_AreChecked) {
  auto answer_with = active_answer();
  answer("tok", json(answer_with));
  answer_with["aud"] = "api";
  answer("single-aud", json(answer_with));
  const auto check = [&](IntrospectionOptions config, const char* token) {
    return IntrospectionVerifier(std::move(config)).verify(token);
  };

  auto config = options();
  config.issuer = "https://issuer.example";
  config.audience = "api";
  config.required_scopes = {"pets:write"};
  EXPECT_TRUE(check(config, "tok"));
  EXPECT_TRUE(check(config, "single-aud"));

  auto wrong = config;
  wrong.issuer = "https://other.example";
  EXPECT_EQ(check(wrong, "tok").errors().check, TokenCheck::iss);
  wrong = config;
  wrong.audience = "payments";
  EXPECT_EQ(check(wrong, "tok").errors().check, TokenCheck::aud);
  EXPECT_EQ(check(wrong, "single-aud").errors().check, TokenCheck::aud);
  wrong = config;
  wrong.required_scopes = {"pets:read", "admin"};
  auto missing = check(wrong, "tok");
  EXPECT_EQ(missing.errors().check, TokenCheck::scope);
  EXPECT_NE(missing.errors().message.find("'admin'"), std::string::npos);
}

TEST_F(Introspection, SecondVerifyWithinTtl_MakesNoRequest_AndOneAfterItDoes) {
  answer("tok", json(active_answer()));
  auto config = options();
  config.cache_ttl = seconds(60);
  IntrospectionVerifier verifier(std::move(config));
  EXPECT_TRUE(verifier.verify("tok"));
  now_ += seconds(59);
  EXPECT_TRUE(verifier.verify("tok"));
  EXPECT_EQ(verifier.request_count(), 1U);
  now_ += seconds(1);
  EXPECT_TRUE(verifier.verify("tok"));
  EXPECT_EQ(verifier.request_count(), 2U);
}

TEST_F(Introspection, CachedAnswer_ExpiresAtTheTokensExp) {
  answer("short", json(active_answer(seconds(10))));
  IntrospectionVerifier verifier(options());  // cache_ttl 60 s
  EXPECT_TRUE(verifier.verify("short"));
  now_ += seconds(9);
  EXPECT_TRUE(verifier.verify("short"));
  EXPECT_EQ(verifier.request_count(), 1U);
  now_ += seconds(1);
  auto expired = verifier.verify("short");
  EXPECT_EQ(verifier.request_count(), 2U);
  ASSERT_FALSE(expired);
  EXPECT_EQ(expired.errors().check, TokenCheck::exp);
}

TEST_F(Introspection, InactiveAnswersAreCached_FailuresAreNot) {
  IntrospectionVerifier verifier(options());
  EXPECT_FALSE(verifier.verify("bad"));
  EXPECT_FALSE(verifier.verify("bad"));
  EXPECT_EQ(verifier.request_count(), 1U);

  answer("flaky", json({{"active", true}}, 503));
  EXPECT_FALSE(verifier.verify("flaky"));
  EXPECT_FALSE(verifier.verify("flaky"));
  EXPECT_EQ(verifier.request_count(), 3U);
}

TEST_F(Introspection, ZeroTtl_AsksEveryTime) {
  answer("tok", json(active_answer()));
  auto config = options();
  config.cache_ttl = seconds(0);
  IntrospectionVerifier verifier(std::move(config));
  EXPECT_TRUE(verifier.verify("tok"));
  EXPECT_TRUE(verifier.verify("tok"));
  EXPECT_EQ(verifier.request_count(), 2U);
}

TEST_F(Introspection, CacheHoldsAtMostCapacity_EvictingExpiredFirstThenLeastRecentlyUsed) {
  answer("t1", json(active_answer(seconds(5))));
  answer("t2", json(active_answer()));
  answer("t3", json(active_answer()));
  answer("t4", json(active_answer()));
  auto config = options();
  config.cache_capacity = 2;
  IntrospectionVerifier verifier(std::move(config));
  for (const char* token : {"t1", "t2"}) EXPECT_TRUE(verifier.verify(token));
  now_ += seconds(6);                  // t1's answer expires with the token
  EXPECT_TRUE(verifier.verify("t3"));  // full: the expired t1 goes, not the older t2
  EXPECT_TRUE(verifier.verify("t2"));
  EXPECT_EQ(verifier.request_count(), 3U);
  EXPECT_TRUE(verifier.verify("t4"));  // full, nothing expired: t3, used least recently, goes
  EXPECT_TRUE(verifier.verify("t2"));
  EXPECT_EQ(verifier.request_count(), 4U);
  EXPECT_TRUE(verifier.verify("t3"));
  EXPECT_EQ(verifier.request_count(), 5U);
}

TEST_F(Introspection, ConcurrentVerifyFromEightThreads_AllSucceed) {
  const std::vector<std::string> tokens = {"c1", "c2", "c3", "c4"};
  for (const auto& token : tokens) answer(token, json(active_answer()));
  IntrospectionVerifier verifier(options());
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  threads.reserve(8);
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 25; ++i) {
        const auto& token = tokens[static_cast<std::size_t>(t + i) % tokens.size()];
        auto identity = verifier.verify(token);
        if (!identity || identity->subject != "alice") ++failures;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(failures.load(), 0);
  // Each token is asked for at least once, and at most once per thread that raced for it.
  EXPECT_GE(verifier.request_count(), tokens.size());
  EXPECT_LE(verifier.request_count(), tokens.size() * 8);
}

// Found by fuzz/responses_fuzz.cpp (tests/data/fuzz/introspection-exp-after-2262.json): an
// "exp" after April 2262 overflowed system_clock's nanoseconds (undefined behaviour); so did
// any number of seconds beyond about 292 years either way. Such dates are clamped to 1970..2200.
TEST(IntrospectionAnswer, ExpBeyondWhatTheClockHolds_IsClampedTo1970And2200) {
  std::ifstream file(OASKIT_TEST_DATA "/fuzz/introspection-exp-after-2262.json");
  const std::string found_by_fuzzing((std::istreambuf_iterator<char>(file)), {});
  const TimePoint year_2200{seconds(7'258'118'400)};
  const auto exp_of = [](const std::string& body) {
    auto answer = detail::introspection_answer({.status = 200, .headers = {}, .body = body});
    EXPECT_TRUE(answer) << body;
    return answer ? detail::introspection_exp(*answer) : std::nullopt;
  };
  EXPECT_EQ(exp_of(found_by_fuzzing), year_2200);
  EXPECT_EQ(exp_of(R"({"active": true, "exp": 1e300})"), year_2200);
  EXPECT_EQ(exp_of(R"({"active": true, "exp": 18446744073709551615})"), year_2200);
  EXPECT_EQ(exp_of(R"({"active": true, "exp": -1e300})"), TimePoint{});
  EXPECT_EQ(exp_of(R"({"active": true, "exp": -9223372036854775808})"), TimePoint{});
  EXPECT_EQ(exp_of(R"({"active": true, "exp": 1700000000.5})"),
            TimePoint{std::chrono::milliseconds(1'700'000'000'500)});

  // Accepted with that expiry; and one in 1969 is expired.
  IntrospectionOptions options;
  auto far = detail::introspection_answer(
      {.status = 200, .headers = {}, .body = R"({"active": true, "exp": 99999999999})"});
  ASSERT_TRUE(far);
  const auto identity = detail::judge_introspection(*far, options, kStart);
  ASSERT_TRUE(identity) << identity.errors().message;
  EXPECT_EQ(identity->expires_at, year_2200);
  auto past = detail::introspection_answer(
      {.status = 200, .headers = {}, .body = R"({"active": true, "exp": -1})"});
  ASSERT_TRUE(past);
  EXPECT_EQ(detail::judge_introspection(*past, options, kStart).errors().check, TokenCheck::exp);
}

}  // namespace
}  // namespace oaskit::security
