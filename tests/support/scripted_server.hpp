#pragma once
// A small HTTP/1.1 server on 127.0.0.1 for tests of outbound HTTP: every request is read in
// full (headers, and a body by Content-Length), recorded, and answered by a handler; one
// connection at a time, closed after each answer. Runs on its own thread until destroyed.
// AnsweringServer answers each request with the response a test last set.

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

namespace oaskit::test {

using HeaderList = std::vector<std::pair<std::string, std::string>>;

inline bool same_header_name(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) ==
           std::tolower(static_cast<unsigned char>(y));
  });
}

inline std::optional<std::string> find_header(const HeaderList& headers, std::string_view name) {
  for (const auto& [key, value] : headers) {
    if (same_header_name(key, name)) return value;
  }
  return std::nullopt;
}

struct ServerRequest {
  std::string method;
  std::string target;  ///< "/path?query" as sent
  HeaderList headers;
  std::string body;
  [[nodiscard]] std::optional<std::string> header(std::string_view name) const {
    return find_header(headers, name);
  }
};

struct ServerResponse {
  int status = 200;
  HeaderList headers{};
  std::string body{};
  bool silent = false;  ///< never answer; hold the connection until the client gives up
};

/// A response with a JSON body (`Content-Type: application/json`).
inline ServerResponse json_answer(std::string body, int status = 200) {
  return {.status = status,
          .headers = {{"Content-Type", "application/json"}},
          .body = std::move(body),
          .silent = false};
}

/// A listening socket on 127.0.0.1 at a port the kernel chose; closed when destroyed.
class LoopbackListener {
 public:
  LoopbackListener() : fd_(::socket(AF_INET, SOCK_STREAM, 0)) {
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    ::bind(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address);
    ::listen(fd_, 64);
    socklen_t length = sizeof address;
    ::getsockname(fd_, reinterpret_cast<sockaddr*>(&address), &length);
    port_ = ntohs(address.sin_port);
  }
  ~LoopbackListener() { ::close(fd_); }
  LoopbackListener(const LoopbackListener&) = delete;
  LoopbackListener& operator=(const LoopbackListener&) = delete;

  /// `http://127.0.0.1:<port>`
  [[nodiscard]] std::string origin() const { return "http://127.0.0.1:" + std::to_string(port_); }
  /// A connection that arrived within `timeout_ms`, or -1.
  [[nodiscard]] int accept_within(int timeout_ms) const {
    pollfd ready{fd_, POLLIN, 0};
    if (::poll(&ready, 1, timeout_ms) <= 0) return -1;
    return ::accept(fd_, nullptr, nullptr);
  }

 private:
  int fd_;
  unsigned short port_ = 0;
};

/// Waits until the peer closes `client` or `stop` is set, discarding what it sends.
inline void wait_for_close(int client, const std::atomic<bool>& stop) {
  char chunk[256];
  while (!stop) {
    pollfd ready{client, POLLIN, 0};
    if (::poll(&ready, 1, 20) > 0 && ::recv(client, chunk, sizeof chunk, 0) <= 0) return;
  }
}

class ScriptedServer {
 public:
  using Handler = std::function<ServerResponse(const ServerRequest&)>;

  explicit ScriptedServer(Handler handler) : handler_(std::move(handler)) {
    thread_ = std::thread([this] { serve(); });
  }
  ~ScriptedServer() {
    stop_ = true;
    thread_.join();
  }
  ScriptedServer(const ScriptedServer&) = delete;
  ScriptedServer& operator=(const ScriptedServer&) = delete;

  /// `http://127.0.0.1:<port><path>`
  [[nodiscard]] std::string url(const std::string& path) const { return origin() + path; }
  /// `http://127.0.0.1:<port>`
  [[nodiscard]] std::string origin() const { return listener_.origin(); }
  /// Requests read so far (silent ones included).
  [[nodiscard]] std::size_t request_count() const {
    const std::lock_guard lock(mutex_);
    return requests_.size();
  }
  [[nodiscard]] std::vector<ServerRequest> requests() const {
    const std::lock_guard lock(mutex_);
    return requests_;
  }

