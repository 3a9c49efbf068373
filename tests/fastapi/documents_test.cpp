// Where oaskit's document models differ from FastAPI's (docs/fastapi-differences.md): paths and
// responses are validated, references keep their 3.1 fields, nothing is coerced, URLs and nulls
// are kept as written, unknown members are kept everywhere.

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

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

// A document around `paths`.
std::string document_with_paths(const std::string& paths) {
  return R"({"openapi":"3.1.0","info":{"title":"Pets","version":"1"},"paths":)" + paths + "}";
}

// --- 2. Paths, responses and callbacks are validated --------------------------------------------

TEST(FastApi, ParameterWithoutIn_IsAnErrorAtItsFullPath) {
  const auto errors = errors_of<OpenAPI>(
      document_with_paths(R"({"/pets/{id}":{"get":{"parameters":[{"name":"id","required":true}],)"
                          R"("responses":{"200":{"description":"A pet"}}}}})"));
  EXPECT_TRUE(are_missing(errors, {loc("paths", "/pets/{id}", "get", "parameters", 0, "in")}));
}

TEST(FastApi, ResponseWithoutDescription_IsAnErrorAtItsFullPath) {
  const auto errors = errors_of<OpenAPI>(document_with_paths(
      R"({"/pets":{"get":{"responses":{"200":{"content":{"application/json":{}}}}}}})"));
  EXPECT_TRUE(
      are_missing(errors, {loc("paths", "/pets", "get", "responses", "200", "description")}));
}

