// Positions, locating values by path, and precise syntax errors, all by walking the text with
// loops: nesting is tracked with counters or an explicit stack, never with recursion.

#include "locate.hpp"

#include "util/ascii.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace oaskit::detail {
namespace {

// ---------------------------------------------------------------------------------------------
// Characters

bool is_whitespace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
// Characters of what people type for a bare word: true, NaN, an unquoted key.
bool is_word_char(char c) { return is_ascii_letter(c) || is_digit(c) || c == '_' || c == '$'; }

int hex_digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::size_t skip_whitespace(std::string_view text, std::size_t pos) {
  while (pos < text.size() && is_whitespace(text[pos])) ++pos;
  return pos;
}

// True when `text` has `expected` at `pos`; safe for any `pos`.
bool has_at(std::string_view text, std::size_t pos, std::string_view expected) {
  return pos <= text.size() && text.substr(pos).starts_with(expected);
}

}  // namespace

std::size_t utf8_length(std::string_view text, std::size_t pos) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(pos);
  if (lead < 0x80) return 1;
  std::size_t length = 0;
  // The second byte's range is narrower after some leads; that is what excludes overlong
  // forms (E0, F0), surrogates (ED) and code points above U+10FFFF (F4).
  unsigned char second_min = 0x80;
  unsigned char second_max = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead == 0xE0) {
    length = 3;
    second_min = 0xA0;
  } else if (lead == 0xED) {
    length = 3;
    second_max = 0x9F;
  } else if (lead >= 0xE1 && lead <= 0xEF) {
    length = 3;
  } else if (lead == 0xF0) {
    length = 4;
    second_min = 0x90;
  } else if (lead == 0xF4) {
    length = 4;
    second_max = 0x8F;
  } else if (lead >= 0xF1 && lead <= 0xF3) {
    length = 4;
  } else {
    return 0;  // 80-BF continuation, C0-C1 overlong, F5-FF beyond U+10FFFF
  }
  if (text.size() - pos < length) return 0;
  if (byte(pos + 1) < second_min || byte(pos + 1) > second_max) return 0;
  for (std::size_t i = 2; i < length; ++i) {
    if (byte(pos + i) < 0x80 || byte(pos + i) > 0xBF) return 0;
  }
  return length;
}

