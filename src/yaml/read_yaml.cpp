// read_yaml builds the JSON value straight from libyaml's event stream, with its own stack of
// open mappings and sequences: no document tree is built, anchors and merge keys are resolved
// here where the node count can be checked before an alias is copied, and nothing recurses,
// so the nesting depth is bounded only by YamlLimits::max_depth. libyaml's parser keeps
// explicit stacks too; it takes 100 000 nested `[` without recursing. libyaml (the reference
// C parser, under OSS-Fuzz for years) replaced libfyaml 0.7.12, which fuzzing found crashing
// on six bytes of malformed YAML (docs/yaml.md).

#include "read_yaml.hpp"

#include <yaml.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "../json/locate.hpp"
#include "core_schema.hpp"
#include "oaskit/diagnostic.hpp"

namespace oaskit::detail {
namespace {

constexpr std::string_view yaml_invalid = "yaml_invalid";
constexpr std::string_view core_tag_prefix = "tag:yaml.org,2002:";

// Positions of offsets that mostly come in increasing order, each found in time proportional
// to the distance from the previous one; same lines and columns as position_of.
class PositionCursor {
 public:
  explicit PositionCursor(std::string_view text) : text_(text) {}

  TextPosition at(std::size_t offset) {
    offset = std::min(offset, text_.size());
    if (offset < here_.offset) return position_of(text_, offset);
    while (here_.offset < offset) {
      const char c = text_[here_.offset];
      const bool line_break =
          c == '\n' ||
          (c == '\r' && (here_.offset + 1 == text_.size() || text_[here_.offset + 1] != '\n'));
      ++here_.offset;
      if (line_break) {
        ++here_.line;
        here_.column = 1;
      } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
        ++here_.column;  // the text is valid UTF-8: a character is a lead byte and its tail
      }
    }
    // Landing inside a character would leave the column one past it; the tail bytes never
    // start a value, so this only guards against a library offset we did not expect.
    return here_;
  }

