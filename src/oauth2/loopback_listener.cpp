#include "oauth2/loopback_listener.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <system_error>

namespace oaskit::oauth2::detail {
namespace {

using Clock = std::chrono::steady_clock;

// A request head longer than this is not a browser bringing a code back.
constexpr std::size_t max_head = 16'384;
constexpr auto per_client = std::chrono::seconds(5);

int remaining_ms(Clock::time_point deadline) {
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
  return static_cast<int>(std::clamp<std::chrono::milliseconds::rep>(left.count(), 0, 60'000));
}

// The request line and headers, up to the blank line; empty when the client gives up.
std::string read_head(int client, Clock::time_point deadline) {
  std::string head;
  char buffer[2048];
  while (head.find("\r\n\r\n") == std::string::npos && head.size() < max_head) {
    pollfd ready{client, POLLIN, 0};
    if (::poll(&ready, 1, remaining_ms(deadline)) <= 0) return {};
    const auto got = ::recv(client, buffer, sizeof buffer, 0);
    if (got <= 0) return {};
    head.append(buffer, static_cast<std::size_t>(got));
  }
  return head;
}

void send_all(int client, std::string_view bytes) {
  while (!bytes.empty()) {
    const auto sent = ::send(client, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    if (sent <= 0) return;
    bytes.remove_prefix(static_cast<std::size_t>(sent));
  }
}

void answer(int client, std::string_view status, std::string_view page) {
  send_all(client, "HTTP/1.1 " + std::string(status) +
                       "\r\nContent-Type: text/html; charset=utf-8\r\nCache-Control: no-store\r\n"
                       "Content-Length: " +
                       std::to_string(page.size()) + "\r\nConnection: close\r\n\r\n" +
                       std::string(page));
}

}  // namespace

LoopbackListener::LoopbackListener() {
  socket_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (socket_ < 0) throw std::system_error(errno, std::generic_category(), "socket");
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t size = sizeof address;
  if (::bind(socket_, reinterpret_cast<sockaddr*>(&address), size) != 0 ||
      ::listen(socket_, 16) != 0 ||
      ::getsockname(socket_, reinterpret_cast<sockaddr*>(&address), &size) != 0) {
    const int error = errno;
    ::close(socket_);
    throw std::system_error(error, std::generic_category(), "listening on 127.0.0.1");
  }
  port_ = ntohs(address.sin_port);
}

LoopbackListener::~LoopbackListener() { ::close(socket_); }

std::optional<std::string> LoopbackListener::wait_for(std::string_view path,
                                                      Clock::time_point deadline,
                                                      std::string_view page) {
  while (Clock::now() < deadline) {
    pollfd ready{socket_, POLLIN, 0};
    if (::poll(&ready, 1, std::min(remaining_ms(deadline), 200)) <= 0) continue;
    const int client = ::accept4(socket_, nullptr, nullptr, SOCK_CLOEXEC);
    if (client < 0) continue;
    const std::string head = read_head(client, std::min(deadline, Clock::now() + per_client));
    // "GET <target> HTTP/1.1"
    const auto first_space = head.find(' ');
    const auto second_space = head.find(' ', first_space + 1);
    const bool is_get = head.compare(0, first_space, "GET") == 0;
    std::string_view target;
    if (first_space != std::string::npos && second_space != std::string::npos) {
      target = std::string_view(head).substr(first_space + 1, second_space - first_space - 1);
    }
    const auto question = target.find('?');
    if (is_get && target.substr(0, question) == path) {
      answer(client, "200 OK", page);
      ::close(client);
      return question == std::string_view::npos ? std::string()
                                                : std::string(target.substr(question + 1));
    }
    if (!head.empty()) answer(client, "404 Not Found", "<!doctype html><title>Not found</title>");
    ::close(client);
  }
  return std::nullopt;
}

}  // namespace oaskit::oauth2::detail
