// The commands that work on whole documents: fmt and security.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include <string>

#include "support/run_cli.hpp"
#include "support/scripted_server.hpp"
#include "support/temp_tree.hpp"

namespace oaskit {
namespace {

using test::run_cli;
using ::testing::HasSubstr;
using ::testing::Not;

TEST(CliFmt, IndentsJsonKeepingKeyOrderNumbersAndNulls) {
  const auto run =
      run_cli({"fmt"}, R"({"b": 1.0, "a": [1, {"z": null}], "n": 12345678901234567890})");
  ASSERT_EQ(run.exit_code, 0) << run;
  EXPECT_EQ(run.out,
            "{\n  \"b\": 1.0,\n  \"a\": [\n    1,\n    {\n      \"z\": null\n    }\n  ],\n"
            "  \"n\": 12345678901234567890\n}\n");
}

TEST(CliFmt, SortsKeysWhenAsked) {
  const auto run = run_cli({"fmt", "--sort"}, R"({"b": {"d": 1, "c": 2}, "a": 3})");
  ASSERT_EQ(run.exit_code, 0) << run;
  EXPECT_EQ(run.out, "{\n  \"a\": 3,\n  \"b\": {\n    \"c\": 2,\n    \"d\": 1\n  }\n}\n");
}

TEST(CliFmt, WritesToAFileWithDashO) {
  test::TempTree tree;
  const auto in = tree.write("in.json", R"({"a":1})");
  const auto out = tree.root() / "out.json";
  const auto run = run_cli({"fmt", in.string(), "-o", out.string()});
  ASSERT_EQ(run.exit_code, 0) << run;
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(test::slurp(out), "{\n  \"a\": 1\n}\n");
}

TEST(CliFmt, InvalidJsonExitsOneWithThePosition) {
  const auto run = run_cli({"fmt"}, "{\"a\": 1,\n}");
  EXPECT_EQ(run.exit_code, 1) << run;
  EXPECT_THAT(run.err, HasSubstr("<stdin>:1:8: error[json_invalid]: Invalid JSON: trailing comma"));
}

TEST(CliSecurity, ShowsWhoCanCallWhatAsAMatrix) {
  test::TempTree tree;
  const auto doc =
      tree.write("api.json", R"({"openapi": "3.1.0", "info": {"title": "t", "version": "1"},
    "components": {"securitySchemes": {
      "oauth": {"$ref": "schemes.json#/oauth"},
      "key": {"type": "apiKey", "in": "header", "name": "X-Key"}}},
    "security": [{"oauth": ["read"]}],
    "paths": {"/a": {"get": {}, "post": {"security": [{"oauth": ["write", "read"]}, {"key": []}]}},
              "/open": {"get": {"security": []}}}})");
  tree.write("schemes.json", R"({"oauth": {"type": "oauth2", "flows": {"clientCredentials": {
    "tokenUrl": "https://auth.example.com/token", "scopes": {"read": "", "write": ""}}}}})");
  const auto run = run_cli({"security", doc.string()});
  ASSERT_EQ(run.exit_code, 0) << run;
  // The $ref'd scheme is shown as what it points at.
  EXPECT_THAT(run.out, HasSubstr("oauth: ($ref schemes.json#/oauth) oauth2"));
  EXPECT_THAT(run.out, HasSubstr("tokenUrl          https://auth.example.com/token"));
  EXPECT_THAT(run.out, HasSubstr("  operation  oauth       key  requirement\n"));
  EXPECT_THAT(run.out, HasSubstr("  GET /a     read        -    oauth [read]\n"));
  EXPECT_THAT(run.out, HasSubstr("  POST /a    write read  \u2713    oauth [write read] or key\n"));
  EXPECT_THAT(run.out, HasSubstr("  GET /open  -           -    none (public)\n"));
  EXPECT_THAT(run.err, Not(HasSubstr("error")));
}

}  // namespace
}  // namespace oaskit

namespace oaskit {
namespace {

using test::run_cli;
using ::testing::HasSubstr;

constexpr const char* insecure_document = R"({"openapi": "3.1.0",
  "info": {"title": "t", "version": "1"},
  "security": [{"oauth": ["pets:read"]}],
  "components": {"securitySchemes": {"oauth": {"type": "oauth2", "flows": {
    "password": {"tokenUrl": "https://auth.example.com/token", "scopes": {"pets:read": ""}}}}}}})";

TEST(CliCheck, CleanDocumentExitsZero) {
  const auto run =
      run_cli({"check", OASKIT_SOURCE_DIR "/examples/petstore-oauth.json", "--color", "never"});
  EXPECT_EQ(run.exit_code, 0) << run;
  EXPECT_THAT(run.out, Not(HasSubstr("error[")));
}

