#include "big_integers.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstring>

namespace oaskit::detail {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The number of digits in a row around `at`.
std::size_t digit_run(std::string_view text, std::size_t at) {
  std::size_t first = at;
  while (first > 0 && is_digit(text[first - 1])) --first;
  std::size_t last = at;
  while (last < text.size() && is_digit(text[last])) ++last;
  return last - first;
}

// True for an integer literal (no fraction, no exponent) that fits neither int64 nor uint64.
bool out_of_range_integer(std::string_view token) {
  if (token.find_first_of(".eE") != std::string_view::npos) return false;
  if (token.starts_with('-')) {
    std::int64_t value = 0;
    return std::from_chars(token.data(), token.data() + token.size(), value).ec ==
           std::errc::result_out_of_range;
  }
  std::uint64_t value = 0;
  return std::from_chars(token.data(), token.data() + token.size(), value).ec ==
         std::errc::result_out_of_range;
}

// The offset just past the string whose opening quote is at `open` (or the end). memchr jumps
// over the text, which is most of a document; a quote preceded by an odd number of
// backslashes is escaped.
std::size_t skip_string(std::string_view text, std::size_t open) {
  std::size_t from = open + 1;
  while (from < text.size()) {
    const void* found = std::memchr(text.data() + from, '"', text.size() - from);
    if (found == nullptr) return text.size();
    const auto quote = static_cast<std::size_t>(static_cast<const char*>(found) - text.data());
    std::size_t backslashes = 0;
    while (quote - backslashes > open + 1 && text[quote - backslashes - 1] == '\\') ++backslashes;
    if (backslashes % 2 == 0) return quote + 1;
    from = quote + 1;
  }
  return text.size();
}

// Calls `on_number(start, token)` for every number literal outside strings, until it
// returns false.
template <class OnNumber>
void for_each_number(std::string_view text, OnNumber on_number) {
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (c == '"') {
      i = skip_string(text, i);
      continue;
    }
    if (c == '-' || is_digit(c)) {
      const std::size_t start = i;
      ++i;
      while (i < text.size() && (is_digit(text[i]) || text[i] == '.' || text[i] == 'e' ||
                                 text[i] == 'E' || text[i] == '+' || text[i] == '-')) {
        ++i;
      }
      if (!on_number(start, text.substr(start, i - start))) return;
      continue;
    }
    ++i;
  }
}

}  // namespace

bool may_have_big_integers(std::string_view text) {
  // Any 19 bytes in a row include one whose offset is 18 modulo 19.
  constexpr std::size_t digits = 19;
  for (std::size_t i = digits - 1; i < text.size(); i += digits) {
    if (is_digit(text[i]) && digit_run(text, i) >= digits) return true;
  }
  return false;
}

std::optional<std::string> widen_big_integers(std::string_view text, std::size_t padding) {
  std::string out;
  std::size_t copied = 0;
  for_each_number(text, [&](std::size_t start, std::string_view token) {
    if (out_of_range_integer(token)) {
      if (out.empty()) out.reserve(text.size() + text.size() / 64 + padding);
      const std::size_t end = start + token.size();
      out.append(text.substr(copied, end - copied));
      out += ".0";
      copied = end;
    }
    return true;
  });
  if (copied == 0) return std::nullopt;
  out.reserve(out.size() + (text.size() - copied) + padding);
  out.append(text.substr(copied));
  return out;
}

std::optional<std::size_t> find_number_out_of_range(std::string_view text) {
  std::optional<std::size_t> found;
  for_each_number(text, [&](std::size_t start, std::string_view token) {
    double value = 0;
    if (std::from_chars(token.data(), token.data() + token.size(), value).ec ==
        std::errc::result_out_of_range) {
      found = start;
      return false;
    }
    return true;
  });
  return found;
}

}  // namespace oaskit::detail
