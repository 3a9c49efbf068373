#pragma once
// Media types as requests and documents write them (RFC 9110 §8.3.1): type and subtype compare
// case-insensitively, and parameters follow a ';'.

#include <string>
#include <string_view>

#include "util/ascii.hpp"

namespace oaskit::server::detail {

/// `type/subtype` of a Content-Type value, lower case, without parameters or spaces:
/// media_type_of(" Application/JSON; charset=utf-8") == "application/json".
[[nodiscard]] inline std::string media_type_of(std::string_view content_type) {
  return oaskit::detail::ascii_lowercase(
      oaskit::detail::trimmed(content_type.substr(0, content_type.find(';'))));
}

/// Whether `type` (without parameters) is JSON: application/json, or a +json suffix (RFC 6839
/// §3.1) such as application/problem+json, in any case.
[[nodiscard]] inline bool is_json_media_type(std::string_view type) {
  using oaskit::detail::equals_ignoring_ascii_case;
  return equals_ignoring_ascii_case(type, "application/json") ||
         (type.size() > 5 && equals_ignoring_ascii_case(type.substr(type.size() - 5), "+json"));
}

}  // namespace oaskit::server::detail
