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

/// `text` with every byte not in `allowed` written as `%XX`.
std::string percent_encode(std::string_view text, std::string_view allowed);

/// Decodes `%XX` escapes; nothing when one is malformed.
std::optional<std::string> percent_decode(std::string_view text);

}  // namespace oaskit::detail
