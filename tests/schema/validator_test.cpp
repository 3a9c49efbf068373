// The validator's own behaviour beyond the official suite: OpenAPI 3.0's dialect, error
// locations and messages, the output formats, exact numbers, and bad schemas that must fail
// cleanly (reference cycles, catastrophic patterns, deep nesting, remote references).

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "oaskit/models.hpp"
#include "oaskit/schema.hpp"

namespace {

namespace json = boost::json;
using oaskit::schema::CompileOptions;
using oaskit::schema::Dialect;
using oaskit::schema::ValidationError;
using oaskit::schema::Validator;

Validator compiled(std::string_view schema, const CompileOptions& options = {}) {
  auto validator = Validator::compile(json::parse(schema), options);
  if (!validator) {
    ADD_FAILURE() << "does not compile: " << validator.errors().front().msg;
    return *Validator::compile(json::value(true));
  }
  return std::move(*validator);
}

bool valid(const Validator& v, std::string_view instance) {
  const json::value value = json::parse(instance);
  const bool fast = v.is_valid(value);
  EXPECT_EQ(fast, v.validate(value).empty()) << "is_valid and validate disagree on " << instance;
  return fast;
}

CompileOptions oas30() {
  CompileOptions options;
  options.dialect = Dialect::oas3_0;
  return options;
}

TEST(Oas30Dialect, NullableAddsNullToTheType) {
  const auto v = compiled(R"({"type": "string", "nullable": true})", oas30());
  EXPECT_TRUE(valid(v, R"("a")"));
  EXPECT_TRUE(valid(v, "null"));
  EXPECT_FALSE(valid(v, "1"));
  const auto not_nullable = compiled(R"({"type": "string"})", oas30());
  EXPECT_FALSE(valid(not_nullable, "null"));
}

TEST(Oas30Dialect, NullableEnumAcceptsNull) {
  const auto v = compiled(R"({"type": "string", "enum": ["a"], "nullable": true})", oas30());
  EXPECT_TRUE(valid(v, "null"));
  EXPECT_FALSE(valid(v, R"("b")"));
}

TEST(Oas30Dialect, BooleanExclusiveBoundsMakeMinimumAndMaximumExclusive) {
  const auto v = compiled(
      R"({"type": "number", "minimum": 0, "exclusiveMinimum": true,
          "maximum": 10, "exclusiveMaximum": true})",
      oas30());
  EXPECT_FALSE(valid(v, "0"));
  EXPECT_TRUE(valid(v, "0.5"));
  EXPECT_FALSE(valid(v, "10"));
  const auto inclusive =
      compiled(R"({"minimum": 0, "exclusiveMinimum": false, "maximum": 10})", oas30());
  EXPECT_TRUE(valid(inclusive, "0"));
  EXPECT_TRUE(valid(inclusive, "10"));
}

TEST(Oas30Dialect, NumericExclusiveBoundIsASchemaError) {
  const auto v = Validator::compile(json::parse(R"({"exclusiveMinimum": 3})"), oas30());
  ASSERT_FALSE(v);
  EXPECT_NE(v.errors().front().msg.find("must be a boolean"), std::string::npos);
}

TEST(Oas30Dialect, RefReplacesItsSiblings) {
  const auto v = compiled(
      R"({"definitions": {"s": {"type": "string"}}, "properties": {
          "a": {"$ref": "#/definitions/s", "maxLength": 1}}})",
      oas30());
  EXPECT_TRUE(valid(v, R"({"a": "long"})"));  // maxLength beside $ref is ignored in 3.0
  EXPECT_FALSE(valid(v, R"({"a": 1})"));
  const auto v31 = compiled(
      R"({"$defs": {"s": {"type": "string"}}, "properties": {
          "a": {"$ref": "#/$defs/s", "maxLength": 1}}})");
  EXPECT_FALSE(valid(v31, R"({"a": "long"})"));  // 2020-12 applies both
}

TEST(Oas30Dialect, TwentyTwentyKeywordsAreNotKeywords) {
  const auto v = compiled(R"({"const": 1, "prefixItems": [{"type": "string"}]})", oas30());
  EXPECT_TRUE(valid(v, "[2]"));
}

