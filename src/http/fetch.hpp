#pragma once
// Outbound HTTP GET with libcurl, for following remote `$ref`s: TLS verified, bounded in time
// and size.

#include <chrono>
#include <cstddef>
#include <string>

#include "oaskit/result.hpp"

namespace oaskit::detail {

struct FetchLimits {
  std::chrono::milliseconds timeout{10'000};  ///< the whole transfer, connection included
  std::size_t max_bytes = std::size_t{32} << 20;
};

/// Why a fetch failed, for a person: "HTTP 404", "timed out after 10000 ms", ...
struct FetchError {
  std::string message;
};

/// GETs `url` (http or https; redirects followed, at most 5, never to another scheme) and
/// returns the body of a 2xx response. TLS certificates and host names are always verified.
Result<std::string, FetchError> fetch(const std::string& url, const FetchLimits& limits);

}  // namespace oaskit::detail
