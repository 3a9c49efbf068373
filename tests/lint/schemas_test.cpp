// Schema rules: unique `required` names, and defaults of the schema's type.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "lint/lint_support.hpp"

namespace oaskit {
namespace {

using test::has_none;
using test::has_one;
using test::lint_json;
using test::loc;
using test::openapi_31;

using test::with_schema;

TEST(LintSchemas, AnOptionalDiscriminatingPropertyNeedsDefaultMappingIn32) {
  const std::string optional = R"({"discriminator": {"propertyName": "kind"},
      "properties": {"kind": {"type": "string"}}, "oneOf": [{"$ref": "#/components/schemas/A"}]},
    "A": {"properties": {"kind": {"const": "A"}}})";
  const auto findings = lint_json(test::with_schema("3.2.0", optional));
  ASSERT_TRUE(has_one(findings, "discriminator-default-mapping",
                      loc("components", "schemas", "S", "discriminator")));
  EXPECT_TRUE(test::mentions(test::of_rule(findings, "discriminator-default-mapping")[0],
                             "'kind' is optional here"));
  // Not before 3.2, which has no defaultMapping.
  EXPECT_TRUE(
      has_none(lint_json(test::with_schema("3.1.0", optional)), "discriminator-default-mapping"));
  // With defaultMapping.
  EXPECT_TRUE(
      has_none(lint_json(test::with_schema("3.2.0", R"({"discriminator": {"propertyName": "kind",
      "defaultMapping": "A"}, "oneOf": [{"$ref": "#/components/schemas/A"}]},
    "A": {"properties": {"kind": {"const": "A"}}})")),
               "discriminator-default-mapping"));
}

TEST(LintSchemas, ADiscriminatingPropertyRequiredAnywhereItCountsNeedsNoDefaultMapping) {
  for (const std::string& schema : {
           // its own required
           std::string(R"({"discriminator": {"propertyName": "kind"}, "required": ["kind"],
               "oneOf": [{"$ref": "#/components/schemas/A"}]},
             "A": {"type": "object"})"),
           // an allOf member's, through a $ref
           std::string(R"({"discriminator": {"propertyName": "kind"},
               "allOf": [{"$ref": "#/components/schemas/Base"}]},
             "Base": {"required": ["kind"]})"),
           // every oneOf alternative's
           std::string(R"({"discriminator": {"propertyName": "kind"},
               "oneOf": [{"$ref": "#/components/schemas/A"}, {"required": ["kind"]}]},
             "A": {"allOf": [{"required": ["kind", "a"]}]})"),
       }) {
    EXPECT_TRUE(
        has_none(lint_json(test::with_schema("3.2.0", schema)), "discriminator-default-mapping"))
        << schema;
  }
  // One alternative that does not require it is not enough.
  EXPECT_TRUE(
      has_one(lint_json(test::with_schema("3.2.0", R"({"discriminator": {"propertyName": "kind"},
      "oneOf": [{"required": ["kind"]}, {"type": "object"}]})")),
              "discriminator-default-mapping", loc("components", "schemas", "S", "discriminator")));
  // A reference loop ends.
  EXPECT_TRUE(
      has_one(lint_json(test::with_schema("3.2.0", R"({"discriminator": {"propertyName": "kind"},
      "allOf": [{"$ref": "#/components/schemas/S"}]})")),
              "discriminator-default-mapping", loc("components", "schemas", "S", "discriminator")));
}

TEST(LintSchemas, ARequiredNameListedTwiceIsAnError) {
  const auto findings =
      lint_json(with_schema("3.1.0", R"({"required": ["id", "name", "id"], "properties": {}})"));
  EXPECT_TRUE(has_one(findings, "schema-required-duplicate",
                      loc("components", "schemas", "S", "required", 2)));
  EXPECT_TRUE(has_none(lint_json(with_schema("3.1.0", R"({"required": ["id", "name"]})")),
                       "schema-required-duplicate"));
}

