#include "oaskit/diagnostic.hpp"

#include <string>

#include "document/json_pointer.hpp"

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
  const std::size_t start = pointer.size();
  pointer.resize(start + 1 + 2 * token.size());
  char* const end = detail::write_json_pointer_token(pointer.data() + start, token);
  pointer.resize(static_cast<std::size_t>(end - pointer.data()));
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
