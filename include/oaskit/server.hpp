#pragma once
/// `oaskit::server`: an HTTP/1.1 server whose OpenAPI document is its configuration. Routes
/// come from `paths`, parameters are converted and checked as declared (a 422 lists every
/// problem, in FastAPI's shape), security requirements are enforced with an
/// `security::Authenticator` before a handler runs, operations without a handler answer their
/// documented examples, and `/openapi.json`, `/openapi.yaml`, `/docs` (Swagger UI) and `/redoc`
/// are built in, with their web assets inside the library (no CDN).
///
/// \code
/// oaskit::server::Server server(document, {.port = 8000});
/// server.handle("getPet", [&](const oaskit::server::Request& req) {
///   auto id = req.path<std::int64_t>("petId");
///   return oaskit::server::Response::json(store.get(id));
/// });
/// server.authenticator(std::move(auth));
/// auto started = server.start();          // binds; checks every handler names an operation
/// if (!started) { for (auto& d : started.errors()) std::cerr << to_string(d) << '\n'; return 1; }
/// std::cout << started->url << "docs\n";
/// server.run_until_signal();              // SIGINT/SIGTERM: finishes in-flight requests
/// \endcode
///
/// Threads: connections are spread over `threads` threads, each running its own event loop;
/// handlers run on those threads, so a handler that blocks holds up the connections of its
/// thread. Handlers and verifiers must be safe to call from several threads at once.

#include <boost/json/value.hpp>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "oaskit/diagnostic.hpp"
#include "oaskit/error.hpp"
#include "oaskit/result.hpp"
#include "oaskit/security/authenticator.hpp"
#include "oaskit/security/request.hpp"

namespace oaskit {
struct OpenAPI;
class Document;
}  // namespace oaskit

namespace oaskit::server {

/// Where a parameter is sent (the Parameter Object's `in`). `querystring` (OpenAPI 3.2) is the
/// whole query string as one value: a form's fields as an object, JSON as its value, other
/// media types as the decoded text.
enum class In { path, query, header, cookie, querystring };

/// One problem with a request, as FastAPI reports it in a 422 body:
/// `{"type":"missing","loc":["query","limit"],"msg":"Field required","input":null}`.
/// `type` is pydantic's name for the failure (`missing`, `int_parsing`, `greater_than_equal`,
/// `string_pattern_mismatch`, `enum`, ...); `ctx` holds the constraint (`{"ge":1}`) when one
/// failed.
struct ValidationError {
  std::string type;
  Path loc;
  std::string msg;
  boost::json::value input{};
  boost::json::object ctx{};
};

/// The request a handler sees: the parameters its operation declares, already converted to
/// their schema's types and checked, the body, and who is calling.
class Request {
 public:
  /// A declared parameter as the request carried it.
  struct Parameter {
    In in = In::query;
    std::string_view name;
    boost::json::value value;  ///< null when absent without a default
    bool present = false;      ///< sent by the client (not a default)
  };
  /// What the server fills in. `view`, `body`, `path_template`, `operation_id` and the
  /// parameter names borrow from the connection and the server, which outlive the handler call.
  struct Parts {
    std::string_view method;
    std::string_view path_template;
    std::string_view operation_id;
    security::RequestView view;
    std::string_view body;
    std::string media_type;
    boost::json::value json;
    security::Principal principal;
    std::vector<Parameter> parameters;
  };
  explicit Request(Parts parts) : parts_(std::move(parts)) {}

