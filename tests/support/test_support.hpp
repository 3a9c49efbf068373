#pragma once
// Helpers shared by the tests: locations written like pydantic's `loc`, parsing that
// reports errors readably, and error lookup.

#include <gtest/gtest.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "oaskit/diagnostic.hpp"
#include "oaskit/error.hpp"
#include "oaskit/json.hpp"

namespace oaskit::test {

inline PathElement element(const char* name) { return std::string(name); }
inline PathElement element(std::string name) { return name; }
inline PathElement element(int index) { return static_cast<std::size_t>(index); }

/// `loc("paths", "/pets", "get", "parameters", 0, "in")`
template <class... Parts>
Path loc(Parts... parts) {
  return Path{element(parts)...};
}

/// Every error on its own line, as `to_string` shows it plus its type, for failure messages.
inline std::string describe(const Errors& errors) {
  std::string out;
  for (const auto& e : errors) out += "\n  " + to_string(e);
  return out.empty() ? std::string("(no errors)") : out;
}

/// Every diagnostic on its own line, as `to_string` shows it, for failure messages.
inline std::string describe(const Diagnostics& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics) out += "\n  " + to_string(d);
  return out.empty() ? std::string("(none)") : out;
}

/// The errors parsing `json` as `T` gives; empty when it parses.
template <class T>
Errors errors_of(std::string_view json) {
  auto result = parse<T>(json);
  if (result) return {};
  return result.errors();
}

/// `json` parsed as `T`; a test failure (and a default `T`) when it does not parse.
template <class T>
T parsed(std::string_view json) {
  auto result = parse<T>(json);
  if (!result) {
    ADD_FAILURE() << "parse failed for " << json << describe(result.errors());
    return T{};
  }
  return std::move(result).value();
}

/// The value of an optional member (`std::optional` or `Box`) as a `std::optional`, so tests
/// compare it the same way whichever the model uses.
template <class Optional>
std::optional<typename Optional::value_type> value_of(const Optional& member) {
  if (!member.has_value()) return std::nullopt;
  return *member;
}

/// The error at `at`, or nullptr.
inline const Error* error_at(const Errors& errors, const Path& at) {
  for (const auto& e : errors)
    if (e.loc == at) return &e;
  return nullptr;
}

/// The locations of `errors`, in order.
inline std::vector<Path> locs_of(const Errors& errors) {
  std::vector<Path> out;
  for (const auto& e : errors) out.push_back(e.loc);
  return out;
}

/// Passes when `errors` is exactly one error of `type` at `at`.
inline ::testing::AssertionResult is_single_error(const Errors& errors, const Path& at,
                                                  std::string_view type) {
  if (errors.size() == 1 && errors[0].loc == at && errors[0].type == type) {
    return ::testing::AssertionSuccess();
  }
  return ::testing::AssertionFailure() << "expected one [" << type << "] error at '"
                                       << to_string(at) << "', got:" << describe(errors);
}

/// Passes when `errors` are exactly "Field required" [missing] errors at `expected`, in any
/// order.
inline ::testing::AssertionResult are_missing(const Errors& errors,
                                              const std::vector<Path>& expected) {
  auto failure = [&] {
    std::string want;
    for (const auto& p : expected) want += " '" + to_string(p) + "'";
    return ::testing::AssertionFailure()
           << "expected missing fields at" << want << ", got:" << describe(errors);
  };
  if (errors.size() != expected.size()) return failure();
  for (const auto& p : expected) {
    const Error* e = error_at(errors, p);
    if (e == nullptr || e->type != "missing" || e->msg != "Field required") return failure();
  }
  return ::testing::AssertionSuccess();
}

}  // namespace oaskit::test
