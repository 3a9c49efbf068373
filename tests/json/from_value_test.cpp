// from_value<T> reads a boost::json::value with the reader parse<T> uses on text: the same
// models, the same errors (their loc, type and message), without positions.

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <string>
#include <string_view>

#include "oaskit/json.hpp"
#include "oaskit/model_by_name.hpp"
#include "oaskit/models.hpp"
#include "support/test_support.hpp"

namespace oaskit {
namespace {

using test::describe;

/// Reads `json` both ways as T; both must agree on the model or on every error.
template <class T>
void expect_same_reading(std::string_view json) {
  const auto from_text = parse<T>(json);
  const auto read = from_value<T>(boost::json::parse(json));
  ASSERT_EQ(bool(from_text), bool(read)) << json;
  if (from_text) {
    EXPECT_TRUE(*from_text == *read) << json;
    return;
  }
  const Errors& want = from_text.errors();
  const Errors& got = read.errors();
  ASSERT_EQ(got.size(), want.size()) << describe(got) << "\nwant:" << describe(want);
  for (std::size_t i = 0; i < want.size(); ++i) {
    EXPECT_EQ(got[i].loc, want[i].loc) << i;
    EXPECT_EQ(got[i].type, want[i].type) << i;
    EXPECT_EQ(got[i].msg, want[i].msg) << i;
    EXPECT_FALSE(got[i].position) << "no text, so no position";
  }
}

TEST(FromValue, ReadsWhatParseReads) {
  expect_same_reading<OpenAPI>(R"({"openapi": "3.1.0", "info": {"title": "t", "version": "1"},
    "paths": {"/pets/{id}": {"get": {"parameters": [{"name": "id", "in": "path",
    "required": true, "schema": {"type": "integer", "minimum": 1, "maximum": 1.5e3}}],
    "responses": {"200": {"description": "ok", "content": {"application/json": {"schema":
    {"$ref": "#/components/schemas/Pet"}}}}}}}},
    "components": {"schemas": {"Pet": {"type": ["object", "null"], "required": ["id"],
    "properties": {"id": {"type": "integer", "format": "int64", "default": -9223372036854775807},
    "big": {"const": 18446744073709551615}, "tags": {"type": "array", "items": true}},
    "x-extra": {"a": [1, 2.5, null, false]}}},
    "securitySchemes": {"oauth": {"type": "oauth2", "flows": {"clientCredentials":
    {"tokenUrl": "https://a.example/token", "scopes": {"read": "r"}}}},
    "bearer": {"type": "http", "scheme": "BEARER"}}}})");
}

TEST(FromValue, GivesTheErrorsParseGives) {
  expect_same_reading<Info>(R"({"title": 1, "version": "1", "contact": {"email": "no"}})");
  expect_same_reading<Schema>(R"({"minLength": -1, "multipleOf": 0, "maxItems": 1.5,
    "type": "text", "required": "id", "properties": [], "maxLength": 18446744073709551615})");
  expect_same_reading<SecurityScheme>(R"({"type": "oauth2", "flows": {"implicit": {}}})");
  expect_same_reading<SecurityScheme>(R"({"type": 7})");
  expect_same_reading<SecurityScheme>(R"({"name": "x"})");
  expect_same_reading<OrReference<Parameter>>(R"({"$ref": 5})");
  expect_same_reading<Parameter>(R"([1, 2])");
  expect_same_reading<Any>(R"({"a": [1, {"b": null}]})");
}

TEST(FromValue, ReadAsByName_WritesTheModel) {
  const auto out = read_as("Info", boost::json::parse(R"({"version": "1", "title": "t"})"));
  ASSERT_TRUE(out && *out);
  EXPECT_EQ(**out, R"({"title":"t","version":"1"})");
  EXPECT_FALSE(read_as("NoSuchModel", boost::json::value()));
  const auto bad = read_as("Info", boost::json::parse(R"({"title": "t"})"));
  ASSERT_TRUE(bad);
  ASSERT_FALSE(*bad);
  EXPECT_EQ(bad->errors().front().type, "missing");
}

}  // namespace
}  // namespace oaskit
