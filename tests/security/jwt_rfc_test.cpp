// The MUSTs of RFC 7515 (JWS), RFC 7519 (JWT), RFC 8725 (JWT best practices) and RFC 9068
// (JWT access tokens) that JwtVerifier implements, one test per clause, named after it.

#include <gtest/gtest.h>

#include <boost/json/array.hpp>
#include <boost/json/serialize.hpp>
#include <string>

#include "oaskit/security/jwt_verifier.hpp"
#include "security/jwt_test_support.hpp"

namespace oaskit::security {
namespace {

namespace json = boost::json;
using jose::Algorithm;
using test::assemble;
using test::good_claims;
using test::keys;
using test::mint;
using test::mint_rs256;

TokenCheck check_of(const VerifyResult& result) {
  EXPECT_FALSE(result) << "the token was accepted";
  return result ? TokenCheck::rejected : result.errors().check;
}

VerifyResult verify(const std::string& token,
                    const JwtVerifierOptions& options = test::test_options()) {
  return JwtVerifier(options).verify(token);
}

std::string signed_by_rsa(std::string_view header, std::string_view payload) {
  return assemble(header, payload, &keys().rsa.signing, Algorithm::RS256);
}

const std::string rs256_header = R"({"alg":"RS256","kid":"rsa-1"})";

TEST(JwtRfc, Rfc7515_2_Base64urlHasNoPaddingAndUsesOnlyTheUrlAlphabet) {
  EXPECT_EQ(check_of(verify(mint_rs256() + "=")), TokenCheck::format);
  auto token = mint_rs256();
  token[1] = '+';
  EXPECT_EQ(check_of(verify(token)), TokenCheck::format);
}

TEST(JwtRfc, Rfc7515_4_1_1_AlgNamesAreCaseSensitive) {
  EXPECT_EQ(check_of(verify(
                signed_by_rsa(R"({"alg":"Rs256","kid":"rsa-1"})", json::serialize(good_claims())))),
            TokenCheck::alg);
}

TEST(JwtRfc, Rfc7515_4_1_9_TypIsCaseInsensitiveAndApplicationPrefixIsOptional) {
  auto options = test::test_options();
  options.required_typ = "at+jwt";
  for (const char* typ : {"at+jwt", "AT+JWT", "application/at+jwt", "Application/At+JWT"}) {
    const auto result = verify(mint_rs256(good_claims(), {{"typ", typ}}), options);
    EXPECT_TRUE(result) << typ << ": " << result.errors().message;
  }
  EXPECT_EQ(check_of(verify(mint_rs256(good_claims(), {{"typ", "application/jwt"}}), options)),
            TokenCheck::typ);
}

TEST(JwtRfc, Rfc7515_4_1_11_CritMustNotBeEmpty) {
  EXPECT_EQ(check_of(verify(mint_rs256(good_claims(), {{"crit", json::array{}}}))),
            TokenCheck::crit);
}

TEST(JwtRfc, Rfc7515_4_1_11_CritNamesMustBeUnderstood) {
  EXPECT_EQ(
      check_of(verify(mint_rs256(good_claims(), {{"crit", json::array{"b64"}}, {"b64", false}}))),
      TokenCheck::crit);
}

TEST(JwtRfc, Rfc7515_5_2_Step8_TheSignatureMustValidate) {
  auto claims = good_claims();
  claims["sub"] = "someone-else";
  const auto genuine = mint_rs256();
  const auto forged = mint_rs256(claims);
  const auto spliced = forged.substr(0, forged.rfind('.')) + genuine.substr(genuine.rfind('.'));
  EXPECT_EQ(check_of(verify(spliced)), TokenCheck::signature);
}

TEST(JwtRfc, Rfc7516_9_FiveSegmentsAreAJweAndRefused) {
  const auto result = verify("eyJhbGciOiJkaXIifQ..aXY.Y3Q.dGFn");
  EXPECT_EQ(check_of(result), TokenCheck::format);
  EXPECT_EQ(result.errors().message, "encrypted tokens (JWE) are not accepted");
}

TEST(JwtRfc, Rfc7519_2_NumericDateMayHaveAFraction) {
  auto claims = good_claims();
  claims["exp"] = static_cast<double>(test::test_now) + 3600.25;
  claims["iat"] = static_cast<double>(test::test_now) - 0.5;
  EXPECT_TRUE(verify(mint_rs256(claims)));
}

TEST(JwtRfc, Rfc7519_4_DuplicateClaimNamesAreRefused) {
  EXPECT_EQ(check_of(verify(signed_by_rsa(
                rs256_header,
                R"({"iss":"https://evil.example.com/","iss":"https://auth.example.com/"})"))),
            TokenCheck::format);
}

TEST(JwtRfc, Rfc7519_4_1_1_IssIsComparedExactly) {
  auto claims = good_claims();
  claims["iss"] = "HTTPS://AUTH.EXAMPLE.COM/";
  EXPECT_EQ(check_of(verify(mint_rs256(claims))), TokenCheck::iss);
}

TEST(JwtRfc, Rfc7519_4_1_3_AudienceMustIdentifyTheRecipient) {
  auto claims = good_claims();
  claims.erase("aud");
  EXPECT_EQ(check_of(verify(mint_rs256(claims))), TokenCheck::aud);
  claims["aud"] = json::array{"https://api.example.com/v2"};
  EXPECT_EQ(check_of(verify(mint_rs256(claims))), TokenCheck::aud);
}

TEST(JwtRfc, Rfc7519_4_1_4_NowMustBeBeforeExp) {
  auto options = test::test_options();
  options.leeway = std::chrono::seconds(0);
  auto claims = good_claims();
  claims["exp"] = test::test_now;
  EXPECT_EQ(check_of(verify(mint_rs256(claims), options)), TokenCheck::exp);
}

TEST(JwtRfc, Rfc7519_4_1_5_NowMayEqualNbf) {
  auto options = test::test_options();
  options.leeway = std::chrono::seconds(0);
  auto claims = good_claims();
  claims["nbf"] = test::test_now;
  EXPECT_TRUE(verify(mint_rs256(claims), options));
}

TEST(JwtRfc, Rfc7519_7_2_Step1_AJwtHasAtLeastOnePeriod) {
  EXPECT_EQ(check_of(verify("eyJhbGciOiJSUzI1NiJ9")), TokenCheck::format);
}

TEST(JwtRfc, Rfc7519_7_2_Step2_HeaderMustBeBase64url) {
  const auto token = mint_rs256();
  EXPECT_EQ(check_of(verify("*" + token.substr(1))), TokenCheck::format);
}

TEST(JwtRfc, Rfc7519_7_2_Step3_HeaderMustBeValidJson) {
  EXPECT_EQ(check_of(verify(signed_by_rsa(R"({"alg":"RS256",})", json::serialize(good_claims())))),
            TokenCheck::format);
}

TEST(JwtRfc, Rfc7519_7_2_Step3_HeaderMustBeUtf8) {
  EXPECT_EQ(
      check_of(verify(signed_by_rsa("{\"alg\":\"RS256\",\"kid\":\"rsa-1\",\"x\":\"\xc3\x28\"}",
                                    json::serialize(good_claims())))),
      TokenCheck::format);
}

TEST(JwtRfc, Rfc7519_7_2_Step4_HeaderMustBeAnObject) {
  EXPECT_EQ(check_of(verify(signed_by_rsa(R"("RS256")", json::serialize(good_claims())))),
            TokenCheck::format);
}

TEST(JwtRfc, Rfc7519_7_2_Step8_CtyJwtIsANestedJwtAndRefused) {
  const auto result = verify(mint_rs256(good_claims(), {{"cty", "JWT"}}));
  EXPECT_EQ(check_of(result), TokenCheck::format);
  EXPECT_EQ(result.errors().message, "nested JWTs are not accepted");
}

TEST(JwtRfc, Rfc7519_7_2_Step10_ClaimsMustBeUtf8JsonObject) {
  EXPECT_EQ(check_of(verify(signed_by_rsa(rs256_header, "{\"sub\":\"\x80\"}"))),
            TokenCheck::format);
  EXPECT_EQ(check_of(verify(signed_by_rsa(rs256_header, "42"))), TokenCheck::format);
}

TEST(JwtRfc, Rfc8725_2_1_EveryVerifiedTokenIsCheckedWithItsKidsKeyOnly) {
  auto options = test::test_options();
  options.keys = jose::KeySet({keys().rsa.verifying, keys().rsa_attacker.verifying});
  // Signed by "attacker" but claiming kid "rsa-1": the attacker key is never tried.
  const auto token =
      mint(keys().rsa_attacker.signing, Algorithm::RS256, good_claims(), {{"kid", "rsa-1"}});
  EXPECT_EQ(check_of(verify(token, options)), TokenCheck::signature);
}

TEST(JwtRfc, Rfc8725_3_1_AlgorithmsAreAllowListed) {
  auto options = test::test_options();
  options.algorithms = {Algorithm::ES256};
  const auto result = verify(mint_rs256(), options);
  EXPECT_EQ(check_of(result), TokenCheck::alg);
  EXPECT_EQ(result.errors().message,
            "the algorithm \"RS256\" is not accepted here (accepted: ES256)");
}

TEST(JwtRfc, Rfc8725_3_1_KeysAreUsedOnlyWithTheirAlgorithm) {
  auto options = test::test_options();
  options.algorithms = {Algorithm::RS256, Algorithm::HS256};
  options.keys.add(keys().secret);
  const auto secret =
      test::must(jose::Key::hmac_secret(test::public_pem_of(keys().rsa.private_pem)));
  EXPECT_EQ(
      check_of(verify(mint(secret, Algorithm::HS256, good_claims(), {{"kid", "rsa-1"}}), options)),
      TokenCheck::alg);
}

TEST(JwtRfc, Rfc8725_3_2_AlgNoneIsNeverAccepted) {
  const auto result = verify(assemble(R"({"alg":"none"})", json::serialize(good_claims())));
  EXPECT_EQ(check_of(result), TokenCheck::alg);
  EXPECT_EQ(result.errors().message, "unsecured tokens (alg \"none\") are never accepted");
}

TEST(JwtRfc, Rfc8725_3_4_EcdsaSignaturesMustBeValidRawRAndS) {
  const std::string header = R"({"alg":"ES256","kid":"ec-256"})";
  const auto claims = json::serialize(good_claims());
  EXPECT_EQ(check_of(verify(assemble(header, claims, nullptr, {}, std::string(64, '\0')))),
            TokenCheck::signature);
  EXPECT_EQ(check_of(verify(assemble(header, claims, nullptr, {}, std::string(64, '\xff')))),
            TokenCheck::signature);
}

TEST(JwtRfc, Rfc8725_3_10_KeysAreNeverTakenFromTheHeader) {
  for (const char* member : {"jwk", "jku", "x5u", "x5c"}) {
    json::object header{{"kid", "attacker"}};
    header[member] = keys().rsa_attacker.verifying.to_jwk();
    const auto token =
        mint(keys().rsa_attacker.signing, Algorithm::RS256, good_claims(), std::move(header));
    EXPECT_EQ(check_of(verify(token)), TokenCheck::kid) << member;
  }
}

TEST(JwtRfc, Rfc8725_3_11_TheTypeIsCheckedWhenRequired) {
  auto options = test::test_options();
  options.required_typ = "at+jwt";
  EXPECT_EQ(check_of(verify(mint_rs256(good_claims(), {{"typ", "JWT"}}), options)),
            TokenCheck::typ);
}

TEST(JwtRfc, Rfc9068_4_TypMustBeAtJwt) {
  auto options = test::test_options();
  options.required_typ = "application/at+jwt";
  EXPECT_TRUE(verify(mint_rs256(good_claims(), {{"typ", "at+jwt"}}), options));
  const auto result = verify(mint_rs256(good_claims(), {{"typ", "jwt"}}), options);
  EXPECT_EQ(check_of(result), TokenCheck::typ);
  EXPECT_EQ(result.errors().message,
            "the token's type \"jwt\" is not the expected \"application/at+jwt\"");
}

TEST(JwtRfc, Rfc9068_4_ExpIsRequired) {
  auto claims = good_claims();
  claims.erase("exp");
  EXPECT_EQ(check_of(verify(mint_rs256(claims))), TokenCheck::exp);
}

TEST(JwtRfc, Rfc9068_4_IssMustMatchTheExpectedIssuer) {
  auto claims = good_claims();
  claims.erase("iss");
  EXPECT_EQ(check_of(verify(mint_rs256(claims))), TokenCheck::iss);
}

}  // namespace
}  // namespace oaskit::security
