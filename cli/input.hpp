#pragma once
// Reading a command's input and writing its output.

#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "oaskit/document.hpp"
#include "oaskit/jose.hpp"

namespace CLI {
class App;
}  // namespace CLI

namespace oaskit::cli {

/// How a command loads its document (LoadOptions), as every command that loads one offers it.
struct LoadFlags {
  bool allow_remote_refs = false;
  bool allow_outside_root = false;
  std::string root_uri;
  std::vector<std::string> documents;  // FILE or FILE=URI
};

/// Adds --allow-remote-refs, --allow-outside-root, --root-uri and --document to `command`.
void add_load_flags(CLI::App& command, LoadFlags& flags);

/// The LoadOptions `flags` ask for. A --document argument is FILE=URI when what follows its
/// last '=' is an absolute URI, else a FILE known by its own file: URI.
LoadOptions load_options(const LoadFlags& flags);

/// The whole of `path` ("-" for standard input), or nothing after printing why to stderr.
std::optional<std::string> read_input(const std::string& path);

/// The document at `path`, or on standard input for "-" (its relative references resolved
/// against the current folder).
Result<Document, Diagnostics> load_document(const std::string& path, const LoadOptions& options);

namespace keep_detail {
struct Node {
  virtual ~Node() = default;
  Node* next = nullptr;
};
template <class T>
struct Holder : Node {
  explicit Holder(T&& held) : value(std::move(held)) {}
  T value;
};
// Reachable from here until the process ends, so leak checkers do not count what it holds.
inline Node* kept = nullptr;
}  // namespace keep_detail

/// Keeps `value` until the process ends without ever destroying it: a command about to exit
/// need not spend its last tenth of a second freeing a document of tens of thousands of
/// objects, one by one, when the system takes the memory back at once.
template <class T>
void keep_until_exit(T&& value) {
  auto* node = new keep_detail::Holder<std::decay_t<T>>(std::forward<T>(value));
  node->next = keep_detail::kept;
  keep_detail::kept = node;
}

/// Writes `text` to `path` (standard output for "" or "-"); false after printing why to stderr.
bool write_output(const std::string& path, const std::string& text);

/// Ends what was written to standard output: flushes it; false after printing why to stderr
/// when that, or an earlier write (`written` false), failed.
bool finish_standard_output(bool written);

/// True for an http(s) URL (as opposed to a file name).
bool is_url(std::string_view text);
/// Keys from a JWKS, a single JWK, or a PEM key. A single key is one the user chose, so it
/// gets `kid` (when given) and checks a token whatever "kid" the token names.
Result<jose::KeySet, jose::KeyError> read_keys(const std::string& text, const std::string& kid);

}  // namespace oaskit::cli
