#pragma once
/// The Tag Object.

#include <optional>
#include <string>
#include <tuple>

#include "oaskit/any.hpp"
#include "oaskit/field.hpp"
#include "oaskit/model/external_docs.hpp"

namespace oaskit {

/// A tag used by operations, with its documentation.
struct Tag {
  std::string name{};
  std::optional<std::string> description{};
  std::optional<ExternalDocumentation> externalDocs{};
  Extra extra{};

  template <class Self = Tag>
  static constexpr auto fields() {
    return std::tuple{field("name", &Self::name), field("description", &Self::description),
                      field("externalDocs", &Self::externalDocs)};
  }
  friend bool operator==(const Tag&, const Tag&) = default;
};

}  // namespace oaskit
