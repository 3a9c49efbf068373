#pragma once
// Character classes of HTTP header text.

#include <algorithm>
#include <string_view>

namespace oaskit::security::detail {

/// CTL (RFC 5234 B.1): %x00-1F / %x7F.
[[nodiscard]] inline bool is_control(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return byte < 0x20 || byte == 0x7F;
}

[[nodiscard]] inline bool has_control(std::string_view text) {
  return std::any_of(text.begin(), text.end(), is_control);
}

}  // namespace oaskit::security::detail
