// Peak memory of oaskit::load on the largest documents of the shared corpus: each document is
// loaded by a fresh process (this program again, with --one), which reports its resident set
// before loading, its peak (VmHWM) after, and the heap still in use with the document held.
// The table gives the peak as a multiple of the document's size; the goal is under 10x for
// the largest JSON document (openai, 3.4 MB). Exits 1 when a document misses it.
//
//   build/release/bench/oaskit_load_memory [CORPUS]

#include <malloc.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "oaskit/document.hpp"

extern char** environ;

namespace {

// The largest JSON and YAML documents of the corpus, and a mid-sized one of each.
const std::vector<std::string> documents = {"docs/openai/openapi.json", "docs/openai/openapi.yaml",
                                            "docs/twilio-yaml/twilio_api_v2010.yaml",
                                            "docs/xero/xero_accounting.yaml"};

long status_kib(const char* field) {
  std::ifstream status("/proc/self/status");
  std::string line;
  const std::string prefix = std::string(field) + ":";
  while (std::getline(status, line)) {
    if (line.rfind(prefix, 0) == 0) return std::stol(line.substr(prefix.size()));
  }
  return -1;
}

// In the child: load `path`, print "before_kib peak_kib heap_kib".
int load_one(const char* path) {
  const long before = status_kib("VmRSS");
  auto document = oaskit::load(path);
  if (!document) {
    std::fprintf(stderr, "%s does not load\n", path);
    return 2;
  }
  const auto heap = mallinfo2();
  std::printf("%ld %ld %zu\n", before, status_kib("VmHWM"), (heap.uordblks + heap.hblkhd) / 1024);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 3 && std::string(argv[1]) == "--one") return load_one(argv[2]);
  const std::string corpus = argc > 1 ? argv[1] : OASKIT_CORPUS;
  std::printf("%-40s %9s %11s %9s %11s %10s\n", "document", "size MB", "before MiB", "peak MiB",
              "peak/size", "held MiB");
  int status = 0;
  for (const auto& name : documents) {
    const std::string path = corpus + "/" + name;
    int pipe_ends[2];
    if (::pipe(pipe_ends) != 0) return 2;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, pipe_ends[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&actions, pipe_ends[0]);
    std::string self = "/proc/self/exe";
    std::string one = "--one";
    std::vector<char*> child_argv = {self.data(), one.data(), const_cast<char*>(path.c_str()),
                                     nullptr};
    pid_t child = 0;
    const int spawned =
        posix_spawn(&child, self.c_str(), &actions, nullptr, child_argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(pipe_ends[1]);
    std::string output;
    char buffer[256];
    for (ssize_t n; (n = ::read(pipe_ends[0], buffer, sizeof buffer)) > 0;) {
      output.append(buffer, static_cast<std::size_t>(n));
    }
    ::close(pipe_ends[0]);
    int child_status = 0;
    if (spawned == 0) ::waitpid(child, &child_status, 0);
    long before = 0;
    long peak = 0;
    unsigned long held = 0;
    if (spawned != 0 || child_status != 0 ||
        std::sscanf(output.c_str(), "%ld %ld %lu", &before, &peak, &held) != 3) {
      std::printf("%-40s failed\n", name.c_str());
      status = 1;
      continue;
    }
    const double size = static_cast<double>(std::filesystem::file_size(path));
    const double ratio = static_cast<double>(peak) * 1024 / size;
    std::printf("%-40s %9.2f %11.1f %9.1f %10.1fx %10.1f\n", name.c_str(), size / 1e6,
                static_cast<double>(before) / 1024, static_cast<double>(peak) / 1024, ratio,
                static_cast<double>(held) / 1024);
    if (name == documents.front() && ratio >= 10) status = 1;
  }
  std::printf("goal: peak resident memory of loading %s under 10x its size: %s\n",
              documents.front().c_str(), status == 0 ? "met" : "NOT MET");
  return status;
}
