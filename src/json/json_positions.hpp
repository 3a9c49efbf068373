#pragma once
// Where every value of a JSON text starts, by JSON pointer: the one path -> position index,
// built in one pass when positions are first needed (a Source's findings, parse<T>'s errors),
// so that hundreds of findings in a large file cost one scan, not one each.

#include <string>
#include <string_view>
#include <unordered_map>

#include "oaskit/error.hpp"

namespace oaskit::detail {

/// JSON pointer ("" the root, "/paths/~1pets") -> where that value starts (its first byte;
/// lines and columns from 1, columns in characters). `text` must be valid JSON (what
/// parse<Any> accepted): the scan checks nothing and stops at anything unexpected. Iterative,
/// so any nesting is safe. Of repeated keys the first is kept.
std::unordered_map<std::string, TextPosition> index_json_positions(std::string_view text);

}  // namespace oaskit::detail
