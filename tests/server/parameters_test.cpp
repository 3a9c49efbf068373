// Parameters as declared: each location and style, conversion by schema type, constraints,
// and FastAPI's 422 body listing every problem at once.

#include <gtest/gtest.h>

#include "server/server_test_support.hpp"

namespace oaskit::test {
namespace {

using server::In;
using server::Request;
using server::Response;

const char* const parameters_document = R"(
openapi: 3.1.0
info: {title: Parameters, version: "1"}
components:
  parameters:
    Limit: {name: limit, in: query, schema: {type: integer, minimum: 1, maximum: 100, default: 20}}
paths:
  /items:
    get:
      operationId: listItems
      parameters:
        - $ref: '#/components/parameters/Limit'
        - {name: tags, in: query, schema: {type: array, items: {type: string}}}
        - {name: ids, in: query, explode: false, schema: {type: array, items: {type: integer}, maxItems: 3}}
        - {name: pipes, in: query, style: pipeDelimited, explode: false, schema: {type: array, items: {type: string}}}
        - {name: flag, in: query, schema: {type: boolean}}
        - {name: ratio, in: query, schema: {type: number, exclusiveMinimum: 0, exclusiveMaximum: 1}}
        - {name: sort, in: query, schema: {type: string, enum: [asc, desc]}}
        - {name: code, in: query, schema: {type: string, minLength: 2, maxLength: 4, pattern: '^[a-z]+$'}}
        - {name: X-Trace, in: header, schema: {type: array, items: {type: integer}}}
        - {name: X-Mode, in: header, schema: {type: string}}
        - {name: theme, in: cookie, schema: {type: string}}
        - {name: filter, in: query, content: {application/json: {schema: {type: object}}}}
      responses: {"200": {description: ok}}
  /items/{itemId}/parts/{part}:
    parameters:
      - {name: itemId, in: path, required: true, schema: {type: integer}}
    get:
      operationId: getPart
      parameters:
        - {name: part, in: path, required: true, schema: {type: string, minLength: 2}}
        - {name: count, in: query, required: true, schema: {type: integer}}
      responses: {"200": {description: ok}}
)";

// A server whose handlers hand back what they read, as JSON.
class Parameters : public ::testing::Test {
 protected:
  void SetUp() override {
    server_.server().handle("listItems", [this](const Request& req) {
      seen_ = boost::json::object{
          {"limit", req.query<std::int64_t>("limit").value_or(-1)},
          {"tags", boost::json::value_from(req.query<std::vector<std::string>>("tags").value_or(
                       std::vector<std::string>{}))},
          {"ids", boost::json::value_from(req.query<std::vector<std::int64_t>>("ids").value_or(
                      std::vector<std::int64_t>{}))},
          {"pipes", boost::json::value_from(req.query<std::vector<std::string>>("pipes").value_or(
                        std::vector<std::string>{}))},
          {"flag", req.query<bool>("flag") ? boost::json::value(*req.query<bool>("flag"))
                                           : boost::json::value(nullptr)},
          {"ratio", req.query<double>("ratio").value_or(-1.0)},
          {"trace",
           boost::json::value_from(req.header<std::vector<std::int64_t>>("X-Trace").value_or(
               std::vector<std::int64_t>{}))},
          {"mode", req.header<std::string>("X-Mode").value_or("")},
          {"theme", req.cookie<std::string>("theme").value_or("")},
          {"filter", req.query<boost::json::value>("filter").value_or(nullptr)},
      };
      return Response::json(seen_);
    });
    server_.server().handle("getPart", [](const Request& req) {
      return Response::json({{"itemId", req.path<std::int64_t>("itemId")},
                             {"part", req.path<std::string>("part")},
                             {"count", *req.query<std::int64_t>("count")}});
    });
  }

