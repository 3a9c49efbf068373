// Running a compiled schema on a value. Two modes share one walk: is_valid stops at the first
// failure and keeps no paths; validate collects every failure with its instance and keyword
// locations. unevaluatedProperties/Items need to know what the other keywords evaluated: a
// node asks its in-place subschemas for that only when it (or its caller) needs it.

#include <boost/json.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstring>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "document/json_pointer.hpp"
#include "oaskit/diagnostic.hpp"
#include "oaskit/schema.hpp"
#include "schema/program.hpp"

namespace oaskit::schema {

// The evaluator appends to a result's list directly: its errors' text is already kept there.
struct detail_access {
  static std::vector<ValidationError>& list(ValidationErrors& errors) { return errors.list_; }
  static char* room(ValidationErrors& errors, std::size_t size) { return errors.room(size); }
  static std::string_view written(ValidationErrors& errors, std::size_t size) {
    return errors.written(size);
  }
};

ValidationErrors::ValidationErrors(const ValidationErrors& other) {
  for (const auto& e : other) push_back(e);
}

ValidationErrors& ValidationErrors::operator=(const ValidationErrors& other) {
  if (this != &other) {
    ValidationErrors copy(other);
    *this = std::move(copy);
  }
  return *this;
}

// A moved-from object keeps no pointer into the blocks it gave away.
ValidationErrors::ValidationErrors(ValidationErrors&& other) noexcept
    : list_(std::move(other.list_)),
      first_block_(std::move(other.first_block_)),
      more_blocks_(std::move(other.more_blocks_)),
      free_(std::exchange(other.free_, nullptr)),
      left_(std::exchange(other.left_, 0)) {
  other.list_.clear();
  other.more_blocks_.clear();
}

ValidationErrors& ValidationErrors::operator=(ValidationErrors&& other) noexcept {
  if (this != &other) {
    list_ = std::move(other.list_);
    first_block_ = std::move(other.first_block_);
    more_blocks_ = std::move(other.more_blocks_);
    free_ = std::exchange(other.free_, nullptr);
    left_ = std::exchange(other.left_, 0);
    other.list_.clear();
    other.more_blocks_.clear();
  }
  return *this;
}

void ValidationErrors::push_back(const ValidationError& error) {
  list_.push_back(
      ValidationError{.instance_location = keep(error.instance_location),
                      .keyword_location = keep(error.keyword_location),
                      .absolute_keyword_location = keep(error.absolute_keyword_location),
                      .keyword = keep(error.keyword),
                      .type = keep(error.type),
                      .message = keep(error.message),
                      .missing_property = keep(error.missing_property)});
}

char* ValidationErrors::room(std::size_t size) {
  if (size > left_) {
    // A first block of 1 KiB, then 4 KiB ones, so that a validation with many errors makes
    // few of them; a text longer than that gets a block of its own size.
    const std::size_t block_size =
        std::max(size, first_block_ ? std::size_t{4096} : std::size_t{1024});
    auto block = std::make_unique_for_overwrite<char[]>(block_size);
    free_ = block.get();
    left_ = block_size;
    if (!first_block_) {
      first_block_ = std::move(block);
    } else {
      more_blocks_.push_back(std::move(block));
    }
  }
  return free_;
}

std::string_view ValidationErrors::written(std::size_t size) {
  const std::string_view text(free_, size);
  free_ += size;
  left_ -= size;
  return text;
}

std::string_view ValidationErrors::keep(std::string_view text) {
  if (text.empty()) return {};
  std::memcpy(room(text.size()), text.data(), text.size());
  return written(text.size());
}

namespace detail {
namespace {

namespace json = boost::json;

// Which members (by their index in the object) or items an evaluation has evaluated.
struct Annotations {
  std::vector<bool> properties;
  std::vector<bool> items;

