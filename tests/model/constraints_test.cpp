// Constraints and type checks, each with its pydantic error type: bounds on numbers and counts,
// non-empty lists, enumerations, no coercion between JSON kinds, integers written as 2.0,
// objects and lists where they are expected, URLs and e-mail addresses.

#include <gtest/gtest.h>

#include <string>
#include <variant>
#include <vector>

#include "oaskit/json.hpp"
#include "oaskit/models.hpp"
#include "support/test_support.hpp"

namespace oaskit {
namespace {

using test::describe;
using test::errors_of;
using test::is_single_error;
using test::loc;
using test::parsed;

TEST(Constraints, MultipleOfZeroOrNegative_IsGreaterThanError) {
  EXPECT_TRUE(is_single_error(errors_of<Schema>(R"({"multipleOf": 0})"), loc("multipleOf"),
                              "greater_than"));
  EXPECT_TRUE(is_single_error(errors_of<Schema>(R"({"multipleOf": -0.5})"), loc("multipleOf"),
                              "greater_than"));
}

TEST(Constraints, MultipleOfPositive_IsAcceptedAndKeptAsWritten) {
  EXPECT_EQ(to_json(parsed<Schema>(R"({"multipleOf": 0.01})")), R"({"multipleOf":0.01})");
  EXPECT_EQ(to_json(parsed<Schema>(R"({"multipleOf": 5})")), R"({"multipleOf":5})");
}

TEST(Constraints, NegativeCountKeywords_AreGreaterThanEqualErrors) {
  for (const char* keyword : {"maxLength", "minLength", "maxItems", "minItems", "maxContains",
                              "minContains", "maxProperties", "minProperties"}) {
    SCOPED_TRACE(keyword);
    const std::string json = std::string(R"({")") + keyword + R"(": -1})";
    EXPECT_TRUE(is_single_error(errors_of<Schema>(json), loc(keyword), "greater_than_equal"));
  }
}

TEST(Constraints, ZeroCountKeywords_AreAccepted) {
  constexpr auto json = R"({"maxLength":0,"minLength":0,"maxItems":0,"minItems":0,)"
                        R"("maxContains":0,"minContains":0,"maxProperties":0,"minProperties":0})";
  EXPECT_EQ(to_json(parsed<Schema>(json)), json);
}

TEST(Constraints, SeveralViolationsInOneSchema_AreAllReported) {
  const auto errors =
      errors_of<Schema>(R"({"multipleOf": 0, "maxLength": -1, "minItems": -2, "type": "float"})");
  ASSERT_EQ(errors.size(), 4U) << describe(errors);
  EXPECT_EQ(test::error_at(errors, loc("multipleOf"))->type, "greater_than");
  EXPECT_EQ(test::error_at(errors, loc("maxLength"))->type, "greater_than_equal");
  EXPECT_EQ(test::error_at(errors, loc("minItems"))->type, "greater_than_equal");
  EXPECT_EQ(test::error_at(errors, loc("type"))->type, "enum");
}

TEST(Constraints, ServerVariableEmptyEnum_IsTooShort) {
  EXPECT_TRUE(is_single_error(errors_of<ServerVariable>(R"({"enum": [], "default": "a"})"),
                              loc("enum"), "too_short"));
}

TEST(Constraints, ServerVariableEmptyEnum_InsideServer_IsTooShortAtItsPath) {
  EXPECT_TRUE(is_single_error(
      errors_of<Server>(R"({"url": "/", "variables": {"port": {"enum": [], "default": "1"}}})"),
      loc("variables", "port", "enum"), "too_short"));
}

TEST(Constraints, SchemaTypeEachPrimitive_IsAccepted) {
  for (const char* type : {"array", "boolean", "integer", "null", "number", "object", "string"}) {
    SCOPED_TRACE(type);
    const std::string json = std::string(R"({"type":")") + type + R"("})";
    EXPECT_EQ(to_json(parsed<Schema>(json)), json);
  }
}

TEST(Constraints, SchemaTypeUnknownName_IsEnumError) {
  EXPECT_TRUE(is_single_error(errors_of<Schema>(R"({"type": "float"})"), loc("type"), "enum"));
  EXPECT_TRUE(is_single_error(errors_of<Schema>(R"({"type": "String"})"), loc("type"), "enum"));
}

TEST(Constraints, SchemaTypeListWithUnknownName_IsEnumErrorAtItsIndex) {
  EXPECT_TRUE(is_single_error(errors_of<Schema>(R"({"type": ["string", "float"]})"), loc("type", 1),
                              "enum"));
}

TEST(Constraints, ParameterInOutsideQueryHeaderPathCookie_IsEnumError) {
  for (const char* in : {"query", "header", "path", "cookie"}) {
    SCOPED_TRACE(in);
    const std::string json = std::string(R"({"name":"p","in":")") + in + R"("})";
    EXPECT_EQ(to_json(parsed<Parameter>(json)), json);
  }
  EXPECT_TRUE(
      is_single_error(errors_of<Parameter>(R"({"name": "p", "in": "body"})"), loc("in"), "enum"));
  EXPECT_TRUE(
      is_single_error(errors_of<Parameter>(R"({"name": "p", "in": "Query"})"), loc("in"), "enum"));
}

TEST(Constraints, APIKeyInOutsideQueryHeaderCookie_IsEnumError) {
  for (const char* in : {"query", "header", "cookie"}) {
    SCOPED_TRACE(in);
    const std::string json = std::string(R"({"type":"apiKey","name":"k","in":")") + in + R"("})";
    EXPECT_EQ(to_json(parsed<APIKey>(json)), json);
  }
  EXPECT_TRUE(
      is_single_error(errors_of<APIKey>(R"({"name": "k", "in": "path"})"), loc("in"), "enum"));
}

TEST(Constraints, SchemaTypeNeitherStringNorList_IsUnionTypeError) {
  EXPECT_TRUE(is_single_error(errors_of<Schema>(R"({"type": 1})"), loc("type"), "union_type"));
  EXPECT_TRUE(is_single_error(errors_of<Schema>(R"({"type": {}})"), loc("type"), "union_type"));
}

TEST(Constraints, EnumValueThatIsNotAString_IsEnumError) {
  EXPECT_TRUE(is_single_error(errors_of<Schema>(R"({"type": [1]})"), loc("type", 0), "enum"));
  EXPECT_TRUE(
      is_single_error(errors_of<Parameter>(R"({"name": "p", "in": null})"), loc("in"), "enum"));
}

TEST(Constraints, StringWhereNumberRequired_IsFloatTypeWithoutCoercion) {
  EXPECT_TRUE(
      is_single_error(errors_of<Schema>(R"({"minimum": "10"})"), loc("minimum"), "float_type"));
  EXPECT_TRUE(is_single_error(errors_of<Schema>(R"({"multipleOf": "2"})"), loc("multipleOf"),
                              "float_type"));
}

TEST(Constraints, StringWhereIntegerRequired_IsIntTypeWithoutCoercion) {
  EXPECT_TRUE(
      is_single_error(errors_of<Schema>(R"({"maxLength": "10"})"), loc("maxLength"), "int_type"));
  EXPECT_TRUE(
      is_single_error(errors_of<Schema>(R"({"minItems": true})"), loc("minItems"), "int_type"));
}

TEST(Constraints, StringWhereBooleanRequired_IsBoolTypeWithoutCoercion) {
  EXPECT_TRUE(is_single_error(errors_of<Schema>(R"({"uniqueItems": "yes"})"), loc("uniqueItems"),
                              "bool_type"));
  EXPECT_TRUE(
      is_single_error(errors_of<Parameter>(R"({"name": "p", "in": "query", "required": "true"})"),
                      loc("required"), "bool_type"));
  EXPECT_TRUE(
      is_single_error(errors_of<Schema>(R"({"deprecated": 1})"), loc("deprecated"), "bool_type"));
}

TEST(Constraints, NumberWhereStringRequired_IsStringType) {
  EXPECT_TRUE(is_single_error(errors_of<Info>(R"({"title": 1, "version": "1"})"), loc("title"),
                              "string_type"));
  EXPECT_TRUE(is_single_error(errors_of<Info>(R"({"title": "T", "version": 1.0})"), loc("version"),
                              "string_type"));
}

TEST(Constraints, IntegerKeywordWrittenAsTwoPointZero_IsTheIntegerTwo) {
  const auto schema = parsed<Schema>(R"({"maxLength": 2.0, "minItems": 0.0})");
  EXPECT_EQ(test::value_of(schema.maxLength), 2);
  EXPECT_EQ(test::value_of(schema.minItems), 0);
  EXPECT_EQ(to_json(schema), R"({"maxLength":2,"minItems":0})");
}

TEST(Constraints, IntegerKeywordWithFraction_IsIntFromFloatError) {
  EXPECT_TRUE(is_single_error(errors_of<Schema>(R"({"maxLength": 2.5})"), loc("maxLength"),
                              "int_from_float"));
}

TEST(Constraints, ObjectExpectedForModel_IsModelTypeError) {
  EXPECT_TRUE(is_single_error(errors_of<Info>(R"({"title": "T", "version": "1", "contact": "x"})"),
                              loc("contact"), "model_type"));
  EXPECT_TRUE(is_single_error(errors_of<Info>("[]"), loc(), "model_type"));
  EXPECT_TRUE(is_single_error(errors_of<OAuth2>(R"({"flows": []})"), loc("flows"), "model_type"));
}

TEST(Constraints, ObjectExpectedForMap_IsDictTypeError) {
  EXPECT_TRUE(
      is_single_error(errors_of<Schema>(R"({"properties": []})"), loc("properties"), "dict_type"));
  EXPECT_TRUE(is_single_error(errors_of<OAuthFlowPassword>(R"({"tokenUrl": "/t", "scopes": "a"})"),
                              loc("scopes"), "dict_type"));
  EXPECT_TRUE(is_single_error(errors_of<OpenAPI>(R"({"openapi": "3.1.0",)"
                                                 R"( "info": {"title": "T", "version": "1"},)"
                                                 R"( "paths": []})"),
                              loc("paths"), "dict_type"));
}

TEST(Constraints, ListExpected_IsListTypeError) {
  EXPECT_TRUE(
      is_single_error(errors_of<Schema>(R"({"required": "name"})"), loc("required"), "list_type"));
  EXPECT_TRUE(is_single_error(errors_of<Schema>(R"({"allOf": {}})"), loc("allOf"), "list_type"));
  EXPECT_TRUE(
      is_single_error(errors_of<Operation>(R"({"tags": "pets"})"), loc("tags"), "list_type"));
  EXPECT_TRUE(is_single_error(errors_of<OpenAPI>(R"({"openapi": "3.1.0",)"
                                                 R"( "info": {"title": "T", "version": "1"},)"
                                                 R"( "servers": {"url": "/"}})"),
                              loc("servers"), "list_type"));
}

TEST(Constraints, ListItemOfWrongType_IsAnErrorAtItsIndex) {
  EXPECT_TRUE(is_single_error(errors_of<Schema>(R"({"required": ["a", 1, "c"]})"),
                              loc("required", 1), "string_type"));
}

TEST(Constraints, MalformedContactUrl_IsUrlParsingError) {
  EXPECT_TRUE(
      is_single_error(errors_of<Contact>(R"({"url": "not a url"})"), loc("url"), "url_parsing"));
}

TEST(Constraints, MalformedLicenseUrl_IsUrlParsingError) {
  EXPECT_TRUE(is_single_error(errors_of<License>(R"({"name": "MIT", "url": "http://"})"),
                              loc("url"), "url_parsing"));
}

TEST(Constraints, RelativeExternalDocumentationUrl_IsUrlParsingError) {
  EXPECT_TRUE(is_single_error(errors_of<ExternalDocumentation>(R"({"url": "docs/index.html"})"),
                              loc("url"), "url_parsing"));
}

TEST(Constraints, OAuth2MetadataUrlMayBeRelative_AndIsKeptAsWritten) {
  // OpenAPI 3.2 lets URLs be relative to the server (the 3.2 schema: uri-reference); lint's
  // security-flow-url and security-flow-insecure-url judge it.
  for (
      const char* json :
      {R"({"type":"oauth2","flows":{},"oauth2MetadataUrl":"/.well-known/oauth-authorization-server"})",
       R"({"type":"oauth2","flows":{},"oauth2MetadataUrl":"https://as.example/.well-known/oauth-authorization-server"})"}) {
    EXPECT_EQ(to_json(parsed<OAuth2>(json)), json);
  }
}

TEST(Constraints, WellFormedUrls_AreAcceptedAndKeptAsWritten) {
  constexpr auto contact = R"({"url":"https://example.com/team?x=1#y"})";
  EXPECT_EQ(to_json(parsed<Contact>(contact)), contact);
  constexpr auto license =
      R"({"name":"Apache 2.0","url":"https://www.apache.org/licenses/LICENSE-2.0"})";
  EXPECT_EQ(to_json(parsed<License>(license)), license);
  constexpr auto docs = R"({"url":"HTTPS://Example.COM/Docs"})";
  EXPECT_EQ(to_json(parsed<ExternalDocumentation>(docs)), docs);
}

TEST(Constraints, MalformedContactEmail_IsValueError) {
  for (const char* email : {"bob", "@example.com", "bob@", "bob@localhost", "b ob@example.com"}) {
    SCOPED_TRACE(email);
    const std::string json = std::string(R"({"email": ")") + email + R"("})";
    EXPECT_TRUE(is_single_error(errors_of<Contact>(json), loc("email"), "value_error"));
  }
}

TEST(Constraints, ValidContactEmail_IsAccepted) {
  constexpr auto json = R"({"name":"Pets team","email":"pets.team+api@example.co.uk"})";
  EXPECT_EQ(to_json(parsed<Contact>(json)), json);
}

TEST(Constraints, ErrorMessages_SayWhatWasFound) {
  const auto errors = errors_of<Schema>(R"({"maxLength": "10"})");
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_NE(errors[0].msg.find("\"10\""), std::string::npos) << errors[0].msg;
}

}  // namespace
}  // namespace oaskit
