#pragma once
// Reading a whole file, written once for the loader and the oaskit command: one read of the
// size the file has (a document of megabytes is one system call and one allocation, not a
// string grown character by character), and an error a person can act on when it fails.

#include <filesystem>
#include <string>

#include "oaskit/result.hpp"

namespace oaskit::detail {

/// Why a file could not be read: "it is a directory", "No such file or directory", ...
struct FileError {
  std::string message;
};

/// The whole content of the file at `path`. Regular files are read with one read() of their
/// size; pipes and devices (/dev/stdin) until their end.
Result<std::string, FileError> read_file(const std::filesystem::path& path);

/// Everything left to read from the open file descriptor `fd` (standard input is 0).
Result<std::string, FileError> read_all(int fd);

}  // namespace oaskit::detail
