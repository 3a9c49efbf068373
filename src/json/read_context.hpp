#pragma once
// Collects the errors a read finds, each with its path.

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "oaskit/error.hpp"
#include "oaskit/field.hpp"
#include "oaskit/json.hpp"
#include "path_node.hpp"

namespace oaskit::detail {

/// `'a', 'b' or 'c'`
template <std::size_t N>
std::string quoted_alternatives(const std::array<std::string_view, N>& names) {
  std::string out;
  for (std::size_t i = 0; i < N; ++i) {
    if (i > 0) out += i + 1 == N ? " or " : ", ";
    out += '\'';
    out += names[i];
    out += '\'';
  }
  return out;
}

class ReadContext {
 public:
  void error(const PathNode& at, std::string_view type, std::string msg);
  /// "Input should be <expected>, got <found>".
  void type_error(const PathNode& at, std::string_view type, std::string_view expected,
                  std::string_view found);
  /// A required field `name` is absent from the object at `object`.
  void missing(const PathNode& object, std::string_view name);
  /// A field `name` that versions before `since` require is absent from the object at
  /// `object`: an error once finish() knows the version is older.
  void missing_before(const PathNode& object, std::string_view name, SpecVersion since);

  /// The version the value is read as: fields required before a version are missing only in
  /// older documents. An OpenAPI object's `openapi` sets it; until then, the latest.
  void set_version(SpecVersion version) noexcept { version_ = version; }
  /// Reports the fields missing_before() noted that the version requires.
  void finish();
  /// `key` appears again in the object at `object`; the message with both places is written
  /// once positions are known.
  void duplicate_key(const PathNode& object, std::string_view key);

  /// False, and the text is marked too deep, when a container at `at` would be nested more
  /// than max_nesting_depth deep. (simdjson lets one more level through when the innermost
  /// container is empty.)
  bool enter_container(const PathNode& at) noexcept {
    if (at.depth < max_nesting_depth) return true;
    too_deep_ = true;
    return false;
  }
  [[nodiscard]] bool too_deep() const noexcept { return too_deep_; }

  [[nodiscard]] std::size_t error_count() const noexcept { return errors_.size(); }
  Errors take() { return std::move(errors_); }

 private:
  struct PendingMissing {
    Error error;
    SpecVersion since;
  };
  Errors errors_;
  std::vector<PendingMissing> pending_missing_;
  SpecVersion version_ = spec_versions.back();
  bool too_deep_ = false;
};

}  // namespace oaskit::detail
