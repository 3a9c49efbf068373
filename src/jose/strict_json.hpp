#pragma once
// JSON for JOSE headers, claims and JWKs: a value, or nothing when the text is not JSON, not
// UTF-8, nests too deep, or repeats a member name in any object (RFC 7515 §4, RFC 7519 §4:
// readers that keep the first or the last duplicate disagree about what a token says).

#include <boost/json/parse_options.hpp>
#include <boost/json/value.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace oaskit::jose::detail {

/// Boost.JSON's parser options for such text (readers of the same text with their own handler,
/// such as the JWT verifier's, use these too).
boost::json::parse_options strict_parse_options();

/// `text` as a JSON value; nullopt when it is invalid, with a short reason in `*error` (it
/// names the offending member, never echoes values).
std::optional<boost::json::value> parse_strict_json(std::string_view text,
                                                    std::string* error = nullptr);

}  // namespace oaskit::jose::detail
