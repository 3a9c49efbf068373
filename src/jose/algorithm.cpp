// Algorithm names (RFC 7518 §3.1) and what each one needs.

#include <array>
#include <string_view>

#include "jose/algorithm_traits.hpp"

namespace oaskit::jose {
namespace {

using namespace std::string_view_literals;

struct Named {
  Algorithm alg;
  std::string_view name;
};

constexpr std::array<Named, 13> names{{{Algorithm::HS256, "HS256"},
                                       {Algorithm::HS384, "HS384"},
                                       {Algorithm::HS512, "HS512"},
                                       {Algorithm::RS256, "RS256"},
                                       {Algorithm::RS384, "RS384"},
                                       {Algorithm::RS512, "RS512"},
                                       {Algorithm::PS256, "PS256"},
                                       {Algorithm::PS384, "PS384"},
                                       {Algorithm::PS512, "PS512"},
                                       {Algorithm::ES256, "ES256"},
                                       {Algorithm::ES384, "ES384"},
                                       {Algorithm::ES512, "ES512"},
                                       {Algorithm::EdDSA, "EdDSA"}}};

// The group orders from SEC 2 / FIPS 186-4 (checked against OpenSSL's in the tests).
constexpr std::array<detail::Curve, 3> curves{{
    {"P-256", "prime256v1", 32,
     "\xff\xff\xff\xff\x00\x00\x00\x00\xff\xff\xff\xff\xff\xff\xff\xff"
     "\xbc\xe6\xfa\xad\xa7\x17\x9e\x84\xf3\xb9\xca\xc2\xfc\x63\x25\x51"sv,
     Algorithm::ES256},
    {"P-384", "secp384r1", 48,
     "\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff"
     "\xff\xff\xff\xff\xff\xff\xff\xff\xc7\x63\x4d\x81\xf4\x37\x2d\xdf"
     "\x58\x1a\x0d\xb2\x48\xb0\xa7\x7a\xec\xec\x19\x6a\xcc\xc5\x29\x73"sv,
     Algorithm::ES384},
    {"P-521", "secp521r1", 66,
     "\x01\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff"
     "\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff"
     "\xff\xfa\x51\x86\x87\x83\xbf\x2f\x96\x6b\x7f\xcc\x01\x48\xf7\x09"
     "\xa5\xd0\x3b\xb5\xc9\xb8\x89\x9c\x47\xae\xbb\x6f\xb7\x1e\x91\x38"
     "\x64\x09"sv,
     Algorithm::ES512},
}};

}  // namespace

std::string_view to_string(Algorithm alg) {
  for (const auto& n : names) {
    if (n.alg == alg) return n.name;
  }
  return "unknown";
}

std::optional<Algorithm> algorithm_from_string(std::string_view name) {
  for (const auto& n : names) {
    if (n.name == name) return n.alg;
  }
  return std::nullopt;
}

bool is_hmac(Algorithm alg) { return detail::family_of(alg) == detail::Family::hmac; }

const std::vector<Algorithm>& asymmetric_algorithms() {
  static const std::vector<Algorithm> all = [] {
    std::vector<Algorithm> out;
    for (const auto& n : names) {
      if (!is_hmac(n.alg)) out.push_back(n.alg);
    }
    return out;
  }();
  return all;
}

namespace detail {

Family family_of(Algorithm alg) {
  switch (alg) {
    case Algorithm::HS256:
    case Algorithm::HS384:
    case Algorithm::HS512:
      return Family::hmac;
    case Algorithm::RS256:
    case Algorithm::RS384:
    case Algorithm::RS512:
      return Family::rsa_pkcs1;
    case Algorithm::PS256:
    case Algorithm::PS384:
    case Algorithm::PS512:
      return Family::rsa_pss;
    case Algorithm::ES256:
    case Algorithm::ES384:
    case Algorithm::ES512:
      return Family::ecdsa;
    case Algorithm::EdDSA:
      return Family::eddsa;
  }
  return Family::eddsa;
}

const EVP_MD* digest_of(Algorithm alg) {
  switch (hash_size_of(alg)) {
    case 32:
      return EVP_sha256();
    case 48:
      return EVP_sha384();
    case 64:
      return EVP_sha512();
    default:
      return nullptr;
  }
}

std::size_t hash_size_of(Algorithm alg) {
  switch (alg) {
    case Algorithm::HS256:
    case Algorithm::RS256:
    case Algorithm::PS256:
    case Algorithm::ES256:
      return 32;
    case Algorithm::HS384:
    case Algorithm::RS384:
    case Algorithm::PS384:
    case Algorithm::ES384:
      return 48;
    case Algorithm::HS512:
    case Algorithm::RS512:
    case Algorithm::PS512:
    case Algorithm::ES512:
      return 64;
    case Algorithm::EdDSA:
      return 0;
  }
  return 0;
}

const Curve* curve_of(Algorithm alg) {
  for (const auto& c : curves) {
    if (c.alg == alg) return &c;
  }
  return nullptr;
}

const Curve* curve_from_jwk(std::string_view crv) {
  for (const auto& c : curves) {
    if (c.jwk_name == crv) return &c;
  }
  return nullptr;
}

const Curve* curve_from_openssl(std::string_view group_name) {
  for (const auto& c : curves) {
    if (c.openssl_name == group_name) return &c;
  }
  return nullptr;
}

}  // namespace detail
}  // namespace oaskit::jose
