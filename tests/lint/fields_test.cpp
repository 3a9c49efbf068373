// field-unknown: members that are neither fields of their object nor x- extensions.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "lint/lint_support.hpp"
#include "util/spelling.hpp"

namespace oaskit {
namespace {

using test::has_none;
using test::lint_json;
using test::loc;
using test::mentions;
using test::of_rule;
using test::openapi_30;
using test::openapi_31;

TEST(LintFields, MembersThatAreNotFieldsAreErrorsNamingTheObject) {
  const auto findings = lint_json(openapi_31(R"("paths": {}, "overlays": {},
  "components": {"links": {"L": {"operationId": "get", "body": {}}}})"));
  const auto found = of_rule(findings, "field-unknown");
  ASSERT_EQ(found.size(), 2U) << test::describe(findings);
  EXPECT_EQ(found[0].loc, loc("overlays"));
  EXPECT_TRUE(mentions(found[0], "'overlays' is not a field of OpenAPI")) << found[0].message;
  EXPECT_EQ(found[1].loc, loc("components", "links", "L", "body"));
  EXPECT_TRUE(mentions(found[1], "is not a field of Link")) << found[1].message;
  EXPECT_FALSE(mentions(found[1], "did you mean")) << found[1].message;
  EXPECT_EQ(found[0].severity, Severity::error);
}

TEST(LintFields, AMisspeltFieldGetsTheFieldMeant) {
  // Optional fields misspelt: the document loads, and every FastAPI user would have lost them.
  const auto findings = lint_json(openapi_31(R"("paths": {},
  "components": {"securitySchemes": {"o": {"type": "oauth2", "flows": {
    "clientCredentials": {"tokenUrl": "https://a.example/token", "scopes": {},
                          "refreshurl": "https://a.example/r"},
    "authorizationCode": {"authorizationUrl": "https://a.example/authorize",
                          "tokenUrl": "https://a.example/token", "refreshURL": "https://a.example/r",
                          "scopes": {}, "scoeps": {}}}}}})"));
  const auto found = of_rule(findings, "field-unknown");
  ASSERT_EQ(found.size(), 3U) << test::describe(findings);
  EXPECT_EQ(found[0].loc,
            loc("components", "securitySchemes", "o", "flows", "clientCredentials", "refreshurl"));
  EXPECT_TRUE(mentions(found[0], "did you mean 'refreshUrl'?")) << found[0].message;
  EXPECT_TRUE(mentions(found[0], "OAuthFlowClientCredentials")) << found[0].message;
  EXPECT_TRUE(mentions(found[1], "did you mean 'refreshUrl'?")) << found[1].message;
  EXPECT_TRUE(mentions(found[2], "did you mean 'scopes'?")) << found[2].message;
}

TEST(LintFields, ExtensionsSchemaKeywordsAndReferenceSiblingsAreNotReported) {
  EXPECT_TRUE(has_none(lint_json(openapi_31(R"("paths": {}, "x-anything": 1,
  "components": {"schemas": {"S": {"type": "string", "x-y": 1, "myKeyword": true}}})")),
                       "field-unknown"));
  // 3.0's nullable is a Schema keyword the models keep aside; a Reference's siblings are
  // ref-sibling-ignored's.
  const auto in_30 = lint_json(openapi_30(R"("paths": {"/a": {"get": {"responses": {
    "200": {"$ref": "#/components/responses/R", "summary": "s"}}}}},
  "components": {"responses": {"R": {"description": "r"}},
                 "schemas": {"S": {"type": "string", "nullable": true}}})"));
  EXPECT_TRUE(has_none(in_30, "field-unknown")) << test::describe(in_30);
}

TEST(Spelling, ClosestIsCaseBlindAndAtMostTwoEditsAway) {
  const std::vector<std::string_view> fields = {"tokenUrl", "refreshUrl", "scopes"};
  EXPECT_EQ(oaskit::detail::closest("TOKENURL", fields), "tokenUrl");
  EXPECT_EQ(oaskit::detail::closest("scoeps", fields), "scopes");
  EXPECT_EQ(oaskit::detail::closest("body", fields), std::nullopt);
  EXPECT_EQ(oaskit::detail::closest("sc", fields), std::nullopt);  // too short to guess
  EXPECT_EQ(oaskit::detail::edit_distance("kitten", "sitting"), 3U);
}

}  // namespace
}  // namespace oaskit
