// Key::generate, Key::thumbprint (RFC 7638), Key::private_pem and random_base64url: what a
// party that issues tokens needs beside what verifies them.

#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/rsa.h>

#include <boost/json/serialize.hpp>
#include <stdexcept>

#include "jose/key_state.hpp"

namespace oaskit::jose {
namespace {

detail::PkeyPtr new_pkey(Algorithm alg) {
  if (const auto* curve = detail::curve_of(alg)) {
    return detail::PkeyPtr(EVP_EC_gen(std::string(curve->openssl_name).c_str()));
  }
  if (alg == Algorithm::EdDSA)
    return detail::PkeyPtr(EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519"));
  constexpr std::size_t rsa_bits = 2048;
  return detail::PkeyPtr(EVP_RSA_gen(rsa_bits));
}

}  // namespace

std::string random_base64url(std::size_t bytes) {
  std::string random(bytes, '\0');
  if (RAND_bytes(reinterpret_cast<unsigned char*>(random.data()), static_cast<int>(bytes)) != 1) {
    detail::forget_openssl_errors();
    throw std::runtime_error("OpenSSL could not make random bytes");
  }
  auto text = base64url_encode(random);
  OPENSSL_cleanse(random.data(), random.size());
  return text;
}

Result<Key, KeyError> Key::generate(Algorithm alg, std::optional<std::string> kid) {
  if (is_hmac(alg)) {
    return KeyError{"HMAC keys are secrets: make one with Key::hmac_secret from random bytes"};
  }
  auto pkey = new_pkey(alg);
  if (!pkey) {
    detail::forget_openssl_errors();
    return KeyError{"OpenSSL could not generate a key for " + std::string(to_string(alg))};
  }
  KeyMetadata metadata;
  metadata.alg = std::string(to_string(alg));
  metadata.use = "sig";
  auto state = detail::state_for(std::move(pkey), true, metadata);
  if (!state) return state.errors();
  if (!kid) {
    metadata.kid = Key(*state).thumbprint();
    (*state)->metadata = std::move(metadata);
  } else {
    (*state)->metadata.kid = std::move(kid);
  }
  return Key(std::move(*state));
}

std::string Key::thumbprint() const {
  // RFC 7638 §3.2: the required members only, in lexicographic order; Boost.JSON keeps the
  // insertion order and writes no whitespace.
  const auto jwk = to_jwk();
  static constexpr std::string_view ordered[][4] = {
      {"e", "kty", "n", ""},     // RSA
      {"crv", "kty", "x", "y"},  // EC
      {"crv", "kty", "x", ""},   // OKP
      {"k", "kty", "", ""},      // oct
  };
  const auto& names = ordered[static_cast<int>(state_->type)];
  boost::json::object members;
  for (auto name : names) {
    if (name.empty()) continue;
    if (const auto* value = jwk.if_contains(name)) members[name] = *value;
  }
  const auto text = boost::json::serialize(members);
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int size = 0;
  if (EVP_Digest(text.data(), text.size(), digest.data(), &size, EVP_sha256(), nullptr) != 1) {
    detail::forget_openssl_errors();
    throw std::runtime_error("OpenSSL could not compute SHA-256");
  }
  return base64url_encode(std::string_view(reinterpret_cast<const char*>(digest.data()), size));
}

Result<std::string, KeyError> Key::private_pem() const {
  if (!state_->pkey || !state_->has_private_part) {
    return KeyError{"only a private key can be written as a PRIVATE KEY PEM block"};
  }
  const detail::BioPtr bio(BIO_new(BIO_s_mem()));
  if (!bio || PEM_write_bio_PrivateKey(bio.get(), state_->pkey.get(), nullptr, nullptr, 0, nullptr,
                                       nullptr) != 1) {
    detail::forget_openssl_errors();
    return KeyError{"OpenSSL could not write the private key"};
  }
  char* data = nullptr;
  const long size = BIO_get_mem_data(bio.get(), &data);
  return std::string(data, static_cast<std::size_t>(size));
}

}  // namespace oaskit::jose
