#pragma once
/// The Components Object: reusable parts of a document.

#include <algorithm>
#include <optional>
#include <string_view>
#include <tuple>

#include "oaskit/any.hpp"
#include "oaskit/field.hpp"
#include "oaskit/map.hpp"
#include "oaskit/model/parameter.hpp"
#include "oaskit/model/paths.hpp"
#include "oaskit/model/reference.hpp"
#include "oaskit/model/schema.hpp"
#include "oaskit/model/security.hpp"

namespace oaskit {

/// A byte of the component-name grammar `^[a-zA-Z0-9._-]+$` (the keys of every Components map).
constexpr bool is_component_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
         c == '_' || c == '-';
}

/// `name` in the component-name grammar. In OpenAPI 3.2 a Security Requirement key that is
/// one names a component; any other key is a URI reference to a Security Scheme.
constexpr bool is_component_name(std::string_view name) {
  return !name.empty() && std::all_of(name.begin(), name.end(), is_component_name_char);
}

/// Reusable objects, referred to as `#/components/<kind>/<name>`.
struct Components {
  std::optional<Map<SchemaOrBool>> schemas{};
  std::optional<Map<OrReference<Response>>> responses{};
  std::optional<Map<OrReference<Parameter>>> parameters{};
  std::optional<Map<OrReference<Example>>> examples{};
  std::optional<Map<OrReference<RequestBody>>> requestBodies{};
  std::optional<Map<OrReference<Header>>> headers{};
  std::optional<Map<OrReference<SecurityScheme>>> securitySchemes{};
  std::optional<Map<OrReference<Link>>> links{};
  std::optional<Map<OrReference<Callback>>> callbacks{};
  std::optional<Map<OrReference<PathItem>>> pathItems{};
  std::optional<Map<OrReference<MediaType>>> mediaTypes{};
  Extra extra{};

  template <class Self = Components>
  static constexpr auto fields() {
    using C = Self;
    return std::tuple{field("schemas", &C::schemas),
                      field("responses", &C::responses),
                      field("parameters", &C::parameters),
                      field("examples", &C::examples),
                      field("requestBodies", &C::requestBodies),
                      field("headers", &C::headers),
                      field("securitySchemes", &C::securitySchemes),
                      field("links", &C::links),
                      field("callbacks", &C::callbacks),
                      field("pathItems", &C::pathItems).since(SpecVersion::v3_1),
                      field("mediaTypes", &C::mediaTypes).since(SpecVersion::v3_2)};
  }
  friend bool operator==(const Components&, const Components&) = default;
};

}  // namespace oaskit
