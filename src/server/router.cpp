#include "server/router.hpp"

#include <algorithm>
#include <variant>

#include "http/form.hpp"

namespace oaskit::server::detail {

namespace {

// One segment of a template: literal text and parameters, in order. A plain literal segment
// has one piece; a whole-segment parameter one parameter piece.
struct Piece {
  bool parameter = false;
  std::string text;  // the literal, or the parameter's name
  friend bool operator==(const Piece&, const Piece&) = default;
};
using Pattern = std::vector<Piece>;

std::vector<std::string_view> split(std::string_view path) {
  std::vector<std::string_view> segments;
  std::size_t start = 1;  // after the leading '/'
  for (;;) {
    const auto slash = path.find('/', start);
    segments.push_back(path.substr(start, slash == std::string_view::npos ? slash : slash - start));
    if (slash == std::string_view::npos) return segments;
    start = slash + 1;
  }
}

std::optional<Pattern> pattern_of(std::string_view segment, std::string& error) {
  Pattern pattern;
  std::size_t i = 0;
  while (i < segment.size()) {
    if (segment[i] == '{') {
      const auto close = segment.find('}', i);
      if (close == std::string_view::npos || close == i + 1 ||
          segment.substr(i + 1, close - i - 1).find('{') != std::string_view::npos) {
        error = "a '{' without its '}' or with an empty name";
        return std::nullopt;
      }
      if (!pattern.empty() && pattern.back().parameter) {
        error = "two parameters with nothing between them cannot be told apart";
        return std::nullopt;
      }
      pattern.push_back({true, std::string(segment.substr(i + 1, close - i - 1))});
      i = close + 1;
    } else {
      const auto brace = segment.find_first_of("{}", i);
      const auto end = brace == std::string_view::npos ? segment.size() : brace;
      if (brace != std::string_view::npos && segment[brace] == '}') {
        error = "a '}' without its '{'";
        return std::nullopt;
      }
      auto decoded = oaskit::detail::percent_decode(segment.substr(i, end - i), false);
      if (!decoded) {
        error = "an invalid %-escape";
        return std::nullopt;
      }
      pattern.push_back({false, std::move(*decoded)});
      i = end;
    }
  }
  if (pattern.empty()) pattern.push_back({false, ""});
  return pattern;
}

// Ordering key for a pattern's kind: literals first, then mixed, then a whole parameter.
bool is_literal(const Pattern& p) { return p.size() == 1 && !p.front().parameter; }
bool is_parameter(const Pattern& p) { return p.size() == 1 && p.front().parameter; }

// The same shape with names erased: `/pets/{id}` and `/pets/{petId}` are one shape.
Pattern shape(Pattern pattern) {
  for (auto& piece : pattern)
    if (piece.parameter) piece.text.clear();
  return pattern;
}

// Matches a decoded segment against a mixed pattern, appending the parameter values. A
// parameter takes the shortest text up to the next literal; none may be empty.
bool match_mixed(const Pattern& pattern, std::string_view segment,
                 std::vector<std::string>& values) {
  std::size_t at = 0;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const auto& piece = pattern[i];
    if (!piece.parameter) {
      if (segment.substr(at, piece.text.size()) != piece.text) return false;
      at += piece.text.size();
      continue;
    }
    std::size_t end = segment.size();
    if (i + 1 < pattern.size()) {
      const auto& next = pattern[i + 1].text;
      // The last literal is a suffix; others are found from the left.
      end = i + 2 == pattern.size()
                ? (segment.size() >= next.size() + at + 1 && segment.ends_with(next)
                       ? segment.size() - next.size()
                       : std::string_view::npos)
                : segment.find(next, at + 1);
      if (end == std::string_view::npos) return false;
    }
    if (end <= at) return false;
    values.emplace_back(segment.substr(at, end - at));
    at = end;
  }
  return at == segment.size();
}

}  // namespace

