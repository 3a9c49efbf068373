#pragma once
/// `JwksSource`: an authorization server's signing keys, fetched from its JWKS URL (given, or
/// found through RFC 8414 / OpenID Connect discovery) and kept fresh.

#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <string>

#include "oaskit/jose.hpp"
#include "oaskit/security/http_options.hpp"
#include "oaskit/security/identity.hpp"

namespace oaskit::security {

struct JwksSourceOptions {
  HttpOptions http{};
  /// When the response has no usable Cache-Control max-age / Expires.
  std::chrono::seconds default_max_age{300};
  /// Bounds on what caching headers may ask for.
  std::chrono::seconds min_max_age{30};
  std::chrono::seconds max_max_age{86'400};
  /// An unknown `kid` triggers a refetch at most this often (so forged kids cannot make us
  /// hammer the server).
  std::chrono::seconds min_refetch_interval{60};
  /// The clock, for tests.
  std::function<std::chrono::steady_clock::time_point()> clock{};
};

/// Server metadata from discovery (the parts oaskit uses).
struct ServerMetadata {
  std::string issuer;
  std::string jwks_uri;
  std::string token_endpoint;
  std::string authorization_endpoint;
  std::string introspection_endpoint;
  boost::json::object raw;  ///< the whole document
};

/// Fetches `{issuer}/.well-known/oauth-authorization-server` (RFC 8414 §3, the well-known
/// segment inserted before the issuer's path), falling back to
/// `{issuer}/.well-known/openid-configuration` (OpenID Connect Discovery §4). The document's
/// `issuer` must equal `issuer` exactly (RFC 8414 §3.3).
[[nodiscard]] Result<ServerMetadata, TokenError> discover(const std::string& issuer,
                                                          const HttpOptions& http = {});

/// Thread-safe. Holds the last good key set: a failed fetch keeps it (and is retried after
/// min_refetch_interval); only with no good set yet is a failure reported.
class JwksSource {
 public:
  /// Keys from `jwks_url`; nothing is fetched until first needed.
  static std::shared_ptr<JwksSource> from_url(std::string jwks_url, JwksSourceOptions options = {});
  /// Keys from the `jwks_uri` of `issuer`'s discovery document (discovered on first use).
  static std::shared_ptr<JwksSource> from_issuer(std::string issuer,
                                                 JwksSourceOptions options = {});

  /// The current keys: fetched when there are none yet or they are older than their max age.
  [[nodiscard]] Result<std::shared_ptr<const jose::KeySet>, TokenError> keys();
  /// For a token whose `kid` is not in the current keys: refetches if the last fetch was at
  /// least min_refetch_interval ago, and returns the (possibly new) keys.
  [[nodiscard]] Result<std::shared_ptr<const jose::KeySet>, TokenError> refresh_for_unknown_kid();
  /// How many HTTP fetches were made (JWKS and discovery), for tests and metrics.
  [[nodiscard]] std::size_t fetch_count() const;

  struct State;
  explicit JwksSource(std::unique_ptr<State> state);
  ~JwksSource();
  JwksSource(const JwksSource&) = delete;
  JwksSource& operator=(const JwksSource&) = delete;

 private:
  std::unique_ptr<State> state_;
};

}  // namespace oaskit::security
