// parse<T>: simdjson's DOM parser validates the text; the generic reader builds the model in
// one walk; positions are worked out from the text only when there are errors.

#include <simdjson.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>

#include "big_integers.hpp"
#include "json_positions.hpp"
#include "locate.hpp"
#include "model_list.hpp"
#include "oaskit/diagnostic.hpp"
#include "oaskit/json.hpp"
#include "read.hpp"

namespace oaskit {
namespace detail {
namespace {

// simdjson counts one level more than the arrays and objects a text nests (its innermost
// values).
simdjson::dom::parser new_parser() {
  simdjson::dom::parser parser;
  // Failing here only means the first parse allocates (and reports a failure then).
  [[maybe_unused]] const auto allocated =
      parser.allocate(std::size_t{64} * 1024, max_nesting_depth + 1);
  return parser;
}

// Each thread keeps its parser, so that reading small texts (request bodies, tokens) allocates
// nothing. Its buffers grow to fit the longest text read, about 16 bytes for each byte of it
// (the tape alone is 8): after a text longer than this, they are given back.
constexpr std::size_t kKeptCapacity = std::size_t{1} << 20;

simdjson::dom::parser& thread_parser() {
  thread_local simdjson::dom::parser parser = new_parser();
  return parser;
}

// Gives back a parser's buffers grown past kKeptCapacity, at the end of the scope that read
// with it (what it parsed is then gone).
struct ParserBuffersReleased {
  ParserBuffersReleased() = default;
  ParserBuffersReleased(const ParserBuffersReleased&) = delete;
  ParserBuffersReleased& operator=(const ParserBuffersReleased&) = delete;
  ~ParserBuffersReleased() {
    auto& parser = thread_parser();
    if (parser.capacity() > kKeptCapacity) parser = new_parser();
  }
};

// simdjson reads up to SIMDJSON_PADDING bytes past the text (whatever they hold). Where the
// buffer has that room, or where those bytes are on the text's last memory page, reading them
// is safe, and the text is parsed where it is (the "page trick" simdjson's documentation
// describes); otherwise simdjson copies it first. AddressSanitizer reports such reads, so its
// builds always copy.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool may_read_past_buffers = false;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool may_read_past_buffers = false;
#else
constexpr bool may_read_past_buffers = true;
#endif
#else
constexpr bool may_read_past_buffers = true;
#endif

simdjson::simdjson_result<simdjson::dom::element> parse_padded(std::string_view text,
                                                               std::size_t capacity) {
  constexpr std::uintptr_t page = 4096;  // the smallest page size: larger ones are safer still
  const auto end = reinterpret_cast<std::uintptr_t>(text.data()) + text.size();
  const bool padded =
      !text.empty() && (capacity >= text.size() + simdjson::SIMDJSON_PADDING ||
                        (may_read_past_buffers &&
                         (end - 1) / page == (end - 1 + simdjson::SIMDJSON_PADDING) / page));
  return thread_parser().parse(text.data(), text.size(), !padded);
}

std::string describe_simdjson_error(simdjson::error_code code) {
  switch (code) {
    case simdjson::EMPTY:
      return "the input is empty: expected a JSON value";
    case simdjson::DEPTH_ERROR:
      return "nesting is deeper than " + std::to_string(max_nesting_depth) + " levels";
    case simdjson::UTF8_ERROR:
      return "the text is not valid UTF-8";
    case simdjson::NUMBER_ERROR:
      return "a number is malformed or out of range";
    default:
      return simdjson::error_message(code);
  }
}

Errors syntax_errors(std::string_view json, simdjson::error_code code) {
  Error error{{}, "json_invalid", {}, std::nullopt};
  if (auto found = find_syntax_error(json, max_nesting_depth)) {
    error.position = position_of(json, found->offset);
    error.msg = "Invalid JSON: " + found->message;
  } else if (auto number =
                 code == simdjson::NUMBER_ERROR ? find_number_out_of_range(json) : std::nullopt) {
    error.position = position_of(json, *number);
    error.msg = "Invalid JSON: the number is too large for a 64-bit floating-point value";
  } else {
    error.msg = "Invalid JSON: " + describe_simdjson_error(code);
  }
  return {std::move(error)};
}

// Every error gets its place from one index of the text (built only when there are errors).
// The text is the one the user wrote: its big integers are long number literals there, so no
// offset needs mapping back from the widened copy simdjson read.
void add_positions(Errors& errors, std::string_view json) {
  const auto index = index_json_positions(json);
  auto position_at = [&](const Path& loc) -> std::optional<TextPosition> {
    const auto found = index.find(to_json_pointer(loc));
    if (found == index.end()) return std::nullopt;
    return found->second;
  };
  std::map<std::pair<Path, std::string>, std::size_t> duplicates_seen;
  for (Error& e : errors) {
    if (e.loc.empty()) {
      e.position = position_at(e.loc).value_or(position_of(json, 0));
      continue;
    }
    Path parent(e.loc.begin(), e.loc.end() - 1);
    if (e.type == "duplicate_key" && std::holds_alternative<std::string>(e.loc.back())) {
      const auto& key = std::get<std::string>(e.loc.back());
      const std::size_t repeat = ++duplicates_seen[{parent, key}];
      const auto object = position_at(parent);
      const auto offsets =
          object ? locate_keys(json, object->offset, key) : std::vector<std::size_t>{};
      if (repeat < offsets.size()) {
        const auto first = position_of(json, offsets.front());
        const auto again = position_of(json, offsets[repeat]);
        e.position = again;
        e.msg = "Duplicate key '" + key + "': first at line " + std::to_string(first.line) +
                " column " + std::to_string(first.column) + ", again at line " +
                std::to_string(again.line) + " column " + std::to_string(again.column);
      }
      continue;
    }
    e.position = position_at(e.loc);
    if (!e.position) e.position = position_at(parent);  // a missing field: its object
  }
}

}  // namespace
}  // namespace detail

template <class T>
Result<T> parse(std::string_view json) {
  const detail::ParserBuffersReleased released;  // after `root`, which points into them
  std::optional<std::string> widened;
  if (detail::may_have_big_integers(json)) {
    widened = detail::widen_big_integers(json, simdjson::SIMDJSON_PADDING);
  }
  simdjson::dom::element root;
  const auto code = (widened ? detail::parse_padded(*widened, widened->capacity())
                             : detail::parse_padded(json, json.size()))
                        .get(root);
  if (code) return detail::syntax_errors(json, code);
  detail::ReadContext cx;
  T out{};
  detail::read(out, detail::DomValue(root), cx, detail::PathNode{});
  cx.finish();
  // simdjson lets through one level too many when the innermost container is empty; the
  // reader notices where it reads, and the error path checks the text for the rest.
  if (cx.too_deep() ||
      (cx.error_count() > 0 && detail::find_syntax_error(json, max_nesting_depth))) {
    return detail::syntax_errors(json, simdjson::DEPTH_ERROR);
  }
  if (cx.error_count() > 0) {
    Errors errors = cx.take();
    detail::add_positions(errors, json);
    return errors;
  }
  return out;
}

#define OASKIT_INSTANTIATE_PARSE(T) template Result<T> parse<T>(std::string_view);
OASKIT_FOR_EACH_READABLE(OASKIT_INSTANTIATE_PARSE)

}  // namespace oaskit
