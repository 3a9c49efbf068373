#include "oaskit/number.hpp"

namespace oaskit {

bool operator==(const Number& a, const Number& b) {
  return std::visit(
      [](auto x, auto y) {
        using X = decltype(x);
        using Y = decltype(y);
        if constexpr (std::is_same_v<X, Y>) {
          return x == y;
        } else if constexpr (std::is_floating_point_v<X> || std::is_floating_point_v<Y>) {
          return static_cast<double>(x) == static_cast<double>(y);
        } else if constexpr (std::is_signed_v<X>) {  // int64 vs uint64
          return x >= 0 && static_cast<std::uint64_t>(x) == y;
        } else {
          return y >= 0 && static_cast<std::uint64_t>(y) == x;
        }
      },
      a.value(), b.value());
}

}  // namespace oaskit
