// JwtVerifier accepting what it should: every algorithm, the identity it returns, the time
// checks at their edges, audiences and scopes, options that are programming errors, and
// decode_unverified.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/json/array.hpp>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "oaskit/security/jwt_verifier.hpp"
#include "security/jwt_test_support.hpp"

namespace oaskit::security {
namespace {

using jose::Algorithm;
using test::good_claims;
using test::keys;
using test::mint;
using test::mint_rs256;
using test::test_now;
using test::test_options;
using ::testing::HasSubstr;

VerifyResult verify_at(std::int64_t now, const std::string& token,
                       JwtVerifierOptions options = test_options()) {
  options.clock = [now] { return test::test_time(now); };
  return JwtVerifier(std::move(options)).verify(token);
}

TokenCheck refusal(const VerifyResult& result) {
  EXPECT_FALSE(result) << "the token was accepted";
  return result.errors().check;
}

struct AlgorithmCase {
  Algorithm alg;
  const jose::Key* signing;
  const jose::Key* verifying;
};

class JwtVerifierAlgorithm : public ::testing::TestWithParam<Algorithm> {};

AlgorithmCase key_for(Algorithm alg) {
  const auto& k = keys();
  switch (alg) {
    case Algorithm::HS256:
    case Algorithm::HS384:
    case Algorithm::HS512:
      return {alg, &k.secret, &k.secret};
    case Algorithm::ES256:
      return {alg, &k.p256.signing, &k.p256.verifying};
    case Algorithm::ES384:
      return {alg, &k.p384.signing, &k.p384.verifying};
    case Algorithm::ES512:
      return {alg, &k.p521.signing, &k.p521.verifying};
    case Algorithm::EdDSA:
      return {alg, &k.ed25519.signing, &k.ed25519.verifying};
    default:
      return {alg, &k.rsa.signing, &k.rsa.verifying};
  }
}

TEST_P(JwtVerifierAlgorithm, ATokenSignedWithTheAlgorithm_IsAccepted) {
  const auto [alg, signing, verifying] = key_for(GetParam());
  auto options = test_options();
  options.algorithms = {alg};
  options.keys = jose::KeySet({*verifying});
  const auto result = JwtVerifier(options).verify(mint(*signing, alg, good_claims()));
  ASSERT_TRUE(result) << result.errors().message;
  EXPECT_EQ(result->header.at("alg").as_string(), jose::to_string(alg));
}

TEST_P(JwtVerifierAlgorithm, ATokenSignedWithTheAlgorithm_IsRefusedWhenOnlyAnotherIsAllowed) {
  const auto [alg, signing, verifying] = key_for(GetParam());
  auto options = test_options();
  options.algorithms = {alg == Algorithm::EdDSA ? Algorithm::ES256 : Algorithm::EdDSA};
  options.keys = jose::KeySet({*verifying});
  EXPECT_EQ(refusal(JwtVerifier(options).verify(mint(*signing, alg, good_claims()))),
            TokenCheck::alg);
}

INSTANTIATE_TEST_SUITE_P(Each, JwtVerifierAlgorithm,
                         ::testing::Values(Algorithm::HS256, Algorithm::HS384, Algorithm::HS512,
                                           Algorithm::RS256, Algorithm::RS384, Algorithm::RS512,
                                           Algorithm::PS256, Algorithm::PS384, Algorithm::PS512,
                                           Algorithm::ES256, Algorithm::ES384, Algorithm::ES512,
                                           Algorithm::EdDSA),
                         [](const auto& param_info) {
                           return std::string(jose::to_string(param_info.param));
                         });

TEST(JwtVerifier, AcceptedToken_GivesSubjectClientIdScopesExpiryHeaderAndClaims) {
  const auto result = JwtVerifier(test_options()).verify(mint_rs256());
  ASSERT_TRUE(result) << result.errors().message;
  EXPECT_EQ(result->subject, "user-42");
  EXPECT_EQ(result->client_id, "app-7");
  EXPECT_THAT(result->scopes, ::testing::ElementsAre("pets:read", "pets:write"));
  EXPECT_EQ(result->expires_at, test::test_time(test_now + 3600));
  EXPECT_EQ(result->header.at("kid").as_string(), "rsa-1");
  EXPECT_EQ(result->claims, good_claims());
}

TEST(JwtVerifier, ATokenLongerThanMaxTokenBytes_IsRefusedAsFormat_BeforeItsSignatureIsChecked) {
  auto claims = good_claims();
  claims["pad"] = std::string(20'000, 'x');
  const std::string token = mint_rs256(claims);
  ASSERT_GT(token.size(), JwtVerifierOptions{}.max_token_bytes);
  const auto refused = JwtVerifier(test_options()).verify(token);
  EXPECT_EQ(refusal(refused), TokenCheck::format);
  // The same token is valid: its size alone refused it.
  auto roomier = test_options();
  roomier.max_token_bytes = token.size();
  EXPECT_TRUE(JwtVerifier(std::move(roomier)).verify(token));
}

TEST(JwtVerifier, WithoutClientId_ClientIdIsAzp) {
  auto claims = good_claims();
  claims.erase("client_id");
  claims["azp"] = "app-9";
  const auto result = JwtVerifier(test_options()).verify(mint_rs256(claims));
  ASSERT_TRUE(result) << result.errors().message;
  EXPECT_EQ(result->client_id, "app-9");
}

TEST(JwtVerifier, WithoutSubOrClient_IdentityHasEmptySubjectAndNoClient) {
  auto claims = good_claims();
  claims.erase("client_id");
  claims.erase("sub");
  const auto result = JwtVerifier(test_options()).verify(mint_rs256(claims));
  ASSERT_TRUE(result) << result.errors().message;
  EXPECT_EQ(result->subject, "");
  EXPECT_EQ(result->client_id, std::nullopt);
}

TEST(JwtVerifier, ScpArray_GivesTheScopes) {
  auto claims = good_claims();
  claims.erase("scope");
  claims["scp"] = boost::json::array{"a", "b"};
  auto options = test_options();
  options.required_scopes = {"b"};
  const auto result = JwtVerifier(options).verify(mint_rs256(claims));
  ASSERT_TRUE(result) << result.errors().message;
  EXPECT_THAT(result->scopes, ::testing::ElementsAre("a", "b"));
}

TEST(JwtVerifier, RequiredScopeMissing_IsRefusedWithScopeNamingIt) {
  auto options = test_options();
  options.required_scopes = {"pets:read", "pets:admin"};
  const auto result = JwtVerifier(options).verify(mint_rs256());
  EXPECT_EQ(refusal(result), TokenCheck::scope);
  EXPECT_THAT(result.errors().message, HasSubstr("pets:admin"));
}

TEST(JwtVerifier, AudArrayContainingTheAudience_IsAccepted) {
  auto claims = good_claims();
  claims["aud"] = boost::json::array{"https://other.example.com", "https://api.example.com"};
  EXPECT_TRUE(JwtVerifier(test_options()).verify(mint_rs256(claims)));
}

TEST(JwtVerifier, AudArrayWithoutTheAudience_IsRefusedWithAud) {
  auto claims = good_claims();
  claims["aud"] = boost::json::array{"https://other.example.com"};
  EXPECT_EQ(refusal(JwtVerifier(test_options()).verify(mint_rs256(claims))), TokenCheck::aud);
}

TEST(JwtVerifier, AudArrayWithANonString_IsRefusedWithAud) {
  auto claims = good_claims();
  claims["aud"] = boost::json::array{"https://api.example.com", 7};
  EXPECT_EQ(refusal(JwtVerifier(test_options()).verify(mint_rs256(claims))), TokenCheck::aud);
}

// The edges, as documented in docs/jwt.md: a token is valid while now < exp + leeway
// (RFC 7519 §4.1.4: "before"), from now + leeway >= nbf (§4.1.5: "after or equal"), and while
// iat <= now + leeway.
TEST(JwtVerifier, OneSecondBeforeExpPlusLeeway_IsAccepted) {
  const auto exp = test_now + 3600;
  EXPECT_TRUE(verify_at(exp + 60 - 1, mint_rs256()));
}

TEST(JwtVerifier, ExactlyAtExpPlusLeeway_IsRefusedWithExp) {
  const auto exp = test_now + 3600;
  const auto result = verify_at(exp + 60, mint_rs256());
  EXPECT_EQ(refusal(result), TokenCheck::exp);
  EXPECT_EQ(result.errors().message, "the token expired at 2027-01-15T09:00:00Z");
}

TEST(JwtVerifier, WithZeroLeeway_ExactlyAtExp_IsRefusedAndOneSecondBeforeAccepted) {
  auto options = test_options();
  options.leeway = std::chrono::seconds(0);
  EXPECT_EQ(refusal(verify_at(test_now + 3600, mint_rs256(), options)), TokenCheck::exp);
  EXPECT_TRUE(verify_at(test_now + 3599, mint_rs256(), options));
}

TEST(JwtVerifier, FractionalExp_IsANumericDate) {
  auto claims = good_claims();
  claims["exp"] = static_cast<double>(test_now) + 0.5;
  auto options = test_options();
  options.leeway = std::chrono::seconds(0);
  EXPECT_TRUE(verify_at(test_now, mint_rs256(claims), options));
  EXPECT_EQ(refusal(verify_at(test_now + 1, mint_rs256(claims), options)), TokenCheck::exp);
}

TEST(JwtVerifier, NbfExactlyLeewayAhead_IsAcceptedAndOneSecondMoreRefusedWithNbf) {
  auto claims = good_claims();
  claims["nbf"] = test_now + 60;
  EXPECT_TRUE(verify_at(test_now, mint_rs256(claims)));
  claims["nbf"] = test_now + 61;
  const auto result = verify_at(test_now, mint_rs256(claims));
  EXPECT_EQ(refusal(result), TokenCheck::nbf);
  EXPECT_EQ(result.errors().message, "the token is not valid before 2027-01-15T08:01:01Z");
}

TEST(JwtVerifier, IatExactlyLeewayAhead_IsAcceptedAndOneSecondMoreRefusedWithIat) {
  auto claims = good_claims();
  claims["iat"] = test_now + 60;
  EXPECT_TRUE(verify_at(test_now, mint_rs256(claims)));
  claims["iat"] = test_now + 61;
  EXPECT_EQ(refusal(verify_at(test_now, mint_rs256(claims))), TokenCheck::iat);
}

TEST(JwtVerifier, NbfOrIatNotANumber_IsRefusedWithItsCheck) {
  auto claims = good_claims();
  claims["nbf"] = "soon";
  EXPECT_EQ(refusal(verify_at(test_now, mint_rs256(claims))), TokenCheck::nbf);
  claims.erase("nbf");
  claims["iat"] = true;
  EXPECT_EQ(refusal(verify_at(test_now, mint_rs256(claims))), TokenCheck::iat);
}

TEST(JwtVerifier, WithoutAClock_UsesTheSystemClock) {
  auto options = test_options();
  options.clock = nullptr;
  const auto now = std::chrono::duration_cast<std::chrono::seconds>(
                       std::chrono::system_clock::now().time_since_epoch())
                       .count();
  auto claims = good_claims();
  claims["iat"] = now;
  claims["exp"] = now + 600;
  EXPECT_TRUE(JwtVerifier(options).verify(mint_rs256(claims)));
  claims["iat"] = now - 7200;
  claims["exp"] = now - 3600;
  EXPECT_EQ(refusal(JwtVerifier(options).verify(mint_rs256(claims))), TokenCheck::exp);
}

TEST(JwtVerifier, TokenWithoutKid_IsCheckedWithEveryFittingKey) {
  const auto signing = test::must(jose::Key::from_pem(keys().rsa.private_pem));
  const auto result =
      JwtVerifier(test_options()).verify(mint(signing, Algorithm::RS256, good_claims()));
  ASSERT_TRUE(result) << result.errors().message;
  EXPECT_FALSE(result->header.contains("kid"));
}

TEST(JwtVerifier, MovedVerifier_StillVerifies) {
  JwtVerifier first(test_options());
  JwtVerifier second(std::move(first));
  EXPECT_TRUE(second.verify(mint_rs256()));
}

TEST(JwtVerifier, EchoedHeaderValues_AreShortAndPrintable) {
  // Escaped control characters and non-ASCII UTF-8: valid JSON, never echoed as such.
  const std::string alg = "\\n\\u0001\xc3\xa9" + std::string(500, 'A');
  const auto token = test::assemble(R"({"alg":")" + alg + R"("})", "{}", nullptr, {}, "sig");
  const auto result = JwtVerifier(test_options()).verify(token);
  EXPECT_EQ(refusal(result), TokenCheck::alg);
  EXPECT_LT(result.errors().message.size(), 160U);
  for (const char c : result.errors().message) {
    EXPECT_TRUE(c >= 0x20 && c < 0x7f) << static_cast<int>(c);
  }
}

TEST(JwtVerifier, RefusalMessages_NeverContainTheToken) {
  auto claims = good_claims();
  claims["iss"] = "https://evil.example.com/";
  const auto token = mint_rs256(claims);
  const auto result = JwtVerifier(test_options()).verify(token);
  EXPECT_EQ(refusal(result), TokenCheck::iss);
  EXPECT_EQ(result.errors().message, "the token's issuer is not the expected one");
}

// Each thread remembers the last header segment a verifier accepted (the checks are a function
// of the segment and the verifier's options); another verifier with other options must still
// judge the same header by its own rules, even right after.
TEST(JwtVerifierHeaderMemo, SameHeaderThroughVerifiersWithOtherRules_IsJudgedByEach) {
  const auto token = mint(keys().rsa.signing, Algorithm::RS256, good_claims(), {{"typ", "at+jwt"}});
  auto typ_required = test_options();
  typ_required.required_typ = "at+jwt";
  const JwtVerifier accepting(typ_required);
  auto es256_only = test_options();
  es256_only.algorithms = {Algorithm::ES256};
  const JwtVerifier alg_refusing(es256_only);
  auto other_typ = test_options();
  other_typ.required_typ = "jwt";
  const JwtVerifier typ_refusing(other_typ);
  for (int round = 0; round < 3; ++round) {
    EXPECT_TRUE(accepting.verify(token));
    EXPECT_EQ(refusal(alg_refusing.verify(token)), TokenCheck::alg);
    EXPECT_EQ(refusal(typ_refusing.verify(token)), TokenCheck::typ);
  }
}

TEST(JwtVerifierHeaderMemo, VerifiersMadeOneAfterAnother_DoNotInheritAVerdict) {
  const auto token = mint_rs256();
  for (int round = 0; round < 4; ++round) {
    auto options = test_options();
    if (round % 2 == 1) options.algorithms = {Algorithm::ES256};
    const JwtVerifier verifier(options);  // often at the address of the one before
    if (round % 2 == 0) {
      EXPECT_TRUE(verifier.verify(token)) << round;
    } else {
      EXPECT_EQ(refusal(verifier.verify(token)), TokenCheck::alg) << round;
    }
  }
}

TEST(JwtVerifierHeaderMemo, TokensWithOneHeader_ShareTheHeaderObject) {
  const JwtVerifier verifier(test_options());
  auto claims = good_claims();
  const auto first = verifier.verify(mint_rs256(claims, {{"kid", "rsa-1"}}));
  claims["sub"] = "someone-else";
  const auto second = verifier.verify(mint_rs256(claims, {{"kid", "rsa-1"}}));
  const auto other = verifier.verify(mint_rs256(claims, {{"kid", "rsa-1"}, {"typ", "at+jwt"}}));
  ASSERT_TRUE(first && second && other);
  EXPECT_EQ(second->subject, "someone-else");
  EXPECT_EQ(&first->header.get(), &second->header.get());
  EXPECT_EQ(first->header.at("kid"), "rsa-1");
  EXPECT_NE(&other->header.get(), &second->header.get());
  EXPECT_EQ(other->header.at("typ"), "at+jwt");
  // A refused header in between changes nothing for the next good one.
  EXPECT_FALSE(
      verifier.verify(mint_rs256(claims, {{"kid", "rsa-1"}, {"crit", boost::json::array{"x"}}})));
  const auto again = verifier.verify(mint_rs256(claims, {{"kid", "rsa-1"}}));
  ASSERT_TRUE(again);
  EXPECT_EQ(again->header.at("kid"), "rsa-1");
}

TEST(JwtVerifierOptions, EmptyIssuerAudienceOrAlgorithms_AreProgrammingErrors) {
  auto options = test_options();
  options.issuer.clear();
  EXPECT_THROW(JwtVerifier{options}, std::invalid_argument);
  options = test_options();
  options.audience.clear();
  EXPECT_THROW(JwtVerifier{options}, std::invalid_argument);
  options = test_options();
  options.algorithms.clear();
  EXPECT_THROW(JwtVerifier{options}, std::invalid_argument);
}

TEST(JwtVerifierOptions, AnAlgorithmListedTwice_IsAProgrammingError) {
  auto options = test_options();
  options.algorithms = {Algorithm::RS256, Algorithm::ES256, Algorithm::RS256};
  EXPECT_THROW(JwtVerifier{options}, std::invalid_argument);
}

TEST(JwtVerifierOptions, NegativeLeeway_IsAProgrammingError) {
  auto options = test_options();
  options.leeway = std::chrono::seconds(-1);
  EXPECT_THROW(JwtVerifier{options}, std::invalid_argument);
}

TEST(DecodeUnverified, ExpiredTokenWithABadSignature_IsStillDecoded) {
  auto claims = good_claims();
  claims["exp"] = 1;
  auto token = mint_rs256(claims);
  token.back() = token.back() == 'A' ? 'Q' : 'A';
  const auto decoded = decode_unverified(token);
  ASSERT_TRUE(decoded) << decoded.errors().message;
  EXPECT_EQ(decoded->header.at("alg").as_string(), "RS256");
  EXPECT_EQ(decoded->claims, claims);
}

TEST(DecodeUnverified, MalformedTokens_AreRefusedWithFormat) {
  for (const std::string token :
       {"", "abc", "a.b", "a.b.c.d.e", "e30.W10.", "W10.e30.", "e30=.e30."}) {
    const auto decoded = decode_unverified(token);
    ASSERT_FALSE(decoded) << token;
    EXPECT_EQ(decoded.errors().check, TokenCheck::format) << token;
  }
  EXPECT_TRUE(decode_unverified("e30.e30."));  // {} . {} . (no signature): decoding only
}

// Found while fixing what fuzz/responses_fuzz.cpp found in introspection: an "exp" after April
// 2262 made expires_at overflow system_clock's nanoseconds (undefined behaviour, which the
// asan preset's UBSan reports). Such a token is accepted and expires at 2200-01-01.
TEST(JwtVerifier, ExpAfterWhatTheClockHolds_ExpiresAt2200) {
  auto claims = good_claims();
  claims["exp"] = 99'999'999'999;  // year 5138
  const auto result = verify_at(test_now, mint_rs256(claims), test_options());
  ASSERT_TRUE(result) << result.errors().message;
  EXPECT_EQ(result->expires_at,
            std::chrono::system_clock::time_point(std::chrono::seconds(7'258'118'400)));
  claims["exp"] = 1e300;
  const auto huge = verify_at(test_now, mint_rs256(claims), test_options());
  ASSERT_TRUE(huge) << huge.errors().message;
  EXPECT_EQ(huge->expires_at, result->expires_at);
}

}  // namespace
}  // namespace oaskit::security