  void mark_property(std::size_t index, std::size_t size) {
    if (properties.size() < size) properties.resize(size);
    properties[index] = true;
  }
  void mark_item(std::size_t index, std::size_t size) {
    if (items.size() < size) items.resize(size);
    items[index] = true;
  }
  void merge(const Annotations& other) {
    if (properties.size() < other.properties.size()) properties.resize(other.properties.size());
    for (std::size_t i = 0; i < other.properties.size(); ++i) {
      if (other.properties[i]) properties[i] = true;
    }
    if (items.size() < other.items.size()) items.resize(other.items.size());
    for (std::size_t i = 0; i < other.items.size(); ++i) {
      if (other.items[i]) items[i] = true;
    }
  }
  [[nodiscard]] bool property(std::size_t i) const {
    return i < properties.size() && properties[i];
  }
  [[nodiscard]] bool item(std::size_t i) const { return i < items.size() && items[i]; }
};

// Whether `v` is one of the types in `mask`: a table lookup by kind. A double is looked at for
// a fractional part only when the mask has `integer` without `number` (`number` includes the
// integer bit).
inline bool has_type(const json::value& v, std::uint8_t mask) {
  static constexpr std::uint8_t bits[] = {
      type_null,                   // kind::null
      type_boolean,                // kind::bool_
      type_number | type_integer,  // kind::int64
      type_number | type_integer,  // kind::uint64
      type_number,                 // kind::double_
      type_string,                 // kind::string
      type_array,                  // kind::array
      type_object,                 // kind::object
  };
  static_assert(static_cast<int>(json::kind::object) == 7 &&
                static_cast<int>(json::kind::double_) == 4);
  const auto kind = static_cast<std::size_t>(v.kind());
  if ((bits[kind] & mask) != 0) return true;
  return kind == static_cast<std::size_t>(json::kind::double_) && (mask & type_integer) != 0 &&
         is_integral(v);
}

std::string types_in_uncached(std::uint8_t mask) {
  std::vector<std::string> names;
  if ((mask & type_boolean) != 0) names.emplace_back("a boolean");
  if ((mask & type_object) != 0) names.emplace_back("an object");
  if ((mask & type_array) != 0) names.emplace_back("an array");
  if ((mask & type_number) != 0) {
    names.emplace_back("a number");
  } else if ((mask & type_integer) != 0) {
    names.emplace_back("an integer");
  }
  if ((mask & type_string) != 0) names.emplace_back("a string");
  if ((mask & type_null) != 0) names.emplace_back("null");
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " or " : ", ";
    out += names[i];
  }
  return out.empty() ? "nothing" : out;
}

// "a string or null": the words for each mask, made once.
const std::string& types_in(std::uint8_t mask) {
  static const auto names = [] {
    std::array<std::string, 128> all;
    for (std::size_t m = 0; m < all.size(); ++m) {
      all[m] = types_in_uncached(static_cast<std::uint8_t>(m));
    }
    return all;
  }();
  return names[mask & 127U];
}

std::string_view pydantic_type_name(std::uint8_t mask) {
  if ((mask & type_string) != 0) return "string_type";
  if ((mask & type_integer) != 0 && (mask & type_number) == 0) return "int_type";
  if ((mask & type_number) != 0) return "float_type";
  if ((mask & type_boolean) != 0) return "bool_type";
  if ((mask & type_object) != 0) return "dict_type";
  if ((mask & type_array) != 0) return "list_type";
  return "none_required";
}

std::size_t code_points(std::string_view s) {
  std::size_t n = 0;
  for (const char c : s) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  }
  return n;
}

std::string plural(std::uint64_t n, std::string_view one, std::string_view many) {
  return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

class Evaluator {
 public:
  // `out`: where errors go (validate), or nullptr (is_valid: stop at the first failure and
  // keep no locations). The thread's scratch stacks are taken only when they are used.
  Evaluator(const Program& program, ValidationErrors* out)
      : program_(program),
        out_(out),
        errors_(out != nullptr ? &detail_access::list(*out) : nullptr),
        stacks_(out != nullptr || program.dynamic_scope ? &scratch() : nullptr) {
    if (stacks_ != nullptr) {
      stacks_->scope.clear();
      stacks_->instance_path.clear();
      stacks_->keyword_path.clear();
    }
  }

  bool eval(const Node& node, const json::value& instance, Annotations* annotations) {
    // What most subschemas are: `{"type": ...}` of the right type, or annotations only.
    if (node.type_only != 0 && has_type(instance, node.type_only)) return true;
    if (node.keywords.empty() && !node.constant) return true;
    if (node.constant) return constant(node);
    if (++depth_ > program_.max_depth * 4) return too_deep(node);
    bool valid = true;
    if (program_.dynamic_scope || node.collects_annotations) {
      valid = eval_in_scope(node, instance, annotations);
    } else {
      valid = run_keywords(node, instance, annotations);
    }
    --depth_;
    return valid;
  }

 private:
  // The rare paths of eval, out of line so that its common one stays short.
  [[gnu::noinline]] bool constant(const Node& node) {
    if (!*node.constant) fail(node, "", "false_schema", {"no value is allowed here"});
    return *node.constant;
  }

  [[gnu::noinline, gnu::cold]] bool too_deep(const Node& node) {
    --depth_;
    fail(node, "", "recursion_limit",
         {"validation went ", std::to_string(program_.max_depth * 4),
          " schemas deep without reaching the end of the value; the schema's references "
          "may go round in a loop"});
    return false;
  }

  [[gnu::noinline]] bool eval_in_scope(const Node& node, const json::value& instance,
                                       Annotations* annotations) {
    // The resources entered, for `$dynamicRef`: kept only when some node searches them.
    std::vector<const Resource*>* scope = program_.dynamic_scope ? &stacks_->scope : nullptr;
    const bool entered = scope != nullptr && (scope->empty() || scope->back() != node.resource);
    if (entered) scope->push_back(node.resource);
    bool valid = true;
    if (node.collects_annotations) {
      // A node with unevaluated* sees what its own keywords evaluated, never its siblings'.
      // (Annotations exist only here and where asked for: making one on every call cost a
      // fifth of the time.)
      Annotations local;
      valid = run_keywords(node, instance, &local);
      if (valid && annotations != nullptr) annotations->merge(local);
    } else {
      valid = run_keywords(node, instance, annotations);
    }
    if (entered) scope->pop_back();
    return valid;
  }

  // --- locations (kept only when errors are collected) ---------------------------------------

  // One step of a location: a name (a keyword, a property) or an index, kept as a view (the
  // names live in the schema or the instance for the whole validation) so that a step costs
  // no allocation; only a failure writes the path out.
  struct Step {
    std::string_view name;
    std::size_t index = 0;
    bool is_index = false;
  };
  struct PathStep {
    std::vector<Step>* path;
    PathStep(Evaluator& e, bool of_keywords, Step step)
        : path(e.errors_ == nullptr
                   ? nullptr
                   : (of_keywords ? &e.stacks_->keyword_path : &e.stacks_->instance_path)) {
      if (path != nullptr) path->push_back(step);
    }
    ~PathStep() {
      if (path != nullptr) path->pop_back();
    }
    PathStep(const PathStep&) = delete;
    PathStep& operator=(const PathStep&) = delete;
  };
  struct KeywordStep : PathStep {
    KeywordStep(Evaluator& e, std::string_view name) : PathStep(e, true, {name}) {}
    KeywordStep(Evaluator& e, std::size_t index) : PathStep(e, true, {{}, index, true}) {}
  };
  struct InstanceStep : PathStep {
    InstanceStep(Evaluator& e, std::string_view name) : PathStep(e, false, {name}) {}
    InstanceStep(Evaluator& e, std::size_t index) : PathStep(e, false, {{}, index, true}) {}
  };

  // Records a failure of `keyword` (with `sub`, e.g. the property a `dependentRequired`
  // depends on, appended to its keyword location): its message is `message`'s pieces, one after
  // the other; `missing` a missing member's name.
  [[gnu::noinline]] void fail(const Node& node, std::string_view keyword, std::string_view type,
                              std::initializer_list<std::string_view> message,
                              std::string_view sub = {}, std::string_view missing = {}) {
    if (errors_ == nullptr) return;
    // The error's strings are written one after the other straight into the result's text
    // block, then cut into views: room for the most they can take first (escaping at most
    // doubles a name; an index has at most 20 digits), then plain copies. (Appending to a
    // string piece by piece cost twice as much as the rest of the validation.)
    const auto& instance_path = stacks_->instance_path;
    const auto& keyword_path = stacks_->keyword_path;
    std::size_t most =
        2 * (2 + keyword.size() + 2 * sub.size()) + node.location.size() + missing.size();
    for (const auto& step : instance_path) most += 1 + (step.is_index ? 20 : 2 * step.name.size());
    for (const auto& step : keyword_path) most += 1 + (step.is_index ? 20 : 2 * step.name.size());
    for (const std::string_view piece : message) most += piece.size();

    char* const start = detail_access::room(*out_, most);
    char* p = start;
    for (const auto& step : instance_path) p = write_step(p, step);
    const char* const instance_end = p;
    for (const auto& step : keyword_path) p = write_step(p, step);
    const char* const own_start = p;
    if (!keyword.empty()) p = write_step(p, Step{keyword});
    if (!sub.empty()) p = write_step(p, Step{sub});
    const char* const keyword_end = p;
    p = copy(p, node.location);
    p = copy(p, std::string_view(own_start, static_cast<std::size_t>(keyword_end - own_start)));
    const char* const absolute_end = p;
    for (const std::string_view piece : message) p = copy(p, piece);
    const char* const message_end = p;
    p = copy(p, missing);
    detail_access::written(*out_, static_cast<std::size_t>(p - start));

    auto view = [](const char* from, const char* to) {
      return std::string_view(from, static_cast<std::size_t>(to - from));
    };
    if (errors_->capacity() == 0) errors_->reserve(8);
    ValidationError& e = errors_->emplace_back();
    e.instance_location = view(start, instance_end);
    e.keyword_location = view(instance_end, keyword_end);
    e.absolute_keyword_location = view(keyword_end, absolute_end);
    e.message = view(absolute_end, message_end);
    e.missing_property = view(message_end, p);
    e.keyword = keyword;
    e.type = type;
  }

  static char* copy(char* p, std::string_view text) {
    if (text.empty()) return p;  // an empty view's data may be null, which memcpy may not take
    std::memcpy(p, text.data(), text.size());
    return p + text.size();
  }

  // A step as a JSON pointer token: "/" and the escaped name, or the index.
  static char* write_step(char* p, const Step& step) {
    if (!step.is_index) return oaskit::detail::write_json_pointer_token(p, step.name);
    *p++ = '/';
    return std::to_chars(p, p + 20, step.index).ptr;
  }

  bool run_keywords(const Node& node, const json::value& instance, Annotations* annotations) {
    bool valid = true;
    for (const Keyword& keyword : node.keywords) {
      const bool passed = std::visit(
          [&](const auto& c) { return check_one(node, keyword.name, c, instance, annotations); },
          keyword.check);
      if (!passed) {
        valid = false;
        if (errors_ == nullptr) break;
      }
    }
    return valid;
  }

  // Evaluates `child` for a keyword whose own errors are not the child's (not, if, contains,
  // anyOf's branches): the child's errors go to `into` (or nowhere).
  bool eval_quietly(const Node& child, const json::value& instance, Annotations* annotations,
                    std::vector<ValidationError>* into) {
    std::vector<ValidationError>* saved = errors_;
    errors_ = into;  // the text still goes to out_: a branch's errors may be kept
    const bool valid = eval(child, instance, annotations);
    errors_ = saved;
    return valid;
  }

  // --- keywords ------------------------------------------------------------------------------

  bool check_one(const Node& node, std::string_view k, const TypeCheck& c, const json::value& v,
                 Annotations*) {
    if (has_type(v, c.mask)) return true;
    fail(node, k, pydantic_type_name(c.mask),
         {"must be ", types_in(c.mask), ", not ", describe_type(v)});
    return false;
  }

  bool check_one(const Node& node, std::string_view k, const ConstCheck& c, const json::value& v,
                 Annotations*) {
    if (json_equal(v, c.value)) return true;
    fail(node, k, "literal_error", {c.message});
    return false;
  }

  bool check_one(const Node& node, std::string_view k, const EnumCheck& c, const json::value& v,
                 Annotations*) {
    if (c.only_strings()) {
      if (v.is_string() && c.has_string(v.get_string())) return true;
    } else {
      for (const auto& allowed : c.values) {
        if (json_equal(v, allowed)) return true;
      }
    }
    fail(node, k, "enum", {c.message});
    return false;
  }

  bool check_one(const Node& node, std::string_view k, const MultipleOf& c, const json::value& v,
                 Annotations*) {
    if (!v.is_number() || is_multiple_of(v, c.divisor)) return true;
    std::string divisor = c.divisor.negative ? "-" : "";
    divisor += c.divisor.digits;
    if (c.divisor.exponent != 0) divisor += "e" + std::to_string(c.divisor.exponent);
    fail(node, k, "multiple_of", {"must be a multiple of ", divisor});
    return false;
  }

  bool check_one(const Node& node, std::string_view k, const NumberBound& c, const json::value& v,
                 Annotations*) {
    if (!v.is_number()) return true;
    const int order = compare_numbers(v, c.limit);
    const std::string_view limit = c.limit_text;
    switch (c.kind) {
      case BoundKind::minimum:
        if (order >= 0) return true;
        fail(node, k, "greater_than_equal", {"must be at least ", limit});
        return false;
      case BoundKind::exclusive_minimum:
        if (order > 0) return true;
        fail(node, k, "greater_than", {"must be greater than ", limit});
        return false;
      case BoundKind::maximum:
        if (order <= 0) return true;
        fail(node, k, "less_than_equal", {"must be at most ", limit});
        return false;
      case BoundKind::exclusive_maximum:
        if (order < 0) return true;
        fail(node, k, "less_than", {"must be less than ", limit});
        return false;
    }
    return true;
  }

  bool check_one(const Node& node, std::string_view k, const LengthBound& c, const json::value& v,
                 Annotations*) {
    if (!v.is_string()) return true;
    const std::string_view s = v.get_string();
    // A string's bytes bound its code points from above and (÷4) from below.
    if (c.is_max ? s.size() <= c.limit : s.size() / 4 >= c.limit) return true;
    const std::size_t n = code_points(s);
    if (c.is_max ? n <= c.limit : n >= c.limit) return true;
    fail(node, k, c.is_max ? "string_too_long" : "string_too_short",
         {c.is_max ? "must be at most " : "must be at least ",
          plural(c.limit, "character", "characters"), " long, not ", std::to_string(n)});
    return false;
  }

  bool check_one(const Node& node, std::string_view k, const PatternCheck& c, const json::value& v,
                 Annotations*) {
    if (!v.is_string()) return true;
    switch (c.regex->search(v.get_string())) {
      case Regex::Match::found:
        return true;
      case Regex::Match::not_found:
        fail(node, k, "string_pattern_mismatch",
             {"must match the pattern '", c.regex->pattern(), "'"});
        return false;
      case Regex::Match::too_costly:
        fail(node, k, "pattern_too_costly",
             {"the pattern '", c.regex->pattern(),
              "' took too long to match (it backtracks catastrophically on this value)"});
        return false;
    }
    return false;
  }

  bool check_one(const Node& node, std::string_view k, const FormatCheck& c, const json::value& v,
                 Annotations*) {
    if (!v.is_string() || is_valid_format(c.format, v.get_string())) return true;
    fail(node, k, "format", {"is not a valid ", format_name(c.format)});
    return false;
  }

  static std::string_view format_name(Format f) {
    static constexpr const char* names[] = {
        "date-time",    "date",          "time",
        "duration",     "email",         "idn-email",
        "hostname",     "idn-hostname",  "ipv4",
        "ipv6",         "uri",           "uri-reference",
        "iri",          "iri-reference", "uuid",
        "uri-template", "json-pointer",  "relative-json-pointer",
        "regex"};
    return names[static_cast<int>(f)];
  }

  bool check_one(const Node& node, std::string_view k, const CountBound& c, const json::value& v,
                 Annotations*) {
    std::size_t n = 0;
    if (c.of_items) {
      if (!v.is_array()) return true;
      n = v.get_array().size();
    } else {
      if (!v.is_object()) return true;
      n = v.get_object().size();
    }
    if (c.is_max ? n <= c.limit : n >= c.limit) return true;
    const std::string what =
        c.of_items ? plural(c.limit, "item", "items") : plural(c.limit, "property", "properties");
    fail(node, k, c.is_max ? "too_long" : "too_short",
         {c.is_max ? "must have at most " : "must have at least ", what, ", not ",
          std::to_string(n)});
    return false;
  }

  bool check_one(const Node& node, std::string_view k, const UniqueItems&, const json::value& v,
                 Annotations*) {
    if (!v.is_array()) return true;
    const auto& items = v.get_array();
    for (std::size_t i = 1; i < items.size(); ++i) {
      for (std::size_t j = 0; j < i; ++j) {
        if (json_equal(items[i], items[j])) {
          fail(node, k, "unique_items",
               {"must not repeat items: items ", std::to_string(j), " and ", std::to_string(i),
                " are equal"});
          return false;
        }
      }
    }
    return true;
  }

  bool check_one(const Node& node, std::string_view k, const Required& c, const json::value& v,
                 Annotations*) {
    if (!v.is_object()) return true;
    const auto& object = v.get_object();
    bool valid = true;
    for (const auto& name : c.names) {
      if (object.contains(name)) continue;
      valid = false;
      if (errors_ == nullptr) return false;
      fail(node, k, "missing", {"must have the required property '", name, "'"}, {}, name);
    }
    return valid;
  }

  bool check_one(const Node& node, std::string_view k, const DependentRequired& c,
                 const json::value& v, Annotations*) {
    if (!v.is_object()) return true;
    const auto& object = v.get_object();
    bool valid = true;
    for (const auto& [property, names] : c.dependencies) {
      if (!object.contains(property)) continue;
      for (const auto& name : names) {
        if (object.contains(name)) continue;
        valid = false;
        if (errors_ == nullptr) return false;
        fail(node, k, "missing",
             {"must have the property '", name, "' because it has '", property, "'"}, property,
             name);
      }
    }
    return valid;
  }

  bool check_one(const Node& node, std::string_view k, const ObjectMembers& c, const json::value& v,
                 Annotations* annotations) {
    if (!v.is_object()) return true;
    const auto& object = v.get_object();
    bool valid = true;
    const std::size_t first_error = errors_ != nullptr ? errors_->size() : 0;
    std::size_t index = 0;
    std::size_t required_found = 0;
    for (const auto& member : object) {
      const std::string_view name = member.key();
      bool matched = false;
      if (const auto* entry = c.find(name); entry != nullptr) {
        const Node* schema = entry->schema;
        if (entry->required) ++required_found;
        matched = true;
        // The common member, `{"type": ...}` of the right type, without a call or a step.
        if (schema->type_only == 0 || !has_type(member.value(), schema->type_only)) {
          KeywordStep keyword(*this, "properties");
          KeywordStep step(*this, name);
          InstanceStep at(*this, name);
          if (!eval(*schema, member.value(), nullptr)) {
            valid = false;
            if (errors_ == nullptr) return false;
          }
        }
      }
      for (const auto& [regex, schema] : c.patterns) {
        const auto match = regex->search(name);
        if (match == Regex::Match::not_found) continue;
        if (match == Regex::Match::too_costly) {
          InstanceStep at(*this, name);
          fail(node, "patternProperties", "pattern_too_costly",
               {"the pattern '", regex->pattern(), "' took too long to match this name"});
          valid = false;
          if (errors_ == nullptr) return false;
          continue;
        }
        matched = true;
        KeywordStep keyword(*this, "patternProperties");
        KeywordStep step(*this, regex->pattern());
        InstanceStep at(*this, name);
        if (!eval(*schema, member.value(), nullptr)) {
          valid = false;
          if (errors_ == nullptr) return false;
        }
      }
      if (!matched && c.additional != nullptr) {
        matched = true;
        InstanceStep at(*this, name);
        if (c.additional->constant == false) {
          fail(node, "additionalProperties", "extra_forbidden",
               {c.properties.empty() && c.patterns.empty()
                    ? "is not allowed: this object allows no properties"
                    : "is not allowed: it is not one of the properties this object defines"});
          valid = false;
          if (errors_ == nullptr) return false;
        } else {
          KeywordStep keyword(*this, "additionalProperties");
          if (!eval(*c.additional, member.value(), nullptr)) {
            valid = false;
            if (errors_ == nullptr) return false;
          }
        }
      }
      if (matched && annotations != nullptr) annotations->mark_property(index, object.size());
      ++index;
    }
    if (required_found != c.required_count) {
      // The `required` folded in here: say which are missing, before the members' own errors
      // (where a `required` keyword of its own would have said it).
      valid = false;
      if (errors_ != nullptr) {
        const std::size_t before = errors_->size();
        for (std::size_t i = 0; i < c.properties.size(); ++i) {
          if (!c.entries[i].required || object.contains(c.properties[i].first)) continue;
          fail(node, "required", "missing",
               {"must have the required property '", c.properties[i].first, "'"}, {},
               c.properties[i].first);
        }
        std::rotate(errors_->begin() + static_cast<std::ptrdiff_t>(first_error),
                    errors_->begin() + static_cast<std::ptrdiff_t>(before), errors_->end());
      }
    }
    (void)k;
    return valid;
  }

  bool check_one(const Node& node, std::string_view k, const PropertyNames& c, const json::value& v,
                 Annotations*) {
    if (!v.is_object()) return true;
    bool valid = true;
    for (const auto& member : v.get_object()) {
      const json::value name(member.key());
      std::vector<ValidationError> inner;
      if (!eval_quietly(*c.schema, name, nullptr, errors_ == nullptr ? nullptr : &inner)) {
        valid = false;
        if (errors_ == nullptr) return false;
        InstanceStep at(*this, member.key());
        fail(node, k, "property_name",
             {"is not an allowed property name", inner.empty() ? "" : ": it ",
              inner.empty() ? "" : inner.front().message});
      }
    }
    return valid;
  }

  bool check_one(const Node& node, std::string_view k, const DependentSchemas& c,
                 const json::value& v, Annotations* annotations) {
    if (!v.is_object()) return true;
    bool valid = true;
    for (const auto& [property, schema] : c.schemas) {
      if (!v.get_object().contains(property)) continue;
      KeywordStep keyword(*this, k);
      KeywordStep step(*this, property);
      if (!eval(*schema, v, annotations)) {
        valid = false;
        if (errors_ == nullptr) return false;
      }
    }
    (void)node;
    return valid;
  }

  bool check_one(const Node&, std::string_view, const ArrayItems& c, const json::value& v,
                 Annotations* annotations) {
    if (!v.is_array()) return true;
    const auto& items = v.get_array();
    bool valid = true;
    const std::size_t prefix = std::min(c.prefix.size(), items.size());
    for (std::size_t i = 0; i < prefix; ++i) {
      KeywordStep keyword(*this, c.prefix_keyword);
      KeywordStep step(*this, i);
      InstanceStep at(*this, i);
      if (!eval(*c.prefix[i], items[i], nullptr)) {
        valid = false;
        if (errors_ == nullptr) return false;
      }
      if (annotations != nullptr) annotations->mark_item(i, items.size());
    }
    if (c.rest != nullptr) {
      KeywordStep keyword(*this, c.rest_keyword);
      const std::uint8_t type_only = c.rest->type_only;
      for (std::size_t i = prefix; i < items.size(); ++i) {
        if (type_only != 0 && annotations == nullptr && has_type(items[i], type_only)) continue;
        InstanceStep at(*this, i);
        if (!eval(*c.rest, items[i], nullptr)) {
          valid = false;
          if (errors_ == nullptr) return false;
        }
        if (annotations != nullptr) annotations->mark_item(i, items.size());
      }
    }
    return valid;
  }

  bool check_one(const Node& node, std::string_view k, const Contains& c, const json::value& v,
                 Annotations* annotations) {
    if (!v.is_array()) return true;
    const auto& items = v.get_array();
    std::uint64_t matches = 0;
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (eval_quietly(*c.schema, items[i], nullptr, nullptr)) {
        ++matches;
        if (annotations != nullptr) annotations->mark_item(i, items.size());
        // Without annotations to record or a maximum, enough is enough.
        if (annotations == nullptr && !c.max && matches >= c.min) return true;
      }
    }
    if (matches < c.min) {
      if (c.min == 1) {
        fail(node, k, "contains", {"must contain an item that matches the 'contains' schema"});
      } else {
        fail(node, k, "contains",
             {"must contain at least ", plural(c.min, "item", "items"),
              " that match the 'contains' schema, not ", std::to_string(matches)});
      }
      return false;
    }
    if (c.max && matches > *c.max) {
      fail(node, "maxContains", "contains",
           {"must contain at most ", plural(*c.max, "item", "items"),
            " that match the 'contains' schema, not ", std::to_string(matches)});
      return false;
    }
    return true;
  }

  bool check_one(const Node& node, std::string_view k, const Combine& c, const json::value& v,
                 Annotations* annotations) {
    if (c.kind == Combinator::all_of) {
      bool valid = true;
      for (std::size_t i = 0; i < c.schemas.size(); ++i) {
        KeywordStep keyword(*this, k);
        KeywordStep step(*this, i);
        if (!eval(*c.schemas[i], v, annotations)) {
          valid = false;
          if (errors_ == nullptr) return false;
        }
      }
      return valid;
    }
    // The branches are tried without errors first: most values match one, and a branch's
    // errors are written only when none does (a second pass, with them).
    const bool collecting = errors_ != nullptr;
    std::size_t valid_count = 0;
    std::vector<std::size_t> valid_ones;
    for (std::size_t i = 0; i < c.schemas.size(); ++i) {
      bool matched = false;
      const Node& branch_node = *c.schemas[i];
      if (branch_node.type_only != 0) {
        // A type and nothing else: no annotations, no call (`anyOf: [{...}, {type: null}]`).
        matched = has_type(v, branch_node.type_only);
      } else if (annotations != nullptr) {
        Annotations branch;
        matched = eval_quietly(branch_node, v, &branch, nullptr);
        if (matched) annotations->merge(branch);
      } else {
        matched = eval_quietly(branch_node, v, nullptr, nullptr);
      }
      if (matched) {
        ++valid_count;
        if (collecting) valid_ones.push_back(i);
        if (c.kind == Combinator::any_of && annotations == nullptr) break;
        if (c.kind == Combinator::one_of && valid_count > 1 && !collecting) return false;
      }
    }
    const bool any = c.kind == Combinator::any_of;
    if (any ? valid_count > 0 : valid_count == 1) return true;
    if (!collecting) return false;
    if (valid_count == 0) {
      // None matched: the combinator's error, then why each branch failed.
      fail(node, k, "union",
           {any ? "must match at least one of the " : "must match exactly one of the ",
            std::to_string(c.schemas.size()), " schemas in ", k, ", and matches none"});
      for (std::size_t i = 0; i < c.schemas.size(); ++i) {
        KeywordStep keyword(*this, k);
        KeywordStep step(*this, i);
        eval(*c.schemas[i], v, nullptr);
      }
      return false;
    }
    std::string which;
    for (std::size_t i = 0; i < valid_ones.size(); ++i) {
      if (i > 0) which += i + 1 == valid_ones.size() ? " and " : ", ";
      which += std::to_string(valid_ones[i]);
    }
    fail(node, k, "union",
         {"must match exactly one of the schemas in oneOf, but matches ",
          std::to_string(valid_count), " of them (", which, ")"});
    return false;
  }

  bool check_one(const Node& node, std::string_view k, const Not& c, const json::value& v,
                 Annotations*) {
    if (!eval_quietly(*c.schema, v, nullptr, nullptr)) return true;
    fail(node, k, "not", {"must not match the schema in 'not'"});
    return false;
  }

  bool check_one(const Node&, std::string_view, const IfThenElse& c, const json::value& v,
                 Annotations* annotations) {
    Annotations condition;
    const bool holds =
        eval_quietly(*c.if_schema, v, annotations != nullptr ? &condition : nullptr, nullptr);
    if (holds && annotations != nullptr) annotations->merge(condition);
    const Node* next = holds ? c.then_schema : c.else_schema;
    if (next == nullptr) return true;
    KeywordStep keyword(*this, holds ? "then" : "else");
    return eval(*next, v, annotations);
  }

  bool check_one(const Node&, std::string_view k, const Ref& c, const json::value& v,
                 Annotations* annotations) {
    KeywordStep keyword(*this, k);
    return eval(*c.target, v, annotations);
  }

  bool check_one(const Node&, std::string_view k, const DynamicRef& c, const json::value& v,
                 Annotations* annotations) {
    const Node* target = c.target;
    if (c.dynamic) {
      for (const Resource* resource : stacks_->scope) {
        const auto found = resource->dynamic_anchors.find(c.anchor);
        if (found != resource->dynamic_anchors.end() && found->second != nullptr) {
          target = found->second;
          break;
        }
      }
    } else if (c.recursive) {
      // 2019-09: the outermost resource with $recursiveAnchor: true, while every resource from
      // there inwards has it too.
      const auto& scope = stacks_->scope;
      for (std::size_t i = scope.size(); i-- > 0;) {
        if (!scope[i]->recursive_anchor) break;
        if (scope[i]->root != nullptr) target = scope[i]->root;
      }
    }
    KeywordStep keyword(*this, k);
    return eval(*target, v, annotations);
  }

  bool check_one(const Node& node, std::string_view k, const Unevaluated& c, const json::value& v,
                 Annotations* annotations) {
    // `annotations` is the node's own collection (eval made one when the caller had none).
    bool valid = true;
    if (c.of_items) {
      if (!v.is_array()) return true;
      const auto& items = v.get_array();
      for (std::size_t i = 0; i < items.size(); ++i) {
        if (annotations->item(i)) continue;
        InstanceStep at(*this, i);
        if (c.schema->constant == false) {
          fail(node, k, "extra_forbidden",
               {"is not allowed: no keyword of this schema evaluates item ", std::to_string(i)});
          valid = false;
        } else {
          KeywordStep keyword(*this, k);
          if (!eval(*c.schema, items[i], nullptr)) valid = false;
        }
        if (!valid && errors_ == nullptr) return false;
      }
      if (valid) {
        for (std::size_t i = 0; i < items.size(); ++i) annotations->mark_item(i, items.size());
      }
      return valid;
    }
    if (!v.is_object()) return true;
    const auto& object = v.get_object();
    std::size_t index = 0;
    for (const auto& member : object) {
      const std::size_t i = index++;
      if (annotations->property(i)) continue;
      InstanceStep at(*this, member.key());
      if (c.schema->constant == false) {
        fail(node, k, "extra_forbidden",
             {"is not allowed: it is not one of the properties this object defines"});
        valid = false;
      } else {
        KeywordStep keyword(*this, k);
        if (!eval(*c.schema, member.value(), nullptr)) valid = false;
      }
      if (!valid && errors_ == nullptr) return false;
    }
    if (valid) {
      for (std::size_t i = 0; i < object.size(); ++i) annotations->mark_property(i, object.size());
    }
    return valid;
  }

  // The stacks a validation keeps, reused by each thread's validations so that a call
  // allocates nothing for them once they have grown (a validation runs on one thread, and
  // never inside another).
  struct Scratch {
    std::vector<const Resource*> scope;
    std::vector<Step> instance_path;
    std::vector<Step> keyword_path;
  };
  static Scratch& scratch() {
    thread_local Scratch stacks;
    return stacks;
  }

  const Program& program_;
  ValidationErrors* out_;
  std::vector<ValidationError>* errors_;  // out_'s list, or a branch's while it is tried
  Scratch* stacks_;
  std::size_t depth_ = 0;
};

// pydantic's text for an enum's values: 'a', 'b' or 3.
std::string expected_values(const json::value& values) {
  std::string out;
  if (!values.is_array()) return out;
  const auto& list = values.get_array();
  for (std::size_t i = 0; i < list.size(); ++i) {
    if (i > 0) out += i + 1 == list.size() ? " or " : ", ";
    out += list[i].is_string() ? "'" + std::string(list[i].get_string()) + "'"
                               : json::serialize(list[i]);
  }
  return out;
}

}  // namespace

