// The HTTP layer: Beast sessions on Asio, one event loop per thread, connections handed out
// round-robin by one acceptor. Each session reads a request under the limits and timeouts of
// ServerOptions, asks the Application for the answer, and writes it.

#include "oaskit/server.hpp"

#include <atomic>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <condition_variable>
#include <csignal>
#include <cstdio>
#include <ctime>
#include <list>
#include <mutex>
#include <random>
#include <thread>

#include "json/locate.hpp"
#include "oaskit/bundle.hpp"
#include "oaskit/document.hpp"
#include "oaskit/json.hpp"
#include "oaskit/models.hpp"
#include "server/application.hpp"
#include "server/beast_request.hpp"
#include "util/ascii.hpp"

namespace oaskit::server {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

namespace {
// JSON text is UTF-8 (RFC 8259 §8.1), but a string may hold any bytes a client sent (a
// percent-decoded %FF, a header value): each byte that does not start a well-formed sequence
// becomes U+FFFD, so the answer always parses. Only the bytes outside a sequence change, and
// JSON's own syntax is ASCII, so this is safe on the serialized text.
std::string valid_utf8(std::string text) {
  auto bad = oaskit::detail::first_invalid_utf8(text);
  if (!bad) return text;
  std::string out;
  out.reserve(text.size() + 16);
  std::size_t from = 0;
  while (bad) {
    const auto at = from + *bad;
    out.append(text, from, at - from);
    out += "\xEF\xBF\xBD";
    from = at + 1;
    bad = oaskit::detail::first_invalid_utf8(std::string_view(text).substr(from));
  }
  out.append(text, from);
  return out;
}
}  // namespace

Response Response::json(const boost::json::value& value, int status) {
  return Response{.status = status,
                  .content_type = "application/json",
                  .body = valid_utf8(boost::json::serialize(value)),
                  .headers = {}};
}

Response Response::detail(int status, std::string_view detail) {
  return json(boost::json::object{{"detail", detail}}, status);
}

Response Response::empty(int status) {
  return Response{.status = status, .content_type = {}, .body = {}, .headers = {}};
}

const boost::json::value* Request::parameter(In in, std::string_view name) const {
  for (const auto& p : parts_.parameters) {
    if (p.in == in && p.name == name) return p.value.is_null() ? nullptr : &p.value;
  }
  throw std::out_of_range("the operation declares no such parameter: " + std::string(name));
}

std::string validation_body(const std::vector<ValidationError>& errors) {
  boost::json::array detail;
  for (const auto& e : errors) {
    boost::json::object entry{
        {"type", e.type}, {"loc", to_json_array(e.loc)}, {"msg", e.msg}, {"input", e.input}};
    if (!e.ctx.empty()) entry["ctx"] = e.ctx;
    detail.push_back(std::move(entry));
  }
  return valid_utf8(boost::json::serialize(boost::json::object{{"detail", std::move(detail)}}));
}

namespace {

// `Sat, 05 Dec 2026 17:02:13 GMT` (RFC 9110 §5.6.7), remade once a second per thread.
std::string_view http_date() {
  thread_local std::time_t last = 0;
  thread_local char text[40] = {};
  const std::time_t now = std::time(nullptr);
  if (now != last) {
    last = now;
    std::tm tm{};
    gmtime_r(&now, &tm);
    std::strftime(text, sizeof text, "%a, %d %b %Y %H:%M:%S GMT", &tm);
  }
  return text;
}

std::string log_time() {
  const auto now = std::chrono::system_clock::now();
  const std::time_t seconds = std::chrono::system_clock::to_time_t(now);
  const auto millis =
      std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  char text[40];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S", &tm);
  char out[48];
  std::snprintf(out, sizeof out, "%s.%03dZ", text, static_cast<int>(millis));
  return out;
}

// A client's X-Request-Id is echoed when it is short and plain; otherwise one is made.
std::string request_id(std::string_view sent) {
  const bool plain = !sent.empty() && sent.size() <= 128 && std::ranges::all_of(sent, [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.' ||
           c == ':';
  });
  if (plain) return std::string(sent);
  thread_local std::mt19937_64 random{std::random_device{}()};
  char id[33];
  std::snprintf(id, sizeof id, "%016llx%016llx", static_cast<unsigned long long>(random()),
                static_cast<unsigned long long>(random()));
  return id;
}

// A path for the log: control characters and spaces escaped, at most 200 bytes.
std::string loggable(std::string_view text) {
  std::string out;
  for (const char ch : text.substr(0, 200)) {
    const auto c = static_cast<unsigned char>(ch);
    if (c <= 0x20 || c == 0x7F || c == '"') {
      char escape[5];
      std::snprintf(escape, sizeof escape, "%%%02X", c);
      out += escape;
    } else {
      out += ch;
    }
  }
  return out;
}

}  // namespace

struct Server::State {
  ServerOptions options;
  boost::json::value document;
  std::unique_ptr<OpenAPI> model;
  std::string document_name;
  Diagnostics load_errors;
  std::map<std::string, Handler, std::less<>> handlers;
  std::map<std::string, RouteHandler, std::less<>> routes;
  std::vector<EndpointHook> endpoint_hooks;
  std::shared_ptr<const security::Authenticator> authenticator;
  std::unique_ptr<detail::Application> app;
  boost::json::value served_document;  // `document` as the endpoint hooks left it
  std::string prepared_url;            // the endpoint `app` was prepared for

