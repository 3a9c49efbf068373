#include "schema/formats.hpp"

#include <arpa/inet.h>
#include <unicode/uidna.h>
#include <boost/url/parse.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>

#include "schema/regex.hpp"

namespace oaskit::schema::detail {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_hex(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// `count` digits at `s[at]`, as a number; -1 when they are not all digits.
int digits(std::string_view s, std::size_t at, std::size_t count) {
  if (at + count > s.size()) return -1;
  int n = 0;
  for (std::size_t i = at; i < at + count; ++i) {
    if (!is_digit(s[i])) return -1;
    n = n * 10 + (s[i] - '0');
  }
  return n;
}

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  static constexpr std::array<int, 12> days = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap_year(year) ? 29 : days[static_cast<std::size_t>(month - 1)];
}

bool is_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  const int year = digits(s, 0, 4);
  const int month = digits(s, 5, 2);
  const int day = digits(s, 8, 2);
  return year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= days_in_month(year, month);
}

// RFC 3339 full-time: HH:MM:SS[.frac](Z|±HH:MM); a leap second only at 23:59:60 UTC.
bool is_time(std::string_view s) {
  if (s.size() < 9 || s[2] != ':' || s[5] != ':') return false;
  const int hour = digits(s, 0, 2);
  const int minute = digits(s, 3, 2);
  const int second = digits(s, 6, 2);
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60) {
    return false;
  }
  std::size_t i = 8;
  if (i < s.size() && s[i] == '.') {
    const std::size_t start = ++i;
    while (i < s.size() && is_digit(s[i])) ++i;
    if (i == start) return false;
  }
  if (i >= s.size()) return false;
  int offset_minutes = 0;
  if (s[i] == 'Z' || s[i] == 'z') {
    if (i + 1 != s.size()) return false;
  } else if (s[i] == '+' || s[i] == '-') {
    if (s.size() != i + 6 || s[i + 3] != ':') return false;
    const int oh = digits(s, i + 1, 2);
    const int om = digits(s, i + 4, 2);
    if (oh < 0 || oh > 23 || om < 0 || om > 59) return false;
    offset_minutes = (oh * 60 + om) * (s[i] == '+' ? 1 : -1);
  } else {
    return false;
  }
  if (second == 60) {
    const int utc = ((hour * 60 + minute - offset_minutes) % 1440 + 1440) % 1440;
    return utc == 23 * 60 + 59;
  }
  return true;
}

bool is_date_time(std::string_view s) {
  if (s.size() < 20 || (s[10] != 'T' && s[10] != 't')) return false;
  return is_date(s.substr(0, 10)) && is_time(s.substr(11));
}

bool is_duration(std::string_view s) {
  static const auto regex = std::get<std::shared_ptr<const Regex>>(Regex::compile(
      R"(^P(?:(?:[0-9]+D|[0-9]+M(?:[0-9]+D)?|[0-9]+Y(?:[0-9]+M(?:[0-9]+D)?)?)(?:T(?:[0-9]+H(?:[0-9]+M(?:[0-9]+S)?)?|[0-9]+M(?:[0-9]+S)?|[0-9]+S))?|T(?:[0-9]+H(?:[0-9]+M(?:[0-9]+S)?)?|[0-9]+M(?:[0-9]+S)?|[0-9]+S)|[0-9]+W)$)"));
  return regex->search(s) == Regex::Match::found;
}

bool is_ipv4(std::string_view s) {
  if (s.size() > 15) return false;
  // inet_pton takes exactly the dotted quad with no leading zeros (RFC 2673 §3.2).
  const std::string text(s);
  unsigned char out[4];
  return inet_pton(AF_INET, text.c_str(), out) == 1;
}

bool is_ipv6(std::string_view s) {
  if (s.size() > 45) return false;
  const std::string text(s);
  unsigned char out[16];
  return inet_pton(AF_INET6, text.c_str(), out) == 1;
}

