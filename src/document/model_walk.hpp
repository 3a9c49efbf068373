#pragma once
// Finds, in a model tree, every `$ref` in a model position (a Reference in an `X | Reference`
// union, a Schema's `$ref` or a Path Item's `$ref`, a 3.2 Security Requirement key that is a
// URI) and what it must point at, and the `$id`s and `$anchor`s of OpenAPI 3.1 schemas.

#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "json/model_list.hpp"
#include "json/type_traits.hpp"
#include "model_traversal.hpp"
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

/// Finds the `$ref`s and schema identifiers of a model tree (through ModelTraversal).
class ModelWalker {
 public:
  ModelWalker(Path start, std::string base) : start_(std::move(start)), bases_{std::move(base)} {}

  std::vector<FoundRef> refs;
  std::vector<FoundIdentifier> identifiers;
  /// OpenAPI 3.2: a Security Requirement key outside the component-name grammar is a URI
  /// reference to a Security Scheme, found as a reference held at the key's place.
  bool security_requirement_uris = false;

  template <class T>
  void walk(const T& value) {
    ModelTraversal<ModelWalker> traversal(*this, start_);
    traversal.walk(value);
  }

  // The traversal's hooks.
  template <class M>
  void enter(const M& model, const Path& at) {
    if constexpr (std::is_same_v<M, OpenAPI> || std::is_same_v<M, Operation>) {
      if (security_requirement_uris && model.security) add_security_uris(*model.security, at);
    }
    if constexpr (std::is_same_v<M, Schema>) {
      enter_schema(model, at);
    } else if constexpr (std::is_same_v<M, PathItem> || std::is_same_v<M, MediaType>) {
      // A Path Item's own `$ref` is a field, not a Reference alternative: multi-file
      // documents commonly keep each path in a file of its own. OpenAPI 3.2's Media Types
      // refer alike (the `content` maps stay maps of MediaTypes).
      if (model.ref) {
        refs.push_back({at, *model.ref, bases_.back(), model_name_of<M>(), &read_target<M>});
      }
    } else if constexpr (!std::is_same_v<M, Reference>) {
      // A model that cannot be a Reference but was written as one: `$ref` is in its extras.
      const auto* ref = model.extra.if_contains("$ref");
      if (ref != nullptr && ref->is_string()) {
        refs.push_back({at, std::string(ref->get_string()), bases_.back(), model_name_of<M>(),
                        &read_target<M>, false});
      }
    }
  }
  template <class M>
  void leave(const M& /*model*/) {
    if constexpr (std::is_same_v<M, Schema>) bases_.pop_back();
  }
  template <class Target>
  void reference(const Reference& ref, const Path& at) {
    refs.push_back(
        {at, ref.ref, bases_.back(), model_name_of<Target>(), &read_target<OrReference<Target>>});
  }

 private:
  // Every schema pushes its base (its `$id`'s, else the enclosing one) for leave() to pop.
  void enter_schema(const Schema& schema, const Path& at) {
    bases_.push_back(schema.id ? resolve_uri(bases_.back(), *schema.id) : bases_.back());
    if (schema.id) identifiers.push_back({strip_fragment(bases_.back()), at});
    if (schema.anchor) {
      identifiers.push_back({strip_fragment(bases_.back()) + '#' + *schema.anchor, at});
    }
    if (schema.ref) {
      refs.push_back(
          {at, *schema.ref, bases_.back(), model_name_of<Schema>(), &read_target<SchemaOrBool>});
    }
  }

  void add_security_uris(const std::vector<SecurityRequirement>& requirements, const Path& at) {
    for (std::size_t i = 0; i < requirements.size(); ++i) {
      for (const auto& [name, scopes] : requirements[i]) {
        if (is_component_name(name)) continue;
        Path place = at;
        place.emplace_back(std::string("security"));
        place.emplace_back(i);
        place.emplace_back(name);
        refs.push_back({std::move(place), name, bases_.back(), model_name_of<SecurityScheme>(),
                        &read_target<OrReference<SecurityScheme>>});
      }
    }
  }

  static std::string strip_fragment(const std::string& uri) { return uri.substr(0, uri.find('#')); }

  Path start_;
  std::vector<std::string> bases_;
};

}  // namespace oaskit::detail
