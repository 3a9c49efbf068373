// Unions: boolean schemas wherever JSON Schema allows a schema; `X | Reference` read as the
// Reference when the object has `$ref`; `items` and `type` as lists; a SecurityScheme chosen by
// its `type`.

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
using test::value_of;

// --- Boolean schemas --------------------------------------------------------------------------

TEST(Unions, SchemaPropertiesValues_MayBeTrueFalseOrASchema) {
  constexpr auto json = R"({"properties":{"any":true,"none":false,"name":{"type":"string"}}})";
  const auto schema = parsed<Schema>(json);
  ASSERT_TRUE(schema.properties.has_value());
  const auto& props = *schema.properties;
  ASSERT_EQ(props.size(), 3U);
  EXPECT_EQ(*props.find("any"), SchemaOrBool{true});
  EXPECT_EQ(*props.find("none"), SchemaOrBool{false});
  EXPECT_TRUE(std::holds_alternative<Schema>(*props.find("name")));
  EXPECT_EQ(to_json(schema), json);
}

TEST(Unions, SchemaItemsAdditionalPropertiesNot_MayBeBooleans) {
  constexpr auto json = R"({"not":true,"items":false,"additionalProperties":false})";
  const auto schema = parsed<Schema>(json);
  ASSERT_TRUE(schema.items.has_value());
  EXPECT_TRUE(std::holds_alternative<bool>(*schema.items));
  EXPECT_FALSE(std::get<bool>(*schema.items));
  ASSERT_TRUE(schema.additionalProperties.has_value());
  EXPECT_EQ(*schema.additionalProperties, SchemaOrBool{false});
  ASSERT_TRUE(schema.not_.has_value());
  EXPECT_EQ(*schema.not_, SchemaOrBool{true});
  EXPECT_EQ(to_json(schema), json);
}

TEST(Unions, SchemaAllOfAnyOfOneOfMembers_MayBeBooleans) {
  constexpr auto json =
      R"({"allOf":[true,{"type":"object"}],"anyOf":[false],"oneOf":[{"minimum":1},true]})";
  const auto schema = parsed<Schema>(json);
  ASSERT_TRUE(schema.allOf.has_value());
  ASSERT_EQ(schema.allOf->size(), 2U);
  EXPECT_EQ((*schema.allOf)[0], SchemaOrBool{true});
  EXPECT_TRUE(std::holds_alternative<Schema>((*schema.allOf)[1]));
  EXPECT_EQ(to_json(schema), json);
}

TEST(Unions, OtherSubschemaKeywords_MayBeBooleans) {
  constexpr auto json =
      R"({"$defs":{"t":true},"if":true,"then":false,"else":true,"dependentSchemas":{"a":false},)"
      R"("prefixItems":[true],"contains":false,"patternProperties":{"^x":true},)"
      R"("propertyNames":true,"unevaluatedItems":false,"unevaluatedProperties":false,)"
      R"("contentSchema":true})";
  EXPECT_EQ(to_json(parsed<Schema>(json)), json);
}

TEST(Unions, ComponentsSchemasAndMediaTypeSchema_MayBeBooleans) {
  const auto components = parsed<Components>(R"({"schemas":{"Anything":true,"Nothing":false}})");
  ASSERT_TRUE(components.schemas.has_value());
  EXPECT_EQ(*components.schemas->find("Anything"), SchemaOrBool{true});
  EXPECT_EQ(to_json(components), R"({"schemas":{"Anything":true,"Nothing":false}})");
  const auto media = parsed<MediaType>(R"({"schema":true})");
  ASSERT_TRUE(media.schema.has_value());
  EXPECT_EQ(*media.schema, SchemaOrBool{true});
}

TEST(Unions, SubschemaOfWrongKind_IsAnErrorSayingObjectOrBoolean) {
  const auto errors = errors_of<Schema>(R"({"properties": {"a": "string"}, "not": 1})");
  ASSERT_EQ(errors.size(), 2U) << describe(errors);
  EXPECT_NE(test::error_at(errors, loc("properties", "a")), nullptr) << describe(errors);
  EXPECT_NE(test::error_at(errors, loc("not")), nullptr) << describe(errors);
}

