#pragma once
// Times that come from outside (a token's "exp", an introspection answer's "exp", an
// HTTP-date) as system_clock time points. system_clock counts nanoseconds in 64 bits, so it
// ends in April 2262: a later date (year 9999 is a valid HTTP-date and "exp") cannot be
// converted without overflowing, which is undefined behaviour. Every such date goes through
// here and is clamped to [1970, 2200]: before 1970 is long past for every use, after 2200 is
// never, and the margin keeps `now + a lifetime` representable too.

#include <chrono>
#include <cstdint>

namespace oaskit::detail {

/// 2200-01-01T00:00:00Z, in seconds since 1970: the latest time an outside date becomes.
inline constexpr std::int64_t latest_seconds = 7'258'118'400;

/// `seconds` since 1970, clamped to [0, latest_seconds] (NaN as 0), as a time point.
[[nodiscard]] inline double clamped_seconds(double seconds) {
  if (!(seconds >= 0)) return 0;  // negative, or NaN
  return seconds < static_cast<double>(latest_seconds) ? seconds
                                                       : static_cast<double>(latest_seconds);
}

[[nodiscard]] inline std::chrono::system_clock::time_point time_point_from_seconds(double seconds) {
  return std::chrono::system_clock::time_point(
      std::chrono::duration_cast<std::chrono::system_clock::duration>(
          std::chrono::duration<double>(clamped_seconds(seconds))));
}

[[nodiscard]] inline std::chrono::system_clock::time_point time_point_from_seconds(
    std::int64_t seconds) {
  const std::int64_t clamped =
      seconds < 0 ? 0 : (seconds < latest_seconds ? seconds : latest_seconds);
  return std::chrono::system_clock::time_point(std::chrono::seconds(clamped));
}

}  // namespace oaskit::detail
