// Signatures for every algorithm: round trips, tampering, sizes, and the ECDSA and RSA
// checks that keep malformed or cross-algorithm signatures out.

#include <gtest/gtest.h>
#include <openssl/ec.h>
#include <openssl/evp.h>

#include <algorithm>
#include <string>
#include <thread>
#include <vector>

#include "jose/algorithm_traits.hpp"
#include "jose/ecdsa_signature.hpp"
#include "jose/test_keys.hpp"
#include "oaskit/jose.hpp"

namespace oaskit::jose {
namespace {

using test::private_key;
using test::public_key;
using test::signing_key;

const std::vector<Algorithm> every_algorithm{
    Algorithm::HS256, Algorithm::HS384, Algorithm::HS512, Algorithm::RS256, Algorithm::RS384,
    Algorithm::RS512, Algorithm::PS256, Algorithm::PS384, Algorithm::PS512, Algorithm::ES256,
    Algorithm::ES384, Algorithm::ES512, Algorithm::EdDSA};

// The key that checks `alg` signatures: the public half, or the secret itself.
Key verifying_key(Algorithm alg) {
  return is_hmac(alg) ? test::test_secret() : public_key(test::kind_for(alg));
}

class SignatureTest : public ::testing::TestWithParam<Algorithm> {
 protected:
  void SetUp() override {
    auto made = signing_key(GetParam()).sign(GetParam(), input);
    ASSERT_TRUE(made) << made.errors().message;
    signature = *made;
  }
  bool verifies(std::string_view text, std::string_view sig) const {
    return verifying_key(GetParam()).verify(GetParam(), text, sig);
  }
  const std::string input = "eyJhbGciOiJ4In0.eyJzdWIiOiJhbGljZSJ9";
  std::string signature;
};

TEST_P(SignatureTest, SignedInput_Verifies) { EXPECT_TRUE(verifies(input, signature)); }

TEST_P(SignatureTest, TamperedInput_DoesNotVerify) {
  std::string tampered = input;
  tampered[10] ^= 1;
  EXPECT_FALSE(verifies(tampered, signature));
  EXPECT_FALSE(verifies(input + "x", signature));
  EXPECT_FALSE(verifies("", signature));
}

TEST_P(SignatureTest, TamperedSignature_DoesNotVerify) {
  for (std::size_t at : {std::size_t{0}, signature.size() / 2, signature.size() - 1}) {
    std::string tampered = signature;
    tampered[at] ^= 0x10;
    EXPECT_FALSE(verifies(input, tampered)) << at;
  }
}

TEST_P(SignatureTest, SignatureOfTheWrongSize_DoesNotVerify) {
  EXPECT_FALSE(verifies(input, ""));
  EXPECT_FALSE(verifies(input, signature.substr(0, signature.size() - 1)));
  EXPECT_FALSE(verifies(input, signature + '\0'));
  EXPECT_FALSE(verifies(input, std::string(1, '\0') + signature));
}

TEST_P(SignatureTest, KeyOfAnotherAlgorithm_NeitherVerifiesNorSigns) {
  for (auto other : every_algorithm) {
    if (verifying_key(other).fits(GetParam())) continue;  // e.g. RS256 and PS256: one key
    EXPECT_FALSE(verifying_key(other).verify(GetParam(), input, signature)) << to_string(other);
    EXPECT_FALSE(signing_key(other).sign(GetParam(), input)) << to_string(other);
  }
}

TEST_P(SignatureTest, OneKey_VerifiesFromManyThreadsAtOnce) {
  const Key key = verifying_key(GetParam());
  std::vector<std::thread> threads;
  std::vector<int> good(4, 0);
  for (std::size_t t = 0; t < good.size(); ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 20; ++i) {
        good[t] += key.verify(GetParam(), input, signature) ? 1 : 0;
        good[t] += key.verify(GetParam(), input + "x", signature) ? 100 : 0;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  for (int count : good) EXPECT_EQ(count, 20);
}

TEST_P(SignatureTest, SignCompact_MakesATokenWhoseSignatureVerifies) {
  auto token =
      sign_compact({{"typ", "JWT"}}, R"({"sub":"alice"})", signing_key(GetParam()), GetParam());
  ASSERT_TRUE(token) << token.errors().message;
  const auto last_dot = token->rfind('.');
  const auto signing_input = token->substr(0, last_dot);
  const auto sig = base64url_decode(std::string_view(*token).substr(last_dot + 1));
  ASSERT_TRUE(sig);
  EXPECT_TRUE(verifies(signing_input, *sig));
  const auto header = base64url_decode(signing_input.substr(0, signing_input.find('.')));
  EXPECT_NE(header->find("\"alg\":\"" + std::string(to_string(GetParam())) + "\""),
            std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(EveryAlgorithm, SignatureTest, ::testing::ValuesIn(every_algorithm),
                         test::algorithm_name);

TEST(Sign, PublicKey_CannotSign) {
  for (auto alg : asymmetric_algorithms()) {
    auto signed_input = verifying_key(alg).sign(alg, "input");
    ASSERT_FALSE(signed_input) << to_string(alg);
    EXPECT_EQ(signed_input.errors().message, "signing needs a private key");
  }
}

TEST(SignCompact, KidComesFromTheKeyUnlessTheHeaderHasOne) {
  auto key = test::test_secret();
  auto token = sign_compact({}, "{}", key, Algorithm::HS256);
  ASSERT_TRUE(token);
  EXPECT_EQ(*base64url_decode(token->substr(0, token->find('.'))),
            R"({"alg":"HS256","kid":"hmac-1"})");
  token = sign_compact({{"kid", "mine"}, {"alg", "none"}}, "{}", key, Algorithm::HS256);
  EXPECT_EQ(*base64url_decode(token->substr(0, token->find('.'))),
            R"({"kid":"mine","alg":"HS256"})");
}

TEST(SignCompact, KeyThatDoesNotFit_IsAnError) {
  EXPECT_FALSE(sign_compact({}, "{}", private_key("P-256"), Algorithm::ES384));
  EXPECT_FALSE(sign_compact({}, "{}", public_key("P-256"), Algorithm::ES256));
}

// --- ECDSA ----------------------------------------------------------------------------------

// A DER signature straight from OpenSSL, as JOSE must not accept it.
std::string der_signature(Algorithm alg, std::string_view input) {
  const std::string pem = test::private_pem(test::kind_for(alg));
  std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new_mem_buf(pem.data(), int(pem.size())),
                                                BIO_free);
  std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> pkey(
      PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr), EVP_PKEY_free);
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  std::size_t size = 0;
  EXPECT_EQ(EVP_DigestSignInit(ctx.get(), nullptr, detail::digest_of(alg), nullptr, pkey.get()), 1);
  const auto* data = reinterpret_cast<const unsigned char*>(input.data());
  EVP_DigestSign(ctx.get(), nullptr, &size, data, input.size());
  std::string der(size, '\0');
  EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(der.data()), &size, data,
                 input.size());
  der.resize(size);
  return der;
}

class EcdsaTest : public ::testing::TestWithParam<Algorithm> {
 protected:
  const detail::Curve& curve() const { return *detail::curve_of(GetParam()); }
  bool verifies(std::string_view sig) const {
    return public_key(test::kind_for(GetParam())).verify(GetParam(), "input", sig);
  }
};

TEST_P(EcdsaTest, DerSignatures_AreRefused) {
  const auto der = der_signature(GetParam(), "input");
  EXPECT_FALSE(verifies(der));
  // The same signature as raw r‖s is fine.
  const auto raw = detail::ecdsa_der_to_raw(der, curve());
  ASSERT_TRUE(raw);
  EXPECT_TRUE(verifies(*raw));
}

TEST_P(EcdsaTest, ZeroROrS_IsRefused) {  // CVE-2022-21449, "psychic signatures"
  const std::string zero(curve().size, '\0');
  const auto good = *private_key(test::kind_for(GetParam())).sign(GetParam(), "input");
  EXPECT_FALSE(verifies(zero + zero));
  EXPECT_FALSE(verifies(zero + good.substr(curve().size)));
  EXPECT_FALSE(verifies(good.substr(0, curve().size) + zero));
  EXPECT_FALSE(detail::ecdsa_raw_to_der(zero + zero, curve()));
}

TEST_P(EcdsaTest, ROrSAtOrAboveTheOrder_IsRefused) {
  const std::string n(curve().order);
  const auto good = *private_key(test::kind_for(GetParam())).sign(GetParam(), "input");
  const auto r = good.substr(0, curve().size), s = good.substr(curve().size);
  EXPECT_FALSE(verifies(n + n));
  EXPECT_FALSE(verifies(n + s));
  EXPECT_FALSE(verifies(r + n));
  EXPECT_FALSE(detail::ecdsa_raw_to_der(n + s, curve()));
  const std::string all_ones(curve().size, '\xff');
  EXPECT_FALSE(detail::ecdsa_raw_to_der(all_ones + s, curve()));
  // One below the order is in range (if not a valid signature).
  std::string below = n;
  below.back() = static_cast<char>(below.back() - 1);
  EXPECT_TRUE(detail::ecdsa_raw_to_der(below + s, curve()));
}

TEST_P(EcdsaTest, CurveOrder_IsOpenSslsOrder) {
  const int nid = OBJ_sn2nid(std::string(curve().openssl_name).c_str());
  std::unique_ptr<EC_GROUP, decltype(&EC_GROUP_free)> group(EC_GROUP_new_by_curve_name(nid),
                                                            EC_GROUP_free);
  std::string order(curve().size, '\0');
  BN_bn2binpad(EC_GROUP_get0_order(group.get()), reinterpret_cast<unsigned char*>(order.data()),
               int(order.size()));
  EXPECT_EQ(order, curve().order);
}

TEST_P(EcdsaTest, RawToDer_MatchesOpenSslsEncoding) {
  // Values with and without the high bit, with leading zero bytes, and small ones.
  const std::size_t size = curve().size;
  std::vector<std::string> values{
      std::string(size - 1, '\0') + '\x01', std::string(size - 1, '\0') + '\x80',
      // high bit clear, at the top of the range (P-521: 0x01)
      std::string(1, curve().order[0] == '\x01' ? '\x01' : '\x7f') + std::string(size - 1, '\xee'),
      std::string(curve().order).substr(0, size - 1) + '\0',
      std::string(2, '\0') + std::string(size - 2, '\x91')};
  for (const auto& r : values) {
    for (const auto& s : values) {
      const auto ours = detail::ecdsa_raw_to_der(r + s, curve());
      ASSERT_TRUE(ours);
      std::unique_ptr<ECDSA_SIG, decltype(&ECDSA_SIG_free)> sig(ECDSA_SIG_new(), ECDSA_SIG_free);
      auto to_bn = [](const std::string& v) {
        return BN_bin2bn(reinterpret_cast<const unsigned char*>(v.data()), int(v.size()), nullptr);
      };
      ECDSA_SIG_set0(sig.get(), to_bn(r), to_bn(s));
      unsigned char* der = nullptr;
      const int length = i2d_ECDSA_SIG(sig.get(), &der);
      const std::string theirs(reinterpret_cast<const char*>(der), length);
      OPENSSL_free(der);
      EXPECT_EQ(std::string(reinterpret_cast<const char*>(ours->bytes.data()), ours->size), theirs);
      EXPECT_EQ(detail::ecdsa_der_to_raw(theirs, curve()), r + s);
    }
  }
}

TEST_P(EcdsaTest, SignaturesComeOutRawAndPadded) {
  const auto key = private_key(test::kind_for(GetParam()));
  for (int i = 0; i < 20; ++i) {  // some r or s have leading zero bytes: still full size
    const auto sig = key.sign(GetParam(), "input " + std::to_string(i));
    ASSERT_TRUE(sig);
    EXPECT_EQ(sig->size(), 2 * curve().size);
  }
}

INSTANTIATE_TEST_SUITE_P(EveryCurve, EcdsaTest,
                         ::testing::Values(Algorithm::ES256, Algorithm::ES384, Algorithm::ES512),
                         test::algorithm_name);

// --- RSA ------------------------------------------------------------------------------------

TEST(RsaSignature, Pkcs1AndPss_DoNotVerifyAsEachOther) {
  const auto key = private_key("RSA");
  const auto pkcs1 = *key.sign(Algorithm::RS256, "input");
  const auto pss = *key.sign(Algorithm::PS256, "input");
  EXPECT_TRUE(key.verify(Algorithm::RS256, "input", pkcs1));
  EXPECT_TRUE(key.verify(Algorithm::PS256, "input", pss));
  EXPECT_FALSE(key.verify(Algorithm::PS256, "input", pkcs1));
  EXPECT_FALSE(key.verify(Algorithm::RS256, "input", pss));
  EXPECT_FALSE(key.verify(Algorithm::RS384, "input", pkcs1));
  EXPECT_FALSE(key.verify(Algorithm::PS384, "input", pss));
}

TEST(RsaSignature, SignatureShorterThanTheModulus_IsRefusedEvenIfOpenSslWouldPadIt) {
  // A PKCS#1 v1.5 signature whose first byte is zero, found by trying inputs.
  const auto key = private_key("RSA");
  for (int i = 0; i < 5000; ++i) {
    const std::string input = "input " + std::to_string(i);
    const auto sig = *key.sign(Algorithm::RS256, input);
    if (sig[0] != '\0') continue;
    EXPECT_TRUE(key.verify(Algorithm::RS256, input, sig));
    EXPECT_FALSE(key.verify(Algorithm::RS256, input, sig.substr(1)));
    return;
  }
  FAIL() << "no signature with a leading zero byte in 5000 tries";
}

TEST(RsaSignature, OpensslDgstPkcs1Signature_VerifiesAsRs256) {
  const auto file = test::private_key_file("RSA");
  test::run_command("printf 'signing input' > input.txt");
  test::openssl("dgst -sha256 -sign " + file + " -out rs256.sig input.txt");
  EXPECT_TRUE(
      public_key("RSA").verify(Algorithm::RS256, "signing input", test::read_file("rs256.sig")));
  EXPECT_FALSE(
      public_key("RSA").verify(Algorithm::PS256, "signing input", test::read_file("rs256.sig")));
}

TEST(RsaSignature, OpensslDgstPssSignature_VerifiesAsPs256OnlyWithHashLengthSalt) {
  const auto file = test::private_key_file("RSA");
  test::run_command("printf 'signing input' > input.txt");
  test::openssl(
      "dgst -sha256 -sign " + file +
      " -sigopt rsa_padding_mode:pss -sigopt rsa_pss_saltlen:32 -out ps256.sig input.txt");
  EXPECT_TRUE(
      public_key("RSA").verify(Algorithm::PS256, "signing input", test::read_file("ps256.sig")));
  // RFC 7518 §3.5: the salt is as long as the hash; a 20-byte salt is another signature scheme.
  test::openssl("dgst -sha256 -sign " + file +
                " -sigopt rsa_padding_mode:pss -sigopt rsa_pss_saltlen:20 -out ps256-20.sig "
                "input.txt");
  EXPECT_FALSE(
      public_key("RSA").verify(Algorithm::PS256, "signing input", test::read_file("ps256-20.sig")));
}

TEST(EcdsaSignature, OpensslDgstSignature_VerifiesOnceMadeRaw) {
  const auto file = test::private_key_file("P-256");
  test::run_command("printf 'signing input' > input.txt");
  test::openssl("dgst -sha256 -sign " + file + " -out es256.der input.txt");
  const auto der = test::read_file("es256.der");
  EXPECT_FALSE(public_key("P-256").verify(Algorithm::ES256, "signing input", der));
  const auto raw = detail::ecdsa_der_to_raw(der, *detail::curve_of(Algorithm::ES256));
  ASSERT_TRUE(raw);
  EXPECT_TRUE(public_key("P-256").verify(Algorithm::ES256, "signing input", *raw));
}

TEST(Ed25519Signature, OpensslPkeyutlSignature_Verifies) {
  const auto file = test::private_key_file("Ed25519");
  test::run_command("printf 'signing input' > input.txt");
  test::openssl("pkeyutl -sign -rawin -inkey " + file + " -in input.txt -out ed.sig");
  EXPECT_TRUE(
      public_key("Ed25519").verify(Algorithm::EdDSA, "signing input", test::read_file("ed.sig")));
}

// --- HMAC -----------------------------------------------------------------------------------

TEST(HmacSignature, MatchesOpensslsHmac) {
  const std::string secret(64, 's');
  test::run_command("printf 'signing input' > input.txt");
  const auto hex = test::openssl("dgst -sha384 -mac HMAC -macopt key:" + secret + " -r input.txt");
  const auto tag = *test::signing_key(Algorithm::HS384).sign(Algorithm::HS384, "signing input");
  std::string tag_hex;
  for (unsigned char c : tag) {
    constexpr std::string_view digits = "0123456789abcdef";
    tag_hex += digits[c >> 4];
    tag_hex += digits[c & 15];
  }
  EXPECT_EQ(hex.substr(0, tag_hex.size()), tag_hex);
}

TEST(HmacSignature, TruncatedTag_IsRefused) {
  const auto key = test::test_secret();
  const auto tag = *key.sign(Algorithm::HS512, "input");
  EXPECT_EQ(tag.size(), 64U);
  EXPECT_FALSE(key.verify(Algorithm::HS512, "input", tag.substr(0, 32)));
  EXPECT_FALSE(key.verify(Algorithm::HS256, "input", tag.substr(0, 32)));
}

TEST(Verify, FailuresLeaveNoOpenSslErrorsBehind) {
  const auto key = public_key("RSA");
  EXPECT_FALSE(key.verify(Algorithm::RS256, "input", std::string(256, '\x01')));
  EXPECT_EQ(ERR_peek_error(), 0UL);
  const auto ec = public_key("P-256");
  EXPECT_FALSE(ec.verify(Algorithm::ES256, "input", std::string(64, '\x01')));
  EXPECT_EQ(ERR_peek_error(), 0UL);
}

}  // namespace
}  // namespace oaskit::jose