TEST(Unions, SchemaItemsAsAList_IsReadAsAListOfSchemas) {
  constexpr auto json = R"({"items":[{"type":"string"},true]})";
  const auto schema = parsed<Schema>(json);
  ASSERT_TRUE(schema.items.has_value());
  ASSERT_TRUE(std::holds_alternative<std::vector<SchemaOrBool>>(*schema.items));
  const auto& items = std::get<std::vector<SchemaOrBool>>(*schema.items);
  ASSERT_EQ(items.size(), 2U);
  EXPECT_TRUE(std::holds_alternative<Schema>(items[0]));
  EXPECT_EQ(items[1], SchemaOrBool{true});
  EXPECT_EQ(to_json(schema), json);
}

TEST(Unions, SchemaItemsAsASchema_IsReadAsASchema) {
  const auto schema = parsed<Schema>(R"({"items":{"type":"integer"}})");
  ASSERT_TRUE(schema.items.has_value());
  EXPECT_TRUE(std::holds_alternative<Schema>(*schema.items));
}

TEST(Unions, SchemaTypeAsAList_IsReadAsAListOfTypes) {
  constexpr auto json = R"({"type":["string","null"]})";
  const auto schema = parsed<Schema>(json);
  EXPECT_EQ(value_of(schema.type),
            (SchemaTypes{std::vector<SchemaType>{SchemaType::string, SchemaType::null}}));
  EXPECT_EQ(to_json(schema), json);
}

// --- X | Reference ----------------------------------------------------------------------------

// A Reference object as it may appear in place of any component.
constexpr auto reference_json =
    R"({"$ref":"#/components/x/y","summary":"s","description":"d","x-note":1})";

template <class T>
void expect_reference(const OrReference<T>& item) {
  ASSERT_TRUE(std::holds_alternative<Reference>(item));
  const auto& ref = std::get<Reference>(item);
  EXPECT_EQ(ref.ref, "#/components/x/y");
  EXPECT_EQ(value_of(ref.summary), "s");
  EXPECT_EQ(value_of(ref.description), "d");
  ASSERT_NE(ref.extra.if_contains("x-note"), nullptr);
}

TEST(Unions, ComponentsObjectsWithRef_AreReferencesKeepingSummaryDescriptionAndExtras) {
  const std::string r = reference_json;
  const std::string json = R"({"responses":{"a":)" + r + R"(},"parameters":{"a":)" + r +
                           R"(},"examples":{"a":)" + r + R"(},"requestBodies":{"a":)" + r +
                           R"(},"headers":{"a":)" + r + R"(},"securitySchemes":{"a":)" + r +
                           R"(},"links":{"a":)" + r + R"(},"callbacks":{"a":)" + r +
                           R"(},"pathItems":{"a":)" + r + "}}";
  const auto components = parsed<Components>(json);
  ASSERT_TRUE(components.responses && components.parameters && components.examples &&
              components.requestBodies && components.headers && components.securitySchemes &&
              components.links && components.callbacks && components.pathItems);
  expect_reference(*components.responses->find("a"));
  expect_reference(*components.parameters->find("a"));
  expect_reference(*components.examples->find("a"));
  expect_reference(*components.requestBodies->find("a"));
  expect_reference(*components.headers->find("a"));
  expect_reference(*components.securitySchemes->find("a"));
  expect_reference(*components.links->find("a"));
  expect_reference(*components.callbacks->find("a"));
  expect_reference(*components.pathItems->find("a"));
  EXPECT_EQ(to_json(components), json);
}

TEST(Unions, ComponentsObjectsWithoutRef_AreTheirOwnModels) {
  const auto components = parsed<Components>(R"({
    "responses": {"NotFound": {"description": "not found"}},
    "parameters": {"id": {"name": "id", "in": "path", "required": true}},
    "examples": {"cat": {"value": {"name": "Tom"}}},
    "requestBodies": {"Pet": {"content": {"application/json": {}}}},
    "headers": {"X-Rate": {"schema": {"type": "integer"}}},
    "securitySchemes": {"key": {"type": "apiKey", "name": "k", "in": "header"}},
    "links": {"self": {"operationId": "getPet"}},
    "callbacks": {"done": {"{$request.body#/url}": {"post": {}}}},
    "pathItems": {"pets": {"get": {}}}
  })");
  EXPECT_TRUE(std::holds_alternative<Response>(*components.responses->find("NotFound")));
  EXPECT_TRUE(std::holds_alternative<Parameter>(*components.parameters->find("id")));
  EXPECT_TRUE(std::holds_alternative<Example>(*components.examples->find("cat")));
  EXPECT_TRUE(std::holds_alternative<RequestBody>(*components.requestBodies->find("Pet")));
  EXPECT_TRUE(std::holds_alternative<Header>(*components.headers->find("X-Rate")));
  ASSERT_TRUE(std::holds_alternative<SecurityScheme>(*components.securitySchemes->find("key")));
  EXPECT_TRUE(std::holds_alternative<APIKey>(
      std::get<SecurityScheme>(*components.securitySchemes->find("key"))));
  EXPECT_TRUE(std::holds_alternative<Link>(*components.links->find("self")));
  ASSERT_TRUE(std::holds_alternative<Callback>(*components.callbacks->find("done")));
  EXPECT_TRUE(std::get<Callback>(*components.callbacks->find("done"))
                  .entries.contains("{$request.body#/url}"));
  EXPECT_TRUE(std::holds_alternative<PathItem>(*components.pathItems->find("pets")));
}

