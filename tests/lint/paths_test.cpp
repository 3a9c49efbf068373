// Path rules: templates and path parameters, duplicate parameters and operation ids,
// equivalent paths.

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
using test::openapi_31;
using test::openapi_32;

constexpr std::string_view id_parameter =
    R"({"name": "id", "in": "path", "required": true, "schema": {"type": "string"}})";

TEST(LintPaths, ATemplateExpressionWrittenTwiceIsAnErrorInPathsAndServerUrls) {
  const auto findings = lint_json(openapi_31(R"(
    "servers": [{"url": "https://{region}.example.com/{region}/{v}",
                 "variables": {"region": {"default": "eu"}, "v": {"default": "1"}}}],
    "paths": {"/a/{id}/b/{id}/{id}": {"get": {
      "parameters": [)" + std::string(id_parameter) +
                                             R"(],
      "servers": [{"url": "https://example.com/{v}"}],
      "responses": {}}}})"));
  ASSERT_EQ(of_rule(findings, "template-expression-repeated").size(), 2u)
      << test::describe(findings);
  const auto repeated = of_rule(findings, "template-expression-repeated");
  EXPECT_EQ(repeated[0].loc, loc("servers", 0, "url"));
  EXPECT_TRUE(mentions(repeated[0], "has {region} more than once"));
  EXPECT_EQ(repeated[1].loc, loc("paths", "/a/{id}/b/{id}/{id}"));
  EXPECT_TRUE(mentions(repeated[1], "has {id} more than once"));
  EXPECT_TRUE(has_none(lint_json(openapi_32(R"("paths": {"/a/{id}/b/{other}": {}})")),
                       "template-expression-repeated"));
}

TEST(LintPaths, TemplateNameWithoutPathParameterIsAnErrorAtTheOperation) {
  const auto findings = lint_json(openapi_31(R"("paths": {"/pets/{id}": {
    "get": {"responses": {}}}})"));
  ASSERT_TRUE(has_one(findings, "path-parameter-undeclared", loc("paths", "/pets/{id}", "get")));
  EXPECT_TRUE(mentions(of_rule(findings, "path-parameter-undeclared")[0], "\"name\": \"id\""));
}

TEST(LintPaths, PathParameterAtPathOrOperationLevelOrThroughARefIsDeclared) {
  const auto findings =
      lint_files({{"api.json", openapi_31(R"("paths": {
    "/a/{id}": {"parameters": [)" + std::string(id_parameter) +
                                          R"(], "get": {"responses": {}}},
    "/b/{id}": {"get": {"parameters": [)" +
                                          std::string(id_parameter) + R"(], "responses": {}}},
    "/c/{id}": {"get": {"parameters": [{"$ref": "#/components/parameters/Id"}]}},
    "/d/{id}": {"get": {"parameters": [{"$ref": "parameters.json#/Id"}]}}},
  "components": {"parameters": {"Id": )" + std::string(id_parameter) +
                                          "}}")},
                  {"parameters.json", R"({"Id": )" + std::string(id_parameter) + "}"}});
  EXPECT_TRUE(has_none(findings, "path-parameter-undeclared"));
  EXPECT_TRUE(has_none(findings, "path-parameter-unused"));
}

TEST(LintPaths, PathParameterNotRequiredIsAnError) {
  const auto findings = lint_json(openapi_31(R"("paths": {"/pets/{id}": {"get": {
    "parameters": [{"name": "id", "in": "path", "required": false}]}}})"));
  EXPECT_TRUE(has_one(findings, "path-parameter-not-required",
                      loc("paths", "/pets/{id}", "get", "parameters", 0, "required")));
  const auto missing = lint_json(openapi_31(R"("paths": {"/pets/{id}": {"get": {
    "parameters": [{"name": "id", "in": "path"}]}}})"));
  EXPECT_TRUE(has_one(missing, "path-parameter-not-required",
                      loc("paths", "/pets/{id}", "get", "parameters", 0)));
  EXPECT_TRUE(has_none(lint_json(openapi_31(R"("paths": {"/pets/{id}": {"get": {
    "parameters": [)" + std::string(id_parameter) +
                                            "]}}}")),
                       "path-parameter-not-required"));
}

