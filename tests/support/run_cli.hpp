#pragma once
// Runs the oaskit command as a process for a test: its exit status, stdout and stderr.

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <ostream>
#include <string>
#include <system_error>
#include <vector>

#include <gtest/gtest.h>

extern char** environ;

namespace oaskit::test {

namespace fs = std::filesystem;

/// What a run of the command did. `exit_code` is the process's exit status, or 128 + the
/// signal that ended it (as a shell shows it), so a crash is never mistaken for a usage error.
struct Run {
  int exit_code = -1;
  std::string out;
  std::string err;
};

inline std::ostream& operator<<(std::ostream& os, const Run& run) {
  return os << "exit " << run.exit_code << "\n--- stdout\n"
            << run.out << "\n--- stderr\n"
            << run.err << "\n---";
}

inline std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// A directory of its own for one run's stdin, stdout and stderr, removed afterwards.
class ScratchDir {
 public:
  ScratchDir() {
    static std::atomic<int> counter{0};
    path_ = fs::temp_directory_path() /
            ("oaskit_cli_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
    fs::create_directories(path_);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  ~ScratchDir() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  [[nodiscard]] const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

/// Runs `oaskit args...` with `input` on stdin (an empty stdin when there is none), capturing
/// stdout and stderr through files; stdout goes to `stdout_to` instead when given (/dev/full).
inline Run run_cli(const std::vector<std::string>& args,
                   const std::optional<std::string>& input = {},
                   const std::optional<fs::path>& stdout_to = {}) {
  ScratchDir dir;
  const fs::path in = dir.path() / "stdin", out = stdout_to.value_or(dir.path() / "stdout"),
                 err = dir.path() / "stderr";
  std::ofstream(in, std::ios::binary) << input.value_or("");

  std::vector<std::string> argv_storage{OASKIT_CLI};
  argv_storage.insert(argv_storage.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_storage) argv.push_back(a.data());
  argv.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, in.c_str(), O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_addopen(&actions, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  pid_t pid = 0;
  const int spawned = posix_spawn(&pid, OASKIT_CLI, &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  Run run;
  if (spawned != 0) {
    ADD_FAILURE() << "cannot run " << OASKIT_CLI << ": " << std::strerror(spawned);
    return run;
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(status)) {
    run.exit_code = WEXITSTATUS(status);
  } else if (WIFSIGNALED(status)) {
    run.exit_code = 128 + WTERMSIG(status);
  }
  if (!stdout_to) run.out = slurp(out);
  run.err = slurp(err);
  return run;
}

}  // namespace oaskit::test