namespace {

// The code point of the well-formed sequence of `length` bytes at `pos`.
char32_t decode_utf8(std::string_view text, std::size_t pos, std::size_t length) {
  const auto lead = static_cast<unsigned char>(text[pos]);
  if (length == 1) return lead;
  char32_t code_point = lead & (0xFF >> (length + 1));
  for (std::size_t i = 1; i < length; ++i) {
    code_point = (code_point << 6) | (static_cast<unsigned char>(text[pos + i]) & 0x3F);
  }
  return code_point;
}

void append_utf8(std::string& out, char32_t code_point) {
  if (code_point < 0x80) {
    out += static_cast<char>(code_point);
  } else if (code_point < 0x800) {
    out += static_cast<char>(0xC0 | (code_point >> 6));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else if (code_point < 0x10000) {
    out += static_cast<char>(0xE0 | (code_point >> 12));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code_point >> 18));
    out += static_cast<char>(0x80 | ((code_point >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  }
}

std::string hex(unsigned value, int digits) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  std::string out(static_cast<std::size_t>(digits), '0');
  for (int i = digits - 1; i >= 0; --i, value >>= 4)
    out[static_cast<std::size_t>(i)] = kDigits[value & 0xF];
  return out;
}

std::string code_point_name(char32_t code_point) {
  // At least four digits, as Unicode writes them: U+00E9, U+1F600, U+10FFFF.
  const int digits = code_point > 0xFFFFF ? 6 : code_point > 0xFFFF ? 5 : 4;
  return "U+" + hex(static_cast<unsigned>(code_point), digits);
}

// A word or number as quoted in a message, cut short so one line stays readable.
std::string shown(std::string_view token) {
  constexpr std::size_t limit = 40;
  return token.size() <= limit ? std::string(token) : std::string(token.substr(0, limit)) + "...";
}

// How the character at `pos` is shown in a message: 'x', or a description of one that does
// not print well.
std::string describe(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return "end of input";
  const char c = text[pos];
  switch (c) {
    case ' ':
      return "a space";
    case '\t':
      return "a tab";
    case '\n':
      return "a line break";
    case '\r':
      return "a carriage return";
    case '\'':
      return "\"'\"";
    default:
      break;
  }
  const auto byte = static_cast<unsigned char>(c);
  if (byte < 0x20 || byte == 0x7F) return "control character " + code_point_name(byte);
  if (byte < 0x80) return std::string{'\'', c, '\''};
  const std::size_t length = utf8_length(text, pos);
  if (length == 0) return "byte 0x" + hex(byte, 2);
  // The code point makes invisible look-alikes (U+00A0, U+FEFF) recognisable.
  return "'" + std::string(text.substr(pos, length)) + "' (" +
         code_point_name(decode_utf8(text, pos, length)) + ")";
}

// ---------------------------------------------------------------------------------------------
// Walking text that is assumed to be valid: skipping values, reading member names

// Offset just past the closing quote of the string whose opening quote is at `pos`.
std::optional<std::size_t> string_end(std::string_view text, std::size_t pos) {
  for (std::size_t i = pos + 1; i < text.size(); ++i) {
    if (text[i] == '\\') {
      ++i;  // the escaped character cannot end the string
    } else if (text[i] == '"') {
      return i + 1;
    }
  }
  return std::nullopt;
}

// Offset just past the value starting at `pos`. Arrays and objects are skipped by counting
// brackets outside strings, so any depth costs no stack.
std::optional<std::size_t> value_end(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return std::nullopt;
  const char first = text[pos];
  if (first == '"') return string_end(text, pos);
  if (first == '[' || first == '{') {
    std::size_t depth = 0;
    std::size_t i = pos;
    while (i < text.size()) {
      const char c = text[i];
      if (c == '"') {
        const auto end = string_end(text, i);
        if (!end) return std::nullopt;
        i = *end;
        continue;
      }
      if (c == '[' || c == '{') {
        ++depth;
      } else if (c == ']' || c == '}') {
        if (--depth == 0) return i + 1;
      }
      ++i;
    }
    return std::nullopt;
  }
  // A number or a literal: everything up to the next delimiter.
  std::size_t i = pos;
  while (i < text.size() &&
         (is_word_char(text[i]) || text[i] == '-' || text[i] == '+' || text[i] == '.')) {
    ++i;
  }
  if (i == pos) return std::nullopt;
  return i;
}

// The four hex digits at `pos` as a number, or nothing when there are not four.
std::optional<unsigned> read_hex4(std::string_view text, std::size_t pos) {
  if (pos > text.size() || text.size() - pos < 4) return std::nullopt;
  unsigned value = 0;
  for (std::size_t i = pos; i < pos + 4; ++i) {
    const int digit = hex_digit_value(text[i]);
    if (digit < 0) return std::nullopt;
    value = value * 16 + static_cast<unsigned>(digit);
  }
  return value;
}

// The text of a string's contents (between the quotes) with escapes replaced; nothing when
// an escape is malformed, a lone surrogate included, since then it cannot equal any key.
std::optional<std::string> unescape(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  std::size_t i = 0;
  while (i < raw.size()) {
    if (raw[i] != '\\') {
      out += raw[i++];
      continue;
    }
    if (i + 1 >= raw.size()) return std::nullopt;
    const char escaped = raw[i + 1];
    i += 2;
    switch (escaped) {
      case '"':
      case '\\':
      case '/':
        out += escaped;
        continue;
      case 'b':
        out += '\b';
        continue;
      case 'f':
        out += '\f';
        continue;
      case 'n':
        out += '\n';
        continue;
      case 'r':
        out += '\r';
        continue;
      case 't':
        out += '\t';
        continue;
      case 'u':
        break;
      default:
        return std::nullopt;
    }
    const auto unit = read_hex4(raw, i);
    if (!unit || (*unit >= 0xDC00 && *unit <= 0xDFFF)) return std::nullopt;
    i += 4;
    char32_t code_point = *unit;
    if (*unit >= 0xD800 && *unit <= 0xDBFF) {
      const auto low = has_at(raw, i, "\\u") ? read_hex4(raw, i + 2) : std::nullopt;
      if (!low || *low < 0xDC00 || *low > 0xDFFF) return std::nullopt;
      i += 6;
      code_point = 0x10000 + ((*unit - 0xD800) << 10) + (*low - 0xDC00);
    }
    append_utf8(out, code_point);
  }
  return out;
}

bool name_equals(std::string_view raw_name, std::string_view key) {
  if (raw_name.find('\\') == std::string_view::npos) return raw_name == key;
  const auto name = unescape(raw_name);
  return name && *name == key;
}

// Calls `visit(name_offset, raw_name, value_offset)` for each member of the object whose '{'
// is at `pos`, in text order, until `visit` returns false. Stops quietly where the text is not
// a well-formed object.
template <class Visit>
void for_each_member(std::string_view text, std::size_t pos, Visit visit) {
  if (pos >= text.size() || text[pos] != '{') return;
  pos = skip_whitespace(text, pos + 1);
  if (pos < text.size() && text[pos] == '}') return;
  while (pos < text.size() && text[pos] == '"') {
    const auto name_end = string_end(text, pos);
    if (!name_end) return;
    const std::string_view raw_name = text.substr(pos + 1, *name_end - pos - 2);
    const std::size_t colon = skip_whitespace(text, *name_end);
    if (colon >= text.size() || text[colon] != ':') return;
    const std::size_t value = skip_whitespace(text, colon + 1);
    if (!visit(pos, raw_name, value)) return;
    const auto end = value_end(text, value);
    if (!end) return;
    pos = skip_whitespace(text, *end);
    if (pos >= text.size() || text[pos] != ',') return;  // '}' or malformed: the end
    pos = skip_whitespace(text, pos + 1);
  }
}

// ---------------------------------------------------------------------------------------------
// Syntax checking

// A hand-written JSON recogniser: a loop over states with the open brackets on an explicit
// stack. Each state handler either advances and names the next state or records the error.
class SyntaxChecker {
 public:
  SyntaxChecker(std::string_view text, std::size_t max_depth)
      : text_(text), max_depth_(max_depth) {}

  std::optional<SyntaxError> run() {
    if (text_.starts_with("\xEF\xBB\xBF")) {
      fail(0, "the text starts with a byte order mark (U+FEFF), which JSON does not allow");
      return error_;
    }
    pos_ = skip_whitespace(text_, 0);
    if (at_end()) return SyntaxError{text_.size(), "the input is empty: expected a JSON value"};
    Step step = Step::root_value;
    while (step != Step::done && step != Step::failed) step = next(step);
    return error_;
  }

 private:
  enum class Step {
    root_value,
    value,            // after ':' or ','
    value_or_close,   // after '['
    member,           // after ',' in an object
    member_or_close,  // after '{'
    after_value,
    done,
    failed,
  };

  Step next(Step step) {
    switch (step) {
      case Step::root_value:
        return value("a JSON value");
      case Step::value:
        return value("a value");
      case Step::value_or_close:
        pos_ = skip_whitespace(text_, pos_);
        if (!at_end() && text_[pos_] == ']') return close();
        return value("a value or ']'");
      case Step::member:
        return member("a member name");
      case Step::member_or_close:
        pos_ = skip_whitespace(text_, pos_);
        if (!at_end() && text_[pos_] == '}') return close();
        return member("a member name or '}'");
      case Step::after_value:
        return after_value();
      case Step::done:
      case Step::failed:
        break;
    }
    return step;
  }

  Step value(std::string_view expected) {
    pos_ = skip_whitespace(text_, pos_);
    if (at_end()) return unexpected(expected);
    const char c = text_[pos_];
    const char following = pos_ + 1 < text_.size() ? text_[pos_ + 1] : '\0';
    if (c == '{') return open(Step::member_or_close);
    if (c == '[') return open(Step::value_or_close);
    if (c == '"') return scan_string() ? Step::after_value : Step::failed;
    if (c == '-' || is_digit(c)) return scan_number() ? Step::after_value : Step::failed;
    if (is_ascii_letter(c) || c == '_' || c == '$') {
      return scan_literal() ? Step::after_value : Step::failed;
    }
    if (c == '\'') return fail(pos_, "single-quoted string: JSON strings need double quotes");
    if (c == '+' && (is_digit(following) || following == '.')) {
      return fail(pos_, "a number must not start with '+'");
    }
    if (c == '.' && is_digit(following)) {
      return fail(pos_, "a number must have a digit before the decimal point, found '.'");
    }
    return unexpected(expected);
  }

  Step member(std::string_view expected) {
    pos_ = skip_whitespace(text_, pos_);
    if (at_end()) return unexpected(expected);
    const char c = text_[pos_];
    if (c == '\'') {
      return fail(pos_, "single-quoted member name: JSON member names need double quotes");
    }
    if (is_ascii_letter(c) || c == '_' || c == '$') {
      return fail(pos_, "unquoted member name '" + shown(word_at(pos_)) +
                            "': JSON member names need double quotes");
    }
    if (c != '"') return unexpected(expected);
    if (!scan_string()) return Step::failed;
    pos_ = skip_whitespace(text_, pos_);
    if (!at_end() && text_[pos_] == ':') {
      ++pos_;
      return Step::value;
    }
    if (!at_end() && starts_like_value(text_[pos_])) {
      return fail(pos_, "missing colon: expected ':' after the member name, found " +
                            describe(text_, pos_));
    }
    return unexpected("':' after the member name");
  }

  Step after_value() {
    pos_ = skip_whitespace(text_, pos_);
    if (open_.empty()) {
      if (at_end()) return Step::done;
      if (special_problem()) return Step::failed;
      return fail(pos_, "unexpected text after the JSON value, found " + describe(text_, pos_));
    }
    const bool in_array = open_.back() == '[';
    const char closing = in_array ? ']' : '}';
    if (at_end()) {
      return unexpected(in_array ? "',' or ']' after an array element"
                                 : "',' or '}' after an object member");
    }
    const char c = text_[pos_];
    if (c == closing) return close();
    if (c == ',') {
      const std::size_t comma = pos_;
      pos_ = skip_whitespace(text_, pos_ + 1);
      if (!at_end() && text_[pos_] == closing) {
        return fail(comma, std::string("trailing comma before '") + closing + "'");
      }
      return in_array ? Step::value : Step::member;
    }
    if (looks_like_next_item(in_array)) {
      return fail(pos_, std::string("missing comma: expected ',' between ") +
                            (in_array ? "array elements" : "object members") + ", found " +
                            describe(text_, pos_));
    }
    return unexpected(in_array ? "',' or ']' after an array element"
                               : "',' or '}' after an object member");
  }

  Step open(Step next_step) {
    if (open_.size() >= max_depth_) {
      return fail(pos_, "nesting is deeper than " + std::to_string(max_depth_) + " levels");
    }
    open_.push_back(text_[pos_]);
    ++pos_;
    return next_step;
  }

  Step close() {
    open_.pop_back();
    ++pos_;
    return Step::after_value;
  }

  // At a '"'; leaves pos_ after the closing quote.
  bool scan_string() {
    const std::size_t start = pos_;
    ++pos_;
    while (!at_end()) {
      const char c = text_[pos_];
      const auto byte = static_cast<unsigned char>(c);
      if (c == '"') {
        ++pos_;
        return true;
      }
      if (c == '\\') {
        if (!scan_escape(start)) return false;
      } else if (byte < 0x20) {
        fail(pos_, control_character_message(c));
        return false;
      } else if (byte >= 0x80) {
        const std::size_t length = utf8_length(text_, pos_);
        if (length == 0) return invalid_utf8();
        pos_ += length;
      } else {
        ++pos_;
      }
    }
    return unterminated_string(start);
  }

  static std::string control_character_message(char c) {
    switch (c) {
      case '\n':
        return "line break inside a string: close the string with '\"' or write the line "
               "break as \\n";
      case '\r':
        return "carriage return inside a string: write it as \\r";
      case '\t':
        return "tab character inside a string: write it as \\t";
      default:
        break;
    }
    const auto code = static_cast<unsigned>(static_cast<unsigned char>(c));
    return "control character " + code_point_name(code) + " inside a string: write it as \\u" +
           hex(code, 4);
  }

  // At a '\\' inside the string that starts at `string_start`; leaves pos_ after the escape.
  bool scan_escape(std::size_t string_start) {
    const std::size_t escape = pos_;
    if (escape + 1 >= text_.size()) return unterminated_string(string_start);
    const char c = text_[escape + 1];
    static constexpr std::string_view kValid =
        R"(valid escapes are \" \\ \/ \b \f \n \r \t and \uXXXX)";
    if (std::string_view("\"\\/bfnrt").find(c) != std::string_view::npos) {
      pos_ += 2;
      return true;
    }
    if (c != 'u') {
      const auto byte = static_cast<unsigned char>(c);
      if (byte > 0x20 && byte < 0x7F) {
        fail(escape,
             std::string("invalid escape '\\") + c + "' in a string: " + std::string(kValid));
      } else {
        fail(escape, "invalid escape in a string: '\\' followed by " + describe(text_, escape + 1) +
                         ": " + std::string(kValid));
      }
      return false;
    }
    const auto unit = read_hex4(text_, escape + 2);
    if (!unit) {
      std::size_t bad = escape + 2;
      while (bad < text_.size() && hex_digit_value(text_[bad]) >= 0) ++bad;
      if (bad >= text_.size()) return unterminated_string(string_start);
      fail(escape, "invalid \\u escape in a string: expected four hexadecimal digits, found " +
                       describe(text_, bad));
      return false;
    }
    pos_ = escape + 6;
    const std::string shown_escape(text_.substr(escape, 6));
    if (*unit >= 0xDC00 && *unit <= 0xDFFF) {
      fail(escape, "lone surrogate " + shown_escape +
                       " in a string: a low surrogate must come right after a high surrogate "
                       "(\\uD800 to \\uDBFF)");
      return false;
    }
    if (*unit >= 0xD800 && *unit <= 0xDBFF) {
      const auto low = has_at(text_, pos_, "\\u") ? read_hex4(text_, pos_ + 2) : std::nullopt;
      if (low && *low >= 0xDC00 && *low <= 0xDFFF) {
        pos_ += 6;
        return true;
      }
      const std::string problem =
          low ? "invalid surrogate pair " + std::string(text_.substr(escape, 12))
              : "lone surrogate " + shown_escape;
      fail(escape, problem +
                       " in a string: a high surrogate must be followed by a low surrogate "
                       "(\\uDC00 to \\uDFFF)");
      return false;
    }
    return true;
  }

  bool unterminated_string(std::size_t string_start) {
    fail(string_start, "unterminated string: no closing '\"' before the end of input");
    return false;
  }

  // At '-' or a digit; leaves pos_ after the number.
  bool scan_number() {
    const std::size_t start = pos_;
    if (text_[pos_] == '-') {
      ++pos_;
      if (has_at(text_, pos_, "Infinity")) {
        fail(start, "-Infinity is not allowed in JSON: numbers must be finite");
        return false;
      }
      if (at_end() || !is_digit(text_[pos_])) return unexpected_in_token("a digit after '-'");
    }
    if (text_[pos_] == '0') {
      const char following = pos_ + 1 < text_.size() ? text_[pos_ + 1] : '\0';
      if (is_digit(following)) {
        std::size_t end = pos_;
        while (end < text_.size() && is_digit(text_[end])) ++end;
        fail(pos_, "leading zeros are not allowed in numbers, found '" +
                       shown(text_.substr(start, end - start)) + "'");
        return false;
      }
      if (following == 'x' || following == 'X') {
        fail(start, "hexadecimal numbers are not allowed in JSON");
        return false;
      }
      ++pos_;
    } else {
      skip_digits();
    }
    if (!at_end() && text_[pos_] == '.') {
      ++pos_;
      if (at_end() || !is_digit(text_[pos_])) {
        return unexpected_in_token("a digit after the decimal point");
      }
      skip_digits();
    }
    if (!at_end() && (text_[pos_] == 'e' || text_[pos_] == 'E')) {
      ++pos_;
      if (!at_end() && (text_[pos_] == '+' || text_[pos_] == '-')) ++pos_;
      if (at_end() || !is_digit(text_[pos_])) return unexpected_in_token("a digit in the exponent");
      skip_digits();
    }
    return true;
  }

  void skip_digits() {
    while (!at_end() && is_digit(text_[pos_])) ++pos_;
  }

  // At a letter; accepts true, false and null and explains what else people write.
  bool scan_literal() {
    static constexpr std::array<std::string_view, 3> kLiterals = {"true", "false", "null"};
    const std::string_view word = word_at(pos_);
    if (std::find(kLiterals.begin(), kLiterals.end(), word) != kLiterals.end()) {
      pos_ += word.size();
      return true;
    }
    if (word == "NaN" || word == "Infinity") {
      fail(pos_, std::string(word) + " is not allowed in JSON: numbers must be finite");
      return false;
    }
    if (pos_ + word.size() == text_.size()) {
      for (const std::string_view literal : kLiterals) {
        if (literal.starts_with(word)) {
          fail(text_.size(), "unexpected end of input: expected '" + std::string(literal) + "'");
          return false;
        }
      }
    }
    const std::string lower = ascii_lowercase(word);
    if (std::find(kLiterals.begin(), kLiterals.end(), lower) != kLiterals.end()) {
      fail(pos_, "expected a value, found '" + std::string(word) +
                     "': JSON literals are lowercase: true, false, null");
      return false;
    }
    fail(pos_, "invalid literal '" + shown(word) +
                   "': expected true, false or null (strings need double quotes)");
    return false;
  }

  std::string_view word_at(std::size_t pos) const {
    std::size_t end = pos;
    while (end < text_.size() && is_word_char(text_[end])) ++end;
    return text_.substr(pos, end - pos);
  }

  static bool starts_like_value(char c) {
    return c == '"' || c == '\'' || c == '{' || c == '[' || c == '-' || is_digit(c) ||
           is_ascii_letter(c);
  }

  // After a value inside a container, true when what follows looks like the next element or
  // member, so a comma is what is missing. Tokens glued to the previous one (`12px`) are not.
  bool looks_like_next_item(bool in_array) const {
    const char c = text_[pos_];
    if (c == '"' || c == '\'') return true;
    if (in_array && (c == '[' || c == '{')) return true;
    const char previous = text_[pos_ - 1];
    const bool glued = is_word_char(previous) || previous == '.';
    if (glued) return false;
    return is_ascii_letter(c) || (in_array && (c == '-' || is_digit(c)));
  }

  // Problems reported the same way wherever they turn up: invalid UTF-8 and comments.
  bool special_problem() {
    if (static_cast<unsigned char>(text_[pos_]) >= 0x80 && utf8_length(text_, pos_) == 0) {
      invalid_utf8();
      return true;
    }
    if (has_at(text_, pos_, "//") || has_at(text_, pos_, "/*")) {
      fail(pos_,
           "comments are not allowed in JSON, found '" + std::string(text_.substr(pos_, 2)) + "'");
      return true;
    }
    return false;
  }

  // Records the invalid UTF-8 sequence starting at pos_; false, for `return invalid_utf8();`.
  bool invalid_utf8() {
    fail(pos_, "invalid UTF-8 byte 0x" + hex(static_cast<unsigned char>(text_[pos_]), 2));
    return false;
  }

  // `expected` was not found at pos_ (or the text ended there).
  Step unexpected(std::string_view expected) {
    if (at_end()) {
      return fail(text_.size(), "unexpected end of input: expected " + std::string(expected));
    }
    if (special_problem()) return Step::failed;
    const std::size_t length = utf8_length(text_, pos_);
    const char32_t code_point = decode_utf8(text_, pos_, length);
    if (code_point == 0x201C || code_point == 0x201D || code_point == 0x2018 ||
        code_point == 0x2019) {
      return fail(pos_, "expected " + std::string(expected) + ", found a curly quote " +
                            describe(text_, pos_) + ": JSON needs straight double quotes (\")");
    }
    return fail(pos_, "expected " + std::string(expected) + ", found " + describe(text_, pos_));
  }

  bool unexpected_in_token(std::string_view expected) {
    unexpected(expected);
    return false;
  }

  Step fail(std::size_t offset, std::string message) {
    error_ = SyntaxError{offset, std::move(message)};
    return Step::failed;
  }

  bool at_end() const { return pos_ >= text_.size(); }

  std::string_view text_;
  std::size_t max_depth_;
  std::size_t pos_ = 0;
  std::vector<char> open_;  // '[' or '{' for each open container, innermost last
  std::optional<SyntaxError> error_;
};

}  // namespace

TextPosition position_of(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  TextPosition position{offset, 1, 1};
  std::size_t pos = 0;
  while (pos < offset) {
    const char c = text[pos];
    if (c == '\n' || (c == '\r' && (pos + 1 == text.size() || text[pos + 1] != '\n'))) {
      ++position.line;
      position.column = 1;
      ++pos;
      continue;
    }
    // A byte that starts no valid sequence is shown as a character of its own.
    const std::size_t length = std::max<std::size_t>(utf8_length(text, pos), 1);
    if (pos + length > offset) break;  // `offset` is inside this character
    ++position.column;
    pos += length;
  }
  return position;
}

std::optional<std::size_t> first_invalid_utf8(std::string_view text) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    // ASCII runs are most of any document; skip them without the table lookup.
    if (static_cast<unsigned char>(text[pos]) < 0x80) {
      ++pos;
      continue;
    }
    const std::size_t length = utf8_length(text, pos);
    if (length == 0) return pos;
    pos += length;
  }
  return std::nullopt;
}

std::vector<std::size_t> locate_keys(std::string_view text, std::size_t object,
                                     std::string_view key) {
  std::vector<std::size_t> offsets;
  for_each_member(text, object, [&](std::size_t name, std::string_view raw_name, std::size_t) {
    if (name_equals(raw_name, key)) offsets.push_back(name);
    return true;
  });
  return offsets;
}

std::optional<SyntaxError> find_syntax_error(std::string_view text, std::size_t max_depth) {
  return SyntaxChecker(text, max_depth).run();
}

}  // namespace oaskit::detail