// pydantic's message and `ctx` for the kinds of error pydantic has, so that a 422 reads as
// FastAPI's would; others keep the validator's own message.
void use_pydantic_wording(const ValidationError& e, const json::value& limit, json::object& item) {
  const json::value& input = item["input"];
  auto say = [&](const std::string& msg, const json::object& ctx = {}) {
    item["msg"] = msg;
    if (!ctx.empty()) item["ctx"] = ctx;
  };
  static const std::pair<std::string_view, std::string_view> type_messages[] = {
      {"string_type", "Input should be a valid string"},
      {"int_type", "Input should be a valid integer"},
      {"float_type", "Input should be a valid number"},
      {"bool_type", "Input should be a valid boolean"},
      {"dict_type", "Input should be a valid dictionary"},
      {"list_type", "Input should be a valid list"},
      {"none_required", "Input should be None"},
      {"extra_forbidden", "Extra inputs are not permitted"},
  };
  for (const auto& [type, message] : type_messages) {
    if (e.type == type) return say(std::string(message));
  }
  const std::string value = limit.is_string()
                                ? std::string(limit.get_string())
                                : (limit.is_null() ? std::string() : json::serialize(limit));
  if (e.type == "missing") return say("Field required");
  if (e.type == "greater_than_equal") {
    return say("Input should be greater than or equal to " + value, {{"ge", limit}});
  }
  if (e.type == "greater_than")
    return say("Input should be greater than " + value, {{"gt", limit}});
  if (e.type == "less_than_equal") {
    return say("Input should be less than or equal to " + value, {{"le", limit}});
  }
  if (e.type == "less_than") return say("Input should be less than " + value, {{"lt", limit}});
  if (e.type == "multiple_of") {
    return say("Input should be a multiple of " + value, {{"multiple_of", limit}});
  }
  if (e.type == "string_too_short" || e.type == "string_too_long") {
    const bool longest = e.type == "string_too_long";
    return say(std::string("String should have ") + (longest ? "at most " : "at least ") + value +
                   (value == "1" ? " character" : " characters"),
               {{longest ? "max_length" : "min_length", limit}});
  }
  if (e.type == "string_pattern_mismatch" && limit.is_string()) {
    return say("String should match pattern '" + std::string(limit.get_string()) + "'",
               {{"pattern", limit}});
  }
  if (e.type == "enum" || e.type == "literal_error") {
    const std::string expected =
        e.type == "enum" ? expected_values(limit) : expected_values(json::array{limit});
    return say("Input should be " + expected, {{"expected", expected}});
  }
  if (e.type == "too_short" || e.type == "too_long") {
    const bool list = input.is_array();
    const std::size_t actual =
        list ? input.get_array().size() : (input.is_object() ? input.get_object().size() : 0);
    const bool longest = e.type == "too_long";
    return say(std::string(list ? "List" : "Dictionary") + " should have " +
                   (longest ? "at most " : "at least ") + value +
                   (value == "1" ? " item" : " items") + " after validation, not " +
                   std::to_string(actual),
               {{"field_type", list ? "List" : "Dictionary"},
                {longest ? "max_length" : "min_length", limit},
                {"actual_length", actual}});
  }
}

}  // namespace detail