  [[nodiscard]] std::string_view method() const noexcept { return parts_.method; }
  /// The request target as received: path, then `?query` when there is one.
  [[nodiscard]] std::string_view target() const noexcept { return parts_.view.target; }
  /// The path template that matched (`/pets/{petId}`) and the operation's `operationId`.
  [[nodiscard]] std::string_view path_template() const noexcept { return parts_.path_template; }
  [[nodiscard]] std::string_view operation_id() const noexcept { return parts_.operation_id; }
  /// Headers and the raw target, for what the document does not declare.
  [[nodiscard]] const security::RequestView& view() const noexcept { return parts_.view; }
  /// The body as received, and its media type (without parameters, lower case) when it has one.
  [[nodiscard]] std::string_view body() const noexcept { return parts_.body; }
  [[nodiscard]] std::string_view media_type() const noexcept { return parts_.media_type; }
  /// The body parsed as JSON, when its media type is JSON (`application/json`, `*+json`);
  /// null otherwise.
  [[nodiscard]] const boost::json::value& json() const noexcept { return parts_.json; }
  /// Who passed the operation's security requirements (anonymous when it has none).
  [[nodiscard]] const security::Principal& principal() const noexcept { return parts_.principal; }
  [[nodiscard]] const std::vector<Parameter>& parameters() const noexcept {
    return parts_.parameters;
  }

  /// A declared parameter's value, converted by its schema (`integer` → int64, `number` →
  /// double, `boolean` → bool, `array` → array of those, else string; a parameter with
  /// `content` → its JSON), or its schema's `default` when absent; null when absent without a
  /// default. Asking for a parameter the operation does not declare is a programming error
  /// (std::out_of_range).
  [[nodiscard]] const boost::json::value* parameter(In in, std::string_view name) const;

  /// Typed access: T is std::int64_t (or another integer type), double, bool, std::string, or
  /// a std::vector of those; the value was converted by the declared schema, so a mismatch
  /// between T and the schema is a programming error (std::invalid_argument).
  /// \code
  /// auto id = req.path<std::int64_t>("petId");
  /// auto tags = req.query<std::vector<std::string>>("tags");  // std::nullopt when absent
  /// \endcode
  template <class T>
  [[nodiscard]] T path(std::string_view name) const {
    const auto* value = parameter(In::path, name);
    if (value == nullptr) throw std::out_of_range("no path parameter " + std::string(name));
    return as<T>(*value);
  }
  template <class T>
  [[nodiscard]] std::optional<T> query(std::string_view name) const {
    return optional_as<T>(parameter(In::query, name));
  }
  template <class T>
  [[nodiscard]] std::optional<T> header(std::string_view name) const {
    return optional_as<T>(parameter(In::header, name));
  }
  template <class T>
  [[nodiscard]] std::optional<T> cookie(std::string_view name) const {
    return optional_as<T>(parameter(In::cookie, name));
  }

  /// A converted value as T (see `path`).
  template <class T>
  static T as(const boost::json::value& value) {
    if constexpr (std::is_same_v<T, bool>) {
      if (!value.is_bool()) throw mismatch("a boolean");
      return value.get_bool();
    } else if constexpr (std::is_integral_v<T>) {
      if (value.is_int64()) return static_cast<T>(value.get_int64());
      if (value.is_uint64()) return static_cast<T>(value.get_uint64());
      throw mismatch("an integer");
    } else if constexpr (std::is_floating_point_v<T>) {
      if (!value.is_number()) throw mismatch("a number");
      return static_cast<T>(value.to_number<double>());
    } else if constexpr (std::is_same_v<T, std::string>) {
      if (!value.is_string()) throw mismatch("a string");
      return std::string(value.get_string());
    } else if constexpr (std::is_same_v<T, boost::json::value>) {
      return value;
    } else {
      using Item = typename T::value_type;
      if (!value.is_array()) throw mismatch("an array");
      T items;
      for (const auto& item : value.get_array()) items.push_back(as<Item>(item));
      return items;
    }
  }

 private:
  template <class T>
  static std::optional<T> optional_as(const boost::json::value* value) {
    if (value == nullptr) return std::nullopt;
    return as<T>(*value);
  }
  static std::invalid_argument mismatch(const char* wanted) {
    return std::invalid_argument(std::string("oaskit::server::Request: the parameter is not ") +
                                 wanted + " (see its schema)");
  }

  Parts parts_;
};

/// What a handler answers.
struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::string body{};
  /// More header fields (Content-Type and Content-Length are set from the members above).
  std::vector<std::pair<std::string, std::string>> headers{};

