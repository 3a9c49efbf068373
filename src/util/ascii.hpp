#pragma once
// ASCII text rules of protocols (HTTP field names and auth schemes, media types, JOSE "typ"),
// written once for every module. Only the letters A-Z and a-z are folded, whatever the
// locale: std::tolower would follow it, and the bytes of UTF-8 text are never letters here.

#include <algorithm>
#include <string>
#include <string_view>

namespace oaskit::detail {

/// 'A'-'Z' as 'a'-'z'; every other byte as it is.
[[nodiscard]] constexpr char ascii_lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

/// Whether `a` and `b` are equal but for the case of ASCII letters: "Bearer" and "bEARER" are
/// the same HTTP auth scheme; "É" and "é" are different texts.
[[nodiscard]] constexpr bool equals_ignoring_ascii_case(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [](char x, char y) { return ascii_lower(x) == ascii_lower(y); });
}

/// `text` with its ASCII letters in lower case: ascii_lowercase("Application/JSON") ==
/// "application/json".
[[nodiscard]] inline std::string ascii_lowercase(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), ascii_lower);
  return out;
}

/// `text` with its ASCII letters in upper case: an HTTP method as requests write it
/// (ascii_uppercase("get") == "GET").
[[nodiscard]] inline std::string ascii_uppercase(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](char c) {
    return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
  });
  return out;
}

/// `text` without the spaces, tabs and line breaks (CR, LF) at either end: trimmed(" a b\r\n")
/// == "a b". HTTP's optional whitespace (RFC 9110 §5.6.3) is spaces and tabs; a line break
/// left at the end of a header line or a pasted value is never part of the value either.
[[nodiscard]] constexpr std::string_view trimmed(std::string_view text) {
  constexpr std::string_view whitespace = " \t\r\n";
  const auto first = text.find_first_not_of(whitespace);
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(whitespace) - first + 1);
}

}  // namespace oaskit::detail
