#pragma once
/// `Number`: a JSON number kept as it was written (integer or not).

#include <concepts>
#include <cstdint>
#include <variant>

namespace oaskit {

/// A JSON number for number-valued keywords (`minimum`, `multipleOf`, ...). An integer stays
/// an integer and a fraction a double, so `"minimum": 5` is written back as `5`, not `5.0`.
/// Numbers compare by value, as JSON Schema does: `Number{1} == Number{1.0}`.
class Number {
 public:
  using storage = std::variant<std::int64_t, std::uint64_t, double>;

  constexpr Number() noexcept : value_(std::int64_t{0}) {}
  template <std::signed_integral I>
  constexpr Number(I i) noexcept : value_(static_cast<std::int64_t>(i)) {}  // NOLINT
  template <std::unsigned_integral U>
  requires(!std::same_as<U, bool>) constexpr Number(U u) noexcept
      : value_(static_cast<std::uint64_t>(u)) {}  // NOLINT
  template <std::floating_point F>
  constexpr Number(F f) noexcept : value_(static_cast<double>(f)) {}  // NOLINT

  [[nodiscard]] constexpr bool is_integer() const noexcept {
    return !std::holds_alternative<double>(value_);
  }
  [[nodiscard]] constexpr const storage& value() const noexcept { return value_; }
  /// The number as a double (large integers round).
  [[nodiscard]] constexpr double to_double() const noexcept {
    if (const auto* i = std::get_if<std::int64_t>(&value_)) return static_cast<double>(*i);
    if (const auto* u = std::get_if<std::uint64_t>(&value_)) return static_cast<double>(*u);
    return *std::get_if<double>(&value_);
  }

  friend bool operator==(const Number& a, const Number& b);

 private:
  storage value_;
};

}  // namespace oaskit