  // Prepares the application for `endpoint` (once per endpoint): the hooks edit a copy of the
  // document, which /openapi.json then serves.
  Result<bool, Diagnostics> prepare(const Endpoint& endpoint);
  Diagnostics warnings;
  std::mutex log_mutex;

  struct Runtime;
  std::unique_ptr<Runtime> runtime;

  void log(std::string_view line) {
    if (options.access_log) {
      options.access_log(line);
      return;
    }
    std::lock_guard lock(log_mutex);
    std::fwrite(line.data(), 1, line.size(), stderr);
    std::fputc('\n', stderr);
  }
};

namespace {

// What a worker thread's sessions need to hear when the server stops.
class SessionBase {
 public:
  virtual ~SessionBase() = default;
  virtual void server_stopping() = 0;  // called on the session's own thread
  virtual void force_close() = 0;      // likewise
};

struct Worker {
  asio::io_context context{1};
  std::optional<asio::executor_work_guard<asio::io_context::executor_type>> guard{
      context.get_executor()};
  std::list<std::weak_ptr<SessionBase>> sessions;  // touched on this worker's thread only
  std::thread thread;
};

}  // namespace

struct Server::State::Runtime {
  std::vector<std::unique_ptr<Worker>> workers;
  std::optional<tcp::acceptor> acceptor;
  std::optional<asio::ssl::context> tls;
  std::atomic<bool> stopping{false};
  std::atomic<std::size_t> next{0};
  std::mutex mutex;
  std::condition_variable changed;
  std::size_t running = 0;
  bool stopped = false;
};

namespace {

template <class Stream>
class Session final : public SessionBase, public std::enable_shared_from_this<Session<Stream>> {
 public:
  template <class... Args>
  explicit Session(Server::State& server, Args&&... args)
      : server_(server), stream_(std::forward<Args>(args)...) {}

  void start(const tcp::endpoint& remote) {
    address_ = remote.address().to_string();
    client_ = address_ + ":" + std::to_string(remote.port());
    if constexpr (std::is_same_v<Stream, beast::ssl_stream<beast::tcp_stream>>) {
      beast::get_lowest_layer(stream_).expires_after(server_.options.limits.header_timeout);
      stream_.async_handshake(asio::ssl::stream_base::server,
                              [self = this->shared_from_this()](beast::error_code ec) {
                                if (ec) return self->close();
                                self->wait_for_request();
                              });
    } else {
      wait_for_request();
    }
  }

  void server_stopping() override {
    closing_ = true;
    if (idle_) close();  // nothing in flight: go now; otherwise after the response
  }
  void force_close() override { close(); }

 private:
  const Limits& limits() const { return server_.options.limits; }

  // Waits for a request's first bytes under the idle timeout; the header timeout then runs
  // from there, so a slow client cannot hold a connection longer than header_timeout.
  void wait_for_request() {
    if (closing_) return close();
    if (buffer_.size() > 0) return read_header();
    idle_ = true;
    beast::get_lowest_layer(stream_).expires_after(limits().idle_timeout);
    stream_.async_read_some(buffer_.prepare(4096),
                            [self = this->shared_from_this()](beast::error_code ec, std::size_t n) {
                              self->idle_ = false;
                              if (ec) return self->close();
                              self->buffer_.commit(n);
                              self->read_header();
                            });
  }

