// JwtVerifier with keys from a JWKS served on 127.0.0.1: keys fetched once and reused, a
// rotated key (new kid) costing one refetch, forged kids never more than one refetch per
// interval, discovery through the issuer, and an unreachable JWKS refused as unavailable.

#include <gtest/gtest.h>

#include <boost/json/array.hpp>
#include <boost/json/serialize.hpp>
#include <mutex>
#include <string>

#include "oaskit/security/jwks.hpp"
#include "oaskit/security/jwt_verifier.hpp"
#include "security/jwt_test_support.hpp"
#include "support/scripted_server.hpp"

namespace oaskit::security {
namespace {

namespace json = boost::json;
using jose::Algorithm;
using test::good_claims;
using test::keys;
using test::mint;
using test::mint_rs256;

// Serves whatever JWKS the test sets, at /jwks.json.
class JwksServer {
 public:
  JwksServer()
      : server_([this](const test::ServerRequest& request) {
          if (request.target != "/jwks.json") return test::ServerResponse{404};
          const std::lock_guard lock(mutex_);
          return test::ServerResponse{200, {{"Content-Type", "application/json"}}, jwks_};
        }) {}

  void serve(const std::vector<const jose::Key*>& served) {
    json::array list;
    for (const auto* key : served) list.push_back(key->to_jwk());
    const std::lock_guard lock(mutex_);
    jwks_ = json::serialize(json::object{{"keys", list}});
  }
  [[nodiscard]] std::string url() const { return server_.url("/jwks.json"); }
  [[nodiscard]] std::size_t requests() const { return server_.request_count(); }

 private:
  std::mutex mutex_;
  std::string jwks_ = R"({"keys":[]})";
  test::ScriptedServer server_;
};

class JwtJwks : public ::testing::Test {
 protected:
  JwtJwks() { server.serve({&keys().rsa.verifying}); }

  JwtVerifier verifier() {
    JwksSourceOptions source;
    source.clock = [this] { return steady_now; };
    source.min_refetch_interval = std::chrono::seconds(60);
    auto options = test::test_options();
    options.keys = {};
    options.jwks = JwksSource::from_url(server.url(), source);
    jwks = options.jwks;
    return JwtVerifier(options);
  }

  JwksServer server;
  std::chrono::steady_clock::time_point steady_now{std::chrono::hours(1000)};
  std::shared_ptr<JwksSource> jwks;
};

TEST_F(JwtJwks, KeysAreFetchedOnceAndReused) {
  const auto v = verifier();
  for (int i = 0; i < 3; ++i) {
    const auto result = v.verify(mint_rs256());
    ASSERT_TRUE(result) << result.errors().message;
  }
  EXPECT_EQ(jwks->fetch_count(), 1u);
}

TEST_F(JwtJwks, RotatedKeyWithANewKid_CostsExactlyOneRefetch) {
  const auto v = verifier();
  ASSERT_TRUE(v.verify(mint_rs256()));
  steady_now += std::chrono::seconds(61);
  server.serve({&keys().rsa.verifying, &keys().p256.verifying});
  const auto token = mint(keys().p256.signing, Algorithm::ES256, good_claims());
  const auto result = v.verify(token);
  ASSERT_TRUE(result) << result.errors().message;
  EXPECT_EQ(jwks->fetch_count(), 2u);
  EXPECT_TRUE(v.verify(token));
  EXPECT_EQ(jwks->fetch_count(), 2u);
}

TEST_F(JwtJwks, ForgedKids_CauseAtMostOneRefetchPerInterval) {
  const auto v = verifier();
  ASSERT_TRUE(v.verify(mint_rs256()));
  steady_now += std::chrono::seconds(61);
  for (int i = 0; i < 20; ++i) {
    const auto result =
        v.verify(mint_rs256(good_claims(), {{"kid", "forged-" + std::to_string(i)}}));
    ASSERT_FALSE(result);
    EXPECT_EQ(result.errors().check, TokenCheck::kid);
  }
  EXPECT_EQ(jwks->fetch_count(), 2u);
  EXPECT_EQ(server.requests(), 2u);
}

TEST_F(JwtJwks, AKnownKidThatDoesNotFitTheAlgorithm_CausesNoRefetch) {
  const auto v = verifier();
  ASSERT_TRUE(v.verify(mint_rs256()));
  steady_now += std::chrono::seconds(61);
  // ES256 named with the RSA key's kid: the kid is known, so no new keys could help.
  const auto token = mint(keys().p256.signing, Algorithm::ES256, good_claims(), {{"kid", "rsa-1"}});
  const auto result = v.verify(token);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.errors().check, TokenCheck::alg);
  EXPECT_EQ(jwks->fetch_count(), 1u);
}

TEST_F(JwtJwks, ConfiguredKeysAreTriedBeforeTheJwks) {
  auto options = test::test_options();
  options.jwks = JwksSource::from_url(server.url());
  const JwtVerifier v(options);
  EXPECT_TRUE(v.verify(mint_rs256()));
  EXPECT_EQ(options.jwks->fetch_count(), 0u);
}

TEST(JwtJwksUnavailable, UnreachableJwks_IsRefusedAsUnavailable) {
  test::ScriptedServer down([](const test::ServerRequest&) { return test::ServerResponse{503}; });
  auto options = test::test_options();
  options.keys = {};
  options.jwks = JwksSource::from_url(down.url("/jwks.json"));
  const auto result = JwtVerifier(options).verify(mint_rs256());
  ASSERT_FALSE(result);
  EXPECT_EQ(result.errors().check, TokenCheck::unavailable);
}

TEST(JwtJwksDiscovery, KeysFoundThroughTheIssuersMetadata_VerifyTheToken) {
  std::string origin;
  test::ScriptedServer server([&origin](const test::ServerRequest& request) {
    if (request.target == "/.well-known/oauth-authorization-server") {
      return test::ServerResponse{
          200,
          {{"Content-Type", "application/json"}},
          json::serialize(json::object{{"issuer", origin}, {"jwks_uri", origin + "/jwks.json"}})};
    }
    if (request.target == "/jwks.json") {
      return test::ServerResponse{
          200,
          {},
          json::serialize(json::object{{"keys", json::array{keys().rsa.verifying.to_jwk()}}})};
    }
    return test::ServerResponse{404};
  });
  origin = server.origin();
  auto options = test::test_options();
  options.keys = {};
  options.issuer = origin;
  options.jwks = JwksSource::from_issuer(origin);
  auto claims = good_claims();
  claims["iss"] = origin;
  const auto result = JwtVerifier(options).verify(mint_rs256(claims));
  EXPECT_TRUE(result) << result.errors().message;
}

}  // namespace
}  // namespace oaskit::security
