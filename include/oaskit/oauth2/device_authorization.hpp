#pragma once
/// The device authorization grant (RFC 8628) for programs without a browser at hand: the
/// program asks for a user code, tells the user where to enter it (on a phone, another
/// computer), and polls the token endpoint until the user has approved or denied, or the code
/// has expired.
///
/// \code
/// auto client = Client::from_document(api, "oauth", Flow::deviceAuthorization,
///                                     {.client_id = "cli"});
/// auto token = authorize_device(*client, {.scopes = {"pets:read"}});
/// if (token) call_api("Bearer " + token->access_token);
/// \endcode

#include <chrono>
#include <functional>
#include <stop_token>
#include <string>
#include <vector>

#include "oaskit/oauth2/client.hpp"
#include "oaskit/oauth2/token.hpp"

namespace oaskit::oauth2 {

struct DevicePollOptions {
  /// Waits between polls. The default sleeps, waking early when `stop` is requested; tests
  /// pass one that only advances their clock.
  std::function<void(std::chrono::seconds)> sleep{};
  /// Measures how long the codes have lived (steady_clock::now by default).
  std::function<std::chrono::steady_clock::time_point()> clock{};
  /// Ends the polling with an `unavailable` error ("cancelled") once requested.
  std::stop_token stop{};
};

struct DeviceFlowOptions {
  std::vector<std::string> scopes{};
  std::vector<std::string> resources{};  ///< RFC 8707, sent with the device request
  /// Shows the user the verification URI and the user code (and the complete URI). The
  /// default is print_device_code. It must not wait for the user: polling starts once it
  /// returns.
  std::function<void(const DeviceAuthorization&)> show_code{};
  DevicePollOptions poll{};
};

/// Prints the verification URI and the user code on standard error, and the complete URI
/// when the server gives one: "To sign in, open URI and enter the code CODE", "or open URI".
void print_device_code(const DeviceAuthorization& authorization);

/// Polls the token endpoint for `authorization`'s device code (RFC 8628 §3.4-3.5), waiting
/// `interval` before each request: authorization_pending polls again, slow_down adds 5 seconds
/// to the interval for this and every later poll; a token, or any other answer
/// (access_denied, expired_token, an unreachable server), ends it. When expires_in has passed
/// without an answer, the result is a `refused` error with error "expired_token", as the
/// server would have said.
[[nodiscard]] GrantResult poll_device_token(const Client& client,
                                            const DeviceAuthorization& authorization,
                                            const DevicePollOptions& options = {});

/// The whole flow with `client` (whose flow is deviceAuthorization): start_device_authorization,
/// show_code, then poll_device_token.
[[nodiscard]] GrantResult authorize_device(const Client& client,
                                           const DeviceFlowOptions& options = {});

}  // namespace oaskit::oauth2
