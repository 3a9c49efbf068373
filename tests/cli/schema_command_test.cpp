// oaskit schema validate / check: the contract other tools depend on (arguments, exit codes,
// what goes to stdout and stderr).

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include <string>

#include "support/run_cli.hpp"
#include "support/temp_tree.hpp"

namespace oaskit {
namespace {

using test::run_cli;
using ::testing::HasSubstr;

constexpr std::string_view pet_schema = R"(type: object
required: [name]
properties:
  id: {type: integer, minimum: 1}
  name: {type: string}
additionalProperties: false
)";

class CliSchema : public ::testing::Test {
 protected:
  test::TempTree tree;
  std::string schema = tree.write("pet.yaml", pet_schema).string();
};

TEST_F(CliSchema, ValidInstanceExitsZeroSilently) {
  const auto instance = tree.write("good.json", R"({"id": 1, "name": "rex"})");
  const auto run = run_cli({"schema", "validate", schema, instance.string()});
  EXPECT_EQ(run.exit_code, 0) << run;
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(run.err, "");
}

TEST_F(CliSchema, InvalidInstanceExitsOneWithLocatedErrorsOnStderr) {
  const auto instance = tree.write("bad.json", "{\n  \"id\": 0,\n  \"extra\": true\n}\n");
  const auto run = run_cli({"schema", "validate", schema, instance.string()});
  EXPECT_EQ(run.exit_code, 1) << run;
  EXPECT_EQ(run.out, "");
  EXPECT_THAT(run.err, HasSubstr("bad.json:1:1: (the value): must have the required property "
                                 "'name' [required at file://"));
  EXPECT_THAT(run.err, HasSubstr("bad.json:2:9: /id: must be at least 1 [minimum at file://"));
  EXPECT_THAT(run.err, HasSubstr("bad.json:3:12: /extra: is not allowed"));
  EXPECT_THAT(run.err, HasSubstr("3 errors in "));
}

TEST_F(CliSchema, InstanceFromStandardInputInYaml) {
  EXPECT_EQ(run_cli({"schema", "validate", schema}, "name: rex\nid: 2\n").exit_code, 0);
  EXPECT_EQ(run_cli({"schema", "validate", schema, "-"}, "name: 3\n").exit_code, 1);
}

TEST_F(CliSchema, ErrorsAsJsonGoToStdout) {
  const auto run = run_cli({"schema", "validate", schema, "-", "--errors=json"}, R"({"name": 1})");
  EXPECT_EQ(run.exit_code, 1) << run;
  EXPECT_EQ(boost::json::parse(run.out), boost::json::parse(std::string(R"([{
    "instanceLocation": "/name", "keywordLocation": "/properties/name/type",
    "absoluteKeywordLocation": "file://)") + schema + R"(#/properties/name/type",
    "error": "must be a string, not an integer"}])"));
  const auto fine = run_cli({"schema", "validate", schema, "--errors=json"}, R"({"name": "a"})");
  EXPECT_EQ(fine.exit_code, 0);
  EXPECT_EQ(fine.out, "[]\n");
}

TEST_F(CliSchema, JsonLinesGetOneVerdictPerLine) {
  const auto run = run_cli({"schema", "validate", schema, "--jsonl"},
                           "{\"name\": \"a\"}\n{\"id\": 1}\n\n{\"name\": \"b\", \"id\": 3}\n");
  EXPECT_EQ(run.exit_code, 1) << run;
  EXPECT_EQ(run.out,
            "{\"valid\":true}\n"
            "{\"valid\":false,\"errors\":[{\"instanceLocation\":\"\",\"keywordLocation\":"
            "\"/required\",\"absoluteKeywordLocation\":\"file://" +
                schema +
                "#/required\",\"error\":\"must have the required property 'name'\"}]}\n"
                "{\"valid\":true}\n");
  const auto all_valid =
      run_cli({"schema", "validate", schema, "--jsonl"}, "{\"name\": \"a\"}\n{\"name\": \"b\"}");
  EXPECT_EQ(all_valid.exit_code, 0) << all_valid;
}

TEST_F(CliSchema, JsonLinesLineThatIsNotJsonIsReportedOnItsLineAndExitsTwo) {
  const auto run = run_cli({"schema", "validate", schema, "--jsonl"}, "{\"name\": \"a\"}\nnope\n");
  EXPECT_EQ(run.exit_code, 2) << run;
  EXPECT_THAT(run.out, HasSubstr("{\"valid\":true}\n{\"valid\":false"));
  EXPECT_THAT(run.err, HasSubstr("<stdin>:2: not JSON"));
}

