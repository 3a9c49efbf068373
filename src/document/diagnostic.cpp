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

std::string to_json_pointer(const Path& path) {
  std::string out;
  for (const auto& step : path) {
    out += '/';
    if (const auto* name = std::get_if<std::string>(&step)) {
      for (char c : *name) {
        if (c == '~') {
          out += "~0";
        } else if (c == '/') {
          out += "~1";
        } else {
          out += c;
        }
      }
    } else {
      out += std::to_string(std::get<std::size_t>(step));
    }
  }
  return out;
}

}  // namespace oaskit
