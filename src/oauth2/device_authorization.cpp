#include "oaskit/oauth2/device_authorization.hpp"

#include <condition_variable>
#include <cstdio>
#include <mutex>

#include "oauth2/token_response.hpp"

namespace oaskit::oauth2 {
namespace {

using Kind = GrantError::Kind;
using detail::grant_error;

// RFC 8628 §3.5: "the interval MUST be increased by 5 seconds for this and all subsequent
// requests".
constexpr std::chrono::seconds slow_down_step{5};

// Sleeps for `duration`, or until `stop` is requested.
void sleep_until_stopped(std::chrono::seconds duration, const std::stop_token& stop) {
  std::mutex mutex;
  std::condition_variable_any woken;
  std::unique_lock lock(mutex);
  woken.wait_for(lock, stop, duration, [] { return false; });
}

GrantError refused_locally(std::string error, std::string message) {
  GrantError refused = grant_error(Kind::refused, std::move(message));
  refused.error = std::move(error);
  return refused;
}

}  // namespace

void print_device_code(const DeviceAuthorization& authorization) {
  std::fprintf(stderr, "To sign in, open %s and enter the code %s\n",
               authorization.verification_uri.c_str(), authorization.user_code.c_str());
  if (authorization.verification_uri_complete) {
    std::fprintf(stderr, "or open %s\n", authorization.verification_uri_complete->c_str());
  }
}

GrantResult poll_device_token(const Client& client, const DeviceAuthorization& authorization,
                              const DevicePollOptions& options) {
  const auto now = [&] {
    return options.clock ? options.clock() : std::chrono::steady_clock::now();
  };
  const auto sleep = [&](std::chrono::seconds duration) {
    if (options.sleep) {
      options.sleep(duration);
    } else {
      sleep_until_stopped(duration, options.stop);
    }
  };
  const auto deadline = now() + authorization.expires_in;
  auto interval = authorization.interval;
  for (;;) {
    if (now() + interval > deadline) {
      return refused_locally("expired_token",
                             "the user code expired before the user approved it (after " +
                                 std::to_string(authorization.expires_in.count()) + " s)");
    }
    sleep(interval);
    if (options.stop.stop_requested()) {
      return grant_error(Kind::unavailable, "the device authorization was cancelled");
    }
    auto token = client.poll_device_token(authorization.device_code);
    if (token || token.errors().kind != Kind::refused) return token;
    const auto& error = token.errors().error;
    if (error == "slow_down") {
      interval += slow_down_step;
    } else if (error != "authorization_pending") {
      return token;
    }
  }
}

GrantResult authorize_device(const Client& client, const DeviceFlowOptions& options) {
  auto authorization = client.start_device_authorization(options.scopes, options.resources);
  if (!authorization) return authorization.errors();
  (options.show_code ? options.show_code : print_device_code)(*authorization);
  return poll_device_token(client, *authorization, options.poll);
}

}  // namespace oaskit::oauth2
