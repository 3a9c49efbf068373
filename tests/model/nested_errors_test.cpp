// Errors deep inside paths, responses and callbacks carry their full location; x- members of
// those maps are extensions, kept and written back; positions point at the offending value, or
// at the object a required field is missing from.

#include <gtest/gtest.h>

#include <string>

#include "oaskit/json.hpp"
#include "oaskit/models.hpp"
#include "support/test_support.hpp"

namespace oaskit {
namespace {

using test::are_missing;
using test::describe;
using test::error_at;
using test::errors_of;
using test::is_single_error;
using test::loc;
using test::parsed;

TEST(NestedErrors, ParameterWithoutIn_IsMissingAtItsFullPath) {
  const auto errors = errors_of<OpenAPI>(R"({
    "openapi": "3.1.0",
    "info": {"title": "Pets", "version": "1"},
    "paths": {"/pets/{id}": {"get": {"parameters": [{"name": "id"}]}}}
  })");
  EXPECT_TRUE(are_missing(errors, {loc("paths", "/pets/{id}", "get", "parameters", 0, "in")}));
}

TEST(NestedErrors, ResponseWithoutDescription_IsMissingAtItsFullPath) {
  const auto errors = errors_of<OpenAPI>(R"({
    "openapi": "3.1.0",
    "info": {"title": "Pets", "version": "1"},
    "paths": {"/pets": {"post": {"responses": {"201": {"content": {}}}}}}
  })");
  EXPECT_TRUE(
      are_missing(errors, {loc("paths", "/pets", "post", "responses", "201", "description")}));
}

TEST(NestedErrors, ErrorInsideCallback_HasItsFullPath) {
  const auto errors = errors_of<Operation>(R"({
    "callbacks": {"onDone": {"{$request.body#/callbackUrl}": {"post": {
      "parameters": [{"name": "x", "in": "body"}],
      "responses": {"200": {"description": 5}}
    }}}}
  })");
  ASSERT_EQ(errors.size(), 2U) << describe(errors);
  const auto* bad_in = error_at(errors, loc("callbacks", "onDone", "{$request.body#/callbackUrl}",
                                            "post", "parameters", 0, "in"));
  ASSERT_NE(bad_in, nullptr) << describe(errors);
  EXPECT_EQ(bad_in->type, "enum");
  const auto* not_text = error_at(errors, loc("callbacks", "onDone", "{$request.body#/callbackUrl}",
                                              "post", "responses", "200", "description"));
  ASSERT_NE(not_text, nullptr) << describe(errors);
  EXPECT_EQ(not_text->type, "string_type");
}

TEST(NestedErrors, PathItemParametersAndWebhooks_HaveTheirFullPaths) {
  const auto errors = errors_of<OpenAPI>(R"({
    "openapi": "3.1.0",
    "info": {"title": "Pets", "version": "1"},
    "paths": {"/a": {"parameters": [{"in": "query"}]}},
    "webhooks": {"newPet": {"post": {"requestBody": {"description": "no content"}}}}
  })");
  EXPECT_TRUE(are_missing(errors, {loc("paths", "/a", "parameters", 0, "name"),
                                   loc("webhooks", "newPet", "post", "requestBody", "content")}));
}

TEST(NestedErrors, ErrorsThroughoutADocument_AreAllReportedInOneParse) {
  const auto errors = errors_of<OpenAPI>(R"({
    "openapi": "3.1.0",
    "info": {"title": "Pets", "version": "1", "contact": {"email": "nobody"}},
    "paths": {
      "/pets": {"get": {"responses": {"200": {}}, "deprecated": "no"}},
      "/pets/{id}": {"delete": {"parameters": [{"name": "id", "in": "path", "schema": {"minLength": -1}}]}}
    },
    "components": {"securitySchemes": {"k": {"type": "apiKey", "name": "k", "in": "body"}}}
  })");
  EXPECT_EQ(errors.size(), 5U) << describe(errors);
  EXPECT_NE(error_at(errors, loc("info", "contact", "email")), nullptr) << describe(errors);
  EXPECT_NE(error_at(errors, loc("paths", "/pets", "get", "responses", "200", "description")),
            nullptr);
  EXPECT_NE(error_at(errors, loc("paths", "/pets", "get", "deprecated")), nullptr);
  EXPECT_NE(error_at(errors,
                     loc("paths", "/pets/{id}", "delete", "parameters", 0, "schema", "minLength")),
            nullptr);
  EXPECT_NE(error_at(errors, loc("components", "securitySchemes", "k", "in")), nullptr);
}

