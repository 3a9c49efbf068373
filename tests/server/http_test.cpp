// The server on loopback: keep-alive, limits (431, 413), 100-continue, timeouts against a
// slowloris client, graceful shutdown with a request in flight, the access log holding no
// secrets, X-Request-Id, and TLS with a test CA.

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <gtest/gtest.h>
#include <atomic>
#include <chrono>
#include <future>
#include <mutex>
#include <thread>

#include "http/client.hpp"
#include "server/server_test_support.hpp"
#include "support/temp_tree.hpp"

namespace oaskit::test {
namespace {

using namespace std::chrono_literals;
using server::Request;
using server::Response;

const char* const http_document = R"(
openapi: 3.1.0
info: {title: HTTP, version: "1"}
components:
  securitySchemes:
    bearer: {type: http, scheme: bearer}
    queryKey: {type: apiKey, in: query, name: api_key}
    cookieKey: {type: apiKey, in: cookie, name: sid}
paths:
  /health: {get: {operationId: health, responses: {"200": {description: ok}}}}
  /slow: {get: {operationId: slow, responses: {"200": {description: ok}}}}
  /big: {get: {operationId: big, responses: {"200": {description: ok}}}}
  /echo:
    post:
      operationId: echo
      requestBody: {content: {application/json: {}}}
      responses: {"200": {description: ok}}
  /secret:
    get:
      operationId: secret
      security: [{bearer: []}, {queryKey: []}, {cookieKey: []}]
      parameters: [{name: q, in: query, schema: {type: string}}]
      responses: {"200": {description: ok}}
)";

// A plain TCP connection to 127.0.0.1 with blocking writes and polled reads.
class Connection {
 public:
  /// `receive_buffer`: SO_RCVBUF for the socket, when not 0 (a client slow to read).
  explicit Connection(std::uint16_t port, int receive_buffer = 0)
      : fd_(::socket(AF_INET, SOCK_STREAM, 0)) {
    if (receive_buffer != 0) {
      ::setsockopt(fd_, SOL_SOCKET, SO_RCVBUF, &receive_buffer, sizeof receive_buffer);
    }
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(port);
    connected_ = ::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
  }
  ~Connection() { ::close(fd_); }
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  [[nodiscard]] bool connected() const { return connected_; }
  bool send(std::string_view bytes) const {
    return ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL) ==
           static_cast<ssize_t>(bytes.size());
  }
  /// One response (headers, and a body of Content-Length bytes), or what came before the
  /// connection closed or `timeout` passed.
  std::string response(std::chrono::milliseconds timeout = 5000ms, bool head = false) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
      const auto end = pending_.find("\r\n\r\n");
      if (end != std::string::npos) {
        std::size_t length = 0;
        const auto at = pending_.find("Content-Length: ");
        if (at != std::string::npos && at < end && !head)
          length = std::stoul(pending_.substr(at + 16));
        if (pending_.size() >= end + 4 + length) {
          auto one = pending_.substr(0, end + 4 + length);
          pending_.erase(0, end + 4 + length);
          return one;
        }
      }
      if (!read_some(deadline)) return std::exchange(pending_, {});
    }
  }
  /// Bytes received and not yet taken by response().
  [[nodiscard]] std::size_t buffered() const { return pending_.size(); }
  /// True when the server closed the connection before `timeout`.
  bool closed_within(std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (read_some(deadline)) {
    }
    return eof_;
  }

 private:
  bool read_some(std::chrono::steady_clock::time_point deadline) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return false;
    pollfd p{.fd = fd_, .events = POLLIN, .revents = 0};
    if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) return false;
    char buffer[65536];
    const auto n = ::recv(fd_, buffer, sizeof buffer, 0);
    if (n <= 0) {
      eof_ = true;
      return false;
    }
    pending_.append(buffer, static_cast<std::size_t>(n));
    return true;
  }

  int fd_;
  bool connected_ = false;
  bool eof_ = false;
  std::string pending_;
};

