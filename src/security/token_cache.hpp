#pragma once
// Verdicts on tokens for a while, so that the same token does not cost a request each time.

#include <chrono>
#include <cstddef>
#include <list>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "oaskit/security/identity.hpp"

namespace oaskit::detail {

/// Verdicts keyed by the SHA-256 of the token (the token itself is never kept), each until its
/// own expiry, at most `capacity` of them: when full, expired entries go first, then the
/// oldest. Not thread-safe: the owner locks.
class TokenCache {
 public:
  using TimePoint = std::chrono::system_clock::time_point;

  explicit TokenCache(std::size_t capacity) : capacity_(capacity) {}

  /// The key for `token`: its SHA-256 digest (32 bytes).
  [[nodiscard]] static std::string key_for(std::string_view token);

  /// The verdict stored under `key`, if it has not expired by `now`.
  [[nodiscard]] std::optional<security::VerifyResult> find(const std::string& key, TimePoint now);
  /// Keeps `verdict` until `expires` (nothing is kept when that is not after `now`).
  void store(const std::string& key, security::VerifyResult verdict, TimePoint expires,
             TimePoint now);
  [[nodiscard]] std::size_t size() const { return entries_.size(); }

 private:
  struct Entry;
  using Entries = std::unordered_map<std::string, Entry>;
  // Keys point into `entries_` (whose nodes do not move).
  using ByAge = std::list<const std::string*>;
  using ByExpiry = std::multimap<TimePoint, const std::string*>;
  struct Entry {
    security::VerifyResult verdict;
    ByAge::iterator age;
    ByExpiry::iterator expiry;
  };

  void erase(Entries::iterator entry);

  std::size_t capacity_;
  Entries entries_;
  ByAge by_age_;  // oldest first
  ByExpiry by_expiry_;
};

}  // namespace oaskit::detail