bool Validator::is_valid(const boost::json::value& instance) const {
  detail::Evaluator evaluator(*program_, nullptr);
  return evaluator.eval(*root_, instance, nullptr);
}

ValidationErrors Validator::validate(const boost::json::value& instance) const {
  ValidationErrors errors;
  detail::Evaluator evaluator(*program_, &errors);
  evaluator.eval(*root_, instance, nullptr);
  return errors;
}

boost::json::object basic_output(std::span<const ValidationError> errors) {
  boost::json::object out;
  out["valid"] = errors.empty();
  if (!errors.empty()) {
    boost::json::array list;
    for (const auto& e : errors) {
      list.push_back(boost::json::object{{"keywordLocation", e.keyword_location},
                                         {"absoluteKeywordLocation", e.absolute_keyword_location},
                                         {"instanceLocation", e.instance_location},
                                         {"error", e.message}});
    }
    out["errors"] = std::move(list);
  }
  return out;
}

const boost::json::value* Validator::keyword_value(const ValidationError& error) const {
  const std::string_view location = error.absolute_keyword_location;
  const auto hash = location.find('#');
  if (hash == std::string_view::npos) return nullptr;
  const auto document = program_->by_uri.find(location.substr(0, hash));
  if (document == program_->by_uri.end()) return nullptr;
  const auto target = oaskit::detail::follow_pointer(*document->second, location.substr(hash + 1));
  return target.value;
}