std::string get(std::string_view path, std::string_view extra = {}) {
  return "GET " + std::string(path) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + std::string(extra) +
         "\r\n";
}

// The size of /big's answer: more than any socket buffers hold.
constexpr std::size_t kBig = std::size_t{16} << 20;

class Http : public ::testing::Test {
 protected:
  void start(server::ServerOptions options = {}) {
    options.port = 0;
    options.threads = 2;
    if (!options.access_log) {
      options.access_log = [this](std::string_view line) {
        std::lock_guard lock(log_mutex_);
        log_.emplace_back(line);
      };
    }
    document_ = document_from(http_document);
    server_ = std::make_unique<server::Server>(*document_, std::move(options));
    server_->handle("health", [](const Request&) { return Response::json({{"ok", true}}); });
    server_->handle("slow", [](const Request&) {
      std::this_thread::sleep_for(400ms);
      return Response::json("done");
    });
    server_->handle("echo", [](const Request& req) { return Response::json(req.json()); });
    server_->handle("big",
                    [](const Request&) { return Response::json(boost::json::string(kBig, 'x')); });
    server_->handle("secret", [](const Request&) { return Response::json("in"); });
    auto auth = std::make_shared<security::Authenticator>();
    auto accept = [](const security::Credential& c) -> security::VerifyResult {
      if (c.value.find("good") == std::string::npos) {
        return security::TokenError{
            .check = security::TokenCheck::rejected, .message = "no", .internal = {}};
      }
      return security::Identity{.subject = "x",
                                .client_id = {},
                                .scopes = {},
                                .header = {},
                                .claims = {},
                                .expires_at = {}};
    };
    for (const auto* name : {"bearer", "queryKey", "cookieKey"}) {
      auth->add(security::scheme_from_model(name, *document_->security_scheme(name)), accept);
    }
    server_->authenticator(auth);
    auto started = server_->start();
    ASSERT_TRUE(started) << to_string(started.errors().front());
    endpoint_ = *started;
  }

  std::vector<std::string> log() {
    std::lock_guard lock(log_mutex_);
    return log_;
  }

  std::unique_ptr<Document> document_;
  std::unique_ptr<server::Server> server_;
  server::Endpoint endpoint_;
  std::mutex log_mutex_;
  std::vector<std::string> log_;
};

TEST_F(Http, StartPrintsItsUrl_AndAnswersOverAKeptAliveConnection) {
  start();
  EXPECT_EQ(endpoint_.url, "http://127.0.0.1:" + std::to_string(endpoint_.port) + "/");
  Connection c(endpoint_.port);
  ASSERT_TRUE(c.connected());
  for (int i = 0; i < 3; ++i) {
    ASSERT_TRUE(c.send(get("/health")));
    const auto response = c.response();
    EXPECT_TRUE(response.starts_with("HTTP/1.1 200 OK\r\n")) << response;
    EXPECT_NE(response.find("{\"ok\":true}"), std::string::npos);
  }
  ASSERT_TRUE(c.send(get("/health", "Connection: close\r\n")));
  EXPECT_NE(c.response().find("Connection: close"), std::string::npos);
  EXPECT_TRUE(c.closed_within(2s));
}

TEST_F(Http, PipelinedRequests_AreAnsweredInOrder) {
  start();
  Connection c(endpoint_.port);
  ASSERT_TRUE(c.send(get("/health") + get("/nope") + get("/health")));
  EXPECT_TRUE(c.response().starts_with("HTTP/1.1 200"));
  EXPECT_TRUE(c.response().starts_with("HTTP/1.1 404"));
  EXPECT_TRUE(c.response().starts_with("HTTP/1.1 200"));
}

TEST_F(Http, HeadOverTheWire_KeepsTheContentLengthOfGet) {
  start();
  Connection c(endpoint_.port);
  ASSERT_TRUE(c.send("HEAD /health HTTP/1.1\r\nHost: x\r\n\r\n"));
  const auto response = c.response(5000ms, /*head=*/true);
  EXPECT_TRUE(response.starts_with("HTTP/1.1 200")) << response;
  EXPECT_NE(response.find("Content-Length: 11\r\n"), std::string::npos) << response;
  ASSERT_TRUE(c.send(get("/health")));  // no stray body bytes came before this answer
  EXPECT_TRUE(c.response().starts_with("HTTP/1.1 200"));
}

