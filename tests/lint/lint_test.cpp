// lint() as a whole: the rule registry and its documentation, switching rules off per run and
// per node, and the order of findings.

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <set>
#include <string>

#include "lint/lint_support.hpp"

namespace oaskit {
namespace {

using test::has_none;
using test::has_one;
using test::lint_files;
using test::lint_json;
using test::loc;
using test::of_rule;
using test::openapi_31;

// Every rule id the tests of each family exercise; a new rule must be added here and to the
// registry, and its tests written.
const std::set<std::string> tested_rules{"ref-not-allowed",  // tests/document/load_test.cpp
                                         "document-empty",
                                         "parameter-style-with-content",
                                         "component-name-invalid",
                                         "license-identifier-with-url",
                                         "responses-empty",
                                         "link-operation",
                                         "example-with-examples",
                                         "example-values-exclusive",
                                         "encoding-by-name-and-position",
                                         "xml-node-type-exclusive",
                                         "parameter-querystring",
                                         "additional-operation-method",
                                         "tag-parent",
                                         "version-32-keyword-in-30",
                                         "version-32-keyword-in-31",
                                         "parameter-schema-or-content",
                                         "parameter-content-not-one",
                                         "parameter-style-for-location",
                                         "parameter-allow-reserved-not-query",
                                         "field-unknown",
                                         "schema-required-duplicate",
                                         "discriminator-default-mapping",
                                         "template-expression-repeated",
                                         "schema-default-type",
                                         "security-undeclared-scheme",
                                         "security-undeclared-scope",
                                         "security-scope-not-in-all-flows",
                                         "security-scopes-on-non-oauth",
                                         "security-flow-url",
                                         "security-flow-insecure-url",
                                         "security-deprecated-flow",
                                         "security-http-scheme",
                                         "security-apikey-authorization-header",
                                         "security-operation-unprotected",
                                         "security-oauth2-metadata-mismatch",
                                         "security-oauth2-metadata-unavailable",
                                         "path-parameter-undeclared",
                                         "path-parameter-not-required",
                                         "path-parameter-unused",
                                         "operation-id-duplicate",
                                         "parameter-duplicate",
                                         "path-equivalent",
                                         "ref-unresolved",
                                         "ref-sibling-ignored",
                                         "component-unused",
                                         "version-30-keyword-in-31",
                                         "version-deprecated-field",
                                         "version-31-keyword-in-30",
                                         "schema-ref-cycle",
                                         "schema-example-invalid",
                                         "lint-unknown-rule"};

std::set<std::string> registry_ids() {
  std::set<std::string> ids;
  for (const auto& rule : lint_rules()) ids.emplace(rule.id);
  return ids;
}

TEST(LintRules, RegistryHoldsEveryRuleOnceWithASummary) {
  std::set<std::string> seen;
  for (const auto& rule : lint_rules()) {
    EXPECT_TRUE(seen.emplace(rule.id).second) << "twice: " << rule.id;
    EXPECT_FALSE(rule.summary.empty()) << rule.id;
    EXPECT_NE(rule.id.find('-'), std::string_view::npos) << rule.id;
    EXPECT_TRUE(is_rule(rule.id));
  }
  EXPECT_EQ(seen, tested_rules);
  EXPECT_FALSE(is_rule("no-such-rule"));
  EXPECT_FALSE(is_rule(""));
}

// The ids in the first column of docs/lint.md's rule table (rows `| `id` | ...`).
std::set<std::string> documented_ids() {
  std::ifstream in(OASKIT_SOURCE_DIR "/docs/lint.md");
  EXPECT_TRUE(in) << "docs/lint.md is missing";
  std::set<std::string> ids;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.starts_with("| `")) continue;
    const auto end = line.find('`', 3);
    if (end != std::string::npos) ids.insert(line.substr(3, end - 3));
  }
  return ids;
}

TEST(LintRules, DocsListTheSameRulesAsTheRegistry) { EXPECT_EQ(documented_ids(), registry_ids()); }

const std::string unused_pet =
    openapi_31(R"("components": {"schemas": {"Pet": {"type": "object"}}})");

TEST(Lint, DisabledRulesAreNotReported) {
  EXPECT_TRUE(
      has_one(lint_json(unused_pet), "component-unused", loc("components", "schemas", "Pet")));
  EXPECT_TRUE(
      has_none(lint_json(unused_pet, {.disabled = {"component-unused"}}), "component-unused"));
}

