#pragma once
// What a schema compiles into: a graph of nodes, one per schema object reached, each a list of
// keyword checks in the order the schema writes them. References are edges, so recursive
// schemas are cycles of nodes, and every node lives as long as the Program that owns it.

#include <boost/json/array.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include <algorithm>
#include <functional>
#include <optional>

#include <cstdint>
#include <cstring>
#include <deque>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <variant>
#include <vector>

#include "schema/decimal.hpp"
#include "schema/formats.hpp"
#include "schema/regex.hpp"

namespace oaskit::schema::detail {

struct Node;

/// JSON types as bits, so `type: [string, null]` is one mask test.
enum TypeBit : std::uint8_t {
  type_null = 1,
  type_boolean = 2,
  type_object = 4,
  type_array = 8,
  type_number = 16,
  type_string = 32,
  type_integer = 64,  // a number with no fractional part (1.0 included)
};

/// A schema resource (the root, or a subschema with `$id`): the unit of the dynamic scope
/// that `$dynamicRef` and `$recursiveRef` search.
struct Resource {
  std::string uri;
  std::unordered_map<std::string, const Node*> dynamic_anchors;  // $dynamicAnchor name → node
  bool recursive_anchor = false;                                 // 2019-09 $recursiveAnchor
  const Node* root = nullptr;
};

struct TypeCheck {
  std::uint8_t mask;
};
/// A value as a message shows it: JSON, cut short when long.
inline std::string shown(const boost::json::value& v) {
  std::string text = boost::json::serialize(v);
  if (text.size() > 60) text = text.substr(0, 57) + "...";
  return text;
}

struct ConstCheck {
  boost::json::value value;
  std::string message;  // "must be "x"", written once

  explicit ConstCheck(boost::json::value v)
      : value(std::move(v)), message("must be " + shown(value)) {}
};
/// A set of names (an object's property names, a string enum's values), each found by its
/// index: open addressing on a hash of the name's length and ends.
class NameTable {
 public:
  NameTable() = default;
  explicit NameTable(const std::vector<std::string_view>& names) {
    std::size_t size = 8;
    while (size < names.size() * 2) size *= 2;
    slots_.assign(size, 0);
    for (std::size_t i = 0; i < names.size(); ++i) {
      names_.emplace_back(names[i]);
      keys_.emplace_back(names[i]);
      std::size_t at = keys_.back().hash() & (size - 1);
      while (slots_[at] != 0) at = (at + 1) & (size - 1);
      slots_[at] = static_cast<std::uint32_t>(i + 1);
    }
  }
  /// The index of `name`, or -1.
  [[nodiscard]] std::ptrdiff_t find(std::string_view name) const noexcept {
    if (slots_.empty()) return -1;
    const Key key(name);
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t at = key.hash() & mask;; at = (at + 1) & mask) {
      const std::uint32_t slot = slots_[at];
      if (slot == 0) return -1;
      if (keys_[slot - 1] == key && (key.size <= 16 || same_middle(names_[slot - 1], name))) {
        return static_cast<std::ptrdiff_t>(slot - 1);
      }
    }
  }
  [[nodiscard]] bool empty() const noexcept { return names_.empty(); }

 private:
  /// A name's length and its first and last (up to) 8 bytes, read with fixed-size loads that
  /// may overlap. They make the hash (a few instructions whatever the length: hashing byte by
  /// byte cost more than the rest of a check), and they are the whole name when it is 16
  /// bytes or shorter, so that most lookups compare three integers and never call memcmp.
  struct Key {
    std::uint64_t head = 0;
    std::uint64_t tail = 0;
    std::size_t size = 0;

    explicit Key(std::string_view name) noexcept : size(name.size()) {
      const char* p = name.data();
      if (size >= 8) {
        head = load<std::uint64_t>(p);
        tail = load<std::uint64_t>(p + size - 8);
      } else if (size >= 4) {
        head = load<std::uint32_t>(p);
        tail = load<std::uint32_t>(p + size - 4);
      } else if (size > 0) {
        head = static_cast<unsigned char>(p[0]) |
               (static_cast<std::uint64_t>(static_cast<unsigned char>(p[size / 2])) << 8) |
               (static_cast<std::uint64_t>(static_cast<unsigned char>(p[size - 1])) << 16);
      }
    }
    [[nodiscard]] std::uint64_t hash() const noexcept {
      std::uint64_t h = (head ^ (size * 0x9E3779B97F4A7C15ULL)) * 0xFF51AFD7ED558CCDULL;
      h ^= (tail + (h >> 29)) * 0xC4CEB9FE1A85EC53ULL;
      return h ^ (h >> 32);
    }
    friend bool operator==(const Key&, const Key&) = default;
  };

