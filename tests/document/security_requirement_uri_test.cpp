// OpenAPI 3.2: a Security Requirement key outside the component-name grammar is a URI
// reference to a Security Scheme. The loader resolves it, Document::security_scheme reads it,
// and bundle names the scheme's components entry instead.

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <string>
#include <variant>

#include "oaskit/bundle.hpp"
#include "oaskit/document.hpp"
#include "oaskit/models.hpp"
#include "support/temp_tree.hpp"
#include "support/test_support.hpp"

namespace oaskit {
namespace {

using test::describe;
using test::loc;
using test::TempTree;

constexpr std::string_view api = R"(openapi: 3.2.0
info: {title: t, version: "1"}
security:
  - "#/components/securitySchemes/oauth": [pets:read]
paths:
  /pets:
    get:
      security:
        - "common.yaml#/components/securitySchemes/key": []
        - oauth: []
      responses: {"200": {description: ok}}
components:
  securitySchemes:
    oauth:
      type: oauth2
      flows:
        clientCredentials: {tokenUrl: "https://auth.example.com/token", scopes: {pets:read: r}}
)";
constexpr std::string_view common = R"(openapi: 3.2.0
info: {title: common, version: "1"}
components:
  securitySchemes:
    key: {type: apiKey, in: header, name: X-Key}
)";

TEST(SecurityRequirementUri, KeysThatAreUrisResolveToTheirSchemes) {
  TempTree tree;
  tree.write("common.yaml", common);
  auto doc = load(tree.write("api.yaml", api));
  ASSERT_TRUE(doc) << describe(doc.errors());
  EXPECT_TRUE(doc->problems().empty()) << describe(doc->problems());
  const auto* local =
      doc->find_ref(doc->root(), loc("security", 0, "#/components/securitySchemes/oauth"));
  ASSERT_NE(local, nullptr);
  EXPECT_EQ(local->expected, "SecurityScheme");
  EXPECT_EQ(local->target_loc, loc("components", "securitySchemes", "oauth"));
  const auto* other = doc->find_ref(
      doc->root(),
      loc("paths", "/pets", "get", "security", 0, "common.yaml#/components/securitySchemes/key"));
  ASSERT_NE(other, nullptr);
  ASSERT_NE(other->target, nullptr);
  EXPECT_EQ(other->target->name(), (tree.root() / "common.yaml").string());

  auto oauth = doc->security_scheme("#/components/securitySchemes/oauth");
  ASSERT_TRUE(oauth);
  EXPECT_TRUE(std::holds_alternative<OAuth2>(*oauth));
  auto key = doc->security_scheme("common.yaml#/components/securitySchemes/key");
  ASSERT_TRUE(key);
  ASSERT_TRUE(std::holds_alternative<APIKey>(*key));
  EXPECT_EQ(std::get<APIKey>(*key).name, "X-Key");
  // A component name is looked up as one: no reference is recorded for `oauth`.
  EXPECT_EQ(doc->find_ref(doc->root(), loc("paths", "/pets", "get", "security", 1, "oauth")),
            nullptr);
}

TEST(SecurityRequirementUri, AKeyThatReachesNothingIsAnUnresolvedReferenceAtTheKey) {
  TempTree tree;
  auto doc = load(tree.write("api.yaml", R"(openapi: 3.2.0
info: {title: t, version: "1"}
security:
  - "#/components/securitySchemes/missing": []
components: {}
)"));
  ASSERT_TRUE(doc) << describe(doc.errors());
  ASSERT_EQ(doc->problems().size(), 1u) << describe(doc->problems());
  EXPECT_EQ(doc->problems()[0].rule, "ref-unresolved");
  EXPECT_EQ(doc->problems()[0].loc, loc("security", 0, "#/components/securitySchemes/missing"));
  EXPECT_FALSE(doc->security_scheme("#/components/securitySchemes/missing"));
}

TEST(SecurityRequirementUri, Before32KeysAreOnlyNames) {
  TempTree tree;
  auto doc = load(tree.write("api.yaml", R"(openapi: 3.1.0
info: {title: t, version: "1"}
security:
  - "#/components/securitySchemes/oauth": []
components:
  securitySchemes:
    oauth: {type: http, scheme: bearer}
)"));
  ASSERT_TRUE(doc) << describe(doc.errors());
  EXPECT_TRUE(doc->problems().empty()) << describe(doc->problems());
  EXPECT_TRUE(doc->refs().empty());
  EXPECT_FALSE(doc->security_scheme("#/components/securitySchemes/oauth"));
}

TEST(SecurityRequirementUri, BundleNamesTheComponentsEntryOfASchemeFromAnotherFile) {
  TempTree tree;
  tree.write("common.yaml", common);
  auto doc = load(tree.write("api.yaml", api));
  ASSERT_TRUE(doc) << describe(doc.errors());
  auto bundled = bundle(*doc);
  ASSERT_TRUE(bundled) << describe(bundled.errors());
  const auto& out = bundled->as_object();
  // The root's own key to the root is kept as written; the other file's scheme is an entry.
  EXPECT_TRUE(out.at("security").at(0).as_object().contains("#/components/securitySchemes/oauth"));
  const auto& requirement = bundled->at_pointer("/paths/~1pets/get/security/0").as_object();
  ASSERT_EQ(requirement.size(), 1u);
  const std::string name(requirement.begin()->key());
  EXPECT_EQ(name, "key");
  EXPECT_EQ(bundled->at_pointer("/components/securitySchemes/key/name"), "X-Key");

  // The bundle loads alone, and its keys reach the same schemes.
  auto again = load(tree.write("bundled/api.json", boost::json::serialize(*bundled)));
  ASSERT_TRUE(again) << describe(again.errors());
  EXPECT_TRUE(again->problems().empty()) << describe(again->problems());
  EXPECT_EQ(again->sources().size(), 1u);
  ASSERT_TRUE(again->security_scheme("key"));
  ASSERT_TRUE(again->security_scheme("#/components/securitySchemes/oauth"));
}

}  // namespace
}  // namespace oaskit
