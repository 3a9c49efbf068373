#pragma once
// What each JWS algorithm needs (RFC 7518 §3): its family, its hash, and for ECDSA its curve.

#include <openssl/evp.h>

#include <cstddef>
#include <optional>
#include <string_view>

#include "oaskit/jose.hpp"

namespace oaskit::jose::detail {

enum class Family { hmac, rsa_pkcs1, rsa_pss, ecdsa, eddsa };

[[nodiscard]] Family family_of(Algorithm alg);

/// The hash the algorithm signs with; nullptr for EdDSA (Ed25519 hashes internally).
[[nodiscard]] const EVP_MD* digest_of(Algorithm alg);

/// Bytes of the algorithm's hash output (EdDSA: 0).
[[nodiscard]] std::size_t hash_size_of(Algorithm alg);

/// A NIST curve used by ES256/384/512 (RFC 7518 §3.4).
struct Curve {
  std::string_view jwk_name;      // "P-256"
  std::string_view openssl_name;  // "prime256v1"
  std::size_t size;               // bytes of a coordinate, of r and of s
  std::string_view order;         // the group order n, big-endian, `size` bytes
  Algorithm alg;                  // the one algorithm that uses it
};

/// The curve of ES256/384/512; nullptr for other algorithms.
[[nodiscard]] const Curve* curve_of(Algorithm alg);
/// The curve a JWK "crv" names; nullptr for curves oaskit does not use.
[[nodiscard]] const Curve* curve_from_jwk(std::string_view crv);
/// The curve an OpenSSL group name names; nullptr for curves oaskit does not use.
[[nodiscard]] const Curve* curve_from_openssl(std::string_view group_name);

}  // namespace oaskit::jose::detail
