// Key::from_pem: public keys, certificates and unencrypted private keys as the openssl CLI
// writes them. The first key or certificate block is read; other blocks (EC PARAMETERS, chain
// certificates) are passed over.

#include <openssl/decoder.h>
#include <openssl/pem.h>

#include <array>
#include <limits>

#include "jose/key_state.hpp"

namespace oaskit::jose {
namespace {

using detail::PkeyPtr;

enum class PemKind { certificate, public_key, rsa_public_key, private_key, encrypted_private_key };

struct PemLabel {
  std::string_view label;
  PemKind kind;
};

constexpr std::array<PemLabel, 7> labels{
    {{"CERTIFICATE", PemKind::certificate},
     {"PUBLIC KEY", PemKind::public_key},
     {"RSA PUBLIC KEY", PemKind::rsa_public_key},
     {"PRIVATE KEY", PemKind::private_key},
     {"RSA PRIVATE KEY", PemKind::private_key},
     {"EC PRIVATE KEY", PemKind::private_key},
     {"ENCRYPTED PRIVATE KEY", PemKind::encrypted_private_key}}};

// The kind of the first block oaskit reads, from its "-----BEGIN <label>-----" line.
std::optional<PemKind> first_kind(std::string_view pem) {
  constexpr std::string_view begin = "-----BEGIN ";
  for (auto at = pem.find(begin); at != std::string_view::npos; at = pem.find(begin, at + 1)) {
    const auto start = at + begin.size();
    const auto end = pem.find("-----", start);
    if (end == std::string_view::npos) return std::nullopt;
    const auto label = pem.substr(start, end - start);
    for (const auto& known : labels) {
      if (known.label == label) return known.kind;
    }
  }
  return std::nullopt;
}

// Never prompt on a terminal for a passphrase: an encrypted key simply fails to load.
int no_passphrase(char*, int, int, void*) { return -1; }

PkeyPtr read_pkey(BIO* bio, PemKind kind) {
  switch (kind) {
    case PemKind::certificate: {
      detail::X509Ptr certificate(PEM_read_bio_X509(bio, nullptr, no_passphrase, nullptr));
      return PkeyPtr(certificate ? X509_get_pubkey(certificate.get()) : nullptr);
    }
    case PemKind::public_key:
      return PkeyPtr(PEM_read_bio_PUBKEY(bio, nullptr, no_passphrase, nullptr));
    case PemKind::rsa_public_key: {
      // PKCS#1 RSAPublicKey: only the decoder API reads it without the deprecated RSA type.
      EVP_PKEY* raw = nullptr;
      std::unique_ptr<OSSL_DECODER_CTX, detail::OpenSslDeleter<OSSL_DECODER_CTX_free>> decoder(
          OSSL_DECODER_CTX_new_for_pkey(&raw, "PEM", nullptr, "RSA", EVP_PKEY_PUBLIC_KEY, nullptr,
                                        nullptr));
      if (!decoder || OSSL_DECODER_from_bio(decoder.get(), bio) != 1) return nullptr;
      return PkeyPtr(raw);
    }
    case PemKind::private_key:
    case PemKind::encrypted_private_key:
      return PkeyPtr(PEM_read_bio_PrivateKey(bio, nullptr, no_passphrase, nullptr));
  }
  return nullptr;
}

}  // namespace

Result<Key, KeyError> Key::from_pem(std::string_view pem, std::optional<std::string> kid,
                                    std::optional<Algorithm> alg) {
  const auto kind = first_kind(pem);
  if (!kind) {
    return KeyError{
        "no PEM public key, certificate or private key found: expected a block such as "
        "-----BEGIN PUBLIC KEY-----"};
  }
  if (pem.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) {
    return KeyError{"the PEM text is too large"};
  }
  if (*kind == PemKind::encrypted_private_key) {
    return KeyError{
        "encrypted private keys are not supported: decrypt it first "
        "(openssl pkey -in key.pem -out plain.pem)"};
  }
  detail::BioPtr bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  PkeyPtr pkey = bio ? read_pkey(bio.get(), *kind) : nullptr;
  if (!pkey) {
    detail::forget_openssl_errors();
    return KeyError{
        "the PEM block could not be read as a key or certificate (is it encrypted "
        "or damaged?)"};
  }
  KeyMetadata metadata;
  metadata.kid = std::move(kid);
  if (alg) metadata.alg = std::string(to_string(*alg));
  const bool has_private = *kind == PemKind::private_key;
  auto state = detail::state_for(std::move(pkey), has_private, std::move(metadata));
  if (!state) return state.errors();
  return Key(std::move(*state));
}

}  // namespace oaskit::jose
