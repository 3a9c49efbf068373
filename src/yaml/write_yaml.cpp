#include "write_yaml.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <string_view>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "core_schema.hpp"

namespace oaskit::detail {
namespace {

constexpr std::size_t indent_step = 2;
// YAML limits implicit keys to 1024 characters; longer keys are written as explicit `? key`.
constexpr std::size_t max_implicit_key = 1000;

// Characters that a plain or block scalar cannot carry as themselves: C0 and C1 controls
// (other than tab and line feed), DEL, the byte order mark, and U+0085/U+2028/U+2029, which
// YAML 1.1 reads as line breaks. `code_point` is a decoded character.
bool needs_escape(std::uint32_t code_point) {
  if (code_point == '\t' || code_point == '\n') return false;
  return code_point < 0x20 || (code_point >= 0x7F && code_point <= 0x9F) || code_point == 0x2028 ||
         code_point == 0x2029 || code_point == 0xFEFF;
}

// Calls `visit(code_point, bytes)` for each character of valid UTF-8 `text` (JSON strings are).
template <class Visit>
void for_each_character(std::string_view text, Visit visit) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    const auto lead = static_cast<unsigned char>(text[pos]);
    std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    length = std::min(length, text.size() - pos);
    std::uint32_t code_point = length == 1 ? lead : lead & (0x7F >> length);
    for (std::size_t i = 1; i < length; ++i) {
      code_point = (code_point << 6) | (static_cast<unsigned char>(text[pos + i]) & 0x3F);
    }
    visit(code_point, text.substr(pos, length));
    pos += length;
  }
}

bool has_escape_characters(std::string_view text) {
  bool found = false;
  for_each_character(text, [&](std::uint32_t c, std::string_view) { found |= needs_escape(c); });
  return found;
}

// Plain style is used only when the text can be nothing but this string: YAML 1.2 and 1.1
// both read it as a string, and no character could be read as syntax.
bool can_be_plain(std::string_view text) {
  if (text.empty() || !is_yaml11_plain_string(text)) return false;
  constexpr std::string_view indicators = "-?:,[]{}#&*!|>'\"%@`";
  if (indicators.find(text.front()) != std::string_view::npos) return false;
  if (text.front() == ' ' || text.back() == ' ' || text.back() == ':') return false;
  if (text.starts_with("...")) return false;
  if (text.find(": ") != std::string_view::npos || text.find(" #") != std::string_view::npos) {
    return false;
  }
  if (text.find_first_of("\n\t") != std::string_view::npos) return false;
  return !has_escape_characters(text);
}

void write_double_quoted(std::string& out, std::string_view text) {
  out += '"';
  for_each_character(text, [&](std::uint32_t c, std::string_view bytes) {
    switch (c) {
      case '"':
        out += "\\\"";
        return;
      case '\\':
        out += "\\\\";
        return;
      case '\n':
        out += "\\n";
        return;
      case '\t':
        out += "\\t";
        return;
      case '\r':
        out += "\\r";
        return;
      case 0x85:
        out += "\\N";
        return;
      case 0x2028:
        out += "\\L";
        return;
      case 0x2029:
        out += "\\P";
        return;
      case 0xFEFF:
        out += "\\uFEFF";
        return;
      default:
        break;
    }
    if (needs_escape(c)) {
      constexpr std::string_view hex = "0123456789ABCDEF";
      out += "\\x";
      out += hex[c >> 4];
      out += hex[c & 0xF];
      return;
    }
    out += bytes;
  });
  out += '"';
}

void write_indent(std::string& out, std::size_t indent) { out.append(indent, ' '); }

// A literal block scalar, its content indented by `indent`; `text` has a line break.
void write_literal(std::string& out, std::string_view text, std::size_t indent) {
  out += '|';
  // Without an indicator the indentation is taken from the first line, which must then not
  // start with a space (or be one of the leading empty lines).
  if (text.front() == ' ' || text.front() == '\t' || text.front() == '\n') {
    out += std::to_string(indent_step);
  }
  std::size_t trailing_breaks = 0;
  while (trailing_breaks < text.size() && text[text.size() - 1 - trailing_breaks] == '\n') {
    ++trailing_breaks;
  }
  if (trailing_breaks == 0) out += '-';
  if (trailing_breaks > 1) out += '+';
  out += '\n';
  std::string_view body = text.substr(0, text.size() - trailing_breaks);
  while (true) {
    const auto end = body.find('\n');
    const std::string_view line = body.substr(0, end);
    if (!line.empty()) write_indent(out, indent);
    out += line;
    out += '\n';
    if (end == std::string_view::npos) break;
    body.remove_prefix(end + 1);
  }
  // The line breaks after the last line: `|` keeps one (written above), `|+` all.
  if (trailing_breaks > 1) out.append(trailing_breaks - 1, '\n');
}

