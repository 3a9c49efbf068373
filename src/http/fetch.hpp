#pragma once
// Outbound HTTP GET for following remote `$ref`s: `send` with the document loader's rules.

#include <chrono>
#include <cstddef>
#include <string>

#include "http/client.hpp"
#include "oaskit/result.hpp"

namespace oaskit::detail {

struct FetchLimits {
  std::chrono::milliseconds timeout{10'000};  ///< the whole transfer, connection included
  std::size_t max_bytes = std::size_t{32} << 20;
};

/// GETs `url` (http or https, to any host; redirects followed, at most 5, never to another
/// scheme than those) and returns the body of a 2xx response. TLS certificates and host names
/// are always verified.
Result<std::string, FetchError> fetch(const std::string& url, const FetchLimits& limits);

}  // namespace oaskit::detail
