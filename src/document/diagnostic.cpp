#include "oaskit/diagnostic.hpp"

#include <string>

namespace oaskit {

std::string_view to_string(Severity severity) {
  switch (severity) {
    case Severity::info:
      return "info";
    case Severity::warning:
      return "warning";
    case Severity::error:
      return "error";
  }
  return "error";
}

std::optional<Severity> severity_from_string(std::string_view name) {
  for (Severity s : {Severity::info, Severity::warning, Severity::error}) {
    if (to_string(s) == name) return s;
  }
  return std::nullopt;
}

std::string to_string(const Diagnostic& d) {
  std::string out = d.file;
  if (d.position) {
    out += ':' + std::to_string(d.position->line) + ':' + std::to_string(d.position->column);
  }
  if (!out.empty()) out += ": ";
  out += to_string(d.severity);
  out += '[' + d.rule + "]: " + d.message;
  if (!d.loc.empty()) out += " (at " + to_string(d.loc) + ')';
  return out;
}

void append_json_pointer_token(std::string& pointer, std::string_view token) {
  pointer += '/';
  // The runs between the characters to escape, each appended whole (a character at a time
  // cost more than the rest of writing a validation error).
  std::size_t start = 0;
  for (std::size_t at = token.find_first_of("~/"); at != std::string_view::npos;
       at = token.find_first_of("~/", start)) {
    pointer.append(token.substr(start, at - start));
    pointer += token[at] == '~' ? "~0" : "~1";
    start = at + 1;
  }
  pointer.append(token.substr(start));
}

std::string to_json_pointer(const Path& path) {
  std::string out;
  for (const auto& step : path) {
    if (const auto* name = std::get_if<std::string>(&step)) {
      append_json_pointer_token(out, *name);
    } else {
      out += '/' + std::to_string(std::get<std::size_t>(step));
    }
  }
  return out;
}

}  // namespace oaskit
