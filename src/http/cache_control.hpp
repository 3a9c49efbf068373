#pragma once
// How long an HTTP response may be reused (RFC 9111 §4.2.1), for caching fetched key sets.

#include <chrono>
#include <optional>
#include <string_view>

#include "http/client.hpp"

namespace oaskit::detail {

/// The freshness lifetime `response` declares: Cache-Control max-age (the first one; zero with
/// no-store or no-cache, or when max-age is not a number), else Expires minus Date (Date
/// missing: `received_at`; an invalid Expires or one before Date: zero). nullopt when neither
/// header is there. Several Cache-Control headers count as one list.
[[nodiscard]] std::optional<std::chrono::seconds> freshness_lifetime(
    const HttpResponse& response, std::chrono::system_clock::time_point received_at);

/// An HTTP-date (RFC 9110 §5.6.7): "Sun, 06 Nov 1994 08:49:37 GMT", or the obsolete
/// "Sunday, 06-Nov-94 08:49:37 GMT" and "Sun Nov  6 08:49:37 1994"; nullopt otherwise.
[[nodiscard]] std::optional<std::chrono::system_clock::time_point> parse_http_date(
    std::string_view text);

}  // namespace oaskit::detail
