// Key: what it is, what it may be used for, and the checks every key source shares.

#include <openssl/core_names.h>

#include <algorithm>
#include <array>

#include "jose/key_state.hpp"

namespace oaskit::jose {
namespace detail {
namespace {

constexpr int min_rsa_bits = 2048;  // RFC 7518 §3.3, §3.5

// Whether the key's type (and curve, and secret length) is the one `alg` needs; an RSA, EC or
// OKP key never fits an HMAC algorithm, so a public key can't be misused as a secret.
bool kind_fits(const Key::State& state, Algorithm alg) {
  switch (family_of(alg)) {
    case Family::hmac:
      return state.type == KeyType::oct && state.secret.size() >= hash_size_of(alg);
    case Family::rsa_pkcs1:
    case Family::rsa_pss:
      return state.type == KeyType::RSA;
    case Family::ecdsa:
      return state.type == KeyType::EC && state.curve == curve_of(alg);
    case Family::eddsa:
      return state.type == KeyType::OKP;
  }
  return false;
}

std::string_view type_name(KeyType type) {
  switch (type) {
    case KeyType::RSA:
      return "RSA";
    case KeyType::EC:
      return "EC";
    case KeyType::OKP:
      return "OKP";
    case KeyType::oct:
      return "oct";
  }
  return "unknown";
}

std::optional<KeyError> check_ec_key(Key::State& state) {
  std::array<char, 64> group{};
  std::size_t length = 0;
  if (EVP_PKEY_get_utf8_string_param(state.pkey.get(), OSSL_PKEY_PARAM_GROUP_NAME, group.data(),
                                     group.size(), &length) != 1) {
    return KeyError{"the EC key names no curve: expected P-256, P-384 or P-521"};
  }
  state.curve = curve_from_openssl(std::string_view(group.data(), length));
  if (state.curve == nullptr) {
    return KeyError{"unsupported EC curve " + std::string(group.data(), length) +
                    ": expected P-256, P-384 or P-521"};
  }
  // Importing already refuses points off the curve; this also refuses the point at infinity.
  PkeyCtxPtr ctx(EVP_PKEY_CTX_new_from_pkey(nullptr, state.pkey.get(), nullptr));
  if (!ctx || EVP_PKEY_public_check(ctx.get()) != 1) {
    return KeyError{"the EC public key is not a valid point of " +
                    std::string(state.curve->jwk_name)};
  }
  if (state.has_private_part && EVP_PKEY_pairwise_check(ctx.get()) != 1) {
    return KeyError{"the EC private key does not match its public key"};
  }
  return std::nullopt;
}

std::optional<KeyError> classify(Key::State& state) {
  EVP_PKEY* pkey = state.pkey.get();
  if (EVP_PKEY_is_a(pkey, "RSA")) {
    state.type = KeyType::RSA;
    const int bits = EVP_PKEY_get_bits(pkey);
    if (bits < min_rsa_bits) {
      return KeyError{"the RSA modulus has " + std::to_string(bits) +
                      " bits: at least 2048 are required (RFC 7518 §3.3)"};
    }
    return std::nullopt;
  }
  if (EVP_PKEY_is_a(pkey, "EC")) {
    state.type = KeyType::EC;
    return check_ec_key(state);
  }
  if (EVP_PKEY_is_a(pkey, "ED25519")) {
    state.type = KeyType::OKP;
    return std::nullopt;
  }
  const char* name = EVP_PKEY_get0_type_name(pkey);
  return KeyError{"unsupported key type " + std::string(name != nullptr ? name : "unknown") +
                  ": expected RSA, EC (P-256, P-384, P-521) or Ed25519"};
}

std::optional<KeyError> check_alg(const Key::State& state) {
  if (!state.metadata.alg) return std::nullopt;
  const auto alg = algorithm_from_string(*state.metadata.alg);
  // An algorithm oaskit does not implement (say "RSA-OAEP") leaves a key that fits nothing.
  if (!alg || kind_fits(state, *alg)) return std::nullopt;
  std::string what(type_name(state.type));
  if (state.curve != nullptr) what += " " + std::string(state.curve->jwk_name);
  return KeyError{"alg " + *state.metadata.alg + " does not fit this " + what + " key"};
}

}  // namespace

Result<std::shared_ptr<Key::State>, KeyError> state_for(PkeyPtr pkey, bool has_private_part,
                                                        KeyMetadata metadata) {
  auto state = std::make_shared<Key::State>();
  state->pkey = std::move(pkey);
  state->has_private_part = has_private_part;
  state->metadata = std::move(metadata);
  auto error = classify(*state);
  if (!error) error = check_alg(*state);
  if (error) {
    forget_openssl_errors();
    return *error;
  }
  return state;
}

bool permits(const Key::State& state, std::string_view operation) {
  const auto& ops = state.metadata.key_ops;
  return !ops || std::find(ops->begin(), ops->end(), operation) != ops->end();
}

}  // namespace detail

Result<Key, KeyError> Key::hmac_secret(std::string secret, std::optional<std::string> kid) {
  constexpr std::size_t min_size = 32;  // HS256's hash output; HS384/HS512 need more to fit
  if (secret.size() < min_size) {
    OPENSSL_cleanse(secret.data(), secret.size());
    return KeyError{"the HMAC secret is " + std::to_string(secret.size()) +
                    " bytes: at least 32 are required for HS256, 48 for HS384, 64 for HS512 "
                    "(RFC 7518 §3.2)"};
  }
  auto state = std::make_shared<State>();
  state->type = KeyType::oct;
  state->secret = std::move(secret);
  state->has_private_part = true;
  state->metadata.kid = std::move(kid);
  return Key(std::move(state));
}

KeyType Key::type() const { return state_->type; }
const std::optional<std::string>& Key::kid() const { return state_->metadata.kid; }
const std::optional<std::string>& Key::use() const { return state_->metadata.use; }
bool Key::has_private_part() const { return state_->has_private_part; }

std::optional<Algorithm> Key::alg() const {
  if (!state_->metadata.alg) return std::nullopt;
  return algorithm_from_string(*state_->metadata.alg);
}

bool Key::fits(Algorithm alg) const {
  const auto& meta = state_->metadata;
  if (!detail::kind_fits(*state_, alg)) return false;
  if (meta.alg && *meta.alg != to_string(alg)) return false;
  if (meta.use && *meta.use != "sig") return false;
  return detail::permits(*state_, "verify") || detail::permits(*state_, "sign");
}

}  // namespace oaskit::jose
