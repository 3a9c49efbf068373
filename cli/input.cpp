#include "input.hpp"

#include <unistd.h>

#include <fmt/core.h>

#include <CLI/CLI.hpp>
#include <boost/json/parse.hpp>
#include <boost/url/parse.hpp>

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

void add_load_flags(CLI::App& command, LoadFlags& flags) {
  command.add_flag("--allow-remote-refs", flags.allow_remote_refs,
                   "Fetch http(s) $refs (off: a document must not make the tool fetch URLs)");
  command.add_flag("--allow-outside-root", flags.allow_outside_root,
                   "Follow file $refs that leave the root document's folder");
  command
      .add_option("--root-uri", flags.root_uri,
                  "The URI the root document is published at: its relative $refs and $self "
                  "resolve against it, as if it had been fetched from there")
      ->check([](const std::string& uri) {
        return boost::urls::parse_uri(uri) ? std::string()
                                           : "--root-uri must be an absolute URI: " + uri;
      });
  command.add_option("--document", flags.documents,
                     "FILE or FILE=URI: another file of the API description, published at URI "
                     "(repeatable). $refs reach it by that URI, its file name, or its $self");
}

LoadOptions load_options(const LoadFlags& flags) {
  LoadOptions options{.allow_remote_refs = flags.allow_remote_refs,
                      .allow_outside_root = flags.allow_outside_root,
                      .root_uri = flags.root_uri};
  for (const auto& argument : flags.documents) {
    const auto equals = argument.rfind('=');
    if (equals != std::string::npos && boost::urls::parse_uri(argument.substr(equals + 1))) {
      options.documents.push_back({argument.substr(0, equals), argument.substr(equals + 1)});
    } else {
      options.documents.push_back({argument, {}});
    }
  }
  return options;
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