  InMemoryServer server_{parameters_document};
  boost::json::object seen_;
};

TEST_F(Parameters, EveryStyleAndType_ReachesTheHandlerConverted) {
  auto answer = server_.call(
      "GET",
      "/items?limit=5&tags=a&tags=b%20c&ids=1,2,3&pipes=x|y&flag=true&ratio=0.5"
      "&filter=%7B%22a%22%3A1%7D",
      {{"X-Trace", "7, 8"}, {"X-Trace", "9"}, {"X-Mode", " fast "}, {"Cookie", "a=1; theme=dark"}});
  ASSERT_EQ(answer.status, 200) << answer;
  EXPECT_EQ(answer.json(), boost::json::parse(R"({"limit":5,"tags":["a","b c"],"ids":[1,2,3],
      "pipes":["x","y"],"flag":true,"ratio":0.5,"trace":[7,8,9],"mode":"fast","theme":"dark",
      "filter":{"a":1}})"));
}

TEST_F(Parameters, AnAbsentParameter_TakesItsSchemasDefault_OrIsAbsent) {
  auto answer = server_.call("GET", "/items");
  ASSERT_EQ(answer.status, 200) << answer;
  EXPECT_EQ(answer.json().at("limit"), 20);
  EXPECT_EQ(answer.json().at("flag"), nullptr);
  EXPECT_EQ(answer.json().at("tags"), boost::json::array{});
}

TEST_F(Parameters, PathParameters_AreDecodedAndConverted_FromPathItemAndOperation) {
  auto answer = server_.call("GET", "/items/42/parts/wheel%20nut?count=3");
  ASSERT_EQ(answer.status, 200) << answer;
  EXPECT_EQ(answer.json(), boost::json::parse(R"({"itemId":42,"part":"wheel nut","count":3})"));
}

// Found by fuzz/request_fuzz.cpp: a 422 quotes the input, which may be any bytes once
// percent-decoded; the body stays JSON (UTF-8) with U+FFFD for the bytes that are not.
TEST_F(Parameters, A422QuotingBytesThatAreNotUtf8_IsStillJson) {
  auto answer = server_.call("GET", "/items/%FFx/parts/ab?count=1");
  ASSERT_EQ(answer.status, 422) << answer;
  boost::system::error_code ec;
  const auto body = boost::json::parse(answer.body, ec);
  ASSERT_FALSE(ec) << answer.body;
  EXPECT_EQ(body.at("detail").at(0).at("input"), "\uFFFDx");
}

TEST_F(Parameters, AMissingRequiredParameter_IsA422InFastAPIsShape) {
  auto answer = server_.call("GET", "/items/1/parts/ab");
  ASSERT_EQ(answer.status, 422) << answer;
  EXPECT_EQ(answer.content_type, "application/json");
  EXPECT_EQ(answer.json(), boost::json::parse(R"({"detail":[{"type":"missing",
      "loc":["query","count"],"msg":"Field required","input":null}]})"));
}

TEST_F(Parameters, EveryProblem_IsReportedAtOnce_WithPydanticsTypesMessagesAndContext) {
  auto answer = server_.call("GET", "/items/x/parts/a?count=1.5");
  ASSERT_EQ(answer.status, 422) << answer;
  EXPECT_EQ(answer.json(), boost::json::parse(R"({"detail":[
    {"type":"int_parsing","loc":["path","itemId"],
     "msg":"Input should be a valid integer, unable to parse string as an integer","input":"x"},
    {"type":"string_too_short","loc":["path","part"],
     "msg":"String should have at least 2 characters","input":"a","ctx":{"min_length":2}},
    {"type":"int_parsing","loc":["query","count"],
     "msg":"Input should be a valid integer, unable to parse string as an integer","input":"1.5"}
  ]})"));
}

struct BadValue {
  std::string query;
  std::string expected;  // the one error, as JSON
};

class ParameterConstraint : public Parameters, public ::testing::WithParamInterface<BadValue> {};

TEST_P(ParameterConstraint, IsA422NamingTheConstraint) {
  auto answer = server_.call("GET", "/items?" + GetParam().query);
  ASSERT_EQ(answer.status, 422) << answer;
  EXPECT_EQ(answer.json(), boost::json::parse(R"({"detail":[)" + GetParam().expected + "]}"))
      << answer;
}