  void read_header() {
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(limits().max_header_bytes));
    parser_->body_limit(limits().max_body_bytes);
    started_ = std::chrono::steady_clock::now();
    beast::get_lowest_layer(stream_).expires_after(limits().header_timeout);
    http::async_read_header(stream_, buffer_, *parser_,
                            [self = this->shared_from_this()](beast::error_code ec, std::size_t) {
                              self->on_header(ec);
                            });
  }

  void on_header(beast::error_code ec) {
    if (ec == http::error::header_limit) {
      return fail(431, "The request's headers are larger than " +
                           std::to_string(limits().max_header_bytes) + " bytes");
    }
    if (ec == http::error::body_limit) {
      return fail(413, "The request body is larger than " +
                           std::to_string(limits().max_body_bytes) + " bytes");
    }
    if (ec == beast::error::timeout || ec == http::error::end_of_stream || ec == asio::error::eof ||
        ec == asio::error::operation_aborted || ec == asio::error::connection_reset) {
      return close();
    }
    if (ec) return fail(400, "The request is not valid HTTP/1.1: " + ec.message());
    const auto& header = parser_->get();
    if (auto length = parser_->content_length(); length && *length > limits().max_body_bytes) {
      return fail(413, "The request body is larger than " +
                           std::to_string(limits().max_body_bytes) + " bytes");
    }
    if (parser_->is_done()) return answer();
    auto read_body = [self = this->shared_from_this()] {
      beast::get_lowest_layer(self->stream_).expires_after(self->limits().body_timeout);
      http::async_read(self->stream_, self->buffer_, *self->parser_,
                       [self](beast::error_code read_error, std::size_t) {
                         if (read_error == http::error::body_limit) {
                           return self->fail(
                               413, "The request body is larger than " +
                                        std::to_string(self->limits().max_body_bytes) + " bytes");
                         }
                         if (read_error) return self->close();
                         self->answer();
                       });
    };
    if (oaskit::detail::equals_ignoring_ascii_case(header[http::field::expect], "100-continue")) {
      auto interim = std::make_shared<http::response<http::empty_body>>(http::status::continue_,
                                                                        header.version());
      beast::get_lowest_layer(stream_).expires_after(limits().write_timeout);
      http::async_write(stream_, *interim,
                        [self = this->shared_from_this(), interim, read_body](
                            beast::error_code write_error, std::size_t) {
                          if (write_error) return self->close();
                          read_body();
                        });
      return;
    }
    read_body();
  }

  void answer() {
    auto& request = parser_->get();
    auto raw = detail::raw_request(request);
    raw.client_address = address_;
    detail::Outcome outcome;
    auto response = server_.app->respond(raw, outcome);
    const auto id = request_id(request["X-Request-Id"]);
    const bool keep_alive = request.keep_alive() && !closing_ &&
                            !server_.runtime->stopping.load(std::memory_order_relaxed);
    send(std::move(response), request.version(), keep_alive, outcome, raw.method, raw.target, id);
  }

  // A request that cannot be read any further: answer and close.
  void fail(int status, const std::string& detail) {
    detail::Outcome outcome;
    const auto version = parser_ && parser_->is_header_done() ? parser_->get().version() : 11;
    send(Response::detail(status, detail), version, false, outcome,
         parser_ && parser_->is_header_done() ? parser_->get().method_string() : "-", "-",
         request_id({}));
  }

  void send(Response response, unsigned version, bool keep_alive, const detail::Outcome& outcome,
            std::string_view method, std::string_view target, const std::string& id) {
    auto message = std::make_shared<http::response<http::string_body>>();
    message->version(version);
    message->result(static_cast<unsigned>(response.status));
    message->set(http::field::date, http_date());
    message->set(http::field::server, "oaskit");
    if (!response.content_type.empty() && response.status != 204 && response.status != 304) {
      message->set(http::field::content_type, response.content_type);
    }
    for (auto& [name, value] : response.headers) message->insert(name, value);
    message->set("X-Request-Id", id);
    message->keep_alive(keep_alive);
    message->body() = std::move(response.body);
    message->prepare_payload();
    if (outcome.head) message->body().clear();  // Content-Length stays that of the GET answer

    const auto elapsed =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started_)
            .count();
    std::string route = outcome.route;
    if (route == "-" && target != "-") route = loggable(target.substr(0, target.find('?')));
    char duration[32];
    std::snprintf(duration, sizeof duration, "%.3fms", elapsed);
    std::string line = log_time() + " " + loggable(method) + " " + route + " " +
                       std::to_string(response.status) + " " + duration + " " + client_ + " " + id;
    if (!outcome.error.empty()) line += " handler error: " + loggable(outcome.error);
    server_.log(line);

