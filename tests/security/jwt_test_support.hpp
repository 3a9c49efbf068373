#pragma once
// Keys made with OpenSSL for the JWT tests (once per process) and ways to mint tokens with
// them: well-formed ones through jose::sign_compact, and malformed ones by hand.

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>
#include <chrono>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

#include "oaskit/jose.hpp"
#include "oaskit/security/jwt_verifier.hpp"

namespace oaskit::test {

namespace json = boost::json;

/// The tests' "now": 2027-01-15T08:00:00Z.
inline constexpr std::int64_t test_now = 1'800'000'000;
inline std::chrono::system_clock::time_point test_time(std::int64_t seconds) {
  return std::chrono::system_clock::time_point(std::chrono::seconds(seconds));
}

/// A fresh private key as PEM: `type` "RSA" (2048 bits), "EC" (with `curve` "P-256", ...),
/// or "ED25519". With `public_only`, the public key's PEM instead.
inline std::string generate_pem(const char* type, const char* curve = nullptr,
                                bool public_only = false) {
  EVP_PKEY* key = nullptr;
  if (std::string_view(type) == "RSA") {
    key = EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", static_cast<size_t>(2048));
  } else if (curve != nullptr) {
    key = EVP_PKEY_Q_keygen(nullptr, nullptr, type, curve);
  } else {
    key = EVP_PKEY_Q_keygen(nullptr, nullptr, type);
  }
  if (key == nullptr) throw std::runtime_error("OpenSSL could not generate a key");
  const std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> owned(key, &EVP_PKEY_free);
  const std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), &BIO_free);
  const int written =
      public_only ? PEM_write_bio_PUBKEY(bio.get(), key)
                  : PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr);
  if (written != 1) throw std::runtime_error("OpenSSL could not write a PEM key");
  char* data = nullptr;
  const long size = BIO_get_mem_data(bio.get(), &data);
  return {data, static_cast<std::size_t>(size)};
}

/// The public PEM of a private PEM key.
inline std::string public_pem_of(const std::string& private_pem) {
  const std::unique_ptr<BIO, decltype(&BIO_free)> in(
      BIO_new_mem_buf(private_pem.data(), static_cast<int>(private_pem.size())), &BIO_free);
  const std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(
      PEM_read_bio_PrivateKey(in.get(), nullptr, nullptr, nullptr), &EVP_PKEY_free);
  const std::unique_ptr<BIO, decltype(&BIO_free)> out(BIO_new(BIO_s_mem()), &BIO_free);
  if (!key || PEM_write_bio_PUBKEY(out.get(), key.get()) != 1) {
    throw std::runtime_error("OpenSSL could not read a PEM key");
  }
  char* data = nullptr;
  const long size = BIO_get_mem_data(out.get(), &data);
  return {data, static_cast<std::size_t>(size)};
}

/// An ECDSA signature as OpenSSL makes it (DER), which JWS does not allow.
inline std::string der_signature(const std::string& private_pem, std::string_view input) {
  const std::unique_ptr<BIO, decltype(&BIO_free)> in(
      BIO_new_mem_buf(private_pem.data(), static_cast<int>(private_pem.size())), &BIO_free);
  const std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(
      PEM_read_bio_PrivateKey(in.get(), nullptr, nullptr, nullptr), &EVP_PKEY_free);
  const std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(),
                                                                    &EVP_MD_CTX_free);
  std::string signature(128, '\0');
  std::size_t size = signature.size();
  if (!key || EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key.get()) != 1 ||
      EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(signature.data()), &size,
                     reinterpret_cast<const unsigned char*>(input.data()), input.size()) != 1) {
    throw std::runtime_error("OpenSSL could not sign");
  }
  signature.resize(size);
  return signature;
}

inline jose::Key must(Result<jose::Key, jose::KeyError> key) {
  if (!key) throw std::runtime_error("test key refused: " + key.errors().message);
  return std::move(*key);
}

/// A private key and its public half (as a verifier would be configured: from the public JWK).
struct KeyPair {
  std::string private_pem;
  jose::Key signing;
  jose::Key verifying;
};

inline KeyPair make_key_pair(const char* type, const char* curve, std::string kid) {
  auto pem = generate_pem(type, curve);
  auto signing = must(jose::Key::from_pem(pem, kid));
  auto verifying = must(jose::Key::from_jwk(signing.to_jwk()));
  return {std::move(pem), std::move(signing), std::move(verifying)};
}

/// Every kind of key the tests use, generated once per test process.
struct TestKeys {
  KeyPair rsa = make_key_pair("RSA", nullptr, "rsa-1");
  KeyPair rsa_attacker = make_key_pair("RSA", nullptr, "attacker");
  KeyPair p256 = make_key_pair("EC", "P-256", "ec-256");
  KeyPair p384 = make_key_pair("EC", "P-384", "ec-384");
  KeyPair p521 = make_key_pair("EC", "P-521", "ec-521");
  KeyPair ed25519 = make_key_pair("ED25519", nullptr, "ed-1");
  jose::Key secret = must(jose::Key::hmac_secret(std::string(64, 's'), "hmac-1"));
};
inline const TestKeys& keys() {
  static const TestKeys made;
  return made;
}

/// Claims a default verifier accepts at test_now.
inline json::object good_claims() {
  return {{"iss", "https://auth.example.com/"},
          {"aud", "https://api.example.com"},
          {"sub", "user-42"},
          {"client_id", "app-7"},
          {"scope", "pets:read pets:write"},
          {"iat", test_now - 10},
          {"exp", test_now + 3600}};
}

/// Options matching good_claims(), keys from keys(), the clock at `test_now`.
inline security::JwtVerifierOptions test_options() {
  security::JwtVerifierOptions options;
  options.issuer = "https://auth.example.com/";
  options.audience = "https://api.example.com";
  options.algorithms = {jose::Algorithm::RS256, jose::Algorithm::ES256};
  options.keys = jose::KeySet({keys().rsa.verifying, keys().p256.verifying});
  options.clock = [] { return test_time(test_now); };
  return options;
}

/// A token signed properly by `key`: `payload` is the claims' JSON text, as is.
inline std::string mint_text(const jose::Key& key, jose::Algorithm alg, std::string_view payload,
                             json::object header = {}) {
  auto token = jose::sign_compact(std::move(header), payload, key, alg);
  if (!token) throw std::runtime_error("sign_compact failed: " + token.errors().message);
  return std::move(*token);
}

inline std::string mint(const jose::Key& key, jose::Algorithm alg, const json::object& claims,
                        json::object header = {}) {
  return mint_text(key, alg, json::serialize(claims), std::move(header));
}

/// An RS256 token from the configured RSA key with these claims.
inline std::string mint_rs256(const json::object& claims = good_claims(),
                              json::object header = {}) {
  return mint(keys().rsa.signing, jose::Algorithm::RS256, claims, std::move(header));
}

/// A token assembled by hand from header and payload text, signed with `key` (or carrying
/// `signature` when there is no key).
inline std::string assemble(std::string_view header, std::string_view payload,
                            const jose::Key* key = nullptr, jose::Algorithm alg = {},
                            std::string_view signature = {}) {
  std::string input = jose::base64url_encode(header) + "." + jose::base64url_encode(payload);
  std::string bytes(signature);
  if (key != nullptr) {
    auto made = key->sign(alg, input);
    if (!made) throw std::runtime_error("sign failed: " + made.errors().message);
    bytes = std::move(*made);
  }
  return input + "." + jose::base64url_encode(bytes);
}

}  // namespace oaskit::test
