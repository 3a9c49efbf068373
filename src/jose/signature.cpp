// Key::verify and Key::sign per algorithm family (RFC 7518 §3, RFC 8037 §3.1). Each call has
// its own EVP contexts, so one Key verifies from many threads at once.

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/rsa.h>

#include <array>

#include "jose/ecdsa_signature.hpp"
#include "jose/key_state.hpp"

namespace oaskit::jose {
namespace {

using detail::Family;

const unsigned char* bytes_of(std::string_view text) {
  return reinterpret_cast<const unsigned char*>(text.data());
}

// RSASSA-PSS as RFC 7518 §3.5 fixes it: MGF1 with the same hash, salt as long as the hash.
bool use_pss(EVP_PKEY_CTX* pctx, const EVP_MD* md) {
  return EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING) == 1 &&
         EVP_PKEY_CTX_set_rsa_mgf1_md(pctx, md) == 1 &&
         EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, RSA_PSS_SALTLEN_DIGEST) == 1;
}

bool digest_verify(EVP_PKEY* pkey, Algorithm alg, std::string_view input,
                   std::string_view signature) {
  const EVP_MD* md = detail::digest_of(alg);
  detail::MdCtxPtr ctx(EVP_MD_CTX_new());
  EVP_PKEY_CTX* pctx = nullptr;  // owned by ctx
  const bool verified = ctx && EVP_DigestVerifyInit(ctx.get(), &pctx, md, nullptr, pkey) == 1 &&
                        (detail::family_of(alg) != Family::rsa_pss || use_pss(pctx, md)) &&
                        EVP_DigestVerify(ctx.get(), bytes_of(signature), signature.size(),
                                         bytes_of(input), input.size()) == 1;
  if (!verified) detail::forget_openssl_errors();
  return verified;
}

std::optional<std::string> digest_sign(EVP_PKEY* pkey, Algorithm alg, std::string_view input) {
  const EVP_MD* md = detail::digest_of(alg);
  detail::MdCtxPtr ctx(EVP_MD_CTX_new());
  EVP_PKEY_CTX* pctx = nullptr;
  std::size_t size = 0;
  if (ctx && EVP_DigestSignInit(ctx.get(), &pctx, md, nullptr, pkey) == 1 &&
      (detail::family_of(alg) != Family::rsa_pss || use_pss(pctx, md)) &&
      EVP_DigestSign(ctx.get(), nullptr, &size, bytes_of(input), input.size()) == 1) {
    std::string signature(size, '\0');
    if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(signature.data()), &size,
                       bytes_of(input), input.size()) == 1) {
      signature.resize(size);
      return signature;
    }
  }
  detail::forget_openssl_errors();
  return std::nullopt;
}

struct Mac {
  std::array<unsigned char, EVP_MAX_MD_SIZE> bytes{};
  std::size_t size = 0;
};

std::optional<Mac> hmac(std::string_view secret, Algorithm alg, std::string_view input) {
  // Fetched once: HMAC implementations are shareable, contexts are per call.
  static EVP_MAC* const hmac_mac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
  detail::MacCtxPtr ctx(hmac_mac != nullptr ? EVP_MAC_CTX_new(hmac_mac) : nullptr);
  const std::array params{
      OSSL_PARAM_construct_utf8_string(
          OSSL_MAC_PARAM_DIGEST, const_cast<char*>(EVP_MD_get0_name(detail::digest_of(alg))), 0),
      OSSL_PARAM_construct_end()};
  Mac mac;
  if (ctx && EVP_MAC_init(ctx.get(), bytes_of(secret), secret.size(), params.data()) == 1 &&
      EVP_MAC_update(ctx.get(), bytes_of(input), input.size()) == 1 &&
      EVP_MAC_final(ctx.get(), mac.bytes.data(), &mac.size, mac.bytes.size()) == 1) {
    return mac;
  }
  detail::forget_openssl_errors();
  return std::nullopt;
}

}  // namespace

bool Key::verify(Algorithm alg, std::string_view signing_input, std::string_view signature) const {
  if (!fits(alg) || !detail::permits(*state_, "verify")) return false;
  EVP_PKEY* pkey = state_->pkey.get();
  switch (detail::family_of(alg)) {
    case Family::hmac: {
      const auto mac = hmac(state_->secret, alg, signing_input);
      return mac && signature.size() == mac->size &&
             CRYPTO_memcmp(mac->bytes.data(), signature.data(), mac->size) == 0;
    }
    case Family::rsa_pkcs1:
    case Family::rsa_pss:
      // OpenSSL would left-pad a short signature; RFC 8017 §8.2.2 says its length is k.
      return signature.size() == static_cast<std::size_t>(EVP_PKEY_get_size(pkey)) &&
             digest_verify(pkey, alg, signing_input, signature);
    case Family::ecdsa: {
      const auto der = detail::ecdsa_raw_to_der(signature, *state_->curve);
      return der && digest_verify(pkey, alg, signing_input,
                                  std::string_view(reinterpret_cast<const char*>(der->bytes.data()),
                                                   der->size));
    }
    case Family::eddsa:
      return signature.size() == 64 && digest_verify(pkey, alg, signing_input, signature);
  }
  return false;
}

Result<std::string, KeyError> Key::sign(Algorithm alg, std::string_view signing_input) const {
  const std::string name(to_string(alg));
  if (!fits(alg)) return KeyError{"this key cannot make " + name + " signatures"};
  if (!state_->has_private_part) return KeyError{"signing needs a private key"};
  if (!detail::permits(*state_, "sign")) return KeyError{"the key's key_ops do not allow sign"};
  const Family family = detail::family_of(alg);
  if (family == Family::hmac) {
    const auto mac = hmac(state_->secret, alg, signing_input);
    if (!mac) return KeyError{"OpenSSL could not compute the " + name + " HMAC"};
    return std::string(reinterpret_cast<const char*>(mac->bytes.data()), mac->size);
  }
  auto signature = digest_sign(state_->pkey.get(), alg, signing_input);
  if (signature && family == Family::ecdsa) {
    signature = detail::ecdsa_der_to_raw(*signature, *state_->curve);
  }
  if (!signature) return KeyError{"OpenSSL could not make the " + name + " signature"};
  return std::move(*signature);
}

}  // namespace oaskit::jose
