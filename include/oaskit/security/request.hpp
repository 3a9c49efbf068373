#pragma once
/// `RequestView`: the parts of an incoming HTTP request that security schemes read, independent
/// of any HTTP library. Fill it from Beast, cpp-httplib, Drogon or Crow; it only borrows.
///
/// \code
/// oaskit::security::RequestView view{.method = "GET", .target = "/pets?limit=3",
///                                    .headers = {{"Authorization", "Bearer abc"}}};
/// \endcode

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace oaskit::security {

struct RequestView {
  std::string_view method{};
  std::string_view target{};  ///< origin-form: path, then "?query" when there is one
  /// Header fields as received, in order; names in any case, repeats kept.
  std::vector<std::pair<std::string_view, std::string_view>> headers{};

  /// Every value of header `name` (compared case-insensitively), in order, without leading or
  /// trailing spaces and tabs (RFC 9110 §5.5; some libraries keep them).
  [[nodiscard]] std::vector<std::string_view> header_values(std::string_view name) const;
  /// The value of header `name` when it occurs exactly once; nullopt when absent. A repeated
  /// header is reported by `header_count`, so that callers can refuse it.
  [[nodiscard]] std::optional<std::string_view> header(std::string_view name) const;
  [[nodiscard]] std::size_t header_count(std::string_view name) const;
  /// The first query parameter `name`, percent-decoded ('+' is a space); nullopt when absent.
  /// The query is what follows the first '?' of `target`, split on '&'; names are decoded before
  /// they are compared (case-sensitively), and a parameter without '=' has the value "". A
  /// parameter whose name or value has an invalid %-escape counts as absent: guessing what it
  /// meant could hand a different key to the verifier than the client sent.
  [[nodiscard]] std::optional<std::string> query(std::string_view name) const;
  /// The cookie `name` from the Cookie header(s) (RFC 6265 §5.4), quotes around the value
  /// removed; nullopt when absent. Names are case-sensitive; the first match wins (the most
  /// specific path comes first, §5.4); pieces without '=' are skipped.
  [[nodiscard]] std::optional<std::string> cookie(std::string_view name) const;
};

}  // namespace oaskit::security
