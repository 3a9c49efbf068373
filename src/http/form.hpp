#pragma once
// application/x-www-form-urlencoded, as the WHATWG URL standard serializes it (§5.2): the form
// bodies of OAuth 2.0 requests, and the id and secret of client_secret_basic (RFC 6749 §2.3.1).

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace oaskit::detail {

/// `text` form-urlencoded: ASCII letters, digits and `*-._` kept, space as '+', every other
/// byte (UTF-8 included) as %XX with upper-case hex. form_urlencode("a b&c") == "a+b%26c".
[[nodiscard]] std::string form_urlencode(std::string_view text);

/// `name=value` pairs, each side form-urlencoded, joined with '&'.
[[nodiscard]] std::string form_body(const std::vector<std::pair<std::string, std::string>>& fields);

/// The `name=value` fields of a query string or form body, still encoded: split on '&', then on
/// the first '='; empty fields are skipped, and a field without '=' has the value "".
[[nodiscard]] std::vector<std::pair<std::string_view, std::string_view>> form_fields(
    std::string_view text);

/// `text` with its %XX escapes decoded (and '+' as a space when `plus_as_space`, as in query
/// strings and form bodies); nullopt when an escape is invalid.
[[nodiscard]] std::optional<std::string> percent_decode(std::string_view text, bool plus_as_space);

}  // namespace oaskit::detail
