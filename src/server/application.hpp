#pragma once
// The server's logic without sockets: the document compiled into routes, and what answers a
// request (built-in routes, routing, security, parameters, body, handler or mock). The HTTP
// layer (http_server.cpp) reads requests and writes what this returns.

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "oaskit/server.hpp"

namespace oaskit::server::detail {

struct Inputs {
  const OpenAPI* model = nullptr;
  const boost::json::value* document = nullptr;  // the same document as JSON (bundled)
  std::string document_name;                     // for diagnostics
  std::map<std::string, Handler, std::less<>> handlers;
  std::map<std::string, Server::RouteHandler, std::less<>> routes;  // paths beside the document
  std::shared_ptr<const security::Authenticator> authenticator;
  const ServerOptions* options = nullptr;
};

/// What the access log needs to know of an answered request.
struct Outcome {
  std::string route;  // the path template, or the built-in route, or "-" when none matched
  bool head = false;  // a HEAD request: send no body
  std::string error;  // what a handler threw (for the server's log, never the client)
};

class Application {
 public:
  /// Compiles `inputs`; errors (and warnings, with Severity::warning) as diagnostics.
  static Result<std::unique_ptr<Application>, Diagnostics> build(Inputs inputs,
                                                                 Diagnostics& warnings);
  ~Application();

  [[nodiscard]] Response respond(const Server::RawRequest& request, Outcome& outcome) const;

  struct State;
  explicit Application(std::unique_ptr<State> state);

 private:
  std::unique_ptr<State> state_;
};

}  // namespace oaskit::server::detail