TEST(OpenApiDialect, FollowsTheDocumentsVersion) {
  using oaskit::schema::openapi_dialect;
  EXPECT_EQ(openapi_dialect(json::parse(R"({"openapi": "3.0.3"})")), Dialect::oas3_0);
  EXPECT_EQ(openapi_dialect(json::parse(R"({"openapi": "3.1.0"})")), Dialect::draft2020_12);
  EXPECT_EQ(openapi_dialect(json::parse(
                R"({"openapi": "3.1.0",
                    "jsonSchemaDialect": "https://json-schema.org/draft/2019-09/schema"})")),
            Dialect::draft2019_09);
  EXPECT_EQ(openapi_dialect(json::parse(R"({"openapi": "3.2.0"})")), Dialect::draft2020_12);
  EXPECT_EQ(openapi_dialect(json::parse(
                R"({"openapi": "3.2.0",
                    "jsonSchemaDialect": "https://json-schema.org/draft/2019-09/schema"})")),
            Dialect::draft2019_09);
  EXPECT_EQ(openapi_dialect(json::parse(R"({"openapi": "4.0.0"})")), std::nullopt);
  EXPECT_EQ(openapi_dialect(json::parse(R"({"swagger": "2.0"})")), std::nullopt);
}

TEST(Errors, CarryInstanceKeywordAndAbsoluteLocationsThroughRefs) {
  CompileOptions options;
  options.base_uri = "https://example.com/pet.json";
  const auto v = compiled(
      R"({"$defs": {"name": {"type": "string"}},
          "properties": {"tags": {"type": "array", "items": {"$ref": "#/$defs/name"}}}})",
      options);
  const auto errors = v.validate(json::parse(R"({"tags": ["a", 7]})"));
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_EQ(errors[0].instance_location, "/tags/1");
  EXPECT_EQ(errors[0].keyword_location, "/properties/tags/items/$ref/type");
  EXPECT_EQ(errors[0].absolute_keyword_location, "https://example.com/pet.json#/$defs/name/type");
  EXPECT_EQ(errors[0].keyword, "type");
  EXPECT_EQ(errors[0].type, "string_type");
  EXPECT_EQ(errors[0].message, "must be a string, not an integer");
}

TEST(Errors, EveryFailureIsListedNotJustTheFirst) {
  const auto v = compiled(
      R"({"type": "object", "required": ["a", "b"],
          "properties": {"c": {"type": "integer", "minimum": 5}}})");
  const auto errors = v.validate(json::parse(R"({"c": 1.5})"));
  ASSERT_EQ(errors.size(), 4U);
  EXPECT_EQ(errors[0].missing_property, "a");
  EXPECT_EQ(errors[0].instance_location, "");
  EXPECT_EQ(errors[1].missing_property, "b");
  EXPECT_EQ(errors[2].keyword, "type");
  EXPECT_EQ(errors[3].keyword, "minimum");
  EXPECT_EQ(errors[3].message, "must be at least 5");
}

TEST(Errors, AnyOfListsWhyEachBranchFailed) {
  const auto v = compiled(R"({"anyOf": [{"type": "string"}, {"type": "integer"}]})");
  const auto errors = v.validate(json::parse("1.5"));
  ASSERT_EQ(errors.size(), 3U);
  EXPECT_EQ(errors[0].keyword, "anyOf");
  EXPECT_EQ(errors[1].keyword_location, "/anyOf/0/type");
  EXPECT_EQ(errors[2].keyword_location, "/anyOf/1/type");
}

TEST(Errors, OneOfSaysWhichBranchesMatched) {
  const auto v = compiled(R"({"oneOf": [{"type": "number"}, {"type": "integer"}]})");
  const auto errors = v.validate(json::parse("3"));
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_NE(errors[0].message.find("(0 and 1)"), std::string::npos) << errors[0].message;
}

TEST(Errors, AnyOfBranchErrorsAreListedOnlyWhenNoBranchMatches) {
  const auto v = compiled(
      R"({"properties": {"a": {"anyOf": [{"type": "integer"}, {"type": "string"}]},
                         "b": {"type": "integer"}}})");
  const auto errors = v.validate(json::parse(R"({"a": "x", "b": "y"})"));
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_EQ(errors[0].instance_location, "/b");
  const auto none = v.validate(json::parse(R"({"a": null})"));
  ASSERT_EQ(none.size(), 3U);
  EXPECT_EQ(none[0].keyword_location, "/properties/a/anyOf");
  EXPECT_EQ(none[1].keyword_location, "/properties/a/anyOf/0/type");
  EXPECT_EQ(none[2].keyword_location, "/properties/a/anyOf/1/type");
}

