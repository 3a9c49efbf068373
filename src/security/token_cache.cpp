#include "security/token_cache.hpp"

#include <openssl/evp.h>

#include <stdexcept>

namespace oaskit::detail {

std::string TokenCache::key_for(std::string_view token) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_Digest(token.data(), token.size(), digest, &length, EVP_sha256(), nullptr) != 1) {
    throw std::runtime_error("OpenSSL could not compute SHA-256");
  }
  return std::string(reinterpret_cast<const char*>(digest), length);
}

std::optional<security::VerifyResult> TokenCache::find(const std::string& key, TimePoint now) {
  const auto found = entries_.find(key);
  if (found == entries_.end()) return std::nullopt;
  if (found->second.expiry->first <= now) {
    erase(found);
    return std::nullopt;
  }
  return found->second.verdict;
}

void TokenCache::store(const std::string& key, security::VerifyResult verdict, TimePoint expires,
                       TimePoint now) {
  if (const auto found = entries_.find(key); found != entries_.end()) erase(found);
  if (capacity_ == 0 || expires <= now) return;
  while (!by_expiry_.empty() && by_expiry_.begin()->first <= now) {
    erase(entries_.find(*by_expiry_.begin()->second));
  }
  while (entries_.size() >= capacity_) erase(entries_.find(*by_age_.front()));
  const auto [entry, inserted] =
      entries_.emplace(key, Entry{std::move(verdict), by_age_.end(), by_expiry_.end()});
  entry->second.age = by_age_.insert(by_age_.end(), &entry->first);
  entry->second.expiry = by_expiry_.emplace(expires, &entry->first);
}

void TokenCache::erase(Entries::iterator entry) {
  by_age_.erase(entry->second.age);
  by_expiry_.erase(entry->second.expiry);
  entries_.erase(entry);
}

}  // namespace oaskit::detail