TEST_F(Http, HeadersOverTheLimit_Are431) {
  server::ServerOptions options;
  options.limits.max_header_bytes = 4096;
  start(options);
  Connection c(endpoint_.port);
  ASSERT_TRUE(c.send(get("/health", "X-Big: " + std::string(8000, 'a') + "\r\n")));
  const auto response = c.response();
  EXPECT_TRUE(response.starts_with("HTTP/1.1 431")) << response;
  EXPECT_TRUE(c.closed_within(2s));
}

TEST_F(Http, ADeclaredBodyOverTheLimit_Is413BeforeItIsSent) {
  server::ServerOptions options;
  options.limits.max_body_bytes = 100;
  start(options);
  Connection c(endpoint_.port);
  ASSERT_TRUE(
      c.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
             "Content-Length: 5000\r\n\r\n"));
  EXPECT_TRUE(c.response().starts_with("HTTP/1.1 413"));
}

TEST_F(Http, AChunkedBodyOverTheLimit_Is413) {
  server::ServerOptions options;
  options.limits.max_body_bytes = 100;
  start(options);
  Connection c(endpoint_.port);
  ASSERT_TRUE(
      c.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
             "Transfer-Encoding: chunked\r\n\r\n200\r\n" +
             std::string(512, ' ') + "\r\n0\r\n\r\n"));
  EXPECT_TRUE(c.response().starts_with("HTTP/1.1 413"));
}

TEST_F(Http, Expect100Continue_IsAnsweredBeforeTheBody) {
  start();
  Connection c(endpoint_.port);
  ASSERT_TRUE(
      c.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
             "Content-Length: 7\r\nExpect: 100-continue\r\n\r\n"));
  EXPECT_TRUE(c.response().starts_with("HTTP/1.1 100 Continue"));
  ASSERT_TRUE(c.send("[1,2,3]"));
  const auto response = c.response();
  EXPECT_TRUE(response.starts_with("HTTP/1.1 200")) << response;
  EXPECT_TRUE(response.ends_with("[1,2,3]")) << response;
}

TEST_F(Http, MalformedHttp_Is400AndCloses) {
  start();
  Connection c(endpoint_.port);
  ASSERT_TRUE(c.send("GET /health HTTP/1.1\r\nBad Header\r\n\r\n"));
  EXPECT_TRUE(c.response().starts_with("HTTP/1.1 400"));
  EXPECT_TRUE(c.closed_within(2s));
}

TEST_F(Http, SlowClients_DoNotDelayOthers_AndAreCutOffAtTheHeaderTimeout) {
  server::ServerOptions options;
  options.limits.header_timeout = 1500ms;
  start(options);
  std::vector<std::unique_ptr<Connection>> slow;
  for (int i = 0; i < 200; ++i) {
    slow.push_back(std::make_unique<Connection>(endpoint_.port));
    ASSERT_TRUE(slow.back()->connected());
    ASSERT_TRUE(slow.back()->send("G"));
  }
  // A byte every half second from each: never a whole request.
  for (int round = 0; round < 2; ++round) {
    std::this_thread::sleep_for(500ms);
    for (auto& c : slow) c->send("E");
    Connection normal(endpoint_.port);
    ASSERT_TRUE(normal.send(get("/health")));
    const auto started = std::chrono::steady_clock::now();
    EXPECT_TRUE(normal.response(1000ms).starts_with("HTTP/1.1 200"));
    EXPECT_LT(std::chrono::steady_clock::now() - started, 1000ms);
  }
  // Past the header timeout every slow connection has been closed.
  std::size_t closed = 0;
  for (auto& c : slow) closed += c->closed_within(3000ms) ? 1 : 0;
  EXPECT_EQ(closed, slow.size());
}

