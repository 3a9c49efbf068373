// Required fields: each one absent is a "Field required" [missing] error at its own location,
// and every absent field of an object is reported in the same parse.

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include "oaskit/json.hpp"
#include "oaskit/models.hpp"
#include "support/test_support.hpp"

namespace oaskit {
namespace {

using test::are_missing;
using test::errors_of;
using test::loc;

TEST(RequiredFields, OAuthFlowClientCredentialsWithoutTokenUrl_IsMissingTokenUrl) {
  EXPECT_TRUE(
      are_missing(errors_of<OAuthFlowClientCredentials>(R"({"scopes": {}})"), {loc("tokenUrl")}));
}

TEST(RequiredFields, OAuthFlows_ClientCredentialsWithoutTokenUrl_IsAnErrorAtItsPath) {
  EXPECT_TRUE(are_missing(errors_of<OAuthFlows>(R"({"clientCredentials": {"scopes": {}}})"),
                          {loc("clientCredentials", "tokenUrl")}));
}

TEST(RequiredFields, OAuthFlowAuthorizationCodeWithoutUrls_IsMissingBothAtOnce) {
  EXPECT_TRUE(are_missing(errors_of<OAuthFlowAuthorizationCode>("{}"),
                          {loc("authorizationUrl"), loc("tokenUrl")}));
}

TEST(RequiredFields, OAuthFlowAuthorizationCodeWithoutTokenUrl_IsMissingOnlyTokenUrl) {
  EXPECT_TRUE(are_missing(
      errors_of<OAuthFlowAuthorizationCode>(R"({"authorizationUrl": "https://a.example/auth"})"),
      {loc("tokenUrl")}));
}

TEST(RequiredFields, OAuthFlowAuthorizationCodeWithoutAuthorizationUrl_IsMissingIt) {
  EXPECT_TRUE(
      are_missing(errors_of<OAuthFlowAuthorizationCode>(R"({"tokenUrl": "https://a.example/t"})"),
                  {loc("authorizationUrl")}));
}

TEST(RequiredFields, OAuthFlowImplicitWithoutAuthorizationUrl_IsMissingIt) {
  EXPECT_TRUE(are_missing(errors_of<OAuthFlowImplicit>(R"({"scopes": {"a": "b"}})"),
                          {loc("authorizationUrl")}));
}

TEST(RequiredFields, OAuthFlowPasswordWithoutTokenUrl_IsMissingIt) {
  EXPECT_TRUE(are_missing(errors_of<OAuthFlowPassword>("{}"), {loc("tokenUrl")}));
}

TEST(RequiredFields, EmptyInfo_ReportsTitleAndVersionTogether) {
  EXPECT_TRUE(are_missing(errors_of<Info>("{}"), {loc("title"), loc("version")}));
}

TEST(RequiredFields, InfoWithoutVersion_IsMissingOnlyVersion) {
  EXPECT_TRUE(are_missing(errors_of<Info>(R"({"title": "Pets"})"), {loc("version")}));
}

TEST(RequiredFields, InfoWithoutTitle_IsMissingOnlyTitle) {
  EXPECT_TRUE(are_missing(errors_of<Info>(R"({"version": "1.0"})"), {loc("title")}));
}

TEST(RequiredFields, LicenseWithoutName_IsMissingName) {
  EXPECT_TRUE(are_missing(errors_of<License>(R"({"identifier": "MIT"})"), {loc("name")}));
}

TEST(RequiredFields, ServerWithoutUrl_IsMissingUrl) {
  EXPECT_TRUE(are_missing(errors_of<Server>(R"({"description": "prod"})"), {loc("url")}));
}

TEST(RequiredFields, ServerVariableWithoutDefault_IsMissingDefault) {
  EXPECT_TRUE(are_missing(errors_of<ServerVariable>(R"({"enum": ["a"]})"), {loc("default")}));
}

TEST(RequiredFields, ServerVariableWithoutDefault_InsideServer_IsAnErrorAtItsPath) {
  EXPECT_TRUE(are_missing(errors_of<Server>(R"({"url": "/{v}", "variables": {"v": {}}})"),
                          {loc("variables", "v", "default")}));
}

TEST(RequiredFields, ExternalDocumentationWithoutUrl_IsMissingUrl) {
  EXPECT_TRUE(
      are_missing(errors_of<ExternalDocumentation>(R"({"description": "d"})"), {loc("url")}));
}

TEST(RequiredFields, ReferenceWithoutRef_IsMissingDollarRef) {
  EXPECT_TRUE(are_missing(errors_of<Reference>(R"({"summary": "s"})"), {loc("$ref")}));
}

TEST(RequiredFields, DiscriminatorWithoutPropertyName_IsMissingIt) {
  EXPECT_TRUE(are_missing(errors_of<Discriminator>(R"({"mapping": {}})"), {loc("propertyName")}));
}

TEST(RequiredFields, DiscriminatorWithoutPropertyName_InsideSchema_IsAnErrorAtItsPath) {
  EXPECT_TRUE(are_missing(errors_of<Schema>(R"({"discriminator": {}})"),
                          {loc("discriminator", "propertyName")}));
}

TEST(RequiredFields, EmptyParameter_ReportsNameAndInTogether) {
  EXPECT_TRUE(are_missing(errors_of<Parameter>("{}"), {loc("name"), loc("in")}));
}

TEST(RequiredFields, ParameterWithoutIn_IsMissingIn) {
  EXPECT_TRUE(are_missing(errors_of<Parameter>(R"({"name": "id"})"), {loc("in")}));
}

TEST(RequiredFields, ParameterWithoutName_IsMissingName) {
  EXPECT_TRUE(are_missing(errors_of<Parameter>(R"({"in": "path"})"), {loc("name")}));
}

TEST(RequiredFields, RequestBodyWithoutContent_IsMissingContent) {
  EXPECT_TRUE(are_missing(errors_of<RequestBody>(R"({"required": true})"), {loc("content")}));
}

// OpenAPI 3.2 made a Response's description optional: missing before 3.2 only. A part read on
// its own is read as the latest version unless told otherwise.
TEST(RequiredFields, ResponseWithoutDescription_IsMissingDescriptionBefore32Only) {
  const auto value = boost::json::parse(R"({"content": {}})");
  for (auto version : {SpecVersion::v3_0, SpecVersion::v3_1}) {
    const auto read = from_value<Response>(value, version);
    ASSERT_FALSE(read) << to_string(version);
    EXPECT_TRUE(are_missing(read.errors(), {loc("description")}));
  }
  EXPECT_TRUE(from_value<Response>(value, SpecVersion::v3_2));
  EXPECT_TRUE(parse<Response>(R"({"content": {}})"));
}

TEST(RequiredFields, OpenAPIsOwnVersionDecidesForItsResponses) {
  auto document = [](std::string_view version) {
    return R"({"openapi": ")" + std::string(version) +
           R"(", "info": {"title": "t", "version": "1"},
              "paths": {"/a": {"get": {"responses": {"200": {"summary": "OK"}}}}}})";
  };
  EXPECT_TRUE(are_missing(errors_of<OpenAPI>(document("3.1.1")),
                          {loc("paths", "/a", "get", "responses", "200", "description")}));
  EXPECT_TRUE(are_missing(errors_of<OpenAPI>(document("3.0.3")),
                          {loc("paths", "/a", "get", "responses", "200", "description")}));
  EXPECT_TRUE(errors_of<OpenAPI>(document("3.2.0")).empty());
}

TEST(RequiredFields, EmptyAPIKey_ReportsInAndNameTogether) {
  EXPECT_TRUE(are_missing(errors_of<APIKey>("{}"), {loc("in"), loc("name")}));
}

TEST(RequiredFields, APIKeyWithoutName_IsMissingName) {
  EXPECT_TRUE(
      are_missing(errors_of<APIKey>(R"({"type": "apiKey", "in": "header"})"), {loc("name")}));
}

TEST(RequiredFields, APIKeyWithoutIn_IsMissingIn) {
  EXPECT_TRUE(are_missing(errors_of<APIKey>(R"({"name": "X-Key"})"), {loc("in")}));
}

TEST(RequiredFields, APIKeySecuritySchemeWithoutInAndName_ReportsBoth) {
  EXPECT_TRUE(
      are_missing(errors_of<SecurityScheme>(R"({"type": "apiKey"})"), {loc("in"), loc("name")}));
}

TEST(RequiredFields, HTTPBaseWithoutScheme_IsMissingScheme) {
  EXPECT_TRUE(are_missing(errors_of<HTTPBase>(R"({"type": "http"})"), {loc("scheme")}));
}

TEST(RequiredFields, HttpSecuritySchemeWithoutScheme_IsMissingScheme) {
  EXPECT_TRUE(are_missing(errors_of<SecurityScheme>(R"({"type": "http"})"), {loc("scheme")}));
}

TEST(RequiredFields, OAuth2WithoutFlows_IsMissingFlows) {
  EXPECT_TRUE(are_missing(errors_of<OAuth2>(R"({"type": "oauth2"})"), {loc("flows")}));
}

TEST(RequiredFields, OAuth2SecuritySchemeWithoutFlows_IsMissingFlows) {
  EXPECT_TRUE(are_missing(errors_of<SecurityScheme>(R"({"type": "oauth2"})"), {loc("flows")}));
}

TEST(RequiredFields, OpenIdConnectWithoutUrl_IsMissingOpenIdConnectUrl) {
  EXPECT_TRUE(
      are_missing(errors_of<OpenIdConnect>(R"({"description": "d"})"), {loc("openIdConnectUrl")}));
}

TEST(RequiredFields, TagWithoutName_IsMissingName) {
  EXPECT_TRUE(are_missing(errors_of<Tag>(R"({"description": "d"})"), {loc("name")}));
}

TEST(RequiredFields, EmptyOpenAPI_ReportsOpenapiAndInfoTogether) {
  EXPECT_TRUE(are_missing(errors_of<OpenAPI>("{}"), {loc("openapi"), loc("info")}));
}

TEST(RequiredFields, OpenAPIWithEmptyInfo_ReportsEveryMissingFieldOfInfo) {
  EXPECT_TRUE(are_missing(errors_of<OpenAPI>(R"({"openapi": "3.1.0", "info": {}})"),
                          {loc("info", "title"), loc("info", "version")}));
}

TEST(RequiredFields, MissingFieldsInSeveralObjects_AreAllReportedInOneParse) {
  const auto errors = errors_of<OpenAPI>(R"({
    "info": {"title": "Pets"},
    "servers": [{}],
    "tags": [{"name": "a"}, {}],
    "externalDocs": {}
  })");
  EXPECT_TRUE(are_missing(errors, {loc("openapi"), loc("info", "version"), loc("servers", 0, "url"),
                                   loc("tags", 1, "name"), loc("externalDocs", "url")}));
}

TEST(RequiredFields, OptionalFieldsOnly_AreNeverReportedMissing) {
  EXPECT_TRUE(errors_of<Contact>("{}").empty());
  EXPECT_TRUE(errors_of<Schema>("{}").empty());
  EXPECT_TRUE(errors_of<Components>("{}").empty());
  EXPECT_TRUE(errors_of<OAuthFlows>("{}").empty());
  EXPECT_TRUE(errors_of<Operation>("{}").empty());
  EXPECT_TRUE(errors_of<OAuthFlow>("{}").empty());
  EXPECT_TRUE(errors_of<HTTPBearer>("{}").empty());
  EXPECT_TRUE(errors_of<MutualTLS>("{}").empty());
}

}  // namespace
}  // namespace oaskit
