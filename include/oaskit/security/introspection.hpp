#pragma once
/// `IntrospectionVerifier`: checks opaque access tokens with the authorization server's token
/// introspection endpoint (RFC 7662).

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "oaskit/security/http_options.hpp"
#include "oaskit/security/identity.hpp"

namespace oaskit::security {

/// How the resource server authenticates itself to the endpoint (RFC 7662 §2.1).
enum class ClientAuthentication {
  client_secret_basic,  ///< HTTP Basic with form-urlencoded id and secret (RFC 6749 §2.3.1)
  client_secret_post,   ///< client_id and client_secret in the form body
};

struct IntrospectionOptions {
  std::string endpoint;  ///< https (http only to loopback)
  std::string client_id;
  std::string client_secret;
  ClientAuthentication authentication = ClientAuthentication::client_secret_basic;
  /// When set, an active token's "iss" must equal it / its "aud" must contain it.
  std::optional<std::string> issuer{};
  std::optional<std::string> audience{};
  std::vector<std::string> required_scopes{};
  /// Answers are cached no longer than this, and never past the token's "exp". 0: no cache.
  std::chrono::seconds cache_ttl{60};
  std::size_t cache_capacity = 10'000;
  HttpOptions http{};
  std::function<std::chrono::system_clock::time_point()> clock{};
};

/// Thread-safe.
class IntrospectionVerifier {
 public:
  explicit IntrospectionVerifier(IntrospectionOptions options);
  ~IntrospectionVerifier();

  /// POSTs `token=<token>&token_type_hint=access_token`; the answer must be a JSON object with
  /// a boolean "active" (anything else is TokenCheck::unavailable); `"active": false` is
  /// TokenCheck::inactive; an active token past its exp is TokenCheck::exp.
  [[nodiscard]] VerifyResult verify(std::string_view token) const;
  /// HTTP requests made so far, for tests and metrics.
  [[nodiscard]] std::size_t request_count() const;

  struct State;

 private:
  std::unique_ptr<State> state_;
};

}  // namespace oaskit::security
