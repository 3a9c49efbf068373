// A Path Item's method fields, taken from its field table once, and its operations by method.

#include <array>
#include <cstddef>
#include <tuple>
#include <type_traits>

#include "oaskit/model/paths.hpp"
#include "util/ascii.hpp"

namespace oaskit {

namespace {

template <class F>
constexpr bool is_method_field =
    std::is_same_v<std::remove_cvref_t<decltype(F::member)>, Box<Operation> PathItem::*>;

// The fields of type Box<Operation> among PathItem::fields(), in their order.
constexpr auto method_fields_of_table() {
  constexpr auto all = PathItem::fields();
  constexpr std::size_t count = std::apply(
      [](const auto&... f) {
        return (std::size_t{0} + ... + (is_method_field<std::remove_cvref_t<decltype(f)>> ? 1 : 0));
      },
      all);
  std::array<PathItem::MethodField, count> out{};
  std::size_t at = 0;
  std::apply(
      [&](const auto&... f) {
        auto take = [&](const auto& one) {
          if constexpr (is_method_field<std::remove_cvref_t<decltype(one)>>) {
            out[at++] = PathItem::MethodField{one.name, one.member};
          }
        };
        (take(f), ...);
      },
      all);
  return out;
}

}  // namespace

std::span<const PathItem::MethodField> PathItem::method_fields() {
  static constexpr auto methods = method_fields_of_table();
  return methods;
}

const Operation* PathItem::operation_for(std::string_view method) const {
  for (const auto& [name, member] : method_fields()) {
    if (detail::equals_ignoring_ascii_case(name, method)) {
      const Box<Operation>& operation = this->*member;
      return operation ? &*operation : nullptr;
    }
  }
  if (additionalOperations) return additionalOperations->find(method);
  return nullptr;
}

}  // namespace oaskit
