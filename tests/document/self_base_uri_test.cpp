// OpenAPI 3.2's `$self` as the base URI of a document's references (3.2.0 §4.1.2.2.1), with
// the examples of its Appendix F (tests/data/openapi-3.2/appendix-f.md): documents given with
// the URIs they are published at resolve references as if they had been fetched from there.

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <string>
#include <system_error>

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

// Appendix F.1's two documents (`version` quoted: the appendix's `1.0` is a YAML number).
constexpr std::string_view f1_api = R"(openapi: 3.2.0
$self: https://example.com/api/openapi
info:
  title: Example API
  version: "1.0"
paths:
  /foo:
    get:
      requestBody:
        $ref: "shared/foo#/components/requestBodies/Foo"
)";
constexpr std::string_view f1_shared = R"(openapi: 3.2.0
$self: https://example.com/api/shared/foo
info:
  title: Shared components for all APIs
  version: "1.0"
components:
  requestBodies:
    Foo:
      content:
        application/json:
          schema:
            $ref: ../schemas/foo
  schemas:
    Foo:
      $id: https://example.com/api/schemas/foo
      properties:
        bar:
          $ref: bar
    Bar:
      $id: https://example.com/api/schemas/bar
      type: string
)";

// The reference written as `ref` in the document, which must have resolved.
const ResolvedRef& ref_named(const Document& doc, std::string_view ref) {
  for (const auto& resolved : doc.refs()) {
    if (resolved.ref == ref) return resolved;
  }
  ADD_FAILURE() << "no $ref '" << ref << "'";
  static const ResolvedRef none;
  return none;
}

void expect_resolves_to(const Document& doc, std::string_view ref, const Source& target,
                        const Path& target_loc) {
  const ResolvedRef& resolved = ref_named(doc, ref);
  EXPECT_EQ(resolved.target, &target) << ref;
  EXPECT_EQ(resolved.target_loc, target_loc) << ref;
}

TEST(SelfBaseUri, F1ReferencesResolveAgainstSelfAndReachTheDocumentWithThatSelf) {
  TempTree tree;
  const auto api = tree.write("src/api/openapi.yaml", f1_api);
  const auto shared = tree.write("elsewhere/foo.yaml", f1_shared);
  // Given outside the root's folder: the user named it, so no --allow-outside-root is needed.
  auto doc = load(
      api, {.documents = {{shared, "https://git.example.com/shared/blob/main/shared/foo.yaml"}}});
  ASSERT_TRUE(doc) << describe(doc.errors());
  EXPECT_TRUE(doc->problems().empty()) << describe(doc->problems());
  ASSERT_EQ(doc->sources().size(), 2u);
  const Source& second = *doc->sources()[1];
  EXPECT_EQ(doc->root().base_uri(), "https://example.com/api/openapi");
  EXPECT_EQ(second.uri(), "https://git.example.com/shared/blob/main/shared/foo.yaml");
  EXPECT_EQ(second.base_uri(), "https://example.com/api/shared/foo");
  // shared/foo against the first $self: https://example.com/api/shared/foo, the second's.
  expect_resolves_to(*doc, "shared/foo#/components/requestBodies/Foo", second,
                     loc("components", "requestBodies", "Foo"));
  // ../schemas/foo against the second $self: the $id of schema Foo.
  expect_resolves_to(*doc, "../schemas/foo", second, loc("components", "schemas", "Foo"));
  // bar against Foo's $id: the $id of schema Bar.
  expect_resolves_to(*doc, "bar", second, loc("components", "schemas", "Bar"));
}

TEST(SelfBaseUri, F1BundlesIntoOneDocument) {
  TempTree tree;
  const auto api = tree.write("openapi.yaml", f1_api);
  const auto shared = tree.write("foo.yaml", f1_shared);
  auto doc = load(api, {.documents = {{shared, {}}}});
  ASSERT_TRUE(doc) << describe(doc.errors());
  EXPECT_TRUE(doc->problems().empty()) << describe(doc->problems());
  auto bundled = bundle(*doc);
  std::error_code ec;
  ASSERT_TRUE(bundled) << describe(bundled.errors());
  const auto* bodies = bundled->find_pointer("/components/requestBodies", ec);
  ASSERT_NE(bodies, nullptr) << boost::json::serialize(*bundled);
  ASSERT_EQ(bodies->as_object().size(), 1u);
  const auto* ref = bundled->find_pointer("/paths/~1foo/get/requestBody/$ref", ec);
  ASSERT_NE(ref, nullptr) << boost::json::serialize(*bundled);
  EXPECT_EQ(ref->as_string(),
            "#/components/requestBodies/" + std::string(bodies->as_object().begin()->key()));
}

