#include "oaskit/security/request.hpp"

#include "http/form.hpp"
#include "util/ascii.hpp"

namespace oaskit::security {

namespace {

using oaskit::detail::equals_ignoring_ascii_case;
using oaskit::detail::trimmed;

// A query component decoded as a form field ('+' is a space); nullopt for an invalid escape.
std::optional<std::string> form_decoded(std::string_view text) {
  return detail::percent_decode(text, /*plus_as_space=*/true);
}

}  // namespace

std::vector<std::string_view> RequestView::header_values(std::string_view name) const {
  std::vector<std::string_view> values;
  // RFC 9110 §5.5: a field value has no leading or trailing whitespace; some libraries keep it.
  for (const auto& [field, value] : headers) {
    if (equals_ignoring_ascii_case(field, name)) values.push_back(trimmed(value));
  }
  return values;
}

std::optional<std::string_view> RequestView::header(std::string_view name) const {
  auto values = header_values(name);
  if (values.size() != 1) return std::nullopt;
  return values.front();
}

std::size_t RequestView::header_count(std::string_view name) const {
  std::size_t count = 0;
  for (const auto& header : headers) {
    if (equals_ignoring_ascii_case(header.first, name)) ++count;
  }
  return count;
}

std::optional<std::string> RequestView::query(std::string_view name) const {
  const auto question = target.find('?');
  if (question == std::string_view::npos) return std::nullopt;
  std::string_view rest = target.substr(question + 1);
  rest = rest.substr(0, rest.find('#'));  // not in origin-form, but never part of a value
  for (const auto& [raw_name, raw_value] : oaskit::detail::form_fields(rest)) {
    const auto decoded_name = form_decoded(raw_name);
    if (!decoded_name || *decoded_name != name) continue;
    // An invalid escape makes this parameter absent: a later, valid one may still count.
    if (auto value = form_decoded(raw_value)) return value;
  }
  return std::nullopt;
}

std::optional<std::string> RequestView::cookie(std::string_view name) const {
  for (const auto cookies : header_values("Cookie")) {
    std::string_view rest = cookies;
    while (!rest.empty()) {
      const auto semicolon = rest.find(';');
      const std::string_view pair = trimmed(rest.substr(0, semicolon));
      rest = semicolon == std::string_view::npos ? std::string_view{} : rest.substr(semicolon + 1);
      const auto equals = pair.find('=');
      if (equals == std::string_view::npos || trimmed(pair.substr(0, equals)) != name) continue;
      std::string_view value = trimmed(pair.substr(equals + 1));
      if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
        value = value.substr(1, value.size() - 2);  // RFC 6265 §4.1.1: DQUOTE *cookie-octet DQUOTE
      }
      return std::string(value);
    }
  }
  return std::nullopt;
}

}  // namespace oaskit::security
