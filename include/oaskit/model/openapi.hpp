#pragma once
/// The OpenAPI Object: the root of a document.

#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "oaskit/any.hpp"
#include "oaskit/field.hpp"
#include "oaskit/map.hpp"
#include "oaskit/model/components.hpp"
#include "oaskit/model/external_docs.hpp"
#include "oaskit/model/info.hpp"
#include "oaskit/model/paths.hpp"
#include "oaskit/model/security.hpp"
#include "oaskit/model/server.hpp"
#include "oaskit/model/tag.hpp"

namespace oaskit {

/// An OpenAPI document: 3.0, 3.1 and 3.2 (each field records the version that introduced it).
struct OpenAPI {
  std::string openapi{};              // the version, e.g. "3.1.0"
  std::optional<std::string> self{};  // JSON: $self; this document's URI, its base (3.2)
  Info info{};
  std::optional<std::string> jsonSchemaDialect{};
  std::optional<std::vector<Server>> servers{};
  std::optional<Paths> paths{};
  std::optional<Map<OrReference<PathItem>>> webhooks{};
  std::optional<Components> components{};
  std::optional<std::vector<SecurityRequirement>> security{};
  std::optional<std::vector<Tag>> tags{};
  std::optional<ExternalDocumentation> externalDocs{};
  Extra extra{};

  template <class Self = OpenAPI>
  static constexpr auto fields() {
    using O = Self;
    return std::tuple{field("openapi", &O::openapi),
                      field("$self", &O::self).since(SpecVersion::v3_2),
                      field("info", &O::info),
                      field("jsonSchemaDialect", &O::jsonSchemaDialect).since(SpecVersion::v3_1),
                      field("servers", &O::servers),
                      field("paths", &O::paths, check::PathKeys{}),
                      field("webhooks", &O::webhooks).since(SpecVersion::v3_1),
                      field("components", &O::components),
                      field("security", &O::security),
                      field("tags", &O::tags),
                      field("externalDocs", &O::externalDocs)};
  }
  friend bool operator==(const OpenAPI&, const OpenAPI&) = default;
};

}  // namespace oaskit