TEST(Errors, TextLivesAsLongAsItsErrorsAndMovesWithThem) {
  // Enough errors for their text to fill several blocks.
  const auto v = compiled(R"({"items": {"type": "string", "title": "a name"}})");
  json::array many;
  for (int i = 0; i < 300; ++i) many.emplace_back(i);
  auto errors = v.validate(many);
  ASSERT_EQ(errors.size(), 300U);
  std::vector<std::string> expected;
  for (const auto& e : errors) {
    expected.push_back(std::string(e.instance_location) + " " + std::string(e.message));
  }
  EXPECT_EQ(expected[299], "/299 must be a string, not an integer");
  auto check = [&](const oaskit::schema::ValidationErrors& list) {
    ASSERT_EQ(list.size(), expected.size());
    for (std::size_t i = 0; i < list.size(); ++i) {
      EXPECT_EQ(std::string(list[i].instance_location) + " " + std::string(list[i].message),
                expected[i]);
    }
  };
  oaskit::schema::ValidationErrors moved = std::move(errors);
  check(moved);
  oaskit::schema::ValidationErrors copy;
  {
    const oaskit::schema::ValidationErrors temporary = moved;
    copy = temporary;
    moved = oaskit::schema::ValidationErrors();  // the original text is gone
  }
  check(copy);
  // What push_back is given is copied: the string it views may go away.
  {
    const std::string message = "written by the caller";
    copy.push_back(ValidationError{.keyword = "x", .message = message});
  }
  EXPECT_EQ(copy.back().message, "written by the caller");
  // A moved-from list is empty and usable: the moved-from state is what is tested.
  errors.push_back(  // NOLINT(bugprone-use-after-move,clang-analyzer-cplusplus.Move)
      ValidationError{.message = "again"});
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_EQ(errors[0].message, "again");
}

TEST(Properties, NamesThatShareTheirLengthAndEndsAreToldApart) {
  // The lookup compares lengths and the first and last 8 bytes; names alike in those (and
  // short names, read with overlapping loads) must still find their own schema.
  const std::vector<std::string> names = {"",
                                          "a",
                                          "b",
                                          "ab",
                                          "ba",
                                          "aab",
                                          "abb",
                                          "abcd",
                                          "abce",
                                          "abcdefg",
                                          "abcdefgh",
                                          "abcdefgi",
                                          "abcdefghi",
                                          "0123456789abcdef",
                                          "01234567A01234567",
                                          "01234567B01234567",
                                          "0123456789ABCDEF0123456789abcdefXYZ",
                                          "0123456789ABCDEX0123456789abcdefXYZ"};
  json::object properties;
  for (std::size_t i = 0; i < names.size(); ++i) properties[names[i]] = {{"const", i}};
  const auto v =
      Validator::compile(json::object{{"properties", properties}, {"additionalProperties", false}});
  ASSERT_TRUE(v);
  for (std::size_t i = 0; i < names.size(); ++i) {
    EXPECT_TRUE(v->is_valid(json::object{{names[i], i}})) << '"' << names[i] << '"';
    EXPECT_FALSE(v->is_valid(json::object{{names[i], i + 1}})) << '"' << names[i] << '"';
  }
  EXPECT_FALSE(v->is_valid(json::object{{"abcdefgj", 0}}));
  EXPECT_FALSE(v->is_valid(json::object{{"01234567C01234567", 0}}));
  EXPECT_FALSE(v->is_valid(json::object{{std::string("a\0", 2), 0}}));
}

TEST(Output, BasicOutputFollowsTheSpecification) {
  const auto v = compiled(R"({"properties": {"a": {"const": 1}}})");
  const auto out = oaskit::schema::basic_output(v.validate(json::parse(R"({"a": 2})")));
  EXPECT_EQ(out.at("valid"), false);
  const auto& unit = out.at("errors").as_array().at(0).as_object();
  EXPECT_EQ(unit.at("keywordLocation"), "/properties/a/const");
  EXPECT_EQ(unit.at("instanceLocation"), "/a");
  EXPECT_EQ(unit.at("absoluteKeywordLocation"), "oaskit:/schema.json#/properties/a/const");
  EXPECT_EQ(unit.at("error"), "must be 1");
  EXPECT_EQ(oaskit::schema::basic_output({}), (json::object{{"valid", true}}));
}

