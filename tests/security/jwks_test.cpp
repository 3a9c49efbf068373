#include "oaskit/security/jwks.hpp"

#include <gtest/gtest.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>

#include <atomic>
#include <boost/json/serialize.hpp>
#include <mutex>
#include <thread>

#include "support/scripted_server.hpp"

namespace oaskit::security {
namespace {

using std::chrono::seconds;
using test::ScriptedServer;
using test::ServerRequest;
using test::ServerResponse;

// A fresh P-256 public key as a JWK.
boost::json::object ec_public_jwk(const std::string& kid) {
  EVP_PKEY* key = EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256");
  unsigned char point[65] = {};  // 0x04 ‖ x ‖ y
  std::size_t length = 0;
  const bool ok =
      key != nullptr && EVP_PKEY_get_octet_string_param(key, OSSL_PKEY_PARAM_PUB_KEY, point,
                                                        sizeof point, &length) == 1;
  EVP_PKEY_free(key);
  if (!ok || length != sizeof point) throw std::runtime_error("could not make an EC key");
  const auto* bytes = reinterpret_cast<const char*>(point);
  return {{"kty", "EC"},
          {"crv", "P-256"},
          {"kid", kid},
          {"use", "sig"},
          {"alg", "ES256"},
          {"x", jose::base64url_encode(std::string_view(bytes + 1, 32))},
          {"y", jose::base64url_encode(std::string_view(bytes + 33, 32))}};
}

std::string jwks(std::initializer_list<const char*> kids) {
  boost::json::array keys;
  for (const char* kid : kids) keys.push_back(ec_public_jwk(kid));
  return boost::json::serialize(boost::json::object{{"keys", std::move(keys)}});
}

// A JWKS endpoint whose answer the test changes, and a steady clock the test
// moves.
class Jwks : public ::testing::Test {
 protected:
  void serve(std::string body, std::string cache_control = "", int status = 200) {
    const std::lock_guard lock(mutex_);
    response_ = {.status = status, .headers = {}, .body = std::move(body)};
    if (!cache_control.empty()) response_.headers.emplace_back("Cache-Control", cache_control);
  }

  JwksSourceOptions options() {
    JwksSourceOptions result;
    result.http.timeout = std::chrono::milliseconds(2000);
    result.clock = [this] { return now_; };
    return result;
  }

  std::shared_ptr<JwksSource> source() {
    return JwksSource::from_url(server_.url("/keys"), options());
  }

  static bool has(const Result<std::shared_ptr<const jose::KeySet>, TokenError>& keys,
                  const char* kid) {
    return keys && (*keys)->has_kid(kid);
  }

  std::chrono::steady_clock::time_point now_{};
  std::atomic<int> delay_ms_{0};
  ScriptedServer server_{[this](const ServerRequest&) {
    if (delay_ms_ > 0) std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms_));
    const std::lock_guard lock(mutex_);
    return response_;
  }};

 private:
  std::mutex mutex_;
  ServerResponse response_;
};

TEST_F(Jwks, FetchesOnFirstUse_NotBefore) {
  serve(jwks({"k1"}));
  auto keys = source();
  EXPECT_EQ(keys->fetch_count(), 0u);
  auto set = keys->keys();
  ASSERT_TRUE(set) << set.errors().internal;
  EXPECT_TRUE((*set)->has_kid("k1"));
  EXPECT_EQ(keys->fetch_count(), 1u);
  ASSERT_EQ(server_.request_count(), 1u);
  EXPECT_EQ(server_.requests()[0].method, "GET");
}

TEST_F(Jwks, KeysAreKeptForTheirMaxAge) {
  serve(jwks({"k1"}), "public, max-age=120");
  auto keys = source();
  EXPECT_TRUE(keys->keys());
  now_ += seconds(119);
  EXPECT_TRUE(keys->keys());
  EXPECT_EQ(keys->fetch_count(), 1u);
  serve(jwks({"k2"}), "max-age=120");
  now_ += seconds(1);
  EXPECT_TRUE(has(keys->keys(), "k2"));
  EXPECT_EQ(keys->fetch_count(), 2u);
}

TEST_F(Jwks, MaxAgeIsClampedToTheConfiguredBounds) {
  auto config = options();
  config.min_max_age = seconds(30);
  config.max_max_age = seconds(600);
  auto keys = JwksSource::from_url(server_.url("/keys"), config);
  serve(jwks({"k1"}), "max-age=5");
  EXPECT_TRUE(keys->keys());
  now_ += seconds(29);
  EXPECT_TRUE(keys->keys());
  EXPECT_EQ(keys->fetch_count(), 1u);
  serve(jwks({"k1"}), "max-age=999999");
  now_ += seconds(1);
  EXPECT_TRUE(keys->keys());
  EXPECT_EQ(keys->fetch_count(), 2u);
  now_ += seconds(599);
  EXPECT_TRUE(keys->keys());
  EXPECT_EQ(keys->fetch_count(), 2u);
  now_ += seconds(1);
  EXPECT_TRUE(keys->keys());
  EXPECT_EQ(keys->fetch_count(), 3u);
}

TEST_F(Jwks, WithoutCachingHeaders_DefaultMaxAgeApplies) {
  serve(jwks({"k1"}));
  auto keys = source();  // default_max_age 300 s
  EXPECT_TRUE(keys->keys());
  now_ += seconds(299);
  EXPECT_TRUE(keys->keys());
  EXPECT_EQ(keys->fetch_count(), 1u);
  now_ += seconds(1);
  EXPECT_TRUE(keys->keys());
  EXPECT_EQ(keys->fetch_count(), 2u);
}

