#pragma once
// The redirect target of a native app's authorization request (RFC 8252 §7.3): an HTTP
// listener on 127.0.0.1 at a port the system picks, waiting for the browser to bring the
// authorization response.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace oaskit::oauth2::detail {

class LoopbackListener {
 public:
  /// Listens on 127.0.0.1:0; throws std::system_error when the system refuses.
  LoopbackListener();
  ~LoopbackListener();
  LoopbackListener(const LoopbackListener&) = delete;
  LoopbackListener& operator=(const LoopbackListener&) = delete;

  [[nodiscard]] int port() const { return port_; }

  /// Serves connections until a GET for `path` arrives, answers it with `page` (HTML), and
  /// returns its query string (without '?'); nullopt when `deadline` passes first. Other
  /// requests get a 404. Connections are read side by side, so one that sends nothing (a
  /// browser's preconnect) delays no other; it is dropped after a few seconds.
  [[nodiscard]] std::optional<std::string> wait_for(std::string_view path,
                                                    std::chrono::steady_clock::time_point deadline,
                                                    std::string_view page);

 private:
  int socket_ = -1;
  int port_ = 0;
};

}  // namespace oaskit::oauth2::detail
