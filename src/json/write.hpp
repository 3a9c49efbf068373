#pragma once
// Writes models as JSON, driven by each model's fields() table: one generic writer for every
// model.

#include <cstdint>
#include <string>
#include <tuple>
#include <type_traits>
#include <variant>
#include <vector>

#include "json_writer.hpp"
#include "oaskit/field.hpp"
#include "oaskit/models.hpp"
#include "type_traits.hpp"

namespace oaskit::detail {

template <class T>
void write(JsonWriter& w, const T& value);

template <class T>
bool is_present(const T& value) {
  if constexpr (is_instance_v<T, std::optional> || is_instance_v<T, Box>) {
    return value.has_value();
  } else {
    return true;
  }
}

// An object's members, without its braces.
template <class T>
void write_members(JsonWriter& w, const Map<T>& members) {
  for (const auto& [key, item] : members) {
    w.key(key);
    write(w, item);
  }
}
inline void write_members(JsonWriter& w, const Extra& members) {
  for (const auto& member : members) {
    w.key(member.key());
    w.any(member.value());
  }
}

template <Model M>
void write_model(JsonWriter& w, const M& m) {
  // A constant table, so member offsets and names are compile-time constants.
  static constexpr auto fields = M::fields();
  w.begin_object();
  std::apply(
      [&](const auto&... f) {
        auto write_field = [&](const auto& one) {
          const auto& member = m.*(one.member);
          if (one.presence == Presence::optional && !is_present(member)) return;
          w.key(one.name);
          write(w, member);
        };
        (write_field(f), ...);
      },
      fields);
  write_members(w, m.extra);
  w.end_object();
}

template <class T>
void write(JsonWriter& w, const T& value) {
  if constexpr (Model<T>) {
    write_model(w, value);
  } else if constexpr (std::is_same_v<T, std::string>) {
    w.string(value);
  } else if constexpr (std::is_same_v<T, bool>) {
    w.boolean(value);
  } else if constexpr (std::is_same_v<T, std::int64_t>) {
    w.number(value);
  } else if constexpr (std::is_same_v<T, Number>) {
    std::visit([&](auto n) { w.number(n); }, value.value());
  } else if constexpr (std::is_same_v<T, Any>) {
    w.any(value);
  } else if constexpr (NamedEnum<T>) {
    w.string(names_of<T>()[static_cast<std::size_t>(value)]);
  } else if constexpr (is_instance_v<T, std::optional> || is_instance_v<T, Box>) {
    if (value.has_value()) {
      write(w, *value);
    } else {
      w.null();
    }
  } else if constexpr (is_instance_v<T, std::vector>) {
    w.begin_array();
    for (const auto& item : value) write(w, item);
    w.end_array();
  } else if constexpr (is_instance_v<T, Map>) {
    w.begin_object();
    write_members(w, value);
    w.end_object();
  } else if constexpr (is_instance_v<T, MapWithExtensions>) {
    w.begin_object();
    write_members(w, value.entries);
    write_members(w, value.extensions);
    w.end_object();
  } else if constexpr (is_instance_v<T, std::variant>) {
    std::visit([&](const auto& alternative) { write(w, alternative); }, value);
  } else {
    static_assert(sizeof(T) == 0, "a type the writer does not know");
  }
}

}  // namespace oaskit::detail
