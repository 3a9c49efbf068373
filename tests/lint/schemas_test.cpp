// Schema rules: unique `required` names, and defaults of the schema's type.

#include <gtest/gtest.h>

#include <string>

#include "lint/lint_support.hpp"

namespace oaskit {
namespace {

using test::has_none;
using test::has_one;
using test::lint_json;
using test::loc;

using test::with_schema;

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

}  // namespace
}  // namespace oaskit
