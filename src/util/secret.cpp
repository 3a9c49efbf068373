#include "util/secret.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <array>
#include <stdexcept>

namespace oaskit::detail {

std::array<unsigned char, 32> sha256_of(std::string_view text) {
  std::array<unsigned char, 32> out{};
  unsigned int size = 0;
  if (EVP_Digest(text.data(), text.size(), out.data(), &size, EVP_sha256(), nullptr) != 1 ||
      size != out.size()) {
    throw std::runtime_error("OpenSSL could not compute SHA-256");
  }
  return out;
}

bool same_secret(std::string_view a, std::string_view b) {
  // Digests first: equal lengths, so the comparison's time says nothing about the secret's.
  const auto da = sha256_of(a);
  const auto db = sha256_of(b);
  return CRYPTO_memcmp(da.data(), db.data(), da.size()) == 0;
}

}  // namespace oaskit::detail