TEST(Unions, OperationParametersAndRequestBody_MayBeReferences) {
  constexpr auto json =
      R"({"parameters":[{"$ref":"#/components/parameters/id"},{"name":"q","in":"query"}],)"
      R"("requestBody":{"$ref":"#/components/requestBodies/Pet","description":"the pet"}})";
  const auto op = parsed<Operation>(json);
  ASSERT_TRUE(op.parameters.has_value());
  ASSERT_EQ(op.parameters->size(), 2U);
  ASSERT_TRUE(std::holds_alternative<Reference>((*op.parameters)[0]));
  EXPECT_EQ(std::get<Reference>((*op.parameters)[0]).ref, "#/components/parameters/id");
  ASSERT_TRUE(std::holds_alternative<Parameter>((*op.parameters)[1]));
  EXPECT_EQ(std::get<Parameter>((*op.parameters)[1]).name, "q");
  ASSERT_TRUE(op.requestBody.has_value());
  ASSERT_TRUE(std::holds_alternative<Reference>(*op.requestBody));
  EXPECT_EQ(value_of(std::get<Reference>(*op.requestBody).description), "the pet");
  EXPECT_EQ(to_json(op), json);
}

TEST(Unions, InlineRequestBody_IsARequestBody) {
  const auto op = parsed<Operation>(R"({"requestBody":{"content":{"application/json":{}}}})");
  ASSERT_TRUE(op.requestBody.has_value());
  EXPECT_TRUE(std::holds_alternative<RequestBody>(*op.requestBody));
}

TEST(Unions, ResponsesHeadersAndLinks_MayBeReferences) {
  constexpr auto json =
      R"({"responses":{"200":{"description":"ok","headers":{"X-A":{"$ref":"#/h"}},)"
      R"("links":{"next":{"$ref":"#/l"}}},"404":{"$ref":"#/components/responses/NotFound"}}})";
  const auto op = parsed<Operation>(json);
  ASSERT_TRUE(op.responses.has_value());
  const auto& responses = op.responses->entries;
  ASSERT_TRUE(std::holds_alternative<Reference>(*responses.find("404")));
  ASSERT_TRUE(std::holds_alternative<Response>(*responses.find("200")));
  const auto& ok = std::get<Response>(*responses.find("200"));
  EXPECT_TRUE(std::holds_alternative<Reference>(*ok.headers->find("X-A")));
  EXPECT_TRUE(std::holds_alternative<Reference>(*ok.links->find("next")));
  EXPECT_EQ(to_json(op), json);
}

TEST(Unions, ReferenceWithoutStringRef_IsAnErrorAtRef) {
  EXPECT_TRUE(is_single_error(errors_of<Operation>(R"({"parameters": [{"$ref": 1}]})"),
                              loc("parameters", 0, "$ref"), "string_type"));
}

TEST(Unions, ParameterOfWrongKind_IsModelTypeErrorAtItsIndex) {
  EXPECT_TRUE(is_single_error(errors_of<Operation>(R"({"parameters": ["id"]})"),
                              loc("parameters", 0), "model_type"));
}

// --- SecurityScheme ----------------------------------------------------------------------------

TEST(Unions, SecuritySchemeApiKey_IsAPIKey) {
  const auto scheme =
      parsed<SecurityScheme>(R"({"type": "apiKey", "name": "X-Key", "in": "header"})");
  ASSERT_TRUE(std::holds_alternative<APIKey>(scheme));
  EXPECT_EQ(std::get<APIKey>(scheme).name, "X-Key");
}

