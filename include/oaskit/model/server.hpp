#pragma once
/// The Server Object and its variables.

#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "oaskit/any.hpp"
#include "oaskit/field.hpp"
#include "oaskit/map.hpp"

namespace oaskit {

/// A variable substituted in a server URL template.
struct ServerVariable {
  std::optional<std::vector<std::string>> enum_{};  // JSON: enum; not empty
  std::string default_{};                           // JSON: default
  std::optional<std::string> description{};
  Extra extra{};

  template <class Self = ServerVariable>
  static constexpr auto fields() {
    return std::tuple{field("enum", &Self::enum_, check::MinItems{1}),
                      field("default", &Self::default_), field("description", &Self::description)};
  }
  friend bool operator==(const ServerVariable&, const ServerVariable&) = default;
};

/// A server the API is served from; `url` may be relative and may hold `{variables}`.
struct Server {
  std::string url{};
  std::optional<std::string> description{};
  std::optional<std::string> name{};  // a short name for tools to show (3.2)
  std::optional<Map<ServerVariable>> variables{};
  Extra extra{};

  template <class Self = Server>
  static constexpr auto fields() {
    return std::tuple{field("url", &Self::url), field("description", &Self::description),
                      field("name", &Self::name).since(SpecVersion::v3_2),
                      field("variables", &Self::variables)};
  }
  friend bool operator==(const Server&, const Server&) = default;
};

}  // namespace oaskit