TEST(NestedErrors, ExtensionsInPathsResponsesAndCallbacks_AreKeptAndWrittenBack) {
  constexpr auto json = R"({"openapi":"3.1.0","info":{"title":"Pets","version":"1"},)"
                        R"("paths":{"/pets":{"post":{"responses":{"201":{"description":"created"},)"
                        R"("x-resp":"not a response"},"callbacks":{"cb":{"{$url}":{"get":{}},)"
                        R"("x-cb":["not","a","path item"]}}}},"x-paths":42}})";
  const auto doc = parsed<OpenAPI>(json);
  ASSERT_TRUE(doc.paths.has_value());
  EXPECT_EQ(doc.paths->entries.size(), 1U);
  ASSERT_NE(doc.paths->extensions.if_contains("x-paths"), nullptr);
  const auto& post = *doc.paths->entries.find("/pets")->post;
  ASSERT_TRUE(post.responses.has_value());
  EXPECT_EQ(post.responses->entries.size(), 1U);
  EXPECT_NE(post.responses->extensions.if_contains("x-resp"), nullptr);
  const auto& callback = std::get<Callback>(*post.callbacks->find("cb"));
  EXPECT_EQ(callback.entries.size(), 1U);
  EXPECT_NE(callback.extensions.if_contains("x-cb"), nullptr);
  EXPECT_EQ(to_json(doc), json);
}

TEST(NestedErrors, ExtensionsInPaths_AreWrittenAfterTheEntries) {
  const auto doc = parsed<OpenAPI>(R"({"openapi":"3.1.0","info":{"title":"T","version":"1"},)"
                                   R"("paths":{"x-first":1,"/a":{},"x-second":2,"/b":{}}})");
  EXPECT_EQ(to_json(doc), R"({"openapi":"3.1.0","info":{"title":"T","version":"1"},)"
                          R"("paths":{"/a":{},"/b":{},"x-first":1,"x-second":2}})");
}

TEST(NestedErrors, NonExtensionPathOfWrongKind_IsModelTypeError) {
  EXPECT_TRUE(
      is_single_error(errors_of<OpenAPI>(R"({"openapi":"3.1.0","info":{"title":"T","version":"1"},)"
                                         R"("paths":{"/a":"nope"}})"),
                      loc("paths", "/a"), "model_type"));
}

// --- Positions --------------------------------------------------------------------------------

constexpr auto multi_line_document = R"({
  "openapi": "3.1.0",
  "info": {
    "title": "Pets",
    "version": 1
  },
  "paths": {
    "/pets": {
      "get": {
        "responses": {
          "200": {}
        }
      }
    }
  }
})";

TEST(NestedErrors, Position_OfAValueError_IsTheValue) {
  const auto errors = errors_of<OpenAPI>(multi_line_document);
  const auto* version = error_at(errors, loc("info", "version"));
  ASSERT_NE(version, nullptr) << describe(errors);
  EXPECT_EQ(version->type, "string_type");
  ASSERT_TRUE(version->position.has_value());
  EXPECT_EQ(version->position->line, 5U);
  EXPECT_EQ(version->position->column, 16U);  // the `1`
  EXPECT_EQ(std::string_view(multi_line_document).substr(version->position->offset, 1), "1");
}

TEST(NestedErrors, Position_OfAMissingField_IsTheObjectItIsMissingFrom) {
  const auto errors = errors_of<OpenAPI>(multi_line_document);
  ASSERT_EQ(errors.size(), 2U) << describe(errors);
  const auto* description =
      error_at(errors, loc("paths", "/pets", "get", "responses", "200", "description"));
  ASSERT_NE(description, nullptr) << describe(errors);
  ASSERT_TRUE(description->position.has_value());
  EXPECT_EQ(description->position->line, 11U);
  EXPECT_EQ(description->position->column, 18U);  // the `{` after "200":
  EXPECT_EQ(std::string_view(multi_line_document).substr(description->position->offset, 1), "{");
}

TEST(NestedErrors, Position_OfAMissingRootField_IsTheRootObject) {
  const auto errors = errors_of<Info>("\n\n   {\"title\": \"T\"}");
  ASSERT_EQ(errors.size(), 1U) << describe(errors);
  ASSERT_TRUE(errors[0].position.has_value());
  EXPECT_EQ(errors[0].position->line, 3U);
  EXPECT_EQ(errors[0].position->column, 4U);
}

