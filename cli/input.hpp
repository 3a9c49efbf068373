#pragma once
// Reading a command's input.

#include <optional>
#include <string>

namespace oaskit::cli {

/// The whole of `path` ("-" for standard input), or nothing after printing why to stderr.
std::optional<std::string> read_input(const std::string& path);

}  // namespace oaskit::cli
