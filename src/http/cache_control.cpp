#include "http/cache_control.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cstdint>
#include <string>
#include <vector>

#include "util/ascii.hpp"
#include "util/time.hpp"

namespace oaskit::detail {
namespace {

using std::chrono::seconds;

bool is_space(char c) { return c == ' ' || c == '\t'; }

struct Directive {
  std::string name;  // lower case
  std::string value;
};

// `token [ "=" ( token / quoted-string ) ]` separated by commas (RFC 9111 §5.2); commas
// inside quoted strings do not separate.
std::vector<Directive> directives(std::string_view list) {
  std::vector<Directive> result;
  std::size_t i = 0;
  while (i < list.size()) {
    const std::size_t name_end = list.find_first_of(",=", i);
    Directive directive{ascii_lowercase(trimmed(list.substr(i, name_end - i))), {}};
    i = name_end;
    if (i < list.size() && list[i] == '=') {
      ++i;
      while (i < list.size() && is_space(list[i])) ++i;
      if (i < list.size() && list[i] == '"') {
        for (++i; i < list.size() && list[i] != '"'; ++i) {
          if (list[i] == '\\' && i + 1 < list.size()) ++i;
          directive.value += list[i];
        }
        i = list.find(',', i);
      } else {
        const std::size_t value_end = list.find(',', i);
        directive.value = trimmed(list.substr(i, value_end - i));
        i = value_end;
      }
    }
    if (!directive.name.empty()) result.push_back(std::move(directive));
    if (i != std::string_view::npos) ++i;
  }
  return result;
}

// delta-seconds (RFC 9111 §1.2.2): digits only; too large a number means 2^31.
std::optional<seconds> delta_seconds(std::string_view text) {
  constexpr long long kLimit = 2'147'483'648LL;
  if (text.empty() || !std::all_of(text.begin(), text.end(),
                                   [](unsigned char c) { return std::isdigit(c) != 0; })) {
    return std::nullopt;
  }
  long long value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error == std::errc::result_out_of_range || value > kLimit) return seconds(kLimit);
  return seconds(value);
}

std::optional<int> number(std::string_view text, std::size_t digits) {
  if (text.size() != digits) return std::nullopt;
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::optional<unsigned> month_number(std::string_view name) {
  static constexpr std::array<std::string_view, 12> names = {
      "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const auto* found = std::find(names.begin(), names.end(), name);
  if (found == names.end()) return std::nullopt;
  return static_cast<unsigned>(found - names.begin()) + 1;
}

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  while (true) {
    const auto at = text.find(separator);
    if (at != 0) parts.push_back(text.substr(0, at));  // runs of separators count as one
    if (at == std::string_view::npos) return parts;
    text.remove_prefix(at + 1);
  }
}

std::optional<std::chrono::system_clock::time_point> make_time(std::optional<int> year,
                                                               std::optional<unsigned> month,
                                                               std::optional<int> day,
                                                               std::string_view clock) {
  const auto hms = split(clock, ':');
  if (!year || !month || !day || hms.size() != 3) return std::nullopt;
  const auto hour = number(hms[0], 2);
  const auto minute = number(hms[1], 2);
  const auto second = number(hms[2], 2);
  if (!hour || !minute || !second || *hour > 23 || *minute > 59 || *second > 60) {
    return std::nullopt;
  }
  const std::chrono::year_month_day date{std::chrono::year(*year), std::chrono::month(*month),
                                         std::chrono::day(static_cast<unsigned>(*day))};
  if (!date.ok()) return std::nullopt;
  // In seconds first: years 1 to 9999 fit there, not all of them in system_clock's nanoseconds.
  const std::chrono::sys_seconds time = std::chrono::sys_days(date) + std::chrono::hours(*hour) +
                                        std::chrono::minutes(*minute) + seconds(*second);
  return time_point_from_seconds(static_cast<std::int64_t>(time.time_since_epoch().count()));
}

}  // namespace

std::optional<std::chrono::system_clock::time_point> parse_http_date(std::string_view text) {
  const auto parts = split(trimmed(text), ' ');
  const bool named_day = !parts.empty() && parts[0].ends_with(',');
  if (named_day && parts.size() == 6 && parts[5] == "GMT") {  // IMF-fixdate
    return make_time(number(parts[3], 4), month_number(parts[2]), number(parts[1], 2), parts[4]);
  }
  if (named_day && parts.size() == 4 && parts[3] == "GMT") {  // RFC 850
    const auto date = split(parts[1], '-');
    if (date.size() != 3) return std::nullopt;
    auto year = number(date[2], 2);
    if (year) *year += *year < 70 ? 2000 : 1900;  // RFC 9110 §5.6.7: no more than 50 years ahead
    return make_time(year, month_number(date[1]), number(date[0], 2), parts[2]);
  }
  if (!named_day && parts.size() == 5) {  // asctime: the day may be one digit after two spaces
    const auto day = parts[2].size() == 1 ? number(parts[2], 1) : number(parts[2], 2);
    return make_time(number(parts[4], 4), month_number(parts[1]), day, parts[3]);
  }
  return std::nullopt;
}

std::optional<seconds> freshness_lifetime(const HttpResponse& response,
                                          std::chrono::system_clock::time_point received_at) {
  std::string cache_control;
  for (const auto& [name, value] : response.headers) {
    if (equals_ignoring_ascii_case(name, "cache-control")) cache_control += value + ",";
  }
  bool reuse_forbidden = false;
  std::optional<std::optional<seconds>> max_age;  // the first max-age, and whether it parsed
  for (const auto& directive : directives(cache_control)) {
    if (directive.name == "no-store" || directive.name == "no-cache") reuse_forbidden = true;
    if (directive.name == "max-age" && !max_age) max_age = delta_seconds(directive.value);
  }
  if (reuse_forbidden) return seconds(0);
  if (max_age) return max_age->value_or(seconds(0));  // an invalid max-age means stale

  const auto expires_header = response.header("Expires");
  if (!expires_header) return std::nullopt;
  const auto expires = parse_http_date(*expires_header);
  if (!expires) return seconds(0);  // e.g. "Expires: 0", which means "already expired"
  const auto date_header = response.header("Date");
  const auto date = date_header ? parse_http_date(*date_header) : std::nullopt;
  const auto lifetime = std::chrono::duration_cast<seconds>(*expires - date.value_or(received_at));
  return std::max(lifetime, seconds(0));
}

}  // namespace oaskit::detail
