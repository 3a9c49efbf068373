#pragma once
// Every scheme's name: the one it was given, else its class name (as FastAPI's scheme_name).

#include <string>
#include <string_view>
#include <utility>

namespace oaskit::security::detail {

[[nodiscard]] inline std::string scheme_name_or(std::string given, std::string_view class_name) {
  return given.empty() ? std::string(class_name) : std::move(given);
}

}  // namespace oaskit::security::detail
