// KeySet: reading a JWK Set (RFC 7517 §5) and choosing the keys that may verify a token.

#include "jose/jwk_members.hpp"
#include "util/strict_json.hpp"

namespace oaskit::jose {
namespace {

// Keys a verifier cannot use are left out rather than failing the set (RFC 7517 §5).
bool skipped(const boost::json::object& jwk) {
  if (detail::unsupported_jwk(jwk)) return true;
  const auto* use = jwk.if_contains("use");
  return use != nullptr && use->is_string() && use->get_string() != "sig";
}

}  // namespace

Result<KeySet, KeyError> KeySet::from_jwks(std::string_view json) {
  std::string reason;
  auto value = oaskit::detail::parse_strict_json(json, &reason);
  if (!value) return KeyError{"the JWK Set is not valid JSON: " + reason};
  const auto* root = value->if_object();
  const auto* keys = root != nullptr ? root->if_contains("keys") : nullptr;
  if (keys == nullptr || !keys->is_array()) {
    return KeyError{"a JWK Set must be an object whose \"keys\" member is an array"};
  }
  KeySet set;
  std::size_t index = 0;
  for (const auto& item : keys->get_array()) {
    const std::string where = "keys[" + std::to_string(index++) + "]: ";
    const auto* jwk = item.if_object();
    if (jwk == nullptr) return KeyError{where + "a JWK must be an object"};
    if (skipped(*jwk)) continue;
    auto key = Key::from_jwk(*jwk);
    if (!key) return KeyError{where + key.errors().message};
    set.add(std::move(*key));
  }
  return set;
}

std::vector<const Key*> KeySet::candidates(const std::optional<std::string>& kid,
                                           Algorithm alg) const {
  std::vector<const Key*> out;
  for (const auto& key : keys_) {
    if (kid && key.kid() != kid) continue;
    if (key.fits(alg)) out.push_back(&key);
  }
  return out;
}

bool KeySet::has_kid(std::string_view kid) const {
  return std::any_of(keys_.begin(), keys_.end(),
                     [kid](const Key& key) { return key.kid() && *key.kid() == kid; });
}

}  // namespace oaskit::jose
