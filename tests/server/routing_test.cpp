// Requests against the document's paths: 404, 405 with Allow, HEAD from GET, OPTIONS, bodies
// (415, 413, 400 with line:column, missing), handlers bound by operationId, mocks.

#include <gtest/gtest.h>

#include "oaskit/models.hpp"
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
    Pet: {type: object, example: {id: 1, name: Rex}}
  examples:
    Tom: {summary: a cat, value: {id: 2, name: Tom}}
  responses:
    PetList:
      description: pets
      content:
        application/json:
          examples:
            first: {$ref: '#/components/examples/Tom'}
paths:
  /pets:
    get:
      operationId: listPets
      responses: {"200": {$ref: '#/components/responses/PetList'}}
    post:
      operationId: createPet
      requestBody:
        required: true
        content:
          application/json: {schema: {$ref: '#/components/schemas/Pet'}}
          application/merge-patch+json: {}
      responses:
        "201":
          description: created
          content: {application/json: {schema: {$ref: '#/components/schemas/Pet'}}}
  /pets/{petId}:
    get:
      operationId: getPet
      responses:
        "200":
          description: a pet
          content:
            text/plain: {example: plain}
            application/hal+json: {example: {id: 3}}
    delete:
      operationId: deletePet
      responses: {"204": {description: gone}}
    patch:
      responses: {"200": {description: no example, content: {application/json: {}}}}
  /photos:
    put:
      operationId: putPhoto
      requestBody:
        content: {image/*: {}}
      responses: {"2XX": {description: ok, content: {application/json: {example: [1]}}}}
)";

TEST(Routing, UnknownPaths_Are404_AndKnownPathsWithAnotherMethod_Are405WithAllow) {
  InMemoryServer server(pets_document);
  auto missing = server.call("GET", "/dogs");
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(missing.json(), boost::json::parse(R"({"detail":"Not Found"})"));
  auto refused = server.call("PUT", "/pets/1");
  EXPECT_EQ(refused.status, 405);
  EXPECT_EQ(refused.header("Allow"), "GET, DELETE, PATCH, HEAD, OPTIONS");
  EXPECT_EQ(refused.json(), boost::json::parse(R"({"detail":"Method Not Allowed"})"));
}

TEST(Routing, HEAD_IsServedByGET_WithoutABody) {
  InMemoryServer server(pets_document);
  auto head = server.call("HEAD", "/pets");
  EXPECT_EQ(head.status, 200);
  EXPECT_TRUE(head.body.empty());
}

TEST(Routing, OPTIONS_IsAnsweredWithAllow) {
  InMemoryServer server(pets_document);
  auto options = server.call("OPTIONS", "/pets");
  EXPECT_EQ(options.status, 204);
  EXPECT_EQ(options.header("Allow"), "GET, POST, HEAD, OPTIONS");
  EXPECT_EQ(server.call("OPTIONS", "*").status, 204);
}

TEST(Routing, ATargetThatIsNotAPath_IsA400) {
  InMemoryServer server(pets_document);
  EXPECT_EQ(server.call("GET", "http://example.com/pets").status, 400);
  EXPECT_EQ(server.call("GET", "/pets/%zz").status, 400);
}

TEST(Mocks, AnUnboundOperation_AnswersItsFirstSuccessExample_FollowingReferences) {
  InMemoryServer server(pets_document);
  auto list = server.call("GET", "/pets");
  EXPECT_EQ(list.status, 200);
  EXPECT_EQ(list.content_type, "application/json");
  EXPECT_EQ(list.json(), boost::json::parse(R"({"id":2,"name":"Tom"})"));
}

TEST(Mocks, TheFirstJsonMediaTypeIsChosen_AndASchemaExampleServes) {
  InMemoryServer server(pets_document);
  auto pet = server.call("GET", "/pets/3");
  EXPECT_EQ(pet.content_type, "application/hal+json");
  EXPECT_EQ(pet.json(), boost::json::parse(R"({"id":3})"));
  auto created = server.call("POST", "/pets", {{"Content-Type", "application/json"}}, "{}");
  EXPECT_EQ(created.status, 201);
  EXPECT_EQ(created.json(), boost::json::parse(R"({"id":1,"name":"Rex"})"));
}

TEST(Mocks, A2xxWithoutContent_AnswersItsStatus_And2XXAnswers200) {
  InMemoryServer server(pets_document);
  EXPECT_EQ(server.call("DELETE", "/pets/3").status, 204);
  auto photo = server.call("PUT", "/photos", {{"Content-Type", "image/png"}}, "PNG");
  EXPECT_EQ(photo.status, 200);
  EXPECT_EQ(photo.body, "[1]");
}

TEST(Mocks, WithoutAnExample_TheAnswerIs501) {
  InMemoryServer server(pets_document);
  auto answer = server.call("PATCH", "/pets/3");
  EXPECT_EQ(answer.status, 501);
  EXPECT_EQ(answer.json(), boost::json::parse(R"({"detail":"Not Implemented"})"));
}

TEST(Bodies, AMediaTypeTheOperationDoesNotDeclare_Is415_AndWildcardsMatch) {
  InMemoryServer server(pets_document);
  auto refused = server.call("POST", "/pets", {{"Content-Type", "text/plain"}}, "hi");
  EXPECT_EQ(refused.status, 415);
  EXPECT_EQ(refused.json().at("detail"),
            "Unsupported media type 'text/plain': this operation accepts application/json, "
            "application/merge-patch+json");
  EXPECT_EQ(server.call("PUT", "/photos", {{"Content-Type", "text/plain"}}, "x").status, 415);
  EXPECT_EQ(
      server.call("POST", "/pets", {{"Content-Type", "Application/JSON; charset=utf-8"}}, "{}")
          .status,
      201);
}

// Found by fuzz/request_fuzz.cpp: an answer that quotes what the client sent must still be
// JSON, which is UTF-8; bytes that are not become U+FFFD.
TEST(Bodies, AnAnswerQuotingBytesThatAreNotUtf8_IsStillJson) {
  InMemoryServer server(pets_document);
  auto refused = server.call("POST", "/pets", {{"Content-Type", "text/\x9F\x8Bplain"}}, "hi");
  EXPECT_EQ(refused.status, 415);
  boost::system::error_code ec;
  const auto body = boost::json::parse(refused.body, ec);
  ASSERT_FALSE(ec) << refused.body;
  EXPECT_NE(body.at("detail").as_string().find("text/\uFFFD\uFFFDplain"), std::string::npos);
}

TEST(Bodies, MalformedJson_Is400WithLineAndColumn) {
  InMemoryServer server(pets_document);
  auto answer =
      server.call("POST", "/pets", {{"Content-Type", "application/json"}}, "{\n  \"a\": tru\n}");
  EXPECT_EQ(answer.status, 400);
  const std::string detail(answer.json().at("detail").as_string());
  EXPECT_NE(detail.find("line 2, column"), std::string::npos) << detail;
}

TEST(Bodies, AMissingRequiredBody_IsA422AtBody) {
  InMemoryServer server(pets_document);
  auto answer = server.call("POST", "/pets");
  EXPECT_EQ(answer.status, 422);
  EXPECT_EQ(
      answer.json(),
      boost::json::parse(
          R"({"detail":[{"type":"missing","loc":["body"],"msg":"Field required","input":null}]})"));
}

TEST(Bodies, ABodyOverTheLimit_Is413) {
  server::ServerOptions options;
  options.limits.max_body_bytes = 8;
  InMemoryServer server(pets_document, options);
  EXPECT_EQ(
      server.call("POST", "/pets", {{"Content-Type", "application/json"}}, "[1,2,3,4,5,6]").status,
      413);
}

TEST(Bodies, TheHandlerGetsTheParsedJson_AndTheValidatorHookSeesItFirst) {
  server::ServerOptions options;
  options.validate_body = [](std::string_view operation_id, std::string_view media_type,
                             const boost::json::value& body) {
    std::vector<server::ValidationError> problems;
    if (operation_id == "createPet" && media_type == "application/json" &&
        !body.as_object().contains("name")) {
      problems.push_back({.type = "missing",
                          .loc = {std::string("body"), std::string("name")},
                          .msg = "Field required",
                          .input = body,
                          .ctx = {}});
    }
    return problems;
  };
  InMemoryServer server(pets_document, options);
  server.server().handle("createPet", [](const Request& req) {
    return Response::json({{"got", req.json().at("name")}}, 201);
  });
  auto refused = server.call("POST", "/pets", {{"Content-Type", "application/json"}}, "{}");
  EXPECT_EQ(refused.status, 422);
  EXPECT_EQ(refused.json().at("detail").at(0).at("loc"), boost::json::parse(R"(["body","name"])"));
  auto created =
      server.call("POST", "/pets", {{"Content-Type", "application/json"}}, R"({"name":"Rex"})");
  EXPECT_EQ(created.status, 201);
  EXPECT_EQ(created.body, R"({"got":"Rex"})");
}

TEST(Handlers, AnIdTheDocumentLacks_IsAnErrorAtStart_ListingTheIdsItHas) {
  auto document = document_from(pets_document);
  server::Server server(*document);
  server.handle("listPet", [](const Request&) { return Response::empty(); });
  auto prepared = server.prepare();
  ASSERT_FALSE(prepared);
  EXPECT_EQ(prepared.errors().front().rule, "server-unknown-operation");
  EXPECT_NE(prepared.errors().front().message.find("'listPet'"), std::string::npos);
  EXPECT_NE(prepared.errors().front().message.find("listPets"), std::string::npos);
}

TEST(Handlers, WhenRequired_AnUnboundOperation_IsAnErrorAtItsPlace) {
  auto document = document_from(pets_document);
  server::Server server(*document, {.require_all_operations_bound = true});
  auto prepared = server.prepare();
  ASSERT_FALSE(prepared);
  EXPECT_EQ(prepared.errors().front().rule, "server-unbound-operation");
  EXPECT_EQ(prepared.errors().front().loc, (Path{"paths", "/pets", "get"}));
}

TEST(Handlers, AnExceptionInAHandler_Is500WithoutItsMessage) {
  InMemoryServer server(pets_document);
  server.server().handle(
      "listPets", [](const Request&) -> Response { throw std::runtime_error("db password"); });
  auto answer = server.call("GET", "/pets");
  EXPECT_EQ(answer.status, 500);
  EXPECT_EQ(answer.body, R"({"detail":"Internal Server Error"})");
}

TEST(Handlers, AModelMadeInCpp_IsServedToo) {
  OpenAPI api{.openapi = "3.1.0", .info = {.title = "C++", .version = "1"}};
  api.paths.emplace();
  api.paths->entries.insert_or_assign(
      "/hello",
      PathItem{.get = Operation{.operationId = "hello",
                                .responses = Responses{
                                    .entries = {{"200", oaskit::Response{.description = "hi"}}}}}});
  server::Server server(api);
  server.handle("hello", [](const Request&) { return Response::json("hi"); });
  ASSERT_TRUE(server.prepare());
  auto answer = server.respond({.method = "GET", .target = "/hello", .headers = {}, .body = {}});
  EXPECT_EQ(answer.body, "\"hi\"");
}

}  // namespace
}  // namespace oaskit::test
