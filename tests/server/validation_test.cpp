// Requests checked against the document's schemas (bodies, JSON and form; parameters with their
// whole schema), every problem in one FastAPI-shaped 422; and the development option that
// checks handlers' answers.

#include <gtest/gtest.h>

#include "server/server_test_support.hpp"

namespace oaskit::test {
namespace {

using server::Request;
using server::Response;

const char* const pets_document = R"(
openapi: 3.1.0
info: {title: Pets, version: "1"}
components:
  schemas:
    Pet:
      type: object
      required: [name, kind]
      additionalProperties: false
      properties:
        name: {type: string, minLength: 1}
        kind: {enum: [cat, dog]}
        age: {type: integer, minimum: 0}
        tags: {type: array, items: {$ref: '#/components/schemas/Tag'}, uniqueItems: true}
    Tag: {type: string, pattern: '^\p{Ll}+$'}
paths:
  /pets:
    post:
      operationId: addPet
      requestBody:
        required: true
        content:
          application/json: {schema: {$ref: '#/components/schemas/Pet'}}
          application/x-www-form-urlencoded: {schema: {$ref: '#/components/schemas/Pet'}}
      responses:
        "201":
          description: created
          content: {application/json: {schema: {$ref: '#/components/schemas/Pet'}}}
        default:
          description: error
          content: {application/json: {schema: {type: object, required: [detail]}}}
    get:
      operationId: findPets
      parameters:
        - {name: ids, in: query, explode: false,
           schema: {type: array, items: {type: integer, multipleOf: 2}, uniqueItems: true}}
        - {name: since, in: query, schema: {type: string, format: date}}
        - {name: code, in: query, schema: {anyOf: [{type: string, pattern: '^[A-Z]{3}$'}, {type: string, const: none}]}}
      responses: {"200": {description: ok}}
)";

class Validation : public ::testing::Test {
 protected:
  void SetUp() override {
    server_.server().handle("addPet",
                            [](const Request& req) { return Response::json(req.json(), 201); });
    server_.server().handle("findPets", [](const Request&) { return Response::json({}); });
  }
  InMemoryServer server_{pets_document};
};

TEST_F(Validation, AValidJsonBody_ReachesTheHandler) {
  const auto answer = server_.call("POST", "/pets", {{"Content-Type", "application/json"}},
                                   R"({"name": "Rex", "kind": "dog", "tags": ["good"]})");
  EXPECT_EQ(answer.status, 201) << answer;
}

TEST_F(Validation, AnInvalidJsonBody_IsA422ListingEveryProblemWithBodyLocations) {
  const auto answer =
      server_.call("POST", "/pets", {{"Content-Type", "application/json"}},
                   R"({"name": "", "age": -1, "tags": ["ok", "Bad", "ok"], "colour": "red"})");
  ASSERT_EQ(answer.status, 422) << answer;
  EXPECT_EQ(answer.json(), boost::json::parse(R"({"detail": [
    {"type": "missing", "loc": ["body", "kind"], "msg": "Field required",
     "input": {"name": "", "age": -1, "tags": ["ok", "Bad", "ok"], "colour": "red"}},
    {"type": "string_too_short", "loc": ["body", "name"], "msg": "String should have at least 1 character",
     "input": "", "ctx": {"min_length": 1}},
    {"type": "greater_than_equal", "loc": ["body", "age"], "msg": "Input should be greater than or equal to 0",
     "input": -1, "ctx": {"ge": 0}},
    {"type": "string_pattern_mismatch", "loc": ["body", "tags", 1], "msg": "String should match pattern '^\\p{Ll}+$'",
     "input": "Bad", "ctx": {"pattern": "^\\p{Ll}+$"}},
    {"type": "unique_items", "loc": ["body", "tags"],
     "msg": "must not repeat items: items 0 and 2 are equal", "input": ["ok", "Bad", "ok"]},
    {"type": "extra_forbidden", "loc": ["body", "colour"], "msg": "Extra inputs are not permitted",
     "input": "red"}]})"));
}

TEST_F(Validation, AFormBody_IsCheckedAsAnObjectOfItsFieldsConverted) {
  const auto good =
      server_.call("POST", "/pets", {{"Content-Type", "application/x-www-form-urlencoded"}},
                   "name=Rex&kind=dog&age=3&tags=a&tags=b");
  EXPECT_EQ(good.status, 201) << good;
  const auto bad =
      server_.call("POST", "/pets", {{"Content-Type", "application/x-www-form-urlencoded"}},
                   "name=Rex&kind=cow&age=old");
  ASSERT_EQ(bad.status, 422) << bad;
  const auto body = bad.json();
  const auto& detail = body.at("detail").as_array();
  ASSERT_EQ(detail.size(), 2U) << bad;
  EXPECT_EQ(detail[0].at("loc"), boost::json::parse(R"(["body", "kind"])"));
  EXPECT_EQ(detail[0].at("msg"), "Input should be 'cat' or 'dog'");
  EXPECT_EQ(detail[1].at("loc"), boost::json::parse(R"(["body", "age"])"));
  EXPECT_EQ(detail[1].at("type"), "int_type");
  EXPECT_EQ(detail[1].at("input"), "old");
}

