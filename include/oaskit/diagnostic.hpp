#pragma once
/// Findings about a document: load errors, unresolved references and lint results, each with
/// the file, the place in it and a message that says what to do.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "oaskit/error.hpp"

namespace oaskit {

/// How much a finding matters; `oaskit check --fail-on` compares against it.
enum class Severity { info, warning, error };

/// "info", "warning", "error".
std::string_view to_string(Severity severity);

/// Parses "info", "warning" or "error".
std::optional<Severity> severity_from_string(std::string_view name);

/// One finding.
struct Diagnostic {
  Severity severity = Severity::error;
  /// What kind of finding: a lint rule id (`security-undeclared-scheme`), or for a document
  /// that could not be read or validated the error's type (`yaml_invalid`, `missing`, ...).
  std::string rule;
  /// A sentence that says what is wrong and how to fix it.
  std::string message;
  /// The file, as the user named it (the root) or relative to the root's folder.
  std::string file;
  /// Where in that file's value (member names and array indices).
  Path loc;
  /// Where in that file's text, when known.
  std::optional<TextPosition> position;
  friend bool operator==(const Diagnostic&, const Diagnostic&) = default;
};

using Diagnostics = std::vector<Diagnostic>;

/// `file:line:column: severity[rule]: message (at a → b)`, one line.
std::string to_string(const Diagnostic& diagnostic);

/// RFC 6901 JSON pointer of `path`: `{"paths", "/pets", "get"}` is `/paths/~1pets/get`.
std::string to_json_pointer(const Path& path);

/// Appends `/token` to a JSON pointer, with `~` written `~0` and `/` written `~1`.
void append_json_pointer_token(std::string& pointer, std::string_view token);

}  // namespace oaskit
