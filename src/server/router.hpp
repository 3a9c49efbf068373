#pragma once
// Routing by the document's path templates (OpenAPI 3.1 §4.8.2): a request path matches a
// template segment by segment; at each segment a literal beats a segment mixing text and
// parameters (`{name}.{ext}`), which beats a whole-segment parameter, so `/pets/mine` wins
// over `/pets/{petId}`. Segments are compared after percent-decoding, and parameter values
// are decoded; a `/` sent as `%2F` stays inside its segment.

#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace oaskit::server::detail {

class Router {
 public:
  Router();
  ~Router();
  Router(Router&&) noexcept;
  Router& operator=(Router&&) noexcept;

  /// Adds `path_template` as route `route`. Errors: a template that does not start with '/',
  /// or has unbalanced or empty braces, a repeated parameter name, or two parameters with
  /// nothing between them; and a template that matches exactly the paths of one added before
  /// (`/pets/{id}` after `/pets/{petId}`), which names the other.
  [[nodiscard]] std::optional<std::string> add(std::string_view path_template, std::size_t route);

  struct Match {
    std::size_t route = 0;
    /// Parameter names (from the matching template) with their decoded values.
    std::vector<std::pair<std::string, std::string>> parameters;
  };
  enum class Failure { not_found, bad_encoding };
  /// The route for `path` (the request target's path, still percent-encoded).
  [[nodiscard]] std::variant<Match, Failure> match(std::string_view path) const;

  struct Node;

 private:
  std::unique_ptr<Node> root_;
  std::vector<std::vector<std::string>> names_;  // parameter names of each route, in order
};

}  // namespace oaskit::server::detail
