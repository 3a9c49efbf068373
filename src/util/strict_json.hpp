#pragma once
// JSON that says who may do what (JOSE headers, claims and JWKs; what authorization servers
// answer): a value, or nothing when the text is not JSON, not UTF-8, nests too deep, or repeats
// a member name in any object (RFC 7515 §4, RFC 7519 §4: readers that keep the first or the
// last duplicate disagree about what a token says).

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/parse_options.hpp>
#include <boost/json/string.hpp>
#include <boost/json/value.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace oaskit::detail {

/// The size limits a Boost.JSON parser handler declares: boost::json's own, so that handlers
/// reading this text accept what parse_strict_json accepts.
struct StrictHandlerLimits {
  static constexpr std::size_t max_object_size = boost::json::object::max_size();
  static constexpr std::size_t max_array_size = boost::json::array::max_size();
  static constexpr std::size_t max_key_size = boost::json::string::max_size();
  static constexpr std::size_t max_string_size = boost::json::string::max_size();
};

/// Boost.JSON's parser options for such text (readers of the same text with their own handler,
/// such as the JWT verifier's, use these too).
boost::json::parse_options strict_parse_options();

/// `text` as a JSON value; nullopt when it is invalid, with a short reason in `*error` (it
/// names the offending member, never echoes values).
std::optional<boost::json::value> parse_strict_json(std::string_view text,
                                                    std::string* error = nullptr);

}  // namespace oaskit::detail
