#include "security/base64.hpp"

#include "oaskit/jose.hpp"

namespace oaskit::security::detail {

std::optional<std::string> base64_decode(std::string_view text) {
  // Standard base64 is base64url with '+' and '/' for '-' and '_', padded with '=' to whole
  // groups of four: translate, drop the padding, and let the one strict decoder do the rest.
  if (text.size() % 4 != 0) return std::nullopt;
  std::size_t padding = 0;
  while (padding < 2 && padding < text.size() && text[text.size() - 1 - padding] == '=') {
    ++padding;
  }
  std::string url(text.substr(0, text.size() - padding));
  for (char& c : url) {
    if (c == '-' || c == '_') return std::nullopt;  // base64url's, not base64's
    if (c == '+') c = '-';
    if (c == '/') c = '_';
  }
  return jose::base64url_decode(url);
}

}  // namespace oaskit::security::detail