 private:
  void serve() {
    while (!stop_) {
      const int client = listener_.accept_within(20);
      if (client < 0) continue;
      if (auto request = read_request(client)) {
        {
          const std::lock_guard lock(mutex_);
          requests_.push_back(*request);
        }
        const ServerResponse response = handler_(*request);
        if (response.silent) {
          wait_for_close(client, stop_);
        } else {
          write_all(client, serialize(response));
        }
      }
      ::close(client);
    }
  }

  // Reads with a poll timeout so a client that stops sending cannot wedge the server.
  bool read_more(int client, std::string& buffer) const {
    pollfd ready{client, POLLIN, 0};
    if (::poll(&ready, 1, 2000) <= 0) return false;
    char chunk[8192];
    const auto n = ::recv(client, chunk, sizeof chunk, 0);
    if (n <= 0) return false;
    buffer.append(chunk, static_cast<std::size_t>(n));
    return true;
  }

  std::optional<ServerRequest> read_request(int client) const {
    std::string buffer;
    std::size_t head_end = std::string::npos;
    while ((head_end = buffer.find("\r\n\r\n")) == std::string::npos) {
      if (!read_more(client, buffer)) return std::nullopt;
    }
    ServerRequest request;
    std::string_view head(buffer.data(), head_end);
    const auto first_line_end = head.find("\r\n");
    const std::string_view first_line = head.substr(0, first_line_end);
    const auto space = first_line.find(' ');
    request.method = std::string(first_line.substr(0, space));
    request.target = std::string(first_line.substr(space + 1, first_line.rfind(' ') - space - 1));
    std::string_view rest =
        first_line_end == std::string_view::npos ? "" : head.substr(first_line_end + 2);
    while (!rest.empty()) {
      const auto line_end = rest.find("\r\n");
      const std::string_view line = rest.substr(0, line_end);
      if (const auto colon = line.find(':'); colon != std::string_view::npos) {
        std::string_view value = line.substr(colon + 1);
        while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
        request.headers.emplace_back(std::string(line.substr(0, colon)), std::string(value));
      }
      if (line_end == std::string_view::npos) break;
      rest.remove_prefix(line_end + 2);
    }
    const std::size_t length = std::stoul(request.header("Content-Length").value_or("0"));
    std::string body = buffer.substr(head_end + 4);
    while (body.size() < length) {
      if (!read_more(client, body)) return std::nullopt;
    }
    request.body = std::move(body);
    return request;
  }

  static std::string serialize(const ServerResponse& response) {
    std::string text = "HTTP/1.1 " + std::to_string(response.status) + " X\r\n";
    for (const auto& [name, value] : response.headers) text += name + ": " + value + "\r\n";
    text += "Content-Length: " + std::to_string(response.body.size()) +
            "\r\nConnection: close\r\n\r\n" + response.body;
    return text;
  }

  static void write_all(int client, const std::string& text) {
    std::size_t sent = 0;
    while (sent < text.size()) {
      const auto n = ::send(client, text.data() + sent, text.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) break;
      sent += static_cast<std::size_t>(n);
    }
  }

  Handler handler_;
  LoopbackListener listener_;
  mutable std::mutex mutex_;
  std::vector<ServerRequest> requests_;
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

/// A ScriptedServer whose every request gets the response last given to answer() (or the
/// first one), for tests that script one exchange at a time.
class AnsweringServer {
 public:
  explicit AnsweringServer(ServerResponse first) : next_(std::move(first)) {}

  void answer(ServerResponse next) {
    const std::lock_guard lock(mutex_);
    next_ = std::move(next);
  }
  [[nodiscard]] std::string url(const std::string& path) const { return server_.url(path); }
  [[nodiscard]] std::string origin() const { return server_.origin(); }
  [[nodiscard]] std::size_t request_count() const { return server_.request_count(); }
  [[nodiscard]] std::vector<ServerRequest> requests() const { return server_.requests(); }

 private:
  mutable std::mutex mutex_;
  ServerResponse next_;
  ScriptedServer server_{[this](const ServerRequest&) {
    const std::lock_guard lock(mutex_);
    return next_;
  }};
};

}  // namespace oaskit::test
