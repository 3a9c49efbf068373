#include "security/authorization.hpp"

#include <cctype>

namespace oaskit::security::detail {

namespace {

// RFC 9110 §5.6.2 tchar.
bool is_tchar(char c) {
  if (std::isalnum(static_cast<unsigned char>(c)) != 0 && static_cast<unsigned char>(c) < 0x80) {
    return true;
  }
  constexpr std::string_view others = "!#$%&'*+-.^_`|~";
  return others.find(c) != std::string_view::npos;
}

bool is_token68_char(char c) {
  const auto byte = static_cast<unsigned char>(c);
  if (byte >= 0x80) return false;
  return std::isalnum(byte) != 0 || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' ||
         c == '/';
}

}  // namespace

Authorization authorization_of(const RequestView& request) {
  const auto values = request.header_values("Authorization");
  if (values.empty()) return {};
  if (values.size() > 1) return {.state = Authorization::State::repeated};
  const std::string_view value = values.front();
  std::size_t end = 0;
  while (end < value.size() && is_tchar(value[end])) ++end;
  if (end == 0 || (end < value.size() && value[end] != ' ')) {
    return {.state = Authorization::State::malformed};
  }
  std::size_t start = end;
  while (start < value.size() && value[start] == ' ') ++start;
  return {.state = Authorization::State::present,
          .scheme = value.substr(0, end),
          .rest = value.substr(start)};
}

bool is_token68(std::string_view text) {
  std::size_t end = 0;
  while (end < text.size() && is_token68_char(text[end])) ++end;
  if (end == 0) return false;
  while (end < text.size() && text[end] == '=') ++end;
  return end == text.size();
}

}  // namespace oaskit::security::detail
