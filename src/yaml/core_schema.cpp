#include "core_schema.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <utility>

namespace oaskit::detail {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_octal_digit(char c) { return c >= '0' && c <= '7'; }
bool is_hex_digit(char c) {
  return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

template <class Predicate>
bool all_of(std::string_view text, Predicate predicate) {
  return !text.empty() && std::ranges::all_of(text, predicate);
}

bool is_one_of(std::string_view text, std::initializer_list<std::string_view> words) {
  return std::ranges::any_of(words, [&](std::string_view word) { return text == word; });
}

// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`, the sign already removed.
bool is_core_float(std::string_view text) {
  std::size_t pos = 0;
  const auto digits = [&] {
    const std::size_t start = pos;
    while (pos < text.size() && is_digit(text[pos])) ++pos;
    return pos - start;
  };
  if (pos < text.size() && text[pos] == '.') {
    ++pos;
    if (digits() == 0) return false;
  } else {
    if (digits() == 0) return false;
    if (pos < text.size() && text[pos] == '.') {
      ++pos;
      digits();
    }
  }
  if (pos < text.size() && (text[pos] == 'e' || text[pos] == 'E')) {
    ++pos;
    if (pos < text.size() && (text[pos] == '-' || text[pos] == '+')) ++pos;
    if (digits() == 0) return false;
  }
  return pos == text.size();
}

// Digits in `base` as a double: integers too long for 64 bits end up here, as they do in the
// JSON reader. Decimal and hexadecimal digits give the nearest double; octal ones (rare beyond
// 64 bits) are summed. Infinite when they are beyond the range of a double.
double digits_as_double(std::string_view digits, int base) {
  if (base == 10 || base == 16) {
    double value = 0;
    const auto format = base == 10 ? std::chars_format::fixed : std::chars_format::hex;
    const auto [end, error] =
        std::from_chars(digits.data(), digits.data() + digits.size(), value, format);
    if (error == std::errc::result_out_of_range) return std::numeric_limits<double>::infinity();
    return value;
  }
  double value = 0;
  for (char c : digits) value = value * base + (c - '0');
  return value;
}

// The integer `digits` in `base` as a JSON number (int64, else uint64, else the nearest
// double); nullopt when it is beyond the range of a double.
std::optional<boost::json::value> integer_value(std::string_view digits, int base, bool negative) {
  std::uint64_t magnitude = 0;
  const auto [end, error] =
      std::from_chars(digits.data(), digits.data() + digits.size(), magnitude, base);
  if (error != std::errc{} || end != digits.data() + digits.size()) {
    const double value = digits_as_double(digits, base);
    if (std::isinf(value)) return std::nullopt;
    return boost::json::value(negative ? -value : value);
  }
  constexpr auto int64_max = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
  if (!negative) {
    if (magnitude <= int64_max) return boost::json::value(static_cast<std::int64_t>(magnitude));
    return boost::json::value(magnitude);
  }
  if (magnitude <= int64_max) return boost::json::value(-static_cast<std::int64_t>(magnitude));
  if (magnitude == int64_max + 1)
    return boost::json::value(std::numeric_limits<std::int64_t>::min());
  return boost::json::value(-static_cast<double>(magnitude));
}

// An integer's kind and value, or an error kind when it is beyond a double.
PlainScalar integer(std::optional<boost::json::value> value) {
  if (!value) return {PlainKind::infinity_or_nan, nullptr};
  return {PlainKind::integer, std::move(*value)};
}

}  // namespace

PlainScalar resolve_plain(std::string_view text) {
  if (is_one_of(text, {"", "~", "null", "Null", "NULL"})) return {PlainKind::null, nullptr};
  if (is_one_of(text, {"true", "True", "TRUE"})) return {PlainKind::boolean, true};
  if (is_one_of(text, {"false", "False", "FALSE"})) return {PlainKind::boolean, false};
  if (is_one_of(text, {".nan", ".NaN", ".NAN"})) return {PlainKind::infinity_or_nan, nullptr};

  const bool negative = text.front() == '-';
  const std::string_view unsigned_text =
      (text.front() == '-' || text.front() == '+') ? text.substr(1) : text;
  if (all_of(unsigned_text, is_digit)) {
    return integer(integer_value(unsigned_text, 10, negative));
  }
  // Octal and hexadecimal take no sign in the core schema.
  if (text.size() > 2 && text.starts_with("0o") && all_of(text.substr(2), is_octal_digit)) {
    return integer(integer_value(text.substr(2), 8, false));
  }
  if (text.size() > 2 && text.starts_with("0x") && all_of(text.substr(2), is_hex_digit)) {
    return integer(integer_value(text.substr(2), 16, false));
  }
  if (is_one_of(unsigned_text, {".inf", ".Inf", ".INF"})) {
    return {PlainKind::infinity_or_nan, nullptr};
  }
  if (is_core_float(unsigned_text)) {
    double value = 0;
    const auto [end, error] =
        std::from_chars(unsigned_text.data(), unsigned_text.data() + unsigned_text.size(), value);
    if (error == std::errc::result_out_of_range) {
      // Either too large (an infinity, which JSON cannot hold) or too small (zero).
      const auto exponent = unsigned_text.find_first_of("eE");
      const bool tiny =
          exponent != std::string_view::npos && unsigned_text.substr(exponent + 1).starts_with('-');
      if (!tiny) return {PlainKind::infinity_or_nan, nullptr};
      value = 0.0;
    }
    return {PlainKind::floating, negative ? -value : value};
  }
  return {PlainKind::string, nullptr};
}

bool is_yaml11_plain_string(std::string_view text) {
  if (resolve_plain(text).kind != PlainKind::string) return false;
  if (is_one_of(text, {"y", "Y", "n", "N", "yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON",
                       "off", "Off", "OFF", "=", "<<"})) {
    return false;
  }
  // YAML 1.1 numbers (with `_` separators, `0b` binary, sexagesimal `1:30`, `.inf`) and
  // timestamps (`2001-12-14 21:59:43.10 -5`) all start with a digit, or a sign or dot then a
  // digit, and use only these characters. Anything shaped like that is treated as unsafe:
  // quoting a string that did not need it costs two characters, the reverse changes data.
  std::string_view rest = text;
  if (rest.front() == '-' || rest.front() == '+') rest.remove_prefix(1);
  if (rest.starts_with('.')) rest.remove_prefix(1);
  if (rest.empty()) return true;
  const bool starts_like_a_number =
      is_digit(rest.front()) || is_one_of(rest, {"inf", "Inf", "INF", "nan", "NaN", "NAN"});
  if (!starts_like_a_number) return true;
  constexpr std::string_view number_or_time_chars = "0123456789_.:+-eExXoObBaAcCdDfFtTzZ ";
  return std::ranges::any_of(
      text, [&](char c) { return number_or_time_chars.find(c) == std::string_view::npos; });
}

}  // namespace oaskit::detail
