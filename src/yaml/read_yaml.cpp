// read_yaml builds the JSON value straight from libfyaml's event stream, with its own stack of
// open mappings and sequences: no libfyaml document tree is built (that costs 3× the events
// alone, see docs/yaml.md), anchors and merge keys are resolved here where the node count can
// be checked before an alias is copied, and nothing recurses, so the nesting depth is bounded
// only by YamlLimits::max_depth. libfyaml's parser itself keeps an explicit state stack; it
// accepts 100 000 nested `[` without recursing.

#include "read_yaml.hpp"

#include <libfyaml.h>

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

std::string_view token_text(fy_token* token) {
  if (token == nullptr) return {};
  std::size_t length = 0;
  const char* text = fy_token_get_text(token, &length);
  return text == nullptr ? std::string_view{} : std::string_view(text, length);
}

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

using ParserPtr = std::unique_ptr<fy_parser, decltype(&fy_parser_destroy)>;
using DiagPtr = std::unique_ptr<fy_diag, decltype(&fy_diag_destroy)>;

class Reader {
 public:
  Reader(std::string_view text, const YamlLimits& limits)
      : text_(text), limits_(limits), cursor_(text) {}

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
    fy_diag_cfg diag_config{};
    fy_diag_cfg_default(&diag_config);
    diag_config.fp = nullptr;
    diag_config.level = FYET_ERROR;
    DiagPtr diag(fy_diag_create(&diag_config), &fy_diag_destroy);
    if (!diag) return internal_error();
    fy_diag_set_collect_errors(diag.get(), true);
    fy_parse_cfg config{};
    // Sloppy flow indentation: a flow mapping closed at its key's indentation
    // (`value: {` ... `}` under `value`), as the OpenAPI 3.2 text writes its examples, and as
    // PyYAML and js-yaml read it; strict YAML 1.2 wants the `}` indented further.
    config.flags =
        static_cast<fy_parse_cfg_flags>(FYPCF_QUIET | FYPCF_COLLECT_DIAG |
                                        FYPCF_DEFAULT_VERSION_1_2 | FYPCF_SLOPPY_FLOW_INDENTATION);
    config.diag = diag.get();
    ParserPtr parser(fy_parser_create(&config), &fy_parser_destroy);
    if (!parser || fy_parser_set_string(parser.get(), text_.data(), text_.size()) != 0) {
      return internal_error();
    }
    while (fy_event* event = fy_parser_parse(parser.get())) {
      const bool ok = handle(event);
      if (const fy_mark* end = fy_event_end_mark(event)) last_end_ = end->input_pos;
      fy_parser_event_free(parser.get(), event);
      if (!ok) return take_errors();
    }
    if (fy_parser_get_stream_error(parser.get())) {
      syntax_error(diag.get());
      return take_errors();
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

  bool handle(fy_event* event) {
    switch (event->type) {
      case FYET_DOCUMENT_START:
        if (++documents_ > 1) {
          return fail(start_of(event),
                      "Expected one YAML document, found a second one here; split the stream "
                      "into one file per document");
        }
        return true;
      case FYET_SCALAR:
        return scalar(event);
      case FYET_ALIAS:
        return alias(event);
      case FYET_MAPPING_START:
        return open(event, event->mapping_start.anchor, event->mapping_start.tag, true);
      case FYET_SEQUENCE_START:
        return open(event, event->sequence_start.anchor, event->sequence_start.tag, false);
      case FYET_MAPPING_END:
      case FYET_SEQUENCE_END:
        return close();
      default:
        return true;
    }
  }

  bool expecting_key() const {
    return !frames_.empty() && frames_.back().value.is_object() && !frames_.back().key;
  }

  bool scalar(fy_event* event) {
    const fy_scalar_style style = fy_token_scalar_style(event->scalar.value);
    std::size_t offset = start_of(event);
    // libfyaml marks a quoted scalar's content; the value starts at its quote.
    const char quote = style == FYSS_SINGLE_QUOTED ? '\'' : '"';
    if ((style == FYSS_SINGLE_QUOTED || style == FYSS_DOUBLE_QUOTED) && offset > 0 &&
        text_[offset - 1] == quote) {
      --offset;
    }
    std::string_view text = token_text(event->scalar.value);
    const bool plain = style == FYSS_PLAIN;
    // libfyaml 0.7.12 ends a block scalar that runs to the end of a text without a final line
    // break with a line break anyway; the spec (and PyYAML) keep none there.
    const fy_mark* end = fy_event_end_mark(event);
    if ((style == FYSS_LITERAL || style == FYSS_FOLDED) && end && end->input_pos >= text_.size() &&
        !text_.ends_with('\n') && !text_.ends_with('\r') && text.ends_with('\n')) {
      text.remove_suffix(1);
    }
    const std::string_view tag = token_text(event->scalar.tag);
    if (expecting_key()) {
      if (!tag.empty() && tag != "!" && !tag.starts_with(core_tag_prefix)) {
        return unknown_tag(tag, offset, "a key");
      }
      if (event->scalar.anchor) {
        define_anchor(token_text(event->scalar.anchor), boost::json::string(text), 1,
                      ++anchor_serial_, std::string(text));
      }
      return key(std::string(text), offset, plain && tag.empty());
    }

    bool plain_non_string = false;
    boost::json::value value;
    if (!scalar_value(text, plain, tag, offset, value, plain_non_string)) return false;
    // A document of nothing (`---` alone) comes as one empty plain scalar.
    if (frames_.empty() && plain && tag.empty() && text.empty() && !event->scalar.anchor) {
      return fail(offset, "The document is empty: expected one YAML document holding a value");
    }
    if (!count(1, offset)) return false;
    if (event->scalar.anchor) {
      define_anchor(token_text(event->scalar.anchor), value, 1, ++anchor_serial_,
                    std::string(text));
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
                              "' is an infinity or NaN (or a float beyond the double range), "
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

  bool alias(fy_event* event) {
    std::size_t offset = start_of(event);
    if (offset > 0 && text_[offset - 1] == '*') --offset;  // libfyaml marks the name
    const std::string name(token_text(event->alias.anchor));
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

  bool open(fy_event* event, fy_token* anchor, fy_token* tag_token, bool mapping) {
    const std::size_t offset = start_of(event);
    if (expecting_key()) return complex_key(offset);
    const std::string_view tag = token_text(tag_token);
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
    if (anchor) {
      frame.anchor = std::string(token_text(anchor));
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

  std::size_t start_of(fy_event* event) const {
    // libfyaml gives no mark to an empty scalar (`key:` with nothing after it); the end of the
    // previous event is where it would be.
    const fy_mark* mark = fy_event_start_mark(event);
    return mark ? mark->input_pos : last_end_;
  }

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

  void syntax_error(fy_diag* diag) {
    void* iterator = nullptr;
    if (fy_diag_error* error = fy_diag_errors_iterate(diag, &iterator)) {
      std::size_t offset = last_end_;
      if (error->fyt != nullptr) {
        if (const fy_mark* mark = fy_token_start_mark(error->fyt)) offset = mark->input_pos;
      }
      std::string message = error->msg ? error->msg : "syntax error";
      if (!message.empty()) message.front() = static_cast<char>(std::toupper(message.front()));
      fail(offset, "Invalid YAML: " + message);
      return;
    }
    fail(last_end_, "Invalid YAML");
  }

  Result<PositionedValue> internal_error() {
    errors_.push_back({{}, std::string(yaml_invalid), "The YAML parser could not be created", {}});
    return take_errors();
  }

  Errors take_errors() { return std::move(errors_); }

  std::string_view text_;
  YamlLimits limits_;
  PositionCursor cursor_;
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
