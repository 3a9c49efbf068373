#pragma once
/// `TokenSource`: the access token a service shares across its threads. It hands out the cached
/// token until shortly before it expires, refreshes it ahead of time, and when many threads
/// need a new token at once makes exactly one request (single flight). Network failures, 5xx
/// and 429 are retried with exponential backoff and jitter (honouring Retry-After); a refusal
/// (invalid_client, invalid_grant, invalid_scope, ...) never is.

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "oaskit/oauth2/client.hpp"
#include "oaskit/oauth2/token.hpp"

namespace oaskit::oauth2 {

/// A token as the source hands it out: immutable, shared by every caller until replaced.
struct AccessToken {
  std::string value;  ///< for `Authorization: Bearer <value>`
  std::chrono::system_clock::time_point expires_at;
  /// The granted scopes: as the server listed them, else as requested.
  std::vector<std::string> scopes;
};

struct RetryPolicy {
  int attempts = 4;  ///< requests per refresh, the first included (1: no retries)
  std::chrono::milliseconds initial_delay{200};
  std::chrono::milliseconds max_delay{10'000};
};

struct TokenSourceOptions {
  std::vector<std::string> scopes{};     ///< requested (checked against the flow's)
  std::vector<std::string> resources{};  ///< RFC 8707 resource indicators
  /// A token is replaced this long before it expires (at most half its lifetime).
  std::chrono::seconds refresh_ahead{60};
  /// The lifetime assumed when the server does not send expires_in.
  std::chrono::seconds assumed_lifetime{300};
  RetryPolicy retry{};
  /// For tests: the clock, and how to wait between attempts.
  std::function<std::chrono::system_clock::time_point()> clock{};
  std::function<void(std::chrono::milliseconds)> sleep{};
};

/// Thread-safe; share one per client and scope set.
class TokenSource {
 public:
  /// Tokens from the client credentials grant.
  [[nodiscard]] static std::shared_ptr<TokenSource> client_credentials(
      Client client, TokenSourceOptions options = {});
  /// Tokens from a refresh token (after the authorization code flow): `initial` is the first
  /// response; later ones come from the refresh grant, and a rotated refresh token is kept.
  [[nodiscard]] static std::shared_ptr<TokenSource> refreshing(Client client,
                                                               const TokenResponse& initial,
                                                               TokenSourceOptions options = {});
  ~TokenSource();
  TokenSource(const TokenSource&) = delete;
  TokenSource& operator=(const TokenSource&) = delete;

  /// A token valid now. The cached one costs a few atomic operations; an expired or missing one
  /// is fetched by one caller while the others wait for its result.
  [[nodiscard]] Result<std::shared_ptr<const AccessToken>, GrantError> token();
  /// Forgets `rejected` (say, after a 401 invalid_token), unless it was already replaced, so
  /// that the next token() fetches a new one.
  void invalidate(const AccessToken& rejected);
  /// Token requests made so far (retries included).
  [[nodiscard]] std::size_t request_count() const;

  struct State;

 private:
  explicit TokenSource(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

}  // namespace oaskit::oauth2
