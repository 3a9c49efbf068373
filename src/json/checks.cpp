#include "checks.hpp"

#include <boost/url/parse.hpp>

#include <cctype>
#include <charconv>
#include <limits>

namespace oaskit::detail {

std::string format_number(double d) {
  char buffer[32];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, d);
  return ec == std::errc{} ? std::string(buffer, end) : std::string("?");
}

std::optional<std::string> url_problem(std::string_view text) {
  auto url = boost::urls::parse_uri(text);
  if (!url) {
    if (text.find("://") == std::string_view::npos && text.find(':') == std::string_view::npos) {
      return "relative URL without a base";
    }
    return "it is not a URL as RFC 3986 defines one (" + url.error().message() + ")";
  }
  const auto scheme = url->scheme();
  if ((scheme == "http" || scheme == "https") && (!url->has_authority() || url->host().empty())) {
    return "empty host";
  }
  return std::nullopt;
}

std::optional<std::string> email_problem(std::string_view text) {
  const auto at = text.rfind('@');
  if (at == std::string_view::npos) return "an email address must have an @-sign";
  const auto local = text.substr(0, at);
  const auto domain = text.substr(at + 1);
  if (local.empty()) return "there must be something before the @-sign";
  if (domain.empty()) return "there must be something after the @-sign";
  for (char c : text) {
    if (std::isspace(static_cast<unsigned char>(c)) ||
        std::iscntrl(static_cast<unsigned char>(c))) {
      return "an email address cannot contain spaces or control characters";
    }
  }
  if (local.find('@') != std::string_view::npos && !(local.front() == '"' && local.back() == '"')) {
    return "an email address must have exactly one @-sign";
  }
  if (domain.find('.') == std::string_view::npos) {
    return "the part after the @-sign is not valid: it should have a period";
  }
  if (domain.front() == '.' || domain.back() == '.' ||
      domain.find("..") != std::string_view::npos) {
    return "the part after the @-sign has an empty label";
  }
  if (local.front() == '.' || local.back() == '.' || local.find("..") != std::string_view::npos) {
    return "the part before the @-sign cannot start or end with a period or have two in a row";
  }
  for (char c : domain) {
    const auto u = static_cast<unsigned char>(c);
    if (!(std::isalnum(u) || c == '-' || c == '.' || u >= 0x80)) {
      return std::string("the part after the @-sign contains invalid character '") + c + "'";
    }
  }
  return std::nullopt;
}

bool is_response_key(std::string_view key) {
  if (key == "default") return true;
  if (key.size() != 3 || key[0] < '1' || key[0] > '5') return false;
  const bool range = key[1] == 'X' && key[2] == 'X';
  const bool code = std::isdigit(static_cast<unsigned char>(key[1])) &&
                    std::isdigit(static_cast<unsigned char>(key[2]));
  return range || code;
}

void apply_check(const check::GreaterThan& c, const Number& n, ReadContext& cx,
                 const PathNode& at) {
  if (!(n.to_double() > c.bound)) {
    cx.error(at, "greater_than",
             "Input should be greater than " + format_number(c.bound) + ", got " +
                 format_number(n.to_double()));
  }
}

void apply_check(const check::GreaterEqual& c, std::int64_t n, ReadContext& cx,
                 const PathNode& at) {
  if (n < c.bound) {
    cx.error(at, "greater_than_equal",
             "Input should be greater than or equal to " + std::to_string(c.bound) + ", got " +
                 std::to_string(n));
  }
}

void apply_check(const check::Url&, const std::string& s, ReadContext& cx, const PathNode& at) {
  if (auto problem = url_problem(s)) {
    cx.error(at, "url_parsing", "Input should be a valid URL, " + *problem + ": \"" + s + "\"");
  }
}

void apply_check(const check::Email&, const std::string& s, ReadContext& cx, const PathNode& at) {
  if (auto problem = email_problem(s)) {
    cx.error(at, "value_error",
             "value is not a valid email address: " + *problem + ": \"" + s + "\"");
  }
}

void apply_check(const check::LiteralNoCase& c, const std::string& s, ReadContext& cx,
                 const PathNode& at) {
  if (!equals_ignoring_ascii_case(s, c.text)) {
    cx.error(at, "literal_error",
             "Input should be '" + std::string(c.text) + "' (in any case), got \"" + s + "\"");
  }
}

}  // namespace oaskit::detail
