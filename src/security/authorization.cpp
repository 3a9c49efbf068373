#include "security/authorization.hpp"

namespace oaskit::security::detail {

Authorization authorization_of(const RequestView& request) {
  const auto values = request.header_values("Authorization");
  if (values.empty()) return {};
  if (values.size() > 1) return {.state = Authorization::State::repeated};
  const std::string_view value = values.front();
  std::size_t end = 0;
  while (end < value.size() && oaskit::detail::is_tchar(value[end])) ++end;
  if (end == 0 || (end < value.size() && value[end] != ' ')) {
    return {.state = Authorization::State::malformed};
  }
  std::size_t start = end;
  while (start < value.size() && value[start] == ' ') ++start;
  return {.state = Authorization::State::present,
          .scheme = value.substr(0, end),
          .rest = value.substr(start)};
}

}  // namespace oaskit::security::detail
