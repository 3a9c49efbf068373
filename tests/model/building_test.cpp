// Building models in C++: designated initializers read like the document, to_json writes it
// compactly or indented by 2, parse(to_json(x)) == x, and equality treats maps as JSON objects.

#include <gtest/gtest.h>

#include <string>
#include <variant>
#include <vector>

#include "oaskit/json.hpp"
#include "oaskit/models.hpp"
#include "support/test_support.hpp"

namespace oaskit {
namespace {

using test::parsed;

TEST(Building, ReadmeOAuth2Example_WritesTheDocumentedJson) {
  OAuth2 scheme{.flows = OAuthFlows{.clientCredentials = OAuthFlowClientCredentials{
                                        .tokenUrl = "https://auth.example.com/token",
                                        .scopes = {{"pets:read", "Read pets"}}}}};
  EXPECT_EQ(
      to_json(scheme),
      R"({"type":"oauth2","flows":{"clientCredentials":{"tokenUrl":"https://auth.example.com/token",)"
      R"("scopes":{"pets:read":"Read pets"}}}})");
}

TEST(Building, ReadmeOAuth2Example_ParsesBackToAnEqualModel) {
  OAuth2 scheme{.flows = OAuthFlows{.clientCredentials = OAuthFlowClientCredentials{
                                        .tokenUrl = "https://auth.example.com/token",
                                        .scopes = {{"pets:read", "Read pets"}}}}};
  EXPECT_EQ(parsed<OAuth2>(to_json(scheme)), scheme);
  const auto as_scheme = parsed<SecurityScheme>(to_json(scheme));
  ASSERT_TRUE(std::holds_alternative<OAuth2>(as_scheme));
  EXPECT_EQ(std::get<OAuth2>(as_scheme), scheme);
}

TEST(Building, SecuritySchemeVariant_WritesTheHeldScheme) {
  SecurityScheme scheme = APIKey{.name = "X-Key", .in = APIKeyIn::header};
  EXPECT_EQ(to_json(scheme), R"({"type":"apiKey","name":"X-Key","in":"header"})");
  EXPECT_EQ(parsed<SecurityScheme>(to_json(scheme)), scheme);
}

TEST(Building, WholeDocumentBuiltInCpp_RoundTripsThroughJson) {
  OpenAPI doc{
      .openapi = "3.1.0",
      .info = Info{.title = "Pets",
                   .contact = Contact{.email = "pets@example.com"},
                   .license = License{.name = "MIT", .identifier = "MIT"},
                   .version = "1.0.0"},
      .servers = std::vector<Server>{Server{.url = "https://api.example.com"}},
      .paths =
          Paths{
              .entries = {{"/pets/{id}",
                           PathItem{.get = Operation{.operationId = "getPet",
                                                     .parameters =
                                                         std::vector<OrReference<Parameter>>{
                                                             Parameter{.name = "id",
                                                                       .in = ParameterInType::path,
                                                                       .required = true}},
                                                     .responses =
                                                         Responses{.entries = {{"200",
                                                                                Response{.description = "o"
                                                                                                        "k"}}}},
                                                     .security =
                                                         std::
                                                             vector<SecurityRequirement>{
                                                                 {{"oauth", {"pets:read"}}}}}}}}},
      .components = Components{.securitySchemes =
                                   Map<OrReference<SecurityScheme>>{
                                       {"oauth", SecurityScheme{OAuth2{
                                                     .flows = OAuthFlows{.password = OAuthFlowPassword{.tokenUrl = "/token",
                                                                                                       .scopes = {{"pets:read",
                                                                                                                   "Read"}}}}}}}}},
      .tags = std::vector<Tag>{Tag{.name = "pets"}}};
  const std::string json = to_json(doc);
  EXPECT_EQ(json,
            R"({"openapi":"3.1.0","info":{"title":"Pets","contact":{"email":"pets@example.com"},)"
            R"("license":{"name":"MIT","identifier":"MIT"},"version":"1.0.0"},)"
            R"("servers":[{"url":"https://api.example.com"}],)"
            R"("paths":{"/pets/{id}":{"get":{"operationId":"getPet",)"
            R"("parameters":[{"name":"id","in":"path","required":true}],)"
            R"("responses":{"200":{"description":"ok"}},"security":[{"oauth":["pets:read"]}]}}},)"
            R"("components":{"securitySchemes":{"oauth":{"type":"oauth2","flows":{"password":)"
            R"({"tokenUrl":"/token","scopes":{"pets:read":"Read"}}}}}},"tags":[{"name":"pets"}]})");
  EXPECT_EQ(parsed<OpenAPI>(json), doc);
  EXPECT_EQ(parsed<OpenAPI>(to_json(doc, {.indent = true})), doc);
}

TEST(Building, IndentOption_WritesTwoSpaceIndentedJson) {
  const Server server{
      .url = "https://{host}/v1",
      .variables = Map<ServerVariable>{
          {"host", ServerVariable{.enum_ = std::vector<std::string>{"a.example", "b.example"},
                                  .default_ = "a.example"}}}};
  EXPECT_EQ(to_json(server, {.indent = true}),
            "{\n"
            "  \"url\": \"https://{host}/v1\",\n"
            "  \"variables\": {\n"
            "    \"host\": {\n"
            "      \"enum\": [\n"
            "        \"a.example\",\n"
            "        \"b.example\"\n"
            "      ],\n"
            "      \"default\": \"a.example\"\n"
            "    }\n"
            "  }\n"
            "}");
}

TEST(Building, IndentOption_WritesEmptyObjectsAndArraysOnOneLine) {
  EXPECT_EQ(to_json(OAuthFlowPassword{.tokenUrl = "/token"}, {.indent = true}),
            "{\n  \"tokenUrl\": \"/token\",\n  \"scopes\": {}\n}");
  EXPECT_EQ(to_json(Operation{.tags = std::vector<std::string>{}}, {.indent = true}),
            "{\n  \"tags\": []\n}");
  EXPECT_EQ(to_json(Schema{}, {.indent = true}), "{}");
}

TEST(Building, IndentOption_IndentsExtensionValuesToo) {
  Tag tag{.name = "pets"};
  tag.extra["x-order"] = boost::json::array{1, 2};
  EXPECT_EQ(to_json(tag, {.indent = true}),
            "{\n  \"name\": \"pets\",\n  \"x-order\": [\n    1,\n    2\n  ]\n}");
}

TEST(Building, CompactIsTheDefault) {
  const Info info{.title = "T", .version = "1"};
  EXPECT_EQ(to_json(info), to_json(info, {.indent = false}));
  EXPECT_EQ(to_json(info), R"({"title":"T","version":"1"})");
}

TEST(Building, MapEquality_IgnoresMemberOrder) {
  const Map<std::string> a{{"pets:read", "Read"}, {"pets:write", "Write"}};
  const Map<std::string> b{{"pets:write", "Write"}, {"pets:read", "Read"}};
  EXPECT_EQ(a, b);
  EXPECT_NE(a, (Map<std::string>{{"pets:read", "Read"}, {"pets:write", "Change"}}));
  EXPECT_NE(a, (Map<std::string>{{"pets:read", "Read"}}));
  EXPECT_NE(a, (Map<std::string>{{"pets:read", "Read"}, {"pets:delete", "Write"}}));
}

TEST(Building, ModelsWithScopesInAnotherOrder_AreEqualButWriteTheirOwnOrder) {
  const auto a =
      parsed<OAuthFlowImplicit>(R"({"authorizationUrl": "/auth", "scopes": {"a": "A", "b": "B"}})");
  const auto b =
      parsed<OAuthFlowImplicit>(R"({"scopes": {"b": "B", "a": "A"}, "authorizationUrl": "/auth"})");
  EXPECT_EQ(a, b);
  EXPECT_EQ(to_json(a), R"({"authorizationUrl":"/auth","scopes":{"a":"A","b":"B"}})");
  EXPECT_EQ(to_json(b), R"({"authorizationUrl":"/auth","scopes":{"b":"B","a":"A"}})");
}

TEST(Building, ModelEquality_ComparesEveryFieldAndTheExtras) {
  const auto base = parsed<Tag>(R"({"name": "pets", "x-a": 1})");
  EXPECT_EQ(base, parsed<Tag>(R"({"x-a": 1, "name": "pets"})"));
  EXPECT_NE(base, parsed<Tag>(R"({"name": "pets", "x-a": 2})"));
  EXPECT_NE(base, parsed<Tag>(R"({"name": "pets"})"));
  EXPECT_NE(base, parsed<Tag>(R"({"name": "pets", "x-a": 1, "description": "d"})"));
  EXPECT_NE(base, parsed<Tag>(R"({"name": "dogs", "x-a": 1})"));
}

TEST(Building, SchemaEquality_ComparesNumbersByValueAndBoxesByContent) {
  EXPECT_EQ(parsed<Schema>(R"({"minimum": 1})"), parsed<Schema>(R"({"minimum": 1.0})"));
  EXPECT_NE(parsed<Schema>(R"({"minimum": 1})"), parsed<Schema>(R"({"minimum": 2})"));
  EXPECT_EQ(parsed<Schema>(R"({"not": {"type": "string"}})"),
            parsed<Schema>(R"({"not": {"type": "string"}})"));
  EXPECT_NE(parsed<Schema>(R"({"not": {"type": "string"}})"),
            parsed<Schema>(R"({"not": {"type": "integer"}})"));
  EXPECT_NE(parsed<Schema>(R"({"not": true})"), parsed<Schema>("{}"));
}

TEST(Building, NumbersWrittenAsIntegersOrFractions_KeepTheirForm) {
  EXPECT_EQ(to_json(parsed<Schema>(R"({"minimum":5,"maximum":5.5})")),
            R"({"maximum":5.5,"minimum":5})");
  EXPECT_EQ(to_json(parsed<Schema>(R"({"minimum":5.0})")), R"({"minimum":5.0})");
}

TEST(Building, CopiesOfModelsWithBoxes_AreDeepAndEqual) {
  const auto original = parsed<Schema>(R"({"items": {"items": {"type": "string"}}})");
  Schema copy = original;
  EXPECT_EQ(copy, original);
  copy.items.reset();
  EXPECT_NE(copy, original);
  EXPECT_TRUE(original.items.has_value());
}

TEST(Building, RarelyUsedSchemaKeywords_AreBoxed_AndReadLikeOptionals) {
  // One pointer each, however large the value: a Schema stays small (documents hold tens of
  // thousands of them). Written as before: designated initializers, assignments, comparisons.
  static_assert(sizeof(Box<std::string>) == sizeof(void*));
  EXPECT_LE(sizeof(Schema), 600U);
  Schema schema{.minLength = 3, .format = "uuid", .title = "x", .default_ = nullptr};
  EXPECT_EQ(schema.minLength, 3);
  EXPECT_EQ(schema.format, "uuid");
  EXPECT_NE(schema.title, "y");
  EXPECT_EQ(schema.maxLength, std::nullopt);
  EXPECT_EQ(schema.maxLength.value_or(10), 10);
  EXPECT_EQ(schema.minLength.value_or(10), 3);
  ASSERT_TRUE(schema.default_) << "an explicit null default is a value";
  EXPECT_TRUE(schema.default_->is_null());
  const std::optional<std::int64_t> limit = schema.minLength;
  EXPECT_EQ(limit, 3);
  std::optional<std::string> format;
  format = schema.format;
  EXPECT_EQ(format, "uuid");
  schema.pattern = "^[a-z]+$";
  schema.minLength = std::nullopt;
  EXPECT_EQ(to_json(schema),
            R"({"pattern":"^[a-z]+$","format":"uuid","title":"x","default":null})");
}

}  // namespace
}  // namespace oaskit
