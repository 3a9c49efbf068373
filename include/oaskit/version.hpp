#pragma once
/// The library's version.

#include <string_view>

namespace oaskit {
inline constexpr std::string_view version = "0.1.0";
}