TEST_F(Http, ABodyThatStopsComing_IsCutOffAtTheBodyTimeout) {
  server::ServerOptions options;
  options.limits.body_timeout = 300ms;  // the header timeout stays 10 s
  start(options);
  Connection c(endpoint_.port);
  ASSERT_TRUE(
      c.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
             "Content-Length: 7\r\n\r\n[1,"));
  EXPECT_FALSE(c.closed_within(100ms));  // still waiting for the rest
  EXPECT_TRUE(c.closed_within(3000ms));
}

TEST_F(Http, AResponseTheClientDoesNotRead_IsCutOffAtTheWriteTimeout) {
  server::ServerOptions options;
  options.limits.write_timeout = 300ms;
  start(options);
  Connection reader_that_stalls(endpoint_.port, 4096);
  ASSERT_TRUE(reader_that_stalls.send(get("/big")));
  std::this_thread::sleep_for(1500ms);  // not reading: the server's write stops progressing
  // What the socket buffers held arrives, then the end: far less than the 16 MiB answer.
  EXPECT_TRUE(reader_that_stalls.closed_within(5000ms));
  EXPECT_LT(reader_that_stalls.buffered(), kBig);
  Connection other(endpoint_.port);
  ASSERT_TRUE(other.send(get("/health")));
  EXPECT_TRUE(other.response().starts_with("HTTP/1.1 200"));
}

TEST_F(Http, AnIdleKeptAliveConnection_IsClosedAfterTheIdleTimeout) {
  server::ServerOptions options;
  options.limits.idle_timeout = 300ms;
  start(options);
  Connection c(endpoint_.port);
  ASSERT_TRUE(c.send(get("/health")));
  EXPECT_TRUE(c.response().starts_with("HTTP/1.1 200"));
  EXPECT_TRUE(c.closed_within(3000ms));
}

TEST_F(Http, Stop_FinishesTheRequestInFlight_ClosesIdleConnections_AndAcceptsNoMore) {
  start();
  Connection idle(endpoint_.port);
  ASSERT_TRUE(idle.send(get("/health")));
  ASSERT_TRUE(idle.response().starts_with("HTTP/1.1 200"));
  Connection busy(endpoint_.port);
  ASSERT_TRUE(busy.send(get("/slow")));
  std::this_thread::sleep_for(100ms);  // the handler is sleeping now
  const auto stopping = std::chrono::steady_clock::now();
  server_->stop();
  EXPECT_LT(std::chrono::steady_clock::now() - stopping, 5s);
  const auto response = busy.response(2000ms);
  EXPECT_TRUE(response.starts_with("HTTP/1.1 200")) << response;
  EXPECT_NE(response.find("Connection: close"), std::string::npos);
  EXPECT_TRUE(idle.closed_within(1000ms));
  Connection late(endpoint_.port);
  EXPECT_FALSE(late.connected() && late.send(get("/health")) &&
               late.response(500ms).starts_with("HTTP/1.1"));
}

TEST_F(Http, TheAccessLog_HasOneLinePerRequest_AndNoSecrets) {
  start();
  Connection c(endpoint_.port);
  ASSERT_TRUE(c.send(get("/secret?api_key=good-query-key&q=private-words")));
  EXPECT_TRUE(c.response().starts_with("HTTP/1.1 200"));
  ASSERT_TRUE(c.send(get("/secret", "Authorization: Bearer good-bearer-token\r\n")));
  EXPECT_TRUE(c.response().starts_with("HTTP/1.1 200"));
  ASSERT_TRUE(c.send(get("/secret", "Cookie: sid=good-cookie-value\r\n")));
  EXPECT_TRUE(c.response().starts_with("HTTP/1.1 200"));
  ASSERT_TRUE(c.send(get("/unknown/path?api_key=good-leaked")));
  EXPECT_TRUE(c.response().starts_with("HTTP/1.1 404"));
  const auto lines = log();
  ASSERT_EQ(lines.size(), 4U);
  for (const auto& line : lines) {
    for (const auto* secret : {"good", "private-words", "api_key", "Bearer", "sid=", "?"}) {
      EXPECT_EQ(line.find(secret), std::string::npos) << line;
    }
  }
  EXPECT_NE(lines[0].find(" GET /secret 200 "), std::string::npos) << lines[0];
  EXPECT_NE(lines[0].find(" 127.0.0.1:"), std::string::npos) << lines[0];
  EXPECT_NE(lines[3].find(" GET /unknown/path 404 "), std::string::npos) << lines[3];
}