// RFC 1123 host name: dot-separated labels of letters, digits and inner hyphens, 1-63 each,
// 253 in all; an "xn--" label must be valid Punycode (checked by the IDN rules).
bool is_hostname(std::string_view s) {
  if (s.empty() || s.size() > 253) return false;
  std::size_t start = 0;
  while (start <= s.size()) {
    std::size_t end = s.find('.', start);
    if (end == std::string_view::npos) end = s.size();
    const std::string_view label = s.substr(start, end - start);
    if (label.empty() || label.size() > 63) return false;
    if (label.front() == '-' || label.back() == '-') return false;
    for (const char c : label) {
      if (!is_alpha(c) && !is_digit(c) && c != '-') return false;
    }
    // "--" in the third and fourth places is reserved for A-labels ("xn--").
    if (label.size() >= 4 && label[2] == '-' && label[3] == '-' &&
        !(label.substr(0, 2) == "xn" || label.substr(0, 2) == "XN" || label.substr(0, 2) == "Xn" ||
          label.substr(0, 2) == "xN")) {
      return false;
    }
    start = end + 1;
    if (end == s.size()) break;
  }
  return true;
}

// Code points RFC 5892 §2.6 makes DISALLOWED although their properties would allow them (UTS
// #46, which ICU implements, keeps them).
bool has_idna2008_exception(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::uint32_t cp = c;
    std::size_t length = 1;
    if (c >= 0xF0 && i + 3 < s.size()) {
      cp = ((c & 0x07U) << 18) | ((static_cast<unsigned char>(s[i + 1]) & 0x3FU) << 12) |
           ((static_cast<unsigned char>(s[i + 2]) & 0x3FU) << 6) |
           (static_cast<unsigned char>(s[i + 3]) & 0x3FU);
      length = 4;
    } else if (c >= 0xE0 && i + 2 < s.size()) {
      cp = ((c & 0x0FU) << 12) | ((static_cast<unsigned char>(s[i + 1]) & 0x3FU) << 6) |
           (static_cast<unsigned char>(s[i + 2]) & 0x3FU);
      length = 3;
    } else if (c >= 0xC0 && i + 1 < s.size()) {
      cp = ((c & 0x1FU) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3FU);
      length = 2;
    }
    if (cp == 0x0640 || cp == 0x07FA || cp == 0x302E || cp == 0x302F ||
        (cp >= 0x3031 && cp <= 0x3035) || cp == 0x303B) {
      return true;
    }
    i += length;
  }
  return false;
}

// RFC 5890 host name: U-labels and A-labels checked by ICU's IDNA (UTS #46 non-transitional,
// with IDNA2008's STD3, bidi, CONTEXTJ and CONTEXTO rules), both ways so that an A-label must
// be valid Punycode of a valid U-label.
bool is_idn_hostname(std::string_view s) {
  if (s.empty() || has_idna2008_exception(s)) return false;
  static UIDNA* const idna = [] {
    UErrorCode status = U_ZERO_ERROR;
    return uidna_openUTS46(UIDNA_USE_STD3_RULES | UIDNA_CHECK_BIDI | UIDNA_CHECK_CONTEXTJ |
                               UIDNA_CHECK_CONTEXTO | UIDNA_NONTRANSITIONAL_TO_ASCII |
                               UIDNA_NONTRANSITIONAL_TO_UNICODE,
                           &status);
  }();
  if (idna == nullptr || s.size() > 1024) return false;
  char out[1100];
  UIDNAInfo info = UIDNA_INFO_INITIALIZER;
  UErrorCode status = U_ZERO_ERROR;
  const int32_t length = uidna_nameToASCII_UTF8(idna, s.data(), static_cast<int32_t>(s.size()), out,
                                                sizeof out, &info, &status);
  if (U_FAILURE(status) || info.errors != 0 || length <= 0 || length > 253) return false;
  UIDNAInfo back = UIDNA_INFO_INITIALIZER;
  status = U_ZERO_ERROR;
  uidna_nameToUnicodeUTF8(idna, s.data(), static_cast<int32_t>(s.size()), out, sizeof out, &back,
                          &status);
  return U_SUCCESS(status) && back.errors == 0;
}

