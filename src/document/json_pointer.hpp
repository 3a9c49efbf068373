#pragma once
// Following RFC 6901 JSON pointers (as `$ref` fragments write them) through a JSON value.

#include <boost/json/value.hpp>
#include <string>
#include <string_view>
#include <variant>

#include "oaskit/error.hpp"

namespace oaskit::detail {

/// Where a pointer leads: the path to the value, or why it leads nowhere.
struct PointerTarget {
  Path path;
  const boost::json::value* value = nullptr;  ///< null when the pointer leads nowhere
  std::string problem;                        ///< e.g. "no member 'Pett' in components → schemas"
};

/// Follows `pointer` (already percent-decoded; "" is the whole value, else it starts with
/// '/', and `~1`/`~0` stand for '/' and '~') from `root`.
PointerTarget follow_pointer(const boost::json::value& root, std::string_view pointer);

/// The value at `path` under `root`, or null.
const boost::json::value* find_at(const boost::json::value& root, const Path& path);

/// Writes "/" and `token` as a JSON pointer token ('~' as "~0", '/' as "~1") at `out`, which
/// has room for 1 + 2 × token.size() bytes; returns the end of what it wrote.
inline char* write_json_pointer_token(char* out, std::string_view token) {
  *out++ = '/';
  for (const char c : token) {
    if (c == '~' || c == '/') {
      *out++ = '~';
      *out++ = c == '~' ? '0' : '1';
    } else {
      *out++ = c;
    }
  }
  return out;
}

/// `text` with every byte not in `allowed` written as `%XX`.
std::string percent_encode(std::string_view text, std::string_view allowed);

/// Decodes `%XX` escapes; nothing when one is malformed.
std::optional<std::string> percent_decode(std::string_view text);

}  // namespace oaskit::detail