TEST_F(Http, XRequestId_IsEchoedWhenPlain_AndMadeOtherwise) {
  start();
  Connection c(endpoint_.port);
  ASSERT_TRUE(c.send(get("/health", "X-Request-Id: abc-123\r\n")));
  EXPECT_NE(c.response().find("X-Request-Id: abc-123\r\n"), std::string::npos);
  ASSERT_TRUE(c.send(get("/health", "X-Request-Id: <script>\r\n")));
  const auto response = c.response();
  const auto at = response.find("X-Request-Id: ");
  ASSERT_NE(at, std::string::npos);
  EXPECT_EQ(response.substr(at + 14, response.find("\r\n", at) - at - 14).size(), 32U);
  EXPECT_TRUE(log().front().ends_with(" abc-123")) << log().front();
}

bool run_quietly(const std::filesystem::path& folder, const std::string& command) {
  const std::string full = "cd '" + folder.string() + "' && " + command + " >/dev/null 2>&1";
  return std::system(full.c_str()) == 0;  // NOLINT(cert-env33-c): fixed test commands
}

TEST_F(Http, Tls_ServesHttpsWithTheConfiguredCertificate) {
  TempTree folder;
  const auto& dir = folder.root();
  const std::string ec_key = "-newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes";
  ASSERT_TRUE(run_quietly(dir, "openssl req -x509 " + ec_key +
                                   " -keyout ca.key -out ca.pem -days 2 -subj /CN=oaskit-test-ca"));
  ASSERT_TRUE(run_quietly(
      dir, "openssl req " + ec_key + " -keyout server.key -out server.csr -subj /CN=127.0.0.1"));
  folder.write("san.ext", "subjectAltName=IP:127.0.0.1\n");
  ASSERT_TRUE(run_quietly(dir,
                          "openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key "
                          "-CAcreateserial -out server.pem -days 2 -extfile san.ext"));
  server::ServerOptions options;
  options.tls = server::TlsOptions{.certificate_chain_file = (dir / "server.pem").string(),
                                   .private_key_file = (dir / "server.key").string()};
  start(options);
  EXPECT_TRUE(endpoint_.url.starts_with("https://127.0.0.1:"));
  HttpOptions http;
  http.ca_file = (dir / "ca.pem").string();
  auto response = oaskit::detail::send({.url = endpoint_.url + "health"}, http);
  ASSERT_TRUE(response) << response.errors().message;
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(response->body, R"({"ok":true})");
}

TEST(HttpStart, AKeyThatDoesNotExist_IsAnErrorAtStart) {
  auto document = document_from(http_document);
  server::ServerOptions options{.port = 0};
  options.tls = server::TlsOptions{.certificate_chain_file = "/nonexistent/cert.pem",
                                   .private_key_file = "/nonexistent/key.pem"};
  server::Server server(*document, options);
  auto started = server.start();
  ASSERT_FALSE(started);
  EXPECT_EQ(started.errors().front().rule, "server-tls");
}

TEST(HttpStart, APortInUse_IsAnErrorAtStart) {
  auto document = document_from(http_document);
  server::Server first(*document, {.port = 0, .access_log = [](std::string_view) {}});
  auto started = first.start();
  ASSERT_TRUE(started);
  server::Server second(*document, {.port = started->port});
  auto refused = second.start();
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.errors().front().rule, "server-listen");
}

}  // namespace
}  // namespace oaskit::test
