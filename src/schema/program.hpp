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
struct ConstCheck {
  boost::json::value value;
};
struct EnumCheck {
  std::vector<boost::json::value> values;
  /// When every value is a string: them sorted, for a binary search.
  std::vector<std::string> sorted_strings;

  /// Written once, for failures: "must be one of "a", "b" or "c"", and the values as JSON.
  std::string message;
  std::string values_json;

  explicit EnumCheck(std::vector<boost::json::value> allowed) : values(std::move(allowed)) {
    values_json = boost::json::serialize(boost::json::array(values.begin(), values.end()));
    std::string list;
    for (std::size_t i = 0; i < values.size() && i < 10; ++i) {
      if (i > 0) list += i + 1 == values.size() ? " or " : ", ";
      std::string text = boost::json::serialize(values[i]);
      if (text.size() > 60) text = text.substr(0, 57) + "...";
      list += text;
    }
    if (values.size() > 10) list += ", ... (" + std::to_string(values.size()) + " values)";
    message = (values.size() == 1 ? "must be " : "must be one of ") + list;
    for (const auto& v : values) {
      if (!v.is_string()) {
        sorted_strings.clear();
        return;
      }
      sorted_strings.emplace_back(v.get_string());
    }
    std::sort(sorted_strings.begin(), sorted_strings.end());
  }
  [[nodiscard]] bool only_strings() const { return !values.empty() && !sorted_strings.empty(); }
  [[nodiscard]] bool has_string(std::string_view s) const {
    return std::binary_search(sorted_strings.begin(), sorted_strings.end(), s, std::less<>());
  }
};
struct MultipleOf {
  Decimal divisor;
};
enum class BoundKind : std::uint8_t { minimum, exclusive_minimum, maximum, exclusive_maximum };
struct NumberBound {
  BoundKind kind;
  boost::json::value limit;  // a number
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
  /// The `required` names, when every one is also in `properties` (compile folds the
  /// `required` keyword in here, so that one pass over the members does both): a flag per
  /// property, and how many.
  std::vector<bool> required;
  std::size_t required_count = 0;

  /// Open addressing on a hash of the names: slot → property index + 1 (0: empty).
  std::vector<std::uint32_t> slots;

  /// The length and the first and last (up to) 8 bytes, mixed: a few instructions whatever
  /// the name's length (a byte-at-a-time hash cost more than the rest of the check), and
  /// enough to tell property names apart (a lookup compares the name after).
  static std::uint64_t hash(std::string_view name) noexcept {
    const std::size_t n = name.size();
    std::uint64_t head = 0;
    std::uint64_t tail = 0;
    std::memcpy(&head, name.data(), std::min<std::size_t>(n, 8));
    if (n > 8) {
      const std::size_t rest = std::min<std::size_t>(n - 8, 8);
      std::memcpy(&tail, name.data() + n - rest, rest);
    }
    std::uint64_t h = (head ^ (n * 0x9E3779B97F4A7C15ULL)) * 0xFF51AFD7ED558CCDULL;
    h ^= (tail + (h >> 29)) * 0xC4CEB9FE1A85EC53ULL;
    return h ^ (h >> 32);
  }
  /// Builds the table once `properties` is complete.
  void index() {
    std::size_t size = 8;
    while (size < properties.size() * 2) size *= 2;
    slots.assign(size, 0);
    for (std::size_t i = 0; i < properties.size(); ++i) {
      std::size_t at = hash(properties[i].first) & (size - 1);
      while (slots[at] != 0) at = (at + 1) & (size - 1);
      slots[at] = static_cast<std::uint32_t>(i + 1);
    }
  }
  /// The index in `properties` of `name`, or -1.
  [[nodiscard]] std::ptrdiff_t find(std::string_view name) const noexcept {
    if (slots.empty()) return -1;
    const std::size_t mask = slots.size() - 1;
    for (std::size_t at = hash(name) & mask;; at = (at + 1) & mask) {
      const std::uint32_t slot = slots[at];
      if (slot == 0) return -1;
      if (properties[slot - 1].first == name) return static_cast<std::ptrdiff_t>(slot - 1);
    }
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
};

}  // namespace oaskit::schema::detail
