#pragma once
// Integers outside the 64-bit range (`-9223372036854776000`, as JavaScript writes -2^63) are
// valid JSON that simdjson refuses. Such a document is read with each of them turned into a
// floating-point literal, so it becomes the nearest double, as in boost::json and JavaScript:
// the only exact representation boost::json::value has.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace oaskit::detail {

/// Whether `text` holds a run of 19 or more digits, which every integer outside the int64 and
/// uint64 ranges has (the smallest, 9223372036854775808, has 19). It looks at one byte in 19,
/// so documents without such integers pay almost nothing for them; a long run inside a string
/// costs one widen_big_integers that finds nothing.
bool may_have_big_integers(std::string_view text);

/// `text` with ".0" after every integer literal outside the int64 and uint64 ranges, or nothing
/// when it has none. The result has room for `padding` more bytes, as simdjson wants.
std::optional<std::string> widen_big_integers(std::string_view text, std::size_t padding = 0);

/// The offset of the first number literal too large for a double (1e400), if any.
std::optional<std::size_t> find_number_out_of_range(std::string_view text);

}  // namespace oaskit::detail
