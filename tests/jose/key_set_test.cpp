// JWK Sets (RFC 7517 §5): what is read, what is skipped, what fails the set, and which keys
// are candidates for a token.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>
#include <string>

#include "jose/test_keys.hpp"
#include "oaskit/jose.hpp"

namespace oaskit::jose {
namespace {

using test::public_jwk;
using test::public_key;
using ::testing::HasSubstr;

boost::json::object jwk_of(std::string_view kind, std::string kid, std::string_view alg = {}) {
  auto jwk = public_jwk(kind);
  jwk["kid"] = std::move(kid);
  if (!alg.empty()) jwk["alg"] = alg;
  return jwk;
}

std::string jwks(const boost::json::array& keys) {
  return boost::json::serialize(boost::json::object{{"keys", keys}});
}

std::string error_of(std::string_view json) {
  auto set = KeySet::from_jwks(json);
  EXPECT_FALSE(set);
  return set ? std::string() : set.errors().message;
}

TEST(KeySetFromJwks, KnownKeys_AreReadInOrder) {
  auto set =
      KeySet::from_jwks(jwks({jwk_of("RSA", "r"), jwk_of("P-256", "e"), jwk_of("Ed25519", "o")}));
  ASSERT_TRUE(set) << set.errors().message;
  ASSERT_EQ(set->keys().size(), 3U);
  EXPECT_EQ(set->keys()[0].kid(), "r");
  EXPECT_EQ(set->keys()[1].type(), KeyType::EC);
  EXPECT_EQ(set->keys()[2].type(), KeyType::OKP);
}

TEST(KeySetFromJwks, UnknownTypesCurvesOctAndNonSigKeys_AreSkipped) {
  auto enc = jwk_of("RSA", "enc");
  enc["use"] = "enc";
  auto set = KeySet::from_jwks(jwks({
      boost::json::object{{"kty", "oct"}, {"k", "c2VjcmV0"}},
      boost::json::object{{"kty", "OKP"}, {"crv", "Ed448"}, {"x", "AAAA"}},
      boost::json::object{{"kty", "OKP"}, {"crv", "X25519"}, {"x", "AAAA"}},
      boost::json::object{{"kty", "EC"}, {"crv", "secp256k1"}, {"x", "AA"}, {"y", "AA"}},
      boost::json::object{{"kty", "PQC"}, {"pub", "AAAA"}},
      enc,
      jwk_of("P-256", "kept"),
  }));
  ASSERT_TRUE(set) << set.errors().message;
  ASSERT_EQ(set->keys().size(), 1U);
  EXPECT_EQ(set->keys()[0].kid(), "kept");
}

TEST(KeySetFromJwks, MalformedKnownKey_FailsTheSetNamingItsIndex) {
  auto broken = jwk_of("P-256", "b");
  broken["x"] = "AAAA";
  EXPECT_THAT(
      error_of(jwks({jwk_of("RSA", "r"), jwk_of("RSA", "r2"), jwk_of("RSA", "r3"), broken})),
      HasSubstr("keys[3]: x must be exactly 32 bytes"));
  EXPECT_THAT(error_of(jwks({jwk_of("RSA1024", "small")})), HasSubstr("keys[0]: "));
  EXPECT_THAT(error_of(jwks({boost::json::object{{"n", "AQAB"}}})),
              HasSubstr("keys[0]: kty is missing"));
  EXPECT_THAT(error_of(jwks({"not a key"})), HasSubstr("keys[0]: a JWK must be an object"));
}

TEST(KeySetFromJwks, DuplicateMembers_AreRefused) {
  auto text = jwks({jwk_of("RSA", "r")});
  text.insert(text.find("\"kid\""), R"("kid":"other",)");
  EXPECT_THAT(error_of(text), HasSubstr("Duplicate"));
  EXPECT_THAT(error_of(R"({"keys":[],"keys":[]})"), HasSubstr("Duplicate"));
}

TEST(KeySetFromJwks, KeysNotAnArray_IsRefused) {
  EXPECT_THAT(error_of(R"({"keys":{}})"), HasSubstr("array"));
  EXPECT_THAT(error_of(R"({})"), HasSubstr("array"));
  EXPECT_THAT(error_of(R"([])"), HasSubstr("array"));
  EXPECT_THAT(error_of(R"({"keys":)"), HasSubstr("not valid JSON"));
}

TEST(KeySetFromJwks, EmptyKeys_IsAnEmptySet) {
  auto set = KeySet::from_jwks(R"({"keys":[]})");
  ASSERT_TRUE(set);
  EXPECT_TRUE(set->empty());
}

TEST(KeySetCandidates, WithKid_OnlyThatKidWhenItFits) {
  auto set = *KeySet::from_jwks(jwks(
      {jwk_of("RSA", "a"), jwk_of("RSA", "b"), jwk_of("P-256", "c"), jwk_of("RSA", "d", "RS256")}));
  auto found = set.candidates(std::string("b"), Algorithm::RS256);
  ASSERT_EQ(found.size(), 1U);
  EXPECT_EQ(found[0]->kid(), "b");
  EXPECT_TRUE(set.candidates(std::string("c"), Algorithm::RS256).empty());
  EXPECT_TRUE(set.candidates(std::string("B"), Algorithm::RS256).empty());
  EXPECT_TRUE(set.candidates(std::string("d"), Algorithm::PS256).empty());
  EXPECT_TRUE(set.candidates(std::string("../a"), Algorithm::RS256).empty());
}

TEST(KeySetCandidates, WithoutKid_EveryKeyThatFits) {
  auto set = *KeySet::from_jwks(jwks({jwk_of("RSA", "a"), jwk_of("P-256", "c"),
                                      jwk_of("RSA", "d", "RS256"), jwk_of("P-384", "e")}));
  EXPECT_EQ(set.candidates(std::nullopt, Algorithm::RS256).size(), 2U);
  EXPECT_EQ(set.candidates(std::nullopt, Algorithm::PS256).size(), 1U);
  EXPECT_EQ(set.candidates(std::nullopt, Algorithm::ES384).size(), 1U);
  EXPECT_TRUE(set.candidates(std::nullopt, Algorithm::HS256).empty());
}

TEST(KeySetCandidates, HmacSecretAdded_FitsOnlyHs) {
  KeySet set;
  set.add(public_key("RSA"));
  set.add(test::test_secret());
  EXPECT_EQ(set.candidates(std::nullopt, Algorithm::HS256).size(), 1U);
  EXPECT_EQ(set.candidates(std::nullopt, Algorithm::HS256)[0]->type(), KeyType::oct);
  EXPECT_TRUE(set.has_kid("hmac-1"));
  EXPECT_FALSE(set.has_kid("hmac"));
}

}  // namespace
}  // namespace oaskit::jose
