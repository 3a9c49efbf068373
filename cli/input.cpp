#include "input.hpp"

#include <unistd.h>

#include <fmt/core.h>

#include <boost/json/parse.hpp>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "util/ascii.hpp"
#include "util/file.hpp"

namespace oaskit::cli {

std::optional<std::string> read_input(const std::string& path) {
  auto text = path == "-" ? detail::read_all(STDIN_FILENO) : detail::read_file(path);
  if (!text) {
    fmt::print(stderr, "oaskit: cannot read {}: {}\n", path == "-" ? "standard input" : path,
               text.errors().message);
    return std::nullopt;
  }
  return std::move(*text);
}

Result<Document, Diagnostics> load_document(const std::string& path, const LoadOptions& options) {
  if (path != "-") return load(path, options);
  auto text = read_input(path);
  if (!text) {
    return Diagnostics{{Severity::error, "io", "cannot read standard input", "<stdin>", {}, {}}};
  }
  return load_text("<stdin>", std::move(*text), std::filesystem::current_path(), options);
}

bool finish_standard_output(bool written) {
  if (!written || std::fflush(stdout) != 0) {
    fmt::print(stderr, "oaskit: cannot write to standard output: {}\n", std::strerror(errno));
    return false;
  }
  return true;
}

bool write_output(const std::string& path, const std::string& text) {
  if (path.empty() || path == "-") {
    // One write of the text as it is (fmt::print would format a copy first).
    return finish_standard_output(std::fwrite(text.data(), 1, text.size(), stdout) == text.size());
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

bool is_url(std::string_view text) {
  return text.starts_with("https://") || text.starts_with("http://");
}

Result<jose::KeySet, jose::KeyError> read_keys(const std::string& text, const std::string& kid) {
  const std::string key_text(detail::trimmed(text));
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