    beast::get_lowest_layer(stream_).expires_after(limits().write_timeout);
    http::async_write(
        stream_, *message,
        [self = this->shared_from_this(), message, keep_alive](beast::error_code ec, std::size_t) {
          if (ec || !keep_alive) return self->close();
          self->parser_.reset();
          self->wait_for_request();
        });
  }

  void close() {
    if (closed_) return;
    closed_ = true;
    beast::error_code ignored;
    auto& socket = beast::get_lowest_layer(stream_).socket();
    socket.shutdown(tcp::socket::shutdown_send, ignored);
    socket.close(ignored);
  }

  Server::State& server_;
  Stream stream_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  std::string address_;  // the client's IP address
  std::string client_;   // address:port, for the log
  std::chrono::steady_clock::time_point started_{};
  bool idle_ = false;
  bool closing_ = false;
  bool closed_ = false;
};

}  // namespace

Server::Server(const OpenAPI& document, ServerOptions options) : state_(std::make_unique<State>()) {
  state_->options = std::move(options);
  state_->model = std::make_unique<OpenAPI>(document);
  state_->document = boost::json::parse(to_json(document));
  state_->document_name = "(document)";
}

Server::Server(const Document& document, ServerOptions options)
    : state_(std::make_unique<State>()) {
  state_->options = std::move(options);
  state_->document_name = document.root().name();
  auto bundled = bundle(document);
  if (!bundled) {
    state_->load_errors = bundled.errors();
    state_->model = std::make_unique<OpenAPI>();
    return;
  }
  state_->document = std::move(*bundled);
  auto model = parse<OpenAPI>(boost::json::serialize(state_->document));
  if (!model) {
    for (const auto& error : model.errors()) {
      state_->load_errors.push_back(Diagnostic{.severity = Severity::error,
                                               .rule = error.type,
                                               .message = error.msg,
                                               .file = state_->document_name,
                                               .loc = error.loc,
                                               .position = std::nullopt});
    }
    state_->model = std::make_unique<OpenAPI>();
    return;
  }
  state_->model = std::make_unique<OpenAPI>(std::move(*model));
}

Server::~Server() {
  try {
    stop();
  } catch (...) {  // a destructor cannot report; stop() throws only if a mutex cannot lock
  }
}

Server& Server::handle(std::string operation_id, Handler handler) {
  state_->handlers.insert_or_assign(std::move(operation_id), std::move(handler));
  return *this;
}

Server& Server::authenticator(std::shared_ptr<const security::Authenticator> authenticator) {
  state_->authenticator = std::move(authenticator);
  return *this;
}

const Diagnostics& Server::warnings() const { return state_->warnings; }

Server& Server::route(std::string path, RouteHandler handler) {
  state_->routes.insert_or_assign(std::move(path), std::move(handler));
  return *this;
}

Server& Server::on_endpoint(EndpointHook hook) {
  state_->endpoint_hooks.push_back(std::move(hook));
  return *this;
}

namespace {

std::string endpoint_url(bool tls, const std::string& host, bool v6, std::uint16_t port) {
  return std::string(tls ? "https" : "http") + "://" + (v6 ? "[" + host + "]" : host) + ":" +
         std::to_string(port) + "/";
}

}  // namespace

Result<bool, Diagnostics> Server::State::prepare(const Endpoint& endpoint) {
  if (app && prepared_url == endpoint.url) return true;
  if (!load_errors.empty()) return load_errors;
  app.reset();
  served_document = document;
  for (const auto& hook : endpoint_hooks) hook(endpoint, served_document);
  prepared_url = endpoint.url;
  warnings.clear();
  auto built = detail::Application::build(detail::Inputs{.model = model.get(),
                                                         .document = &served_document,
                                                         .document_name = document_name,
                                                         .handlers = handlers,
                                                         .routes = routes,
                                                         .authenticator = authenticator,
                                                         .options = &options},
                                          warnings);
  if (!built) return built.errors();
  app = std::move(*built);
  return true;
}

