#pragma once
// Where the reader is, as a chain of stack frames: free to build, turned into a Path only
// when an error needs it.

#include <cstddef>
#include <string_view>

#include "oaskit/error.hpp"

namespace oaskit::detail {

struct PathNode {
  enum class Kind : unsigned char { root, member, item };
  const PathNode* parent = nullptr;
  std::string_view key;
  std::size_t index = 0;
  Kind kind = Kind::root;
  std::size_t depth = 0;  // steps from the root: a container here is nested depth + 1 deep

  [[nodiscard]] PathNode member(std::string_view name) const {
    return {this, name, 0, Kind::member, depth + 1};
  }
  [[nodiscard]] PathNode item(std::size_t i) const { return {this, {}, i, Kind::item, depth + 1}; }
};

Path to_path(const PathNode& node);

}  // namespace oaskit::detail
