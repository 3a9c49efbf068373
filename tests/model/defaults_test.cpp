// Defaults: optional fields are absent unless given and then not written; OAuth flows' scopes
// default to {} and are always written; a security scheme's type (and HTTPBearer's scheme)
// defaults to its own and is always written.

#include <gtest/gtest.h>

#include <variant>

#include "oaskit/json.hpp"
#include "oaskit/models.hpp"
#include "support/test_support.hpp"

namespace oaskit {
namespace {

using test::parsed;

TEST(Defaults, Info_OptionalFieldsAreAbsentAfterParsing) {
  const auto info = parsed<Info>(R"({"title": "Pets", "version": "1.0"})");
  EXPECT_EQ(info.title, "Pets");
  EXPECT_EQ(info.version, "1.0");
  EXPECT_FALSE(info.summary.has_value());
  EXPECT_FALSE(info.description.has_value());
  EXPECT_FALSE(info.termsOfService.has_value());
  EXPECT_FALSE(info.contact.has_value());
  EXPECT_FALSE(info.license.has_value());
  EXPECT_TRUE(info.extra.empty());
}

TEST(Defaults, Info_AbsentOptionalFieldsAreNotWritten) {
  EXPECT_EQ(to_json(Info{.title = "Pets", .version = "1.0"}),
            R"({"title":"Pets","version":"1.0"})");
}

TEST(Defaults, DefaultBuiltModelsWithOnlyOptionalFields_WriteAnEmptyObject) {
  EXPECT_EQ(to_json(Schema{}), "{}");
  EXPECT_EQ(to_json(Contact{}), "{}");
  EXPECT_EQ(to_json(Components{}), "{}");
  EXPECT_EQ(to_json(Operation{}), "{}");
  EXPECT_EQ(to_json(OAuthFlows{}), "{}");
  EXPECT_EQ(to_json(Example{}), "{}");
  EXPECT_EQ(to_json(XML{}), "{}");
  EXPECT_EQ(to_json(PathItem{}), "{}");
}

TEST(Defaults, Schema_OptionalFieldsAreAbsentAfterParsingAnEmptyObject) {
  const auto schema = parsed<Schema>("{}");
  EXPECT_EQ(schema, Schema{});
  EXPECT_FALSE(schema.type.has_value());
  EXPECT_FALSE(schema.ref.has_value());
  EXPECT_FALSE(schema.items.has_value());
  EXPECT_FALSE(schema.not_.has_value());
  EXPECT_FALSE(schema.default_.has_value());
  EXPECT_FALSE(schema.maxLength.has_value());
  EXPECT_FALSE(schema.discriminator.has_value());
  EXPECT_EQ(to_json(schema), "{}");
}

TEST(Defaults, Parameter_RequiredFieldsAreWrittenAndOptionalOnesAreNot) {
  EXPECT_EQ(to_json(Parameter{.name = "id", .in = ParameterInType::path}),
            R"({"name":"id","in":"path"})");
}

TEST(Defaults, OAuthFlowScopes_DefaultToEmptyAndAreWritten) {
  const auto flow = parsed<OAuthFlowPassword>(R"({"tokenUrl": "https://a.example/token"})");
  EXPECT_TRUE(flow.scopes.empty());
  EXPECT_FALSE(flow.refreshUrl.has_value());
  EXPECT_EQ(to_json(flow), R"({"tokenUrl":"https://a.example/token","scopes":{}})");
}

TEST(Defaults, OAuthFlowScopes_AreWrittenForEveryFlowBuiltInCpp) {
  EXPECT_EQ(to_json(OAuthFlow{}), R"({"scopes":{}})");
  EXPECT_EQ(to_json(OAuthFlowImplicit{.authorizationUrl = "https://a.example/auth"}),
            R"({"authorizationUrl":"https://a.example/auth","scopes":{}})");
  EXPECT_EQ(to_json(OAuthFlowPassword{.tokenUrl = "/token"}),
            R"({"tokenUrl":"/token","scopes":{}})");
  EXPECT_EQ(to_json(OAuthFlowClientCredentials{.tokenUrl = "/token"}),
            R"({"tokenUrl":"/token","scopes":{}})");
  EXPECT_EQ(to_json(OAuthFlowAuthorizationCode{.authorizationUrl = "/auth", .tokenUrl = "/token"}),
            R"({"authorizationUrl":"/auth","tokenUrl":"/token","scopes":{}})");
}

TEST(Defaults, OAuthFlowScopes_ParsedEmptyObjectEqualsAbsent) {
  EXPECT_EQ(parsed<OAuthFlowClientCredentials>(R"({"tokenUrl": "/t", "scopes": {}})"),
            parsed<OAuthFlowClientCredentials>(R"({"tokenUrl": "/t"})"));
}

TEST(Defaults, APIKey_TypeDefaultsToApiKeyWhenParsedWithoutType) {
  const auto key = parsed<APIKey>(R"({"name": "X-API-Key", "in": "header"})");
  EXPECT_EQ(key.type, SecuritySchemeType::apiKey);
  EXPECT_EQ(key.name, "X-API-Key");
  EXPECT_EQ(key.in, APIKeyIn::header);
  EXPECT_EQ(to_json(key), R"({"type":"apiKey","name":"X-API-Key","in":"header"})");
}

TEST(Defaults, APIKey_DefaultBuiltWritesItsType) {
  EXPECT_EQ(to_json(APIKey{.name = "k", .in = APIKeyIn::query}),
            R"({"type":"apiKey","name":"k","in":"query"})");
}

TEST(Defaults, HTTPBearer_SchemeDefaultsToBearerAndTypeToHttp) {
  const auto bearer = parsed<HTTPBearer>("{}");
  EXPECT_EQ(bearer.type, SecuritySchemeType::http);
  EXPECT_EQ(bearer.scheme, "bearer");
  EXPECT_EQ(to_json(bearer), R"({"type":"http","scheme":"bearer"})");
  EXPECT_EQ(to_json(HTTPBearer{}), R"({"type":"http","scheme":"bearer"})");
}

TEST(Defaults, HTTPBearer_SchemeIsKeptInTheCaseWritten) {
  const auto bearer = parsed<HTTPBearer>(R"({"scheme": "Bearer", "bearerFormat": "JWT"})");
  EXPECT_EQ(bearer.scheme, "Bearer");
  EXPECT_EQ(to_json(bearer), R"({"type":"http","scheme":"Bearer","bearerFormat":"JWT"})");
}

TEST(Defaults, HTTPBase_TypeDefaultsToHttp) {
  const auto basic = parsed<HTTPBase>(R"({"scheme": "basic"})");
  EXPECT_EQ(basic.type, SecuritySchemeType::http);
  EXPECT_EQ(to_json(HTTPBase{.scheme = "basic"}), R"({"type":"http","scheme":"basic"})");
}

TEST(Defaults, OAuth2_TypeDefaultsToOauth2) {
  const auto oauth = parsed<OAuth2>(R"({"flows": {}})");
  EXPECT_EQ(oauth.type, SecuritySchemeType::oauth2);
  EXPECT_EQ(to_json(oauth), R"({"type":"oauth2","flows":{}})");
  EXPECT_EQ(to_json(OAuth2{}), R"({"type":"oauth2","flows":{}})");
}

TEST(Defaults, OpenIdConnect_TypeDefaultsToOpenIdConnect) {
  const auto oidc =
      parsed<OpenIdConnect>(R"({"openIdConnectUrl": "https://a.example/.well-known/openid"})");
  EXPECT_EQ(oidc.type, SecuritySchemeType::openIdConnect);
  EXPECT_EQ(to_json(OpenIdConnect{.openIdConnectUrl = "https://a.example/oidc"}),
            R"({"type":"openIdConnect","openIdConnectUrl":"https://a.example/oidc"})");
}

TEST(Defaults, MutualTLS_TypeDefaultsToMutualTLS) {
  EXPECT_EQ(parsed<MutualTLS>("{}").type, SecuritySchemeType::mutualTLS);
  EXPECT_EQ(to_json(MutualTLS{}), R"({"type":"mutualTLS"})");
}

TEST(Defaults, ConcreteScheme_WithAnotherSchemesType_IsALiteralErrorAtType) {
  const auto result = parse<APIKey>(R"({"type": "http", "name": "k", "in": "header"})");
  ASSERT_FALSE(result);
  ASSERT_EQ(result.errors().size(), 1U) << test::describe(result.errors());
  EXPECT_EQ(result.errors()[0].loc, test::loc("type"));
  EXPECT_EQ(result.errors()[0].type, "literal_error");
}

TEST(Defaults, SecuritySchemeVariantOfDefaultBuiltSchemes_WritesEachType) {
  EXPECT_EQ(to_json(SecurityScheme{OAuth2{}}), R"({"type":"oauth2","flows":{}})");
  EXPECT_EQ(to_json(SecurityScheme{HTTPBearer{}}), R"({"type":"http","scheme":"bearer"})");
  EXPECT_EQ(to_json(SecurityScheme{MutualTLS{}}), R"({"type":"mutualTLS"})");
}

}  // namespace
}  // namespace oaskit
