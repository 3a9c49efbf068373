#pragma once
// A bounded, thread-safe cache of verdicts on tokens: JwtVerifier keeps its successes (repeated
// tokens skip the signature check), IntrospectionVerifier every answer of the server (so a
// flood of the same token costs one request). Keyed by the SHA-256 of the token, so a hit means
// the very same bytes were judged before (a fast non-cryptographic hash could be made to
// collide), and the token itself is never kept.

#include <array>
#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

#include "oaskit/security/identity.hpp"

namespace oaskit::security::detail {

using TokenDigest = std::array<unsigned char, 32>;

/// SHA-256 of `bytes`.
[[nodiscard]] TokenDigest sha256(std::string_view bytes);

/// Entries live until their deadline (in seconds since the epoch: for a JWT its exp plus the
/// leeway, for introspection the TTL or exp, whichever comes first). When a shard is full, expired
/// entries go first, then the least recently used.
class TokenCache {
 public:
  /// Holds at most `capacity` entries (at least one).
  explicit TokenCache(std::size_t capacity);
  ~TokenCache();
  TokenCache(const TokenCache&) = delete;
  TokenCache& operator=(const TokenCache&) = delete;

  /// The verdict stored for `digest` when `now` is before its deadline; null otherwise.
  [[nodiscard]] std::shared_ptr<const VerifyResult> find(const TokenDigest& digest, double now);
  /// Stores (or replaces) the verdict on a token.
  void insert(const TokenDigest& digest, std::shared_ptr<const VerifyResult> verdict,
              double deadline, double now);
  /// How many entries are stored, expired ones included.
  [[nodiscard]] std::size_t size() const;

  struct Shard;

 private:
  Shard& shard_of(const TokenDigest& digest);
  std::vector<std::unique_ptr<Shard>> shards_;
};

}  // namespace oaskit::security::detail
