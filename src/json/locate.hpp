#pragma once
// The error path of parsing: where a member name is in the text, and what exactly is wrong
// with text simdjson refused (where a value is: json_positions.hpp). Speed does not matter here,
// but nothing recurses, so deeply nested input cannot overflow the stack, and invalid text never
// reads out of bounds.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "oaskit/error.hpp"

namespace oaskit::detail {

/// Length of the well-formed UTF-8 sequence at `pos` (Unicode table 3-7: no overlong forms, no
/// encoded surrogates, nothing above U+10FFFF, not cut short), or 0 when there is none there.
/// `pos` must be less than `text.size()`. Shared with the reports so their carets count
/// characters exactly as `position_of` does.
std::size_t utf8_length(std::string_view text, std::size_t pos);

/// Line and column (both from 1) of byte `offset` in `text`. Columns count characters: a
/// valid UTF-8 sequence counts once, any other byte (a tab too) counts once. A line ends at
/// "\n", "\r\n" or a lone "\r". An offset inside a multi-byte character gets that character's
/// column; offsets past the end are clamped to `text.size()` (also in the returned `offset`).
/// \code
/// position_of("{\n  \"é\": 1}", 10);  // {10, 2, 8}: the `1`
/// \endcode
TextPosition position_of(std::string_view text, std::size_t offset);

/// Offset of the first byte in `text` that does not start a well-formed UTF-8 sequence
/// (Unicode table 3-7: no overlong forms, surrogates or code points above U+10FFFF), or
/// nothing when all of `text` is valid UTF-8.
/// \code
/// first_invalid_utf8("ab\xC3");  // 2: a sequence cut short
/// \endcode
std::optional<std::size_t> first_invalid_utf8(std::string_view text);

/// Offsets of the opening quote of every member named `key` (compared after unescaping) in
/// the object whose '{' is at `object`, in text order; empty when there is none or no object
/// starts there. Used to report both places of a duplicate key.
std::vector<std::size_t> locate_keys(std::string_view text, std::size_t object,
                                     std::string_view key);

/// The first thing wrong with a JSON text.
struct SyntaxError {
  /// The offending byte: the start of the token, escape or UTF-8 sequence that is wrong, the
  /// opening quote of an unterminated string, the comma of a trailing comma, or
  /// `text.size()` when the input ends too early.
  std::size_t offset = 0;
  /// What was found and what would be valid, e.g. "expected ',' or '}' after an object
  /// member, found 'x'".
  std::string message;
};

/// Checks that `text` is exactly one RFC 8259 JSON value with optional whitespace around it,
/// valid UTF-8 throughout, nested at most `max_depth` arrays/objects deep. Returns the first
/// problem in text order, or nothing when the text is valid. Runs in linear time with an
/// explicit stack, so any nesting depth is safe.
/// \code
/// find_syntax_error(R"({"a": 1,})", 512);  // {7, "trailing comma before '}'"}
/// \endcode
std::optional<SyntaxError> find_syntax_error(std::string_view text, std::size_t max_depth);

}  // namespace oaskit::detail