TEST(FastApi, CallbackResponseWithoutDescription_IsAnErrorAtItsFullPath) {
  const auto errors = errors_of<OpenAPI>(document_with_paths(
      R"({"/subscribe":{"post":{"responses":{"201":{"description":"Subscribed"}},)"
      R"("callbacks":{"onEvent":{"{$request.body#/url}":{"post":{"responses":{"200":{}}}}}}}}})"));
  EXPECT_TRUE(are_missing(
      errors, {loc("paths", "/subscribe", "post", "callbacks", "onEvent", "{$request.body#/url}",
                   "post", "responses", "200", "description")}));
}

TEST(FastApi, ExtensionsInPathsResponsesAndCallbacks_AreKeptAsExtensions) {
  const std::string json = document_with_paths(
      R"({"/pets":{"get":{"responses":{"200":{"description":"Pets"},"x-cache":{"ttl":60}},)"
      R"("callbacks":{"onEvent":{"{$request.body#/url}":{"post":{"responses":{)"
      R"("200":{"description":"OK"}}}},"x-internal":true}}}},"x-owner":"pets-team"})");
  const auto doc = parsed<OpenAPI>(json);
  ASSERT_TRUE(doc.paths.has_value());
  EXPECT_EQ(doc.paths->entries.size(), 1U);
  EXPECT_EQ(doc.paths->extensions.at("x-owner"), "pets-team");
  const auto* item = doc.paths->entries.find("/pets");
  ASSERT_NE(item, nullptr);
  ASSERT_TRUE(item->get.has_value());
  ASSERT_TRUE(item->get->responses.has_value());
  const auto& responses = *item->get->responses;
  EXPECT_EQ(responses.entries.size(), 1U);
  EXPECT_EQ(responses.extensions.at("x-cache").at("ttl"), 60);
  ASSERT_TRUE(item->get->callbacks.has_value());
  const auto* callback = item->get->callbacks->find("onEvent");
  ASSERT_NE(callback, nullptr);
  ASSERT_TRUE(std::holds_alternative<Callback>(*callback));
  EXPECT_EQ(std::get<Callback>(*callback).entries.size(), 1U);
  EXPECT_EQ(std::get<Callback>(*callback).extensions.at("x-internal"), true);
  EXPECT_EQ(to_json(doc), json);
}

// --- 3. References keep summary and description --------------------------------------------------

TEST(FastApi, ReferenceSummaryAndDescription_AreKept) {
  constexpr auto json =
      R"({"$ref":"#/components/parameters/Limit","summary":"Page size","description":"At most 100"})";
  const auto reference = parsed<Reference>(json);
  EXPECT_EQ(reference.summary, "Page size");
  EXPECT_EQ(reference.description, "At most 100");
  EXPECT_TRUE(reference.extra.empty());
  EXPECT_EQ(to_json(reference), json);

  // And where a Reference stands for another object.
  const std::string operation = std::string(R"({"parameters":[)") + json + "]}";
  const auto parsed_operation = parsed<Operation>(operation);
  ASSERT_TRUE(parsed_operation.parameters.has_value());
  ASSERT_TRUE(std::holds_alternative<Reference>(parsed_operation.parameters->at(0)));
  EXPECT_EQ(std::get<Reference>(parsed_operation.parameters->at(0)).summary, "Page size");
  EXPECT_EQ(to_json(parsed_operation), operation);
}

// --- 4. No type coercion ------------------------------------------------------------------------

TEST(FastApi, StringsForNumbersAndBooleans_AreTypeErrorsNotCoerced) {
  EXPECT_TRUE(
      is_single_error(errors_of<Schema>(R"({"minimum":"10"})"), loc("minimum"), "float_type"));
  EXPECT_TRUE(
      is_single_error(errors_of<Schema>(R"({"multipleOf":"2"})"), loc("multipleOf"), "float_type"));
  EXPECT_TRUE(
      is_single_error(errors_of<Schema>(R"({"maxLength":"10"})"), loc("maxLength"), "int_type"));
  EXPECT_TRUE(is_single_error(errors_of<Schema>(R"({"uniqueItems":"yes"})"), loc("uniqueItems"),
                              "bool_type"));
  EXPECT_TRUE(is_single_error(errors_of<Parameter>(R"({"name":"q","in":"query","required":"yes"})"),
                              loc("required"), "bool_type"));
  // Nor a boolean for a number.
  EXPECT_TRUE(
      is_single_error(errors_of<Schema>(R"({"maxLength":true})"), loc("maxLength"), "int_type"));
}

TEST(FastApi, IntegralFloatForIntegerKeyword_IsAccepted) {
  const auto schema = parsed<Schema>(R"({"maxLength":2.0,"minItems":0.0})");
  EXPECT_EQ(schema.maxLength, 2);
  EXPECT_EQ(schema.minItems, 0);
  EXPECT_TRUE(is_single_error(errors_of<Schema>(R"({"maxLength":2.5})"), loc("maxLength"),
                              "int_from_float"));
}

// --- 5. URLs kept as written; malformed ones are errors
// -------------------------------------------

TEST(FastApi, Urls_AreKeptExactlyAsWritten) {
  constexpr auto json =
      R"({"openapi":"3.1.0","info":{"title":"Pets",)"
      R"("contact":{"url":"https://example.com"},)"
      R"("license":{"name":"MIT","url":"https://EXAMPLE.com:443/licence?x=1#top"},)"
      R"("version":"1"},"externalDocs":{"url":"http://example.com/a/../docs"}})";
  const auto doc = parsed<OpenAPI>(json);
  ASSERT_TRUE(doc.info.contact.has_value());
  EXPECT_EQ(doc.info.contact->url, "https://example.com");  // no trailing slash added
  ASSERT_TRUE(doc.info.license.has_value());
  EXPECT_EQ(doc.info.license->url, "https://EXAMPLE.com:443/licence?x=1#top");
  ASSERT_TRUE(doc.externalDocs.has_value());
  EXPECT_EQ(doc.externalDocs->url, "http://example.com/a/../docs");
  EXPECT_EQ(to_json(doc), json);
}

TEST(FastApi, MalformedUrls_AreUrlParsingErrors) {
  constexpr auto json =
      R"({"openapi":"3.1.0","info":{"title":"Pets","contact":{"url":"not a url"},)"
      R"("license":{"name":"MIT","url":"https://"},"version":"1"},)"
      R"("externalDocs":{"url":"example.com/docs"}})";
  const auto errors = errors_of<OpenAPI>(json);
  ASSERT_EQ(errors.size(), 3U) << describe(errors);
  for (const auto& at :
       {loc("info", "contact", "url"), loc("info", "license", "url"), loc("externalDocs", "url")}) {
    const Error* e = error_at(errors, at);
    ASSERT_NE(e, nullptr) << to_string(at) << describe(errors);
    EXPECT_EQ(e->type, "url_parsing") << to_string(*e);
  }
}

// --- 6. Explicit null is data --------------------------------------------------------------------

TEST(FastApi, ExplicitNullInAnyValuedData_IsKeptAndWritten) {
  constexpr auto json = R"({"enum":[null,"a"],"const":null,"default":null,"examples":[null],)"
                        R"("example":null,"x-nothing":null,"x-object":{"a":null}})";
  const auto schema = parsed<Schema>(json);
  ASSERT_TRUE(schema.default_.has_value());
  EXPECT_TRUE(schema.default_->is_null());
  ASSERT_TRUE(schema.const_.has_value());
  EXPECT_TRUE(schema.const_->is_null());
  ASSERT_TRUE(schema.example.has_value());
  EXPECT_TRUE(schema.example->is_null());
  ASSERT_TRUE(schema.enum_.has_value());
  EXPECT_TRUE(schema.enum_->at(0).is_null());
  EXPECT_TRUE(schema.extra.at("x-nothing").is_null());
  EXPECT_EQ(to_json(schema), json);
  // Absent stays absent: null and absent are different.
  EXPECT_FALSE(parsed<Schema>("{}").default_.has_value());

  constexpr auto parameter = R"({"name":"q","in":"query","example":null,"x-default":null})";
  EXPECT_EQ(to_json(parsed<Parameter>(parameter)), parameter);
  constexpr auto example = R"({"summary":"Nothing","value":null})";
  EXPECT_EQ(to_json(parsed<Example>(example)), example);
}

// --- 7. OpenAPI 3.0 boolean exclusive bounds and nullable
// -----------------------------------------

TEST(FastApi, OpenApi30BooleanExclusiveBounds_StayBooleans) {
  constexpr auto json = R"({"type":"integer","maximum":10,"exclusiveMaximum":false,"minimum":0,)"
                        R"("exclusiveMinimum":true,"nullable":true})";
  const auto schema = parsed<Schema>(json);
  ASSERT_TRUE(schema.exclusiveMinimum.has_value());
  EXPECT_EQ(*schema.exclusiveMinimum, NumberOrBool{true});
  ASSERT_TRUE(schema.exclusiveMaximum.has_value());
  EXPECT_EQ(*schema.exclusiveMaximum, NumberOrBool{false});
  EXPECT_EQ(schema.extra.at("nullable"), true);
  EXPECT_EQ(to_json(schema), json);
  // The 3.1 numeric form stays a number, as written.
  const auto numeric = parsed<Schema>(R"({"exclusiveMinimum":1})");
  ASSERT_TRUE(numeric.exclusiveMinimum.has_value());
  EXPECT_EQ(*numeric.exclusiveMinimum, NumberOrBool{Number{1}});
  EXPECT_EQ(to_json(numeric), R"({"exclusiveMinimum":1})");
}

// --- 8. Extras on Reference and Discriminator ----------------------------------------------------

TEST(FastApi, ExtrasOnReferenceAndDiscriminator_AreKept) {
  constexpr auto reference = R"({"$ref":"#/components/schemas/Pet","x-go-type":"Pet"})";
  const auto parsed_reference = parsed<Reference>(reference);
  EXPECT_EQ(parsed_reference.extra.at("x-go-type"), "Pet");
  EXPECT_EQ(to_json(parsed_reference), reference);

  constexpr auto discriminator =
      R"({"propertyName":"kind","mapping":{"dog":"#/components/schemas/Dog"},)"
      R"("x-default":"dog"})";
  const auto parsed_discriminator = parsed<Discriminator>(discriminator);
  EXPECT_EQ(parsed_discriminator.extra.at("x-default"), "dog");
  EXPECT_EQ(to_json(parsed_discriminator), discriminator);
}

// --- Further choices
// ------------------------------------------------------------------------------

TEST(FastApi, Vocabulary_IsAnObjectOfUriToBoolean) {
  constexpr auto json =
      R"({"$vocabulary":{"https://json-schema.org/draft/2020-12/vocab/core":true,)"
      R"("https://example.com/vocab/extra":false}})";
  const auto schema = parsed<Schema>(json);
  ASSERT_TRUE(schema.vocabulary.has_value());
  EXPECT_EQ(*schema.vocabulary->find("https://json-schema.org/draft/2020-12/vocab/core"), true);
  EXPECT_EQ(*schema.vocabulary->find("https://example.com/vocab/extra"), false);
  EXPECT_EQ(to_json(schema), json);

  EXPECT_TRUE(is_single_error(errors_of<Schema>(R"({"$vocabulary":"https://example.com"})"),
                              loc("$vocabulary"), "dict_type"));
  EXPECT_TRUE(is_single_error(errors_of<Schema>(R"({"$vocabulary":{"https://example.com":"yes"}})"),
                              loc("$vocabulary", "https://example.com"), "bool_type"));
}

TEST(FastApi, DependentRequired_KeepsListsInOrder) {
  constexpr auto json = R"({"dependentRequired":{"card":["zip","address","name"]}})";
  const auto schema = parsed<Schema>(json);
  ASSERT_TRUE(schema.dependentRequired.has_value());
  EXPECT_EQ(*schema.dependentRequired->find("card"),
            (std::vector<std::string>{"zip", "address", "name"}));
  EXPECT_EQ(to_json(schema), json);
}

TEST(FastApi, ParameterAllowEmptyValue_IsADeclaredField) {
  constexpr auto json = R"({"name":"q","in":"query","allowEmptyValue":true})";
  const auto parameter = parsed<Parameter>(json);
  EXPECT_EQ(parameter.allowEmptyValue, true);
  EXPECT_TRUE(parameter.extra.empty());
  EXPECT_EQ(to_json(parameter), json);
  EXPECT_TRUE(
      is_single_error(errors_of<Parameter>(R"({"name":"q","in":"query","allowEmptyValue":"yes"})"),
                      loc("allowEmptyValue"), "bool_type"));
}

TEST(FastApi, SchemaPositions_AreSchemaOrBooleanWithRefInsideTheSchema) {
  constexpr auto media = R"({"schema":{"$ref":"#/components/schemas/Pet","description":"A pet"}})";
  const auto media_type = parsed<MediaType>(media);
  ASSERT_TRUE(media_type.schema.has_value());
  ASSERT_TRUE(std::holds_alternative<Schema>(*media_type.schema));
  const auto& schema = std::get<Schema>(*media_type.schema);
  EXPECT_EQ(schema.ref, "#/components/schemas/Pet");
  EXPECT_EQ(schema.description, "A pet");  // a sibling of $ref, not dropped
  EXPECT_EQ(to_json(media_type), media);

  constexpr auto components =
      R"({"schemas":{"Pet":{"type":"object"},"Animal":{"$ref":"#/components/schemas/Pet",)"
      R"("title":"Animal"},"Anything":true}})";
  EXPECT_EQ(to_json(parsed<Components>(components)), components);

  constexpr auto parameter = R"({"name":"q","in":"query","schema":false})";
  const auto parsed_parameter = parsed<Parameter>(parameter);
  ASSERT_TRUE(parsed_parameter.schema.has_value());
  EXPECT_EQ(*parsed_parameter.schema, SchemaOrBool{false});
  EXPECT_EQ(to_json(parsed_parameter), parameter);
}

TEST(FastApi, DuplicateKeys_AreAnErrorNamingBothPlaces) {
  const auto errors =
      errors_of<Info>("{\"title\":\"First\",\"version\":\"1\",\n \"title\":\"Second\"}");
  ASSERT_TRUE(is_single_error(errors, loc("title"), "duplicate_key"));
  EXPECT_NE(errors[0].msg.find("first at line 1 column 2"), std::string::npos) << errors[0].msg;
  EXPECT_NE(errors[0].msg.find("again at line 2 column 2"), std::string::npos) << errors[0].msg;
  ASSERT_TRUE(errors[0].position.has_value());
  EXPECT_EQ(errors[0].position->line, 2U);

  // In any-valued data too.
  EXPECT_TRUE(is_single_error(errors_of<Schema>(R"({"default":{"a":1,"a":2}})"),
                              loc("default", "a"), "duplicate_key"));
}

TEST(FastApi, IntegersBeyond64Bits_BecomeTheNearestDouble) {
  const auto schema =
      parsed<Schema>(R"({"default":-9223372036854776000,"enum":[18446744073709551616]})");
  ASSERT_TRUE(schema.default_.has_value());
  ASSERT_TRUE(schema.default_->is_double()) << to_json(schema);
  EXPECT_EQ(schema.default_->get_double(), -9223372036854775808.0);
  ASSERT_TRUE(schema.enum_.has_value());
  ASSERT_TRUE(schema.enum_->at(0).is_double());
  EXPECT_EQ(schema.enum_->at(0).get_double(), 18446744073709551616.0);
  // Written as a double, and read back as the same value.
  const auto written = to_json(schema);
  const auto again = parsed<Schema>(written);
  EXPECT_EQ(again, schema) << written;
  // Within range, integers stay exact integers.
  const auto exact = parsed<Schema>(R"({"default":-9223372036854775808})");
  ASSERT_TRUE(exact.default_.has_value());
  ASSERT_TRUE(exact.default_->is_int64());
  EXPECT_EQ(exact.default_->get_int64(), INT64_MIN);
}

}  // namespace
}  // namespace oaskit
