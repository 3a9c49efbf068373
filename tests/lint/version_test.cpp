// Version rules: 3.0 keywords in 3.1 documents and 3.1 keywords in 3.0 documents.

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>
#include "lint/lint_support.hpp"

#include "oaskit/models.hpp"

namespace oaskit {
namespace {

using test::has_none;
using test::lint_json;
using test::loc;
using test::mentions;
using test::of_rule;
using test::openapi_30;
using test::openapi_31;
using test::openapi_32;

using test::with_schema;

TEST(LintVersion, NullableAndBooleanExclusiveBoundsIn31AreWarnings) {
  const auto findings = lint_json(with_schema("3.1.0", R"({"type": "integer", "nullable": true,
    "minimum": 0, "exclusiveMinimum": true, "properties": {"p": {"maximum": 1, "exclusiveMaximum": false}}})"));
  const auto found = of_rule(findings, "version-30-keyword-in-31");
  ASSERT_EQ(found.size(), 3U) << test::describe(findings);
  EXPECT_EQ(found[0].loc, loc("components", "schemas", "S", "nullable"));
  EXPECT_TRUE(mentions(found[0], "[\"string\", \"null\"]"));
  EXPECT_EQ(found[1].loc, loc("components", "schemas", "S", "exclusiveMinimum"));
  EXPECT_EQ(found[2].loc, loc("components", "schemas", "S", "properties", "p", "exclusiveMaximum"));
  EXPECT_EQ(found[0].severity, Severity::warning);
}

TEST(LintVersion, The31FormsPassIn31AndThe30FormsIn30) {
  EXPECT_TRUE(has_none(lint_json(with_schema("3.1.0",
                                             R"({"type": ["integer", "null"], "exclusiveMinimum": 0,
    "const": 1, "examples": [1], "$defs": {"a": {}}})")),
                       "version-30-keyword-in-31"));
  const auto in_30 = lint_json(with_schema("3.0.3", R"({"type": "integer", "nullable": true,
    "minimum": 0, "exclusiveMinimum": true, "example": 1})"));
  EXPECT_TRUE(has_none(in_30, "version-31-keyword-in-30"));
  EXPECT_TRUE(has_none(in_30, "version-30-keyword-in-31"));
}

TEST(LintVersion, SchemaKeywordsOf31In30AreErrors) {
  const auto findings = lint_json(with_schema("3.0.3", R"({"type": ["integer", "null"],
    "const": 1, "examples": [1], "$defs": {"a": {}}, "$id": "https://x.example/s",
    "prefixItems": [{}], "exclusiveMaximum": 5})"));
  const auto found = of_rule(findings, "version-31-keyword-in-30");
  std::vector<Path> locs;
  for (const auto& f : found) locs.push_back(f.loc);
  const Path s = loc("components", "schemas", "S");
  auto at = [&](const char* keyword) {
    Path p = s;
    p.emplace_back(std::string(keyword));
    return p;
  };
  EXPECT_EQ(locs, (std::vector<Path>{at("type"), at("const"), at("examples"), at("$defs"),
                                     at("$id"), at("prefixItems"), at("exclusiveMaximum")}))
      << test::describe(findings);
  EXPECT_EQ(found[0].severity, Severity::error);
  EXPECT_TRUE(mentions(found[1], "enum with one value"));
}

TEST(LintVersion, A30ReferencesSummaryIsIgnoredNotAVersionError) {
  // Reference's summary and description are 3.1 fields (their table lines say so), but 3.0
  // ignores a Reference's other keys rather than refusing them: one warning, no error.
  const auto findings = lint_json(R"({"openapi": "3.0.3", "info": {"title": "t", "version": "1"},
  "paths": {"/a": {"get": {"responses": {"200": {"$ref": "#/components/responses/R",
                                                   "summary": "s"}}}}},
  "components": {"responses": {"R": {"description": "r"}}}})");
  EXPECT_TRUE(has_none(findings, "version-31-keyword-in-30")) << test::describe(findings);
  EXPECT_EQ(of_rule(findings, "ref-sibling-ignored").size(), 1U) << test::describe(findings);
  EXPECT_EQ(std::get<1>(oaskit::Reference::fields()).introduced, oaskit::SpecVersion::v3_1);
  EXPECT_EQ(std::get<1>(oaskit::Info::fields()).introduced, oaskit::SpecVersion::v3_1);
  EXPECT_EQ(std::get<0>(oaskit::Info::fields()).introduced, oaskit::SpecVersion::v3_0);
}

TEST(LintVersion, DocumentFieldsOf31In30AreErrors) {
  const auto findings = lint_json(R"({"openapi": "3.0.3", "jsonSchemaDialect": "https://x",
  "info": {"title": "t", "version": "1", "summary": "s",
           "license": {"name": "MIT", "identifier": "MIT"}},
  "paths": {},
  "webhooks": {"w": {}},
  "components": {"pathItems": {"p": {}},
    "securitySchemes": {"m": {"type": "mutualTLS"}}}})");
  const auto found = of_rule(findings, "version-31-keyword-in-30");
  std::vector<Path> locs;
  for (const auto& f : found) locs.push_back(f.loc);
  EXPECT_EQ(locs, (std::vector<Path>{loc("jsonSchemaDialect"), loc("info", "summary"),
                                     loc("info", "license", "identifier"), loc("webhooks"),
                                     loc("components", "pathItems"),
                                     loc("components", "securitySchemes", "m", "type")}))
      << test::describe(findings);
  EXPECT_TRUE(has_none(lint_json(openapi_30(R"("paths": {})")), "version-31-keyword-in-30"));
}

