// oaskit::load: reading documents, following their references across files, and refusing
// what must be refused.

#include <gtest/gtest.h>

#include <string>

#include "document/parts.hpp"
#include "oaskit/document.hpp"
#include "oaskit/models.hpp"
#include "support/temp_tree.hpp"
#include "support/test_support.hpp"

namespace oaskit {
namespace {

using test::describe;
using test::loc;
using test::TempTree;

Document loaded(const std::filesystem::path& path, const LoadOptions& options = {}) {
  auto doc = load(path, options);
  if (!doc) {
    ADD_FAILURE() << "load failed:" << describe(doc.errors());
    return {};
  }
  return std::move(*doc);
}

const Diagnostic* find_rule(const Diagnostics& diagnostics, std::string_view rule) {
  for (const auto& d : diagnostics)
    if (d.rule == rule) return &d;
  return nullptr;
}

constexpr std::string_view minimal_head =
    R"("openapi": "3.1.0", "info": {"title": "t", "version": "1"})";

std::string document(std::string_view body) {
  return "{" + std::string(minimal_head) + (body.empty() ? "" : ", ") + std::string(body) + "}";
}

TEST(Load, ReadsTheBundledExampleWithEveryReferenceResolved) {
  auto doc = loaded(OASKIT_SOURCE_DIR "/examples/petstore-oauth.json");
  EXPECT_EQ(doc.minor_version(), "3.1");
  EXPECT_TRUE(doc.problems().empty()) << describe(doc.problems());
  EXPECT_FALSE(doc.refs().empty());
  for (const auto& ref : doc.refs()) EXPECT_NE(ref.target, nullptr) << ref.ref;
}

TEST(Load, ReportsAnUnresolvedReferenceAtTheReferringPlace) {
  TempTree tree;
  const auto root = tree.write("api.json", document(R"("components": {"schemas": {
  "Pet": {"$ref": "#/components/schemas/Pett"}}})"));
  auto doc = loaded(root);
  ASSERT_EQ(doc.problems().size(), 1u) << describe(doc.problems());
  const auto& problem = doc.problems()[0];
  EXPECT_EQ(problem.rule, "ref-unresolved");
  EXPECT_EQ(problem.loc, loc("components", "schemas", "Pet"));
  EXPECT_NE(problem.message.find("no member 'Pett' in components → schemas"), std::string::npos)
      << problem.message;
  ASSERT_TRUE(problem.position);
  EXPECT_EQ(problem.position->line, 2u);
  EXPECT_EQ(problem.file, root.string());
}

TEST(Load, FollowsPointersWithEscapesAndPercentEncoding) {
  TempTree tree;
  const auto root = tree.write("api.json", document(R"(
  "paths": {"/pets/{id}": {"parameters": [{"name": "id", "in": "path", "required": true}]},
            "/a": {"parameters": [{"$ref": "#/paths/~1pets~1%7Bid%7D/parameters/0"}]}},
  "components": {"schemas": {"A~B": {"type": "string"}, "Pet Name": {"type": "string"},
    "X": {"properties": {"a": {"$ref": "#/components/schemas/A~0B"},
                         "b": {"$ref": "#/components/schemas/Pet%20Name"},
                         "c": {"$ref": "#/components/schemas/Pet Name"}}}}})"));
  auto doc = loaded(root);
  EXPECT_TRUE(doc.problems().empty()) << describe(doc.problems());
  ASSERT_EQ(doc.refs().size(), 4u);
  for (const auto& ref : doc.refs()) ASSERT_NE(ref.target, nullptr) << ref.ref;
  const auto* parameter = doc.find_ref(doc.root(), loc("paths", "/a", "parameters", 0));
  ASSERT_NE(parameter, nullptr);
  EXPECT_EQ(parameter->target_loc, loc("paths", "/pets/{id}", "parameters", 0));
  const auto* a = doc.find_ref(doc.root(), loc("components", "schemas", "X", "properties", "a"));
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->target_loc, loc("components", "schemas", "A~B"));
}

TEST(Load, ReadsOtherFilesRelativeToTheReferringFileAndSurvivesCycles) {
  TempTree tree;
  const auto root = tree.write("spec/api.json", document(R"(
  "paths": {"/pets": {"get": {"parameters": [{"$ref": "common/parameters.json#/limit"}],
    "responses": {"200": {"description": "ok", "content": {"application/json": {
      "schema": {"$ref": "models/pet.json"}}}}}}}})"));
  tree.write(
      "spec/common/parameters.json",
      R"({"limit": {"name": "limit", "in": "query", "schema": {"$ref": "../models/pet.json#/properties/age"}}})");
  tree.write("spec/models/pet.json", R"({"type": "object", "properties": {
    "age": {"type": "integer"},
    "parent": {"$ref": "pet.json"},
    "owner": {"$ref": "../api.json#/components/schemas/Owner"}}})");
  auto doc = loaded(root);
  // Owner does not exist: the one problem, reported in the file that names it.
  ASSERT_EQ(doc.problems().size(), 1u) << describe(doc.problems());
  EXPECT_EQ(doc.problems()[0].file, (tree.root() / "spec/models/pet.json").string());
  EXPECT_EQ(doc.problems()[0].loc, loc("properties", "owner"));
  EXPECT_EQ(doc.problems()[0].position->line, 4u);
  EXPECT_EQ(doc.sources().size(), 3u);
}

TEST(Load, ValidatesWhatAnExternalReferencePointsAtAsTheModelItsPlaceWants) {
  TempTree tree;
  const auto root = tree.write("api.json", document(R"(
  "paths": {"/pets": {"get": {"parameters": [{"$ref": "parameters.json#/limit"}]}}})"));
  tree.write("parameters.json", "{\n  \"limit\": {\"name\": \"limit\"}\n}");
  auto doc = loaded(root);
  ASSERT_EQ(doc.problems().size(), 1u) << describe(doc.problems());
  const auto& problem = doc.problems()[0];
  EXPECT_EQ(problem.rule, "missing");
  EXPECT_EQ(problem.loc, loc("limit", "in"));
  EXPECT_EQ(problem.file, (tree.root() / "parameters.json").string());
  EXPECT_EQ(problem.position->line, 2u);
}

TEST(Load, FollowsAPathItemsOwnRefAndValidatesItsTargetAsAPathItem) {
  TempTree tree;
  const auto root = tree.write("api.json", document(R"(
  "paths": {"/pets": {"$ref": "paths/pets.json"}, "/owners": {"$ref": "paths/owners.json"}})"));
  tree.write("paths/pets.json", R"({"get": {"responses": {"200": {"description": "ok"}}}})");
  tree.write("paths/owners.json", "{\n  \"get\": {\"responses\": 1}\n}");
  auto doc = loaded(root);
  const auto* pets = doc.find_ref(doc.root(), loc("paths", "/pets"));
  ASSERT_TRUE(pets && pets->target) << describe(doc.problems());
  EXPECT_EQ(pets->expected, "PathItem");
  EXPECT_TRUE(pets->target_loc.empty());
  ASSERT_EQ(doc.problems().size(), 1u) << describe(doc.problems());
  EXPECT_EQ(doc.problems()[0].file, (tree.root() / "paths/owners.json").string());
  EXPECT_EQ(doc.problems()[0].loc, loc("get", "responses"));
}

TEST(Load, RefusesReferencesThatLeaveTheRootFolderUnlessAllowed) {
  TempTree tree;
  const auto root = tree.write("spec/api.json", document(R"(
  "components": {"schemas": {"Secret": {"$ref": "../outside.json"}}})"));
  tree.write("outside.json", R"({"type": "string"})");
  auto doc = loaded(root);
  const auto* refused = find_rule(doc.problems(), "ref-unresolved");
  ASSERT_NE(refused, nullptr) << describe(doc.problems());
  EXPECT_NE(refused->message.find("outside the root document's folder"), std::string::npos);
  EXPECT_EQ(doc.sources().size(), 1u);

  auto allowed = loaded(root, {.allow_outside_root = true});
  EXPECT_TRUE(allowed.problems().empty()) << describe(allowed.problems());
  EXPECT_EQ(allowed.sources().size(), 2u);
}

TEST(Load, DoesNotFetchRemoteReferencesUnlessAllowed) {
  TempTree tree;
  const auto root = tree.write("api.json", document(R"(
  "components": {"schemas": {"Pet": {"$ref": "http://127.0.0.1:9/pet.json"}}})"));
  auto doc = loaded(root);
  const auto* refused = find_rule(doc.problems(), "ref-unresolved");
  ASSERT_NE(refused, nullptr);
  EXPECT_NE(refused->message.find("--allow-remote-refs"), std::string::npos) << refused->message;
  // Allowed, the fetch is tried (and fails: nothing listens on port 9).
  auto fetched =
      loaded(root, {.allow_remote_refs = true, .remote_timeout = std::chrono::milliseconds(2000)});
  const auto* failed = find_rule(fetched.problems(), "ref-unresolved");
  ASSERT_NE(failed, nullptr);
  EXPECT_NE(failed->message.find("fetching it failed"), std::string::npos) << failed->message;
}

TEST(Load, ResolvesSchemaIdsAndAnchorsIn31) {
  TempTree tree;
  const auto root = tree.write("api.json", document(R"(
  "components": {"schemas": {
    "Pet": {"$id": "https://example.com/schemas/pet", "type": "object",
            "properties": {"tag": {"$anchor": "tag", "type": "string"},
                           "name": {"$ref": "#tag"}}},
    "ByAnchor": {"$ref": "https://example.com/schemas/pet#tag"},
    "ById": {"$ref": "https://example.com/schemas/pet"},
    "Relative": {"$id": "https://example.com/schemas/list", "items": {"$ref": "pet"}}}})"));
  auto doc = loaded(root);
  EXPECT_TRUE(doc.problems().empty()) << describe(doc.problems());
  const auto* by_anchor = doc.find_ref(doc.root(), loc("components", "schemas", "ByAnchor"));
  ASSERT_TRUE(by_anchor && by_anchor->target);
  EXPECT_EQ(by_anchor->target_loc, loc("components", "schemas", "Pet", "properties", "tag"));
  const auto* inside =
      doc.find_ref(doc.root(), loc("components", "schemas", "Pet", "properties", "name"));
  ASSERT_TRUE(inside && inside->target);
  EXPECT_EQ(inside->target_loc, loc("components", "schemas", "Pet", "properties", "tag"));
  const auto* relative =
      doc.find_ref(doc.root(), loc("components", "schemas", "Relative", "items"));
  ASSERT_TRUE(relative && relative->target);
  EXPECT_EQ(relative->target_loc, loc("components", "schemas", "Pet"));
}

TEST(Load, RefusesSwagger2WithAClearMessage) {
  TempTree tree;
  const auto root = tree.write("swagger.json", R"({"swagger": "2.0", "info": {}, "paths": {}})");
  auto doc = load(root);
  ASSERT_FALSE(doc);
  ASSERT_EQ(doc.errors().size(), 1u);
  EXPECT_EQ(doc.errors()[0].rule, "unsupported_version");
  EXPECT_NE(doc.errors()[0].message.find("Swagger 2.0"), std::string::npos);
}

TEST(Load, RefusesOtherOpenApiVersions) {
  TempTree tree;
  const auto root =
      tree.write("api.json", R"({"openapi": "4.0.0", "info": {"title": "t", "version": "1"}})");
  auto doc = load(root);
  ASSERT_FALSE(doc);
  EXPECT_EQ(doc.errors()[0].loc, loc("openapi"));
}

TEST(Load, ReportsModelErrorsOfTheRootWithFileAndPosition) {
  TempTree tree;
  const auto root = tree.write("api.json", "{\"openapi\": \"3.0.3\",\n \"info\": {\"title\": 1}}");
  auto doc = load(root);
  ASSERT_FALSE(doc);
  ASSERT_EQ(doc.errors().size(), 2u) << describe(doc.errors());
  EXPECT_EQ(doc.errors()[0].file, root.string());
  EXPECT_EQ(doc.errors()[0].loc, loc("info", "title"));
  EXPECT_EQ(doc.errors()[0].position->line, 2u);
  EXPECT_EQ(doc.errors()[1].loc, loc("info", "version"));
}

TEST(Load, ReportsAFileThatCannotBeRead) {
  auto doc = load("/nonexistent/api.json");
  ASSERT_FALSE(doc);
  EXPECT_EQ(doc.errors()[0].rule, "io");
}

}  // namespace
}  // namespace oaskit

namespace oaskit {
namespace {

using test::loc;
using test::TempTree;

TEST(LoadRefNotAllowed, FollowsAndReportsARefWhereAStringIsWanted) {
  TempTree tree;
  const auto root = tree.write("api.yaml", R"(openapi: 3.1.0
info:
  title: t
  version: "1"
tags:
  - name: intro
    description:
      $ref: "texts.yaml#/intro"
)");
  tree.write("texts.yaml", "intro: Read this first.\n");
  auto doc = load(root);
  ASSERT_TRUE(doc);
  ASSERT_TRUE(doc->model().tags);
  EXPECT_EQ((*doc->model().tags)[0].description, "Read this first.");
  ASSERT_EQ(doc->problems().size(), 1u);
  EXPECT_EQ(doc->problems()[0].rule, "ref-not-allowed");
  EXPECT_EQ(doc->problems()[0].loc, loc("tags", 0, "description"));
  EXPECT_EQ(doc->problems()[0].position->line, 8u);
}

TEST(LoadRefNotAllowed, FollowsAnOperationRefValidatingItsTarget) {
  TempTree tree;
  const auto root = tree.write("api.yaml", R"(openapi: 3.0.3
info: {title: t, version: "1"}
paths:
  /pets:
    get:
      $ref: "ops/list.yaml"
)");
  tree.write("ops/list.yaml", R"(operationId: listPets
parameters:
  - name: limit
responses:
  "200": {description: ok}
)");
  auto doc = load(root);
  ASSERT_TRUE(doc);
  std::vector<std::string> rules;
  for (const auto& p : doc->problems()) rules.push_back(p.rule + " " + to_json_pointer(p.loc));
  EXPECT_EQ(rules, (std::vector<std::string>{"ref-not-allowed /paths/~1pets/get",
                                             "missing /parameters/0/in"}));
  const auto* ref = doc->find_ref(doc->root(), loc("paths", "/pets", "get"));
  ASSERT_NE(ref, nullptr);
  EXPECT_FALSE(ref->allowed);
  EXPECT_EQ(ref->expected, "Operation");
}

TEST(LoadRefNotAllowed, ResolvesRefsInExtensionsQuietly) {
  TempTree tree;
  const auto root = tree.write("api.json", R"({"openapi": "3.1.0",
    "info": {"title": "t", "version": "1"},
    "x-codeSamples": [{"$ref": "samples/curl.yaml"}, {"$ref": "#/nowhere"}]})");
  tree.write("samples/curl.yaml", "lang: curl\nsource: curl https://example.com\n");
  auto doc = load(root);
  ASSERT_TRUE(doc);
  EXPECT_TRUE(doc->problems().empty());
  const auto* ref = doc->find_ref(doc->root(), loc("x-codeSamples", 0));
  ASSERT_NE(ref, nullptr);
  EXPECT_FALSE(ref->allowed);
  EXPECT_EQ(doc->find_ref(doc->root(), loc("x-codeSamples", 1)), nullptr);  // data
}

}  // namespace
}  // namespace oaskit

#include "support/loopback_server.hpp"

namespace oaskit {
namespace {

using test::loc;
using test::LoopbackServer;
using test::TempTree;

std::string with_remote_schema(const std::string& url) {
  return R"({"openapi": "3.1.0", "info": {"title": "t", "version": "1"},
    "components": {"schemas": {"Pet": {"$ref": ")" +
         url + R"("}}}})";
}

const Diagnostic* first_problem(const Document& doc) {
  return doc.problems().empty() ? nullptr : &doc.problems()[0];
}

TEST(LoadRemote, FetchesAllowedRemoteReferencesOverHttp) {
  LoopbackServer server(
      R"({"Pet": {"type": "object", "properties": {"id": {"type": "integer"}}}})");
  TempTree tree;
  const auto root = tree.write("api.json", with_remote_schema(server.url("/schemas.json#/Pet")));
  auto doc = load(root, {.allow_remote_refs = true});
  ASSERT_TRUE(doc);
  EXPECT_TRUE(doc->problems().empty()) << to_string(*first_problem(*doc));
  ASSERT_EQ(doc->sources().size(), 2u);
  EXPECT_EQ(doc->sources()[1]->uri(), server.url("/schemas.json"));
  EXPECT_EQ(doc->refs()[0].target_loc, loc("Pet"));
}

TEST(LoadRemote, ReportsHttpErrorsTimeoutsAndOversizedResponses) {
  TempTree tree;
  {
    LoopbackServer missing("not here", 404);
    auto doc = load(tree.write("a.json", with_remote_schema(missing.url("/x.json"))),
                    {.allow_remote_refs = true});
    ASSERT_TRUE(doc && first_problem(*doc));
    EXPECT_NE(first_problem(*doc)->message.find("HTTP status 404"), std::string::npos);
  }
  {
    LoopbackServer silent("", 200, /*respond=*/false);
    auto doc = load(tree.write("b.json", with_remote_schema(silent.url("/x.json"))),
                    {.allow_remote_refs = true, .remote_timeout = std::chrono::milliseconds(300)});
    ASSERT_TRUE(doc && first_problem(*doc));
    EXPECT_NE(first_problem(*doc)->message.find("timed out after 300 ms"), std::string::npos)
        << first_problem(*doc)->message;
  }
  {
    LoopbackServer big(std::string(100'000, ' ') + "{}");
    auto doc = load(tree.write("c.json", with_remote_schema(big.url("/x.json"))),
                    {.allow_remote_refs = true, .max_remote_bytes = 10'000});
    ASSERT_TRUE(doc && first_problem(*doc));
    EXPECT_NE(first_problem(*doc)->message.find("larger than 10000 bytes"), std::string::npos)
        << first_problem(*doc)->message;
  }
}

TEST(Load, FollowLeadsThroughChainsOfReferencesAcrossFiles_AndStopsAtLoops) {
  TempTree tree;
  const auto root = tree.write("api.json", document(R"(
  "components": {"schemas": {"A": {"$ref": "#/components/schemas/B"},
                             "B": {"$ref": "models.json#/Pet"},
                             "Loop1": {"$ref": "#/components/schemas/Loop2"},
                             "Loop2": {"$ref": "#/components/schemas/Loop1"},
                             "Gone": {"$ref": "#/components/schemas/Nothing"},
                             "Plain": {"type": "string"}}})"));
  tree.write("models.json", R"({"Pet": {"type": "object"}})");
  auto doc = loaded(root);
  const auto pet = doc.follow(doc.root(), loc("components", "schemas", "A"));
  ASSERT_TRUE(pet);
  EXPECT_EQ(pet->first->name(), (tree.root() / "models.json").string());
  EXPECT_EQ(pet->second, loc("Pet"));
  const auto plain = doc.follow(doc.root(), loc("components", "schemas", "Plain"));
  ASSERT_TRUE(plain);
  EXPECT_EQ(plain->first, &doc.root());
  EXPECT_EQ(plain->second, loc("components", "schemas", "Plain"));
  EXPECT_FALSE(doc.follow(doc.root(), loc("components", "schemas", "Loop1")));
  EXPECT_FALSE(doc.follow(doc.root(), loc("components", "schemas", "Gone")));
}

TEST(Load, SecuritySchemeByName_FollowsItsRef) {
  TempTree tree;
  const auto root = tree.write("api.json", document(R"(
  "components": {"securitySchemes": {
    "key": {"type": "apiKey", "name": "k", "in": "header"},
    "oauth": {"$ref": "security.json#/oauth"},
    "alias": {"$ref": "#/components/securitySchemes/oauth"},
    "broken": {"$ref": "#/components/securitySchemes/none"}}})"));
  tree.write("security.json", R"({"oauth": {"type": "oauth2", "flows": {"clientCredentials":
    {"tokenUrl": "https://auth.example.com/token", "scopes": {"read": "Read"}}}}})");
  auto doc = loaded(root);
  const auto key = doc.security_scheme("key");
  ASSERT_TRUE(key);
  EXPECT_TRUE(std::holds_alternative<APIKey>(*key));
  for (const char* name : {"oauth", "alias"}) {
    const auto oauth = doc.security_scheme(name);
    ASSERT_TRUE(oauth) << name;
    ASSERT_TRUE(std::holds_alternative<OAuth2>(*oauth)) << name;
    EXPECT_EQ(std::get<OAuth2>(*oauth).flows.clientCredentials->tokenUrl,
              "https://auth.example.com/token");
  }
  EXPECT_FALSE(doc.security_scheme("broken"));
  EXPECT_FALSE(doc.security_scheme("missing"));
}

TEST(Load, KeepsWhatItReadFromOtherFiles_AsTheModelsTheirReferencesWant) {
  TempTree tree;
  const auto root = tree.write("api.json", document(R"(
  "components": {"securitySchemes": {"oauth": {"$ref": "security.json#/oauth"}}})"));
  // The description is a Redocly-style $ref: the loader reads what it points at in its place.
  tree.write("security.json", R"({"oauth": {"type": "oauth2", "description": {"$ref": "#/text"},
    "flows": {"clientCredentials": {"tokenUrl": "https://auth.example.com/token",
    "scopes": {}}}}, "text": "Tokens for services"})");
  auto doc = loaded(root);
  ASSERT_EQ(doc.sources().size(), 2U);
  const Source& other = *doc.sources()[1];
  const auto* part = doc.parts().find<OrReference<SecurityScheme>>(other, loc("oauth"));
  ASSERT_NE(part, nullptr);
  ASSERT_TRUE(std::holds_alternative<SecurityScheme>(*part));
  EXPECT_EQ(doc.parts().find<SchemaOrBool>(other, loc("oauth")), nullptr);
  // security_scheme() gives that model, with the substitution, rather than reading the file
  // again (which would fail on the $ref where a string belongs).
  const auto scheme = doc.security_scheme("oauth");
  ASSERT_TRUE(scheme);
  ASSERT_TRUE(std::holds_alternative<OAuth2>(*scheme));
  EXPECT_EQ(std::get<OAuth2>(*scheme).description, "Tokens for services");
}

TEST(Load, ReadsNoPartOfTheRootTwice_ItsModelAnswersForIt) {
  TempTree tree;
  const auto root = tree.write("api.json", document(R"(
  "paths": {"/pets": {"get": {"parameters": [{"$ref": "#/components/parameters/Limit"}],
    "responses": {"200": {"description": "ok", "content": {"application/json": {"schema":
    {"$ref": "#/components/schemas/Pet"}}}}}}}},
  "components": {"parameters": {"Limit": {"name": "limit", "in": "query"}},
    "schemas": {"Pet": {"type": "object"}}, "x-other": {"p": {"name": "x", "in": "header"}}},
  "x-uses": {"$ref": "#/components/x-other/p"})"));
  auto doc = loaded(root);
  const auto& components = *doc.model().components;
  // Targets the root model holds as the model their reference wants: its own objects.
  EXPECT_EQ((detail::model_read_at<OrReference<Parameter>>(
                doc, doc.root(), loc("components", "parameters", "Limit"))),
            components.parameters->find("Limit"));
  EXPECT_EQ(
      detail::model_read_at<Parameter>(doc, doc.root(), loc("components", "parameters", "Limit")),
      &std::get<Parameter>(*components.parameters->find("Limit")));
  EXPECT_EQ(
      detail::model_read_at<SchemaOrBool>(doc, doc.root(), loc("components", "schemas", "Pet")),
      components.schemas->find("Pet"));
  for (const auto& part : doc.parts().all()) {
    EXPECT_FALSE(part.source == &doc.root() && !part.loc.empty() &&
                 part.loc[0] == PathElement("components") && part.loc[1] != PathElement("x-other"))
        << "read again: " << to_string(part.loc);
  }
  // Not a Parameter there, or nothing there.
  EXPECT_EQ(detail::model_read_at<Parameter>(doc, doc.root(), loc("components", "schemas", "Pet")),
            nullptr);
  EXPECT_EQ(
      detail::model_read_at<Parameter>(doc, doc.root(), loc("components", "parameters", "No")),
      nullptr);
  EXPECT_EQ(detail::model_read_at<Schema>(
                doc, doc.root(), loc("paths", "/pets", "get", "parameters", std::size_t{7})),
            nullptr);
}

TEST(Source, LineText_FindsEachLineWhateverItsLineBreak) {
  auto source = read_source("a.yaml", "file:///a.yaml", "a: 1\nb: 2\r\nc: 3\rd: 4\n\ne: é");
  ASSERT_TRUE(source) << describe(source.errors());
  const Source& s = **source;
  EXPECT_EQ(s.line_text(1), "a: 1");
  EXPECT_EQ(s.line_text(2), "b: 2");
  EXPECT_EQ(s.line_text(3), "c: 3");
  EXPECT_EQ(s.line_text(4), "d: 4");
  EXPECT_EQ(s.line_text(5), "");
  EXPECT_EQ(s.line_text(6), "e: é");
  EXPECT_EQ(s.line_text(7), "");
  EXPECT_EQ(s.line_text(0), "");
  EXPECT_EQ(s.line_text(4), "d: 4") << "asked again, from the same index";
}

}  // namespace
}  // namespace oaskit