TEST(Unions, SecuritySchemeHttpBearerInAnyCase_IsHTTPBearerKeepingTheCase) {
  for (const char* bearer : {"bearer", "Bearer", "BEARER", "bEaReR"}) {
    SCOPED_TRACE(bearer);
    const std::string json =
        std::string(R"({"type":"http","scheme":")") + bearer + R"(","bearerFormat":"JWT"})";
    const auto scheme = parsed<SecurityScheme>(json);
    ASSERT_TRUE(std::holds_alternative<HTTPBearer>(scheme));
    EXPECT_EQ(std::get<HTTPBearer>(scheme).scheme, bearer);
    EXPECT_EQ(value_of(std::get<HTTPBearer>(scheme).bearerFormat), "JWT");
    EXPECT_EQ(to_json(scheme), json);
  }
}

TEST(Unions, SecuritySchemeOtherHttp_IsHTTPBase) {
  for (const char* name : {"basic", "digest", "Bearerish", "negotiate"}) {
    SCOPED_TRACE(name);
    const std::string json = std::string(R"({"type":"http","scheme":")") + name + R"("})";
    const auto scheme = parsed<SecurityScheme>(json);
    ASSERT_TRUE(std::holds_alternative<HTTPBase>(scheme));
    EXPECT_EQ(std::get<HTTPBase>(scheme).scheme, name);
    EXPECT_EQ(to_json(scheme), json);
  }
}

TEST(Unions, SecuritySchemeOAuth2_IsOAuth2) {
  const auto scheme = parsed<SecurityScheme>(
      R"({"type": "oauth2", "flows": {"implicit": {"authorizationUrl": "https://a.example/auth"}}})");
  ASSERT_TRUE(std::holds_alternative<OAuth2>(scheme));
  const auto& flows = std::get<OAuth2>(scheme).flows;
  ASSERT_TRUE(flows.implicit.has_value());
  EXPECT_EQ(flows.implicit->authorizationUrl, "https://a.example/auth");
}

TEST(Unions, SecuritySchemeOpenIdConnect_IsOpenIdConnect) {
  const auto scheme = parsed<SecurityScheme>(
      R"({"type": "openIdConnect", "openIdConnectUrl": "https://a.example/.well-known/openid-configuration"})");
  ASSERT_TRUE(std::holds_alternative<OpenIdConnect>(scheme));
}

TEST(Unions, SecuritySchemeMutualTLS_IsMutualTLS) {
  const auto scheme = parsed<SecurityScheme>(R"({"type": "mutualTLS", "description": "certs"})");
  ASSERT_TRUE(std::holds_alternative<MutualTLS>(scheme));
  EXPECT_EQ(to_json(scheme), R"({"type":"mutualTLS","description":"certs"})");
}

TEST(Unions, SecuritySchemeInvalidForItsType_IsAnErrorNotAnotherType) {
  // An oauth2 scheme with an API key's members is an oauth2 scheme without flows.
  const auto errors =
      errors_of<SecurityScheme>(R"({"type": "oauth2", "name": "k", "in": "header"})");
  EXPECT_TRUE(test::are_missing(errors, {loc("flows")}));
}

TEST(Unions, SecuritySchemeWithoutType_IsUnionTagNotFoundAtType) {
  EXPECT_TRUE(is_single_error(errors_of<SecurityScheme>(R"({"name": "k", "in": "header"})"),
                              loc("type"), "union_tag_not_found"));
}

TEST(Unions, SecuritySchemeWithUnknownType_IsUnionTagInvalidAtType) {
  EXPECT_TRUE(is_single_error(errors_of<SecurityScheme>(R"({"type": "basic"})"), loc("type"),
                              "union_tag_invalid"));
  EXPECT_TRUE(is_single_error(errors_of<SecurityScheme>(R"({"type": "OAuth2", "flows": {}})"),
                              loc("type"), "union_tag_invalid"));
}

TEST(Unions, SecuritySchemeThatIsNotAnObject_IsModelType) {
  EXPECT_TRUE(is_single_error(errors_of<SecurityScheme>(R"("apiKey")"), loc(), "model_type"));
}

TEST(Unions, SecuritySchemeErrorsInsideComponents_HaveTheirFullPath) {
  const auto errors = errors_of<Components>(
      R"({"securitySchemes": {"oauth": {"type": "oauth2", "flows": {"clientCredentials": {}}}}})");
  EXPECT_TRUE(test::are_missing(
      errors, {loc("securitySchemes", "oauth", "flows", "clientCredentials", "tokenUrl")}));
}

}  // namespace
}  // namespace oaskit