TEST(CliCheck, FindingsPrintWithPositionSourceLineAndCaret) {
  test::TempTree tree;
  const auto doc = tree.write("api.json", insecure_document);
  const auto run = run_cli({"check", doc.string(), "--color", "never"});
  EXPECT_EQ(run.exit_code, 0) << run;  // a warning: below the default --fail-on error
  EXPECT_THAT(run.out, HasSubstr(doc.string() + ":5:17: warning[security-deprecated-flow]: "));
  EXPECT_THAT(run.out, HasSubstr("    \"password\": {"));
  EXPECT_THAT(run.out, HasSubstr("\n                ^\n"));
  EXPECT_THAT(run.out, Not(HasSubstr("\x1b[")));
  EXPECT_EQ(run_cli({"check", doc.string(), "--fail-on", "warning"}).exit_code, 1);
  const auto disabled = run_cli(
      {"check", doc.string(), "--fail-on", "warning", "--disable", "security-deprecated-flow"});
  EXPECT_EQ(disabled.exit_code, 0) << disabled;
}

TEST(CliCheck, ErrorsExitOneAndJsonListsThem) {
  const auto run =
      run_cli({"check", OASKIT_TEST_DATA "/broken/unresolvable-ref.yaml", "--format", "json"});
  EXPECT_EQ(run.exit_code, 1) << run;
  const auto report = boost::json::parse(run.out);
  const auto& first = report.at("diagnostics").at(0);
  EXPECT_EQ(first.at("rule"), "ref-unresolved");
  EXPECT_EQ(first.at("line"), 14);
  EXPECT_EQ(report.at("summary").at("error"), 1);
}

TEST(CliCheck, SarifForCodeScanning) {
  test::TempTree tree;
  const auto doc = tree.write("api.json", insecure_document);
  const auto run = run_cli({"check", doc.string(), "--format", "sarif"});
  EXPECT_EQ(run.exit_code, 0) << run;
  const auto sarif = boost::json::parse(run.out);
  EXPECT_EQ(sarif.at("version"), "2.1.0");
  const auto& result = sarif.at_pointer("/runs/0/results/0");
  EXPECT_EQ(result.at("ruleId"), "security-deprecated-flow");
  EXPECT_EQ(result.at("level"), "warning");
}

TEST(CliCheck, UsageAndReadErrorsExitTwo) {
  EXPECT_EQ(run_cli({"check"}).exit_code, 2);
  EXPECT_EQ(run_cli({"check", "/nonexistent.yaml"}).exit_code, 2);
  const auto unknown = run_cli(
      {"check", OASKIT_SOURCE_DIR "/examples/petstore-oauth.json", "--disable", "no-such-rule"});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_THAT(unknown.err, HasSubstr("unknown rule 'no-such-rule'"));
}

TEST(CliCheck, DocumentsGivenWithTheirUrisAnswerReferencesBySelf) {
  test::TempTree tree;
  const auto api = tree.write("openapi.yaml", R"(openapi: 3.2.0
$self: /api/openapi
info: {title: t, version: "1"}
paths:
  /foo:
    get:
      requestBody: {$ref: "shared/foo#/components/requestBodies/Foo"}
      responses: {"204": {description: done}}
)");
  const auto shared = tree.write("foo.yaml", R"(openapi: 3.2.0
$self: /api/shared/foo
info: {title: u, version: "1"}
components:
  requestBodies:
    Foo: {content: {text/plain: {schema: {type: string}}}}
)");
  const auto alone = run_cli({"check", api.string(), "--color", "never"});
  EXPECT_EQ(alone.exit_code, 1) << alone;
  EXPECT_THAT(alone.out, HasSubstr("--document FILE=URI"));
  const auto given = run_cli({"check", api.string(), "--color", "never", "--root-uri",
                              "https://example.com/api/openapi", "--document",
                              shared.string() + "=https://example.com/api/shared/foo"});
  EXPECT_EQ(given.exit_code, 0) << given;
  const auto bad = run_cli({"check", api.string(), "--root-uri", "relative/openapi"});
  EXPECT_EQ(bad.exit_code, 2) << bad;
  EXPECT_THAT(bad.err, HasSubstr("--root-uri must be an absolute URI"));
}

TEST(CliCheck, FetchesOAuth2MetadataOnlyWithAllowRemoteRefs) {
  // RFC 8414 metadata of its own origin, whose token endpoint is not the document's tokenUrl.
  const test::ScriptedServer metadata([&metadata](const test::ServerRequest&) {
    return test::json_answer(R"({"issuer": ")" + metadata.origin() +
                             R"(", "token_endpoint": "https://auth.example.com/oauth/token"})");
  });
  test::TempTree tree;
  const auto doc = tree.write("api.json", std::string(R"({"openapi": "3.2.0",
  "info": {"title": "t", "version": "1"},
  "components": {"securitySchemes": {"oauth": {"type": "oauth2",
    "oauth2MetadataUrl": ")") + metadata.url("/.well-known/oauth-authorization-server") +
                                              R"(", "flows": {"clientCredentials": {
      "tokenUrl": "https://auth.example.com/token", "scopes": {}}}}}}})");
  const auto offline = run_cli({"check", doc.string(), "--color", "never"});
  EXPECT_EQ(offline.exit_code, 0) << offline;
  EXPECT_EQ(metadata.request_count(), 0U);
  const auto fetched = run_cli({"check", doc.string(), "--color", "never", "--allow-remote-refs"});
  EXPECT_EQ(fetched.exit_code, 1) << fetched;
  EXPECT_THAT(fetched.out, HasSubstr("error[security-oauth2-metadata-mismatch]: "));
  EXPECT_EQ(metadata.request_count(), 1U);
}