INSTANTIATE_TEST_SUITE_P(
    Each, ParameterConstraint,
    ::testing::Values(BadValue{"limit=0", R"({"type":"greater_than_equal","loc":["query","limit"],
          "msg":"Input should be greater than or equal to 1","input":"0","ctx":{"ge":1}})"},
                      BadValue{"limit=101", R"({"type":"less_than_equal","loc":["query","limit"],
          "msg":"Input should be less than or equal to 100","input":"101","ctx":{"le":100}})"},
                      BadValue{"ratio=0", R"({"type":"greater_than","loc":["query","ratio"],
          "msg":"Input should be greater than 0","input":"0","ctx":{"gt":0}})"},
                      BadValue{"ratio=1", R"({"type":"less_than","loc":["query","ratio"],
          "msg":"Input should be less than 1","input":"1","ctx":{"lt":1}})"},
                      BadValue{"ratio=abc", R"({"type":"float_parsing","loc":["query","ratio"],
          "msg":"Input should be a valid number, unable to parse string as a number",
          "input":"abc"})"},
                      BadValue{"flag=maybe", R"({"type":"bool_parsing","loc":["query","flag"],
          "msg":"Input should be a valid boolean, unable to interpret input","input":"maybe"})"},
                      BadValue{"sort=up", R"({"type":"enum","loc":["query","sort"],
          "msg":"Input should be 'asc' or 'desc'","input":"up",
          "ctx":{"expected":"'asc' or 'desc'"}})"},
                      BadValue{"code=abcde", R"({"type":"string_too_long","loc":["query","code"],
          "msg":"String should have at most 4 characters","input":"abcde",
          "ctx":{"max_length":4}})"},
                      BadValue{"code=AB",
                               R"({"type":"string_pattern_mismatch","loc":["query","code"],
          "msg":"String should match pattern '^[a-z]+$'","input":"AB",
          "ctx":{"pattern":"^[a-z]+$"}})"},
                      BadValue{"ids=1,x", R"({"type":"int_parsing","loc":["query","ids",1],
          "msg":"Input should be a valid integer, unable to parse string as an integer",
          "input":"x"})"},
                      BadValue{"ids=1,2,3,4", R"({"type":"too_long","loc":["query","ids"],
          "msg":"List should have at most 3 items after validation, not 4",
          "input":["1","2","3","4"],
          "ctx":{"field_type":"List","max_length":3,"actual_length":4}})"},
                      BadValue{"filter=%7Bx", R"({"type":"json_invalid","loc":["query","filter"],
          "msg":"Invalid JSON: syntax error","input":"{x"})"}));

TEST_F(Parameters, StringLengths_CountCodePointsNotBytes) {
  auto answer = server_.call("GET", "/items/1/parts/%C3%A9?count=1");  // "é": 2 bytes, 1 char
  ASSERT_EQ(answer.status, 422) << answer;
  EXPECT_EQ(answer.json().at("detail").at(0).at("type"), "string_too_short");
}

TEST_F(Parameters, ABooleanTakesPydanticsWords_InAnyCase) {
  for (const auto* word : {"true", "TRUE", "1", "yes", "on", "t", "y"}) {
    auto answer = server_.call("GET", std::string("/items?flag=") + word);
    ASSERT_EQ(answer.status, 200) << word << ": " << answer;
    EXPECT_EQ(answer.json().at("flag"), true) << word;
  }
  EXPECT_EQ(server_.call("GET", "/items?flag=Off").json().at("flag"), false);
}

TEST_F(Parameters, ARepeatedSingleQueryParameter_TakesTheLastValue_AsFastAPIDoes) {
  EXPECT_EQ(server_.call("GET", "/items?limit=3&limit=4").json().at("limit"), 4);
}

TEST_F(Parameters, AskingForAParameterTheOperationDoesNotDeclare_IsAProgrammingError) {
  server_.server().handle("listItems", [](const Request& req) {
    EXPECT_THROW((void)req.query<std::string>("nope"), std::out_of_range);
    EXPECT_THROW((void)req.query<std::string>("limit"), std::invalid_argument);
    return Response::empty();
  });
  EXPECT_EQ(server_.call("GET", "/items").status, 204);
}

