// Where oaskit's security schemes differ from FastAPI's (docs/fastapi-differences.md): a scheme
// is chosen by its `type`, so a scheme that is wrong for its type is an error where it is wrong,
// never an HTTPBearer that happens to accept anything.

#include <gtest/gtest.h>

#include <string>
#include <variant>

#include "oaskit/json.hpp"
#include "oaskit/models.hpp"
#include "support/test_support.hpp"

namespace oaskit {
namespace {

using test::are_missing;
using test::describe;
using test::errors_of;
using test::is_single_error;
using test::loc;
using test::parsed;

// --- 1. SecurityScheme is chosen by its type ----------------------------------------------------

TEST(FastApi, OAuth2WithoutFlows_IsAnErrorNotHTTPBearer) {
  const auto errors = errors_of<SecurityScheme>(R"({"type":"oauth2"})");
  EXPECT_TRUE(are_missing(errors, {loc("flows")}));
}

TEST(FastApi, OAuth2ClientCredentialsWithoutTokenUrl_IsAnErrorAtItsFullPath) {
  constexpr auto json = R"({
  "openapi": "3.1.0",
  "info": {"title": "Pets", "version": "1"},
  "components": {
    "securitySchemes": {
      "oauth": {
        "type": "oauth2",
        "flows": {"clientCredentials": {"scopes": {"pets:read": "Read pets"}}}
      }
    }
  }
})";
  const auto errors = errors_of<OpenAPI>(json);
  const auto at =
      loc("components", "securitySchemes", "oauth", "flows", "clientCredentials", "tokenUrl");
  ASSERT_TRUE(is_single_error(errors, at, "missing"));
  EXPECT_EQ(errors[0].msg, "Field required");
  ASSERT_TRUE(errors[0].position.has_value()) << describe(errors);
  EXPECT_EQ(errors[0].position->line, 8U);  // the clientCredentials object that lacks it
}

TEST(FastApi, OpenIdConnectWithoutUrl_IsAnErrorNotHTTPBearer) {
  const auto errors = errors_of<SecurityScheme>(R"({"type":"openIdConnect","description":"d"})");
  EXPECT_TRUE(are_missing(errors, {loc("openIdConnectUrl")}));
}

TEST(FastApi, APIKeyInBody_IsAnEnumErrorNotHTTPBearer) {
  const auto errors = errors_of<SecurityScheme>(R"({"type":"apiKey","name":"key","in":"body"})");
  ASSERT_TRUE(is_single_error(errors, loc("in"), "enum"));
  EXPECT_NE(errors[0].msg.find("'cookie'"), std::string::npos) << errors[0].msg;
  EXPECT_NE(errors[0].msg.find("body"), std::string::npos) << errors[0].msg;
}

TEST(FastApi, UnknownSchemeType_IsUnionTagInvalidNamingEveryType) {
  const auto errors = errors_of<SecurityScheme>(R"({"type":"foo","scheme":"bearer"})");
  ASSERT_TRUE(is_single_error(errors, loc("type"), "union_tag_invalid"));
  for (const char* allowed : {"'apiKey'", "'http'", "'mutualTLS'", "'oauth2'", "'openIdConnect'"}) {
    EXPECT_NE(errors[0].msg.find(allowed), std::string::npos)
        << allowed << " missing from: " << errors[0].msg;
  }
  EXPECT_NE(errors[0].msg.find("'foo'"), std::string::npos) << errors[0].msg;
}

TEST(FastApi, SecuritySchemeRef_StaysAReference) {
  constexpr auto json = R"({"securitySchemes":{"bearer":{"type":"http","scheme":"bearer"},)"
                        R"("alias":{"$ref":"#/components/securitySchemes/bearer"}}})";
  const auto components = parsed<Components>(json);
  ASSERT_TRUE(components.securitySchemes.has_value());
  const auto* alias = components.securitySchemes->find("alias");
  ASSERT_NE(alias, nullptr);
  ASSERT_TRUE(std::holds_alternative<Reference>(*alias));
  EXPECT_EQ(std::get<Reference>(*alias).ref, "#/components/securitySchemes/bearer");
  const auto written = to_json(components);
  EXPECT_EQ(written, json);  // no "type":"http","scheme":"bearer" added to the reference
}

// --- Further choices ----------------------------------------------------------------------------

TEST(FastApi, MutualTLS_IsASchemeType) {
  constexpr auto json = R"({"type":"mutualTLS","description":"Client certificate"})";
  const auto scheme = parsed<SecurityScheme>(json);
  ASSERT_TRUE(std::holds_alternative<MutualTLS>(scheme));
  EXPECT_EQ(std::get<MutualTLS>(scheme).description, "Client certificate");
  EXPECT_EQ(to_json(scheme), json);
  EXPECT_EQ(to_json(parsed<MutualTLS>(json)), json);
}

TEST(FastApi, BearerInAnyCase_IsHTTPBearerKeepingItsSpelling) {
  for (const std::string spelling : {"bearer", "Bearer", "BEARER", "bEaReR"}) {
    const std::string json =
        R"({"type":"http","scheme":")" + spelling + R"(","bearerFormat":"JWT"})";
    const auto scheme = parsed<SecurityScheme>(json);
    ASSERT_TRUE(std::holds_alternative<HTTPBearer>(scheme)) << spelling;
    EXPECT_EQ(std::get<HTTPBearer>(scheme).scheme, spelling);
    EXPECT_EQ(std::get<HTTPBearer>(scheme).bearerFormat, "JWT");
    EXPECT_EQ(to_json(scheme), json);
  }
  // Other schemes stay HTTPBase.
  const auto basic = parsed<SecurityScheme>(R"({"type":"http","scheme":"Basic"})");
  ASSERT_TRUE(std::holds_alternative<HTTPBase>(basic));
  EXPECT_EQ(std::get<HTTPBase>(basic).scheme, "Basic");
}

TEST(FastApi, SchemeModelType_MustMatchTheModel) {
  EXPECT_TRUE(is_single_error(errors_of<APIKey>(R"({"type":"http","name":"k","in":"header"})"),
                              loc("type"), "literal_error"));
  EXPECT_TRUE(is_single_error(errors_of<HTTPBase>(R"({"type":"oauth2","scheme":"basic"})"),
                              loc("type"), "literal_error"));
  EXPECT_TRUE(
      is_single_error(errors_of<HTTPBearer>(R"({"type":"apiKey"})"), loc("type"), "literal_error"));
  EXPECT_TRUE(is_single_error(errors_of<OAuth2>(R"({"type":"apiKey","flows":{}})"), loc("type"),
                              "literal_error"));
  EXPECT_TRUE(is_single_error(
      errors_of<OpenIdConnect>(R"({"type":"http","openIdConnectUrl":"https://example.com"})"),
      loc("type"), "literal_error"));
  // The right type, or none at all (it defaults), is fine.
  EXPECT_EQ(parsed<APIKey>(R"({"name":"k","in":"header"})").type, SecuritySchemeType::apiKey);
  EXPECT_EQ(parsed<OAuth2>(R"({"type":"oauth2","flows":{}})").type, SecuritySchemeType::oauth2);
}

}  // namespace
}  // namespace oaskit
