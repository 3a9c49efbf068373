#pragma once
// Character classes and quoting of HTTP header text (RFC 9110 §5.6), shared by what reads
// header fields (Authorization, WWW-Authenticate) and what writes them (challenges).

#include <algorithm>
#include <string>
#include <string_view>

namespace oaskit::detail {

/// CTL (RFC 5234 B.1): %x00-1F / %x7F.
[[nodiscard]] inline bool is_control(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return byte < 0x20 || byte == 0x7F;
}

[[nodiscard]] inline bool has_control(std::string_view text) {
  return std::any_of(text.begin(), text.end(), is_control);
}

/// tchar (RFC 9110 §5.6.2): a character of a token.
[[nodiscard]] inline bool is_tchar(char c) {
  const auto byte = static_cast<unsigned char>(c);
  if ((byte >= '0' && byte <= '9') || (byte >= 'a' && byte <= 'z') ||
      (byte >= 'A' && byte <= 'Z')) {
    return true;
  }
  constexpr std::string_view others = "!#$%&'*+-.^_`|~";
  return others.find(c) != std::string_view::npos;
}

/// A character of a token68 before its trailing '='s (RFC 9110 §11.2).
[[nodiscard]] inline bool is_token68_char(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return (byte >= '0' && byte <= '9') || (byte >= 'a' && byte <= 'z') ||
         (byte >= 'A' && byte <= 'Z') || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' ||
         c == '/';
}

/// True when `text` is a token68 (RFC 9110 §11.2), which is also RFC 6750's b64token:
/// 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"=".
[[nodiscard]] inline bool is_token68(std::string_view text) {
  std::size_t end = 0;
  while (end < text.size() && is_token68_char(text[end])) ++end;
  if (end == 0) return false;
  while (end < text.size() && text[end] == '=') ++end;
  return end == text.size();
}

/// `value` as a quoted-string (RFC 9110 §5.6.4): '"' and '\' escaped; control characters
/// but the tab, which a quoted-string cannot hold, become spaces.
[[nodiscard]] inline std::string quoted_string(std::string_view value) {
  std::string out = "\"";
  for (const char c : value) {
    if (c == '"' || c == '\\') out += '\\';
    out += is_control(c) && c != '\t' ? ' ' : c;
  }
  out += '"';
  return out;
}

}  // namespace oaskit::detail
