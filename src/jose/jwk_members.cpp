// JWK members: which keys are read, metadata, and key material.

#include "jose/jwk_members.hpp"

#include <algorithm>

namespace oaskit::jose::detail {

std::optional<std::string> unsupported_jwk(const boost::json::object& jwk) {
  const auto* kty = jwk.if_contains("kty");
  if (kty == nullptr || !kty->is_string()) return std::nullopt;
  const std::string_view type = kty->get_string();
  const auto* crv_value = jwk.if_contains("crv");
  const std::optional<std::string_view> crv =
      crv_value != nullptr && crv_value->is_string()
          ? std::optional<std::string_view>(crv_value->get_string())
          : std::nullopt;
  if (type == "RSA") return std::nullopt;
  if (type == "EC") {
    if (!crv || curve_from_jwk(*crv) != nullptr) return std::nullopt;
    return "unsupported EC curve " + std::string(*crv) + ": expected P-256, P-384 or P-521";
  }
  if (type == "OKP") {
    if (!crv || *crv == "Ed25519") return std::nullopt;
    return "unsupported OKP curve " + std::string(*crv) + ": only Ed25519 (RFC 8037)";
  }
  if (type == "oct") {
    return "oct keys are not read from JWKs: HMAC secrets come only from Key::hmac_secret";
  }
  return "unsupported key type " + std::string(type) + ": expected RSA, EC or OKP";
}

Result<std::optional<std::string>, KeyError> string_member(const boost::json::object& jwk,
                                                           std::string_view name) {
  const auto* value = jwk.if_contains(name);
  if (value == nullptr) return std::optional<std::string>{};
  if (!value->is_string()) return KeyError{std::string(name) + " must be a string"};
  return std::optional<std::string>(std::string(value->get_string()));
}

Result<KeyMetadata, KeyError> read_metadata(const boost::json::object& jwk) {
  KeyMetadata meta;
  for (auto [name, field] :
       {std::pair{"kid", &meta.kid}, std::pair{"use", &meta.use}, std::pair{"alg", &meta.alg}}) {
    auto value = string_member(jwk, name);
    if (!value) return value.errors();
    *field = std::move(*value);
  }
  if (const auto* ops = jwk.if_contains("key_ops")) {
    constexpr std::string_view expected = "key_ops must be an array of distinct strings";
    if (!ops->is_array()) return KeyError{std::string(expected)};
    std::vector<std::string> names;
    for (const auto& op : ops->get_array()) {
      if (!op.is_string()) return KeyError{std::string(expected)};
      std::string name(op.get_string());
      if (std::find(names.begin(), names.end(), name) != names.end()) {
        return KeyError{std::string(expected) + " (RFC 7517 §4.3); " + name + " is repeated"};
      }
      names.push_back(std::move(name));
    }
    meta.key_ops = std::move(names);
  }
  return meta;
}

Result<std::optional<KeyBytes>, KeyError> bytes_member(const boost::json::object& jwk,
                                                       std::string_view name) {
  const auto* value = jwk.if_contains(name);
  if (value == nullptr) return std::optional<KeyBytes>{};
  auto error = [&] {
    return KeyError{std::string(name) + " must be a non-empty base64url string without padding"};
  };
  if (!value->is_string()) return error();
  auto bytes = base64url_decode(value->get_string());
  if (!bytes || bytes->empty()) return error();
  return std::optional<KeyBytes>(KeyBytes(std::move(*bytes)));
}

}  // namespace oaskit::jose::detail
