#pragma once
// Reads models from a JSON tree, driven by each model's fields() table. One generic reader
// for every model and for both trees json_input.hpp puts behind one interface (simdjson's DOM
// for text, boost::json::value for what a Source holds): no model has parsing code of its own.

#include <bitset>
#include <cstdint>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_set>
#include <utility>
#include <variant>

#include "checks.hpp"
#include "field_index.hpp"
#include "json_input.hpp"
#include "oaskit/any.hpp"
#include "oaskit/field.hpp"
#include "oaskit/models.hpp"
#include "path_node.hpp"
#include "read_context.hpp"
#include "type_traits.hpp"

namespace oaskit::detail {

template <class T, class V>
void read(T& out, V v, ReadContext& cx, const PathNode& at);

// Any-valued data: a boost::json::value, integers kept as integers.
Any to_any(DomValue v, ReadContext& cx, const PathNode& at);
Any to_any(BoostValue v, ReadContext& cx, const PathNode& at);

/// `string "abc"`, `number 10`, `null`, `an array`: what was found, for messages.
template <class V>
std::string describe(V v);

template <class V>
void read_integer(std::int64_t& out, V v, ReadContext& cx, const PathNode& at);
template <class V>
void read_number(Number& out, V v, ReadContext& cx, const PathNode& at);

// The kind of JSON value a C++ type is read from: chooses a variant's alternative and says
// what was expected when none fits.
enum class JsonKind { object, array, string, boolean, number, any };

template <class T>
constexpr JsonKind json_kind() {
  if constexpr (Model<T> || is_instance_v<T, Map> || is_instance_v<T, MapWithExtensions> ||
                std::is_same_v<T, SecurityScheme>) {
    return JsonKind::object;
  } else if constexpr (is_instance_v<T, std::vector>) {
    return JsonKind::array;
  } else if constexpr (std::is_same_v<T, std::string> || NamedEnum<T>) {
    return JsonKind::string;
  } else if constexpr (std::is_same_v<T, bool>) {
    return JsonKind::boolean;
  } else if constexpr (std::is_same_v<T, Number> || std::is_same_v<T, std::int64_t>) {
    return JsonKind::number;
  } else {
    static_assert(std::is_same_v<T, Any>, "a type the reader does not know");
    return JsonKind::any;
  }
}

bool accepts(JsonKind kind, JsonType t);
std::string_view describe(JsonKind kind);

// "Input should be <expected>, got <what v is>".
template <class V>
void type_error(ReadContext& cx, const PathNode& at, std::string_view type,
                std::string_view expected, V found) {
  cx.type_error(at, type, expected, describe(found));
}

template <NamedEnum E, class V>
void read_enum(E& out, V v, ReadContext& cx, const PathNode& at) {
  constexpr auto names = names_of<E>();
  std::string_view s;
  if (v.get(s)) {
    for (std::size_t i = 0; i < names.size(); ++i) {
      if (names[i] == s) {
        out = static_cast<E>(i);
        return;
      }
    }
  }
  cx.error(at, "enum", "Input should be " + quoted_alternatives(names) + ", got " + describe(v));
}

template <class T, class V>
void read_vector(std::vector<T>& out, V v, ReadContext& cx, const PathNode& at) {
  const auto array = v.array();
  if (!array) {
    type_error(cx, at, "list_type", "an array", v);
    return;
  }
  if (!cx.enter_container(at)) return;
  out.clear();
  out.resize(array->size());
  std::size_t i = 0;
  for (V item : *array) {
    read(out[i], item, cx, at.item(i));
    ++i;
  }
}

// Duplicate keys in the object being read into a map: linear for the small maps that
// dominate, a hash set for big ones.
class KeySet {
 public:
  explicit KeySet(std::size_t expected) : hashed_(expected > 16) {}
  // True when `key` was new.
  template <class MapT>
  bool insert(const MapT& map, std::string_view key) {
    if (!hashed_) return !map.contains(key);
    return seen_.insert(key).second;
  }

