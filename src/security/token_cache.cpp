#include "security/token_cache.hpp"

#include <openssl/evp.h>

#include <algorithm>
#include <cstring>
#include <list>
#include <mutex>
#include <stdexcept>
#include <unordered_map>
#include <utility>

namespace oaskit::security::detail {
namespace {

// Fetched once: an implicit fetch on every EVP_Digest call would cost more than the hash of a
// typical token.
const EVP_MD* sha256_md() {
  static const std::unique_ptr<EVP_MD, decltype(&EVP_MD_free)> md(
      EVP_MD_fetch(nullptr, "SHA256", nullptr), &EVP_MD_free);
  if (!md) throw std::runtime_error("OpenSSL has no SHA-256");
  return md.get();
}

struct DigestHash {
  std::size_t operator()(const TokenDigest& digest) const noexcept {
    std::size_t hash = 0;
    std::memcpy(&hash, digest.data() + 8, sizeof hash);  // bytes 0..7 pick the shard
    return hash;
  }
};

// Small caches keep one shard so that "least recently used" is exact; large ones spread the
// lock over several.
constexpr std::size_t shard_threshold = 1024;
constexpr std::size_t shard_count = 16;
// A full shard looks for expired entries at most this often (seconds), not on every insert.
constexpr double sweep_interval = 1.0;

}  // namespace

TokenDigest sha256(std::string_view bytes) {
  // One context per thread, reused: allocating one per token costs a tenth of the hash.
  thread_local const std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(
      EVP_MD_CTX_new(), &EVP_MD_CTX_free);
  TokenDigest digest{};
  unsigned int size = 0;
  if (!context || EVP_DigestInit_ex(context.get(), sha256_md(), nullptr) != 1 ||
      EVP_DigestUpdate(context.get(), bytes.data(), bytes.size()) != 1 ||
      EVP_DigestFinal_ex(context.get(), digest.data(), &size) != 1 || size != digest.size()) {
    throw std::runtime_error("OpenSSL could not compute a SHA-256");
  }
  return digest;
}

struct TokenCache::Shard {
  struct Entry {
    std::shared_ptr<const VerifyResult> verdict;
    double deadline = 0;
    std::list<TokenDigest>::iterator recency;
  };

  explicit Shard(std::size_t limit) : capacity(limit) {}

  void make_room(double now) {
    if (now - last_sweep >= sweep_interval) {
      last_sweep = now;
      for (auto it = entries.begin(); it != entries.end();) {
        if (it->second.deadline <= now) {
          by_recency.erase(it->second.recency);
          it = entries.erase(it);
        } else {
          ++it;
        }
      }
    }
    while (entries.size() >= capacity && !by_recency.empty()) {
      entries.erase(by_recency.back());
      by_recency.pop_back();
    }
  }

  std::size_t capacity;
  double last_sweep = -sweep_interval;
  mutable std::mutex mutex;
  std::unordered_map<TokenDigest, Entry, DigestHash> entries;
  std::list<TokenDigest> by_recency;  // most recently used first
};

TokenCache::TokenCache(std::size_t capacity) {
  capacity = std::max<std::size_t>(capacity, 1);
  const std::size_t shards = capacity >= shard_threshold ? shard_count : 1;
  for (std::size_t i = 0; i < shards; ++i) {
    shards_.push_back(std::make_unique<Shard>(capacity / shards + (i < capacity % shards ? 1 : 0)));
  }
}

TokenCache::~TokenCache() = default;

TokenCache::Shard& TokenCache::shard_of(const TokenDigest& digest) {
  return *shards_[digest[0] % shards_.size()];
}

std::shared_ptr<const VerifyResult> TokenCache::find(const TokenDigest& digest, double now) {
  Shard& shard = shard_of(digest);
  const std::lock_guard lock(shard.mutex);
  const auto it = shard.entries.find(digest);
  if (it == shard.entries.end() || now >= it->second.deadline) return nullptr;
  shard.by_recency.splice(shard.by_recency.begin(), shard.by_recency, it->second.recency);
  return it->second.verdict;
}

void TokenCache::insert(const TokenDigest& digest, std::shared_ptr<const VerifyResult> verdict,
                        double deadline, double now) {
  Shard& shard = shard_of(digest);
  const std::lock_guard lock(shard.mutex);
  if (const auto it = shard.entries.find(digest); it != shard.entries.end()) {
    it->second.verdict = std::move(verdict);
    it->second.deadline = deadline;
    shard.by_recency.splice(shard.by_recency.begin(), shard.by_recency, it->second.recency);
    return;
  }
  if (shard.entries.size() >= shard.capacity) shard.make_room(now);
  shard.by_recency.push_front(digest);
  shard.entries.emplace(digest,
                        Shard::Entry{std::move(verdict), deadline, shard.by_recency.begin()});
}

std::size_t TokenCache::size() const {
  std::size_t total = 0;
  for (const auto& shard : shards_) {
    const std::lock_guard lock(shard->mutex);
    total += shard->entries.size();
  }
  return total;
}

}  // namespace oaskit::security::detail