TEST(SelfBaseUri, F3WithoutSelfTheRetrievalUriIsTheBase) {
  TempTree tree;
  const auto api = tree.write("openapis.yaml", R"(openapi: 3.2.0
info: {title: Example API, version: "1.0"}
components:
  requestBodies:
    Foo:
      content:
        application/json:
          schema:
            $ref: schemas/foo
)");
  const auto schema = tree.write("foo.json", R"({"type": "object",
    "properties": {"bar": {"type": "string"}}})");
  auto doc = load(api, {.root_uri = "https://example.com/api/openapis.yaml",
                        .documents = {{schema, "https://example.com/api/schemas/foo"}}});
  ASSERT_TRUE(doc) << describe(doc.errors());
  EXPECT_TRUE(doc->problems().empty()) << describe(doc->problems());
  EXPECT_EQ(doc->root().uri(), "https://example.com/api/openapis.yaml");
  EXPECT_EQ(doc->root().base_uri(), doc->root().uri());
  expect_resolves_to(*doc, "schemas/foo", *doc->sources()[1], {});
}

TEST(SelfBaseUri, F5RelativeSelfAndIdResolveAgainstTheRetrievalUri) {
  TempTree tree;
  const auto api = tree.write("openapi.yaml", R"(openapi: 3.2.0
$self: /api/openapi
info: {title: Example API, version: "1.0"}
paths:
  /foo:
    get:
      requestBody:
        $ref: "shared/foo#/components/requestBodies/Foo"
)");
  const auto shared = tree.write("shared.yaml", R"(openapi: 3.2.0
$self: /api/shared/foo
info: {title: Shared components for all APIs, version: "1.0"}
components:
  requestBodies:
    Foo:
      content:
        application/json:
          schema:
            $ref: ../schemas/foo
  schemas:
    Foo:
      $id: /api/schemas/foo
      properties:
        bar:
          $ref: bar
    Bar:
      $id: /api/schemas/bar
      type: string
)");
  auto doc = load(api, {.root_uri = "https://staging.example.com/api/openapi",
                        .documents = {{shared, "https://staging.example.com/api/shared/foo"}}});
  ASSERT_TRUE(doc) << describe(doc.errors());
  EXPECT_TRUE(doc->problems().empty()) << describe(doc->problems());
  const Source& second = *doc->sources()[1];
  // The 3.2.0 prose says https://staging.example.com/openapi for the first: a typo that the
  // 3.2.1 draft corrects (RFC 3986 §5.2 gives the path as written).
  EXPECT_EQ(doc->root().base_uri(), "https://staging.example.com/api/openapi");
  EXPECT_EQ(second.base_uri(), "https://staging.example.com/api/shared/foo");
  expect_resolves_to(*doc, "shared/foo#/components/requestBodies/Foo", second,
                     loc("components", "requestBodies", "Foo"));
  expect_resolves_to(*doc, "../schemas/foo", second, loc("components", "schemas", "Foo"));
  expect_resolves_to(*doc, "bar", second, loc("components", "schemas", "Bar"));
}

TEST(SelfBaseUri, AReferenceToTheRootsSelfReachesTheRoot) {
  TempTree tree;
  const auto api = tree.write("openapi.yaml", R"(openapi: 3.2.0
$self: https://example.com/api/openapi
info: {title: t, version: "1"}
components:
  schemas:
    A: {type: string}
    B: {$ref: "https://example.com/api/openapi#/components/schemas/A"}
)");
  auto doc = load(api);
  ASSERT_TRUE(doc) << describe(doc.errors());
  EXPECT_TRUE(doc->problems().empty()) << describe(doc->problems());
  expect_resolves_to(*doc, "https://example.com/api/openapi#/components/schemas/A", doc->root(),
                     loc("components", "schemas", "A"));
}