TEST_F(Validation, ParametersAreCheckedWithTheirWholeSchemaAfterDecoding) {
  EXPECT_EQ(server_.call("GET", "/pets?ids=2,4&code=ABC").status, 200);
  EXPECT_EQ(server_.call("GET", "/pets?code=none").status, 200);
  const auto answer = server_.call("GET", "/pets?ids=2,3,2&code=abcd");
  ASSERT_EQ(answer.status, 422) << answer;
  const auto body = answer.json();
  const auto& detail = body.at("detail").as_array();
  ASSERT_GE(detail.size(), 3U) << answer;
  EXPECT_EQ(detail[0].at("loc"), boost::json::parse(R"(["query", "ids", 1])"));
  EXPECT_EQ(detail[0].at("type"), "multiple_of");
  EXPECT_EQ(detail[0].at("input"), "3");  // the text the request carried
  EXPECT_EQ(detail[1].at("loc"), boost::json::parse(R"(["query", "ids"])"));
  EXPECT_EQ(detail[1].at("type"), "unique_items");
  EXPECT_EQ(detail[2].at("loc"), boost::json::parse(R"(["query", "code"])"));
  EXPECT_EQ(detail[2].at("type"), "union");
}

TEST_F(Validation, FormatIsAnAnnotationInRequestsAsTheSpecificationSays) {
  EXPECT_EQ(server_.call("GET", "/pets?since=yesterday").status, 200);
}

TEST(ValidationOptions, ValidateRequestsOff_PassesTheBodyAsItCame) {
  server::ServerOptions options;
  options.validate_requests = false;
  InMemoryServer server(pets_document, options);
  server.server().handle("addPet", [](const Request&) { return Response::json({}, 201); });
  EXPECT_EQ(server.call("POST", "/pets", {{"Content-Type", "application/json"}}, "{}").status, 201);
}

TEST(ValidationOptions, ValidateResponses_TurnsAnUndocumentedAnswerIntoA500AndLogsWhy) {
  std::vector<std::string> log;
  server::ServerOptions options;
  options.validate_responses = true;
  options.access_log = [&](std::string_view line) { log.emplace_back(line); };
  InMemoryServer server(pets_document, options);
  server.server().handle("addPet", [](const Request& req) {
    if (req.json().as_object().at("name") == "wrong") {
      return Response::json({{"name", 7}, {"kind", "dog"}}, 201);
    }
    return Response::json(req.json(), 201);
  });
  const auto good = server.call("POST", "/pets", {{"Content-Type", "application/json"}},
                                R"({"name": "Rex", "kind": "dog"})");
  EXPECT_EQ(good.status, 201) << good;
  const auto bad = server.call("POST", "/pets", {{"Content-Type", "application/json"}},
                               R"({"name": "wrong", "kind": "dog"})");
  EXPECT_EQ(bad.status, 500) << bad;
  EXPECT_EQ(bad.json(), boost::json::parse(R"({"detail": "Internal Server Error"})"));
  // The 422 of a bad request is the server's own answer, documented or not.
  EXPECT_EQ(server.call("POST", "/pets", {{"Content-Type", "application/json"}}, "{}").status, 422);
}

TEST(ValidationOptions, ValidateResponses_Off_LetsAnyAnswerThrough) {
  InMemoryServer server(pets_document);
  server.server().handle("addPet", [](const Request&) {
    return Response::json({{"name", 7}}, 201);
  });
  EXPECT_EQ(server
                .call("POST", "/pets", {{"Content-Type", "application/json"}},
                      R"({"name": "Rex", "kind": "dog"})")
                .status,
            201);
}

TEST(ValidationOptions, AMalformedKeyword_IsAWarningAndTheRestIsChecked) {
  const char* const document = R"(
openapi: 3.1.0
info: {title: t, version: "1"}
paths:
  /n:
    post:
      operationId: n
      requestBody:
        content:
          application/json: {schema: {type: number, minimum: 0, exclusiveMinimum: true}}
      responses: {"200": {description: ok}}
)";
  InMemoryServer server(document);
  server.server().handle("n", [](const Request&) { return Response::json({}); });
  ASSERT_TRUE(server.ready());
  bool warned = false;
  for (const auto& d : server.server().warnings()) {
    warned = warned || (d.rule == "server-schema" &&
                        d.message.find("exclusiveMinimum must be a number") != std::string::npos);
  }
  EXPECT_TRUE(warned);
  EXPECT_EQ(server.call("POST", "/n", {{"Content-Type", "application/json"}}, "-1").status, 422);
  EXPECT_EQ(server.call("POST", "/n", {{"Content-Type", "application/json"}}, "0").status, 200);
}

TEST(ValidationOptions, ASchemaThatDoesNotCompile_StopsTheServerWithItsPlace) {
  const char* const document = R"(
openapi: 3.1.0
info: {title: t, version: "1"}
paths:
  /n:
    post:
      operationId: n
      requestBody:
        content:
          application/json: {schema: {$ref: '#/components/schemas/A'}}
      responses: {"200": {description: ok}}
components:
  schemas:
    A: {$ref: '#/components/schemas/B'}
    B: {allOf: [{$ref: '#/components/schemas/A'}]}
)";
  auto loaded = document_from(document);
  ASSERT_TRUE(loaded);
  server::Server server(*loaded);
  const auto prepared = server.prepare();
  ASSERT_FALSE(prepared);
  EXPECT_NE(to_string(prepared.errors().front()).find("validating would never end"),
            std::string::npos)
      << to_string(prepared.errors().front());
}

}  // namespace
}  // namespace oaskit::test