TEST_F(CliSchema, SchemaThatDoesNotCompileExitsTwo) {
  const auto broken = tree.write("broken.json", R"({"properties": {"a": {"$ref": "#/nope"}}})");
  const auto run = run_cli({"schema", "validate", broken.string()}, "{}");
  EXPECT_EQ(run.exit_code, 2) << run;
  EXPECT_THAT(run.err,
              HasSubstr("broken.json:1:31: properties → a → $ref: '#/nope' leads nowhere"));
}

TEST_F(CliSchema, UnreadableFilesAndBadOptionsExitTwo) {
  EXPECT_EQ(run_cli({"schema", "validate", (tree.root() / "none.json").string()}, "{}").exit_code,
            2);
  EXPECT_EQ(run_cli({"schema", "validate", schema, (tree.root() / "none.json").string()}).exit_code,
            2);
  EXPECT_EQ(run_cli({"schema", "validate", schema, "--dialect", "draft7"}, "{}").exit_code, 2);
  EXPECT_EQ(run_cli({"schema", "validate", schema, "--map", "nodir"}, "{}").exit_code, 2);
  EXPECT_EQ(run_cli({"schema", "validate", schema}, "{\"name\": ").exit_code, 2);
  EXPECT_EQ(run_cli({"schema", "validate"}).exit_code, 2);
}

TEST_F(CliSchema, DialectOas30ReadsNullable) {
  const auto nullable = tree.write("n.json", R"({"type": "string", "nullable": true})");
  EXPECT_EQ(
      run_cli({"schema", "validate", nullable.string(), "--dialect", "oas3.0"}, "null").exit_code,
      0);
  EXPECT_EQ(run_cli({"schema", "validate", nullable.string()}, "null").exit_code, 1);
}

TEST_F(CliSchema, FormatAssertionChecksFormats) {
  const auto dated = tree.write("d.json", R"({"format": "date"})");
  EXPECT_EQ(run_cli({"schema", "validate", dated.string()}, R"("2024-02-30")").exit_code, 0);
  EXPECT_EQ(run_cli({"schema", "validate", dated.string(), "--format-assertion"}, R"("2024-02-30")")
                .exit_code,
            1);
}

TEST_F(CliSchema, MapServesRemoteReferencesFromAFolder) {
  tree.write("copies/name.json", R"({"type": "string", "maxLength": 3})");
  const auto remote = tree.write("r.json", R"({"$ref": "https://example.com/s/name.json"})");
  const std::string map = "https://example.com/s/=" + (tree.root() / "copies").string();
  EXPECT_EQ(run_cli({"schema", "validate", remote.string(), "--map", map}, R"("abc")").exit_code,
            0);
  EXPECT_EQ(run_cli({"schema", "validate", remote.string(), "--map", map}, R"("abcd")").exit_code,
            1);
  // Each --map takes one URL=DIR: a file after it is the INSTANCE.
  const auto instance = tree.write("value.json", R"("abcd")");
  const auto before_instance = run_cli(
      {"schema", "validate", remote.string(), "--map", map, "--map", map, instance.string()});
  EXPECT_EQ(before_instance.exit_code, 1) << before_instance;
  EXPECT_THAT(before_instance.err, HasSubstr("value.json"));
  const auto unmapped = run_cli({"schema", "validate", remote.string()}, R"("abc")");
  EXPECT_EQ(unmapped.exit_code, 2);
  EXPECT_THAT(unmapped.err, HasSubstr("remote references are not fetched"));
}

TEST_F(CliSchema, RelativeReferencesReadFilesBesideTheSchema) {
  tree.write("defs/id.yaml", "type: integer\n");
  const auto main = tree.write("main.json", R"({"properties": {"id": {"$ref": "defs/id.yaml"}}})");
  EXPECT_EQ(run_cli({"schema", "validate", main.string()}, R"({"id": 1})").exit_code, 0);
  EXPECT_EQ(run_cli({"schema", "validate", main.string()}, R"({"id": "1"})").exit_code, 1);
}

TEST_F(CliSchema, PointerPicksASchemaInAnOpenApiDocumentWithItsVersionsDialect) {
  const auto document = tree.write("api.yaml", R"(openapi: 3.0.3
info: {title: t, version: '1'}
paths: {}
components:
  schemas:
    Pet:
      type: object
      properties:
        tag: {$ref: '#/components/schemas/Tag'}
    Tag: {type: string, nullable: true}
)");
  const std::vector<std::string> args{"schema", "validate", document.string(), "--pointer",
                                      "/components/schemas/Pet"};
  EXPECT_EQ(run_cli(args, R"({"tag": null})").exit_code, 0);
  const auto run = run_cli(args, R"({"tag": 1})");
  EXPECT_EQ(run.exit_code, 1) << run;
  EXPECT_THAT(run.err, HasSubstr("/tag: must be a string or null, not an integer"));
}

TEST_F(CliSchema, CheckValidatesAgainstTheMetaSchema) {
  EXPECT_EQ(run_cli({"schema", "check", schema}).exit_code, 0);
  const auto bad = tree.write("bad.json", "{\n  \"minLength\": -1\n}");
  const auto run = run_cli({"schema", "check", bad.string()});
  EXPECT_EQ(run.exit_code, 1) << run;
  EXPECT_THAT(run.err, HasSubstr("bad.json:2:16: /minLength: must be at least 0"));
  const auto cycle = tree.write("cycle.json", R"({"$defs": {"a": {"$ref": "#/$defs/a"}},
                                                  "$ref": "#/$defs/a"})");
  EXPECT_EQ(run_cli({"schema", "check", cycle.string()}).exit_code, 1);
}

}  // namespace
}  // namespace oaskit
