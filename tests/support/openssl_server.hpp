#pragma once
// Real TLS servers on 127.0.0.1 for tests of outbound HTTPS: certificates made by the openssl
// command in a test's folder, and `openssl s_server -WWW` serving that folder's files with one
// of them until destroyed.

#include <arpa/inet.h>
#include <netinet/in.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>

namespace oaskit::test {

/// Runs `command` in a shell in `folder`, its output discarded; true when it exits 0.
inline bool run_in(const std::filesystem::path& folder, const std::string& command) {
  const std::string full = "cd '" + folder.string() + "' && " + command + " >/dev/null 2>&1";
  return std::system(full.c_str()) == 0;  // NOLINT(cert-env33-c): fixed test commands
}

/// A port on 127.0.0.1 that was free a moment ago (nothing listens there now), or 0.
inline int free_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t size = sizeof address;
  const bool found = ::bind(fd, reinterpret_cast<sockaddr*>(&address), size) == 0 &&
                     ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size) == 0;
  ::close(fd);
  return found ? ntohs(address.sin_port) : 0;
}

inline bool accepts_connections(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  const bool connected = ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
  ::close(fd);
  return connected;
}

/// The openssl options that make a P-256 key with no passphrase.
inline const std::string openssl_ec_key = "-newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes";

/// `openssl s_server -WWW` in `folder` with `cert` and `key` (files there), on a free port of
/// 127.0.0.1. `started()` says whether it accepts connections; it is stopped when destroyed.
class OpenSslServer {
 public:
  OpenSslServer(const std::filesystem::path& folder, const std::string& cert,
                const std::string& key)
      : port_(free_port()) {
    if (port_ == 0) return;
    const std::string command =
        "cd '" + folder.string() +
        "' && exec openssl s_server -quiet -WWW -accept 127.0.0.1:" + std::to_string(port_) +
        " -cert " + cert + " -key " + key;
    const std::array<const char*, 4> argv{"/bin/sh", "-c", command.c_str(), nullptr};
    if (::posix_spawn(&pid_, "/bin/sh", nullptr, nullptr, const_cast<char* const*>(argv.data()),
                      environ) != 0) {
      pid_ = 0;
      return;
    }
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (!accepts_connections(port_) && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  }
  ~OpenSslServer() {
    if (pid_ > 0) {
      ::kill(pid_, SIGTERM);
      ::waitpid(pid_, nullptr, 0);
    }
  }
  OpenSslServer(const OpenSslServer&) = delete;
  OpenSslServer& operator=(const OpenSslServer&) = delete;

  [[nodiscard]] bool started() const { return pid_ > 0 && accepts_connections(port_); }
  [[nodiscard]] int port() const { return port_; }
  /// `https://<host>:<port><path>`
  [[nodiscard]] std::string url(const std::string& host, const std::string& path) const {
    return "https://" + host + ":" + std::to_string(port_) + path;
  }

 private:
  int port_ = 0;
  pid_t pid_ = 0;
};

}  // namespace oaskit::test
