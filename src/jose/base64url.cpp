// Base64url without padding (RFC 7515 §2, RFC 4648 §5), decoded strictly so that every byte
// string has exactly one accepted spelling: a token cannot be altered without changing bytes.

#include <array>
#include <cstdint>

#include "oaskit/jose.hpp"

namespace oaskit::jose {
namespace {

constexpr std::string_view alphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

constexpr std::uint8_t not_in_alphabet = 0xff;

constexpr std::array<std::uint8_t, 256> make_decode_table() {
  std::array<std::uint8_t, 256> table{};
  table.fill(not_in_alphabet);
  for (std::size_t i = 0; i < alphabet.size(); ++i) {
    table[static_cast<unsigned char>(alphabet[i])] = static_cast<std::uint8_t>(i);
  }
  return table;
}

constexpr auto decode_table = make_decode_table();

}  // namespace

std::string base64url_encode(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() * 4 + 2) / 3);
  std::size_t i = 0;
  auto byte = [&](std::size_t at) {
    return static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at]));
  };
  for (; i + 3 <= bytes.size(); i += 3) {
    const std::uint32_t group = byte(i) << 16 | byte(i + 1) << 8 | byte(i + 2);
    out += alphabet[group >> 18 & 63];
    out += alphabet[group >> 12 & 63];
    out += alphabet[group >> 6 & 63];
    out += alphabet[group & 63];
  }
  if (bytes.size() - i == 1) {
    const std::uint32_t group = byte(i) << 16;
    out += alphabet[group >> 18 & 63];
    out += alphabet[group >> 12 & 63];
  } else if (bytes.size() - i == 2) {
    const std::uint32_t group = byte(i) << 16 | byte(i + 1) << 8;
    out += alphabet[group >> 18 & 63];
    out += alphabet[group >> 12 & 63];
    out += alphabet[group >> 6 & 63];
  }
  return out;
}

std::optional<std::string> base64url_decode(std::string_view text) {
  // One leftover character carries only 6 bits: never a whole byte.
  const std::size_t leftover = text.size() % 4;
  if (leftover == 1) return std::nullopt;
  const std::size_t whole = text.size() - leftover;
  std::string out(whole / 4 * 3 + (leftover == 0 ? 0 : leftover - 1), '\0');
  const auto* in = reinterpret_cast<const unsigned char*>(text.data());
  auto* to = reinterpret_cast<unsigned char*>(out.data());
  // Four characters make three bytes. Characters outside the alphabet decode to 0xff, whose top
  // bit no sextet has: collected across the loop and checked once, the loop has no branch.
  std::uint32_t outside = 0;
  for (std::size_t i = 0; i < whole; i += 4) {
    const std::uint32_t a = decode_table[in[i]];
    const std::uint32_t b = decode_table[in[i + 1]];
    const std::uint32_t c = decode_table[in[i + 2]];
    const std::uint32_t d = decode_table[in[i + 3]];
    outside |= a | b | c | d;
    const std::uint32_t group = a << 18 | b << 12 | c << 6 | d;
    *to++ = static_cast<unsigned char>(group >> 16);
    *to++ = static_cast<unsigned char>(group >> 8);
    *to++ = static_cast<unsigned char>(group);
  }
  if (leftover != 0) {
    const std::uint32_t a = decode_table[in[whole]];
    const std::uint32_t b = decode_table[in[whole + 1]];
    const std::uint32_t c = leftover == 3 ? decode_table[in[whole + 2]] : 0;
    outside |= a | b | c;
    const std::uint32_t group = a << 18 | b << 12 | c << 6;
    // The unused low bits of the last character must be zero (RFC 4648 §3.5), or "QQ" and "QR"
    // would both mean "A".
    if ((outside & 0x80) == 0 && (leftover == 2 ? (b & 0x0f) : (c & 0x03)) != 0) {
      return std::nullopt;
    }
    *to++ = static_cast<unsigned char>(group >> 16);
    if (leftover == 3) *to = static_cast<unsigned char>(group >> 8);
  }
  if ((outside & 0x80) != 0) return std::nullopt;
  return out;
}

}  // namespace oaskit::jose
