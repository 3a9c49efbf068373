// Fields of one object together, as the OpenAPI schemas state them: exclusions, a parameter's
// schema or content, and what each parameter location allows.

#include <gtest/gtest.h>

#include "lint/lint_support.hpp"

namespace oaskit {
namespace {

using test::describe;
using test::has_none;
using test::has_one;
using test::lint_json;
using test::loc;
using test::mentions;
using test::of_rule;
using test::openapi_31;
using test::openapi_32;
using test::with_schema;

// A 3.1 document whose only operation has `parameters` (a JSON list).
std::string with_parameters(std::string_view parameters) {
  return openapi_31(R"("paths": {"/p/{id}": {"get": {"parameters": )" + std::string(parameters) +
                    R"(, "responses": {"200": {"description": "ok"}}}}})");
}

Path parameter_at(std::size_t i) { return loc("paths", "/p/{id}", "get", "parameters", i); }
Path parameter_at(std::size_t i, const char* field) {
  return loc("paths", "/p/{id}", "get", "parameters", i, field);
}

TEST(LintObjects, ADocumentDescribesSomething) {
  const auto empty_31 =
      lint_json(R"({"openapi": "3.1.0", "info": {"title": "t", "version": "1"}})");
  EXPECT_TRUE(has_one(empty_31, "document-empty", Path{}));
  EXPECT_TRUE(mentions(of_rule(empty_31, "document-empty")[0], "'paths', 'components' and"));
  EXPECT_TRUE(has_none(lint_json(R"({"openapi": "3.1.0", "info": {"title": "t", "version": "1"},
    "webhooks": {}})"),
                       "document-empty"));
  EXPECT_TRUE(has_one(lint_json(R"({"openapi": "3.0.3", "info": {"title": "t", "version": "1"},
    "components": {}})"),
                      "document-empty", Path{}));
  EXPECT_TRUE(has_none(lint_json(test::openapi_30(R"("paths": {})")), "document-empty"));
}

TEST(LintObjects, ExampleAndExamplesExcludeEachOther) {
  const auto findings = lint_json(with_parameters(R"([{"name": "id", "in": "path",
    "required": true, "schema": {"type": "string"}, "example": "a",
    "examples": {"one": {"value": "b"}}}])"));
  EXPECT_TRUE(has_one(findings, "example-with-examples", parameter_at(0, "examples")));
  const auto media = lint_json(openapi_31(R"("paths": {}, "components": {"requestBodies": {"B": {
    "content": {"application/json": {"example": 1, "examples": {"e": {"value": 2}}}}}}})"));
  EXPECT_TRUE(
      has_one(media, "example-with-examples",
              loc("components", "requestBodies", "B", "content", "application/json", "examples")));
}

TEST(LintObjects, ValueAndExternalValueExcludeEachOther) {
  const auto findings = lint_json(openapi_31(R"("paths": {}, "components": {"examples": {
    "E": {"value": 1, "externalValue": "https://example.com/e.json"},
    "F": {"externalValue": "https://example.com/f.json"}}})"));
  EXPECT_TRUE(has_one(findings, "example-values-exclusive",
                      loc("components", "examples", "E", "externalValue")));
}

// 3.2 §4.19.1: value excludes dataValue, serializedValue and externalValue; serializedValue
// excludes externalValue; dataValue goes with serializedValue or externalValue.
TEST(LintObjects, Example32ValueFieldsExcludeEachOtherAsTheTextSays) {
  const auto findings = lint_json(openapi_32(R"("paths": {}, "components": {"examples": {
    "A": {"value": 1, "dataValue": 1},
    "B": {"value": "a", "serializedValue": "a"},
    "C": {"serializedValue": "a", "externalValue": "./a.txt"},
    "D": {"dataValue": {"a": 1}, "serializedValue": "a=1"},
    "E": {"dataValue": {"a": 1}, "externalValue": "./a.txt"}}})"));
  const auto found = of_rule(findings, "example-values-exclusive");
  ASSERT_EQ(found.size(), 3U) << describe(findings);
  EXPECT_EQ(found[0].loc, loc("components", "examples", "A", "dataValue"));
  EXPECT_EQ(found[1].loc, loc("components", "examples", "B", "serializedValue"));
  EXPECT_EQ(found[2].loc, loc("components", "examples", "C", "externalValue"));
}

