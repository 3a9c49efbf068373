// Tokens an attacker might send, each refused by the check that should catch it. The verifier
// under attack accepts RS256, ES256 and HS256 (with a secret configured) and requires
// "typ": "at+jwt", so every refusal below is down to the attack, not a missing feature.

#include <gtest/gtest.h>

#include <boost/json/array.hpp>
#include <boost/json/serialize.hpp>
#include <functional>
#include <ostream>
#include <string>
#include <vector>

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
using test::mint_text;

JwtVerifierOptions attacked_options() {
  auto options = test::test_options();
  options.algorithms = {Algorithm::RS256, Algorithm::ES256, Algorithm::HS256};
  options.keys.add(keys().secret);
  options.required_typ = "at+jwt";
  return options;
}

json::object at_jwt(json::object header = {}) {
  header["typ"] = "at+jwt";
  return header;
}

std::string rs256(const json::object& claims = good_claims(), json::object header = {}) {
  return mint(keys().rsa.signing, Algorithm::RS256, claims, at_jwt(std::move(header)));
}

std::string claims_text() { return json::serialize(good_claims()); }

std::string header_text(std::string_view alg, std::string_view kid = "rsa-1") {
  return R"({"typ":"at+jwt","alg":")" + std::string(alg) + R"(","kid":")" + std::string(kid) +
         R"("})";
}

// An RS256 token whose payload text is exactly `payload`.
std::string rs256_text(std::string_view payload) {
  return mint_text(keys().rsa.signing, Algorithm::RS256, payload, at_jwt());
}

