#pragma once
/// How oaskit sends its own HTTP requests (JWKS, discovery, introspection, tokens): libcurl
/// with TLS verification always on. The security and OAuth 2.0 client options take one
/// (security::HttpOptions is this type).

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>

namespace oaskit {

struct HttpOptions {
  std::chrono::milliseconds timeout{10'000};     ///< the whole exchange, connection included
  std::size_t max_bytes = std::size_t{1} << 20;  ///< a longer response is an error
  std::optional<std::string> ca_file{};          ///< trust these CAs instead of the system's
  /// http:// is refused except to loopback addresses (127.0.0.0/8, ::1, localhost) — for tests
  /// and local development; everything else must be https.
};

}  // namespace oaskit
