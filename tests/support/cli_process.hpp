#pragma once
// The oaskit command as a running process whose output a test reads as it arrives: for
// commands that print something to act on before they end (`oaskit serve`'s URL, the user code
// `oaskit token --flow deviceAuthorization` shows while it polls). run_cli.hpp is for commands
// that are only looked at once they have exited.

#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "support/run_cli.hpp"

extern char** environ;

namespace oaskit::test {

class CliProcess {
 public:
  enum class Stream { out, err };

  /// Starts `oaskit args...` with stdout and stderr on pipes (stdin is the test's).
  explicit CliProcess(std::vector<std::string> args) {
    args.insert(args.begin(), OASKIT_CLI);
    int out[2];
    int err[2];
    if (::pipe(out) != 0 || ::pipe(err) != 0) return;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out[1], 1);
    posix_spawn_file_actions_adddup2(&actions, err[1], 2);
    posix_spawn_file_actions_addclose(&actions, out[0]);
    posix_spawn_file_actions_addclose(&actions, err[0]);
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    if (::posix_spawn(&pid_, OASKIT_CLI, &actions, nullptr, argv.data(), environ) != 0) pid_ = -1;
    posix_spawn_file_actions_destroy(&actions);
    ::close(out[1]);
    ::close(err[1]);
    fds_[0] = out[0];
    fds_[1] = err[0];
  }
  ~CliProcess() {
    if (pid_ > 0 && exit_code_ < 0) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
    for (int fd : fds_) ::close(fd);
  }
  CliProcess(const CliProcess&) = delete;
  CliProcess& operator=(const CliProcess&) = delete;

  /// Reads `stream` until what it has printed so far contains `marker`, it ends, or `limit`
  /// passes; returns all it has printed so far.
  const std::string& read_until(Stream stream, std::string_view marker,
                                std::chrono::milliseconds limit = std::chrono::seconds(30)) {
    const auto index = static_cast<std::size_t>(stream);
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (texts_[index].find(marker) == std::string::npos && !ended_[index] &&
           std::chrono::steady_clock::now() < deadline) {
      pollfd ready{.fd = fds_[index], .events = POLLIN, .revents = 0};
      if (::poll(&ready, 1, 100) > 0) read_some(index);
    }
    return texts_[index];
  }

  /// Sends `signal` (0: none, the process ends by itself) and waits for the exit code: the
  /// exit status, or 128 + the signal that ended it.
  int stop(int signal = SIGTERM) {
    if (exit_code_ >= 0) return exit_code_;
    if (pid_ <= 0) return exit_code_ = 127;  // never started (as a shell says)
    if (signal != 0) ::kill(pid_, signal);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return exit_code_;
  }

  /// Waits for the process to end by itself and gives all it printed.
  Run finish() {
    while (!ended_[0] || !ended_[1]) {
      pollfd ready[2] = {{.fd = ended_[0] ? -1 : fds_[0], .events = POLLIN, .revents = 0},
                         {.fd = ended_[1] ? -1 : fds_[1], .events = POLLIN, .revents = 0}};
      if (::poll(ready, 2, 100) <= 0) continue;
      for (std::size_t index : {0U, 1U}) {
        if (ready[index].revents != 0) read_some(index);
      }
    }
    return {stop(0), texts_[0], texts_[1]};
  }

  /// Everything printed on stderr, read to its end (after stop()).
  std::string err() {
    while (!ended_[1]) read_some(1);
    return texts_[1];
  }

 private:
  void read_some(std::size_t index) {
    char buffer[4096];
    const auto n = ::read(fds_[index], buffer, sizeof buffer);
    if (n <= 0) {
      ended_[index] = true;
      return;
    }
    texts_[index].append(buffer, static_cast<std::size_t>(n));
  }

  pid_t pid_ = -1;
  int fds_[2] = {-1, -1};
  bool ended_[2] = {false, false};
  std::string texts_[2];
  int exit_code_ = -1;
};

}  // namespace oaskit::test