Result<bool, Diagnostics> Server::prepare() {
  // A running server's routes are in use by its threads: they stay as start() made them.
  if (state_->runtime) return true;
  const auto& options = state_->options;
  const bool v6 = options.host.find(':') != std::string::npos;
  return state_->prepare(
      Endpoint{.host = options.host,
               .port = options.port,
               .url = endpoint_url(options.tls.has_value(), options.host, v6, options.port)});
}

Response Server::respond(const RawRequest& request) const {
  if (!state_->app) throw std::logic_error("oaskit::server::Server::respond before prepare()");
  detail::Outcome outcome;
  auto response = state_->app->respond(request, outcome);
  if (outcome.head) response.body.clear();
  return response;
}

namespace {

Diagnostic start_error(std::string rule, std::string message) {
  return Diagnostic{.severity = Severity::error,
                    .rule = std::move(rule),
                    .message = std::move(message),
                    .file = {},
                    .loc = {},
                    .position = std::nullopt};
}

}  // namespace

Result<Endpoint, Diagnostics> Server::start() {
  if (state_->runtime) return Diagnostics{start_error("server-started", "the server is running")};
  if (!state_->load_errors.empty()) return state_->load_errors;
  auto& options = state_->options;
  auto runtime = std::make_unique<State::Runtime>();
  if (options.tls) {
    try {
      runtime->tls.emplace(asio::ssl::context::tls_server);
      runtime->tls->set_options(asio::ssl::context::default_workarounds |
                                asio::ssl::context::no_sslv2 | asio::ssl::context::no_sslv3 |
                                asio::ssl::context::no_tlsv1 | asio::ssl::context::no_tlsv1_1);
      runtime->tls->use_certificate_chain_file(options.tls->certificate_chain_file);
      runtime->tls->use_private_key_file(options.tls->private_key_file, asio::ssl::context::pem);
    } catch (const std::exception& e) {
      return Diagnostics{
          start_error("server-tls", "the TLS certificate or key could not be used (" +
                                        options.tls->certificate_chain_file + ", " +
                                        options.tls->private_key_file + "): " + e.what())};
    }
  }
  const unsigned threads =
      options.threads != 0 ? options.threads : std::max(1U, std::thread::hardware_concurrency());
  for (unsigned i = 0; i < threads; ++i) runtime->workers.push_back(std::make_unique<Worker>());
  auto& acceptor = runtime->acceptor.emplace(runtime->workers.front()->context);
  beast::error_code ec;
  tcp::endpoint endpoint;
  {
    asio::io_context lookup;
    tcp::resolver resolver(lookup);
    auto found = resolver.resolve(options.host, std::to_string(options.port),
                                  tcp::resolver::passive | tcp::resolver::numeric_service, ec);
    if (ec || found.empty()) {
      return Diagnostics{start_error(
          "server-listen", "cannot resolve the host '" + options.host + "': " + ec.message())};
    }
    endpoint = found.begin()->endpoint();
  }
  acceptor.open(endpoint.protocol(), ec);
  if (!ec) acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) acceptor.bind(endpoint, ec);
  if (!ec) acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    return Diagnostics{start_error("server-listen", "cannot listen on " + options.host + ":" +
                                                        std::to_string(options.port) + ": " +
                                                        ec.message())};
  }
  const auto port = acceptor.local_endpoint().port();
  const bool v6 = endpoint.address().is_v6();
  Endpoint listening{.host = options.host,
                     .port = port,
                     .url = endpoint_url(options.tls.has_value(), options.host, v6, port)};
  // The routes are prepared once the URL is known (the hooks may need it), again when prepare()
  // was given another (port 0); nothing is accepted before.
  auto prepared = state_->prepare(listening);
  if (!prepared) return prepared.errors();
  auto* state = state_.get();
  auto* rt = runtime.get();
  state_->runtime = std::move(runtime);

  // The accept loop, on the first worker.
  auto accept = std::make_shared<std::function<void()>>();
  *accept = [state, rt, accept_weak = std::weak_ptr(accept)] {
    if (rt->stopping) return;
    auto& worker = *rt->workers[rt->next++ % rt->workers.size()];
    rt->acceptor->async_accept(worker.context, [state, rt, &worker, accept_weak](
                                                   beast::error_code error, tcp::socket socket) {
      auto again = accept_weak.lock();
      if (error == asio::error::operation_aborted || rt->stopping || !again) return;
      if (!error) {
        asio::post(worker.context, [state, rt, &worker, socket = std::move(socket)]() mutable {
          if (rt->stopping) return;
          beast::error_code ignored;
          const auto remote = socket.remote_endpoint(ignored);
          socket.set_option(tcp::no_delay(true), ignored);
          std::shared_ptr<SessionBase> session;
          if (rt->tls) {
            auto s = std::make_shared<Session<beast::ssl_stream<beast::tcp_stream>>>(
                *state, std::move(socket), *rt->tls);
            s->start(remote);
            session = s;
          } else {
            auto s = std::make_shared<Session<beast::tcp_stream>>(*state, std::move(socket));
            s->start(remote);
            session = s;
          }
          // Forget sessions that have ended, then remember this one.
          worker.sessions.remove_if([](const auto& weak) { return weak.expired(); });
          worker.sessions.push_back(session);
        });
        (*again)();
      } else {
        // Out of descriptors or similar: try again shortly rather than spin.
        auto timer = std::make_shared<asio::steady_timer>(rt->workers.front()->context,
                                                          std::chrono::milliseconds(50));
        timer->async_wait([timer, again](beast::error_code) { (*again)(); });
      }
    });
  };
  rt->running = rt->workers.size();
  for (auto& worker : rt->workers) {
    worker->thread = std::thread([rt, w = worker.get(), accept] {
      w->context.run();
      std::lock_guard lock(rt->mutex);
      --rt->running;
      rt->changed.notify_all();
    });
  }
  asio::post(rt->workers.front()->context, [accept] { (*accept)(); });
  return listening;
}