TEST(Output, PydanticErrorsHaveFastApisShape) {
  const auto v = compiled(
      R"({"type": "object", "required": ["name"],
          "properties": {"tags": {"items": {"type": "string"}}}})");
  const auto instance = json::parse(R"({"tags": ["x", 3]})");
  const auto detail = v.pydantic_errors(v.validate(instance), instance, json::array{"body"});
  EXPECT_EQ(detail, json::parse(R"([
    {"type": "missing", "loc": ["body", "name"], "msg": "Field required",
     "input": {"tags": ["x", 3]}},
    {"type": "string_type", "loc": ["body", "tags", 1], "msg": "Input should be a valid string",
     "input": 3}])"));
  const auto bounded = compiled(R"({"items": {"minimum": 1, "maxLength": 2}, "maxItems": 1})");
  const auto values = json::parse(R"([0, "abc"])");
  EXPECT_EQ(bounded.pydantic_errors(bounded.validate(values), values, {}), json::parse(R"([
    {"type": "greater_than_equal", "loc": [0], "msg": "Input should be greater than or equal to 1",
     "input": 0, "ctx": {"ge": 1}},
    {"type": "string_too_long", "loc": [1], "msg": "String should have at most 2 characters",
     "input": "abc", "ctx": {"max_length": 2}},
    {"type": "too_long", "loc": [], "msg": "List should have at most 1 item after validation, not 2",
     "input": [0, "abc"], "ctx": {"field_type": "List", "max_length": 1, "actual_length": 2}}])"));
}

TEST(Numbers, MultipleOfIsExactForDecimalFractions) {
  const auto v = compiled(R"({"multipleOf": 0.01})");
  EXPECT_TRUE(valid(v, "19.99"));
  EXPECT_TRUE(valid(v, "0.07"));
  EXPECT_FALSE(valid(v, "0.075"));
  const auto tenth = compiled(R"({"multipleOf": 0.1})");
  EXPECT_TRUE(valid(tenth, "0.3"));  // 0.3 / 0.1 is 2.9999999999999996 in doubles
}

TEST(Numbers, LargeIntegersCompareExactly) {
  const auto v = compiled(R"({"maximum": 9007199254740993})");
  EXPECT_TRUE(valid(v, "9007199254740993"));
  EXPECT_FALSE(valid(v, "9007199254740994"));
  const auto u = compiled(R"({"minimum": 18446744073709551615})");
  EXPECT_TRUE(valid(u, "18446744073709551615"));
  EXPECT_FALSE(valid(u, "18446744073709551614"));
  EXPECT_FALSE(valid(u, "-1"));
  const auto odd = compiled(R"({"multipleOf": 2})");
  EXPECT_FALSE(valid(odd, "9223372036854775807"));
  EXPECT_TRUE(valid(odd, "18446744073709551614"));
}

TEST(Numbers, EqualityIsByValue) {
  const auto v = compiled(R"({"enum": [1, {"a": [2.0]}]})");
  EXPECT_TRUE(valid(v, "1.0"));
  EXPECT_TRUE(valid(v, R"({"a": [2]})"));
  EXPECT_FALSE(valid(v, "true"));
  const auto unique = compiled(R"({"uniqueItems": true})");
  EXPECT_FALSE(valid(unique, "[1, 1.0]"));
  EXPECT_TRUE(valid(unique, "[1, true]"));
}

TEST(Strings, LengthsCountCodePoints) {
  const auto v = compiled(R"({"maxLength": 2, "minLength": 2})");
  EXPECT_TRUE(valid(v, R"("日本")"));
  EXPECT_TRUE(valid(v, R"("💩💩")"));
  EXPECT_FALSE(valid(v, R"("日")"));
}

