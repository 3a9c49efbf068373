#pragma once
// A JWT's header and claims, read for checking without building a JSON tree. Building a
// boost::json tree costs an allocation per member name and per longer string, about a micro-
// second for a typical token: more than every check together. The checks only need the
// top-level members, so the verifier reads those, and the tree that Identity hands out is built
// from the text when someone first looks at it (SharedJsonObject).
//
// The text is held to the same rules as parse_strict_json (the same parser, options and
// refusals: UTF-8, nesting, no repeated member names at any depth, finite numbers), so a text
// read here always builds a tree there.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "oaskit/result.hpp"

namespace oaskit::security::detail {

/// FNV-1a of a member name. Claim names are short and many have the same length ("iss",
/// "aud", "exp"): comparing hashes first saves most string comparisons.
[[nodiscard]] constexpr std::uint64_t name_hash(std::string_view name) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (const char c : name) hash = (hash ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
  return hash;
}

/// A top-level member of the object.
struct SummaryMember {
  enum class Kind : unsigned char { string, number, boolean, null, array, object };
  std::string_view name;
  std::string_view text;        ///< Kind::string: the string, unescaped
  std::uint64_t name_hash = 0;  ///< detail::name_hash(name), for find()
  double number = 0;            ///< Kind::number (integers too)
  // Kind::array: its string items are ObjectSummary::items_of(member); `only_strings` says
  // whether it had items of other kinds.
  std::uint32_t first_item = 0;
  std::uint32_t item_count = 0;
  Kind kind = Kind::null;
  bool only_strings = true;
};

/// Why a text was refused: not JSON under parse_strict_json's rules (`reason` is its reason), or
/// JSON but not an object (`reason` is empty).
struct SummaryError {
  std::string reason;
};

class ObjectSummary {
 public:
  /// Reads `json`, which must be a JSON object under parse_strict_json's rules. Names and
  /// strings without escapes are views of `json`, which must outlive the summary.
  [[nodiscard]] static Result<ObjectSummary, SummaryError> read(std::string_view json);

  /// The member called `name`, or null.
  [[nodiscard]] const SummaryMember* find(std::string_view name) const;
  /// The member called `name` when it is a string, else null.
  [[nodiscard]] const std::string_view* string(std::string_view name) const;
  /// The string items of an array member.
  [[nodiscard]] std::span<const std::string_view> items_of(const SummaryMember& member) const;

  /// Where the views of unescaped names and strings point (allocated when the first is met).
  /// Sized for the whole text, so it never moves.
  struct Storage {
    std::unique_ptr<char[]> bytes;
    std::size_t used = 0;
  };

 private:
  friend class SummaryReader;
  Storage storage_;
  std::vector<SummaryMember> members_;
  std::vector<std::string_view> items_;
};

}  // namespace oaskit::security::detail
