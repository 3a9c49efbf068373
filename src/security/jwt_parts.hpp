#pragma once
// A compact JWS taken apart (RFC 7515 §7.1): shared by JwtVerifier::verify and
// decode_unverified so both read tokens the same strict way.

#include <boost/json/object.hpp>
#include <cstddef>
#include <string>
#include <string_view>

#include "oaskit/result.hpp"
#include "oaskit/security/identity.hpp"
#include "security/object_summary.hpp"

namespace oaskit::security::detail {

/// The three segments of a compact JWS, base64url-decoded. `signing_input` views the token
/// ("header.payload", as signed).
struct CompactJws {
  std::string_view signing_input;
  std::string header;     ///< JSON text
  std::string payload;    ///< JSON text (not yet parsed: that waits for the signature)
  std::string signature;  ///< raw bytes; empty when the token is unsigned or stripped
};

/// Splits `token` into three strictly base64url-encoded segments. Refuses (TokenCheck::format)
/// tokens longer than `max_bytes`, JWE compact serialisations (five segments) and anything
/// else that is not three segments.
[[nodiscard]] Result<CompactJws, TokenError> split_compact(std::string_view token,
                                                           std::size_t max_bytes);

/// `json` as a JSON object: valid UTF-8, no duplicate members (TokenCheck::format otherwise).
/// `what` names the part in messages ("header", "claims").
[[nodiscard]] Result<boost::json::object, TokenError> parse_object(std::string_view json,
                                                                   std::string_view what);

/// `json` read for checking (see object_summary.hpp), under the same rules and with the same
/// refusals as parse_object.
[[nodiscard]] Result<ObjectSummary, TokenError> summarize_object(std::string_view json,
                                                                 std::string_view what);

/// `text` safe to put in a message: printable ASCII only (others become '?'), at most
/// `max_chars` characters (then "..."). For echoing values taken from a token.
[[nodiscard]] std::string excerpt(std::string_view text, std::size_t max_chars = 64);

}  // namespace oaskit::security::detail
