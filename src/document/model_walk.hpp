#pragma once
// Walks a model tree, as the field tables describe it, to find every `$ref` in a model position
// (a Reference in an `X | Reference` union, a Schema's `$ref` or a Path Item's `$ref`) and what
// it must point at,
// and the `$id`s and `$anchor`s of OpenAPI 3.1 schemas.

#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "json/model_list.hpp"
#include "json/type_traits.hpp"
#include "oaskit/models.hpp"

namespace oaskit::detail {

/// The name of model `T`, as parse_as and messages know it.
template <class T>
constexpr std::string_view model_name_of();
#define OASKIT_MODEL_NAME(T)                      \
  template <>                                     \
  constexpr std::string_view model_name_of<T>() { \
    return #T;                                    \
  }
OASKIT_FOR_EACH_MODEL(OASKIT_MODEL_NAME)
#undef OASKIT_MODEL_NAME
template <>
constexpr std::string_view model_name_of<Callback>() {
  return "Callback";
}

/// Reads the value at a place in a source as the model a `$ref` there must point at.
struct RefTargetReader;
using ReadTarget = void (*)(RefTargetReader&);

/// A `$ref` found in a model.
struct FoundRef {
  Path loc;                   ///< the object holding `$ref`
  std::string ref;            ///< as written
  std::string base;           ///< the base URI it resolves against (a schema's `$id` changes it)
  std::string_view expected;  ///< the model it must point at
  ReadTarget read_target = nullptr;
  /// False for a `$ref` where OpenAPI allows none (an Operation's, say): followed all the
  /// same, as Redocly-style tools do, and reported.
  bool allowed = true;
};

/// A schema's `$id` or `$anchor`, as an absolute URI (`$anchor` as `base#name`).
struct FoundIdentifier {
  std::string uri;
  Path loc;
};

/// Reads the target of a `$ref` as `V` and walks it; defined by the loader.
template <class V>
void read_target(RefTargetReader& reader);

/// Resolves `id` against `base`; `base` when that fails (the loader reports bad refs, not ids).
std::string resolve_uri(std::string_view base, std::string_view id);

class ModelWalker {
 public:
  ModelWalker(Path start, std::string base) : path_(std::move(start)), bases_{std::move(base)} {}

  std::vector<FoundRef> refs;
  std::vector<FoundIdentifier> identifiers;

  template <class T>
  void walk(const T& value) {
    if constexpr (std::is_same_v<T, Schema>) {
      walk_schema(value);
    } else if constexpr (std::is_same_v<T, PathItem>) {
      walk_path_item(value);
    } else if constexpr (Model<T>) {
      walk_unexpected_ref(value);
      walk_fields(value);
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
    // Strings, numbers, enums and any-valued data hold no references.
  }

 private:
  template <class M>
  void walk_fields(const M& model) {
    std::apply(
        [&](const auto&... field) {
          ((path_.emplace_back(std::string(field.name)), walk(model.*(field.member)),
            path_.pop_back()),
           ...);
        },
        M::fields());
  }

  // A model that cannot be a Reference but was written as one: `$ref` landed in its extras.
  template <class M>
  void walk_unexpected_ref(const M& model) {
    if constexpr (!std::is_same_v<M, Reference>) {
      const auto* ref = model.extra.if_contains("$ref");
      if (ref != nullptr && ref->is_string()) {
        refs.push_back({path_, std::string(ref->get_string()), bases_.back(), model_name_of<M>(),
                        &read_target<M>, false});
      }
    }
  }

  void walk_schema(const Schema& schema) {
    const bool has_id = schema.id.has_value();
    if (has_id) {
      bases_.push_back(resolve_uri(bases_.back(), *schema.id));
      identifiers.push_back({strip_fragment(bases_.back()), path_});
    }
    if (schema.anchor)
      identifiers.push_back({strip_fragment(bases_.back()) + '#' + *schema.anchor, path_});
    if (schema.ref) {
      refs.push_back(
          {path_, *schema.ref, bases_.back(), model_name_of<Schema>(), &read_target<SchemaOrBool>});
    }
    walk_fields(schema);
    if (has_id) bases_.pop_back();
  }

  // A Path Item's own `$ref` is a field, not a Reference alternative: `paths` and callbacks
  // hold Path Items, and multi-file documents commonly keep each path in a file of its own.
  void walk_path_item(const PathItem& item) {
    if (item.ref) {
      refs.push_back(
          {path_, *item.ref, bases_.back(), model_name_of<PathItem>(), &read_target<PathItem>});
    }
    walk_fields(item);
  }

  template <class... Ts>
  void walk_variant(const std::variant<Ts...>& value) {
    std::visit(
        [&](const auto& held) {
          using Held = std::remove_cvref_t<decltype(held)>;
          if constexpr (std::is_same_v<Held, Reference>) {
            using Target = std::variant_alternative_t<0, std::variant<Ts...>>;
            refs.push_back({path_, held.ref, bases_.back(), model_name_of<Target>(),
                            &read_target<std::variant<Ts...>>});
          } else {
            walk(held);
          }
        },
        value);
  }

  static std::string strip_fragment(const std::string& uri) { return uri.substr(0, uri.find('#')); }

  Path path_;
  std::vector<std::string> bases_;
};

}  // namespace oaskit::detail