 private:
  bool hashed_;
  std::unordered_set<std::string_view> seen_;
};

inline bool is_extension(std::string_view key) { return key.starts_with("x-"); }

template <class V>
void read_extra(Extra& extra, std::string_view key, V v, ReadContext& cx, const PathNode& at);

// Reads an object's members into `out`; with `extensions`, `x-` members go there instead
// (Paths, Responses, Callback).
template <class T, class Members>
void read_map(Map<T>& out, Extra* extensions, const Members& object, ReadContext& cx,
              const PathNode& at) {
  out.reserve(object.size());
  KeySet keys(object.size());
  for (auto [key, value] : object) {
    if (extensions != nullptr && is_extension(key)) {
      read_extra(*extensions, key, value, cx, at);
      continue;
    }
    if (!keys.insert(out, key)) {
      cx.duplicate_key(at, key);
      continue;
    }
    read(out.append_unchecked(std::string(key)), value, cx, at.member(key));
  }
}

template <class V>
struct variant_has_reference : std::false_type {};
template <class... Ts>
struct variant_has_reference<std::variant<Ts...>>
    : std::bool_constant<(std::is_same_v<Ts, Reference> || ...)> {};

template <class... Ts>
std::string variant_expectation() {
  std::string out;
  std::string_view parts[] = {describe(json_kind<Ts>())...};
  std::size_t written = 0;
  for (std::size_t i = 0; i < sizeof...(Ts); ++i) {
    bool repeated = false;
    for (std::size_t j = 0; j < i; ++j) repeated = repeated || parts[j] == parts[i];
    if (repeated) continue;
    if (written++ > 0) out += " or ";
    out += parts[i];
  }
  return out;
}

// The variant's `Alt`, made the active one only if it is not already: containers
// default-construct their elements before reading into them.
template <class Alt, class Variant>
Alt& alternative(Variant& v) {
  if (Alt* held = std::get_if<Alt>(&v)) return *held;
  return v.template emplace<Alt>();
}

// Reads an alternative of a variant: an object with `$ref` is the Reference when the variant
// has one; otherwise the first alternative whose JSON kind matches.
template <class V, class... Ts>
void read_variant(std::variant<Ts...>& out, V v, ReadContext& cx, const PathNode& at) {
  const auto type = v.type();
  if constexpr (variant_has_reference<std::variant<Ts...>>::value) {
    if (const auto object = v.object(); object && object->find("$ref")) {
      read(alternative<Reference>(out), v, cx, at);
      return;
    }
  }
  bool done = false;
  auto try_alternative = [&]<class Alt>(std::type_identity<Alt>) {
    if (done || !accepts(json_kind<Alt>(), type)) return;
    done = true;
    read(alternative<Alt>(out), v, cx, at);
  };
  (try_alternative(std::type_identity<Ts>{}), ...);
  if (!done) {
    const bool wants_object = ((json_kind<Ts>() == JsonKind::object) || ...);
    type_error(cx, at, wants_object ? "model_type" : "union_type", variant_expectation<Ts...>(), v);
  }
}

template <class V>
void read_security_scheme(SecurityScheme& out, V v, ReadContext& cx, const PathNode& at);

template <class M, class V, std::size_t I>
void read_field(M& m, V v, ReadContext& cx, const PathNode& here) {
  constexpr auto f = std::get<I>(M::fields());
  auto& member = m.*(f.member);
  const std::size_t errors_before = cx.error_count();
  read(member, v, cx, here);
  if constexpr (!std::is_same_v<std::remove_cvref_t<decltype(f.constraint)>, check::None>) {
    using Check = std::remove_cvref_t<decltype(f.constraint)>;
    if (checks_keys<Check> || cx.error_count() == errors_before) {
      apply_check(f.constraint, member, cx, here);
    }
  }
}

template <class M>
constexpr std::size_t field_count = std::tuple_size_v<decltype(M::fields())>;

template <class M, class V>
using FieldReader = void (*)(M&, V, ReadContext&, const PathNode&);

template <class M, class V, std::size_t... I>
constexpr std::array<FieldReader<M, V>, sizeof...(I)> make_field_readers(
    std::index_sequence<I...>) {
  return {&read_field<M, V, I>...};
}

template <class M, std::size_t... I>
constexpr std::array<std::string_view, sizeof...(I)> make_field_names(std::index_sequence<I...>) {
  constexpr auto fields = M::fields();
  return {std::get<I>(fields).name...};
}

template <class M, std::size_t... I>
constexpr std::array<bool, sizeof...(I)> make_field_required(std::index_sequence<I...>) {
  constexpr auto fields = M::fields();
  return {(std::get<I>(fields).presence == Presence::required)...};
}

template <class M, std::size_t... I>
constexpr std::array<std::optional<SpecVersion>, sizeof...(I)> make_field_optional_since(
    std::index_sequence<I...>) {
  constexpr auto fields = M::fields();
  return {std::get<I>(fields).optional_since...};
}

template <class M>
struct ModelTable {
  static constexpr std::size_t size = field_count<M>;
  template <class V>
  static constexpr auto readers = make_field_readers<M, V>(std::make_index_sequence<size>{});
  static constexpr auto names = make_field_names<M>(std::make_index_sequence<size>{});
  static constexpr auto required = make_field_required<M>(std::make_index_sequence<size>{});
  static constexpr auto optional_since =
      make_field_optional_since<M>(std::make_index_sequence<size>{});
  // Built on first use, so parsing from another static initializer is safe.
  static const FieldIndex& index() {
    static const FieldIndex built{names.data(), size};
    return built;
  }
};

// Reads the members of `object` into model `m`: declared fields by the table, the rest into
// `m.extra`; then reports required fields that were absent.
template <class V, Model M, class Members>
void read_members(M& m, const Members& object, ReadContext& cx, const PathNode& at) {
  using Table = ModelTable<M>;
  if (!cx.enter_container(at)) return;
  const FieldIndex& field_index = Table::index();
  std::bitset<Table::size> seen;
  for (auto [key, value] : object) {
    const int i = field_index.find(key);
    if (i < 0) {
      read_extra(m.extra, key, value, cx, at);
      continue;
    }
    if (seen.test(static_cast<std::size_t>(i))) {
      cx.duplicate_key(at, key);
      continue;
    }
    seen.set(static_cast<std::size_t>(i));
    Table::template readers<V>[static_cast<std::size_t>(i)](m, value, cx, at.member(key));
  }
  for (std::size_t i = 0; i < Table::size; ++i) {
    if (seen.test(i)) continue;
    if (Table::required[i]) {
      cx.missing(at, Table::names[i]);
    } else if (Table::optional_since[i]) {
      cx.missing_before(at, Table::names[i], *Table::optional_since[i]);
    }
  }
  if constexpr (std::is_same_v<M, OpenAPI>) {
    if (auto version = spec_version_of(m.openapi)) cx.set_version(*version);
  }
}

template <Model M, class V>
void read_model(M& m, V v, ReadContext& cx, const PathNode& at) {
  const auto object = v.object();
  if (!object) {
    type_error(cx, at, "model_type", "an object", v);
    return;
  }
  read_members<V>(m, *object, cx, at);
}

template <class T, class V>
void read(T& out, V v, ReadContext& cx, const PathNode& at) {
  if constexpr (Model<T>) {
    read_model(out, v, cx, at);
  } else if constexpr (std::is_same_v<T, std::string>) {
    std::string_view s;
    if (v.get(s)) {
      out.assign(s.data(), s.size());
    } else {
      type_error(cx, at, "string_type", "a valid string", v);
    }
  } else if constexpr (std::is_same_v<T, bool>) {
    if (!v.get(out)) type_error(cx, at, "bool_type", "a valid boolean", v);
  } else if constexpr (std::is_same_v<T, std::int64_t>) {
    read_integer(out, v, cx, at);
  } else if constexpr (std::is_same_v<T, Number>) {
    read_number(out, v, cx, at);
  } else if constexpr (std::is_same_v<T, Any>) {
    out = to_any(v, cx, at);
  } else if constexpr (NamedEnum<T>) {
    read_enum(out, v, cx, at);
  } else if constexpr (std::is_same_v<T, SecurityScheme>) {
    read_security_scheme(out, v, cx, at);
  } else if constexpr (is_instance_v<T, std::optional> || is_instance_v<T, Box>) {
    using Inner = typename T::value_type;
    // An explicit null means absent, except in any-valued data where null is a value.
    if (!std::is_same_v<Inner, Any> && v.is_null()) {
      out.reset();
      return;
    }
    read(out.emplace(), v, cx, at);
  } else if constexpr (is_instance_v<T, std::vector>) {
    read_vector(out, v, cx, at);
  } else if constexpr (is_instance_v<T, Map> || is_instance_v<T, MapWithExtensions>) {
    const auto object = v.object();
    if (!object) {
      type_error(cx, at, "dict_type", "an object", v);
    } else if (!cx.enter_container(at)) {
      return;
    } else if constexpr (is_instance_v<T, Map>) {
      read_map(out, nullptr, *object, cx, at);
    } else {
      read_map(out.entries, &out.extensions, *object, cx, at);
    }
  } else if constexpr (is_instance_v<T, std::variant>) {
    read_variant(out, v, cx, at);
  } else {
    static_assert(sizeof(T) == 0, "a type the reader does not know");
  }
}

}  // namespace oaskit::detail
