// The ceiling of the stack oaskit's server stands on: a bare Boost.Beast HTTP/1.1 server that
// answers every request with the pet store's /health answer ({"status":"ok"}, keep-alive),
// nothing else. bench/server_bench.py puts the server beside it under wrk.
//
//   oaskit_beast_health [--port 0] [--threads N] [--model per-thread|pool]
//
// Two threading models, so the choice the server made is measured on the bare stack:
//   per-thread: one io_context per thread, connections handed out round-robin by one acceptor
//               (what oaskit::server does);
//   pool:       one io_context run by every thread, each connection on its own strand.
// Prints "listening on http://127.0.0.1:PORT/" once it accepts connections.
#include <algorithm>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <list>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

namespace {

class Session : public std::enable_shared_from_this<Session> {
 public:
  explicit Session(tcp::socket socket) : stream_(std::move(socket)) {}
  void read() {
    request_ = {};
    http::async_read(stream_, buffer_, request_,
                     [self = shared_from_this()](beast::error_code ec, std::size_t) {
                       if (ec) return self->close();
                       self->answer();
                     });
  }

 private:
  void answer() {
    response_ = http::response<http::string_body>(http::status::ok, request_.version());
    response_.set(http::field::content_type, "application/json");
    response_.body() = R"({"status":"ok"})";
    response_.keep_alive(request_.keep_alive());
    response_.prepare_payload();
    http::async_write(stream_, response_,
                      [self = shared_from_this()](beast::error_code ec, std::size_t) {
                        if (ec || !self->response_.keep_alive()) return self->close();
                        self->read();
                      });
  }
  void close() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  http::request<http::string_body> request_;
  http::response<http::string_body> response_;
};

}  // namespace

int main(int argc, char** argv) {
  unsigned short port = 0;
  unsigned threads = std::max(1U, std::thread::hardware_concurrency());
  std::string model = "per-thread";
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string name = argv[i];
    if (name == "--port")
      port = static_cast<unsigned short>(std::atoi(argv[i + 1]));
    else if (name == "--threads")
      threads = static_cast<unsigned>(std::atoi(argv[i + 1]));
    else if (name == "--model")
      model = argv[i + 1];
    else
      return std::fprintf(stderr, "unknown option %s\n", argv[i]), 2;
  }
  if (model != "per-thread" && model != "pool") {
    return std::fprintf(stderr, "--model is per-thread or pool\n"), 2;
  }
  const bool pool = model == "pool";
  std::list<asio::io_context> contexts;
  for (unsigned i = 0; i < (pool ? 1 : threads); ++i) contexts.emplace_back(pool ? threads : 1);
  tcp::acceptor acceptor(contexts.front(), {asio::ip::make_address("127.0.0.1"), port});
  std::printf("listening on http://127.0.0.1:%u/\n", acceptor.local_endpoint().port());
  std::fflush(stdout);

  auto next = contexts.begin();
  std::function<void()> accept = [&] {
    auto& context = *next;
    if (++next == contexts.end()) next = contexts.begin();
    const asio::any_io_executor executor = pool ? asio::any_io_executor(asio::make_strand(context))
                                                : asio::any_io_executor(context.get_executor());
    acceptor.async_accept(executor, [&](beast::error_code ec, tcp::socket socket) {
      if (!ec) {
        socket.set_option(tcp::no_delay(true));
        // Start on the connection's own executor (its thread or strand).
        auto own = socket.get_executor();
        asio::dispatch(
            own, [session = std::make_shared<Session>(std::move(socket))] { session->read(); });
      }
      accept();
    });
  };
  accept();
  std::vector<std::thread> running;
  for (unsigned i = 0; i < threads; ++i) {
    auto& context = pool ? contexts.front() : *std::next(contexts.begin(), i);
    running.emplace_back([&context] { context.run(); });
  }
  for (auto& t : running) t.join();
}
