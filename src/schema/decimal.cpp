#include "schema/decimal.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <limits>

namespace oaskit::schema::detail {
namespace {

// Parses to_chars' shortest output ("1.5e-05", "123", "0.0075") into a Decimal.
Decimal from_text(std::string_view text) {
  Decimal d;
  std::size_t i = 0;
  if (i < text.size() && text[i] == '-') {
    d.negative = true;
    ++i;
  }
  std::int64_t fraction_digits = 0;
  bool in_fraction = false;
  for (; i < text.size() && text[i] != 'e' && text[i] != 'E'; ++i) {
    if (text[i] == '.') {
      in_fraction = true;
      continue;
    }
    d.digits.push_back(text[i]);
    if (in_fraction) ++fraction_digits;
  }
  std::int64_t exponent = 0;
  if (i < text.size()) {
    ++i;
    if (i < text.size() && text[i] == '+') ++i;
    std::from_chars(text.data() + i, text.data() + text.size(), exponent);
  }
  d.exponent = exponent - fraction_digits;
  // Normal form: no leading zeros, no trailing zeros (they move into the exponent).
  const auto first = d.digits.find_first_not_of('0');
  if (first == std::string::npos) return Decimal{};
  d.digits.erase(0, first);
  while (!d.digits.empty() && d.digits.back() == '0') {
    d.digits.pop_back();
    ++d.exponent;
  }
  return d;
}

// `digits` followed by `zeros` zeros, modulo `divisor` (long division; divisor < 10^18).
std::uint64_t remainder_of(const std::string& digits, std::int64_t zeros, std::uint64_t divisor) {
  std::uint64_t remainder = 0;
  for (const char c : digits)
    remainder = (remainder * 10 + static_cast<unsigned>(c - '0')) % divisor;
  for (std::int64_t i = 0; i < zeros && remainder != 0; ++i) remainder = remainder * 10 % divisor;
  return remainder;
}

template <class Int>
int compare_integer_with_double(Int i, double d) {
  if (std::isnan(d)) return 0;
  constexpr double upper = std::is_signed_v<Int> ? 9223372036854775808.0 : 18446744073709551616.0;
  constexpr double lower = std::is_signed_v<Int> ? -9223372036854775808.0 : 0.0;
  if (d >= upper) return -1;
  if (d < lower) return 1;
  const double whole = std::trunc(d);
  const auto w = static_cast<Int>(whole);
  if (i != w) return i < w ? -1 : 1;
  if (d == whole) return 0;
  return d > whole ? -1 : 1;
}

int sign_of(int c) { return c < 0 ? -1 : (c > 0 ? 1 : 0); }

}  // namespace

Decimal to_decimal(const boost::json::value& number) {
  if (number.is_double() && !std::isfinite(number.get_double())) return Decimal{};
  char buffer[64] = {};
  std::to_chars_result end{};
  if (number.is_int64()) {
    end = std::to_chars(buffer, buffer + sizeof buffer, number.get_int64());
  } else if (number.is_uint64()) {
    end = std::to_chars(buffer, buffer + sizeof buffer, number.get_uint64());
  } else {
    end = std::to_chars(buffer, buffer + sizeof buffer, number.get_double());
  }
  return from_text(std::string_view(buffer, static_cast<std::size_t>(end.ptr - buffer)));
}

bool is_multiple_of(const boost::json::value& number, const Decimal& divisor) {
  if (divisor.digits.empty()) return false;
  if (number.is_double() && !std::isfinite(number.get_double())) return false;
  // The common case: an integer by a small integer.
  if (divisor.exponent >= 0 &&
      divisor.digits.size() + static_cast<std::size_t>(divisor.exponent) <= 18) {
    std::uint64_t d = 0;
    std::from_chars(divisor.digits.data(), divisor.digits.data() + divisor.digits.size(), d);
    for (std::int64_t i = 0; i < divisor.exponent; ++i) d *= 10;
    if (d == 0) return false;
    if (number.is_int64()) {
      const std::int64_t n = number.get_int64();
      const std::uint64_t magnitude =
          n < 0 ? std::uint64_t{0} - static_cast<std::uint64_t>(n) : static_cast<std::uint64_t>(n);
      return magnitude % d == 0;
    }
    if (number.is_uint64()) return number.get_uint64() % d == 0;
  }
  const Decimal n = to_decimal(number);
  if (n.digits.empty()) return true;  // zero
  // n / divisor = (N / D) × 10^(en - ed): an integer when N × 10^(en - ed) is a multiple of D.
  const std::int64_t shift = n.exponent - divisor.exponent;
  if (shift < 0) {
    // N must be a multiple of D × 10^-shift; N has no trailing zeros (normal form), so it
    // is not unless... it never is: a multiple of 10 would end in 0.
    return false;
  }
  if (divisor.digits.size() > 18) {
    // Beyond the long division's reach: compare as doubles (never reached by 17-digit doubles).
    const double q = std::stod(n.digits) * std::pow(10.0, static_cast<double>(shift)) /
                     std::stod(divisor.digits);
    return std::isfinite(q) && q == std::floor(q);
  }
  std::uint64_t d = 0;
  std::from_chars(divisor.digits.data(), divisor.digits.data() + divisor.digits.size(), d);
  return d != 0 && remainder_of(n.digits, shift, d) == 0;
}

int compare_numbers(const boost::json::value& a, const boost::json::value& b) {
  switch (a.kind()) {
    case boost::json::kind::int64: {
      const std::int64_t x = a.get_int64();
      if (b.is_int64()) return sign_of((x > b.get_int64()) - (x < b.get_int64()));
      if (b.is_uint64())
        return x < 0 || static_cast<std::uint64_t>(x) < b.get_uint64()
                   ? -1
                   : (static_cast<std::uint64_t>(x) == b.get_uint64() ? 0 : 1);
      return compare_integer_with_double(x, b.get_double());
    }
    case boost::json::kind::uint64: {
      const std::uint64_t x = a.get_uint64();
      if (b.is_uint64()) return sign_of((x > b.get_uint64()) - (x < b.get_uint64()));
      if (b.is_int64()) return -compare_numbers(b, a);
      return compare_integer_with_double(x, b.get_double());
    }
    default: {
      if (!b.is_double()) return -compare_numbers(b, a);
      const double x = a.get_double();
      const double y = b.get_double();
      return x < y ? -1 : (x > y ? 1 : 0);
    }
  }
}

bool is_integral(const boost::json::value& number) {
  if (!number.is_double()) return true;
  const double d = number.get_double();
  return std::isfinite(d) && d == std::floor(d);
}

std::string_view describe_type(const boost::json::value& v) {
  switch (v.kind()) {
    case boost::json::kind::null:
      return "null";
    case boost::json::kind::bool_:
      return "a boolean";
    case boost::json::kind::object:
      return "an object";
    case boost::json::kind::array:
      return "an array";
    case boost::json::kind::string:
      return "a string";
    case boost::json::kind::double_:
      return is_integral(v) ? "an integer" : "a number";
    default:
      return "an integer";
  }
}

bool json_equal(const boost::json::value& a, const boost::json::value& b) {
  if (a.is_number() && b.is_number()) return compare_numbers(a, b) == 0;
  if (a.kind() != b.kind()) return false;
  switch (a.kind()) {
    case boost::json::kind::array: {
      const auto& x = a.get_array();
      const auto& y = b.get_array();
      if (x.size() != y.size()) return false;
      for (std::size_t i = 0; i < x.size(); ++i) {
        if (!json_equal(x[i], y[i])) return false;
      }
      return true;
    }
    case boost::json::kind::object: {
      const auto& x = a.get_object();
      const auto& y = b.get_object();
      if (x.size() != y.size()) return false;
      return std::ranges::all_of(x, [&](const auto& member) {
        const auto* other = y.if_contains(member.key());
        return other != nullptr && json_equal(member.value(), *other);
      });
    }
    default:
      return a == b;
  }
}

}  // namespace oaskit::schema::detail
