// Raw r‖s <-> DER. The DER side is written by hand into a fixed buffer, so verifying allocates
// nothing here; reading DER (after signing) uses OpenSSL's parser.

#include "jose/ecdsa_signature.hpp"

#include <openssl/ec.h>

#include <algorithm>
#include <cstring>
#include <memory>

#include "jose/openssl_handles.hpp"

namespace oaskit::jose::detail {
namespace {

constexpr unsigned char der_integer = 0x02;
constexpr unsigned char der_sequence = 0x30;

// 0 < value < order, both big-endian of the same size.
bool in_range(std::string_view value, std::string_view order) {
  const bool zero = std::all_of(value.begin(), value.end(), [](char c) { return c == 0; });
  return !zero && std::memcmp(value.data(), order.data(), value.size()) < 0;
}

void put_length(EcdsaDer& out, std::size_t length) {
  if (length >= 0x80) out.bytes[out.size++] = 0x81;  // fits one byte: at most 138
  out.bytes[out.size++] = static_cast<unsigned char>(length);
}

// A positive INTEGER: no leading zero bytes, except one when the high bit is set.
std::size_t integer_content_size(std::string_view value) {
  const auto first = value.find_first_not_of('\0');
  const std::size_t digits = value.size() - first;
  return digits + ((static_cast<unsigned char>(value[first]) & 0x80) != 0 ? 1 : 0);
}

void put_integer(EcdsaDer& out, std::string_view value) {
  const auto first = value.find_first_not_of('\0');
  out.bytes[out.size++] = der_integer;
  put_length(out, integer_content_size(value));
  if ((static_cast<unsigned char>(value[first]) & 0x80) != 0) out.bytes[out.size++] = 0;
  for (std::size_t i = first; i < value.size(); ++i) {
    out.bytes[out.size++] = static_cast<unsigned char>(value[i]);
  }
}

std::size_t integer_size(std::string_view value) {
  const std::size_t content = integer_content_size(value);
  return 1 + (content >= 0x80 ? 2 : 1) + content;
}

using EcdsaSigPtr = std::unique_ptr<ECDSA_SIG, OpenSslDeleter<ECDSA_SIG_free>>;

}  // namespace

std::optional<EcdsaDer> ecdsa_raw_to_der(std::string_view raw, const Curve& curve) {
  if (raw.size() != 2 * curve.size) return std::nullopt;
  const std::string_view r = raw.substr(0, curve.size);
  const std::string_view s = raw.substr(curve.size);
  if (!in_range(r, curve.order) || !in_range(s, curve.order)) return std::nullopt;
  EcdsaDer out;
  out.bytes[out.size++] = der_sequence;
  put_length(out, integer_size(r) + integer_size(s));
  put_integer(out, r);
  put_integer(out, s);
  return out;
}

std::optional<std::string> ecdsa_der_to_raw(std::string_view der, const Curve& curve) {
  const auto* in = reinterpret_cast<const unsigned char*>(der.data());
  EcdsaSigPtr sig(d2i_ECDSA_SIG(nullptr, &in, static_cast<long>(der.size())));
  if (!sig) {
    forget_openssl_errors();
    return std::nullopt;
  }
  const BIGNUM* r = nullptr;
  const BIGNUM* s = nullptr;
  ECDSA_SIG_get0(sig.get(), &r, &s);
  std::string raw(2 * curve.size, '\0');
  auto* out = reinterpret_cast<unsigned char*>(raw.data());
  const int size = static_cast<int>(curve.size);
  if (BN_bn2binpad(r, out, size) != size || BN_bn2binpad(s, out + size, size) != size) {
    forget_openssl_errors();
    return std::nullopt;
  }
  return raw;
}

}  // namespace oaskit::jose::detail
