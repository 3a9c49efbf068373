// Key::to_jwk: the public JWK of a key (RFC 7518 §6), or the oct JWK of a secret.

#include <openssl/core_names.h>

#include <array>

#include "jose/key_state.hpp"

namespace oaskit::jose {
namespace {

// A BIGNUM parameter as base64url, left-padded to `size` bytes (0: minimal, RFC 7518 §2).
std::string bignum_param(EVP_PKEY* pkey, const char* name, std::size_t size = 0) {
  BIGNUM* raw = nullptr;
  if (EVP_PKEY_get_bn_param(pkey, name, &raw) != 1) {
    detail::forget_openssl_errors();
    return {};
  }
  const detail::BignumPtr bn(raw);
  const std::size_t length = size != 0 ? size : static_cast<std::size_t>(BN_num_bytes(raw));
  std::string bytes(length, '\0');
  BN_bn2binpad(raw, reinterpret_cast<unsigned char*>(bytes.data()), static_cast<int>(length));
  return base64url_encode(bytes);
}

std::string ed25519_public(EVP_PKEY* pkey) {
  std::array<unsigned char, 32> x{};
  std::size_t size = x.size();
  if (EVP_PKEY_get_raw_public_key(pkey, x.data(), &size) != 1) {
    detail::forget_openssl_errors();
    return {};
  }
  return base64url_encode(std::string_view(reinterpret_cast<const char*>(x.data()), size));
}

}  // namespace

boost::json::object Key::to_jwk() const {
  boost::json::object jwk;
  EVP_PKEY* pkey = state_->pkey.get();
  switch (state_->type) {
    case KeyType::RSA:
      jwk["kty"] = "RSA";
      jwk["n"] = bignum_param(pkey, OSSL_PKEY_PARAM_RSA_N);
      jwk["e"] = bignum_param(pkey, OSSL_PKEY_PARAM_RSA_E);
      break;
    case KeyType::EC:
      jwk["kty"] = "EC";
      jwk["crv"] = state_->curve->jwk_name;
      jwk["x"] = bignum_param(pkey, OSSL_PKEY_PARAM_EC_PUB_X, state_->curve->size);
      jwk["y"] = bignum_param(pkey, OSSL_PKEY_PARAM_EC_PUB_Y, state_->curve->size);
      break;
    case KeyType::OKP:
      jwk["kty"] = "OKP";
      jwk["crv"] = "Ed25519";
      jwk["x"] = ed25519_public(pkey);
      break;
    case KeyType::oct:
      jwk["kty"] = "oct";
      jwk["k"] = base64url_encode(state_->secret);
      break;
  }
  const auto& meta = state_->metadata;
  if (meta.kid) jwk["kid"] = *meta.kid;
  if (meta.alg) jwk["alg"] = *meta.alg;
  if (meta.use) jwk["use"] = *meta.use;
  return jwk;
}

}  // namespace oaskit::jose