TEST_F(Jwks, UnknownKidRefetch_IsRateLimited) {
  serve(jwks({"k1"}));
  auto keys = source();  // min_refetch_interval 60 s
  EXPECT_TRUE(keys->keys());
  serve(jwks({"k1", "k2"}));
  now_ += seconds(10);
  EXPECT_FALSE(has(keys->refresh_for_unknown_kid(), "k2"));
  EXPECT_FALSE(has(keys->refresh_for_unknown_kid(), "k2"));
  EXPECT_EQ(keys->fetch_count(), 1u);
  now_ += seconds(50);
  EXPECT_TRUE(has(keys->refresh_for_unknown_kid(), "k2"));
  EXPECT_TRUE(has(keys->refresh_for_unknown_kid(), "k2"));
  EXPECT_EQ(keys->fetch_count(), 2u);
}

TEST_F(Jwks, ServerFailing_KeepsTheLastGoodSetAndRetriesAfterTheInterval) {
  serve(jwks({"k1"}));
  auto keys = source();
  EXPECT_TRUE(keys->keys());
  serve("down", "", 500);
  now_ += seconds(300);
  EXPECT_TRUE(has(keys->keys(), "k1"));
  EXPECT_EQ(keys->fetch_count(), 2u);
  now_ += seconds(59);
  EXPECT_TRUE(has(keys->keys(), "k1"));
  EXPECT_EQ(keys->fetch_count(), 2u);
  serve(jwks({"k2"}));
  now_ += seconds(1);
  EXPECT_TRUE(has(keys->keys(), "k2"));
  EXPECT_EQ(keys->fetch_count(), 3u);
}

TEST_F(Jwks, BadJwks_KeepsTheLastGoodSet) {
  serve(jwks({"k1"}));
  auto keys = source();
  EXPECT_TRUE(keys->keys());
  for (const char* bad : {"not json", R"({"keys": [{"kty": "EC", "crv": "P-256", "x": "!"}]})",
                          R"({"keys": []})", R"({"keys": [{"kty": "oct", "k": "c2VjcmV0"}]})"}) {
    serve(bad);
    now_ += seconds(300);
    EXPECT_TRUE(has(keys->keys(), "k1")) << bad;
  }
  EXPECT_EQ(keys->fetch_count(), 5u);
}

TEST_F(Jwks, NoGoodSetYet_FailureIsReportedAsUnavailable) {
  serve("down", "", 503);
  auto keys = source();
  auto set = keys->keys();
  ASSERT_FALSE(set);
  EXPECT_EQ(set.errors().check, TokenCheck::unavailable);
  EXPECT_EQ(set.errors().message, "signing keys are unavailable");
  EXPECT_NE(set.errors().internal.find("HTTP status 503"), std::string::npos)
      << set.errors().internal;
  // Retried soon (not only after min_refetch_interval), but not on every call.
  EXPECT_FALSE(keys->keys());
  EXPECT_EQ(keys->fetch_count(), 1u);
  serve(jwks({"k1"}));
  now_ += seconds(1);
  EXPECT_TRUE(keys->keys());
  EXPECT_EQ(keys->fetch_count(), 2u);
}

TEST_F(Jwks, ConcurrentCallers_ShareOneFetch) {
  serve(jwks({"k1"}));
  delay_ms_ = 100;  // so that the callers pile up behind the first fetch
  auto keys = source();
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&] {
      if (!has(keys->keys(), "k1")) ++failures;
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(keys->fetch_count(), 1u);
  EXPECT_EQ(server_.request_count(), 1u);
}

TEST_F(Jwks, FromIssuer_DiscoversOnceThenFetchesTheJwks) {
  std::string issuer = server_.url("/tenant");
  ScriptedServer authorization_server([&](const ServerRequest& request) {
    if (request.target == "/.well-known/oauth-authorization-server/tenant") {
      return ServerResponse{.status = 200,
                            .headers = {},
                            .body = boost::json::serialize(boost::json::object{
                                {"issuer", issuer}, {"jwks_uri", server_.url("/keys")}})};
    }
    return ServerResponse{.status = 404, .headers = {}, .body = {}};
  });
  issuer = authorization_server.url("/tenant");
  serve(jwks({"k1"}));
  auto keys = JwksSource::from_issuer(issuer, options());
  EXPECT_TRUE(has(keys->keys(), "k1"));
  EXPECT_EQ(keys->fetch_count(), 2u);  // metadata, keys
  now_ += seconds(300);
  EXPECT_TRUE(has(keys->keys(), "k1"));
  EXPECT_EQ(keys->fetch_count(), 3u);
  EXPECT_EQ(authorization_server.request_count(), 1u);
}

TEST_F(Jwks, FromIssuer_DiscoveryFailure_IsUnavailable) {
  auto keys = JwksSource::from_issuer("http://10.0.0.1/tenant", options());
  auto set = keys->keys();
  ASSERT_FALSE(set);
  EXPECT_EQ(set.errors().check, TokenCheck::unavailable);
  EXPECT_NE(set.errors().internal.find("discovery for issuer"), std::string::npos);
}

}  // namespace
}  // namespace oaskit::security
