// Reference rules: load problems under their ids, keys beside $ref that are ignored, unused
// components.

#include <gtest/gtest.h>

#include "lint/lint_support.hpp"

namespace oaskit {
namespace {

using test::has_none;
using test::has_one;
using test::lint_files;
using test::lint_json;
using test::loc;
using test::mentions;
using test::of_rule;
using test::openapi_30;
using test::openapi_31;

TEST(LintRefs, UnresolvedReferenceAndOtherLoadProblemsAreFindings) {
  const auto findings =
      lint_files({{"api.json", openapi_31(R"("paths": {"/pets": {"get": {"parameters": [
    {"$ref": "#/components/parameters/Nope"}, {"$ref": "parameters.json#/limit"}]}}})")},
                  {"parameters.json", R"({"limit": {"name": "limit"}})"}});
  EXPECT_TRUE(has_one(findings, "ref-unresolved", loc("paths", "/pets", "get", "parameters", 0)));
  const auto missing = of_rule(findings, "missing");
  ASSERT_EQ(missing.size(), 1u) << test::describe(findings);
  EXPECT_EQ(missing[0].loc, loc("limit", "in"));
  EXPECT_NE(missing[0].file.find("parameters.json"), std::string::npos);
  // Both can be switched off like any rule.
  const auto quiet =
      lint_files({{"api.json", openapi_31(R"("paths": {"/pets": {"get": {"parameters": [
    {"$ref": "#/components/parameters/Nope"}, {"$ref": "parameters.json#/limit"}]}}})")},
                  {"parameters.json", R"({"limit": {"name": "limit"}})"}},
                 {.disabled = {"ref-unresolved", "missing"}});
  EXPECT_TRUE(quiet.empty()) << test::describe(quiet);
}

constexpr std::string_view pet_schema = R"("schemas": {"Pet": {"type": "object"}})";

TEST(LintRefs, AnySiblingOfARefIsIgnoredIn30) {
  const auto findings = lint_json(openapi_30(R"("paths": {"/pets": {"get": {"responses": {
    "200": {"$ref": "#/components/responses/Ok", "description": "overridden?"},
    "201": {"description": "d", "content": {"application/json": {"schema":
      {"$ref": "#/components/schemas/Pet", "nullable": true}}}}}}}},
  "components": {"responses": {"Ok": {"description": "ok"}}, )" +
                                             std::string(pet_schema) + "}"));
  const auto ignored = of_rule(findings, "ref-sibling-ignored");
  ASSERT_EQ(ignored.size(), 2u) << test::describe(findings);
  EXPECT_EQ(ignored[0].loc, loc("paths", "/pets", "get", "responses", "200"));
  EXPECT_TRUE(mentions(ignored[0], "'description'"));
  EXPECT_EQ(ignored[1].loc, loc("paths", "/pets", "get", "responses", "201", "content",
                                "application/json", "schema"));
  EXPECT_TRUE(mentions(ignored[1], "'nullable'"));
}

TEST(LintRefs, In31OnlyReferenceObjectSiblingsOtherThanSummaryAndDescriptionAreIgnored) {
  const auto findings = lint_json(openapi_31(R"("paths": {"/pets": {"get": {"responses": {
    "200": {"$ref": "#/components/responses/Ok", "description": "fine", "summary": "fine"},
    "201": {"$ref": "#/components/responses/Ok", "headers": {}},
    "202": {"description": "d", "content": {"application/json": {"schema":
      {"$ref": "#/components/schemas/Pet", "description": "legal in JSON Schema 2020-12"}}}}}}}},
  "components": {"responses": {"Ok": {"description": "ok"}}, )" +
                                             std::string(pet_schema) + "}"));
  ASSERT_TRUE(
      has_one(findings, "ref-sibling-ignored", loc("paths", "/pets", "get", "responses", "201")));
  EXPECT_TRUE(mentions(of_rule(findings, "ref-sibling-ignored")[0], "'headers'"));
}

TEST(LintRefs, ComponentNeverReferencedIsInfo) {
  const auto findings = lint_json(openapi_31(R"("security": [{"used": []}],
  "paths": {"/pets": {"get": {"responses": {"200": {"$ref": "#/components/responses/Ok"}}}}},
  "components": {
    "schemas": {"Pet": {"type": "object"}, "Tree": {"properties": {
      "child": {"$ref": "#/components/schemas/Tree"}}},
      "Animal": {"discriminator": {"propertyName": "kind", "mapping": {"cat": "Cat"}},
                 "oneOf": [{"$ref": "#/components/schemas/Pet"}]},
      "Cat": {"type": "object"}},
    "responses": {"Ok": {"description": "ok", "content": {"application/json": {
      "schema": {"$ref": "#/components/schemas/Animal"}}}}},
    "parameters": {"Unused": {"name": "q", "in": "query"}},
    "securitySchemes": {"used": {"type": "http", "scheme": "basic"},
                        "spare": {"type": "http", "scheme": "basic"}}})"));
  const auto unused = of_rule(findings, "component-unused");
  ASSERT_EQ(unused.size(), 3u) << test::describe(findings);
  EXPECT_EQ(unused[0].loc, loc("components", "schemas", "Tree"));  // only refers to itself
  EXPECT_EQ(unused[1].loc, loc("components", "parameters", "Unused"));
  EXPECT_EQ(unused[2].loc, loc("components", "securitySchemes", "spare"));
  EXPECT_EQ(unused[0].severity, Severity::info);
}

TEST(LintRefs, ReferencesFromOtherFilesUseComponents) {
  const auto findings =
      lint_files({{"api.json", openapi_31(R"("paths": {"/pets": {"get": {"parameters": [
    {"$ref": "parameters.json#/limit"}]}}},
  "components": {"schemas": {"Count": {"type": "integer"}}})")},
                  {"parameters.json", R"({"limit": {"name": "limit", "in": "query",
    "schema": {"$ref": "api.json#/components/schemas/Count"}}})"}});
  EXPECT_TRUE(has_none(findings, "component-unused"));
}

}  // namespace
}  // namespace oaskit
