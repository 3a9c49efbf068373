#pragma once
// npm oidc-provider on 127.0.0.1 (tests/interop/authorization_server.mjs), for tests of the
// OAuth 2.0 client against a real authorization server. Started by the constructor, which
// waits for its first line ({issuer, resource, clients}); stopped by the destructor (its
// standard input is closed, then it is sent SIGTERM if it lingers).

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <boost/json/parse.hpp>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <thread>

namespace oaskit::test {

class AuthorizationServer {
 public:
  AuthorizationServer() {
    const std::string folder = std::string(OASKIT_SOURCE_DIR) + "/tests/interop";
    if (!std::filesystem::exists(folder + "/node_modules/oidc-provider/package.json")) {
      throw std::runtime_error("npm oidc-provider is not installed in tests/interop (./run deps)");
    }
    std::array<int, 2> to_child{};
    std::array<int, 2> from_child{};
    if (::pipe(to_child.data()) != 0 || ::pipe(from_child.data()) != 0) {
      throw std::runtime_error("pipe failed");
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, to_child[0], STDIN_FILENO);
    posix_spawn_file_actions_adddup2(&actions, from_child[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&actions, to_child[1]);
    posix_spawn_file_actions_addclose(&actions, from_child[0]);
    const int devnull = ::open("/dev/null", O_WRONLY);
    posix_spawn_file_actions_adddup2(&actions, devnull, STDERR_FILENO);  // its warnings
    const std::string script = folder + "/authorization_server.mjs";
    const std::array<const char*, 3> argv{"node", script.c_str(), nullptr};
    const int spawned = ::posix_spawnp(&pid_, "node", &actions, nullptr,
                                       const_cast<char* const*>(argv.data()), environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(devnull);
    ::close(to_child[0]);
    ::close(from_child[1]);
    stdin_ = to_child[1];
    if (spawned != 0) {
      ::close(from_child[0]);
      throw std::runtime_error("node could not be started (is Node.js installed?)");
    }
    const std::string line = read_line(from_child[0], std::chrono::seconds(20));
    ::close(from_child[0]);
    if (line.empty()) throw std::runtime_error("oidc-provider did not start");
    info_ = boost::json::parse(line).as_object();
  }
  ~AuthorizationServer() {
    ::close(stdin_);
    for (int i = 0; i < 100; ++i) {
      if (::waitpid(pid_, nullptr, WNOHANG) == pid_) return;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    ::kill(pid_, SIGTERM);
    ::waitpid(pid_, nullptr, 0);
  }
  AuthorizationServer(const AuthorizationServer&) = delete;
  AuthorizationServer& operator=(const AuthorizationServer&) = delete;

  /// "http://127.0.0.1:<port>"
  [[nodiscard]] std::string issuer() const { return std::string(info_.at("issuer").as_string()); }
  /// The resource indicator whose access tokens are JWTs.
  [[nodiscard]] std::string resource() const {
    return std::string(info_.at("resource").as_string());
  }
  [[nodiscard]] std::string url(const std::string& path) const { return issuer() + path; }

  // The clients the script registers (see authorization_server.mjs).
  static constexpr const char* service_id = "service";
  static constexpr const char* service_secret = "service-secret-0123456789abcdef";
  static constexpr const char* post_id = "service-post";
  static constexpr const char* post_secret = "service-post-secret-0123456789ab";
  static constexpr const char* public_id = "cli";
  static constexpr const char* device_id = "device";  ///< public, RFC 8628 device_code grant

 private:
  static std::string read_line(int fd, std::chrono::seconds limit) {
    std::string line;
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < deadline) {
      pollfd ready{fd, POLLIN, 0};
      if (::poll(&ready, 1, 100) <= 0) continue;
      char c = 0;
      if (::read(fd, &c, 1) != 1) break;
      if (c == '\n') return line;
      line += c;
    }
    return {};
  }

  pid_t pid_ = 0;
  int stdin_ = -1;
  boost::json::object info_;
};

}  // namespace oaskit::test
