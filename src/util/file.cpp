#include "util/file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace oaskit::detail {

namespace {

FileError error_from_errno() { return {std::strerror(errno)}; }

// Reads until the end, starting with a buffer of `expected` bytes (the size fstat gave).
Result<std::string, FileError> read_to_end(int fd, std::size_t expected) {
  std::string text;
  constexpr std::size_t chunk = std::size_t{64} << 10;
  // One byte more than expected, so that reaching the end needs no second buffer.
  text.resize(expected + 1 > chunk ? expected + 1 : chunk);
  std::size_t used = 0;
  while (true) {
    if (used == text.size()) text.resize(text.size() * 2);
    const ssize_t got = ::read(fd, text.data() + used, text.size() - used);
    if (got < 0) {
      if (errno == EINTR) continue;
      return error_from_errno();
    }
    if (got == 0) break;
    used += static_cast<std::size_t>(got);
  }
  text.resize(used);
  return text;
}

}  // namespace

Result<std::string, FileError> read_file(const std::filesystem::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return error_from_errno();
  struct stat info {};
  Result<std::string, FileError> out = FileError{};
  if (::fstat(fd, &info) != 0) {
    out = error_from_errno();
  } else if (S_ISDIR(info.st_mode)) {
    out = FileError{"it is a directory"};
  } else {
    out = read_to_end(fd, S_ISREG(info.st_mode) ? static_cast<std::size_t>(info.st_size) : 0);
  }
  ::close(fd);
  return out;
}

Result<std::string, FileError> read_all(int fd) { return read_to_end(fd, 0); }

}  // namespace oaskit::detail
