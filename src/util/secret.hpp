#pragma once
// Comparing secrets (passwords, client secrets, API keys, CSRF tokens, PKCE challenges) without
// telling an attacker, by the time it takes, how much of a guess was right.

#include <array>
#include <string_view>

namespace oaskit::detail {

/// SHA-256 of `text` (OpenSSL's EVP_Digest).
[[nodiscard]] std::array<unsigned char, 32> sha256_of(std::string_view text);

/// Whether `a` and `b` are equal, in time that depends on neither where they differ nor their
/// lengths: their SHA-256 digests are compared with CRYPTO_memcmp.
[[nodiscard]] bool same_secret(std::string_view a, std::string_view b);

}  // namespace oaskit::detail
