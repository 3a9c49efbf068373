#pragma once
/// Errors as values: what went wrong, where, and what would be valid.

#include <cstddef>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace oaskit {

/// One step of a location: a member name or an array index.
using PathElement = std::variant<std::string, std::size_t>;

/// Where in a document something is: member names and array indices from the root.
/// Example: `components → securitySchemes → oauth → flows` is
/// `{"components", "securitySchemes", "oauth", "flows"}`.
using Path = std::vector<PathElement>;

/// A place in the source text; line and column count from 1, columns in characters.
struct TextPosition {
  std::size_t offset = 0;  ///< bytes from the start of the text
  std::size_t line = 1;
  std::size_t column = 1;
  friend bool operator==(const TextPosition&, const TextPosition&) = default;
};

/// One problem found in a document.
struct Error {
  /// Where: the path of member names and indices (pydantic's `loc`).
  Path loc;
  /// What kind, in pydantic's vocabulary where one fits: `missing`, `string_type`,
  /// `int_type`, `json_invalid`, `union_tag_invalid`, ...
  std::string type;
  /// A sentence a person can act on: what was found and what would be valid.
  std::string msg;
  /// Where in the text, when the error came from parsing text.
  std::optional<TextPosition> position;
  friend bool operator==(const Error&, const Error&) = default;
};

using Errors = std::vector<Error>;

/// `a → b → 0 → c`, the way locations are shown to people.
std::string to_string(const Path& path);

/// `path:line:column: msg` (parts that are unknown are left out), one line.
std::string to_string(const Error& error);

}  // namespace oaskit
