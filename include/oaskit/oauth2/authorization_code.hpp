#pragma once
/// The authorization code flow with PKCE (RFC 6749 §4.1, RFC 7636) for command-line and
/// desktop programs (RFC 8252): the user signs in in a browser, which the authorization server
/// sends back to a listener on 127.0.0.1 (a port the system picks); the code it brings is
/// exchanged for tokens.

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "oaskit/oauth2/client.hpp"
#include "oaskit/oauth2/token.hpp"

namespace oaskit::oauth2 {

/// A PKCE pair (RFC 7636 §4.1-4.2): a random verifier of 43 characters and its S256 challenge,
/// BASE64URL(SHA256(verifier)).
struct Pkce {
  std::string verifier;
  std::string challenge;
  /// A fresh pair from OpenSSL's random generator.
  [[nodiscard]] static Pkce generate();
  /// The S256 challenge of `verifier`.
  [[nodiscard]] static std::string challenge_of(std::string_view verifier);
};

struct AuthorizationOptions {
  std::vector<std::string> scopes{};
  std::vector<std::string> resources{};  ///< RFC 8707, sent with the request and the exchange
  /// The path of the loopback redirect URI: http://127.0.0.1:<port><path>.
  std::string redirect_path = "/callback";
  /// How long to wait for the browser to come back.
  std::chrono::seconds timeout{300};
  /// RFC 9207: when the redirect carries `iss`, it must equal this; with `require_issuer`, it
  /// must carry it.
  std::optional<std::string> issuer{};
  bool require_issuer = false;
  /// Shows the user the authorization URL. The default prints it on standard error and, when
  /// there is a display, opens it with xdg-open. It must not wait for the user: the listener
  /// runs once it returns.
  std::function<void(const std::string& url)> open_browser{};
  /// Extra authorization request parameters (say, {"prompt", "consent"}).
  std::vector<std::pair<std::string, std::string>> extra_parameters{};
};

/// Runs the flow with `client` (whose flow is authorizationCode): listens on 127.0.0.1, sends
/// the user to the authorization URL with a fresh `state` and PKCE challenge, waits for the
/// redirect, checks `state` (and `iss`), and exchanges the code. An `error` in the redirect is
/// a `refused` GrantError with the server's error, description and URI.
[[nodiscard]] GrantResult authorize(const Client& client, const AuthorizationOptions& options);

}  // namespace oaskit::oauth2