  template <class T>
  static T load(const char* p) noexcept {
    T v;
    std::memcpy(&v, p, sizeof v);
    return v;
  }
  /// Whether two names of the same length (over 16 bytes) and ends have the same bytes
  /// between their first and last 8: by words, inline (a call to memcmp cost as much as the
  /// rest of a lookup).
  static bool same_middle(std::string_view a, std::string_view b) noexcept {
    const std::size_t end = a.size() - 8;
    for (std::size_t at = 8; at < end; at += 8) {
      const std::size_t from = std::min(at, end - 8);  // the last word may overlap the tail
      if (load<std::uint64_t>(a.data() + from) != load<std::uint64_t>(b.data() + from)) {
        return false;
      }
    }
    return true;
  }

  std::vector<std::string> names_;
  std::vector<Key> keys_;
  std::vector<std::uint32_t> slots_;  // index + 1 of the name hashed there, 0: empty
};

struct EnumCheck {
  std::vector<boost::json::value> values;
  /// When every value is a string: them, to be found by a lookup.
  NameTable strings;

  /// Written once, for failures: "must be one of "a", "b" or "c"", and the values as JSON.
  std::string message;
  std::string values_json;

  explicit EnumCheck(std::vector<boost::json::value> allowed) : values(std::move(allowed)) {
    values_json = boost::json::serialize(boost::json::array(values.begin(), values.end()));
    std::string list;
    for (std::size_t i = 0; i < values.size() && i < 10; ++i) {
      if (i > 0) list += i + 1 == values.size() ? " or " : ", ";
      list += shown(values[i]);
    }
    if (values.size() > 10) list += ", ... (" + std::to_string(values.size()) + " values)";
    message = (values.size() == 1 ? "must be " : "must be one of ") + list;
    std::vector<std::string_view> texts;
    for (const auto& v : values) {
      if (!v.is_string()) return;
      texts.push_back(v.get_string());
    }
    strings = NameTable(texts);
  }
  [[nodiscard]] bool only_strings() const { return !strings.empty(); }
  [[nodiscard]] bool has_string(std::string_view s) const { return strings.find(s) >= 0; }
};
struct MultipleOf {
  Decimal divisor;
};
enum class BoundKind : std::uint8_t { minimum, exclusive_minimum, maximum, exclusive_maximum };
struct NumberBound {
  BoundKind kind;
  boost::json::value limit;  // a number
  std::string limit_text;    // as JSON, for messages (written once, not on each check)
};
struct LengthBound {  // minLength / maxLength in code points
  bool is_max;
  std::uint64_t limit;
};
struct PatternCheck {
  std::shared_ptr<const Regex> regex;
};
struct FormatCheck {
  Format format;
};
struct CountBound {  // minItems/maxItems/minProperties/maxProperties
  bool is_max;
  bool of_items;
  std::uint64_t limit;
};
struct UniqueItems {};
struct Required {
  std::vector<std::string> names;
};
struct DependentRequired {
  std::vector<std::pair<std::string, std::vector<std::string>>> dependencies;
};
/// properties, patternProperties and additionalProperties as one step: the last applies to
/// what the others did not match.
struct ObjectMembers {
  std::vector<std::pair<std::string, const Node*>> properties;
  std::vector<std::pair<std::shared_ptr<const Regex>, const Node*>> patterns;
  const Node* additional = nullptr;
  /// How many properties `required` names, when every name it lists is one (compile folds
  /// the `required` keyword in here, so that one pass over the members does both; each
  /// entry says whether it is required).
  std::size_t required_count = 0;

