#pragma once
/// Writing JSON values as YAML. (Reading YAML: oaskit::read_source and oaskit::load in
/// oaskit/document.hpp.)

#include <string>

#include "oaskit/any.hpp"

namespace oaskit {

/// `value` as block-style YAML 1.2 with 2-space indent, keys in the value's order. Strings are
/// quoted whenever YAML 1.1 or 1.2 could read them as something else (`"on"`, `"1.0"`,
/// `"null"`), multi-line strings are `|` blocks, doubles keep a `.` or exponent; so reading
/// the text back (oaskit::read_source, or a YAML 1.1 reader such as PyYAML) gives `value`.
std::string to_yaml(const Any& value);

}  // namespace oaskit
