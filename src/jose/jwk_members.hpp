#pragma once
// Reading JWK members (RFC 7517 §4): which keys oaskit reads at all, the metadata members, and
// base64url key material.

#include <boost/json/object.hpp>

#include <optional>
#include <string>
#include <string_view>

#include "jose/key_state.hpp"

namespace oaskit::jose::detail {

/// Why oaskit does not read this JWK (an `oct` key, or a kty/crv it does not implement);
/// nullopt for RSA, EC P-256/384/521 and OKP Ed25519 keys, and for JWKs too malformed to say.
std::optional<std::string> unsupported_jwk(const boost::json::object& jwk);

/// kid, use, alg and key_ops, checked for type (strings; key_ops an array of distinct strings).
Result<KeyMetadata, KeyError> read_metadata(const boost::json::object& jwk);

/// A string member, when present; a KeyError when it is present but not a string.
Result<std::optional<std::string>, KeyError> string_member(const boost::json::object& jwk,
                                                           std::string_view name);

/// Bytes of a base64url member, wiped from memory when dropped (members may be private key
/// parts).
class KeyBytes {
 public:
  KeyBytes() = default;
  explicit KeyBytes(std::string bytes) : bytes_(std::move(bytes)) {}
  KeyBytes(KeyBytes&& other) noexcept : bytes_(std::move(other.bytes_)) { other.wipe(); }
  KeyBytes& operator=(KeyBytes&& other) noexcept {
    wipe();
    bytes_ = std::move(other.bytes_);
    other.wipe();
    return *this;
  }
  ~KeyBytes() { wipe(); }

  [[nodiscard]] std::string_view view() const { return bytes_; }
  [[nodiscard]] std::size_t size() const { return bytes_.size(); }
  [[nodiscard]] std::string release() { return std::move(bytes_); }

 private:
  void wipe() {
    OPENSSL_cleanse(bytes_.data(), bytes_.size());
    bytes_.clear();
  }
  std::string bytes_;
};

/// Member `name` as base64url-decoded bytes: nullopt when absent, an error naming the member
/// (never its value) when it is not a non-empty strict base64url string.
Result<std::optional<KeyBytes>, KeyError> bytes_member(const boost::json::object& jwk,
                                                       std::string_view name);

}  // namespace oaskit::jose::detail