void Server::stop() {
  auto* rt = state_ ? state_->runtime.get() : nullptr;
  if (rt == nullptr) return;
  {
    std::lock_guard lock(rt->mutex);
    if (rt->stopped) return;
    rt->stopped = true;
  }
  rt->stopping = true;
  asio::post(rt->workers.front()->context, [rt] {
    beast::error_code ignored;
    rt->acceptor->close(ignored);
  });
  for (auto& worker : rt->workers) {
    asio::post(worker->context, [w = worker.get()] {
      for (auto& weak : w->sessions)
        if (auto session = weak.lock()) session->server_stopping();
      w->guard.reset();  // run() returns once every session has finished
    });
  }
  std::unique_lock lock(rt->mutex);
  const bool finished = rt->changed.wait_for(lock, state_->options.limits.shutdown_timeout,
                                             [rt] { return rt->running == 0; });
  lock.unlock();
  if (!finished) {
    for (auto& worker : rt->workers) {
      asio::post(worker->context, [w = worker.get()] {
        for (auto& weak : w->sessions)
          if (auto session = weak.lock()) session->force_close();
      });
    }
    lock.lock();
    if (!rt->changed.wait_for(lock, std::chrono::milliseconds(500),
                              [rt] { return rt->running == 0; })) {
      for (auto& worker : rt->workers) worker->context.stop();
    }
    lock.unlock();
  }
  for (auto& worker : rt->workers)
    if (worker->thread.joinable()) worker->thread.join();
}

void Server::wait() {
  auto* rt = state_->runtime.get();
  if (rt == nullptr) return;
  std::unique_lock lock(rt->mutex);
  rt->changed.wait(lock, [rt] { return rt->running == 0; });
}

namespace {
void mask_stop_signals(int how) {
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(how, &stop_signals, nullptr);
}
}  // namespace

void Server::hold_stop_signals() { mask_stop_signals(SIG_BLOCK); }

void Server::run_until_signal() {
  auto* rt = state_->runtime.get();
  if (rt == nullptr) return;
  asio::io_context signals_context;
  asio::signal_set signals(signals_context, SIGINT, SIGTERM);
  bool signalled = false;
  signals.async_wait([&](beast::error_code ec, int) { signalled = !ec; });
  // Handled now: a signal held since hold_stop_signals() may come in.
  mask_stop_signals(SIG_UNBLOCK);
  for (;;) {
    signals_context.run_for(std::chrono::milliseconds(100));
    if (signalled) break;
    std::lock_guard lock(rt->mutex);
    if (rt->stopped || rt->running == 0) break;
  }
  stop();
}

}  // namespace oaskit::server