TEST(LintPaths, PathParameterMissingFromTheTemplateIsUnused) {
  const auto findings = lint_json(openapi_31(R"("paths": {"/pets": {"get": {
    "parameters": [)" + std::string(id_parameter) +
                                             "]}}}"));
  EXPECT_TRUE(
      has_one(findings, "path-parameter-unused", loc("paths", "/pets", "get", "parameters", 0)));
}

TEST(LintPaths, UnusedPathParameterThroughARefIsReportedAtTheListElement) {
  const auto findings = lint_json(openapi_31(R"("paths": {"/pets": {
    "parameters": [{"$ref": "#/components/parameters/Id"}]}},
  "components": {"parameters": {"Id": )" + std::string(id_parameter) +
                                             "}}"));
  EXPECT_TRUE(has_one(findings, "path-parameter-unused", loc("paths", "/pets", "parameters", 0)));
}

TEST(LintPaths, DuplicateOperationIdNamesTheFirst) {
  const auto findings = lint_json(openapi_31(R"("paths": {
  "/a": {"get": {"operationId": "list"}},
  "/b": {"get": {"operationId": "list"}, "post": {"operationId": "create"}}},
  "webhooks": {"w": {"post": {"operationId": "list"}}})"));
  const auto duplicates = of_rule(findings, "operation-id-duplicate");
  ASSERT_EQ(duplicates.size(), 2u) << test::describe(findings);
  EXPECT_EQ(duplicates[0].loc, loc("paths", "/b", "get", "operationId"));
  EXPECT_TRUE(mentions(duplicates[0], "api.json:3:")) << duplicates[0].message;
  EXPECT_EQ(duplicates[1].loc, loc("webhooks", "w", "post", "operationId"));
  EXPECT_TRUE(has_none(lint_json(openapi_31(R"("paths": {"/a": {"get": {"operationId": "a"}},
    "/b": {"get": {"operationId": "b"}}})")),
                       "operation-id-duplicate"));
}

TEST(LintPaths, SameParameterTwiceInOneListIsADuplicate) {
  const auto findings = lint_json(openapi_31(R"("paths": {"/pets": {"get": {"parameters": [
    {"name": "limit", "in": "query"}, {"name": "limit", "in": "header"},
    {"name": "X-Trace", "in": "header"}, {"name": "x-trace", "in": "header"},
    {"name": "Limit", "in": "query"}, {"$ref": "#/components/parameters/Limit"}]}}},
  "components": {"parameters": {"Limit": {"name": "limit", "in": "query"}}})"));
  const auto duplicates = of_rule(findings, "parameter-duplicate");
  ASSERT_EQ(duplicates.size(), 2u) << test::describe(findings);
  EXPECT_EQ(duplicates[0].loc, loc("paths", "/pets", "get", "parameters", 3));
  EXPECT_TRUE(mentions(duplicates[0], "case-insensitively"));
  EXPECT_EQ(duplicates[1].loc, loc("paths", "/pets", "get", "parameters", 5));
}

TEST(LintPaths, TemplatesDifferingOnlyInParameterNamesAreEquivalent) {
  const auto findings = lint_json(openapi_31(R"("paths": {
  "/a/{x}": {}, "/a/{y}": {}, "/a/{x}/b": {}, "/a/b": {}})"));
  ASSERT_TRUE(has_one(findings, "path-equivalent", loc("paths", "/a/{y}")));
  EXPECT_TRUE(mentions(of_rule(findings, "path-equivalent")[0], "'/a/{x}'"));
}

}  // namespace
}  // namespace oaskit

