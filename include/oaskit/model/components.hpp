#pragma once
/// The Components Object: reusable parts of a document.

#include <optional>
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
