#pragma once
// The YAML 1.2 core schema (https://yaml.org/spec/1.2.2/#1023-core-schema): what an untagged
// plain scalar means. OpenAPI 3.1 asks for exactly this schema, so `on`, `yes` and `0777`
// stay as written, unlike YAML 1.1.

#include <string_view>

#include <boost/json/value.hpp>

namespace oaskit::detail {

enum class PlainKind {
  string,
  null,             ///< `~`, `null`, `Null`, `NULL`, empty
  boolean,          ///< `true`, `True`, `TRUE`, `false`, `False`, `FALSE`
  integer,          ///< decimal, `0o` octal or `0x` hexadecimal
  floating,         ///< decimal with a fraction or exponent
  infinity_or_nan,  ///< `.inf`, `-.Inf`, `.nan`, numbers beyond a double: what JSON cannot hold
};

struct PlainScalar {
  PlainKind kind = PlainKind::string;
  /// The JSON value for every kind but `string` and `infinity_or_nan` (left null for those).
  /// Integers are int64 when they fit, else uint64, else the nearest double; floats are
  /// always doubles, so `1.0` stays a double. A float beyond the double range is
  /// `infinity_or_nan`.
  boost::json::value value;
};

/// What the core schema reads the plain scalar `text` as.
/// \code
/// resolve_plain("0x1F").value;  // 31
/// resolve_plain("on").kind;     // PlainKind::string
/// \endcode
PlainScalar resolve_plain(std::string_view text);

/// True when `text`, written as a plain scalar, would be read back as this same string by a
/// YAML 1.1 reader too (PyYAML, libyaml, many tools): not `yes`/`no`/`on`/`off`/`y`/`n`, not a
/// 1.1 int, float, timestamp (`2001-12-14`) or sexagesimal (`1:20`) and not `=` or `<<`.
/// Only the meaning of the word is checked here, not whether plain style can hold it.
bool is_yaml11_plain_string(std::string_view text);

}  // namespace oaskit::detail
