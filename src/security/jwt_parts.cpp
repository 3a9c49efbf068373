#include "security/jwt_parts.hpp"

#include <algorithm>
#include <optional>
#include <utility>

#include "oaskit/jose.hpp"
#include "util/strict_json.hpp"

namespace oaskit::security::detail {
namespace {

TokenError format_error(std::string message) {
  return {TokenCheck::format, std::move(message), {}};
}

}  // namespace

std::string excerpt(std::string_view text, std::size_t max_chars) {
  std::string out;
  const auto kept = std::min(text.size(), max_chars);
  out.reserve(kept + 3);
  for (std::size_t i = 0; i < kept; ++i) {
    const char c = text[i];
    out += (c >= 0x20 && c < 0x7f) ? c : '?';
  }
  if (kept < text.size()) out += "...";
  return out;
}

Result<CompactJws, TokenError> split_compact(std::string_view token, std::size_t max_bytes) {
  if (token.size() > max_bytes) {
    return format_error("the token is longer than the " + std::to_string(max_bytes) +
                        " bytes accepted");
  }
  if (token.empty()) return format_error("the token is empty");
  const auto first = token.find('.');
  const auto second = first == std::string_view::npos ? first : token.find('.', first + 1);
  if (second == std::string_view::npos || token.find('.', second + 1) != std::string_view::npos) {
    const auto dots = std::count(token.begin(), token.end(), '.');
    if (dots == 4) return format_error("encrypted tokens (JWE) are not accepted");
    return format_error("a JWT is three base64url segments separated by dots; this token has " +
                        std::to_string(dots + 1));
  }
  const std::pair<std::string_view, std::string_view> segments[] = {
      {"header", token.substr(0, first)},
      {"payload", token.substr(first + 1, second - first - 1)},
      {"signature", token.substr(second + 1)}};
  std::string decoded[3];
  for (std::size_t i = 0; i < 3; ++i) {
    auto bytes = jose::base64url_decode(segments[i].second);
    if (!bytes) {
      return format_error("the token's " + std::string(segments[i].first) +
                          " is not strict base64url (RFC 7515 §2: A-Z a-z 0-9 - _, no padding, "
                          "no whitespace)");
    }
    decoded[i] = std::move(*bytes);
  }
  return CompactJws{token.substr(0, second), std::move(decoded[0]), std::move(decoded[1]),
                    std::move(decoded[2])};
}

TokenError not_json(std::string_view what, std::string_view why) {
  return format_error("the token's " + std::string(what) + " is not valid JSON (" + excerpt(why) +
                      ")");
}

TokenError not_an_object(std::string_view what) {
  return format_error("the token's " + std::string(what) + " is not a JSON object");
}

Result<boost::json::object, TokenError> parse_object(std::string_view json, std::string_view what) {
  std::string why;
  auto value = oaskit::detail::parse_strict_json(json, &why);
  if (!value) return not_json(what, why);
  if (!value->is_object()) return not_an_object(what);
  return std::move(value->get_object());
}

Result<ObjectSummary, TokenError> summarize_object(std::string_view json, std::string_view what) {
  auto summary = ObjectSummary::read(json);
  if (summary) return std::move(*summary);
  const auto& why = summary.errors().reason;
  return why.empty() ? not_an_object(what) : not_json(what, why);
}

}  // namespace oaskit::security::detail
