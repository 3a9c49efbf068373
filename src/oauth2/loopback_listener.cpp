#include "oauth2/loopback_listener.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <system_error>
#include <vector>

namespace oaskit::oauth2::detail {
namespace {

using Clock = std::chrono::steady_clock;

// A request head longer than this is not a browser bringing a code back.
constexpr std::size_t max_head = 16'384;
constexpr auto per_client = std::chrono::seconds(5);
// Connections read at once; beyond this the oldest is dropped for the newest.
constexpr std::size_t max_clients = 32;

int remaining_ms(Clock::time_point deadline) {
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
  return static_cast<int>(std::clamp<std::chrono::milliseconds::rep>(left.count(), 0, 60'000));
}

// A connection the listener has accepted and is reading a request head from.
struct PendingClient {
  int socket;
  std::string head;
  Clock::time_point give_up;
};

bool head_complete(const std::string& head) {
  return head.find("\r\n\r\n") != std::string::npos || head.size() >= max_head;
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

// Answers the request in `head`: the page for a GET of `path`, whose query (without '?') is
// returned; a 404 for anything else.
std::optional<std::string> answer_request(int client, std::string_view head, std::string_view path,
                                          std::string_view page) {
  // "GET <target> HTTP/1.1"
  const auto first_space = head.find(' ');
  const auto second_space = head.find(' ', first_space + 1);
  std::string_view target;
  if (first_space != std::string_view::npos && second_space != std::string_view::npos) {
    target = head.substr(first_space + 1, second_space - first_space - 1);
  }
  const auto question = target.find('?');
  if (head.substr(0, first_space) == "GET" && target.substr(0, question) == path) {
    answer(client, "200 OK", page);
    return question == std::string_view::npos ? std::string()
                                              : std::string(target.substr(question + 1));
  }
  answer(client, "404 Not Found", "<!doctype html><title>Not found</title>");
  return std::nullopt;
}

}  // namespace

LoopbackListener::LoopbackListener() {
  socket_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
  if (socket_ < 0) throw std::system_error(errno, std::generic_category(), "socket");
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t size = sizeof address;
  if (::bind(socket_, reinterpret_cast<sockaddr*>(&address), size) != 0 ||
      ::listen(socket_, 64) != 0 ||
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
  // Every connection is read at once: a browser may open a connection it sends nothing on
  // (a speculative preconnect), and that must not hold up the one bringing the redirect.
  std::vector<PendingClient> clients;
  const auto drop = [&](std::size_t index) {
    ::close(clients[index].socket);
    clients.erase(clients.begin() + static_cast<std::ptrdiff_t>(index));
  };
  std::optional<std::string> query;
  while (!query && Clock::now() < deadline) {
    std::vector<pollfd> watched{{socket_, POLLIN, 0}};
    for (const auto& client : clients) watched.push_back({client.socket, POLLIN, 0});
    if (::poll(watched.data(), watched.size(), std::min(remaining_ms(deadline), 200)) < 0 &&
        errno != EINTR) {
      break;
    }
    // Newest first, so erasing keeps the indices of the ones still to visit.
    for (std::size_t i = clients.size(); i-- > 0 && !query;) {
      auto& client = clients[i];
      if ((watched[i + 1].revents & (POLLIN | POLLHUP | POLLERR)) != 0) {
        char buffer[2048];
        const auto got = ::recv(client.socket, buffer, sizeof buffer, 0);
        if (got <= 0) {
          drop(i);
          continue;
        }
        client.head.append(buffer, static_cast<std::size_t>(got));
      }
      if (head_complete(client.head)) {
        query = answer_request(client.socket, client.head, path, page);
        drop(i);
      } else if (Clock::now() >= client.give_up) {
        drop(i);
      }
    }
    if (!query && (watched[0].revents & POLLIN) != 0) {
      // Everything waiting, so a full backlog never makes a browser wait to connect.
      int accepted = -1;
      while ((accepted = ::accept4(socket_, nullptr, nullptr, SOCK_CLOEXEC)) >= 0) {
        if (clients.size() >= max_clients) drop(0);
        clients.push_back({accepted, {}, Clock::now() + per_client});
      }
    }
  }
  while (!clients.empty()) drop(clients.size() - 1);
  return query;
}

}  // namespace oaskit::oauth2::detail