TEST(LintObjects, EncodingByNameAndByPositionExcludeEachOther) {
  const auto findings = lint_json(openapi_32(R"("paths": {}, "components": {"mediaTypes": {
    "Mixed": {"encoding": {"a": {}}, "prefixEncoding": [{}], "itemEncoding": {}},
    "Parts": {"prefixEncoding": [{"encoding": {"x": {}}, "itemEncoding": {}}],
              "itemEncoding": {"contentType": "image/png"}}}})"));
  const auto found = of_rule(findings, "encoding-by-name-and-position");
  ASSERT_EQ(found.size(), 3U) << describe(findings);
  EXPECT_EQ(found[0].loc, loc("components", "mediaTypes", "Mixed", "prefixEncoding"));
  EXPECT_EQ(found[1].loc, loc("components", "mediaTypes", "Mixed", "itemEncoding"));
  EXPECT_EQ(found[2].loc,
            loc("components", "mediaTypes", "Parts", "prefixEncoding", 0, "itemEncoding"));
}

TEST(LintObjects, XmlNodeTypeReplacesAttributeAndWrapped) {
  const auto findings = lint_json(with_schema("3.2.0", R"({"type": "array",
    "xml": {"nodeType": "element", "wrapped": true},
    "items": {"type": "string", "xml": {"attribute": true}}})"));
  const auto found = of_rule(findings, "xml-node-type-exclusive");
  ASSERT_EQ(found.size(), 1U) << describe(findings);
  EXPECT_EQ(found[0].loc, loc("components", "schemas", "S", "xml", "wrapped"));
}

TEST(LintObjects, AParameterHasSchemaOrContentAndContentHasOneEntry) {
  const auto findings = lint_json(with_parameters(R"([
    {"name": "id", "in": "path", "required": true, "schema": {"type": "string"},
     "content": {"application/json": {}}},
    {"name": "a", "in": "query"},
    {"name": "b", "in": "query", "content": {"application/json": {}, "text/plain": {}}},
    {"name": "c", "in": "query", "content": {"application/json": {}}}])"));
  const auto found = of_rule(findings, "parameter-schema-or-content");
  ASSERT_EQ(found.size(), 2U) << test::describe(findings);
  EXPECT_EQ(found[0].loc, parameter_at(0, "content"));
  EXPECT_TRUE(mentions(found[0], "both")) << found[0].message;
  EXPECT_EQ(found[1].loc, parameter_at(1));
  EXPECT_TRUE(mentions(found[1], "neither")) << found[1].message;
  EXPECT_TRUE(has_one(findings, "parameter-content-not-one", parameter_at(2, "content")));
}

TEST(LintObjects, StylesAndAllowReservedFollowTheLocation) {
  const auto findings = lint_json(with_parameters(R"([
    {"name": "id", "in": "path", "required": true, "schema": {"type": "string"}, "style": "form"},
    {"name": "q", "in": "query", "schema": {"type": "string"}, "style": "deepObject",
     "allowReserved": true},
    {"name": "h", "in": "header", "schema": {"type": "string"}, "style": "simple"},
    {"name": "k", "in": "cookie", "schema": {"type": "string"}, "allowReserved": false}])"));
  EXPECT_TRUE(has_one(findings, "parameter-style-for-location", parameter_at(0, "style")));
  EXPECT_TRUE(
      mentions(of_rule(findings, "parameter-style-for-location")[0], "matrix, label, simple"));
  EXPECT_TRUE(
      has_one(findings, "parameter-allow-reserved-not-query", parameter_at(3, "allowReserved")));
  const auto header = lint_json(openapi_31(R"("paths": {}, "components": {"headers": {
    "H": {"schema": {"type": "string"}, "style": "form", "allowReserved": true}}})"));
  EXPECT_TRUE(
      has_one(header, "parameter-style-for-location", loc("components", "headers", "H", "style")));
  EXPECT_TRUE(has_one(header, "parameter-allow-reserved-not-query",
                      loc("components", "headers", "H", "allowReserved")));
  EXPECT_TRUE(has_none(lint_json(with_parameters(R"([{"name": "id", "in": "path",
    "required": true, "schema": {"type": "string"}, "style": "label"}])")),
                       "parameter-style-for-location"));
}

