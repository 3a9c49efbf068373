#pragma once
// Helpers for the lint tests: write a document to a temporary folder, load it and lint it.

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "oaskit/document.hpp"
#include "oaskit/lint.hpp"
#include "support/temp_tree.hpp"
#include "support/test_support.hpp"

namespace oaskit::test {

/// A JSON document of OpenAPI `version` with `body` after its openapi and info members.
inline std::string openapi(std::string_view version, std::string_view body) {
  return "{\"openapi\": \"" + std::string(version) +
         "\", \"info\": {\"title\": \"t\", \"version\": \"1\"}" + (body.empty() ? "" : ",\n") +
         std::string(body) + "}";
}
inline std::string openapi_31(std::string_view body) { return openapi("3.1.0", body); }
inline std::string openapi_30(std::string_view body) { return openapi("3.0.3", body); }
inline std::string openapi_32(std::string_view body) { return openapi("3.2.0", body); }

/// A document of OpenAPI `version` whose only content is `schema` at components/schemas/S.
inline std::string with_schema(std::string_view version, std::string_view schema) {
  return openapi(version, R"("components": {"schemas": {"S": )" + std::string(schema) + "}}");
}

/// Lints the document `files` (the first is the root, loaded as api.json; others are written
/// beside it under their names).
inline Diagnostics lint_files(const std::vector<std::pair<std::string, std::string>>& files,
                              const LintOptions& options = {}) {
  TempTree tree;
  std::filesystem::path root;
  for (const auto& [name, text] : files) {
    const auto path = tree.write(name, text);
    if (root.empty()) root = path;
  }
  auto doc = load(root);
  if (!doc) {
    ADD_FAILURE() << "load failed:" << describe(doc.errors());
    return {};
  }
  return lint(*doc, options);
}

/// Lints one document given as JSON text.
inline Diagnostics lint_json(const std::string& json, const LintOptions& options = {}) {
  return lint_files({{"api.json", json}}, options);
}

/// The findings of `rule`.
inline Diagnostics of_rule(const Diagnostics& findings, std::string_view rule) {
  Diagnostics out;
  for (const auto& d : findings)
    if (d.rule == rule) out.push_back(d);
  return out;
}

/// Passes when `findings` has exactly one finding of `rule`, at `at`.
inline ::testing::AssertionResult has_one(const Diagnostics& findings, std::string_view rule,
                                          const Path& at) {
  const auto matching = of_rule(findings, rule);
  if (matching.size() == 1 && matching[0].loc == at) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "expected one [" << rule << "] at '" << to_string(at)
                                       << "', got:" << describe(findings);
}

/// Passes when `findings` has nothing of `rule`.
inline ::testing::AssertionResult has_none(const Diagnostics& findings, std::string_view rule) {
  if (of_rule(findings, rule).empty()) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure()
         << "expected no [" << rule << "], got:" << describe(findings);
}

inline bool mentions(const Diagnostic& finding, std::string_view text) {
  return finding.message.find(text) != std::string::npos;
}

}  // namespace oaskit::test
