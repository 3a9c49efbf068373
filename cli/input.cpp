#include "input.hpp"

#include <fmt/core.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

namespace oaskit::cli {

std::optional<std::string> read_input(const std::string& path) {
  if (path == "-") {
    std::ostringstream text;
    text << std::cin.rdbuf();
    return std::move(text).str();
  }
  std::error_code error;
  if (std::filesystem::is_directory(path, error)) {
    fmt::print(stderr, "oaskit: cannot read {}: it is a directory\n", path);
    return std::nullopt;
  }
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    fmt::print(stderr, "oaskit: cannot read {}: {}\n", path, std::strerror(errno));
    return std::nullopt;
  }
  std::string text((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  if (file.bad()) {
    fmt::print(stderr, "oaskit: cannot read {}: {}\n", path, std::strerror(errno));
    return std::nullopt;
  }
  return text;
}

Result<Document, Diagnostics> load_document(const std::string& path, const LoadOptions& options) {
  if (path != "-") return load(path, options);
  auto text = read_input(path);
  if (!text) {
    return Diagnostics{{Severity::error, "io", "cannot read standard input", "<stdin>", {}, {}}};
  }
  return load_text("<stdin>", std::move(*text), std::filesystem::current_path(), options);
}

bool write_output(const std::string& path, const std::string& text) {
  if (path.empty() || path == "-") {
    fmt::print("{}", text);
    return true;
  }
  std::ofstream file(path, std::ios::binary);
  if (file) file << text;
  if (file) file.flush();
  if (!file) {
    fmt::print(stderr, "oaskit: cannot write {}: {}\n", path, std::strerror(errno));
    return false;
  }
  return true;
}

}  // namespace oaskit::cli
