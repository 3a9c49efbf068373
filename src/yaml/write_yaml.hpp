#pragma once
// Writing a JSON value as YAML that reads back as the same value under YAML 1.2 (the core
// schema, as OpenAPI 3.1 asks) and under YAML 1.1 (PyYAML and other older readers).

#include <string>

#include <boost/json/value.hpp>

namespace oaskit::detail {

/// `value` as one block-style YAML 1.2 document, 2-space indent, members in the value's order.
///
/// - Empty objects and arrays are `{}` and `[]`; an array of objects is written `- key: v`.
/// - A string is plain when that is safe and reads back as the same string in both YAML 1.2
///   and 1.1: `yes`, `on`, `1.0`, `null`, `~`, `""`, strings starting with an indicator or
///   containing `: `, ` #`, leading or trailing spaces, ... are double-quoted. Multi-line
///   strings are literal block scalars (`|`, `|-`, `|+`, with an indentation indicator when
///   the text starts with a space or a line break), or double-quoted with escapes when they
///   hold characters a block scalar cannot (control characters, `\r`, U+2028, ...).
/// - Doubles are written in the shortest form that reads back as the same double, always
///   with a `.` (`1.0`, `1.5e-07` as `1.5e-07`, `1e+300` as `1.0e+300`) so that YAML 1.1
///   reads them as floats too; infinities and NaN (which JSON cannot hold) as `.inf`, `-.inf`
///   and `.nan`. Integers are written exactly.
/// The output ends with a newline. Nesting is written by recursion: the value must be no
/// deeper than the stack allows (read_yaml and oaskit's JSON reader give at most 512 levels).
/// \code
/// write_yaml(boost::json::parse(R"({"a": [1, {"b": "on"}], "c": {}})"));
/// // "a:\n  - 1\n  - b: \"on\"\nc: {}\n"
/// \endcode
std::string write_yaml(const boost::json::value& value);

}  // namespace oaskit::detail
