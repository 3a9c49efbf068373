#include "http/form.hpp"

#include <boost/url/pct_string_view.hpp>

namespace oaskit::detail {
namespace {

bool kept(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '*' ||
         c == '-' || c == '.' || c == '_';
}

}  // namespace

std::string form_urlencode(std::string_view text) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string encoded;
  encoded.reserve(text.size());
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (kept(c)) {
      encoded += ch;
    } else if (c == ' ') {
      encoded += '+';
    } else {
      encoded += '%';
      encoded += hex[c >> 4];
      encoded += hex[c & 0x0F];
    }
  }
  return encoded;
}

std::string form_body(const std::vector<std::pair<std::string, std::string>>& fields) {
  std::string body;
  for (const auto& [name, value] : fields) {
    if (!body.empty()) body += '&';
    body += form_urlencode(name);
    body += '=';
    body += form_urlencode(value);
  }
  return body;
}

std::optional<std::string> percent_decode(std::string_view text, bool plus_as_space) {
  auto encoded = boost::urls::make_pct_string_view(text);
  if (!encoded) return std::nullopt;
  return encoded->decode(boost::urls::encoding_opts(plus_as_space));
}

}  // namespace oaskit::detail
