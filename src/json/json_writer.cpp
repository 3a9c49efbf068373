#include "json_writer.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>

namespace oaskit::detail {

void JsonWriter::grow(std::size_t n) {
  if (sink_ == nullptr) {
    out_.resize(size_ + n + std::max(out_.size() / 8, kStep));
    return;
  }
  flush();
  if (n > out_.size()) out_.resize(std::max(n, kSinkBlock));
}

void JsonWriter::flush() {
  if (sink_ == nullptr || size_ == 0) return;
  sink_ok_ = std::fwrite(out_.data(), 1, size_, sink_) == size_ && sink_ok_;
  size_ = 0;
}

void JsonWriter::new_line() {
  const std::size_t indent = static_cast<std::size_t>(depth_) * 2;
  char* at = room(indent + 1);
  *at = '\n';
  std::memset(at + 1, ' ', indent);
  size_ += indent + 1;
}

void JsonWriter::before_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (depth_ == 0) return;
  if (!first_) put(',');
  first_ = false;
  if (indent_) new_line();
}

void JsonWriter::open(char bracket) {
  before_value();
  put(bracket);
  ++depth_;
  first_ = true;
}

void JsonWriter::close(char bracket) {
  --depth_;
  if (indent_ && !first_) new_line();
  put(bracket);
  first_ = false;
}

void JsonWriter::key(std::string_view name) {
  before_value();
  escaped(name);
  put(indent_ ? std::string_view(": ") : std::string_view(":"));
  after_key_ = true;
}

void JsonWriter::string(std::string_view s) {
  before_value();
  escaped(s);
}

namespace {

// True when one of the 8 bytes of `word` must be escaped: a control character, '"' or '\\'.
// Strings are mostly plain text, so they are checked a word at a time.
bool needs_escape(std::uint64_t word) {
  constexpr std::uint64_t ones = 0x0101010101010101ULL;
  constexpr std::uint64_t highs = 0x8080808080808080ULL;
  auto has_zero = [&](std::uint64_t x) { return ((x - ones) & ~x & highs) != 0; };
  const bool control = ((word - ones * 0x20) & ~word & highs) != 0;
  return control || has_zero(word ^ (ones * '"')) || has_zero(word ^ (ones * '\\'));
}

}  // namespace

void JsonWriter::escaped(std::string_view s) {
  static constexpr char hex[] = "0123456789abcdef";
  // Each byte becomes at most 6 ("\u001f"); plus the quotes.
  char* const start = room(s.size() * 6 + 2);
  char* out = start;
  *out++ = '"';
  std::size_t i = 0;
  while (i < s.size()) {
    if (i + 8 <= s.size()) {
      std::uint64_t word = 0;
      std::memcpy(&word, s.data() + i, sizeof word);
      if (!needs_escape(word)) {
        std::memcpy(out, s.data() + i, sizeof word);
        out += sizeof word;
        i += 8;
        continue;
      }
    }
    const auto c = static_cast<unsigned char>(s[i++]);
    if (c >= 0x20 && c != '"' && c != '\\') {
      *out++ = static_cast<char>(c);
      continue;
    }
    *out++ = '\\';
    switch (c) {
      case '"':
        *out++ = '"';
        break;
      case '\\':
        *out++ = '\\';
        break;
      case '\n':
        *out++ = 'n';
        break;
      case '\r':
        *out++ = 'r';
        break;
      case '\t':
        *out++ = 't';
        break;
      case '\b':
        *out++ = 'b';
        break;
      case '\f':
        *out++ = 'f';
        break;
      default:
        *out++ = 'u';
        *out++ = '0';
        *out++ = '0';
        *out++ = hex[c >> 4];
        *out++ = hex[c & 0xF];
    }
  }
  *out++ = '"';
  size_ += static_cast<std::size_t>(out - start);
}

void JsonWriter::number(std::int64_t i) {
  before_value();
  std::array<char, 24> buffer{};
  auto* end = std::to_chars(buffer.data(), buffer.data() + buffer.size(), i).ptr;
  put(std::string_view(buffer.data(), static_cast<std::size_t>(end - buffer.data())));
}

void JsonWriter::number(std::uint64_t u) {
  before_value();
  std::array<char, 24> buffer{};
  auto* end = std::to_chars(buffer.data(), buffer.data() + buffer.size(), u).ptr;
  put(std::string_view(buffer.data(), static_cast<std::size_t>(end - buffer.data())));
}

void JsonWriter::number(double d) {
  before_value();
  if (!std::isfinite(d)) {  // JSON has no NaN or infinity; only code can make them
    put("null");
    return;
  }
  std::array<char, 32> buffer{};
  auto* end = std::to_chars(buffer.data(), buffer.data() + buffer.size(), d).ptr;
  std::string_view text(buffer.data(), static_cast<std::size_t>(end - buffer.data()));
  put(text);
  if (text.find_first_of(".e") == std::string_view::npos) put(".0");
}

void JsonWriter::any(const Any& v) {
  switch (v.kind()) {
    case boost::json::kind::null:
      null();
      return;
    case boost::json::kind::bool_:
      boolean(v.get_bool());
      return;
    case boost::json::kind::int64:
      number(v.get_int64());
      return;
    case boost::json::kind::uint64:
      number(v.get_uint64());
      return;
    case boost::json::kind::double_:
      number(v.get_double());
      return;
    case boost::json::kind::string:
      string(v.get_string());
      return;
    case boost::json::kind::array:
      begin_array();
      for (const auto& item : v.get_array()) any(item);
      end_array();
      return;
    case boost::json::kind::object:
      begin_object();
      for (const auto& member : v.get_object()) {
        key(member.key());
        any(member.value());
      }
      end_object();
      return;
  }
}

}  // namespace oaskit::detail