void write_key(std::string& out, std::string_view key) {
  if (can_be_plain(key)) {
    out += key;
  } else {
    write_double_quoted(out, key);
  }
}

// Shortest text that reads back as `number`, with a `.` before any exponent: YAML 1.1 reads
// `1e+300` or `1` as a string or an integer, `1.0e+300` and `1.0` as floats.
void write_double(std::string& out, double number) {
  if (std::isnan(number)) {
    out += ".nan";
    return;
  }
  if (std::isinf(number)) {
    out += number < 0 ? "-.inf" : ".inf";
    return;
  }
  char buffer[64];
  const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, number);
  std::string_view text(buffer, static_cast<std::size_t>(end - buffer));
  const auto exponent = text.find('e');
  const std::string_view mantissa = text.substr(0, exponent);
  out += mantissa;
  if (mantissa.find('.') == std::string_view::npos) out += ".0";
  if (exponent != std::string_view::npos) out += text.substr(exponent);
}

class Writer {
 public:
  std::string take() { return std::move(out_); }

  // The value after `key:` or `-`, whose line is already started; `indent` is that of the
  // key or dash.
  void value_after_indicator(const boost::json::value& value, std::size_t indent,
                             bool in_sequence) {
    if (value.is_object() && !value.get_object().empty()) {
      if (in_sequence) {
        out_ += ' ';
        object(value.get_object(), indent + indent_step, true);
      } else {
        out_ += '\n';
        object(value.get_object(), indent + indent_step, false);
      }
      return;
    }
    if (value.is_array() && !value.get_array().empty()) {
      if (in_sequence) {
        out_ += ' ';
        array(value.get_array(), indent + indent_step, true);
      } else {
        out_ += '\n';
        array(value.get_array(), indent + indent_step, false);
      }
      return;
    }
    out_ += ' ';
    scalar(value, indent + indent_step);
  }

  // `first_line_started`: the first entry goes on the current line (after `- `).
  void object(const boost::json::object& object, std::size_t indent, bool first_line_started) {
    for (const auto& [key, value] : object) {
      if (!first_line_started) write_indent(out_, indent);
      first_line_started = false;
      if (key.size() > max_implicit_key) {
        out_ += "? ";
        write_double_quoted(out_, key);
        out_ += '\n';
        write_indent(out_, indent);
      } else {
        write_key(out_, key);
      }
      out_ += ':';
      value_after_indicator(value, indent, false);
    }
  }

  void array(const boost::json::array& array, std::size_t indent, bool first_line_started) {
    for (const auto& item : array) {
      if (!first_line_started) write_indent(out_, indent);
      first_line_started = false;
      out_ += '-';
      value_after_indicator(item, indent, true);
    }
  }

  // A scalar or empty collection, then the end of its line; `block_indent` is where a block
  // scalar's lines go.
  void scalar(const boost::json::value& value, std::size_t block_indent) {
    switch (value.kind()) {
      case boost::json::kind::null:
        out_ += "null";
        break;
      case boost::json::kind::bool_:
        out_ += value.get_bool() ? "true" : "false";
        break;
      case boost::json::kind::int64:
        out_ += std::to_string(value.get_int64());
        break;
      case boost::json::kind::uint64:
        out_ += std::to_string(value.get_uint64());
        break;
      case boost::json::kind::double_:
        write_double(out_, value.get_double());
        break;
      case boost::json::kind::object:
        out_ += "{}";
        break;
      case boost::json::kind::array:
        out_ += "[]";
        break;
      case boost::json::kind::string: {
        const std::string_view text = value.get_string();
        // A block scalar needs a line with content: "\n" alone would read back as "".
        const bool has_content = text.find_first_not_of('\n') != std::string_view::npos;
        if (text.find('\n') != std::string_view::npos && has_content &&
            !has_escape_characters(text)) {
          write_literal(out_, text, block_indent);
          return;  // a block scalar ends its own lines
        }
        if (can_be_plain(text)) {
          out_ += text;
        } else {
          write_double_quoted(out_, text);
        }
        break;
      }
    }
    out_ += '\n';
  }

 private:
  std::string out_;
};

}  // namespace

std::string write_yaml(const boost::json::value& value) {
  Writer writer;
  if (value.is_object() && !value.get_object().empty()) {
    writer.object(value.get_object(), 0, false);
  } else if (value.is_array() && !value.get_array().empty()) {
    writer.array(value.get_array(), 0, false);
  } else {
    writer.scalar(value, indent_step);
  }
  return writer.take();
}

}  // namespace oaskit::detail
