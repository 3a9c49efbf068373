// text_report: findings for people, each with its source line and a caret under the column.

#include <unistd.h>

#include <algorithm>
#include <cstddef>
#include <cstdlib>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "json/locate.hpp"
#include "oaskit/document.hpp"
#include "oaskit/report.hpp"
#include "report/severity_counts.hpp"
#include "report/terminal.hpp"

namespace oaskit {
namespace detail {

bool color_wanted(bool is_terminal, const char* no_color, const char* term) {
  // no-color.org: NO_COLOR set to an empty string does not count.
  const bool no_color_asked = no_color != nullptr && *no_color != '\0';
  const bool dumb_terminal = term != nullptr && std::string_view(term) == "dumb";
  return is_terminal && !no_color_asked && !dumb_terminal;
}

}  // namespace detail

bool stdout_supports_color() {
  return detail::color_wanted(isatty(STDOUT_FILENO) == 1, std::getenv("NO_COLOR"),
                              std::getenv("TERM"));
}

namespace {

// Longer source lines are cut to this many characters around the column: a minified JSON
// document is one line of megabytes.
constexpr std::size_t max_shown_characters = 100;
constexpr std::string_view ellipsis = "…";

constexpr std::string_view bold = "\x1b[1m";
constexpr std::string_view reset = "\x1b[0m";

std::string_view color_of(Severity severity) {
  switch (severity) {
    case Severity::error:
      return "\x1b[1;31m";
    case Severity::warning:
      return "\x1b[1;33m";
    case Severity::info:
      return "\x1b[1;34m";
  }
  return "";
}

bool is_control(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return byte < 0x20 || byte == 0x7F;
}

// Text from a document as it may be written to a terminal: control characters (ESC above
// all) become `?`, tabs stay. Each replaced byte stays one character wide, so columns hold.
std::string printable(std::string_view text) {
  std::string out(text);
  std::replace_if(
      out.begin(), out.end(), [](char c) { return c != '\t' && is_control(c); }, '?');
  return out;
}

// The line, cut around the caret when it is long, and the line with the caret under it.
struct ShownLine {
  std::string text;
  std::string caret_indent;
};

// `column` counts characters from 1, as TextPosition does (json/locate.hpp).
ShownLine show_line(std::string_view line, std::size_t column) {
  const std::size_t caret = column - 1;  // characters before the caret
  // Where each character starts, but only as far as any window around the caret can reach,
  // plus one more character to tell whether the line goes on after the window.
  std::vector<std::size_t> starts;
  const std::size_t limit = caret + max_shown_characters + 1;
  std::size_t pos = 0;
  while (pos < line.size() && starts.size() < limit) {
    starts.push_back(pos);
    // A byte that starts no valid sequence counts as a character, as in position_of.
    pos += std::max<std::size_t>(detail::utf8_length(line, pos), 1);
  }
  const std::size_t counted = starts.size();
  starts.push_back(pos);  // where the last counted character ends
  const auto characters = [&](std::size_t from, std::size_t to) {
    return line.substr(starts[from], starts[to] - starts[from]);
  };

  std::size_t first = 0;
  std::size_t last = counted;  // one past the last shown character
  if (counted > max_shown_characters) {
    first = caret > max_shown_characters / 2 ? caret - max_shown_characters / 2 : 0;
    last = first + max_shown_characters;
    if (last > counted) {  // the whole line was counted: keep the window full
      last = counted;
      first = last - max_shown_characters;
    }
  }
  const std::size_t caret_at = std::clamp(caret, first, last);

  ShownLine shown;
  if (first > 0) {
    shown.text += ellipsis;
    shown.caret_indent += ' ';
  }
  shown.text += printable(characters(first, last));
  if (last < counted) shown.text += ellipsis;
  for (std::size_t i = first; i < caret_at; ++i) {
    shown.caret_indent += line[starts[i]] == '\t' ? '\t' : ' ';
  }
  return shown;
}

std::string plural(std::size_t count, std::string_view noun) {
  std::string out = std::to_string(count) + ' ' + std::string(noun);
  if (count != 1) out += 's';
  return out;
}

void append_finding(std::string& out, const ReportInput& input, const Diagnostic& d, bool color) {
  std::string location = printable(d.file);
  if (d.position) {
    location += ':' + std::to_string(d.position->line) + ':' + std::to_string(d.position->column);
  }
  if (!location.empty()) {
    location += ':';
    if (color) location = std::string(bold) + location + std::string(reset);
    out += location + ' ';
  }
  if (color) out += color_of(d.severity);
  out += to_string(d.severity);
  if (color) out += reset;
  out += '[' + printable(d.rule) + "]: " + printable(d.message);
  // Without a line to show, the place in the document is all the reader has to go on.
  if (!d.position && !d.loc.empty()) out += " (at " + printable(to_string(d.loc)) + ')';
  out += '\n';

  if (!d.position || !input.source_of) return;
  const Source* source = input.source_of(d.file);
  if (source == nullptr) return;
  const ShownLine shown = show_line(source->line_text(d.position->line), d.position->column);
  out += shown.text + '\n';
  out += shown.caret_indent;
  if (color) out += color_of(d.severity);
  out += '^';
  if (color) out += reset;
  out += '\n';
}

}  // namespace

std::string text_report(const ReportInput& input, bool color) {
  if (input.diagnostics.empty()) return "no findings\n";
  std::string out;
  std::set<std::string_view> files;
  for (const Diagnostic& d : input.diagnostics) {
    append_finding(out, input, d, color);
    if (!d.file.empty()) files.insert(d.file);
  }
  const detail::SeverityCounts counts = detail::count_by_severity(input.diagnostics);
  out += plural(counts.error, "error") + ", " + plural(counts.warning, "warning") + ", " +
         plural(counts.info, "info");
  if (!files.empty()) out += " in " + plural(files.size(), "file");
  out += '\n';
  return out;
}

}  // namespace oaskit
