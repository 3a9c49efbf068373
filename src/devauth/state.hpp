#pragma once
// What the development authorization server keeps between requests, shared by its endpoints
// (authorization_server.cpp: token, metadata, JWKS, introspection, revocation; authorize.cpp:
// the authorization page). Everything mutable is behind one mutex: a development server's
// load is a person and a test suite.

#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "oaskit/devauth.hpp"
#include "oaskit/security/jwks.hpp"
#include "oaskit/security/jwt_verifier.hpp"
#include "util/secret.hpp"

namespace oaskit::devauth {

namespace detail {

using Clock = std::chrono::system_clock;
using Seconds = std::int64_t;  // since the epoch

/// An OAuth 2.0 error (RFC 6749 §5.2, §4.1.2.1): `error` code, a description for a person, and
/// the HTTP status of a token-endpoint answer.
struct OAuthError {
  std::string error;
  std::string description;
  int status = 400;
  Seconds retry_after = 0;  // with 429
};

/// A request's form or query parameters; a repeated name is an error (RFC 6749 §3.1, §3.2).
using Parameters = std::map<std::string, std::string, std::less<>>;
[[nodiscard]] Result<Parameters, OAuthError> parse_parameters(std::string_view text);
[[nodiscard]] std::string parameter(const Parameters& parameters, std::string_view name);

/// The request's headers and target as the security module reads them (header lookup,
/// cookies).
[[nodiscard]] security::RequestView view_of(const server::Server::RawRequest& request);

/// Space-separated scope tokens (RFC 6749 §3.3), and back.
[[nodiscard]] std::vector<std::string> split_scope(std::string_view text);
[[nodiscard]] std::string join_scope(const std::vector<std::string>& scope);

/// SHA-256 of `text`, base64url: how codes and refresh tokens are stored (never in clear).
[[nodiscard]] std::string digest(std::string_view text);
using oaskit::detail::same_secret;

/// Failed attempts per key in a fixed window; keys are bounded (the oldest windows go first).
class FailureLimiter {
 public:
  /// Seconds until `key` may try again, or 0.
  [[nodiscard]] Seconds blocked_for(const std::string& key, Seconds now, const RateLimit& limit);
  void record_failure(const std::string& key, Seconds now, const RateLimit& limit);

 private:
  struct Window {
    Seconds start = 0;
    unsigned failures = 0;
  };
  std::map<std::string, Window, std::less<>> windows_;
};

}  // namespace detail

struct AuthorizationServer::State {
  explicit State(jose::Key signing_key) : key(std::move(signing_key)) {}

  Config config;
  Options options;
  jose::Key key;            // signs access tokens
  jose::KeySet public_set;  // the JWKS

  mutable std::mutex mutex;  // guards what follows
  std::string issuer;
  std::string audience;

  /// An authorization request shown to a person, waiting for the form to come back.
  struct Pending {
    std::string client_id;
    std::string redirect_uri;
    bool redirect_uri_given = false;
    std::vector<std::string> scope;
    std::string state;
    std::string code_challenge;
    std::string csrf;
    std::string address;  // the client's, for the per-address bound
    detail::Seconds expires = 0;
  };
  std::map<std::string, Pending, std::less<>> pending;  // by request id

  /// A code given out, by its digest.
  struct Code {
    std::string client_id;
    std::string redirect_uri;
    bool redirect_uri_given = false;
    std::vector<std::string> scope;
    std::string subject;
    std::string code_challenge;
    std::string grant_id;
    detail::Seconds expires = 0;
    detail::Seconds auth_time = 0;
    bool used = false;
  };
  std::map<std::string, Code, std::less<>> codes;

  /// A refresh token, by its digest; `used` once rotated (a second use is a replay).
  struct Refresh {
    std::string client_id;
    std::vector<std::string> scope;
    std::string subject;
    std::string grant_id;
    detail::Seconds issued = 0;
    detail::Seconds expires = 0;
    bool used = false;
  };
  std::map<std::string, Refresh, std::less<>> refresh_tokens;

  /// An RFC 8628 device authorization, by its device code's digest, until the client has its
  /// answer or the codes expire.
  struct Device {
    enum class Decision { pending, allowed, denied };
    std::string client_id;
    std::vector<std::string> scope;
    std::string user_code;  // normalised: upper case, no dash
    Decision decision = Decision::pending;
    std::string subject;  // who allowed it
    detail::Seconds expires = 0;
    detail::Seconds interval = 0;   // grows by 5 s with each slow_down (RFC 8628 §3.5)
    detail::Seconds last_poll = 0;  // 0: not polled yet
    detail::Seconds auth_time = 0;
  };
  std::map<std::string, Device, std::less<>> devices;
  std::map<std::string, std::string, std::less<>> device_by_user_code;  // → device digest

  /// What one authorization has produced, so that it can be revoked as a whole (a code used
  /// twice, a refresh token replayed, a revocation).
  struct Grant {
    std::vector<std::pair<std::string, detail::Seconds>> access_tokens;  // jti, exp
    std::vector<std::string> refresh_digests;
    bool revoked = false;
    detail::Seconds expires = 0;  // when nothing of it can be valid any more
  };
  std::map<std::string, Grant, std::less<>> grants;
  std::map<std::string, detail::Seconds, std::less<>> revoked_jtis;     // until their exp
  std::map<std::string, detail::Seconds, std::less<>> used_assertions;  // private_key_jwt jti
  detail::FailureLimiter failures;
  // The API's view of this server (bearer_verifier): made once the issuer is known.
  std::shared_ptr<security::JwksSource> api_keys;
  std::shared_ptr<security::JwtVerifier> api_verifier;
  std::size_t api_cache_capacity = 0;
  detail::Seconds last_prune = 0;

  [[nodiscard]] detail::Seconds now() const;
  [[nodiscard]] std::string url_of(std::string_view path) const;  // with the mutex held
  /// A line for the event log, its control characters written %XX: what a client sent cannot
  /// forge or break a line.
  void log(const std::string& line) const;
  /// Forgets what has expired (at most once a minute).
  void prune(detail::Seconds now);
  /// Revokes everything `grant_id` produced.
  void revoke_grant(const std::string& grant_id);
};

}  // namespace oaskit::devauth
