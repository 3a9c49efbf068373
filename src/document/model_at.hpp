#pragma once
// The model object at a path in a model tree, found by descending along the path through the
// field tables (field names, map keys, list indices), not by walking the whole tree: how a
// document's root model answers "what is at #/components/schemas/Pet, as a Schema?" without
// reading that part of the file again.

#include <string>
#include <tuple>
#include <type_traits>
#include <variant>

#include "json/type_traits.hpp"
#include "oaskit/error.hpp"
#include "oaskit/models.hpp"

namespace oaskit::detail {

template <class Target, class T>
const Target* descend(const T& value, Path::const_iterator step, Path::const_iterator end);

template <class Target, class M>
const Target* descend_fields(const M& model, const std::string& name, Path::const_iterator next,
                             Path::const_iterator end) {
  const Target* found = nullptr;
  auto try_field = [&](const auto& field) {
    if (found == nullptr && field.name == name) {
      found = descend<Target>(model.*(field.member), next, end);
    }
  };
  std::apply([&](const auto&... field) { (try_field(field), ...); }, M::fields());
  return found;
}

template <class Target, class T>
const Target* descend(const T& value, Path::const_iterator step, Path::const_iterator end) {
  if constexpr (std::is_same_v<T, Target>) {
    if (step == end) return &value;
  }
  if constexpr (is_instance_v<T, std::variant>) {
    // The alternative it holds; at the end of the path, as itself when it is the target.
    return std::visit([&](const auto& held) { return descend<Target>(held, step, end); }, value);
  } else if constexpr (is_instance_v<T, std::optional> || is_instance_v<T, Box>) {
    return value ? descend<Target>(*value, step, end) : nullptr;
  } else {
    if (step == end) return nullptr;
    const auto* name = std::get_if<std::string>(&*step);
    if constexpr (Model<T>) {
      return name != nullptr ? descend_fields<Target>(value, *name, step + 1, end) : nullptr;
    } else if constexpr (is_instance_v<T, Map>) {
      const auto* entry = name != nullptr ? value.find(*name) : nullptr;
      return entry != nullptr ? descend<Target>(*entry, step + 1, end) : nullptr;
    } else if constexpr (is_instance_v<T, MapWithExtensions>) {
      const auto* entry = name != nullptr ? value.entries.find(*name) : nullptr;
      return entry != nullptr ? descend<Target>(*entry, step + 1, end) : nullptr;
    } else if constexpr (is_instance_v<T, std::vector>) {
      const auto* index = std::get_if<std::size_t>(&*step);
      return index != nullptr && *index < value.size()
                 ? descend<Target>(value[*index], step + 1, end)
                 : nullptr;
    } else {
      return nullptr;  // a string, number or any-valued data holds no model
    }
  }
}

/// The `Target` at `loc` in `root` (a model tree), or null when `loc` leads to nothing there or
/// to something else. A variant at the end of the path counts when it is the target, or holds
/// it: `OrReference<Parameter>` or the `Parameter` in it.
template <class Target, class Root>
const Target* model_at(const Root& root, const Path& loc) {
  return descend<Target>(root, loc.begin(), loc.end());
}

}  // namespace oaskit::detail