TEST(BadSchemas, ReferenceCycleAcrossTwoFilesIsAnError) {
  const json::value other = json::parse(R"({"$defs": {"B": {"$ref": "main.json#/$defs/A"}}})");
  CompileOptions options;
  options.base_uri = "https://example.com/main.json";
  options.resolve = [&](std::string_view uri) -> const json::value* {
    return uri == "https://example.com/other.json" ? &other : nullptr;
  };
  const auto v = Validator::compile(
      json::parse(R"({"$defs": {"A": {"$ref": "other.json#/$defs/B"}}, "$ref": "#/$defs/A"})"),
      options);
  ASSERT_FALSE(v);
  EXPECT_EQ(v.errors().front().type, "ref_cycle");
  EXPECT_NE(v.errors().front().msg.find("other.json#/$defs/B"), std::string::npos);
}

TEST(BadSchemas, SelfReferenceThroughAllOfIsACycle) {
  const auto v = Validator::compile(json::parse(R"({"allOf": [{"$ref": "#"}]})"));
  ASSERT_FALSE(v);
  EXPECT_EQ(v.errors().front().type, "ref_cycle");
}

TEST(BadSchemas, RecursionThatReadsTheValueIsFine) {
  const auto v = compiled(R"({"properties": {"next": {"$ref": "#"}}, "type": "object"})");
  EXPECT_TRUE(valid(v, R"({"next": {"next": {}}})"));
  EXPECT_FALSE(valid(v, R"({"next": {"next": 1}})"));
}

TEST(BadSchemas, CatastrophicPatternEndsWithAnError) {
  const auto v = compiled(R"({"pattern": "^(a+)+$"})");
  const auto start = std::chrono::steady_clock::now();
  const auto errors = v.validate(json::value(std::string(40, 'a') + "!"));
  const auto took = std::chrono::steady_clock::now() - start;
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_EQ(errors[0].type, "pattern_too_costly");
  EXPECT_LT(took, std::chrono::seconds(5));  // a bound, not a benchmark: unbounded takes hours
}

TEST(BadSchemas, InvalidPatternIsACompileErrorAtItsPlace) {
  const auto v = Validator::compile(json::parse(R"({"properties": {"a": {"pattern": "("}}})"));
  ASSERT_FALSE(v);
  EXPECT_EQ(v.errors().front().loc, (oaskit::Path{"properties", "a", "pattern"}));
  EXPECT_NE(v.errors().front().msg.find("not a valid regular expression"), std::string::npos);
}

TEST(BadSchemas, NestingDeeperThanTheLimitIsAnError) {
  std::string schema;
  for (int i = 0; i < 300; ++i) schema += R"({"not":)";
  schema += "true";
  for (int i = 0; i < 300; ++i) schema += "}";
  json::parse_options deep;
  deep.max_depth = 1000;
  const auto v = Validator::compile(json::parse(schema, {}, deep));
  ASSERT_FALSE(v);
  EXPECT_NE(v.errors().front().msg.find("nest deeper than 256"), std::string::npos);
}

TEST(BadSchemas, RemoteReferenceIsNotFetched) {
  const auto v = Validator::compile(json::parse(R"({"$ref": "https://example.com/s.json"})"));
  ASSERT_FALSE(v);
  EXPECT_NE(v.errors().front().msg.find("not fetched"), std::string::npos);
  EXPECT_NE(v.errors().front().msg.find("--map"), std::string::npos);
}

// Found by fuzz/schema_fuzz.cpp (tests/data/fuzz/schema-multipleof-overflow): 1e421 reads as
// an infinite double, whose digits are "inf", and the divisor became 0.
TEST(BadSchemas, MultipleOfBeyondTheRangeOfDoublesIsACompileError) {
  const auto v = Validator::compile(json::parse(R"({"type": "integer", "multipleOf": 1e421})"));
  ASSERT_FALSE(v);
  EXPECT_NE(v.errors().front().msg.find("finite"), std::string::npos) << v.errors().front().msg;
  const auto fine = compiled(R"({"multipleOf": 1e300})");
  EXPECT_FALSE(valid(fine, "839123"));
  EXPECT_TRUE(valid(fine, "0"));
  const auto any = compiled(R"({"multipleOf": 3})");
  EXPECT_FALSE(valid(any, "1e421"));  // an infinite value is no multiple
}

TEST(BadSchemas, KeywordOfTheWrongTypeIsAnErrorAtItsPlace) {
  const auto v = Validator::compile(json::parse(R"({"minLength": "3", "type": "text"})"));
  ASSERT_FALSE(v);
  ASSERT_EQ(v.errors().size(), 2U);
  EXPECT_EQ(v.errors()[0].loc, (oaskit::Path{"minLength"}));
  EXPECT_EQ(v.errors()[1].loc, (oaskit::Path{"type"}));
}

TEST(Compile, MappedFolderServesReferences) {
  const auto folder = std::filesystem::temp_directory_path() / "oaskit_schema_map_test";
  std::filesystem::create_directories(folder / "sub");
  std::ofstream(folder / "sub" / "name.yaml") << "type: string\nminLength: 2\n";
  CompileOptions options;
  options.map = {{"https://schemas.example/", folder}};
  const auto v = compiled(R"({"$ref": "https://schemas.example/sub/name.yaml"})", options);
  EXPECT_TRUE(valid(v, R"("ab")"));
  EXPECT_FALSE(valid(v, R"("a")"));
  std::filesystem::remove_all(folder);
}

TEST(Compile, SchemaInsideAnOpenApiDocumentReachesItsSiblings) {
  const auto document = json::parse(R"({"openapi": "3.1.0", "components": {"schemas": {
      "Pet": {"type": "object", "properties": {"tag": {"$ref": "#/components/schemas/Tag"}}},
      "Tag": {"type": "string"}}}})");
  const auto v = Validator::compile(document, "/components/schemas/Pet");
  ASSERT_TRUE(v) << v.errors().front().msg;
  EXPECT_TRUE(v->is_valid(json::parse(R"({"tag": "a"})")));
  const auto errors = v->validate(json::parse(R"({"tag": 1})"));
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_EQ(errors[0].absolute_keyword_location,
            "oaskit:/schema.json#/components/schemas/Tag/type");
  EXPECT_FALSE(Validator::compile(document, "/components/schemas/Nope"));
}

TEST(Compile, FromASchemaModel) {
  const oaskit::Schema schema{.type = oaskit::SchemaType::string, .minLength = 3};
  const auto v = Validator::compile(schema);
  ASSERT_TRUE(v);
  EXPECT_TRUE(v->is_valid(json::value("abc")));
  EXPECT_FALSE(v->is_valid(json::value("ab")));
}

TEST(Compile, ValidatorOutlivesTheSchemaValueAndIsSharedAcrossThreads) {
  std::optional<Validator> v;
  {
    const json::value schema = json::parse(R"({"items": {"type": "integer"}})");
    v = *Validator::compile(schema);
  }
  const json::value good = json::parse("[1, 2, 3]");
  const json::value bad = json::parse(R"([1, "x"])");
  std::vector<std::thread> threads;
  threads.reserve(4);
  std::atomic<int> wrong{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 200; ++i) {
        if (!v->is_valid(good) || v->is_valid(bad) || v->validate(bad).size() != 1) ++wrong;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(wrong, 0);
}

TEST(Formats, AnnotationByDefaultAssertionWhenAsked) {
  const auto annotation = compiled(R"({"format": "date-time"})");
  EXPECT_TRUE(valid(annotation, R"("yesterday")"));
  CompileOptions options;
  options.format_assertion = true;
  const auto assertion = compiled(R"({"format": "date-time"})", options);
  EXPECT_FALSE(valid(assertion, R"("yesterday")"));
  EXPECT_TRUE(valid(assertion, R"("1998-12-31T23:59:60Z")"));   // a leap second
  EXPECT_FALSE(valid(assertion, R"("1998-12-31T22:59:60Z")"));  // not at the end of a UTC day
  const auto ipv4 = compiled(R"({"format": "ipv4"})", options);
  EXPECT_FALSE(valid(ipv4, R"("192.168.01.1")"));  // leading zeros are refused
}

TEST(MetaSchema, CheckFindsWhatTheMetaSchemaForbids) {
  const auto errors = oaskit::schema::check_against_metaschema(
      json::parse(R"({"type": "object", "properties": {"a": {"minLength": -1}}})"), "");
  ASSERT_TRUE(errors);
  ASSERT_EQ(errors->size(), 1U);
  EXPECT_EQ((*errors)[0].instance_location, "/properties/a/minLength");
  const auto fine =
      oaskit::schema::check_against_metaschema(json::parse(R"({"type": "string"})"), "");
  ASSERT_TRUE(fine);
  EXPECT_TRUE(fine->empty());
}

TEST(MetaSchema, BuiltInMetaSchemasAreReachableOffline) {
  const auto v = compiled(R"({"$ref": "https://json-schema.org/draft/2020-12/schema"})");
  EXPECT_TRUE(valid(v, R"({"type": "string"})"));
  EXPECT_FALSE(valid(v, R"({"type": 12})"));
  const auto v2019 = compiled(R"({"$ref": "https://json-schema.org/draft/2019-09/schema"})");
  EXPECT_FALSE(valid(v2019, R"({"minItems": "x"})"));
}

}  // namespace
