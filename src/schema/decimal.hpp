#pragma once
// Numbers as JSON Schema compares them: by value, exactly. A double counts as the decimal its
// shortest round-trip text writes (0.1 is 1 × 10⁻¹, not 0.1000000000000000055…), so
// `multipleOf: 0.01` accepts 19.99 and bounds on large integers are not rounded.

#include <boost/json/value.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace oaskit::schema::detail {

/// ±digits × 10^exponent, digits without leading zeros ("" for zero).
struct Decimal {
  bool negative = false;
  std::string digits;
  std::int64_t exponent = 0;
};

/// `number` (an int64, uint64 or double value) as a Decimal.
Decimal to_decimal(const boost::json::value& number);

/// True when `number` is an integer multiple of `divisor` (which is not zero).
bool is_multiple_of(const boost::json::value& number, const Decimal& divisor);

/// -1, 0 or 1 as `a` is below, equal to or above `b` (both numbers), exactly.
int compare_numbers(const boost::json::value& a, const boost::json::value& b);

/// True for a number with no fractional part (1.0 included, as JSON Schema says).
bool is_integral(const boost::json::value& number);

/// "a string", "an integer", "null": a value's JSON type as messages name it (a number with
/// no fractional part is an integer, as JSON Schema says). Static text.
std::string_view describe_type(const boost::json::value& value);

/// JSON equality: numbers by value (1 == 1.0), objects whatever their members' order.
bool json_equal(const boost::json::value& a, const boost::json::value& b);

}  // namespace oaskit::schema::detail