TEST(SelfBaseUri, SelfIsNotTheBaseBefore32) {
  TempTree tree;
  const auto api = tree.write("openapi.yaml", R"(openapi: 3.1.0
$self: https://example.com/api/openapi
info: {title: t, version: "1"}
components:
  schemas:
    A: {$ref: "common.yaml#/B"}
)");
  tree.write("common.yaml", "B: {type: string}\n");
  auto doc = load(api);
  ASSERT_TRUE(doc) << describe(doc.errors());
  EXPECT_TRUE(doc->problems().empty()) << describe(doc->problems());
  EXPECT_EQ(doc->root().base_uri(), doc->root().uri());
  EXPECT_EQ(ref_named(*doc, "common.yaml#/B").target, doc->sources()[1].get());
}

TEST(SelfBaseUri, AReferenceNoDocumentAnswersNamesTheSelfAndTheOption) {
  TempTree tree;
  const auto api = tree.write("openapi.yaml", f1_api);
  tree.write("shared/foo", f1_shared);  // beside the file, but $self puts it elsewhere
  auto doc = load(api);
  ASSERT_TRUE(doc) << describe(doc.errors());
  ASSERT_EQ(doc->problems().size(), 1u) << describe(doc->problems());
  const Diagnostic& problem = doc->problems()[0];
  EXPECT_EQ(problem.rule, "ref-unresolved");
  EXPECT_EQ(problem.loc, loc("paths", "/foo", "get", "requestBody"));
  EXPECT_NE(problem.message.find("$self, https://example.com/api/openapi, to "
                                 "https://example.com/api/shared/foo"),
            std::string::npos)
      << problem.message;
  EXPECT_NE(problem.message.find("--document FILE=URI"), std::string::npos) << problem.message;
}

TEST(SelfBaseUri, ASelfWithAFragmentIsReportedAndIgnored) {
  TempTree tree;
  const auto api = tree.write("openapi.yaml", R"(openapi: 3.2.0
$self: "https://example.com/api/openapi#top"
info: {title: t, version: "1"}
components:
  schemas:
    A: {$ref: "common.yaml#/B"}
)");
  tree.write("common.yaml", "B: {type: string}\n");
  auto doc = load(api);
  ASSERT_TRUE(doc) << describe(doc.errors());
  ASSERT_EQ(doc->problems().size(), 1u) << describe(doc->problems());
  EXPECT_EQ(doc->problems()[0].rule, "self-uri");
  EXPECT_EQ(doc->problems()[0].loc, loc("$self"));
  ASSERT_TRUE(doc->problems()[0].position);
  EXPECT_EQ(doc->problems()[0].position->line, 2u);
  EXPECT_EQ(ref_named(*doc, "common.yaml#/B").target, doc->sources()[1].get());
}

TEST(SelfBaseUri, TwoDocumentsWithOneSelfAreReported) {
  TempTree tree;
  const auto api = tree.write("openapi.yaml", R"(openapi: 3.2.0
$self: https://example.com/api/openapi
info: {title: t, version: "1"}
components: {}
)");
  const auto other = tree.write("other.yaml", R"(openapi: 3.2.0
$self: https://example.com/api/openapi
info: {title: u, version: "1"}
components: {}
)");
  auto doc = load(api, {.documents = {{other, {}}}});
  ASSERT_TRUE(doc) << describe(doc.errors());
  ASSERT_EQ(doc->problems().size(), 1u) << describe(doc->problems());
  EXPECT_EQ(doc->problems()[0].rule, "self-uri");
  EXPECT_NE(doc->problems()[0].message.find("already names"), std::string::npos);
}

TEST(SelfBaseUri, AGivenDocumentThatCannotBeReadIsAnError) {
  TempTree tree;
  const auto api = tree.write("openapi.yaml", f1_api);
  auto doc = load(api, {.documents = {{tree.root() / "missing.yaml", {}}}});
  ASSERT_FALSE(doc);
  ASSERT_EQ(doc.errors().size(), 1u);
  EXPECT_EQ(doc.errors()[0].rule, "io");
  EXPECT_NE(doc.errors()[0].message.find("missing.yaml"), std::string::npos);
}

TEST(SelfBaseUri, ARootUriMustBeAbsolute) {
  TempTree tree;
  const auto api = tree.write("openapi.yaml", f1_api);
  auto doc = load(api, {.root_uri = "api/openapi"});
  ASSERT_FALSE(doc);
  EXPECT_EQ(doc.errors()[0].rule, "root-uri");
}

}  // namespace
}  // namespace oaskit