 private:
  std::string_view text_;
  TextPosition here_{};
};

struct NonPrintable {
  std::size_t offset;
  std::string character;  // "U+000C"
};

// The first character of valid UTF-8 `text` outside YAML's c-printable (YAML 1.2 §5.1): C0
// controls but tab, line feed and carriage return; DEL; C1 controls but NEL; U+FFFE and
// U+FFFF. libfyaml lets some through (a NUL inside a block scalar garbles the value), and
// PyYAML and js-yaml refuse them too.
std::optional<NonPrintable> first_non_printable(std::string_view text) {
  const auto code = [](unsigned value) {
    char hex[16];
    std::snprintf(hex, sizeof hex, "U+%04X", value);
    return std::string(hex);
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if ((byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\r') || byte == 0x7F) {
      return NonPrintable{i, code(byte)};
    }
    if (byte == 0xC2 && i + 1 < text.size()) {
      const auto next = static_cast<unsigned char>(text[i + 1]);
      if (next >= 0x80 && next <= 0x9F && next != 0x85) return NonPrintable{i, code(next)};
    }
    if (byte == 0xEF && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xBF) {
      const auto last = static_cast<unsigned char>(text[i + 2]);
      if (last == 0xBE || last == 0xBF) return NonPrintable{i, code(0xFFF0U + (last & 0x0FU))};
    }
  }
  return std::nullopt;
}

// libyaml's strings (anchors, tags) as text; empty when absent.
std::string_view text_of(const yaml_char_t* text) {
  return text == nullptr ? std::string_view{}
                         : std::string_view(reinterpret_cast<const char*>(text));
}

// libyaml marks count characters, from the first one after a byte order mark (a CR LF counts
// two); positions here are byte offsets. Marks come mostly in increasing order, so each is
// found from the previous one.
class MarkOffsets {
 public:
  explicit MarkOffsets(std::string_view text)
      : text_(text), first_(text.starts_with("\xEF\xBB\xBF") ? 3 : 0), byte_(first_) {}

  std::size_t offset(const yaml_mark_t& mark) {
    if (mark.index < index_) {
      index_ = 0;
      byte_ = first_;
    }
    while (index_ < mark.index && byte_ < text_.size()) {
      ++byte_;  // the text is valid UTF-8: skip a lead byte and its tail
      while (byte_ < text_.size() && (static_cast<unsigned char>(text_[byte_]) & 0xC0) == 0x80) {
        ++byte_;
      }
      ++index_;
    }
    return byte_;
  }

 private:
  std::string_view text_;
  std::size_t first_;
  std::size_t index_ = 0;
  std::size_t byte_;
};

// An anchored value, kept so that aliases can copy it.
struct Anchor {
  boost::json::value value;
  std::size_t nodes = 1;   // values inside it, itself included
  std::size_t serial = 0;  // definition order: an alias refers to the latest definition
  std::optional<std::string> scalar_text;  // when it is a scalar, for use as a mapping key
};

// A mapping or sequence being read.
struct Frame {
  boost::json::value value;  // an object or an array
  std::string pointer;
  std::optional<PathElement> element;  // where it sits in its parent; none for the root
  std::string anchor;
  std::size_t anchor_serial = 0;
  std::size_t nodes = 1;
  bool record_positions = true;  // false inside the value of a merge key
  bool is_merge_value = false;   // this collection is the value of `<<`
  // Mapping state: the key waiting for its value.
  std::optional<std::string> key;
  TextPosition key_position{};
  bool key_is_merge = false;
  std::vector<TextPosition> key_positions;  // of the object's keys, in insertion order
  std::vector<boost::json::value> merges;   // values of `<<`, in order
};

// A libyaml parser, and an event, released at the end of their scope.
struct Parser {
  yaml_parser_t parser{};
  bool made = yaml_parser_initialize(&parser) != 0;
  Parser() = default;
  Parser(const Parser&) = delete;
  Parser& operator=(const Parser&) = delete;
  ~Parser() {
    if (made) yaml_parser_delete(&parser);
  }
};

struct Event {
  yaml_event_t event{};
  Event() = default;
  Event(const Event&) = delete;
  Event& operator=(const Event&) = delete;
  ~Event() { yaml_event_delete(&event); }
};

class Reader {
 public:
  Reader(std::string_view text, const YamlLimits& limits)
      : text_(text), limits_(limits), cursor_(text), marks_(text) {}

  Result<PositionedValue> read() {
    if (const auto bad = first_invalid_utf8(text_)) {
      fail(*bad, "Invalid UTF-8: the byte at this position starts no valid UTF-8 sequence");
      return take_errors();
    }
    if (const auto bad = first_non_printable(text_)) {
      fail(bad->offset, "Invalid YAML: " + bad->character +
                            " is not a printable character, which is all a YAML text may hold "
                            "(YAML 1.2 §5.1); write it escaped in a double-quoted string");
      return take_errors();
    }
    Parser parser;
    if (!parser.made) return internal_error();
    // The text is valid UTF-8 (checked above): libyaml need not guess the encoding. libyaml
    // reads flow collections closed at their key's indentation (`value: {` ... `}` under
    // `value`), as the OpenAPI 3.2 text writes its examples and as PyYAML and js-yaml do.
    yaml_parser_set_encoding(&parser.parser, YAML_UTF8_ENCODING);
    yaml_parser_set_input_string(
        &parser.parser, reinterpret_cast<const unsigned char*>(text_.data()), text_.size());
    for (bool ended = false; !ended;) {
      Event event;
      if (yaml_parser_parse(&parser.parser, &event.event) == 0) {
        syntax_error(parser.parser);
        return take_errors();
      }
      ended = event.event.type == YAML_STREAM_END_EVENT;
      const bool ok = handle(event.event);
      last_end_ = marks_.offset(event.event.end_mark);
      if (!ok) return take_errors();
    }
    if (!root_) {
      fail(0, "The document is empty: expected one YAML document holding a value");
      return take_errors();
    }
    out_.value = std::move(*root_);
    return std::move(out_);
  }

 private:
  // ---------------------------------------------------------------------------------------
  // Events

  bool handle(const yaml_event_t& event) {
    switch (event.type) {
      case YAML_DOCUMENT_START_EVENT:
        if (++documents_ > 1) {
          return fail(start_of(event),
                      "Expected one YAML document, found a second one here; split the stream "
                      "into one file per document");
        }
        return true;
      case YAML_SCALAR_EVENT:
        return scalar(event);
      case YAML_ALIAS_EVENT:
        return alias(event);
      case YAML_MAPPING_START_EVENT:
        return open(event, event.data.mapping_start.anchor, event.data.mapping_start.tag, true);
      case YAML_SEQUENCE_START_EVENT:
        return open(event, event.data.sequence_start.anchor, event.data.sequence_start.tag, false);
      case YAML_MAPPING_END_EVENT:
      case YAML_SEQUENCE_END_EVENT:
        return close();
      default:
        return true;
    }
  }

  bool expecting_key() const {
    return !frames_.empty() && frames_.back().value.is_object() && !frames_.back().key;
  }

  bool scalar(const yaml_event_t& event) {
    const auto& scalar = event.data.scalar;
    const std::size_t offset = start_of(event);  // a quoted scalar's quote, a block scalar's |
    const std::string_view text(reinterpret_cast<const char*>(scalar.value), scalar.length);
    const bool plain = scalar.style == YAML_PLAIN_SCALAR_STYLE;
    const std::string_view anchor = text_of(scalar.anchor);
    const std::string_view tag = text_of(scalar.tag);
    if (expecting_key()) {
      if (!tag.empty() && tag != "!" && !tag.starts_with(core_tag_prefix)) {
        return unknown_tag(tag, offset, "a key");
      }
      if (!anchor.empty()) {
        define_anchor(anchor, boost::json::string(text), 1, ++anchor_serial_, std::string(text));
      }
      return key(std::string(text), offset, plain && tag.empty());
    }

    bool plain_non_string = false;
    boost::json::value value;
    if (!scalar_value(text, plain, tag, offset, value, plain_non_string)) return false;
    // A document of nothing (`---` alone) comes as one empty plain scalar.
    if (frames_.empty() && plain && tag.empty() && text.empty() && anchor.empty()) {
      return fail(offset, "The document is empty: expected one YAML document holding a value");
    }
    if (!count(1, offset)) return false;
    if (!anchor.empty()) {
      define_anchor(anchor, value, 1, ++anchor_serial_, std::string(text));
    }
    return attach(std::move(value), 1, offset, plain_non_string);
  }

  bool scalar_value(std::string_view text, bool plain, std::string_view tag, std::size_t offset,
                    boost::json::value& value, bool& plain_non_string) {
    if (tag.empty() && !plain) {
      value = boost::json::string(text);
      return true;
    }
    if (tag == "!" || tag == "tag:yaml.org,2002:str") {
      value = boost::json::string(text);
      return true;
    }
    const PlainScalar resolved = resolve_plain(text);
    if (resolved.kind == PlainKind::infinity_or_nan) {
      return fail(offset, "'" + std::string(text) +
                              "' is an infinity or NaN (or a number beyond the double range), "
                              "which JSON and so OpenAPI cannot represent");
    }
    if (tag.empty()) {
      plain_non_string = resolved.kind != PlainKind::string;
      value = resolved.kind == PlainKind::string ? boost::json::value(boost::json::string(text))
                                                 : resolved.value;
      return true;
    }
    const std::string_view name =
        tag.starts_with(core_tag_prefix) ? tag.substr(core_tag_prefix.size()) : "";
    const auto must_be = [&](bool ok, const char* what) {
      if (!ok)
        return fail(offset, "'" + std::string(text) + "' is tagged !!" + std::string(name) +
                                " but is not " + what);
      value = resolved.value;
      return true;
    };
    if (name == "int") return must_be(resolved.kind == PlainKind::integer, "an integer");
    if (name == "bool") return must_be(resolved.kind == PlainKind::boolean, "true or false");
    if (name == "null") return must_be(resolved.kind == PlainKind::null, "null");
    if (name == "float") {
      const bool number =
          resolved.kind == PlainKind::integer || resolved.kind == PlainKind::floating;
      if (!must_be(number, "a number")) return false;
      value = value.to_number<double>();  // !!float 1 is 1.0
      return true;
    }
    return unknown_tag(tag, offset, "a scalar");
  }

  bool unknown_tag(std::string_view tag, std::size_t offset, const char* node) {
    return fail(offset, "Tag '" + std::string(tag) + "' is not allowed on " + node +
                            ": OpenAPI documents use the YAML core schema tags !!str, !!int, "
                            "!!float, !!bool, !!null, !!map and !!seq only");
  }

  bool key(std::string text, std::size_t offset, bool may_be_merge) {
    Frame& frame = frames_.back();
    frame.key_position = cursor_.at(offset);
    frame.key_is_merge = may_be_merge && text == "<<";
    if (!frame.key_is_merge) {
      const auto& object = frame.value.get_object();
      if (const auto* const found = object.find(text); found != object.end()) {
        const auto index = static_cast<std::size_t>(found - object.begin());
        const TextPosition first = frame.key_positions[index];
        const TextPosition again = frame.key_position;
        Error error{current_loc(), "duplicate_key",
                    "Duplicate key '" + text + "': first at line " + std::to_string(first.line) +
                        " column " + std::to_string(first.column) + ", again at line " +
                        std::to_string(again.line) + " column " + std::to_string(again.column),
                    again};
        error.loc.emplace_back(text);
        errors_.push_back(std::move(error));
        return false;
      }
    }
    frame.key = std::move(text);
    return true;
  }

  bool alias(const yaml_event_t& event) {
    const std::size_t offset = start_of(event);  // the '*'
    const std::string name(text_of(event.data.alias.anchor));
    const auto found = anchors_.find(name);
    const std::size_t defined = found == anchors_.end() ? 0 : found->second.serial;
    for (const Frame& frame : frames_) {
      if (frame.anchor == name && frame.anchor_serial > defined) {
        std::string message = "Alias '*" + name + "' is inside the value its anchor '&";
        message += name + "' names: a recursive alias cannot be written as JSON";
        return fail(offset, std::move(message));
      }
    }
    if (found == anchors_.end()) {
      return fail(offset, "Alias '*" + name + "' names no anchor defined before it");
    }
    const Anchor& anchor = found->second;
    if (expecting_key()) {
      if (!anchor.scalar_text) return complex_key(offset);
      return key(*anchor.scalar_text, offset, false);
    }
    if (!count(anchor.nodes, offset)) return false;
    return attach(anchor.value, anchor.nodes, offset, false);
  }

  bool open(const yaml_event_t& event, const yaml_char_t* anchor, const yaml_char_t* tag_text,
            bool mapping) {
    const std::size_t offset = start_of(event);
    if (expecting_key()) return complex_key(offset);
    const std::string_view tag = text_of(tag_text);
    if (!tag.empty() && tag != "!" &&
        tag != (mapping ? "tag:yaml.org,2002:map" : "tag:yaml.org,2002:seq")) {
      return unknown_tag(tag, offset, mapping ? "a mapping" : "a sequence");
    }
    if (frames_.size() >= limits_.max_depth) {
      return fail(offset, "Nesting deeper than " + std::to_string(limits_.max_depth) +
                              " mappings and sequences");
    }
    if (!count(1, offset)) return false;
    Frame frame;
    if (mapping) {
      frame.value.emplace_object();
    } else {
      frame.value.emplace_array();
    }
    if (!frames_.empty()) {
      Frame& parent = frames_.back();
      frame.is_merge_value = parent.value.is_object() && parent.key_is_merge;
      frame.record_positions = parent.record_positions && !frame.is_merge_value;
      frame.element = next_element(parent);
      frame.pointer = child_pointer(parent);
    }
    if (frame.record_positions) out_.positions.emplace(frame.pointer, cursor_.at(offset));
    if (anchor != nullptr) {
      frame.anchor = std::string(text_of(anchor));
      frame.anchor_serial = ++anchor_serial_;
    }
    frames_.push_back(std::move(frame));
    return true;
  }

  bool close() {
    Frame frame = std::move(frames_.back());
    frames_.pop_back();
    if (!frame.merges.empty()) apply_merges(frame);
    if (!frame.anchor.empty()) {
      define_anchor(frame.anchor, frame.value, frame.nodes, frame.anchor_serial, std::nullopt);
    }
    return attach_child(std::move(frame.value), frame.nodes);
  }

  // ---------------------------------------------------------------------------------------
  // Building the value

  // Adds a finished scalar or alias copy to the open collection (or makes it the root).
  bool attach(boost::json::value value, std::size_t nodes, std::size_t offset,
              bool plain_non_string) {
    if (frames_.empty() || frames_.back().record_positions) {
      const bool merge_value =
          !frames_.empty() && frames_.back().value.is_object() && frames_.back().key_is_merge;
      if (!merge_value) {
        std::string pointer = frames_.empty() ? std::string() : child_pointer(frames_.back());
        if (plain_non_string) out_.plain_non_strings.insert(pointer);
        out_.positions.emplace(std::move(pointer), cursor_.at(offset));
      }
    }
    return attach_child(std::move(value), nodes);
  }

  bool attach_child(boost::json::value value, std::size_t nodes) {
    if (frames_.empty()) {
      root_ = std::move(value);
      return true;
    }
    Frame& parent = frames_.back();
    parent.nodes += nodes;
    if (auto* array = parent.value.if_array()) {
      array->push_back(std::move(value));
      return true;
    }
    auto& object = parent.value.get_object();
    if (parent.key_is_merge) {
      const bool mergeable =
          value.is_object() ||
          (value.is_array() && std::all_of(value.get_array().begin(), value.get_array().end(),
                                           [](const auto& item) { return item.is_object(); }));
      if (!mergeable) {
        errors_.push_back({current_loc(), std::string(yaml_invalid),
                           "The value of a merge key '<<' must be a mapping or a sequence of "
                           "mappings",
                           parent.key_position});
        return false;
      }
      parent.merges.push_back(std::move(value));
    } else {
      object.emplace(*parent.key, std::move(value));
      parent.key_positions.push_back(parent.key_position);
    }
    parent.key.reset();
    parent.key_is_merge = false;
    return true;
  }

  // Explicit keys win over merged ones, and earlier merges over later ones (the merge key
  // spec); merged keys come first, as PyYAML and libfyaml order them.
  static void apply_merges(Frame& frame) {
    auto& explicit_keys = frame.value.get_object();
    boost::json::object merged;
    const auto take = [&](const boost::json::object& source) {
      for (const auto& [name, value] : source) {
        if (!explicit_keys.contains(name) && !merged.contains(name)) merged.emplace(name, value);
      }
    };
    for (const auto& merge : frame.merges) {
      if (merge.is_object()) {
        take(merge.get_object());
      } else {
        for (const auto& item : merge.get_array()) take(item.get_object());
      }
    }
    for (auto& [name, value] : explicit_keys) merged.emplace(name, std::move(value));
    frame.value = std::move(merged);
  }

  void define_anchor(std::string_view name, const boost::json::value& value, std::size_t nodes,
                     std::size_t serial, std::optional<std::string> scalar_text) {
    anchors_.insert_or_assign(std::string(name),
                              Anchor{value, nodes, serial, std::move(scalar_text)});
  }

  // Counts `nodes` more values against the limit, before they are made.
  bool count(std::size_t nodes, std::size_t offset) {
    if (nodes > limits_.max_nodes - std::min(produced_, limits_.max_nodes)) {
      return fail(offset, "The document expands to more than " + std::to_string(limits_.max_nodes) +
                              " values once aliases are expanded; refusing it (an alias bomb?)");
    }
    produced_ += nodes;
    return true;
  }

  static PathElement next_element(const Frame& parent) {
    if (const auto* array = parent.value.if_array()) return array->size();
    return *parent.key;
  }

  static std::string child_pointer(const Frame& parent) {
    std::string pointer = parent.pointer;
    if (const auto* array = parent.value.if_array()) {
      pointer += '/';
      pointer += std::to_string(array->size());
    } else {
      append_json_pointer_token(pointer, *parent.key);
    }
    return pointer;
  }

  // ---------------------------------------------------------------------------------------
  // Errors

  std::size_t start_of(const yaml_event_t& event) { return marks_.offset(event.start_mark); }

  // The path of the value being read: the open collections and the key waiting for a value.
  Path current_loc() const {
    Path loc;
    for (const Frame& frame : frames_)
      if (frame.element) loc.push_back(*frame.element);
    return loc;
  }

  Path value_loc() const {
    Path loc = current_loc();
    if (!frames_.empty()) {
      const Frame& top = frames_.back();
      if (top.key) loc.emplace_back(*top.key);
      if (const auto* array = top.value.if_array()) loc.emplace_back(array->size());
    }
    return loc;
  }

  bool complex_key(std::size_t offset) {
    return fail(offset,
                "A mapping key must be a scalar; this key is a mapping, sequence or alias of one, "
                "which JSON cannot hold");
  }

  bool fail(std::size_t offset, std::string message) {
    errors_.push_back(
        {value_loc(), std::string(yaml_invalid), std::move(message), cursor_.at(offset)});
    return false;
  }

  // libyaml's error: its problem, where it is, and what it was reading ("while parsing a block
  // mapping") with where that started.
  void syntax_error(const yaml_parser_t& parser) {
    if (parser.error == YAML_MEMORY_ERROR) {
      fail(last_end_, "Invalid YAML: out of memory");
      return;
    }
    std::string message = parser.problem != nullptr ? parser.problem : "syntax error";
    if (!message.empty()) message.front() = static_cast<char>(std::toupper(message.front()));
    // Reader errors (the encoding) have a byte offset; the others a mark.
    const std::size_t offset = parser.error == YAML_READER_ERROR
                                   ? std::min(parser.problem_offset, text_.size())
                                   : marks_.offset(parser.problem_mark);
    if (parser.context != nullptr) {
      const TextPosition context = cursor_.at(marks_.offset(parser.context_mark));
      message += std::string(" (") + parser.context + " that starts at line " +
                 std::to_string(context.line) + " column " + std::to_string(context.column) + ")";
    }
    if (offset < text_.size() && text_[offset] == '\t') {
      message += "; YAML does not allow tabs for indentation: use spaces";
    }
    fail(offset, "Invalid YAML: " + message);
  }

  Result<PositionedValue> internal_error() {
    errors_.push_back({{}, std::string(yaml_invalid), "The YAML parser could not be created", {}});
    return take_errors();
  }

  Errors take_errors() { return std::move(errors_); }

  std::string_view text_;
  YamlLimits limits_;
  PositionCursor cursor_;
  MarkOffsets marks_;
  std::vector<Frame> frames_;
  std::unordered_map<std::string, Anchor> anchors_;
  std::size_t anchor_serial_ = 0;
  std::size_t produced_ = 0;
  std::size_t documents_ = 0;
  std::size_t last_end_ = 0;
  std::optional<boost::json::value> root_;
  PositionedValue out_;
  Errors errors_;
};

}  // namespace

Result<PositionedValue> read_yaml(std::string_view text, const YamlLimits& limits) {
  return Reader(text, limits).read();
}

}  // namespace oaskit::detail
