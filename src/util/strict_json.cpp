// Headers and claims are parsed on every verification, so this is on the hot path: Boost.JSON's
// parser builds the value in one pass, straight from the text. Repeated member names are found
// by counting: boost::json keeps only the last of repeated members, so the value ends up with
// fewer members than the text has exactly when a name repeats (escapes are undone first, so "a"
// and "\u0061" are the same name). Only a refused text goes through parse<Any>, which is slower
// but says where the problem is.

#include "util/strict_json.hpp"

#include <boost/json/basic_parser_impl.hpp>
#include <boost/json/value_stack.hpp>
#include <cmath>
#include <vector>

#include "oaskit/any.hpp"
#include "oaskit/json.hpp"

namespace oaskit::detail {
namespace {

namespace json = boost::json;

// boost::json's own value builder, plus the number of members the text gives its objects.
class CountingBuilder : public StrictHandlerLimits {
 public:
  json::value_stack values;
  std::size_t members_in_text = 0;

  static bool on_document_begin(json::error_code& /*ec*/) { return true; }
  static bool on_document_end(json::error_code& /*ec*/) { return true; }
  static bool on_object_begin(json::error_code& /*ec*/) { return true; }
  bool on_object_end(std::size_t members, json::error_code& /*ec*/) {
    members_in_text += members;
    values.push_object(members);
    return true;
  }
  static bool on_array_begin(json::error_code& /*ec*/) { return true; }
  bool on_array_end(std::size_t items, json::error_code& /*ec*/) {
    values.push_array(items);
    return true;
  }
  bool on_key_part(json::string_view part, std::size_t /*size*/, json::error_code& /*ec*/) {
    values.push_chars(part);
    return true;
  }
  bool on_key(json::string_view last, std::size_t /*size*/, json::error_code& /*ec*/) {
    values.push_key(last);
    return true;
  }
  bool on_string_part(json::string_view part, std::size_t /*size*/, json::error_code& /*ec*/) {
    values.push_chars(part);
    return true;
  }
  bool on_string(json::string_view last, std::size_t /*size*/, json::error_code& /*ec*/) {
    values.push_string(last);
    return true;
  }
  static bool on_number_part(json::string_view /*part*/, json::error_code& /*ec*/) { return true; }
  bool on_int64(std::int64_t number, json::string_view /*text*/, json::error_code& /*ec*/) {
    values.push_int64(number);
    return true;
  }
  bool on_uint64(std::uint64_t number, json::string_view /*text*/, json::error_code& /*ec*/) {
    values.push_uint64(number);
    return true;
  }
  bool on_double(double number, json::string_view /*text*/, json::error_code& ec) {
    // boost::json reads 1e400 as infinity; JSON has no such number (RFC 8259 §6).
    if (!std::isfinite(number)) {
      ec = json::error::exponent_overflow;
      return false;
    }
    values.push_double(number);
    return true;
  }
  bool on_bool(bool flag, json::error_code& /*ec*/) {
    values.push_bool(flag);
    return true;
  }
  bool on_null(json::error_code& /*ec*/) {
    values.push_null();
    return true;
  }
  // Comments are refused by the options; these are never called.
  static bool on_comment_part(json::string_view /*part*/, json::error_code& /*ec*/) { return true; }
  static bool on_comment(json::string_view /*text*/, json::error_code& /*ec*/) { return true; }
};

// Counted without recursion on the call stack: values may nest max_nesting_depth deep.
std::size_t members_in(const json::value& root) {
  std::size_t members = 0;
  std::vector<const json::value*> pending{&root};
  while (!pending.empty()) {
    const json::value* value = pending.back();
    pending.pop_back();
    if (const auto* object = value->if_object()) {
      members += object->size();
      for (const auto& member : *object) {
        if (member.value().is_structured()) pending.push_back(&member.value());
      }
    } else if (const auto* array = value->if_array()) {
      for (const auto& item : *array) {
        if (item.is_structured()) pending.push_back(&item);
      }
    }
  }
  return members;
}

// Why `text` was refused, in parse<Any>'s words (with line and column).
std::string reason_for(std::string_view text, std::string_view fallback) {
  auto parsed = parse<Any>(text);
  return parsed ? std::string(fallback) : parsed.errors().front().msg;
}

}  // namespace

json::parse_options strict_parse_options() {
  json::parse_options options;
  options.max_depth = max_nesting_depth;  // as parse<Any>, which words the errors
  return options;                         // no comments, no trailing commas, UTF-8 checked
}

std::optional<json::value> parse_strict_json(std::string_view text, std::string* error) {
  using Parser = json::basic_parser<CountingBuilder>;
  // One parser per thread keeps its buffers between calls; a large text gets its own, so a
  // thread does not hold on to a large buffer after one big JWKS.
  constexpr std::size_t reused_up_to = std::size_t{64} * 1024;
  thread_local Parser reused(strict_parse_options());
  std::optional<Parser> own;
  Parser& parser = text.size() <= reused_up_to ? reused : own.emplace(strict_parse_options());
  parser.reset();
  parser.handler().values.reset();
  parser.handler().members_in_text = 0;

  json::error_code ec;
  const std::size_t used = parser.write_some(false, text.data(), text.size(), ec);
  if (!ec && used != text.size()) ec = json::error::extra_data;
  if (ec) {
    if (error != nullptr) *error = reason_for(text, "Invalid JSON: " + ec.message());
    return std::nullopt;
  }
  json::value value = parser.handler().values.release();
  if (members_in(value) != parser.handler().members_in_text) {
    if (error != nullptr) *error = reason_for(text, "Duplicate member name in one object");
    return std::nullopt;
  }
  return value;
}

}  // namespace oaskit::detail