boost::json::array Validator::pydantic_errors(std::span<const ValidationError> errors,
                                              const boost::json::value& instance,
                                              const boost::json::array& prefix) const {
  boost::json::array out;
  for (const auto& e : errors) {
    boost::json::array loc = prefix;
    const auto target = oaskit::detail::follow_pointer(instance, e.instance_location);
    for (const auto& step : target.path) {
      if (const auto* name = std::get_if<std::string>(&step)) {
        loc.emplace_back(*name);
      } else {
        loc.emplace_back(std::get<std::size_t>(step));
      }
    }
    const boost::json::value* at = target.value;
    // A missing member has no input of its own: pydantic shows the object that lacks it.
    if (!e.missing_property.empty()) loc.emplace_back(e.missing_property);
    boost::json::object item{{"type", e.type}, {"loc", std::move(loc)}, {"msg", e.message}};
    item["input"] = at != nullptr ? *at : boost::json::value();
    // The keyword's value, for the `ctx`: a oneOf of constants compiled to an enum has them
    // as its branches' `const`.
    boost::json::value limit;
    if (const auto* value = keyword_value(e)) {
      limit = *value;
      if (e.type == "enum" && (e.keyword == "oneOf" || e.keyword == "anyOf") && limit.is_array()) {
        boost::json::array values;
        for (const auto& branch : limit.get_array()) {
          if (const auto* c =
                  branch.is_object() ? branch.get_object().if_contains("const") : nullptr) {
            values.push_back(*c);
          }
        }
        limit = std::move(values);
      }
      if (e.type == "string_pattern_mismatch" && !limit.is_string()) limit = nullptr;
    }
    detail::use_pydantic_wording(e, limit, item);
    out.push_back(std::move(item));
  }
  return out;
}

}  // namespace oaskit::schema