std::string segment(const std::string& token, int index) {
  std::size_t start = 0;
  for (int i = 0; i < index; ++i) start = token.find('.', start) + 1;
  const auto end = token.find('.', start);
  return token.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

std::string without_signature(const std::string& token) {
  return token.substr(0, token.rfind('.') + 1);
}

// The base64url alphabet's value of one character.
int sextet(char c) {
  static const std::string alphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  return static_cast<int>(alphabet.find(c));
}

json::object attacker_jwk() { return keys().rsa_attacker.verifying.to_jwk(); }

// Signed by the attacker's own key, with the configured key's kid and `extra` pointing at the
// attacker's key in a way a careless verifier would follow.
std::string attacker_token(const char* member, json::value value) {
  json::object header = at_jwt({{"kid", "rsa-1"}});
  header[member] = std::move(value);
  return mint(keys().rsa_attacker.signing, Algorithm::RS256, good_claims(), std::move(header));
}

struct Attack {
  const char* name;
  std::function<std::string()> token;
  TokenCheck expected;
};

std::ostream& operator<<(std::ostream& os, const Attack& attack) { return os << attack.name; }

const std::vector<Attack>& attacks() {
  static const std::vector<Attack> all{
      {"AlgNoneEmptySignature", [] { return assemble(header_text("none"), claims_text()); },
       TokenCheck::alg},
      {"AlgUppercaseNoneEmptySignature",
       [] { return assemble(header_text("NONE"), claims_text()); }, TokenCheck::alg},
      {"AlgMixedCaseNoneWithSignature",
       [] { return assemble(header_text("nOnE"), claims_text(), nullptr, {}, "signature"); },
       TokenCheck::alg},
      {"AlgNoneWithAValidRs256Signature",
       [] {
         return assemble(header_text("none"), claims_text(), &keys().rsa.signing, Algorithm::RS256);
       },
       TokenCheck::alg},
      {"AlgMissing",
       [] { return assemble(R"({"typ":"at+jwt"})", claims_text(), nullptr, {}, "s"); },
       TokenCheck::alg},
      {"AlgNotAString",
       [] { return assemble(R"({"typ":"at+jwt","alg":256})", claims_text(), nullptr, {}, "s"); },
       TokenCheck::alg},
      {"AlgWrongCase",
       [] {
         return assemble(header_text("rs256"), claims_text(), &keys().rsa.signing,
                         Algorithm::RS256);
       },
       TokenCheck::alg},
      {"AlgNotAllowed",
       [] { return mint(keys().rsa.signing, Algorithm::RS384, good_claims(), at_jwt()); },
       TokenCheck::alg},
      {"Hs256SignedWithTheRsaPublicPemUnderTheRsaKid",
       [] {
         const auto secret =
             test::must(jose::Key::hmac_secret(test::public_pem_of(keys().rsa.private_pem)));
         return mint(secret, Algorithm::HS256, good_claims(), at_jwt({{"kid", "rsa-1"}}));
       },
       TokenCheck::alg},
      {"Hs256SignedWithTheRsaPublicPemWithoutKid",
       [] {
         const auto secret =
             test::must(jose::Key::hmac_secret(test::public_pem_of(keys().rsa.private_pem)));
         return mint(secret, Algorithm::HS256, good_claims(), at_jwt());
       },
       TokenCheck::signature},
      {"UnknownKid",
       [] {
         return rs256(good_claims(), {{"kid", "rsa-2"}});
       },
       TokenCheck::kid},
      {"KidPathTraversal",
       [] {
         return rs256(good_claims(), {{"kid", "../../dev/null"}});
       },
       TokenCheck::kid},
      {"KidAbsolutePath",
       [] {
         return rs256(good_claims(), {{"kid", "/etc/passwd"}});
       },
       TokenCheck::kid},
      {"KidNotAString",
       [] {
         return rs256(good_claims(), {{"kid", 1}});
       },
       TokenCheck::kid},
      {"KidOfTheAttackersOwnKey",
       [] { return mint(keys().rsa_attacker.signing, Algorithm::RS256, good_claims(), at_jwt()); },
       TokenCheck::kid},
      {"JwkHeaderWithTheAttackersKey", [] { return attacker_token("jwk", attacker_jwk()); },
       TokenCheck::signature},
      {"JkuHeaderPointingToTheAttackersKeys",
       [] { return attacker_token("jku", "http://127.0.0.1:1/jwks.json"); }, TokenCheck::signature},
      {"X5uHeaderPointingToTheAttackersCertificate",
       [] { return attacker_token("x5u", "http://127.0.0.1:1/cert.pem"); }, TokenCheck::signature},
      {"X5cHeaderWithTheAttackersCertificate",
       [] {
         return attacker_token("x5c", json::array{"MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA"});
       },
       TokenCheck::signature},
      {"Expired",
       [] {
         auto claims = good_claims();
         claims["exp"] = test::test_now - 61;
         return rs256(claims);
       },
       TokenCheck::exp},
      {"NotYetValid",
       [] {
         auto claims = good_claims();
         claims["nbf"] = test::test_now + 3000;
         return rs256(claims);
       },
       TokenCheck::nbf},
      {"IssuedInTheFuture",
       [] {
         auto claims = good_claims();
         claims["iat"] = test::test_now + 3000;
         return rs256(claims);
       },
       TokenCheck::iat},
      {"WrongIssuer",
       [] {
         auto claims = good_claims();
         claims["iss"] = "https://auth.example.com";  // no trailing slash: not equal
         return rs256(claims);
       },
       TokenCheck::iss},
      {"IssuerNotAString",
       [] {
         auto claims = good_claims();
         claims["iss"] = json::array{"https://auth.example.com/"};
         return rs256(claims);
       },
       TokenCheck::iss},
      {"WrongAudience",
       [] {
         auto claims = good_claims();
         claims["aud"] = "https://other.example.com";
         return rs256(claims);
       },
       TokenCheck::aud},
      {"MissingExp",
       [] {
         auto claims = good_claims();
         claims.erase("exp");
         return rs256(claims);
       },
       TokenCheck::exp},
      {"ExpAsAString",
       [] {
         auto claims = good_claims();
         claims["exp"] = std::to_string(test::test_now + 3600);
         return rs256(claims);
       },
       TokenCheck::exp},
      {"TypJwtWhereAtJwtIsRequired",
       [] {
         return mint(keys().rsa.signing, Algorithm::RS256, good_claims(), {{"typ", "JWT"}});
       },
       TokenCheck::typ},
      {"TypMissingWhereAtJwtIsRequired",
       [] { return mint(keys().rsa.signing, Algorithm::RS256, good_claims()); }, TokenCheck::typ},
      {"SignatureStripped", [] { return without_signature(rs256()); }, TokenCheck::signature},
      {"SignatureOfAnotherToken",
       [] {
         auto other = good_claims();
         other["sub"] = "admin";
         return without_signature(rs256(other)) + segment(rs256(), 2);
       },
       TokenCheck::signature},
      {"Es256SignatureInDerForm",
       [] {
         const auto header = R"({"typ":"at+jwt","alg":"ES256","kid":"ec-256"})";
         const auto input =
             jose::base64url_encode(header) + "." + jose::base64url_encode(claims_text());
         return input + "." +
                jose::base64url_encode(test::der_signature(keys().p256.private_pem, input));
       },
       TokenCheck::signature},
      {"Es256SignatureWithRAndSZero",
       [] {
         return assemble(R"({"typ":"at+jwt","alg":"ES256","kid":"ec-256"})", claims_text(), nullptr,
                         {}, std::string(64, '\0'));
       },
       TokenCheck::signature},
      {"TruncatedToTwoSegments",
       [] {
         const auto token = rs256();
         return token.substr(0, token.rfind('.'));
       },
       TokenCheck::format},
      {"TruncatedSignature",
       [] {
         // 342 characters less the last 2: still canonical base64url, 255 bytes.
         const auto token = rs256();
         return token.substr(0, token.size() - 2);
       },
       TokenCheck::signature},
      {"Base64urlWithPadding", [] { return rs256() + "=="; }, TokenCheck::format},
      {"Base64urlNonCanonicalLastCharacter",
       [] {
         // A 256-byte RS256 signature ends in a character with 4 unused low bits; set one.
         auto token = rs256();
         const int value = sextet(token.back());
         token.back() =
             "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"[(value & ~0xF) | 1];
         return token;
       },
       TokenCheck::format},
      {"Base64WithPlus",
       [] {
         auto token = rs256();
         token[token.rfind('.') + 1] = '+';
         return token;
       },
       TokenCheck::format},
      {"Base64WithSlash",
       [] {
         auto token = rs256();
         token[token.rfind('.') + 1] = '/';
         return token;
       },
       TokenCheck::format},
      {"WhitespaceInsideTheToken",
       [] {
         auto token = rs256();
         token.insert(token.find('.') + 1, " ");
         return token;
       },
       TokenCheck::format},
      {"DuplicateClaim",
       [] {
         auto text = claims_text();
         text.insert(1, R"("exp":)" + std::to_string(test::test_now + 999999) + ",");
         return rs256_text(text);
       },
       TokenCheck::format},
      {"DuplicateHeaderMember",
       [] {
         return assemble(R"({"typ":"at+jwt","alg":"RS256","kid":"rsa-1","alg":"RS256"})",
                         claims_text(), &keys().rsa.signing, Algorithm::RS256);
       },
       TokenCheck::format},
      {"OversizeToken",
       [] {
         auto claims = good_claims();
         claims["padding"] = std::string(16 * 1024, 'x');
         return rs256(claims);
       },
       TokenCheck::format},
      {"NonUtf8Payload",
       [] {
         auto text = claims_text();
         text.insert(1, "\"name\":\"\xff\xfe\",");
         return rs256_text(text);
       },
       TokenCheck::format},
      {"PayloadWithTrailingGarbage", [] { return rs256_text(claims_text() + "x"); },
       TokenCheck::format},
      {"UnknownCrit",
       [] {
         return rs256(good_claims(), {{"crit", json::array{"x-bank"}}, {"x-bank", 1}});
       },
       TokenCheck::crit},
      {"CritNamingARegisteredParameter",
       [] {
         return rs256(good_claims(), {{"crit", json::array{"exp"}}, {"exp", 1}});
       },
       TokenCheck::crit},
      {"EmptyCrit",
       [] {
         return rs256(good_claims(), {{"crit", json::array{}}});
       },
       TokenCheck::crit},
      {"CritNotAnArray",
       [] {
         return rs256(good_claims(), {{"crit", "x-bank"}});
       },
       TokenCheck::crit},
      {"NestedJwt",
       [] {
         return rs256(good_claims(), {{"cty", "JWT"}});
       },
       TokenCheck::format},
      {"NestedJwtLowercase",
       [] {
         return rs256(good_claims(), {{"cty", "jwt"}});
       },
       TokenCheck::format},
      {"JweCompactForm",
       [] {
         return jose::base64url_encode(R"({"alg":"RSA-OAEP","enc":"A256GCM"})") +
                ".a2V5.aXY.Y2lwaGVy.dGFn";
       },
       TokenCheck::format},
      {"HeaderNotAnObject",
       [] {
         return assemble(R"(["RS256"])", claims_text(), &keys().rsa.signing, Algorithm::RS256);
       },
       TokenCheck::format},
      {"HeaderNotJson", [] { return assemble("RS256", claims_text(), nullptr, {}, "s"); },
       TokenCheck::format},
      {"PayloadAnArray", [] { return rs256_text("[1,2,3]"); }, TokenCheck::format},
      {"EmptyToken", [] { return std::string(); }, TokenCheck::format},
      {"OnlyDots", [] { return std::string(".."); }, TokenCheck::format},
  };
  return all;
}

class JwtAttack : public ::testing::TestWithParam<Attack> {};

TEST_P(JwtAttack, IsRefusedByTheCheckMeantForIt) {
  const auto& attack = GetParam();
  const auto result = JwtVerifier(attacked_options()).verify(attack.token());
  ASSERT_FALSE(result) << attack.name << " was accepted";
  EXPECT_EQ(to_string(result.errors().check), to_string(attack.expected))
      << attack.name << ": " << result.errors().message;
  EXPECT_FALSE(result.errors().message.empty());
}

INSTANTIATE_TEST_SUITE_P(Refused, JwtAttack, ::testing::ValuesIn(attacks()),
                         [](const auto& param_info) { return std::string(param_info.param.name); });

// The fixture itself: without the attack, the same verifier accepts.
TEST(JwtAttackBaseline, AnHonestTokenFromEachConfiguredKey_IsAccepted) {
  const JwtVerifier verifier(attacked_options());
  const auto rsa = verifier.verify(rs256());
  EXPECT_TRUE(rsa) << rsa.errors().message;
  const auto ec =
      verifier.verify(mint(keys().p256.signing, Algorithm::ES256, good_claims(), at_jwt()));
  EXPECT_TRUE(ec) << ec.errors().message;
  const auto hmac = verifier.verify(mint(keys().secret, Algorithm::HS256, good_claims(), at_jwt()));
  EXPECT_TRUE(hmac) << hmac.errors().message;
}

TEST(JwtAttackBaseline, Hs256WithoutAConfiguredSecret_IsRefusedWithAlg) {
  auto options = attacked_options();
  options.keys = jose::KeySet({keys().rsa.verifying});
  const auto result =
      JwtVerifier(options).verify(mint(keys().secret, Algorithm::HS256, good_claims(), at_jwt()));
  ASSERT_FALSE(result);
  EXPECT_EQ(result.errors().check, TokenCheck::alg);
}

TEST(JwtAttackBaseline, TheAttackSuite_HasAtLeast25DistinctAttacks) {
  EXPECT_GE(attacks().size(), 25u);
}

}  // namespace
}  // namespace oaskit::security
