// upgrade_to_3_2: what is mechanical is changed where it was written, the rest is said, and
// nothing else moves.

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <string>
#include <string_view>

#include "oaskit/document.hpp"
#include "oaskit/json.hpp"
#include "oaskit/models.hpp"
#include "oaskit/upgrade.hpp"
#include "support/corpus.hpp"
#include "support/temp_tree.hpp"
#include "support/test_support.hpp"

namespace oaskit {
namespace {

namespace json = boost::json;
using test::describe;
using test::loc;
using test::TempTree;

Document loaded(const TempTree& tree, std::string_view text) {
  auto doc = load(tree.write("api.yaml", text));
  if (!doc) {
    ADD_FAILURE() << "load failed:" << describe(doc.errors());
    return {};
  }
  return std::move(*doc);
}

const Diagnostic* at(const Diagnostics& notes, const Path& where) {
  for (const auto& note : notes) {
    if (note.loc == where) return &note;
  }
  return nullptr;
}

TEST(UpgradeTo32, XmlAttributeAndWrappedBecomeNodeTypeWhereTheyWere) {
  TempTree tree;
  const auto doc = loaded(tree, R"(openapi: 3.1.0
info: {title: t, version: "1"}
components:
  schemas:
    Book:
      type: object
      properties:
        id: {type: integer, xml: {name: ID, attribute: true, prefix: b}}
        tags:
          type: array
          xml: {wrapped: true, name: tags}
          items: {type: string, xml: {attribute: false, wrapped: false}}
)");
  auto upgrade = upgrade_to_3_2(doc);
  ASSERT_TRUE(upgrade) << describe(upgrade.errors());
  const auto& out = upgrade->document;
  EXPECT_EQ(out.at("openapi"), "3.2.0");
  const auto& properties = out.at_pointer("/components/schemas/Book/properties");
  EXPECT_EQ(json::serialize(properties.at_pointer("/id/xml")),
            R"({"name":"ID","nodeType":"attribute","prefix":"b"})");
  EXPECT_EQ(json::serialize(properties.at_pointer("/tags/xml")),
            R"({"nodeType":"element","name":"tags"})");
  EXPECT_EQ(json::serialize(properties.at_pointer("/tags/items/xml")), "{}");

  const Path id_xml = loc("components", "schemas", "Book", "properties", "id", "xml");
  const Path tags_xml = loc("components", "schemas", "Book", "properties", "tags", "xml");
  Path attribute = id_xml;
  attribute.emplace_back(std::string("attribute"));
  Path wrapped = tags_xml;
  wrapped.emplace_back(std::string("wrapped"));
  ASSERT_NE(at(upgrade->changed, attribute), nullptr) << describe(upgrade->changed);
  EXPECT_EQ(at(upgrade->changed, attribute)->message,
            "'attribute: true' (deprecated in 3.2) is now 'nodeType: attribute'");
  ASSERT_TRUE(at(upgrade->changed, attribute)->position);
  EXPECT_EQ(at(upgrade->changed, attribute)->position->line, 8u);
  ASSERT_NE(at(upgrade->changed, wrapped), nullptr) << describe(upgrade->changed);
  ASSERT_NE(at(upgrade->changed, loc("openapi")), nullptr);
  EXPECT_EQ(upgrade->changed.size(), 5u) << describe(upgrade->changed);  // openapi, 2 true, 2 false
  EXPECT_TRUE(upgrade->not_done.empty()) << describe(upgrade->not_done);

  // The result is a 3.2 document with nothing deprecated left.
  auto model = from_value<OpenAPI>(out, SpecVersion::v3_2);
  ASSERT_TRUE(model) << test::describe(model.errors());
}

TEST(UpgradeTo32, SaysWhatItLeftAtItsPlaceAndChangesNothingThere) {
  TempTree tree;
  const std::string text = R"(openapi: 3.1.1
jsonSchemaDialect: https://spec.openapis.org/oas/3.1/dialect/base
info: {title: t, version: "1"}
tags:
  - {name: pets, x-displayName: Pets}
x-tagGroups:
  - {name: Store, tags: [pets]}
paths:
  /pets:
    get:
      tags: [pets]
      parameters:
        - {name: session, in: cookie, schema: {type: string}}
        - {name: theme, in: cookie, style: form, schema: {type: string}}
        - {name: q, in: query, schema: {type: string}}
      responses: {"200": {description: ok}}
components:
  schemas:
    Odd: {type: string, xml: {nodeType: text, attribute: true}}
)";
  const auto doc = loaded(tree, text);
  auto upgrade = upgrade_to_3_2(doc);
  ASSERT_TRUE(upgrade) << describe(upgrade.errors());
  for (const Path& where : {loc("jsonSchemaDialect"), loc("tags", 0), loc("x-tagGroups"),
                            loc("paths", "/pets", "get", "parameters", 0),
                            loc("paths", "/pets", "get", "parameters", 1),
                            loc("components", "schemas", "Odd", "xml")}) {
    const Diagnostic* note = at(upgrade->not_done, where);
    ASSERT_NE(note, nullptr) << to_string(where) << describe(upgrade->not_done);
    EXPECT_EQ(note->rule, "upgrade-not-done");
    EXPECT_EQ(note->severity, Severity::warning);
  }
  EXPECT_EQ(upgrade->not_done.size(), 6u) << describe(upgrade->not_done);
  // Only `openapi` changed.
  json::value expected = doc.root().value();
  expected.as_object()["openapi"] = "3.2.0";
  EXPECT_EQ(upgrade->document, expected);
  EXPECT_EQ(upgrade->changed.size(), 1u) << describe(upgrade->changed);
}

TEST(UpgradeTo32, OtherFilesAreNamedAsNotChanged) {
  TempTree tree;
  tree.write("pet.yaml", "type: object\nxml: {wrapped: true}\n");
  const auto doc = loaded(tree, R"(openapi: 3.1.0
info: {title: t, version: "1"}
components: {schemas: {Pet: {$ref: pet.yaml}}}
)");
  auto upgrade = upgrade_to_3_2(doc);
  ASSERT_TRUE(upgrade) << describe(upgrade.errors());
  ASSERT_EQ(upgrade->not_done.size(), 1u) << describe(upgrade->not_done);
  EXPECT_EQ(upgrade->not_done[0].loc, Path{});
  EXPECT_NE(upgrade->not_done[0].message.find("the 1 other files"), std::string::npos);
  EXPECT_NE(upgrade->not_done[0].message.find("oaskit bundle"), std::string::npos);
}

TEST(UpgradeTo32, A32DocumentComesBackUnchangedAnd30IsRefused) {
  TempTree tree;
  const auto v32 = loaded(tree, "openapi: 3.2.0\ninfo: {title: t, version: '1'}\npaths: {}\n");
  auto same = upgrade_to_3_2(v32);
  ASSERT_TRUE(same);
  EXPECT_EQ(same->document, v32.root().value());
  EXPECT_TRUE(same->changed.empty());

  const auto v30 = loaded(tree, "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\n");
  auto refused = upgrade_to_3_2(v30);
  ASSERT_FALSE(refused);
  ASSERT_EQ(refused.errors().size(), 1u);
  EXPECT_EQ(refused.errors()[0].rule, "upgrade-from-3.0");
  EXPECT_EQ(refused.errors()[0].loc, loc("openapi"));
}

// Every 3.1 document of the corpus upgrades to a document that reads as 3.2 and differs from
// it in `openapi` and the XML changes said, nothing else.
TEST(UpgradeTo32, EveryCorpus31DocumentReadsAs32) {
  OASKIT_SKIP_WITHOUT_CORPUS();
  int upgraded = 0;
  for (const auto& entry : test::corpus_documents()) {
    if (!entry.openapi.starts_with("3.1")) continue;
    auto doc = load(test::corpus_dir / entry.path);
    if (!doc) continue;  // known-invalid documents: the round-trip test checks their errors
    auto upgrade = upgrade_to_3_2(*doc);
    ASSERT_TRUE(upgrade) << entry.path << describe(upgrade.errors());
    auto model = from_value<OpenAPI>(upgrade->document, SpecVersion::v3_2);
    EXPECT_TRUE(model) << entry.path;
    if (upgrade->changed.size() == 1) {
      json::value expected = doc->root().value();
      expected.as_object()["openapi"] = "3.2.0";
      EXPECT_EQ(upgrade->document, expected) << entry.path;
    }
    ++upgraded;
  }
  EXPECT_GT(upgraded, 0);
}

}  // namespace
}  // namespace oaskit
