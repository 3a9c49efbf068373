#pragma once
// Checking a config, whether read from a file (problems at their line:column) or made in C++
// (problems at their member's path).

#include <string>

#include "oaskit/devauth.hpp"
#include "oaskit/document.hpp"

namespace oaskit::devauth::detail {

struct ConfigProblems {
  const Source* source = nullptr;  // the file read, when there is one
  std::string file;
  Diagnostics list;

  void add(const Path& loc, std::string rule, std::string message);
  /// Whether a problem was already found at `loc` or inside it (so as not to report its
  /// consequences too).
  [[nodiscard]] bool has_problem_under(const Path& loc) const;
};

/// Everything that would make the server refuse what a user expects of it: a client without a
/// way to authenticate, a grant it cannot use, a redirect URI that is not absolute, a scope the
/// document does not declare, a duplicate, a lifetime or path that cannot work.
void check_config(const Config& config, ConfigProblems& problems);

}  // namespace oaskit::devauth::detail
