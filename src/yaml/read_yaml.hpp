#pragma once
// Reading a YAML document into a JSON value, remembering where every value starts. OpenAPI
// documents are JSON values written in YAML, so this is YAML 1.2 with the core schema, one
// document per text, and only what JSON can hold.

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include <boost/json/value.hpp>

#include "oaskit/error.hpp"
#include "oaskit/json.hpp"
#include "oaskit/result.hpp"

namespace oaskit::detail {

/// What read_yaml refuses to do, so hostile input costs bounded time and memory.
struct YamlLimits {
  /// Values produced, aliases expanded: a value reached through an alias counts every value
  /// it contains again. More is an error (a "billion laughs" document), reported before the
  /// copy is made.
  std::size_t max_nodes = 1'000'000;
  /// Nesting of mappings and sequences; deeper is an error, never a stack overflow.
  std::size_t max_depth = max_nesting_depth;
};

/// A document's value and where its parts were written.
struct PositionedValue {
  boost::json::value value;
  /// RFC 6901 JSON pointer ("" is the root, "/paths/~1pets/get") -> where that value starts:
  /// the first character of a scalar (a quoted scalar's quote, a block scalar's `|`/`>`),
  /// the `{`/`[` of a flow collection, the first key or `-` of a block collection; a node
  /// with a tag or an anchor starts there (`!!str 1`, `&base {...}`). A value
  /// copied through an alias has the alias's position; the values inside the copy have none,
  /// nor do values that arrived through a merge key `<<`.
  std::unordered_map<std::string, TextPosition> positions;
  /// Pointers of scalars written unquoted and untagged that the core schema read as a
  /// number, boolean or null: lets a caller hint "quote it" when e.g. `version: 1.0` must be
  /// a string.
  std::unordered_set<std::string> plain_non_strings;
};

/// Reads `text`, which must hold exactly one YAML document, as a JSON value.
///
/// - Plain scalars follow the YAML 1.2 core schema: `null`/`~`/empty, `true`/`false` (three
///   spellings each; `on`, `yes`, `no` are strings), integers (decimal, `0o17`, `0x1F`;
///   int64, else uint64, else the nearest double), floats (always doubles: `1.0` stays
///   1.0). Quoted and block scalars are strings. `.inf` and `.nan` are errors: JSON cannot
///   hold them.
/// - Tags `!!str`, `!!int`, `!!float`, `!!bool`, `!!null`, `!!map`, `!!seq` and `!` are
///   honoured; any other tag is an error.
/// - Mapping keys are scalars, kept as their text (`200:` is "200"); a key that is a mapping
///   or sequence is an error, and so is a key repeated in one mapping (`duplicate_key`,
///   naming both places).
/// - Anchors and aliases (an alias is a copy of its anchored value) and merge keys `<<`
///   (explicit keys win over merged ones, earlier merges over later ones).
///
/// Errors: `yaml_invalid` for everything but duplicate keys, with the position (lines and
/// columns from 1, columns in characters) and the path of the value being read when known.
/// Reading stops at the first error.
/// \code
/// auto doc = read_yaml("openapi: 3.1.0\ninfo: {title: Pets, version: '1'}\n");
/// doc->value.at("info").at("title");  // "Pets"
/// doc->positions.at("/info/title");   // {offset 23, line 2, column 15}
/// \endcode
Result<PositionedValue> read_yaml(std::string_view text, const YamlLimits& limits = {});

}  // namespace oaskit::detail