  /// `value` as compact JSON. JSON text is UTF-8: a byte of a string that does not start a
  /// well-formed UTF-8 sequence (say, a client's percent-decoded %FF echoed back) is written
  /// as U+FFFD, so the body always parses.
  static Response json(const boost::json::value& value, int status = 200);
  /// FastAPI's error shape: `{"detail":"Pet 7 not found"}`.
  static Response detail(int status, std::string_view detail);
  /// No body (204 by default).
  static Response empty(int status = 204);
};

using Handler = std::function<Response(const Request&)>;

/// A check of your own on a parsed JSON request body, run after the document's schema has
/// checked it (ServerOptions::validate_requests): returns every problem, each `loc` starting
/// with "body"; empty when the body is good.
using BodyValidator = std::function<std::vector<ValidationError>(
    std::string_view operation_id, std::string_view media_type, const boost::json::value& body)>;

/// Swagger UI's `initOAuth`: what the Authorize dialog fills in.
struct SwaggerUiOAuth {
  std::string client_id{};
  std::vector<std::string> scopes{};  ///< selected by default
  bool use_pkce = true;               ///< usePkceWithAuthorizationCodeGrant
  std::string app_name{};
};

/// The built-in routes, as FastAPI's `openapi_url`, `docs_url`, `redoc_url` and
/// `swagger_ui_oauth2_redirect_url`: each moved by setting another path, or switched off with
/// nullopt. /docs and /redoc need /openapi.json.
struct DocsOptions {
  std::optional<std::string> openapi_url = "/openapi.json";
  std::optional<std::string> openapi_yaml_url = "/openapi.yaml";
  std::optional<std::string> docs_url = "/docs";
  std::optional<std::string> redoc_url = "/redoc";
  std::optional<std::string> swagger_ui_oauth2_redirect_url = "/docs/oauth2-redirect";
  std::optional<SwaggerUiOAuth> init_oauth{};
  /// Where the pages' scripts and styles are served from (`<assets_url>/swagger-ui.css`).
  std::string assets_url = "/docs/assets";
  /// The pages' title; empty: the document's info.title.
  std::string title{};
};

