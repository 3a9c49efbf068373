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

std::vector<std::pair<std::string_view, std::string_view>> form_fields(std::string_view text) {
  std::vector<std::pair<std::string_view, std::string_view>> fields;
  while (!text.empty()) {
    const auto amp = text.find('&');
    const auto field = text.substr(0, amp);
    text = amp == std::string_view::npos ? std::string_view{} : text.substr(amp + 1);
    if (field.empty()) continue;
    const auto equals = field.find('=');
    fields.emplace_back(field.substr(0, equals), equals == std::string_view::npos
                                                     ? std::string_view{}
                                                     : field.substr(equals + 1));
  }
  return fields;
}

std::optional<std::string> percent_decode(std::string_view text, bool plus_as_space) {
  auto encoded = boost::urls::make_pct_string_view(text);
  if (!encoded) return std::nullopt;
  return encoded->decode(boost::urls::encoding_opts(plus_as_space));
}

}  // namespace oaskit::detail