TEST(LintSchemas, ADefaultOfAnotherTypeIsAnError) {
  const auto findings = lint_json(
      with_schema("3.0.3", R"({"properties": {"flag": {"type": "boolean", "default": "false"},
                   "count": {"type": "integer", "default": 1.5}}})"));
  const auto found = test::of_rule(findings, "schema-default-type");
  ASSERT_EQ(found.size(), 2u) << test::describe(findings);
  EXPECT_EQ(found[0].loc, loc("components", "schemas", "S", "properties", "flag", "default"));
  EXPECT_NE(found[0].message.find("write it without quotes"), std::string::npos);
  EXPECT_EQ(found[0].severity, Severity::error);
}

TEST(LintSchemas, DefaultsOfTheRightTypePass) {
  EXPECT_TRUE(has_none(lint_json(with_schema("3.0.3", R"({"properties": {
      "a": {"type": "boolean", "default": false},
      "b": {"type": "integer", "default": 2.0},
      "c": {"type": "number", "default": 3},
      "d": {"type": "string", "nullable": true, "default": null},
      "e": {"type": ["string", "integer"], "default": 1},
      "f": {"default": "anything"}}})")),
                       "schema-default-type"));
}

TEST(LintSchemas, ReferencesThatGoRoundWithoutReadingTheValueAreAnError) {
  const auto findings = lint_json(openapi_31(R"("components": {"schemas": {
      "A": {"$ref": "#/components/schemas/B"},
      "B": {"allOf": [{"$ref": "#/components/schemas/A"}]},
      "Tree": {"properties": {"children": {"items": {"$ref": "#/components/schemas/Tree"}}}}}})"));
  const auto found = test::of_rule(findings, "schema-ref-cycle");
  ASSERT_EQ(found.size(), 1u) << test::describe(findings);
  EXPECT_EQ(found[0].loc, loc("components", "schemas", "A"));
  EXPECT_NE(found[0].message.find("#/components/schemas/B/allOf/0"), std::string::npos)
      << found[0].message;
  EXPECT_EQ(found[0].severity, Severity::error);
}

TEST(LintSchemas, AReferenceLoopAcrossTwoFilesIsAnError) {
  const auto findings =
      test::lint_files({{"api.yaml", R"(openapi: 3.1.0
info: {title: t, version: "1"}
paths: {}
components:
  schemas:
    A: {$ref: 'other.yaml#/B'}
)"},
                        {"other.yaml", "B: {$ref: 'api.yaml#/components/schemas/A'}\n"}});
  const auto found = test::of_rule(findings, "schema-ref-cycle");
  ASSERT_EQ(found.size(), 1u) << test::describe(findings);
  EXPECT_EQ(found[0].loc, loc("components", "schemas", "A"));
  EXPECT_NE(found[0].message.find("other.yaml#/B"), std::string::npos) << found[0].message;
}

TEST(LintSchemas, AnExampleTheSchemaRefusesIsAWarning) {
  const auto findings = lint_json(with_schema("3.1.0", R"({"type": "object",
      "required": ["id"], "properties": {"id": {"type": "integer", "example": "seven"},
      "name": {"type": "string", "examples": ["ok", 3]}},
      "example": {"name": "x"}})"));
  EXPECT_EQ(test::of_rule(findings, "schema-example-invalid").size(), 3u)
      << test::describe(findings);
  std::vector<Path> places;
  for (const auto& finding : test::of_rule(findings, "schema-example-invalid")) {
    places.push_back(finding.loc);
  }
  EXPECT_EQ(places, (std::vector<Path>{
                        loc("components", "schemas", "S", "properties", "id", "example"),
                        loc("components", "schemas", "S", "properties", "name", "examples", 1),
                        loc("components", "schemas", "S", "example")}));
  for (const auto& finding : test::of_rule(findings, "schema-example-invalid")) {
    EXPECT_EQ(finding.severity, Severity::warning);
    if (finding.loc == loc("components", "schemas", "S", "example")) {
      EXPECT_NE(finding.message.find("must have the required property 'id'"), std::string::npos)
          << finding.message;
    }
  }
  EXPECT_TRUE(has_none(lint_json(with_schema("3.0.3", R"({"type": "string", "nullable": true,
      "example": null})")),
                       "schema-example-invalid"));
}

}  // namespace
}  // namespace oaskit
