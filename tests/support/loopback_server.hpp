#pragma once
// A tiny HTTP/1.1 server on 127.0.0.1 for tests of outbound HTTP: answers every request with
// one canned response, or with nothing (to test timeouts). Runs on its own thread until
// destroyed. For answers that depend on the request, see scripted_server.hpp.

#include <string>

#include "support/scripted_server.hpp"

namespace oaskit::test {

class LoopbackServer {
 public:
  /// `body` is served with `status` to every request; with `respond` false the server
  /// accepts connections and never answers.
  explicit LoopbackServer(std::string body, int status = 200, bool respond = true)
      : server_([body = std::move(body), status, respond](const ServerRequest&) {
          return ServerResponse{.status = status, .headers = {}, .body = body, .silent = !respond};
        }) {}

  /// `http://127.0.0.1:<port><path>`
  [[nodiscard]] std::string url(const std::string& path) const { return server_.url(path); }

 private:
  ScriptedServer server_;
};

}  // namespace oaskit::test
