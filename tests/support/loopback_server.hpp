#pragma once
// A tiny HTTP/1.1 server on 127.0.0.1 for tests of outbound HTTP: answers every request with
// one canned response, or with nothing (to test timeouts). Runs on its own thread until
// destroyed.

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <string>
#include <thread>

namespace oaskit::test {

class LoopbackServer {
 public:
  /// `body` is served with `status` to every request; with `respond` false the server
  /// accepts connections and never answers.
  explicit LoopbackServer(std::string body, int status = 200, bool respond = true)
      : body_(std::move(body)), status_(status), respond_(respond) {
    listener_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    ::bind(listener_, reinterpret_cast<sockaddr*>(&address), sizeof address);
    ::listen(listener_, 8);
    socklen_t length = sizeof address;
    ::getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &length);
    port_ = ntohs(address.sin_port);
    thread_ = std::thread([this] { serve(); });
  }
  ~LoopbackServer() {
    stop_ = true;
    thread_.join();
    ::close(listener_);
  }
  LoopbackServer(const LoopbackServer&) = delete;
  LoopbackServer& operator=(const LoopbackServer&) = delete;

  /// `http://127.0.0.1:<port><path>`
  [[nodiscard]] std::string url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(port_) + path;
  }

 private:
  void serve() {
    while (!stop_) {
      pollfd ready{listener_, POLLIN, 0};
      if (::poll(&ready, 1, 50) <= 0) continue;
      const int client = ::accept(listener_, nullptr, nullptr);
      if (client < 0) continue;
      if (respond_) {
        char request[4096];
        (void)::recv(client, request, sizeof request, 0);
        const std::string response = "HTTP/1.1 " + std::to_string(status_) +
                                     " X\r\nContent-Length: " + std::to_string(body_.size()) +
                                     "\r\nConnection: close\r\n\r\n" + body_;
        std::size_t sent = 0;
        while (sent < response.size()) {
          const auto n =
              ::send(client, response.data() + sent, response.size() - sent, MSG_NOSIGNAL);
          if (n <= 0) break;
          sent += static_cast<std::size_t>(n);
        }
      } else {
        while (!stop_) ::usleep(20'000);  // hold the connection open, silent
      }
      ::close(client);
    }
  }

  std::string body_;
  int status_;
  bool respond_;
  int listener_ = -1;
  unsigned short port_ = 0;
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

}  // namespace oaskit::test
