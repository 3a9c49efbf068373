#pragma once
/// The External Documentation Object.

#include <optional>
#include <string>
#include <tuple>

#include "oaskit/any.hpp"
#include "oaskit/field.hpp"

namespace oaskit {

/// A link to documentation elsewhere.
struct ExternalDocumentation {
  std::optional<std::string> description{};
  std::string url{};  // an absolute URL, kept as written
  Extra extra{};

  template <class Self = ExternalDocumentation>
  static constexpr auto fields() {
    return std::tuple{field("description", &Self::description),
                      field("url", &Self::url, check::Url{})};
  }
  friend bool operator==(const ExternalDocumentation&, const ExternalDocumentation&) = default;
};

}  // namespace oaskit