bool is_atext(char c) {
  return is_alpha(c) || is_digit(c) ||
         std::string_view("!#$%&'*+-/=?^_`{|}~").find(c) != std::string_view::npos ||
         static_cast<unsigned char>(c) >= 0x80;
}

// RFC 5321 Mailbox (RFC 6531 lets both parts hold UTF-8: `international`).
bool is_email(std::string_view s, bool international) {
  const std::size_t at = s.rfind('@');
  if (at == std::string_view::npos || at == 0 || at + 1 == s.size()) return false;
  const std::string_view local = s.substr(0, at);
  const std::string_view domain = s.substr(at + 1);
  if (local.front() == '"') {
    if (local.size() < 2 || local.back() != '"') return false;
    for (std::size_t i = 1; i + 1 < local.size(); ++i) {
      const char c = local[i];
      if (c == '\\') {
        ++i;
        continue;
      }
      if (c == '"' || static_cast<unsigned char>(c) < 0x20) return false;
    }
  } else {
    if (local.front() == '.' || local.back() == '.' || local.find("..") != std::string_view::npos) {
      return false;
    }
    for (const char c : local) {
      if (c != '.' && !is_atext(c)) return false;
      if (!international && static_cast<unsigned char>(c) >= 0x80) return false;
    }
  }
  if (domain.front() == '[') {
    if (domain.back() != ']') return false;
    const std::string_view literal = domain.substr(1, domain.size() - 2);
    if (literal.substr(0, 5) == "IPv6:") return is_ipv6(literal.substr(5));
    return is_ipv4(literal);
  }
  return international ? is_idn_hostname(domain) : is_hostname(domain);
}

// An IRI: a URI where non-ASCII characters may stand (RFC 3987), checked as the URI that
// percent-encoding them gives.
std::string encode_non_ascii(std::string_view s) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (c >= 0x80) {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    } else {
      out += ch;
    }
  }
  return out;
}

// An authority's port is digits only (Boost.URL takes `host:0db8:85a3` leniently).
bool has_valid_port(std::string_view authority) {
  if (const auto at = authority.rfind('@'); at != std::string_view::npos) {
    authority.remove_prefix(at + 1);
  }
  std::size_t colon = std::string_view::npos;
  if (!authority.empty() && authority.front() == '[') {
    const auto close = authority.find(']');
    if (close == std::string_view::npos) return false;
    if (close + 1 < authority.size()) {
      if (authority[close + 1] != ':') return false;
      colon = close + 1;
    }
  } else {
    colon = authority.find(':');
  }
  if (colon == std::string_view::npos) return true;
  return std::ranges::all_of(authority.substr(colon + 1), is_digit);
}

// The authority of a URI reference as written: after "//" up to the path, query or fragment.
std::string_view authority_of(std::string_view s) {
  const auto start = s.find("//");
  const auto stop = s.find_first_of("/?#");
  if (start == std::string_view::npos || start != stop) return {};
  const std::string_view rest = s.substr(start + 2);
  return rest.substr(0, rest.find_first_of("/?#"));
}

bool is_uri(std::string_view s) {
  for (const char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return boost::urls::parse_uri(s).has_value() && has_valid_port(authority_of(s));
}

bool is_uri_reference(std::string_view s) {
  for (const char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return boost::urls::parse_uri_reference(s).has_value() && has_valid_port(authority_of(s));
}

bool is_uuid(std::string_view s) {
  if (s.size() != 36) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (i == 8 || i == 13 || i == 18 || i == 23) {
      if (s[i] != '-') return false;
    } else if (!is_hex(s[i])) {
      return false;
    }
  }
  return true;
}

bool is_json_pointer(std::string_view s) {
  if (!s.empty() && s.front() != '/') return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '~' && (i + 1 == s.size() || (s[i + 1] != '0' && s[i + 1] != '1'))) return false;
  }
  return true;
}

bool is_relative_json_pointer(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size() && is_digit(s[i])) ++i;
  if (i == 0 || (i > 1 && s[0] == '0')) return false;
  const std::string_view rest = s.substr(i);
  return rest == "#" || is_json_pointer(rest);
}

