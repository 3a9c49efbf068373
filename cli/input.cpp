#include "input.hpp"

#include <fmt/core.h>

#include <boost/json/parse.hpp>

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

std::string trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(first, last - first + 1));
}

bool is_url(std::string_view text) {
  return text.starts_with("https://") || text.starts_with("http://");
}

Result<jose::KeySet, jose::KeyError> read_keys(const std::string& text, const std::string& kid) {
  const std::string key_text = trimmed(text);
  const std::optional<std::string> token_kid =
      kid.empty() ? std::nullopt : std::optional<std::string>(kid);
  if (key_text.starts_with("-----BEGIN")) {
    auto key = jose::Key::from_pem(key_text, token_kid);
    if (!key) return key.errors();
    return jose::KeySet({std::move(*key)});
  }
  boost::system::error_code ec;
  auto value = boost::json::parse(key_text, ec);
  if (ec || !value.is_object()) {
    return jose::KeyError{"not a JWKS, a JWK or a PEM key"};
  }
  if (value.get_object().contains("keys")) return jose::KeySet::from_jwks(key_text);
  auto& jwk = value.get_object();
  if (token_kid && !jwk.contains("kid")) jwk["kid"] = *token_kid;
  auto key = jose::Key::from_jwk(jwk);
  if (!key) return key.errors();
  return jose::KeySet({std::move(*key)});
}

}  // namespace oaskit::cli
