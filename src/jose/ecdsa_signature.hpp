#pragma once
// ECDSA signatures as JOSE writes them (raw r‖s, RFC 7518 §3.4) and as OpenSSL takes them (DER
// ECDSA-Sig-Value, RFC 3279 §2.2.3).

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "jose/algorithm_traits.hpp"

namespace oaskit::jose::detail {

/// Room for the DER form of a P-521 signature, the largest.
inline constexpr std::size_t max_ecdsa_der_size = 144;

struct EcdsaDer {
  std::array<unsigned char, max_ecdsa_der_size> bytes{};
  std::size_t size = 0;
};

/// The DER form of raw r‖s on `curve`; nullopt unless `raw` is exactly 2 * curve.size bytes
/// and 0 < r, s < n (the check CVE-2022-21449 skipped: r = s = 0 "verified" anything).
std::optional<EcdsaDer> ecdsa_raw_to_der(std::string_view raw, const Curve& curve);

/// The raw r‖s form of a DER signature, each half left-padded to curve.size bytes; nullopt if
/// `der` is not a signature for that curve.
std::optional<std::string> ecdsa_der_to_raw(std::string_view der, const Curve& curve);

}  // namespace oaskit::jose::detail
