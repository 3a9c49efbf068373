#pragma once
/// The Tag Object.

#include <optional>
#include <string>
#include <tuple>

#include "oaskit/any.hpp"
#include "oaskit/field.hpp"
#include "oaskit/model/external_docs.hpp"

namespace oaskit {

/// A tag used by operations, with its documentation. OpenAPI 3.2 nests tags (`parent` names
/// another tag) and sorts them by `kind` ("nav", "badge", "audience" are the registered ones).
struct Tag {
  std::string name{};
  std::optional<std::string> summary{};  // a short title (3.2)
  std::optional<std::string> description{};
  std::optional<ExternalDocumentation> externalDocs{};
  std::optional<std::string> parent{};  // the name of the tag this one is under (3.2)
  std::optional<std::string> kind{};    // what the tag is for (3.2)
  Extra extra{};

  template <class Self = Tag>
  static constexpr auto fields() {
    return std::tuple{field("name", &Self::name),
                      field("summary", &Self::summary).since(SpecVersion::v3_2),
                      field("description", &Self::description),
                      field("externalDocs", &Self::externalDocs),
                      field("parent", &Self::parent).since(SpecVersion::v3_2),
                      field("kind", &Self::kind).since(SpecVersion::v3_2)};
  }
  friend bool operator==(const Tag&, const Tag&) = default;
};

}  // namespace oaskit