namespace oaskit {
namespace {

TEST(LintPathsFollowRefs, JudgesOperationsAndPathItemsBehindRefs) {
  const auto findings = test::lint_files(
      {{"api.json", test::openapi_30(R"("paths": {
          "/pets/{id}": {"get": {"$ref": "ops.json#/getPet"}},
          "/owners/{id}": {"$ref": "items.json#/owner"}})")},
       {"ops.json", R"({"getPet": {"parameters": [{"name": "id", "in": "path", "required": true}],
                        "responses": {"200": {"description": "ok"}}}})"},
       {"items.json", R"({"owner": {"get": {"responses": {"200": {"description": "ok"}}}}})"}});
  const auto undeclared = test::of_rule(findings, "path-parameter-undeclared");
  // The operation behind its $ref declares {id}; the path item behind its $ref does not.
  ASSERT_EQ(undeclared.size(), 1u) << test::describe(findings);
  EXPECT_EQ(undeclared[0].file.substr(undeclared[0].file.size() - 10), "items.json");
  EXPECT_EQ(undeclared[0].loc, test::loc("owner", "get"));
}

// OpenAPI 3.2 §4.12.1: one querystring parameter per operation (its own or its path's), with
// `content`, never beside `in: query` ones.
TEST(LintPaths, QuerystringParameterIsAloneInTheQueryAndUsesContent) {
  const auto findings = lint_json(openapi_32(R"("paths": {"/search": {
    "parameters": [{"name": "q", "in": "query", "schema": {"type": "string"}}],
    "get": {"parameters": [
      {"name": "all", "in": "querystring",
       "content": {"application/x-www-form-urlencoded": {"schema": {"type": "object"}}}},
      {"name": "again", "in": "querystring", "schema": {"type": "string"}}],
      "responses": {"200": {"description": "ok"}}},
    "post": {"parameters": [{"name": "all", "in": "querystring",
       "content": {"application/json": {"schema": {"type": "object"}}}}],
      "responses": {"200": {"description": "ok"}}}},
    "/fine": {"get": {"parameters": [{"name": "all", "in": "querystring",
       "content": {"application/json": {"schema": {"type": "object"}}}}],
      "responses": {"200": {"description": "ok"}}}}})"));
  const auto found = of_rule(findings, "parameter-querystring");
  ASSERT_EQ(found.size(), 3U) << test::describe(findings);
  // The path's `q` beside the operations' querystring parameters (reported once).
  EXPECT_EQ(found[0].loc, loc("paths", "/search", "parameters", 0));
  // `again`: described by schema, and a second querystring parameter.
  EXPECT_EQ(found[1].loc, loc("paths", "/search", "get", "parameters", 1));
  EXPECT_EQ(found[2].loc, loc("paths", "/search", "get", "parameters", 1));
  EXPECT_TRUE(mentions(found[2], "at most one"));
}

TEST(LintPaths, AdditionalOperationsHoldOnlyMethodsWithoutAFieldOfTheirOwn) {
  const auto findings = lint_json(openapi_32(R"("paths": {"/files/{name}": {
    "parameters": [{"name": "name", "in": "path", "required": true, "schema": {"type": "string"}}],
    "additionalOperations": {
      "COPY": {"responses": {"201": {"description": "copied"}}},
      "POST": {"responses": {"200": {"description": "ok"}}},
      "Query": {"responses": {"200": {"description": "ok"}}},
      "NOT A METHOD": {"responses": {"200": {"description": "ok"}}}}}})"));
  const auto found = of_rule(findings, "additional-operation-method");
  ASSERT_EQ(found.size(), 3U) << test::describe(findings);
  EXPECT_EQ(found[0].loc, loc("paths", "/files/{name}", "additionalOperations", "POST"));
  EXPECT_TRUE(mentions(found[0], "write the operation as 'post'"));
  EXPECT_EQ(found[1].loc, loc("paths", "/files/{name}", "additionalOperations", "Query"));
  EXPECT_EQ(found[2].loc, loc("paths", "/files/{name}", "additionalOperations", "NOT A METHOD"));
  // COPY's path parameter is declared: the rules of operations apply to it too.
  EXPECT_TRUE(has_none(findings, "path-parameter-undeclared"));
}

}  // namespace
}  // namespace oaskit
