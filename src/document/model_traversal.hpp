#pragma once
// Walks a model tree as the field tables describe it, keeping the path of member names and
// indices, and tells its hooks what it meets. The one traversal of models: the loader finds
// `$ref`s with it, the lint rules find Operations, Parameters and Schemas.

#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <variant>

#include "json/type_traits.hpp"
#include "oaskit/error.hpp"
#include "oaskit/models.hpp"

namespace oaskit::detail {

/// The first template argument of a container type: what an optional, Box, vector or Map holds.
template <class T>
struct held_type;
template <template <class...> class Container, class Held, class... Rest>
struct held_type<Container<Held, Rest...>> {
  using type = Held;
};

/// Whether a value of type T can hold a model: leaves (strings, numbers, enums, any-valued
/// data) cannot, so the traversal does not step into them.
template <class T>
constexpr bool can_hold_models() {
  if constexpr (Model<T> || is_instance_v<T, MapWithExtensions>) {
    return true;
  } else if constexpr (is_instance_v<T, std::optional> || is_instance_v<T, Box> ||
                       is_instance_v<T, std::vector> || is_instance_v<T, Map>) {
    return can_hold_models<typename held_type<T>::type>();
  } else if constexpr (is_instance_v<T, std::variant>) {
    return []<class... Ts>(std::type_identity<std::variant<Ts...>>) {
      return (can_hold_models<Ts>() || ...);
    }(std::type_identity<T>{});
  } else {
    return false;
  }
}

/// `Hooks` has:
/// - `enter(const M& model, const Path& at)` before a model's fields are walked, and
///   `leave(const M& model)` after (for every model type M, a template or overloads);
/// - `reference<Target>(const Reference& ref, const Path& at)` for a Reference standing where
///   a `Target` may be (an `OrReference<Target>`), whose fields are not walked.
/// Strings, numbers, enums and any-valued data are not reported.
template <class Hooks>
class ModelTraversal {
 public:
  ModelTraversal(Hooks& hooks, Path start) : hooks_(hooks), path_(std::move(start)) {}

  template <class T>
  void walk(const T& value) {
    if constexpr (Model<T>) {
      hooks_.enter(value, std::as_const(path_));
      walk_fields(value);
      hooks_.leave(value);
    } else if constexpr (is_instance_v<T, std::optional> || is_instance_v<T, Box>) {
      if (value) walk(*value);
    } else if constexpr (is_instance_v<T, std::vector>) {
      for (std::size_t i = 0; i < value.size(); ++i) {
        path_.emplace_back(i);
        walk(value[i]);
        path_.pop_back();
      }
    } else if constexpr (is_instance_v<T, Map>) {
      for (const auto& [key, item] : value) {
        path_.emplace_back(key);
        walk(item);
        path_.pop_back();
      }
    } else if constexpr (is_instance_v<T, MapWithExtensions>) {
      walk(value.entries);
    } else if constexpr (is_instance_v<T, std::variant>) {
      walk_variant(value);
    }
  }

 private:
  template <class M>
  void walk_fields(const M& model) {
    std::apply([&](const auto&... field) { (walk_field(model.*(field.member), field.name), ...); },
               M::fields());
  }

  // Steps into a member only when it is there and may hold models: a Schema has some 60
  // fields, of which a few are present and fewer hold schemas again.
  template <class T>
  void walk_field(const T& member, std::string_view name) {
    if constexpr (can_hold_models<T>()) {
      if constexpr (is_instance_v<T, std::optional> || is_instance_v<T, Box>) {
        if (!member) return;
      }
      path_.emplace_back(std::string(name));
      walk(member);
      path_.pop_back();
    }
  }

  template <class... Ts>
  void walk_variant(const std::variant<Ts...>& value) {
    std::visit(
        [&](const auto& held) {
          using Held = std::remove_cvref_t<decltype(held)>;
          if constexpr (std::is_same_v<Held, Reference>) {
            using Target = std::variant_alternative_t<0, std::variant<Ts...>>;
            hooks_.template reference<Target>(held, std::as_const(path_));
          } else {
            walk(held);
          }
        },
        value);
  }

  Hooks& hooks_;
  Path path_;
};

}  // namespace oaskit::detail
