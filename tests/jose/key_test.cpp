// Keys from JWKs, PEM and secrets: what loads, what is refused and why, and which algorithms
// each key fits.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>
#include <boost/json/value_from.hpp>
#include <string>

#include "jose/test_keys.hpp"
#include "oaskit/jose.hpp"

namespace oaskit::jose {
namespace {

using test::private_jwk;
using test::private_key;
using test::public_jwk;
using test::public_key;
using test::public_pem;
using ::testing::HasSubstr;
using ::testing::Not;

std::string error_of(const Result<Key, KeyError>& key) {
  EXPECT_FALSE(key) << "expected an error";
  return key ? std::string() : key.errors().message;
}

template <class Value>
boost::json::object with(boost::json::object jwk, std::string_view name, const Value& value) {
  jwk[name] = boost::json::value_from(value);
  return jwk;
}

boost::json::object without(boost::json::object jwk, std::string_view name) {
  jwk.erase(name);
  return jwk;
}

// --- from_jwk -------------------------------------------------------------------------------

TEST(KeyFromJwk, PublicJwkOfEachType_LoadsWithItsType) {
  for (auto [kind, type] : {std::pair{"RSA", KeyType::RSA}, std::pair{"P-256", KeyType::EC},
                            std::pair{"P-384", KeyType::EC}, std::pair{"P-521", KeyType::EC},
                            std::pair{"Ed25519", KeyType::OKP}}) {
    auto key = Key::from_jwk(public_jwk(kind));
    ASSERT_TRUE(key) << kind << ": " << key.errors().message;
    EXPECT_EQ(key->type(), type);
    EXPECT_FALSE(key->has_private_part());
    EXPECT_EQ(key->to_jwk(), public_jwk(kind)) << kind;
  }
}

TEST(KeyFromJwk, PrivateJwkOfEachType_LoadsAndSigns) {
  for (auto [kind, alg] :
       {std::pair{"RSA", Algorithm::RS256}, std::pair{"P-256", Algorithm::ES256},
        std::pair{"P-521", Algorithm::ES512}, std::pair{"Ed25519", Algorithm::EdDSA}}) {
    auto key = Key::from_jwk(private_jwk(kind));
    ASSERT_TRUE(key) << kind << ": " << key.errors().message;
    EXPECT_TRUE(key->has_private_part());
    auto signature = key->sign(alg, "input");
    ASSERT_TRUE(signature) << signature.errors().message;
    EXPECT_TRUE(public_key(kind).verify(alg, "input", *signature)) << kind;
    // The public JWK of a private key has no private members.
    EXPECT_FALSE(key->to_jwk().contains("d"));
  }
}

TEST(KeyFromJwk, RsaPrivateJwkWithoutCrtMembers_LoadsAndSigns) {
  auto jwk = private_jwk("RSA");
  for (auto name : {"p", "q", "dp", "dq", "qi"}) jwk.erase(name);
  auto key = Key::from_jwk(jwk);
  ASSERT_TRUE(key) << key.errors().message;
  auto signature = key->sign(Algorithm::PS256, "input");
  ASSERT_TRUE(signature);
  EXPECT_TRUE(public_key("RSA").verify(Algorithm::PS256, "input", *signature));
}

TEST(KeyFromJwk, RsaPrivateJwkWithSomeCrtMembers_IsRefused) {
  EXPECT_THAT(error_of(Key::from_jwk(without(private_jwk("RSA"), "dq"))),
              HasSubstr("all together"));
}

TEST(KeyFromJwk, MultiPrimeRsa_IsRefused) {
  EXPECT_THAT(error_of(Key::from_jwk(with(private_jwk("RSA"), "oth", boost::json::array{}))),
              HasSubstr("multi-prime"));
}

TEST(KeyFromJwk, Rsa1024_IsRefusedAsTooShort) {
  EXPECT_THAT(error_of(Key::from_jwk(public_jwk("RSA1024"))), HasSubstr("at least 2048"));
}

TEST(KeyFromJwk, RsaExponentEvenOrOne_IsRefused) {
  const auto jwk = public_jwk("RSA");
  EXPECT_THAT(error_of(Key::from_jwk(with(jwk, "e", "AQ"))), HasSubstr("e must be"));
  EXPECT_THAT(error_of(Key::from_jwk(with(jwk, "e", "AQAC"))), HasSubstr("e must be"));
}

TEST(KeyFromJwk, MissingMembers_AreNamed) {
  EXPECT_THAT(error_of(Key::from_jwk(without(public_jwk("RSA"), "n"))), HasSubstr("n is missing"));
  EXPECT_THAT(error_of(Key::from_jwk(without(public_jwk("P-256"), "y"))),
              HasSubstr("y is missing"));
  EXPECT_THAT(error_of(Key::from_jwk(without(public_jwk("P-256"), "crv"))),
              HasSubstr("crv is missing"));
  EXPECT_THAT(error_of(Key::from_jwk(without(public_jwk("RSA"), "kty"))),
              HasSubstr("kty is missing"));
}

TEST(KeyFromJwk, MembersNotStrictBase64url_AreRefused) {
  const auto jwk = public_jwk("RSA");
  const std::string n(jwk.at("n").as_string());
  EXPECT_THAT(error_of(Key::from_jwk(with(jwk, "n", n + "=="))), HasSubstr("n must be"));
  EXPECT_THAT(error_of(Key::from_jwk(with(jwk, "n", " " + n))), HasSubstr("n must be"));
  EXPECT_THAT(error_of(Key::from_jwk(with(jwk, "n", 12))), HasSubstr("n must be"));
  EXPECT_THAT(error_of(Key::from_jwk(with(jwk, "e", ""))), HasSubstr("e must be"));
}

TEST(KeyFromJwk, EcCoordinatesOfTheWrongSize_AreRefused) {
  const auto jwk = public_jwk("P-256");
  const auto x = *base64url_decode(jwk.at("x").as_string());
  EXPECT_THAT(error_of(Key::from_jwk(with(jwk, "x", base64url_encode(x.substr(1))))),
              HasSubstr("x must be exactly 32 bytes"));
  EXPECT_THAT(error_of(Key::from_jwk(with(jwk, "x", base64url_encode('\0' + x)))),
              HasSubstr("x must be exactly 32 bytes"));
  auto private_one = private_jwk("P-256");
  const auto d = *base64url_decode(private_one.at("d").as_string());
  EXPECT_THAT(error_of(Key::from_jwk(with(private_one, "d", base64url_encode('\0' + d)))),
              HasSubstr("d must be exactly 32 bytes"));
}

TEST(KeyFromJwk, EcPointOffTheCurve_IsRefused) {
  const auto jwk = public_jwk("P-256");
  auto y = *base64url_decode(jwk.at("y").as_string());
  y.back() = static_cast<char>(y.back() ^ 1);
  EXPECT_THAT(error_of(Key::from_jwk(with(jwk, "y", base64url_encode(y)))),
              HasSubstr("not a point of P-256"));
}

TEST(KeyFromJwk, EcPrivateKeyNotMatchingItsPoint_IsRefused) {
  auto jwk = private_jwk("P-256");
  const auto other = *base64url_decode(private_jwk("P-384").at("d").as_string());
  jwk["d"] = base64url_encode(other.substr(0, 32));
  EXPECT_THAT(error_of(Key::from_jwk(jwk)), HasSubstr("does not match"));
}

TEST(KeyFromJwk, CoordinatesOfAnotherCurve_AreRefused) {
  auto jwk = public_jwk("P-384");
  jwk["crv"] = "P-256";
  EXPECT_THAT(error_of(Key::from_jwk(jwk)), HasSubstr("x must be exactly 32 bytes for P-256"));
}

TEST(KeyFromJwk, Ed25519WithWrongSizeOrMismatchedD_IsRefused) {
  const auto jwk = private_jwk("Ed25519");
  EXPECT_THAT(error_of(Key::from_jwk(with(jwk, "x", "AAAA"))), HasSubstr("x must be exactly 32"));
  EXPECT_THAT(error_of(Key::from_jwk(with(jwk, "x", test::private_jwk("P-256").at("d")))),
              HasSubstr("x is not the public key of d"));
}

TEST(KeyFromJwk, OctKeys_AreRefusedPointingAtHmacSecret) {
  EXPECT_THAT(error_of(Key::from_jwk(R"({"kty":"oct","k":"c2VjcmV0"})")),
              HasSubstr("Key::hmac_secret"));
}

TEST(KeyFromJwk, UnsupportedCurvesAndTypes_SayUnsupported) {
  EXPECT_THAT(error_of(Key::from_jwk(R"({"kty":"OKP","crv":"Ed448","x":"AAAA"})")),
              HasSubstr("unsupported"));
  EXPECT_THAT(error_of(Key::from_jwk(R"({"kty":"EC","crv":"secp256k1","x":"AA","y":"AA"})")),
              HasSubstr("unsupported"));
  EXPECT_THAT(error_of(Key::from_jwk(R"({"kty":"XYZ"})")), HasSubstr("unsupported"));
}

TEST(KeyFromJwk, JsonWithDuplicateMembers_IsRefused) {
  auto jwk = boost::json::serialize(public_jwk("P-256"));
  jwk.insert(1, R"("crv":"P-384",)");
  EXPECT_THAT(error_of(Key::from_jwk(std::string_view(jwk))), HasSubstr("Duplicate"));
}

TEST(KeyFromJwk, NotAnObject_IsRefused) {
  EXPECT_THAT(error_of(Key::from_jwk(std::string_view("[1]"))), HasSubstr("object"));
}

TEST(KeyFromJwk, Errors_NeverContainKeyMaterial) {
  const auto jwk = private_jwk("RSA");
  const std::string d(jwk.at("d").as_string());
  for (const auto& broken : {with(jwk, "d", d + "="), without(jwk, "qi"), with(jwk, "e", "AQ"),
                             with(jwk, "alg", "ES256")}) {
    const auto message = error_of(Key::from_jwk(broken));
    EXPECT_THAT(message, Not(HasSubstr(d.substr(0, 16))));
    EXPECT_THAT(message, Not(HasSubstr(std::string(jwk.at("n").as_string()).substr(0, 16))));
  }
}

TEST(KeyFromJwk, Metadata_IsKept) {
  auto key =
      Key::from_jwk(with(with(with(public_jwk("RSA"), "kid", "k1"), "alg", "PS256"), "use", "sig"));
  ASSERT_TRUE(key);
  EXPECT_EQ(key->kid(), "k1");
  EXPECT_EQ(key->alg(), Algorithm::PS256);
  EXPECT_EQ(key->use(), "sig");
  EXPECT_EQ(key->to_jwk().at("kid"), "k1");
  EXPECT_EQ(key->to_jwk().at("alg"), "PS256");
}

TEST(KeyFromJwk, MetadataOfTheWrongType_IsRefused) {
  const auto jwk = public_jwk("RSA");
  EXPECT_THAT(error_of(Key::from_jwk(with(jwk, "kid", 7))), HasSubstr("kid must be a string"));
  EXPECT_THAT(error_of(Key::from_jwk(with(jwk, "key_ops", "verify"))), HasSubstr("key_ops"));
  EXPECT_THAT(error_of(Key::from_jwk(with(jwk, "key_ops", boost::json::array{"verify", "verify"}))),
              HasSubstr("repeated"));
}

TEST(KeyFromJwk, AlgThatDoesNotFitTheKey_IsRefused) {
  EXPECT_THAT(error_of(Key::from_jwk(with(public_jwk("RSA"), "alg", "ES256"))),
              HasSubstr("alg ES256 does not fit this RSA key"));
  EXPECT_THAT(error_of(Key::from_jwk(with(public_jwk("P-384"), "alg", "ES256"))),
              HasSubstr("does not fit this EC P-384 key"));
  EXPECT_THAT(error_of(Key::from_jwk(with(public_jwk("RSA"), "alg", "HS256"))),
              HasSubstr("does not fit"));
}

TEST(KeyFromJwk, AlgOaskitDoesNotImplement_LeavesAKeyThatFitsNothing) {
  auto key = Key::from_jwk(with(public_jwk("RSA"), "alg", "RSA-OAEP"));
  ASSERT_TRUE(key);
  EXPECT_EQ(key->alg(), std::nullopt);
  for (auto alg : asymmetric_algorithms()) EXPECT_FALSE(key->fits(alg));
}

// --- from_pem -------------------------------------------------------------------------------

TEST(KeyFromPem, PublicAndPkcs8PrivateKeysOfEachType_Load) {
  for (auto kind : {"RSA", "P-256", "P-384", "P-521", "Ed25519"}) {
    auto pub = Key::from_pem(public_pem(kind));
    ASSERT_TRUE(pub) << kind << ": " << pub.errors().message;
    EXPECT_FALSE(pub->has_private_part());
    auto priv = Key::from_pem(test::private_pem(kind));
    ASSERT_TRUE(priv) << kind << ": " << priv.errors().message;
    EXPECT_TRUE(priv->has_private_part());
    EXPECT_EQ(priv->to_jwk(), pub->to_jwk());
  }
}

TEST(KeyFromPem, TraditionalRsaAndEcPrivateKeys_Load) {
  for (auto kind : {"RSA", "P-256"}) {
    const auto pem = test::openssl("pkey -traditional -in " + test::private_key_file(kind));
    EXPECT_THAT(pem, HasSubstr(kind == std::string("RSA") ? "BEGIN RSA PRIVATE KEY"
                                                          : "BEGIN EC PRIVATE KEY"));
    auto key = Key::from_pem(pem);
    ASSERT_TRUE(key) << kind << ": " << key.errors().message;
    EXPECT_TRUE(key->has_private_part());
    EXPECT_EQ(key->to_jwk(), public_jwk(kind));
  }
}

TEST(KeyFromPem, EcParametersBeforeTheKey_AreSkipped) {
  const auto pem = test::openssl("ecparam -name prime256v1 -genkey");
  EXPECT_THAT(pem, HasSubstr("BEGIN EC PARAMETERS"));
  auto key = Key::from_pem(pem);
  ASSERT_TRUE(key) << key.errors().message;
  EXPECT_TRUE(key->fits(Algorithm::ES256));
}

TEST(KeyFromPem, Pkcs1RsaPublicKey_Loads) {
  const auto pem = test::openssl("rsa -RSAPublicKey_out -in " + test::private_key_file("RSA"));
  EXPECT_THAT(pem, HasSubstr("BEGIN RSA PUBLIC KEY"));
  auto key = Key::from_pem(pem);
  ASSERT_TRUE(key) << key.errors().message;
  EXPECT_EQ(key->to_jwk(), public_jwk("RSA"));
}

TEST(KeyFromPem, Certificate_GivesItsPublicKey) {
  const auto pem = test::openssl("req -x509 -key " + test::private_key_file("P-256") +
                                 " -subj /CN=oaskit-test -days 1");
  EXPECT_THAT(pem, HasSubstr("BEGIN CERTIFICATE"));
  auto key = Key::from_pem(pem, std::string("cert-1"), Algorithm::ES256);
  ASSERT_TRUE(key) << key.errors().message;
  EXPECT_FALSE(key->has_private_part());
  EXPECT_EQ(key->kid(), "cert-1");
  EXPECT_EQ(key->alg(), Algorithm::ES256);
  auto signature = private_key("P-256").sign(Algorithm::ES256, "input");
  ASSERT_TRUE(signature);
  EXPECT_TRUE(key->verify(Algorithm::ES256, "input", *signature));
}

TEST(KeyFromPem, AlgThatDoesNotFit_IsRefused) {
  EXPECT_THAT(error_of(Key::from_pem(public_pem("RSA"), std::nullopt, Algorithm::ES256)),
              HasSubstr("does not fit"));
}

TEST(KeyFromPem, EncryptedPrivateKey_IsRefusedWithoutPrompting) {
  const auto pem = test::openssl("pkey -aes256 -passout pass:secret-pass -in " +
                                 test::private_key_file("P-256"));
  EXPECT_THAT(error_of(Key::from_pem(pem)), HasSubstr("encrypted"));
  const auto traditional = test::openssl(
      "pkey -traditional -aes256 -passout pass:secret-pass -in " + test::private_key_file("P-256"));
  EXPECT_THAT(traditional, HasSubstr("ENCRYPTED"));
  EXPECT_FALSE(Key::from_pem(traditional));
}

TEST(KeyFromPem, Rsa1024AndOtherKeyTypes_AreRefused) {
  EXPECT_THAT(error_of(Key::from_pem(public_pem("RSA1024"))), HasSubstr("at least 2048"));
  EXPECT_THAT(error_of(Key::from_pem(public_pem("Ed448"))), HasSubstr("unsupported"));
  EXPECT_THAT(error_of(Key::from_pem(public_pem("secp256k1"))), HasSubstr("unsupported"));
}

TEST(KeyFromPem, NotPem_IsRefused) {
  EXPECT_THAT(error_of(Key::from_pem("hello")), HasSubstr("no PEM"));
  auto damaged = public_pem("RSA");
  damaged[40] = '!';
  EXPECT_THAT(error_of(Key::from_pem(damaged)), HasSubstr("could not be read"));
}

TEST(KeyFromPem, Errors_LeaveNoOpenSslErrorsBehind) {
  auto damaged = public_pem("RSA");
  damaged[40] = '!';
  EXPECT_FALSE(Key::from_pem(damaged));
  EXPECT_EQ(ERR_peek_error(), 0UL);
  EXPECT_FALSE(Key::from_jwk(
      R"({"kty":"EC","crv":"P-256","x":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA","y":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"})"));
  EXPECT_EQ(ERR_peek_error(), 0UL);
}

// --- hmac_secret ----------------------------------------------------------------------------

TEST(KeyHmacSecret, ShorterThan32Bytes_IsRefused) {
  EXPECT_THAT(error_of(Key::hmac_secret(std::string(31, 'x'))), HasSubstr("at least 32"));
  EXPECT_TRUE(Key::hmac_secret(std::string(32, 'x')));
}

TEST(KeyHmacSecret, FitsOnlyTheHashesItIsLongEnoughFor) {
  auto short_one = *Key::hmac_secret(std::string(32, 'x'));
  EXPECT_TRUE(short_one.fits(Algorithm::HS256));
  EXPECT_FALSE(short_one.fits(Algorithm::HS384));
  EXPECT_FALSE(short_one.fits(Algorithm::HS512));
  auto middle = *Key::hmac_secret(std::string(48, 'x'));
  EXPECT_TRUE(middle.fits(Algorithm::HS384));
  EXPECT_FALSE(middle.fits(Algorithm::HS512));
  EXPECT_TRUE(Key::hmac_secret(std::string(64, 'x'))->fits(Algorithm::HS512));
}

TEST(KeyHmacSecret, IsAnOctKeyWithItsKid) {
  auto key = *Key::hmac_secret(std::string(32, 'x'), std::string("h1"));
  EXPECT_EQ(key.type(), KeyType::oct);
  EXPECT_EQ(key.kid(), "h1");
  EXPECT_EQ(key.to_jwk().at("k").as_string(), base64url_encode(std::string(32, 'x')));
}

// --- fits -----------------------------------------------------------------------------------

TEST(KeyFits, EachKeyFitsExactlyItsAlgorithms) {
  const std::vector<Algorithm> all{
      Algorithm::HS256, Algorithm::HS384, Algorithm::HS512, Algorithm::RS256, Algorithm::RS384,
      Algorithm::RS512, Algorithm::PS256, Algorithm::PS384, Algorithm::PS512, Algorithm::ES256,
      Algorithm::ES384, Algorithm::ES512, Algorithm::EdDSA};
  const std::vector<std::pair<Key, std::vector<Algorithm>>> matrix{
      {public_key("RSA"),
       {Algorithm::RS256, Algorithm::RS384, Algorithm::RS512, Algorithm::PS256, Algorithm::PS384,
        Algorithm::PS512}},
      {public_key("P-256"), {Algorithm::ES256}},
      {public_key("P-384"), {Algorithm::ES384}},
      {public_key("P-521"), {Algorithm::ES512}},
      {public_key("Ed25519"), {Algorithm::EdDSA}},
      {test::test_secret(), {Algorithm::HS256, Algorithm::HS384, Algorithm::HS512}},
  };
  for (const auto& [key, fitting] : matrix) {
    for (auto alg : all) {
      const bool expected = std::find(fitting.begin(), fitting.end(), alg) != fitting.end();
      EXPECT_EQ(key.fits(alg), expected)
          << boost::json::serialize(key.to_jwk()).substr(0, 30) << " " << to_string(alg);
    }
  }
}

TEST(KeyFits, KeyAlg_RestrictsToThatAlgorithm) {
  auto key = *Key::from_jwk(with(public_jwk("RSA"), "alg", "RS256"));
  EXPECT_TRUE(key.fits(Algorithm::RS256));
  EXPECT_FALSE(key.fits(Algorithm::RS384));
  EXPECT_FALSE(key.fits(Algorithm::PS256));
}

TEST(KeyFits, UseOtherThanSig_FitsNothing) {
  auto key = *Key::from_jwk(with(public_jwk("RSA"), "use", "enc"));
  for (auto alg : asymmetric_algorithms()) EXPECT_FALSE(key.fits(alg));
}

TEST(KeyFits, KeyOpsWithoutVerify_CannotVerify) {
  auto jwk = with(private_jwk("P-256"), "key_ops", boost::json::array{"sign"});
  auto key = *Key::from_jwk(jwk);
  auto signature = key.sign(Algorithm::ES256, "input");
  ASSERT_TRUE(signature) << signature.errors().message;
  EXPECT_FALSE(key.verify(Algorithm::ES256, "input", *signature));
  EXPECT_TRUE(public_key("P-256").verify(Algorithm::ES256, "input", *signature));

  auto verify_only =
      *Key::from_jwk(with(private_jwk("P-256"), "key_ops", boost::json::array{"verify"}));
  EXPECT_TRUE(verify_only.verify(Algorithm::ES256, "input", *signature));
  EXPECT_THAT(verify_only.sign(Algorithm::ES256, "input").errors().message, HasSubstr("key_ops"));

  auto neither =
      *Key::from_jwk(with(public_jwk("P-256"), "key_ops", boost::json::array{"encrypt"}));
  EXPECT_FALSE(neither.fits(Algorithm::ES256));
}

TEST(KeyFits, AlgorithmNames_AreExactAndNoneIsNotOne) {
  EXPECT_EQ(algorithm_from_string("RS256"), Algorithm::RS256);
  EXPECT_EQ(algorithm_from_string("EdDSA"), Algorithm::EdDSA);
  EXPECT_EQ(algorithm_from_string("rs256"), std::nullopt);
  EXPECT_EQ(algorithm_from_string("none"), std::nullopt);
  EXPECT_EQ(algorithm_from_string("RS256 "), std::nullopt);
  for (auto alg : asymmetric_algorithms()) {
    EXPECT_EQ(algorithm_from_string(to_string(alg)), alg);
    EXPECT_FALSE(is_hmac(alg));
  }
  EXPECT_EQ(asymmetric_algorithms().size(), 10U);
  EXPECT_TRUE(is_hmac(Algorithm::HS384));
}

}  // namespace
}  // namespace oaskit::jose
