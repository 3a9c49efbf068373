#include "json_positions.hpp"

#include "oaskit/diagnostic.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <vector>

namespace oaskit::detail {
namespace {

class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text) {
    if (text_.starts_with("\xEF\xBB\xBF")) advance(3);
  }

  [[nodiscard]] bool done() const { return at_ >= text_.size(); }
  [[nodiscard]] char peek() const { return done() ? '\0' : text_[at_]; }
  [[nodiscard]] TextPosition position() const { return {at_, line_, column_}; }

  void skip_blank() {
    while (!done() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r')) {
      advance(1);
    }
  }

  // Moves past `count` bytes, keeping line and column.
  void advance(std::size_t count) {
    for (std::size_t i = 0; i < count && !done(); ++i) {
      const char c = text_[at_++];
      if (c == '\n' || (c == '\r' && peek() != '\n')) {
        ++line_;
        column_ = 1;
      } else if (c != '\r' && (static_cast<unsigned char>(c) & 0xC0) != 0x80) {
        ++column_;  // a UTF-8 continuation byte belongs to the character before it
      }
    }
  }

  // A string token, unescaped (escapes are rare in keys: those go through Boost.JSON).
  std::string string() {
    const std::size_t start = at_;
    advance(1);
    bool escaped = false;
    while (!done() && peek() != '"') {
      if (peek() == '\\') {
        escaped = true;
        advance(1);
      }
      advance(1);
    }
    advance(1);
    const std::string_view token = text_.substr(start, at_ - start);
    if (token.size() < 2 || token.back() != '"') return {};  // cut short: not JSON
    if (!escaped) return std::string(token.substr(1, token.size() - 2));
    boost::system::error_code ec;
    const auto value = boost::json::parse(token, ec);
    return !ec && value.is_string() ? std::string(value.get_string()) : std::string();
  }

  // A number or literal: up to the next delimiter.
  void scalar() {
    if (peek() == '"') {
      string();
      return;
    }
    while (!done() && std::string_view(",]} \t\r\n").find(peek()) == std::string_view::npos) {
      advance(1);
    }
  }

 private:
  std::string_view text_;
  std::size_t at_ = 0;
  std::size_t line_ = 1;
  std::size_t column_ = 1;
};

}  // namespace

std::unordered_map<std::string, TextPosition> index_json_positions(std::string_view text) {
  std::unordered_map<std::string, TextPosition> out;
  struct Frame {
    bool object;
    std::size_t index;
    std::size_t pointer_length;  // the container's own pointer
  };
  std::vector<Frame> stack;
  std::string pointer;
  Scanner scan(text);
  scan.skip_blank();
  bool want_value = true;  // else: after a value, want ',' or a closing bracket
  while (!scan.done()) {
    if (want_value) {
      out.try_emplace(pointer, scan.position());
      const char c = scan.peek();
      if (c == '{' || c == '[') {
        stack.push_back({c == '{', 0, pointer.size()});
        scan.advance(1);
        scan.skip_blank();
        if (scan.peek() == '}' || scan.peek() == ']') {
          want_value = false;  // empty: the closing bracket is handled below
          continue;
        }
        if (c == '{') {
          append_json_pointer_token(pointer, scan.string());
          scan.skip_blank();
          scan.advance(1);  // ':'
          scan.skip_blank();
        } else {
          pointer += "/0";
        }
        continue;
      }
      scan.scalar();
      want_value = false;
      if (stack.empty()) break;
      continue;
    }
    scan.skip_blank();
    if (stack.empty()) break;
    Frame& top = stack.back();
    const char c = scan.peek();
    if (c == ',') {
      scan.advance(1);
      scan.skip_blank();
      pointer.resize(top.pointer_length);
      ++top.index;
      if (top.object) {
        append_json_pointer_token(pointer, scan.string());
        scan.skip_blank();
        scan.advance(1);  // ':'
        scan.skip_blank();
      } else {
        pointer += '/' + std::to_string(top.index);
      }
      want_value = true;
    } else if (c == '}' || c == ']') {
      scan.advance(1);
      pointer.resize(top.pointer_length);
      stack.pop_back();
      if (stack.empty()) break;
    } else {
      break;  // not valid JSON: stop with what is known
    }
  }
  return out;
}

}  // namespace oaskit::detail
