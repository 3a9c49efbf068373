#pragma once
// A bounded, thread-safe cache of verified tokens for JwtVerifier: repeated tokens skip the
// signature check. Keyed by the SHA-256 of the token, so a hit means the very same bytes were
// verified before (a fast non-cryptographic hash could be made to collide).

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

/// Entries live until their deadline (the token's exp plus the leeway, in seconds since the
/// epoch). When a shard is full, expired entries go first, then the least recently used.
class JwtCache {
 public:
  /// Holds at most `capacity` entries (at least one).
  explicit JwtCache(std::size_t capacity);
  ~JwtCache();
  JwtCache(const JwtCache&) = delete;
  JwtCache& operator=(const JwtCache&) = delete;

  /// The identity stored for `digest` when `now` is before its deadline; null otherwise.
  [[nodiscard]] std::shared_ptr<const Identity> find(const TokenDigest& digest, double now);
  /// Stores (or replaces) the identity of a verified token.
  void insert(const TokenDigest& digest, std::shared_ptr<const Identity> identity, double deadline,
              double now);
  /// How many entries are stored, expired ones included.
  [[nodiscard]] std::size_t size() const;

  struct Shard;

 private:
  Shard& shard_of(const TokenDigest& digest);
  std::vector<std::unique_ptr<Shard>> shards_;
};

}  // namespace oaskit::security::detail