// 3.2's fields and values, read from the field tables, in 3.1 and 3.0 documents; none in 3.2.
TEST(LintVersion, FieldsTheDocumentsVersionDeprecatesAreWarnings) {
  constexpr std::string_view schema = R"({"type": "object", "example": {"id": 1},
    "properties": {"id": {"type": "integer", "xml": {"attribute": true}},
      "tags": {"type": "array", "xml": {"wrapped": false}}}})";
  const auto in_32 = lint_json(with_schema("3.2.0", schema));
  const auto found = of_rule(in_32, "version-deprecated-field");
  ASSERT_EQ(found.size(), 3U) << test::describe(in_32);
  EXPECT_EQ(found[0].loc, loc("components", "schemas", "S", "example"));
  EXPECT_TRUE(mentions(found[0], "'example' is deprecated since OpenAPI 3.1"));
  EXPECT_TRUE(mentions(found[0], "\"examples\": [<the example>]"));
  EXPECT_EQ(found[1].loc,
            loc("components", "schemas", "S", "properties", "id", "xml", "attribute"));
  EXPECT_TRUE(mentions(found[1], "'xml.attribute' is deprecated since OpenAPI 3.2"));
  EXPECT_TRUE(mentions(found[1], "\"nodeType\": \"attribute\""));
  EXPECT_EQ(found[2].loc,
            loc("components", "schemas", "S", "properties", "tags", "xml", "wrapped"));
  EXPECT_EQ(found[0].severity, Severity::warning);
  // 3.1 deprecates the schema's example only; 3.0 neither.
  const auto in_31 = of_rule(lint_json(with_schema("3.1.0", schema)), "version-deprecated-field");
  ASSERT_EQ(in_31.size(), 1U);
  EXPECT_EQ(in_31[0].loc, loc("components", "schemas", "S", "example"));
  EXPECT_TRUE(has_none(lint_json(with_schema("3.0.3", schema)), "version-deprecated-field"));
  // What replaces them is not reported.
  EXPECT_TRUE(has_none(lint_json(with_schema("3.2.0", R"({"type": "object", "examples": [{}],
    "properties": {"id": {"type": "integer", "xml": {"nodeType": "attribute"}}}})")),
                       "version-deprecated-field"));
}

TEST(LintVersion, The32KeywordsAreErrorsInOlderDocuments) {
  constexpr std::string_view body = R"("$self": "https://example.com/api/openapi",
    "paths": {"/pets": {
      "query": {"responses": {"200": {"summary": "Found", "description": "ok"}}},
      "get": {"parameters": [
        {"name": "all", "in": "querystring", "content": {"application/json": {}}},
        {"name": "c", "in": "cookie", "style": "cookie", "schema": {"type": "string"}}],
        "responses": {"200": {"description": "ok"}}}}},
    "components": {"securitySchemes": {"oauth": {"type": "oauth2",
      "oauth2MetadataUrl": "https://auth.example.com/.well-known/oauth-authorization-server",
      "flows": {"deviceAuthorization": {
        "deviceAuthorizationUrl": "https://auth.example.com/device",
        "tokenUrl": "https://auth.example.com/token", "scopes": {}}}}}})";
  const auto in_31 = of_rule(lint_json(openapi_31(body)), "version-32-keyword-in-31");
  std::vector<Path> places;
  for (const auto& finding : in_31) places.push_back(finding.loc);
  for (const auto& expected :
       {loc("$self"), loc("paths", "/pets", "query"),
        loc("paths", "/pets", "query", "responses", "200", "summary"),
        loc("paths", "/pets", "get", "parameters", 0, "in"),
        loc("paths", "/pets", "get", "parameters", 1, "style"),
        loc("components", "securitySchemes", "oauth", "oauth2MetadataUrl"),
        loc("components", "securitySchemes", "oauth", "flows", "deviceAuthorization")}) {
    EXPECT_NE(std::find(places.begin(), places.end(), expected), places.end()) << expected.size();
  }
  EXPECT_EQ(in_31.size(), 7U);
  ASSERT_FALSE(in_31.empty());
  EXPECT_TRUE(mentions(in_31[0], "is OpenAPI 3.2; this document is 3.1"));
  EXPECT_EQ(of_rule(lint_json(openapi_30(body)), "version-32-keyword-in-30").size(), 7U);
  const auto in_32 = lint_json(openapi_32(body));
  EXPECT_TRUE(has_none(in_32, "version-32-keyword-in-31"));
  EXPECT_TRUE(has_none(in_32, "version-32-keyword-in-30"));
}

}  // namespace
}  // namespace oaskit
