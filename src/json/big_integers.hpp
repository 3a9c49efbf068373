#pragma once
// Integers outside the 64-bit range (`-9223372036854776000`, as JavaScript writes -2^63) are
// valid JSON that simdjson refuses. Such a document is read again with each of them turned
// into a floating-point literal, so it becomes the nearest double, as in boost::json and
// JavaScript: the only exact representation boost::json::value has.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace oaskit::detail {

struct WidenedText {
  std::string text;
  /// Offsets in the original text where ".0" was inserted, ascending. (Errors are placed in
  /// the original text, which has the same values at the same paths.)
  std::vector<std::size_t> insertions;
};

/// `text` with ".0" after every integer literal outside the int64 and uint64 ranges, or
/// nothing when it has none.
std::optional<WidenedText> widen_big_integers(std::string_view text);

/// The offset of the first number literal too large for a double (1e400), if any.
std::optional<std::size_t> find_number_out_of_range(std::string_view text);

}  // namespace oaskit::detail
