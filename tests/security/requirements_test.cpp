// requirements_of: which security requirements an operation of a document has.

#include <gtest/gtest.h>

#include "oaskit/json.hpp"
#include "oaskit/models.hpp"
#include "oaskit/security/authenticator.hpp"

namespace oaskit::security {
namespace {

OpenAPI document() {
  auto parsed = parse<OpenAPI>(R"({
    "openapi": "3.1.0",
    "info": {"title": "Pets", "version": "1"},
    "security": [{"oauth": ["pets:read"]}],
    "paths": {
      "/pets": {
        "get": {"responses": {"200": {"description": "ok"}}},
        "post": {"security": [{"oauth": ["pets:write"]}, {"key": []}],
                 "responses": {"201": {"description": "made"}}}
      },
      "/health": {
        "get": {"security": [], "responses": {"200": {"description": "ok"}}},
        "head": {"security": [{}], "responses": {"200": {"description": "ok"}}}
      }
    }
  })");
  EXPECT_TRUE(parsed);
  return parsed ? std::move(parsed.value()) : OpenAPI{};
}

TEST(RequirementsOf, OperationWithoutSecurity_HasTheDocumentsRequirements) {
  const auto requirements = requirements_of(document(), "/pets", "get");
  ASSERT_TRUE(requirements);
  EXPECT_EQ(*requirements,
            (std::vector<SecurityRequirement>{{{"oauth", std::vector<std::string>{"pets:read"}}}}));
}

TEST(RequirementsOf, OperationsOwnSecurity_ReplacesTheDocuments) {
  const auto requirements = requirements_of(document(), "/pets", "post");
  ASSERT_TRUE(requirements);
  EXPECT_EQ(*requirements,
            (std::vector<SecurityRequirement>{{{"oauth", std::vector<std::string>{"pets:write"}}},
                                              {{"key", std::vector<std::string>{}}}}));
}

TEST(RequirementsOf, EmptySecurityList_MeansNone) {
  const auto requirements = requirements_of(document(), "/health", "get");
  ASSERT_TRUE(requirements);
  EXPECT_TRUE(requirements->empty());
}

TEST(RequirementsOf, EmptyRequirement_IsKeptAsTheAnonymousAlternative) {
  const auto requirements = requirements_of(document(), "/health", "head");
  ASSERT_TRUE(requirements);
  ASSERT_EQ(requirements->size(), 1U);
  EXPECT_TRUE(requirements->front().empty());
}

TEST(RequirementsOf, Method_IsCaseInsensitive) {
  EXPECT_TRUE(requirements_of(document(), "/pets", "POST"));
  EXPECT_TRUE(requirements_of(document(), "/pets", "Get"));
}

TEST(RequirementsOf, UnknownPathOrMethod_IsNullopt) {
  EXPECT_EQ(requirements_of(document(), "/cats", "get"), std::nullopt);
  EXPECT_EQ(requirements_of(document(), "/pets", "delete"), std::nullopt);
  EXPECT_EQ(requirements_of(document(), "/pets", "fetch"), std::nullopt);
  EXPECT_EQ(requirements_of(document(), "/pets/", "get"), std::nullopt);
  EXPECT_EQ(requirements_of(OpenAPI{}, "/pets", "get"), std::nullopt);
}

TEST(RequirementsOf, NoSecurityAnywhere_IsNoRequirements) {
  OpenAPI doc = document();
  doc.security.reset();
  const auto requirements = requirements_of(doc, "/pets", "get");
  ASSERT_TRUE(requirements);
  EXPECT_TRUE(requirements->empty());
}

}  // namespace
}  // namespace oaskit::security