  /// Where each property's name is found.
  NameTable names;
  /// What a lookup reads next, together: the schema, and whether `required` names it.
  struct Entry {
    const Node* schema;
    bool required = false;
  };
  std::vector<Entry> entries;  // parallel to `properties`

  /// Builds the lookup once `properties` is complete.
  void index() {
    std::vector<std::string_view> list;
    entries.clear();
    for (const auto& [name, schema] : properties) {
      list.push_back(name);
      entries.push_back(Entry{schema});
    }
    names = NameTable(list);
  }
  /// Marks the properties `required` names (`flags`, by index).
  void set_required(const std::vector<bool>& flags) {
    required_count = 0;
    for (std::size_t i = 0; i < entries.size(); ++i) {
      entries[i].required = flags[i];
      if (flags[i]) ++required_count;
    }
  }
  /// The entry of `name`, or nullptr.
  [[nodiscard]] const Entry* find(std::string_view name) const noexcept {
    const std::ptrdiff_t at = names.find(name);
    return at < 0 ? nullptr : &entries[static_cast<std::size_t>(at)];
  }
};
struct PropertyNames {
  const Node* schema;
};
struct DependentSchemas {
  std::vector<std::pair<std::string, const Node*>> schemas;
};
/// prefixItems (2019-09: `items` as an array) and items (2019-09: `additionalItems`).
struct ArrayItems {
  std::vector<const Node*> prefix;
  const Node* rest = nullptr;
  std::string_view prefix_keyword, rest_keyword;
};
struct Contains {
  const Node* schema;
  std::uint64_t min = 1;
  std::optional<std::uint64_t> max;
};
enum class Combinator : std::uint8_t { all_of, any_of, one_of };
struct Combine {
  Combinator kind;
  std::vector<const Node*> schemas;
};
struct Not {
  const Node* schema;
};
struct IfThenElse {
  const Node* if_schema;
  const Node* then_schema = nullptr;
  const Node* else_schema = nullptr;
};
struct Ref {
  const Node* target;
};
/// `$dynamicRef` (and 2019-09's `$recursiveRef`, with an empty anchor): the static target,
/// replaced at run time by the outermost resource in the dynamic scope that declares the
/// anchor, when the static target declares it too.
struct DynamicRef {
  const Node* target;
  std::string anchor;
  bool dynamic = false;    // the static target's resource declares the anchor
  bool recursive = false;  // 2019-09 $recursiveRef
};
struct Unevaluated {
  bool of_items;
  const Node* schema;
};

using Check =
    std::variant<TypeCheck, ConstCheck, EnumCheck, MultipleOf, NumberBound, LengthBound,
                 PatternCheck, FormatCheck, CountBound, UniqueItems, Required, DependentRequired,
                 ObjectMembers, PropertyNames, DependentSchemas, ArrayItems, Contains, Combine, Not,
                 IfThenElse, Ref, DynamicRef, Unevaluated>;

struct Keyword {
  std::string_view name;  // as written: "properties", "$ref", ...
  Check check;
};

struct Node {
  /// Absolute URI of this schema, with a JSON-pointer fragment (for keyword locations).
  std::string location;
  const Resource* resource = nullptr;
  /// A boolean schema, or an object schema's keywords (unevaluated* last).
  std::optional<bool> constant;
  std::vector<Keyword> keywords;
  /// Has unevaluatedProperties/unevaluatedItems: needs what its in-place applicators
  /// evaluated.
  bool collects_annotations = false;
  /// When the node's only keyword is `type`: its mask, so that a value of the right type is
  /// accepted without running the node (the most common subschema, `{"type": "string"}`).
  std::uint8_t type_only = 0;
};

/// Everything a compiled schema holds. Nodes and resources have stable addresses (deques).
struct Program {
  std::deque<Node> nodes;
  std::deque<Resource> resources;
  std::deque<boost::json::value> documents;  // remote documents read while compiling
  /// Every document and `$id` resource by its URI (what keyword locations point into).
  std::map<std::string, const boost::json::value*, std::less<>> by_uri;
  std::size_t max_depth = 256;
  /// Some node has a `$dynamicRef` or `$recursiveRef` that searches the dynamic scope: only
  /// then does a validation keep the stack of resources it has entered.
  bool dynamic_scope = false;
};

}  // namespace oaskit::schema::detail
