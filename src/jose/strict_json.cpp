// parse<Any> already checks syntax, UTF-8, depth and duplicate members (after unescaping, so
// "a" and "\u0061" are the same name); this only reshapes its result.

#include "jose/strict_json.hpp"

#include "oaskit/any.hpp"
#include "oaskit/json.hpp"

namespace oaskit::jose::detail {

std::optional<boost::json::value> parse_strict_json(std::string_view text, std::string* error) {
  auto parsed = parse<Any>(text);
  if (parsed) return std::move(parsed).value();
  if (error != nullptr) *error = parsed.errors().front().msg;
  return std::nullopt;
}

}  // namespace oaskit::jose::detail