TEST(Lint, IgnoreListOnTheNodeOrAnAncestorDropsItsFindings) {
  EXPECT_TRUE(has_none(lint_json(openapi_31(R"("components": {"schemas": {
    "Pet": {"type": "object", "x-oaskit-ignore": ["component-unused"]}}})")),
                       "component-unused"));
  EXPECT_TRUE(has_none(lint_json(openapi_31(R"("components": {
    "x-oaskit-ignore": ["component-unused"], "schemas": {"Pet": {"type": "object"}}})")),
                       "component-unused"));
  // Another rule's id, or a sibling's list, leaves it in place.
  const auto other = lint_json(openapi_31(R"("components": {"schemas": {
    "Pet": {"type": "object", "x-oaskit-ignore": ["path-equivalent"]},
    "Cat": {"type": "object", "x-oaskit-ignore": ["component-unused"]}}})"));
  EXPECT_TRUE(has_one(other, "component-unused", loc("components", "schemas", "Pet")));
}

TEST(Lint, IgnoreListWorksInTheFindingsOwnFile) {
  const auto findings =
      lint_files({{"api.json", openapi_31(R"("paths": {"/pets": {"get": {"parameters": [
    {"$ref": "parameters.json#/limit"}, {"$ref": "parameters.json#/offset"}]}}})")},
                  {"parameters.json", R"({"limit": {"name": "id", "in": "path"},
    "offset": {"name": "key", "in": "path", "x-oaskit-ignore": ["path-parameter-not-required"]}})"}});
  const auto not_required = of_rule(findings, "path-parameter-not-required");
  ASSERT_EQ(not_required.size(), 1u) << test::describe(findings);
  EXPECT_EQ(not_required[0].loc, loc("limit"));
}

TEST(Lint, SeesTheOtherFilesPartsAsTheLoaderReadThem) {
  // The parameter's description is a Redocly-style $ref that the loader reads in its place:
  // its file's value alone is not a Parameter, the loader's model is, and lint checks that.
  const auto findings =
      lint_files({{"api.json", openapi_31(R"("paths": {"/pets": {"get": {"parameters": [
    {"$ref": "parameters.json#/limit"}]}}})")},
                  {"parameters.json", R"({"limit": {"name": "id", "in": "path",
    "description": {"$ref": "#/text"}}, "text": "How many"})"}});
  const auto not_required = of_rule(findings, "path-parameter-not-required");
  ASSERT_EQ(not_required.size(), 1u) << test::describe(findings);
  EXPECT_EQ(not_required[0].loc, loc("limit"));
}

TEST(Lint, UnknownIdInAnIgnoreListIsAWarning) {
  const auto findings = lint_json(openapi_31(R"("components": {"schemas": {
    "Pet": {"type": "object", "x-oaskit-ignore": ["component-unused", "component-unsued", "missing"]}}})"));
  ASSERT_TRUE(has_one(findings, "lint-unknown-rule",
                      loc("components", "schemas", "Pet", "x-oaskit-ignore", 1)));
  EXPECT_EQ(of_rule(findings, "lint-unknown-rule")[0].severity, Severity::warning);
  EXPECT_TRUE(has_one(lint_json(openapi_31(R"("x-oaskit-ignore": "component-unused")")),
                      "lint-unknown-rule", loc("x-oaskit-ignore")));
}

TEST(Lint, FindingsAreSortedByFileThenPosition) {
  const auto findings = lint_files({{"api.json", openapi_31(R"("security": [{"nope": []}],
  "paths": {"/b/{x}": {}, "/b/{y}": {},
            "/a": {"get": {"parameters": [{"$ref": "parameters.json#/p"}]}}},
  "components": {"schemas": {"Unused": {}}})")},
                                    {"parameters.json", R"({"p": {"name": "p", "in": "path"}})"}});
  ASSERT_GE(findings.size(), 4u) << test::describe(findings);
  for (std::size_t i = 1; i < findings.size(); ++i) {
    const auto& a = findings[i - 1];
    const auto& b = findings[i];
    ASSERT_TRUE(a.position && b.position);
    EXPECT_TRUE(a.file < b.file ||
                (a.file == b.file && std::pair(a.position->line, a.position->column) <=
                                         std::pair(b.position->line, b.position->column)))
        << test::describe(findings);
  }
}

TEST(Lint, CleanDocumentHasNoFindings) {
  const auto findings = lint_json(openapi_31(R"("security": [{"oauth": ["pets:read"]}],
  "paths": {"/pets/{id}": {"get": {"operationId": "getPet", "parameters": [
    {"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
    "responses": {"200": {"description": "ok"}}}}},
  "components": {"securitySchemes": {"oauth": {"type": "oauth2", "flows": {
    "authorizationCode": {"authorizationUrl": "https://a.example.com/auth",
      "tokenUrl": "https://a.example.com/token", "scopes": {"pets:read": "read"}}}}}})"));
  EXPECT_TRUE(findings.empty()) << test::describe(findings);
}

TEST(Lint, BundledExampleHasNoErrors) {
  auto doc = load(OASKIT_SOURCE_DIR "/examples/petstore-oauth.json");
  ASSERT_TRUE(doc);
  for (const auto& finding : lint(*doc)) {
    EXPECT_NE(finding.severity, Severity::error) << to_string(finding);
  }
}

}  // namespace
}  // namespace oaskit