// RFC 6570: literals and {expressions} of an operator and comma-separated variables with
// optional modifiers.
bool is_uri_template(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (c == '}') return false;
    if (c != '{') {
      ++i;
      continue;
    }
    const std::size_t end = s.find('}', i);
    if (end == std::string_view::npos) return false;
    std::string_view expression = s.substr(i + 1, end - i - 1);
    if (expression.find('{') != std::string_view::npos || expression.empty()) return false;
    if (std::string_view("+#./;?&=,!@|").find(expression.front()) != std::string_view::npos) {
      expression.remove_prefix(1);
    }
    std::size_t start = 0;
    while (start <= expression.size()) {
      std::size_t comma = expression.find(',', start);
      if (comma == std::string_view::npos) comma = expression.size();
      std::string_view variable = expression.substr(start, comma - start);
      if (!variable.empty() && variable.back() == '*') {
        variable.remove_suffix(1);
      } else if (const auto colon = variable.find(':'); colon != std::string_view::npos) {
        const std::string_view length = variable.substr(colon + 1);
        if (length.empty() || length.size() > 4 || length.front() == '0') return false;
        for (const char d : length) {
          if (!is_digit(d)) return false;
        }
        variable = variable.substr(0, colon);
      }
      if (variable.empty()) return false;
      for (std::size_t k = 0; k < variable.size(); ++k) {
        const char v = variable[k];
        if (v == '%' && k + 2 < variable.size() + 0 && is_hex(variable[k + 1]) &&
            is_hex(variable[k + 2])) {
          k += 2;
          continue;
        }
        if (!is_alpha(v) && !is_digit(v) && v != '_' && v != '.') return false;
      }
      if (comma == expression.size()) break;
      start = comma + 1;
    }
    i = end + 1;
  }
  return true;
}

}  // namespace

std::optional<Format> format_from_name(std::string_view name) {
  static constexpr std::pair<std::string_view, Format> names[] = {
      {"date-time", Format::date_time},
      {"date", Format::date},
      {"time", Format::time},
      {"duration", Format::duration},
      {"email", Format::email},
      {"idn-email", Format::idn_email},
      {"hostname", Format::hostname},
      {"idn-hostname", Format::idn_hostname},
      {"ipv4", Format::ipv4},
      {"ipv6", Format::ipv6},
      {"uri", Format::uri},
      {"uri-reference", Format::uri_reference},
      {"iri", Format::iri},
      {"iri-reference", Format::iri_reference},
      {"uuid", Format::uuid},
      {"uri-template", Format::uri_template},
      {"json-pointer", Format::json_pointer},
      {"relative-json-pointer", Format::relative_json_pointer},
      {"regex", Format::regex},
  };
  for (const auto& [n, f] : names) {
    if (n == name) return f;
  }
  return std::nullopt;
}

bool is_valid_format(Format format, std::string_view text) {
  switch (format) {
    case Format::date_time:
      return is_date_time(text);
    case Format::date:
      return is_date(text);
    case Format::time:
      return is_time(text);
    case Format::duration:
      return is_duration(text);
    case Format::email:
      return is_email(text, false);
    case Format::idn_email:
      return is_email(text, true);
    case Format::hostname:
      return is_hostname(text);
    case Format::idn_hostname:
      return is_idn_hostname(text);
    case Format::ipv4:
      return is_ipv4(text);
    case Format::ipv6:
      return is_ipv6(text);
    case Format::uri:
      return is_uri(text);
    case Format::uri_reference:
      return is_uri_reference(text);
    case Format::iri:
      return is_uri(encode_non_ascii(text));
    case Format::iri_reference:
      return is_uri_reference(encode_non_ascii(text));
    case Format::uuid:
      return is_uuid(text);
    case Format::uri_template:
      return is_uri_template(text);
    case Format::json_pointer:
      return is_json_pointer(text);
    case Format::relative_json_pointer:
      return is_relative_json_pointer(text);
    case Format::regex:
      return std::holds_alternative<std::shared_ptr<const Regex>>(Regex::compile(text));
  }
  return true;
}

}  // namespace oaskit::schema::detail