TEST(LintObjects, SerializationFieldsBesideContentAndAllowEmptyValueOutsideQuery) {
  const auto findings = lint_json(with_parameters(R"([
    {"name": "id", "in": "path", "required": true, "schema": {"type": "string"}},
    {"name": "f", "in": "query", "content": {"application/json": {}}, "style": "form",
     "explode": true},
    {"name": "h", "in": "header", "schema": {"type": "string"}, "allowEmptyValue": true}])"));
  const auto found = of_rule(findings, "parameter-style-with-content");
  ASSERT_EQ(found.size(), 2U) << test::describe(findings);
  EXPECT_EQ(found[0].loc, parameter_at(1, "style"));
  EXPECT_EQ(found[1].loc, parameter_at(1, "explode"));
  EXPECT_TRUE(
      has_one(findings, "parameter-allow-reserved-not-query", parameter_at(2, "allowEmptyValue")));
}

TEST(LintObjects, ComponentNamesLicensesAndLinks) {
  const auto findings = lint_json(R"({"openapi": "3.1.0", "paths": {},
  "info": {"title": "t", "version": "1",
           "license": {"name": "MIT", "identifier": "MIT", "url": "https://x.example/l"}},
  "components": {"schemas": {"Good.Name_1-a": {}, "bad name": {}},
    "links": {"Both": {"operationRef": "#/paths/~1a/get", "operationId": "a"},
              "Neither": {"description": "?"}, "Fine": {"operationId": "a"}}}})");
  EXPECT_TRUE(
      has_one(findings, "component-name-invalid", loc("components", "schemas", "bad name")));
  EXPECT_TRUE(has_one(findings, "license-identifier-with-url", loc("info", "license", "url")));
  const auto links = of_rule(findings, "link-operation");
  ASSERT_EQ(links.size(), 2U) << test::describe(findings);
  EXPECT_EQ(links[0].loc, loc("components", "links", "Both"));
  EXPECT_TRUE(mentions(links[0], "not both")) << links[0].message;
  EXPECT_EQ(links[1].loc, loc("components", "links", "Neither"));
}

TEST(LintObjects, EncodingStylesAndEmptyResponses) {
  const auto findings = lint_json(openapi_31(R"("paths": {"/a": {"post": {
    "requestBody": {"content": {"application/x-www-form-urlencoded": {
      "encoding": {"f": {"style": "simple"}, "g": {"style": "deepObject"}}}}},
    "responses": {}}}})"));
  EXPECT_TRUE(has_one(findings, "parameter-style-for-location",
                      loc("paths", "/a", "post", "requestBody", "content",
                          "application/x-www-form-urlencoded", "encoding", "f", "style")));
  EXPECT_TRUE(has_one(findings, "responses-empty", loc("paths", "/a", "post", "responses")));
}

TEST(LintObjects, TagParentsNameTagsOfTheDocumentWithoutCycles) {
  const auto findings = lint_json(openapi_32(R"("paths": {}, "tags": [
    {"name": "pets"},
    {"name": "cats", "parent": "pets"},
    {"name": "birds", "parent": "animals"},
    {"name": "a", "parent": "b"},
    {"name": "b", "parent": "a"}])"));
  const auto found = of_rule(findings, "tag-parent");
  ASSERT_EQ(found.size(), 3U) << describe(findings);
  EXPECT_EQ(found[0].loc, loc("tags", 2, "parent"));
  EXPECT_TRUE(mentions(found[0], "'animals', which is not a tag"));
  EXPECT_EQ(found[1].loc, loc("tags", 3, "parent"));
  EXPECT_TRUE(mentions(found[1], "a -> b -> a"));
  EXPECT_EQ(found[2].loc, loc("tags", 4, "parent"));
}

}  // namespace
}  // namespace oaskit
