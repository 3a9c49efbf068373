// Key::from_jwk: RSA, EC and Ed25519 JWKs (RFC 7518 §6.2-6.3, RFC 8037 §2) imported with
// EVP_PKEY_fromdata.

#include <openssl/core_names.h>

#include <array>

#include "jose/jwk_members.hpp"
#include "jose/key_state.hpp"
#include "util/strict_json.hpp"

namespace oaskit::jose {
namespace {

using detail::bytes_member;
using detail::KeyBytes;
using detail::PkeyPtr;

using Imported = Result<PkeyPtr, KeyError>;

// Members read so far; `error` is the first problem found.
struct JwkReader {
  const boost::json::object& jwk;
  std::optional<KeyError> error;

  // A base64url member; nullopt (and `error` set) when required and absent, or malformed.
  std::optional<KeyBytes> bytes(std::string_view name, bool required) {
    auto read = bytes_member(jwk, name);
    if (!read) {
      if (!error) error = read.errors();
      return std::nullopt;
    }
    if (!*read && required && !error) error = KeyError{std::string(name) + " is missing"};
    return std::move(*read);
  }
};

Imported from_params(const char* type, int selection, OSSL_PARAM_BLD* build) {
  detail::ParamsPtr params(OSSL_PARAM_BLD_to_param(build));
  detail::PkeyCtxPtr ctx(EVP_PKEY_CTX_new_from_name(nullptr, type, nullptr));
  EVP_PKEY* raw = nullptr;
  if (!params || !ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1 ||
      EVP_PKEY_fromdata(ctx.get(), &raw, selection, params.get()) != 1) {
    return KeyError{std::string("OpenSSL did not accept the ") + type + " key parameters"};
  }
  return PkeyPtr(raw);
}

bool push_bignum(OSSL_PARAM_BLD* build, const char* name, const KeyBytes& bytes,
                 std::vector<detail::BignumPtr>& keep) {
  auto bn = detail::bignum_from_bytes(bytes.view());
  if (!bn || OSSL_PARAM_BLD_push_BN(build, name, bn.get()) != 1) return false;
  keep.push_back(std::move(bn));  // the builder refers to it until to_param
  return true;
}

Imported import_rsa(const boost::json::object& jwk, bool& has_private) {
  JwkReader reader{jwk, std::nullopt};
  auto n = reader.bytes("n", true);
  auto e = reader.bytes("e", true);
  auto d = reader.bytes("d", false);
  constexpr std::array<std::string_view, 5> crt_names{"p", "q", "dp", "dq", "qi"};
  std::array<std::optional<KeyBytes>, 5> crt;
  std::size_t crt_present = 0;
  for (std::size_t i = 0; i < crt.size(); ++i) {
    crt[i] = reader.bytes(crt_names[i], false);
    crt_present += crt[i] ? 1 : 0;
  }
  if (reader.error) return *reader.error;
  if (jwk.contains("oth")) {
    return KeyError{"multi-prime RSA keys (oth) are not supported"};
  }
  if (!d && crt_present > 0) return KeyError{"p, q, dp, dq and qi need d"};
  if (crt_present != 0 && crt_present != crt.size()) {
    return KeyError{"p, q, dp, dq and qi must be given all together (RFC 7518 §6.3.2)"};
  }
  const auto exponent = detail::bignum_from_bytes(e->view());
  if (!exponent || !BN_is_odd(exponent.get()) || BN_is_one(exponent.get())) {
    return KeyError{"e must be an odd public exponent greater than 1"};
  }

  detail::ParamBuildPtr build(OSSL_PARAM_BLD_new());
  std::vector<detail::BignumPtr> keep;
  bool pushed = build && push_bignum(build.get(), OSSL_PKEY_PARAM_RSA_N, *n, keep) &&
                push_bignum(build.get(), OSSL_PKEY_PARAM_RSA_E, *e, keep);
  if (d) {
    pushed = pushed && push_bignum(build.get(), OSSL_PKEY_PARAM_RSA_D, *d, keep);
    constexpr std::array<const char*, 5> crt_params{
        OSSL_PKEY_PARAM_RSA_FACTOR1, OSSL_PKEY_PARAM_RSA_FACTOR2, OSSL_PKEY_PARAM_RSA_EXPONENT1,
        OSSL_PKEY_PARAM_RSA_EXPONENT2, OSSL_PKEY_PARAM_RSA_COEFFICIENT1};
    for (std::size_t i = 0; i < crt.size() && crt_present != 0; ++i) {
      pushed = pushed && push_bignum(build.get(), crt_params[i], *crt[i], keep);
    }
  }
  if (!pushed) return KeyError{"out of memory while reading the RSA key"};
  has_private = d.has_value();
  return from_params("RSA", d ? EVP_PKEY_KEYPAIR : EVP_PKEY_PUBLIC_KEY, build.get());
}

Imported import_ec(const boost::json::object& jwk, bool& has_private) {
  auto crv = detail::string_member(jwk, "crv");
  if (!crv) return crv.errors();
  if (!*crv) return KeyError{"crv is missing"};
  const detail::Curve* curve = detail::curve_from_jwk(**crv);
  if (curve == nullptr) return KeyError{"crv must be P-256, P-384 or P-521"};

  JwkReader reader{jwk, std::nullopt};
  auto x = reader.bytes("x", true);
  auto y = reader.bytes("y", true);
  auto d = reader.bytes("d", false);
  if (reader.error) return *reader.error;
  // Fixed-size coordinates (RFC 7518 §6.2.1.2-3, §6.2.2.1): no trimmed or padded encodings.
  const std::string size = std::to_string(curve->size);
  for (auto [name, value] : {std::pair{"x", &x}, std::pair{"y", &y}, std::pair{"d", &d}}) {
    if (*value && (*value)->size() != curve->size) {
      return KeyError{std::string(name) + " must be exactly " + size + " bytes for " +
                      std::string(curve->jwk_name)};
    }
  }

  std::string point = "\x04";  // uncompressed: 04 || x || y (SEC 1 §2.3.3)
  point += x->view();
  point += y->view();
  detail::ParamBuildPtr build(OSSL_PARAM_BLD_new());
  std::vector<detail::BignumPtr> keep;
  bool pushed = build &&
                OSSL_PARAM_BLD_push_utf8_string(build.get(), OSSL_PKEY_PARAM_GROUP_NAME,
                                                curve->openssl_name.data(), 0) == 1 &&
                OSSL_PARAM_BLD_push_octet_string(build.get(), OSSL_PKEY_PARAM_PUB_KEY, point.data(),
                                                 point.size()) == 1;
  if (d) pushed = pushed && push_bignum(build.get(), OSSL_PKEY_PARAM_PRIV_KEY, *d, keep);
  if (!pushed) return KeyError{"out of memory while reading the EC key"};
  has_private = d.has_value();
  auto pkey = from_params("EC", d ? EVP_PKEY_KEYPAIR : EVP_PKEY_PUBLIC_KEY, build.get());
  if (!pkey) {
    return KeyError{"x and y are not a point of " + std::string(curve->jwk_name)};
  }
  return pkey;
}

Imported import_ed25519(const boost::json::object& jwk, bool& has_private) {
  constexpr std::size_t size = 32;  // RFC 8032 §5.1.5
  auto crv = detail::string_member(jwk, "crv");
  if (!crv) return crv.errors();
  if (*crv != "Ed25519") return KeyError{"crv must be Ed25519"};
  JwkReader reader{jwk, std::nullopt};
  auto x = reader.bytes("x", true);
  auto d = reader.bytes("d", false);
  if (reader.error) return *reader.error;
  if (x->size() != size) return KeyError{"x must be exactly 32 bytes for Ed25519"};
  if (d && d->size() != size) return KeyError{"d must be exactly 32 bytes for Ed25519"};

  detail::ParamBuildPtr build(OSSL_PARAM_BLD_new());
  // With d, the public key is derived from it and must then equal x.
  const bool pushed =
      build && (d ? OSSL_PARAM_BLD_push_octet_string(build.get(), OSSL_PKEY_PARAM_PRIV_KEY,
                                                     d->view().data(), d->size()) == 1
                  : OSSL_PARAM_BLD_push_octet_string(build.get(), OSSL_PKEY_PARAM_PUB_KEY,
                                                     x->view().data(), x->size()) == 1);
  if (!pushed) return KeyError{"out of memory while reading the Ed25519 key"};
  has_private = d.has_value();
  auto pkey = from_params("ED25519", d ? EVP_PKEY_KEYPAIR : EVP_PKEY_PUBLIC_KEY, build.get());
  if (!pkey || !d) return pkey;
  std::array<unsigned char, size> derived{};
  std::size_t derived_size = derived.size();
  if (EVP_PKEY_get_raw_public_key(pkey->get(), derived.data(), &derived_size) != 1 ||
      std::string_view(reinterpret_cast<const char*>(derived.data()), derived_size) != x->view()) {
    return KeyError{"x is not the public key of d"};
  }
  return pkey;
}

}  // namespace

Result<Key, KeyError> Key::from_jwk(const boost::json::object& jwk) {
  if (auto unsupported = detail::unsupported_jwk(jwk)) return KeyError{std::move(*unsupported)};
  auto kty = detail::string_member(jwk, "kty");
  if (!kty) return kty.errors();
  if (!*kty) return KeyError{"kty is missing"};
  auto metadata = detail::read_metadata(jwk);
  if (!metadata) return metadata.errors();

  bool has_private = false;
  Imported pkey = **kty == "RSA"  ? import_rsa(jwk, has_private)
                  : **kty == "EC" ? import_ec(jwk, has_private)
                                  : import_ed25519(jwk, has_private);
  if (!pkey) {
    detail::forget_openssl_errors();
    return pkey.errors();
  }
  auto state = detail::state_for(std::move(*pkey), has_private, std::move(*metadata));
  if (!state) return state.errors();
  return Key(std::move(*state));
}

Result<Key, KeyError> Key::from_jwk(std::string_view json) {
  std::string reason;
  auto value = oaskit::detail::parse_strict_json(json, &reason);
  if (!value) return KeyError{"the JWK is not valid JSON: " + reason};
  if (!value->is_object()) return KeyError{"a JWK must be a JSON object"};
  return from_jwk(value->get_object());
}

}  // namespace oaskit::jose
