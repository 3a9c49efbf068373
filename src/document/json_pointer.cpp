#include "json_pointer.hpp"

#include <boost/json.hpp>
#include <charconv>
#include <optional>

namespace oaskit::detail {
namespace {

std::optional<std::string> unescape_token(std::string_view token) {
  std::string out;
  out.reserve(token.size());
  for (std::size_t i = 0; i < token.size(); ++i) {
    if (token[i] != '~') {
      out += token[i];
      continue;
    }
    if (i + 1 == token.size() || (token[i + 1] != '0' && token[i + 1] != '1')) return std::nullopt;
    out += token[i + 1] == '0' ? '~' : '/';
    ++i;
  }
  return out;
}

// A canonical array index ("0", "12"; not "01", "-1" or "1x").
std::optional<std::size_t> array_index(std::string_view token) {
  std::size_t index = 0;
  const char* last = token.data() + token.size();
  const auto parsed = std::from_chars(token.data(), last, index);
  const bool canonical = !token.empty() && (token.size() == 1 || token.front() != '0');
  if (parsed.ec != std::errc{} || parsed.ptr != last || !canonical) return std::nullopt;
  return index;
}

std::string where(const Path& path) { return path.empty() ? "the document" : to_string(path); }

}  // namespace

PointerTarget follow_pointer(const boost::json::value& root, std::string_view pointer) {
  PointerTarget out;
  if (!pointer.empty() && pointer.front() != '/') {
    out.problem = "a JSON pointer must start with '/'";
    return out;
  }
  const boost::json::value* at = &root;
  std::size_t start = 0;
  while (start < pointer.size()) {
    const std::size_t end = std::min(pointer.find('/', start + 1), pointer.size());
    auto token = unescape_token(pointer.substr(start + 1, end - start - 1));
    start = end;
    if (!token) {
      out.problem = "'~' must be followed by 0 or 1 in a JSON pointer";
      return out;
    }
    if (const auto* object = at->if_object()) {
      const auto* next = object->if_contains(*token);
      if (next == nullptr) {
        out.problem = "no member '" + *token + "' in " + where(out.path);
        return out;
      }
      out.path.emplace_back(std::move(*token));
      at = next;
    } else if (const auto* array = at->if_array()) {
      const auto parsed_index = array_index(*token);
      if (!parsed_index) {
        out.problem = "'" + *token + "' is not an array index, in " + where(out.path);
        return out;
      }
      const std::size_t index = *parsed_index;
      if (index >= array->size()) {
        out.problem = "index " + *token + " is past the end of " + where(out.path) + " (" +
                      std::to_string(array->size()) + " items)";
        return out;
      }
      out.path.emplace_back(index);
      at = &(*array)[index];
    } else {
      out.problem = where(out.path) + " is neither an object nor an array";
      return out;
    }
  }
  out.value = at;
  return out;
}

const boost::json::value* find_at(const boost::json::value& root, const Path& path) {
  const boost::json::value* at = &root;
  for (const auto& step : path) {
    if (const auto* name = std::get_if<std::string>(&step)) {
      const auto* object = at->if_object();
      if (object == nullptr) return nullptr;
      at = object->if_contains(*name);
    } else {
      const auto* array = at->if_array();
      const std::size_t index = std::get<std::size_t>(step);
      if (array == nullptr || index >= array->size()) return nullptr;
      at = &(*array)[index];
    }
    if (at == nullptr) return nullptr;
  }
  return at;
}

std::string percent_encode(std::string_view text, std::string_view allowed) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size());
  for (unsigned char c : text) {
    if (allowed.find(static_cast<char>(c)) != std::string_view::npos) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

std::optional<std::string> percent_decode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      out += text[i];
      continue;
    }
    if (i + 2 >= text.size()) return std::nullopt;
    const int high = hex(text[i + 1]);
    const int low = hex(text[i + 2]);
    if (high < 0 || low < 0) return std::nullopt;
    out += static_cast<char>(high * 16 + low);
    i += 2;
  }
  return out;
}

}  // namespace oaskit::detail
