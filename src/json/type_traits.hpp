#pragma once
// Type predicates the reader and writer dispatch on.

#include <optional>
#include <type_traits>
#include <variant>
#include <vector>

#include "oaskit/box.hpp"
#include "oaskit/map.hpp"
#include "oaskit/map_with_extensions.hpp"

namespace oaskit::detail {

template <class T, template <class...> class Template>
struct is_instance : std::false_type {};
template <template <class...> class Template, class... Args>
struct is_instance<Template<Args...>, Template> : std::true_type {};
template <class T, template <class...> class Template>
inline constexpr bool is_instance_v = is_instance<T, Template>::value;

/// Enums that name their values with `enum_names(E)`.
template <class T>
concept NamedEnum = std::is_enum_v<T> && requires(T e) {
  enum_names(e);
};

template <NamedEnum E>
constexpr auto names_of() {
  return enum_names(E{});
}

}  // namespace oaskit::detail
