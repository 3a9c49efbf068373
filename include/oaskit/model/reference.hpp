#pragma once
/// The Reference Object and the `X | Reference` unions.

#include <optional>
#include <string>
#include <tuple>
#include <variant>

#include "oaskit/any.hpp"
#include "oaskit/field.hpp"

namespace oaskit {

/// A `$ref` to another part of this or another document. OpenAPI 3.1 lets it carry a
/// `summary` and a `description` that override the target's.
struct Reference {
  std::string ref{};  // JSON: $ref
  std::optional<std::string> summary{};
  std::optional<std::string> description{};
  Extra extra{};

  template <class Self = Reference>
  static constexpr auto fields() {
    return std::tuple{field("$ref", &Self::ref),
                      field("summary", &Self::summary).since(SpecVersion::v3_1),
                      field("description", &Self::description).since(SpecVersion::v3_1)};
  }
  friend bool operator==(const Reference&, const Reference&) = default;
};

/// A `T`, or a Reference to one: an object with `$ref` is read as the Reference.
template <class T>
using OrReference = std::variant<T, Reference>;

}  // namespace oaskit