TEST(NestedErrors, Position_InsideArraysAndAfterMultiByteCharacters_CountsCharacters) {
  constexpr auto json =
      "{\n"
      "  \"title\": \"Caf\xC3\xA9s\", \"version\": \"1\",\n"
      "  \"x-\xC3\xA9\": 0, \"contact\": {\"url\": \"nope\"}\n"
      "}";
  const auto errors = errors_of<Info>(json);
  ASSERT_EQ(errors.size(), 1U) << describe(errors);
  EXPECT_EQ(errors[0].loc, loc("contact", "url"));
  EXPECT_EQ(errors[0].type, "url_parsing");
  ASSERT_TRUE(errors[0].position.has_value());
  EXPECT_EQ(errors[0].position->line, 3U);
  // `  "x-é": 0, "contact": {"url": "nope"}`: the string starts at character 32.
  EXPECT_EQ(errors[0].position->column, 32U);
}

TEST(NestedErrors, Position_OfAnErrorInAListItem_IsThatItem) {
  constexpr auto json =
      "{\n"
      "  \"required\": [\n"
      "    \"a\",\n"
      "    2\n"
      "  ]\n"
      "}";
  const auto errors = errors_of<Schema>(json);
  ASSERT_TRUE(is_single_error(errors, loc("required", 1), "string_type"));
  ASSERT_TRUE(errors[0].position.has_value());
  EXPECT_EQ(errors[0].position->line, 4U);
  EXPECT_EQ(errors[0].position->column, 5U);
}

TEST(NestedErrors, ToString_ShowsPositionPathMessageAndType) {
  const auto errors = errors_of<OpenAPI>(multi_line_document);
  const auto* version = error_at(errors, loc("info", "version"));
  ASSERT_NE(version, nullptr);
  EXPECT_EQ(to_string(*version).rfind("5:16: info \xE2\x86\x92 version: ", 0), 0U)
      << to_string(*version);
  EXPECT_NE(to_string(*version).find("[string_type]"), std::string::npos);
}

}  // namespace
}  // namespace oaskit

namespace oaskit {
namespace {

TEST(KeyChecks, PathNotBeginningWithSlash_IsAnErrorAtThatPath) {
  const auto errors = test::errors_of<OpenAPI>(
      R"({"openapi":"3.1.0","info":{"title":"t","version":"1"},"paths":{"pets":{},"/ok":{}}})");
  ASSERT_EQ(errors.size(), 1U) << test::describe(errors);
  EXPECT_EQ(errors[0].loc, test::loc("paths", "pets"));
  EXPECT_EQ(errors[0].type, "string_pattern_mismatch");
  EXPECT_NE(errors[0].msg.find("should begin with '/'"), std::string::npos);
}

TEST(KeyChecks, ResponseKeyNotAStatusCodeRangeOrDefault_IsAnError) {
  const auto errors = test::errors_of<Operation>(
      R"({"responses":{"200":{"description":"a"},"4XX":{"description":"b"},)"
      R"("default":{"description":"c"},"x-note":1,"ok":{"description":"d"},"600":{"description":"e"}}})");
  ASSERT_EQ(errors.size(), 2U) << test::describe(errors);
  EXPECT_EQ(errors[0].loc, test::loc("responses", "ok"));
  EXPECT_EQ(errors[1].loc, test::loc("responses", "600"));
  EXPECT_EQ(errors[0].type, "string_pattern_mismatch");
}

TEST(KeyChecks, BadKeysAreReportedBesideErrorsInsideTheValues) {
  const auto errors = test::errors_of<Operation>(R"({"responses":{"ok":{"description":1}}})");
  ASSERT_EQ(errors.size(), 2U) << test::describe(errors);
  EXPECT_EQ(errors[0].loc, test::loc("responses", "ok", "description"));
  EXPECT_EQ(errors[1].loc, test::loc("responses", "ok"));
}

TEST(KeyChecks, CallbackKeysAreRuntimeExpressionsNotPaths) {
  const auto operation = test::parsed<Operation>(
      R"({"callbacks":{"done":{"{$request.body#/url}":{"post":{"responses":{"200":{"description":"ok"}}}}}}})");
  EXPECT_TRUE(operation.callbacks.has_value());
}

}  // namespace
}  // namespace oaskit