/// Bounds on what a client may send and how long it may take.
struct Limits {
  std::size_t max_header_bytes = std::size_t{16} * 1024;  ///< request line and headers; beyond: 431
  std::size_t max_body_bytes = std::size_t{1024} * 1024;  ///< beyond: 413
  /// From a request's first byte to the end of its headers (a slow client is cut off).
  std::chrono::milliseconds header_timeout{10'000};
  /// To receive the body once the headers are in.
  std::chrono::milliseconds body_timeout{30'000};
  /// A kept-alive connection with no request in progress is closed after this.
  std::chrono::milliseconds idle_timeout{60'000};
  /// To send a response.
  std::chrono::milliseconds write_timeout{30'000};
  /// How long a graceful stop waits for in-flight requests before closing them.
  std::chrono::milliseconds shutdown_timeout{10'000};
};

/// TLS (HTTPS) with a certificate chain and its private key, both PEM files.
struct TlsOptions {
  std::string certificate_chain_file;
  std::string private_key_file;
};

/// One line per request: time, method, path template (the raw path only for unknown paths),
/// status, duration, client address, request id. Never a query string, header value, cookie,
/// token or API key.
using AccessLog = std::function<void(std::string_view line)>;

struct ServerOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8000;  ///< 0: any free port (see Endpoint::port)
  unsigned threads = 0;       ///< 0: one per core
  std::optional<TlsOptions> tls{};
  Limits limits{};
  DocsOptions docs{};
  /// Refuse to start while an operation of the document has no handler (by default such an
  /// operation answers its documented example, or 501).
  bool require_all_operations_bound = false;
  /// Null: lines go to standard error. Set a no-op to turn the log off.
  AccessLog access_log{};
  /// Check each request's parameters (after their style is decoded and converted to their
  /// schema's type) and JSON or form body against the document's schemas: every problem in
  /// one 422, FastAPI's `{"detail": [...]}`. A schema that does not compile stops the server
  /// from starting, with its place in the document.
  bool validate_requests = true;
  /// A development aid, off by default: check what handlers answer against the documented
  /// schema of its status and media type. An answer that does not match is logged (through
  /// access_log, with every error) and replaced by a 500: the mistake FastAPI's
  /// `response_model` catches.
  bool validate_responses = false;
  /// A check of your own, run on a parsed JSON body after the schema's (when validate_requests).
  BodyValidator validate_body{};
};

/// Where a started server listens.
struct Endpoint {
  std::string host;
  std::uint16_t port = 0;
  std::string url;  ///< `http://HOST:PORT/` (https with TLS)
};

class Server {
 public:
  /// A server for `document` (a model made in C++), or a loaded document with its references
  /// (they are bundled into one document first, which /openapi.json then serves).
  explicit Server(const OpenAPI& document, ServerOptions options = {});
  explicit Server(const Document& document, ServerOptions options = {});
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  /// Binds `handler` to the operation `operation_id`. An id the document lacks is reported by
  /// start().
  Server& handle(std::string operation_id, Handler handler);
  /// The schemes and verifiers that enforce the document's security requirements. Without
  /// one, an operation that requires security refuses every request (401).
  Server& authenticator(std::shared_ptr<const security::Authenticator> authenticator);

  /// Prepares the routes, checks the bindings (a handler for an unknown operationId; with
  /// require_all_operations_bound, an operation without handler; a `$ref` that leads nowhere)
  /// and starts listening. Errors come back as diagnostics; nothing listens then.
  Result<Endpoint, Diagnostics> start();
  /// Stops accepting, lets in-flight requests finish (at most limits.shutdown_timeout), closes
  /// every connection and joins the threads. Safe to call from any thread, more than once.
  void stop();
  /// Blocks until the server has stopped.
  void wait();
  /// Blocks until SIGINT or SIGTERM, then stops gracefully. A signal that arrives before this
  /// call would end the process: call hold_stop_signals() before start() to keep it pending
  /// until this call takes it (say, when a script stops the service as soon as it prints its
  /// URL).
  void run_until_signal();
  /// Blocks SIGINT and SIGTERM in the calling thread (and so in the threads start() makes);
  /// run_until_signal() unblocks them once it handles them.
  static void hold_stop_signals();

  /// Answers one request without a socket: what a connection does with a request it has read.
  /// For tests, fuzzing, and embedding in another HTTP server. Call after start() or prepare().
  struct RawRequest {
    std::string_view method;
    std::string_view target;
    std::vector<std::pair<std::string_view, std::string_view>> headers;
    std::string_view body;
    /// The client's IP address as text (empty when unknown, as in memory).
    std::string_view client_address{};
  };
  /// Answers every request to one path outside the document (say, an authorization server
  /// mounted beside the API, oaskit/devauth.hpp): no parameters, security or body checks.
  using RouteHandler = std::function<Response(const RawRequest&)>;
  /// Routes every method to exactly `path` (the query aside) to `handler`, ahead of the
  /// document's paths. A path the document or a built-in route also has is an error at start.
  Server& route(std::string path, RouteHandler handler);
  /// What depends on the server's own URL: called once it is known (from start(), after binding
  /// and before the first request; from prepare() alone, with the configured host and port),
  /// with a copy of the document that /openapi.json and /docs will serve, which it may edit.
  /// start() calls it again, on a fresh copy, when it binds another address than prepare() was
  /// given (port 0).
  using EndpointHook = std::function<void(const Endpoint& endpoint, boost::json::value& document)>;
  Server& on_endpoint(EndpointHook hook);
  [[nodiscard]] Response respond(const RawRequest& request) const;
  /// Does what start() checks without listening.
  Result<bool, Diagnostics> prepare();
  /// What prepare() found that does not stop the server (a path template it cannot serve, a
  /// built-in route hiding a path, a security scheme the document does not declare).
  [[nodiscard]] const Diagnostics& warnings() const;

  struct State;

 private:
  std::unique_ptr<State> state_;
};

/// The body of a 422 answer: `{"detail":[{...}, ...]}`.
[[nodiscard]] std::string validation_body(const std::vector<ValidationError>& errors);

}  // namespace oaskit::server
