#pragma once
// What a Key holds: an OpenSSL key or an HMAC secret, plus its JWK metadata.

#include <openssl/crypto.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "jose/algorithm_traits.hpp"
#include "jose/openssl_handles.hpp"
#include "oaskit/jose.hpp"

namespace oaskit::jose {

/// The JWK members that restrict how a key is used (RFC 7517 §4.2-4.4).
struct KeyMetadata {
  std::optional<std::string> kid;
  std::optional<std::string> use;
  // As written: a name oaskit does not implement still restricts the key (to nothing).
  std::optional<std::string> alg;
  std::optional<std::vector<std::string>> key_ops;
};

struct Key::State {
  KeyType type = KeyType::oct;
  KeyMetadata metadata;
  detail::PkeyPtr pkey;                  // RSA, EC, OKP
  std::string secret;                    // oct
  const detail::Curve* curve = nullptr;  // EC
  bool has_private_part = false;

  State() = default;
  State(const State&) = delete;
  State& operator=(const State&) = delete;
  ~State() { OPENSSL_cleanse(secret.data(), secret.size()); }
};

namespace detail {

/// A State for `pkey` (an RSA, EC or Ed25519 key) after checking what every source must meet:
/// RSA moduli of 2048 bits or more, EC keys on P-256/384/521 with a valid point, and `alg`
/// (when given) fitting the key. An error says what was wrong.
Result<std::shared_ptr<Key::State>, KeyError> state_for(PkeyPtr pkey, bool has_private_part,
                                                        KeyMetadata metadata);

/// Whether `operation` ("verify", "sign") is allowed by the key's `key_ops` (RFC 7517 §4.3).
bool permits(const Key::State& state, std::string_view operation);

}  // namespace detail
}  // namespace oaskit::jose
