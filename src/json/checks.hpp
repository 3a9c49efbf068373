#pragma once
// The constraints of check:: applied to values just read.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "oaskit/box.hpp"
#include "oaskit/field.hpp"
#include "oaskit/map_with_extensions.hpp"
#include "oaskit/number.hpp"
#include "path_node.hpp"
#include "read_context.hpp"
#include "type_traits.hpp"
#include "util/ascii.hpp"

namespace oaskit::detail {

/// `d` as the shortest text that reads back as it ("0.5", "1e+300").
std::string format_number(double d);

/// Why `text` is not an absolute URL, or nothing when it is one.
std::optional<std::string> url_problem(std::string_view text);
/// Why `text` is not an e-mail address, or nothing when it is one.
std::optional<std::string> email_problem(std::string_view text);

void apply_check(const check::GreaterThan& c, const Number& n, ReadContext& cx, const PathNode& at);
void apply_check(const check::GreaterEqual& c, std::int64_t n, ReadContext& cx, const PathNode& at);
void apply_check(const check::Url& c, const std::string& s, ReadContext& cx, const PathNode& at);
void apply_check(const check::Email& c, const std::string& s, ReadContext& cx, const PathNode& at);
void apply_check(const check::LiteralNoCase& c, const std::string& s, ReadContext& cx,
                 const PathNode& at);

/// Whether a check looks at an object's keys, which stay right even when values inside have
/// errors, so it runs regardless.
template <class C>
inline constexpr bool checks_keys =
    std::is_same_v<C, check::PathKeys> || std::is_same_v<C, check::ResponseKeys>;

template <class T>
void apply_check(const check::PathKeys&, const MapWithExtensions<T>& paths, ReadContext& cx,
                 const PathNode& at) {
  for (const auto& [key, item] : paths.entries) {
    if (!key.starts_with('/')) {
      cx.error(at.member(key), "string_pattern_mismatch",
               "A path should begin with '/', got \"" + key +
                   R"(" (Paths keys are relative to the server URL, e.g. "/pets"))");
    }
  }
}

/// True for "default", a status code from 100 to 599, or a range "1XX" to "5XX".
bool is_response_key(std::string_view key);

template <class T>
void apply_check(const check::ResponseKeys&, const MapWithExtensions<T>& responses, ReadContext& cx,
                 const PathNode& at) {
  for (const auto& [key, response] : responses.entries) {
    if (!is_response_key(key)) {
      cx.error(at.member(key), "string_pattern_mismatch",
               "A response key should be an HTTP status code such as \"200\", a range such as "
               "\"4XX\", or \"default\"; got \"" +
                   key + "\"");
    }
  }
}

template <class T>
void apply_check(const check::MinItems& c, const std::vector<T>& items, ReadContext& cx,
                 const PathNode& at) {
  if (items.size() < c.count) {
    cx.error(at, "too_short",
             "List should have at least " + std::to_string(c.count) + " item" +
                 (c.count == 1 ? "" : "s") + ", not " + std::to_string(items.size()));
  }
}

template <NamedEnum E>
void apply_check(const check::Equals<E>& c, E value, ReadContext& cx, const PathNode& at) {
  if (value != c.value) {
    const auto names = names_of<E>();
    cx.error(at, "literal_error",
             "Input should be '" + std::string(names[static_cast<std::size_t>(c.value)]) +
                 "', got '" + std::string(names[static_cast<std::size_t>(value)]) + "'");
  }
}

// Optional fields are checked when present.
template <class C, class T>
void apply_check(const C& c, const std::optional<T>& value, ReadContext& cx, const PathNode& at) {
  if (value) apply_check(c, *value, cx, at);
}
template <class C, class T>
void apply_check(const C& c, const Box<T>& value, ReadContext& cx, const PathNode& at) {
  if (value) apply_check(c, *value, cx, at);
}

}  // namespace oaskit::detail