TEST(CliCheck, ListsItsRules) {
  const auto run = run_cli({"check", "--list-rules"});
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_THAT(run.out, HasSubstr("security-undeclared-scope"));
  EXPECT_THAT(run.out, HasSubstr("security-operation-unprotected           info     off"));
}

}  // namespace
}  // namespace oaskit

namespace oaskit {
namespace {

using test::run_cli;
using ::testing::HasSubstr;

TEST(CliFmt, RewritesYamlSayingThatCommentsAreNotKept) {
  const auto run =
      run_cli({"fmt"}, "# a comment\nb: yes   # on is a string in YAML 1.2\na: [1, 1.0, \"x\"]\n");
  ASSERT_EQ(run.exit_code, 0) << run;
  EXPECT_EQ(run.out, "b: \"yes\"\na:\n  - 1\n  - 1.0\n  - x\n");
  EXPECT_THAT(run.err, HasSubstr("the comments in <stdin> are not kept"));
}

TEST(CliFmt, ConvertsBetweenJsonAndYaml) {
  const auto to_json = run_cli({"fmt", "--to", "json"}, "a: on\n");
  ASSERT_EQ(to_json.exit_code, 0) << to_json;
  EXPECT_EQ(to_json.out, "{\n  \"a\": \"on\"\n}\n");
  EXPECT_EQ(to_json.err, "");
  const auto to_yaml = run_cli({"fmt", "--to", "yaml"}, R"({"version": "1.0"})");
  ASSERT_EQ(to_yaml.exit_code, 0) << to_yaml;
  EXPECT_EQ(to_yaml.out, "version: \"1.0\"\n");
}

TEST(CliFmt, UpgradesA31DocumentTo32SayingWhatItChangedAndLeft) {
  const std::string document = R"(openapi: 3.1.0
info: {title: t, version: "1"}
paths:
  /a:
    get:
      parameters: [{name: s, in: cookie, schema: {type: string}}]
      responses: {"200": {description: ok}}
components:
  schemas:
    Id: {type: integer, xml: {attribute: true}}
)";
  const auto run = run_cli({"fmt", "--to-version", "3.2"}, document);
  ASSERT_EQ(run.exit_code, 0) << run;
  EXPECT_THAT(run.out, HasSubstr("openapi: \"3.2.0\"\n"));
  EXPECT_THAT(run.out,
              HasSubstr("Id:\n      type: integer\n      xml:\n        nodeType: attribute\n"));
  EXPECT_THAT(run.err, HasSubstr("<stdin>:1:10: info[upgrade]: 'openapi: 3.1.0' is now '3.2.0'"));
  EXPECT_THAT(run.err, HasSubstr("<stdin>:10:42: info[upgrade]: 'attribute: true'"));
  EXPECT_THAT(run.err, HasSubstr("<stdin>:6:20: warning[upgrade-not-done]: this cookie parameter"));
  // Its output upgrades to itself, and says nothing.
  const auto again = run_cli({"fmt", "--to-version", "3.2"}, run.out);
  ASSERT_EQ(again.exit_code, 0) << again;
  EXPECT_EQ(again.out, run.out);
  EXPECT_EQ(again.err, "");

  const auto v30 = run_cli({"fmt", "--to-version", "3.2"},
                           "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\n");
  EXPECT_EQ(v30.exit_code, 1) << v30;
  EXPECT_THAT(v30.err, HasSubstr("error[upgrade-from-3.0]"));
  EXPECT_EQ(v30.out, "");
  EXPECT_EQ(run_cli({"fmt", "--to-version", "3.1"}, document).exit_code, 2);
}

TEST(CliModel, ReadsYamlAndReportsAtYamlPositionsWithAQuotingHint) {
  const auto run = run_cli({"model", "Info"}, "title: Pets\nversion: 1.0\n");
  EXPECT_EQ(run.exit_code, 1) << run;
  EXPECT_THAT(run.err, HasSubstr("<stdin>:2:10: version: Input should be a valid string"));
  EXPECT_THAT(run.err, HasSubstr("put it in quotes (\"1.0\")"));
  const auto valid = run_cli({"model", "Info"}, "title: Pets\nversion: '1.0'\n");
  EXPECT_EQ(valid.exit_code, 0) << valid;
  EXPECT_EQ(valid.out, "{\"title\":\"Pets\",\"version\":\"1.0\"}\n");
}

}  // namespace
}  // namespace oaskit