struct Router::Node {
  std::map<std::string, std::unique_ptr<Node>, std::less<>> literals;
  std::vector<std::pair<Pattern, std::unique_ptr<Node>>> mixed;  // in the order added
  std::unique_ptr<Node> parameter;
  std::optional<std::size_t> route;
  std::string route_template;  // for the error on a second template of the same shape
};

Router::Router() : root_(std::make_unique<Node>()) {}
Router::~Router() = default;
Router::Router(Router&&) noexcept = default;
Router& Router::operator=(Router&&) noexcept = default;

std::optional<std::string> Router::add(std::string_view path_template, std::size_t route) {
  if (path_template.empty() || path_template.front() != '/') {
    return "a path template must start with '/'";
  }
  Node* node = root_.get();
  std::vector<std::string> names;
  for (const auto segment : split(path_template)) {
    std::string error;
    auto pattern = pattern_of(segment, error);
    if (!pattern) return "the segment '" + std::string(segment) + "' has " + error;
    for (const auto& piece : *pattern) {
      if (!piece.parameter) continue;
      if (std::find(names.begin(), names.end(), piece.text) != names.end()) {
        return "the parameter {" + piece.text + "} appears twice";
      }
      names.push_back(piece.text);
    }
    std::unique_ptr<Node>* next = nullptr;
    if (is_literal(*pattern)) {
      next = &node->literals[pattern->front().text];
    } else if (is_parameter(*pattern)) {
      next = &node->parameter;
    } else {
      auto key = shape(*pattern);
      auto found = std::find_if(node->mixed.begin(), node->mixed.end(),
                                [&](const auto& entry) { return shape(entry.first) == key; });
      next = found != node->mixed.end() ? &found->second
                                        : &node->mixed.emplace_back(std::move(key), nullptr).second;
    }
    if (!*next) *next = std::make_unique<Node>();
    node = next->get();
  }
  if (node->route) {
    return "it matches the same paths as '" + node->route_template +
           "' (only the parameter names differ); the first one is served";
  }
  node->route = route;
  node->route_template = std::string(path_template);
  if (names_.size() <= route) names_.resize(route + 1);
  names_[route] = std::move(names);
  return std::nullopt;
}

namespace {

// Depth-first, literals before mixed segments before parameters, so the most specific
// template wins from the left.
const Router::Node* find(const Router::Node& node, const std::vector<std::string>& segments,
                         std::size_t at, std::vector<std::string>& values) {
  if (at == segments.size()) return node.route ? &node : nullptr;
  const auto& segment = segments[at];
  if (auto literal = node.literals.find(segment); literal != node.literals.end()) {
    if (const auto* found = find(*literal->second, segments, at + 1, values)) return found;
  }
  for (const auto& [pattern, child] : node.mixed) {
    const auto mark = values.size();
    if (match_mixed(pattern, segment, values)) {
      if (const auto* found = find(*child, segments, at + 1, values)) return found;
    }
    values.resize(mark);
  }
  if (node.parameter && !segment.empty()) {
    values.push_back(segment);
    if (const auto* found = find(*node.parameter, segments, at + 1, values)) return found;
    values.pop_back();
  }
  return nullptr;
}

}  // namespace

std::variant<Router::Match, Router::Failure> Router::match(std::string_view path) const {
  if (path.empty() || path.front() != '/') return Failure::not_found;
  std::vector<std::string> segments;
  for (const auto segment : split(path)) {
    auto decoded = oaskit::detail::percent_decode(segment, false);
    if (!decoded) return Failure::bad_encoding;
    segments.push_back(std::move(*decoded));
  }
  std::vector<std::string> values;
  const auto* node = find(*root_, segments, 0, values);
  if (node == nullptr) return Failure::not_found;
  Match match{.route = *node->route, .parameters = {}};
  const auto& names = names_[*node->route];
  for (std::size_t i = 0; i < values.size() && i < names.size(); ++i) {
    match.parameters.emplace_back(names[i], std::move(values[i]));
  }
  return match;
}

}  // namespace oaskit::server::detail