TEST(ParameterStyles, AStyleTheServerDoesNotRead_IsAWarningAtStart_NamingHowItIsRead) {
  auto document = document_from(R"(
openapi: 3.1.0
info: {title: t, version: "1"}
paths:
  /items/{id}:
    get:
      parameters:
        - {name: id, in: path, required: true, style: label, schema: {type: string}}
        - {name: filter, in: query, style: deepObject, schema: {type: object}}
        - {name: tags, in: query, style: pipeDelimited, schema: {type: array}}
      responses: {"204": {description: none}}
)");
  server::Server server(*document);
  ASSERT_TRUE(server.prepare());
  std::vector<std::string> messages;
  for (const auto& w : server.warnings()) {
    if (w.rule == "server-parameter-style") messages.push_back(w.message);
  }
  EXPECT_EQ(messages, (std::vector<std::string>{
                          "parameter 'id': style 'label' is not supported here; it is read as "
                          "style 'simple'",
                          "parameter 'filter': style 'deepObject' is not supported here; it is "
                          "read as style 'form'"}));
}

// OpenAPI 3.2's `in: querystring`: the whole query string is one value, read by its media
// type: a form's fields as an object (converted as the schema's properties say), JSON as its
// value, anything else as the decoded text; and checked against its schema.
const char* const querystring_document = R"(
openapi: 3.2.0
info: {title: Querystring, version: "1"}
paths:
  /search:
    get:
      operationId: search
      parameters:
        - name: form
          in: querystring
          content:
            application/x-www-form-urlencoded:
              schema:
                type: object
                properties: {q: {type: string}, page: {type: integer, minimum: 1}}
                required: [q]
      responses: {"200": {description: ok}}
  /select:
    get:
      operationId: select
      parameters:
        - name: selector
          in: querystring
          content: {application/json: {schema: {type: object, required: [field]}}}
      responses: {"200": {description: ok}}
  /path:
    get:
      operationId: jsonPath
      parameters:
        - {name: expression, in: querystring, content: {text/plain: {schema: {type: string}}}}
      responses: {"200": {description: ok}}
)";

class Querystring : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const auto& [operation, name] :
         {std::pair{"search", "form"}, std::pair{"select", "selector"},
          std::pair{"jsonPath", "expression"}}) {
      server_.server().handle(operation, [name = std::string(name)](const Request& req) {
        const auto* value = req.parameter(In::querystring, name);
        return Response::json(
            boost::json::object{{"value", value != nullptr ? *value : boost::json::value()}});
      });
    }
  }
  InMemoryServer server_{querystring_document};
};

TEST_F(Querystring, AFormQueryStringIsAnObjectConvertedByItsSchema) {
  auto answer = server_.call("GET", "/search?q=red+shoes&page=2&tag=a&tag=b");
  ASSERT_EQ(answer.status, 200) << answer;
  EXPECT_EQ(answer.json(),
            boost::json::parse(R"({"value":{"q":"red shoes","page":2,"tag":["a","b"]}})"));
}

TEST_F(Querystring, AFormThatFailsItsSchemaIsA422AtTheQuerystring) {
  auto answer = server_.call("GET", "/search?page=0");
  ASSERT_EQ(answer.status, 422) << answer;
  const auto detail = answer.json().at("detail").as_array();
  ASSERT_EQ(detail.size(), 2U) << answer;
  for (const auto& problem : detail) {
    EXPECT_EQ(problem.at("loc").as_array().at(0), "querystring") << answer;
    EXPECT_EQ(problem.at("loc").as_array().at(1), "form") << answer;
  }
}

TEST_F(Querystring, AJsonQueryStringIsItsDecodedValue) {
  auto answer = server_.call("GET", "/select?%7B%22field%22%3A%22name%22%7D");
  ASSERT_EQ(answer.status, 200) << answer;
  EXPECT_EQ(answer.json(), boost::json::parse(R"({"value":{"field":"name"}})"));
  auto invalid = server_.call("GET", "/select?%7Bnot-json");
  ASSERT_EQ(invalid.status, 422) << invalid;
  EXPECT_EQ(invalid.json().at("detail").at(0).at("type"), "json_invalid") << invalid;
}

TEST_F(Querystring, AnotherMediaTypeIsTheDecodedText) {
  auto answer = server_.call("GET", "/path?$.a.b%5B1:1%5D");
  ASSERT_EQ(answer.status, 200) << answer;
  EXPECT_EQ(answer.json(), boost::json::parse(R"({"value":"$.a.b[1:1]"})"));
  auto none = server_.call("GET", "/path");
  ASSERT_EQ(none.status, 200) << none;
  EXPECT_EQ(none.json(), boost::json::parse(R"({"value":null})"));
}

}  // namespace
}  // namespace oaskit::test
