#include "yaml/read_yaml.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <iterator>
#include <string>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "support/test_support.hpp"

namespace {

using oaskit::Errors;
using oaskit::TextPosition;
using oaskit::detail::read_yaml;
using oaskit::detail::YamlLimits;
using oaskit::test::describe;
using oaskit::test::loc;

// The value of `yaml`; a test failure (and null) when it does not read.
boost::json::value value_of(std::string_view yaml) {
  auto result = read_yaml(yaml);
  if (!result) {
    ADD_FAILURE() << "read_yaml failed for " << yaml << describe(result.errors());
    return nullptr;
  }
  return result->value;
}

// The single error reading `yaml` gives; a test failure when it reads or gives several.
oaskit::Error error_of(std::string_view yaml, const YamlLimits& limits = {}) {
  auto result = read_yaml(yaml, limits);
  if (result || result.errors().size() != 1) {
    ADD_FAILURE() << "expected one error for " << yaml << ", got" << describe(result.errors());
    return {};
  }
  return result.errors().front();
}

TextPosition at(std::size_t offset, std::size_t line, std::size_t column) {
  return {offset, line, column};
}

// ---------------------------------------------------------------------------------------------
// Core schema

TEST(ReadYaml, CoreSchema_PlainScalarsResolveAsYaml12CoreSaysNotAsYaml11) {
  const auto value = value_of(
      "a: on\nb: yes\nc: no\nd: off\ne: y\nf: true\ng: False\nh: TRUE\n"
      "i: ~\nj: null\nk: NULL\nl:\nm: 0x1F\nn: 0o17\no: 017\np: -12\nq: +7\n"
      "r: 1.0\ns: .5\nt: 1e3\nu: -2.5E-3\nv: 1_000\nw: 2001-12-14\nx: 0b11\n");
  const auto expected = boost::json::parse(R"({
    "a": "on", "b": "yes", "c": "no", "d": "off", "e": "y", "f": true, "g": false, "h": true,
    "i": null, "j": null, "k": null, "l": null, "m": 31, "n": 15, "o": 17, "p": -12, "q": 7,
    "r": 1.0, "s": 0.5, "t": 1000.0, "u": -0.0025, "v": "1_000", "w": "2001-12-14",
    "x": "0b11"})");
  EXPECT_EQ(value, expected) << boost::json::serialize(value);
  EXPECT_TRUE(value.at("r").is_double());
  EXPECT_TRUE(value.at("t").is_double());
  EXPECT_TRUE(value.at("m").is_int64());
}

// The OpenAPI 3.2 text closes flow mappings at their key's indentation; PyYAML and js-yaml
// read that, and so does oaskit (strict YAML 1.2 wants the `}` further in).
TEST(ReadYaml, FlowMappingClosedAtItsKeysIndentation_Reads) {
  const auto value = value_of(
      "examples:\n  cat:\n    value: {\n      \"name\": \"Fluffy\",\n"
      "      \"age\": 2\n    }\n");
  EXPECT_EQ(value,
            boost::json::parse(R"({"examples":{"cat":{"value":{"name":"Fluffy","age":2}}}})"))
      << boost::json::serialize(value);
}

TEST(ReadYaml, CoreSchema_QuotedAndBlockScalarsAreAlwaysStrings) {
  EXPECT_EQ(value_of("a: '1.0'\nb: \"true\"\nc: |\n  12\nd: >-\n  null\n"),
            boost::json::parse(R"({"a": "1.0", "b": "true", "c": "12\n", "d": "null"})"));
}

TEST(ReadYaml, CoreSchema_IntegersBeyond64BitsBecomeUint64ThenDouble) {
  const auto value = value_of(
      "a: 9223372036854775807\nb: 18446744073709551615\nc: 18446744073709551616\n"
      "d: -9223372036854775808\n");
  EXPECT_TRUE(value.at("a").is_int64());
  EXPECT_TRUE(value.at("b").is_uint64());
  EXPECT_TRUE(value.at("c").is_double());
  EXPECT_EQ(value.at("d").as_int64(), INT64_MIN);
}

// Found by fuzz/yaml_fuzz.cpp (tests/data/fuzz/yaml-integer-beyond-double.yaml): a plain
// integer of hundreds of digits became an infinite double, which YAML written back as `.inf`
// could not be read again. Integers beyond a double are errors, as floats are; long ones
// within it are the nearest double, as the JSON reader gives them.
TEST(ReadYaml, CoreSchema_IntegersBeyondADouble_AreErrors_LongOnesTheNearestDouble) {
  std::ifstream file(OASKIT_TEST_DATA "/fuzz/yaml-integer-beyond-double.yaml", std::ios::binary);
  const std::string found_by_fuzzing((std::istreambuf_iterator<char>(file)), {});
  EXPECT_NE(error_of(found_by_fuzzing).msg.find("beyond the double range"), std::string::npos);
  for (const std::string& text :
       {"a: " + std::string(400, '9') + "\n", "a: -" + std::string(400, '9') + "\n",
        "a: 0x" + std::string(300, 'f') + "\n"}) {
    const auto error = error_of(text);
    EXPECT_EQ(error.position, at(3, 1, 4));
    EXPECT_NE(error.msg.find("JSON and so OpenAPI cannot represent"), std::string::npos);
  }
  const auto value =
      value_of("a: 922337203685477518446744073709551616809\nb: 0x10000000000000001\n");
  EXPECT_EQ(value.at("a").as_double(), 9.223372036854776e38);
  EXPECT_EQ(value.at("b").as_double(), 18446744073709551616.0);
}

TEST(ReadYaml, CoreSchema_InfinityAndNanAreErrorsAtTheirPosition) {
  for (const char* text : {"a: .inf\n", "a: -.Inf\n", "a: .NaN\n", "a: 1e999\n"}) {
    const auto error = error_of(text);
    EXPECT_EQ(error.type, "yaml_invalid") << text;
    EXPECT_EQ(error.loc, loc("a")) << text;
    EXPECT_EQ(error.position, at(3, 1, 4)) << text;
    EXPECT_NE(error.msg.find("JSON and so OpenAPI cannot represent"), std::string::npos);
  }
}

TEST(ReadYaml, Tags_CoreTagsAreHonouredAndOthersRefused) {
  EXPECT_EQ(value_of("a: !!str 1.0\nb: !!int '12'\nc: !!float 1\nd: !!bool 'true'\n"
                     "e: !!null ''\nf: !!map {x: 1}\ng: !!seq [1]\nh: ! 12\n"),
            boost::json::parse(R"({"a": "1.0", "b": 12, "c": 1.0, "d": true, "e": null,
                                  "f": {"x": 1}, "g": [1], "h": "12"})"));
  EXPECT_TRUE(value_of("c: !!float 1\n").at("c").is_double());
  const auto unknown = error_of("a:\n  b: !custom x\n");
  EXPECT_EQ(unknown.loc, loc("a", "b"));
  EXPECT_EQ(unknown.position, at(8, 2, 6));  // the node, from its tag
  EXPECT_NE(unknown.msg.find("'!custom'"), std::string::npos) << unknown.msg;
  EXPECT_EQ(error_of("a: !!int x\n").msg, "'x' is tagged !!int but is not an integer");
  EXPECT_EQ(error_of("a: !!seq {}\n").type, "yaml_invalid");
}

TEST(ReadYaml, PlainNonStrings_ArePointersOfUnquotedNumbersBooleansAndNulls) {
  auto result = read_yaml("version: 1.0\ntitle: '1.0'\nflags: [true, x, ~]\n");
  ASSERT_TRUE(result) << describe(result.errors());
  EXPECT_EQ(result->plain_non_strings,
            (std::unordered_set<std::string>{"/version", "/flags/0", "/flags/2"}));
}

// ---------------------------------------------------------------------------------------------
// Keys

TEST(ReadYaml, Keys_NonStringKeysBecomeTheirText) {
  EXPECT_EQ(value_of("200: ok\ntrue: t\n1.0: f\n'x': q\n"),
            boost::json::parse(R"({"200": "ok", "true": "t", "1.0": "f", "x": "q"})"));
}

TEST(ReadYaml, Keys_ComplexKeyIsAnError) {
  const auto error = error_of("? [a]\n: 1\n");
  EXPECT_EQ(error.type, "yaml_invalid");
  EXPECT_EQ(error.position, at(2, 1, 3));
}

TEST(ReadYaml, Keys_DuplicateKeyNamesBothPlaces) {
  const auto error = error_of("a:\n  x: 1\n  y: 2\n  x: 3\n");
  EXPECT_EQ(error.type, "duplicate_key");
  EXPECT_EQ(error.loc, loc("a", "x"));
  EXPECT_EQ(error.msg, "Duplicate key 'x': first at line 2 column 3, again at line 4 column 3");
  EXPECT_EQ(error.position, at(19, 4, 3));
}

// ---------------------------------------------------------------------------------------------
// Positions

TEST(ReadYaml, Positions_EveryValueHasItsLineAndColumn) {
  auto result = read_yaml(
      "openapi: 3.1.0\n"
      "paths:\n"
      "  /pets:\n"
      "    get: {tags: [a, \"é\", c]}\n"
      "  ~x: [1]\n");
  ASSERT_TRUE(result) << describe(result.errors());
  const auto& positions = result->positions;
  EXPECT_EQ(positions.at(""), at(0, 1, 1));
  EXPECT_EQ(positions.at("/openapi"), at(9, 1, 10));
  EXPECT_EQ(positions.at("/paths"), at(24, 3, 3));
  EXPECT_EQ(positions.at("/paths/~1pets"), at(35, 4, 5));
  EXPECT_EQ(positions.at("/paths/~1pets/get"), at(40, 4, 10));
  EXPECT_EQ(positions.at("/paths/~1pets/get/tags"), at(47, 4, 17));
  EXPECT_EQ(positions.at("/paths/~1pets/get/tags/1"), at(51, 4, 21));  // its quote
  // The `é` is two bytes but one column.
  EXPECT_EQ(positions.at("/paths/~1pets/get/tags/2"), at(57, 4, 26));
  EXPECT_EQ(positions.at("/paths/~0x/0"), at(68, 5, 8));
  EXPECT_EQ(positions.size(), 11U);
}

// ---------------------------------------------------------------------------------------------
// Anchors, aliases, merge keys

TEST(ReadYaml, Aliases_CopyTheAnchoredValueWithTheAliasPosition) {
  auto result = read_yaml("base: &b {x: [1, 2]}\nuse: *b\nalso: *b\n");
  ASSERT_TRUE(result) << describe(result.errors());
  EXPECT_EQ(result->value, boost::json::parse(R"({"base": {"x": [1, 2]}, "use": {"x": [1, 2]},
                                                 "also": {"x": [1, 2]}})"));
  EXPECT_EQ(result->positions.at("/use"), at(26, 2, 6));
  EXPECT_FALSE(result->positions.contains("/use/x"));
}

TEST(ReadYaml, MergeKeys_ExplicitKeysWinThenEarlierMerges) {
  const auto value = value_of(
      "a: &a {x: 1, y: 1}\n"
      "b: &b {y: 2, z: 2}\n"
      "one: {<<: *a, x: 9}\n"
      "many:\n  <<: [*a, *b]\n  w: 0\n");
  EXPECT_EQ(value.at("one"), boost::json::parse(R"({"x": 9, "y": 1})"));
  EXPECT_EQ(value.at("many"), boost::json::parse(R"({"x": 1, "y": 1, "z": 2, "w": 0})"));
  EXPECT_EQ(error_of("a: {<<: 1}\n").loc, loc("a"));
}

TEST(ReadYaml, MergeKeys_QuotedLessLessIsAnOrdinaryKey) {
  EXPECT_EQ(value_of("'<<': {x: 1}\n"), boost::json::parse(R"({"<<": {"x": 1}})"));
}

TEST(ReadYaml, Aliases_BillionLaughsIsRefusedFastAtTheAlias) {
  std::string yaml = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
  for (int level = 1; level <= 9; ++level) {
    const std::string previous = "*a" + std::to_string(level - 1);
    yaml += "a" + std::to_string(level) + ": &a" + std::to_string(level) + " [";
    for (int i = 0; i < 9; ++i) yaml += (i ? ", " : "") + previous;
    yaml += "]\n";
  }
  const auto start = std::chrono::steady_clock::now();
  const auto error = error_of(yaml);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
  EXPECT_EQ(error.type, "yaml_invalid");
  EXPECT_NE(error.msg.find("more than 1000000 values"), std::string::npos) << error.msg;
  ASSERT_TRUE(error.position);
  EXPECT_EQ(yaml.substr(error.position->offset, 3), "*a5");  // 10^6 values is level 6
}

TEST(ReadYaml, Aliases_ReusedAnchorWithinTheLimitWorks) {
  std::string yaml = "s: &s {type: string}\nitems:\n";
  for (int i = 0; i < 1000; ++i) yaml += "  - *s\n";
  auto result = read_yaml(yaml, {.max_nodes = 3000});
  ASSERT_TRUE(result) << describe(result.errors());
  EXPECT_EQ(result->value.at("items").as_array().size(), 1000U);
  EXPECT_EQ(result->value.at("items").at(999), boost::json::parse(R"({"type": "string"})"));
}

TEST(ReadYaml, Aliases_RecursiveAliasIsAnError) {
  const auto error = error_of("a: &x [1, *x]\n");
  EXPECT_NE(error.msg.find("recursive alias"), std::string::npos) << error.msg;
  EXPECT_EQ(error.position, at(10, 1, 11));
  EXPECT_NE(error_of("a: *nothing\n").msg.find("no anchor"), std::string::npos);
}

// ---------------------------------------------------------------------------------------------
// Bad input

TEST(ReadYaml, SyntaxError_HasReadableMessageAndPosition) {
  const auto error = error_of("a:\n  b: [1, 2\n");
  EXPECT_EQ(error.type, "yaml_invalid");
  EXPECT_EQ(error.msg,
            "Invalid YAML: Did not find expected ',' or ']' (while parsing a flow sequence that "
            "starts at line 2 column 6)");
  EXPECT_EQ(error.position, at(14, 3, 1));
  const auto indented = error_of("a: 1\n b: 2\n");
  EXPECT_EQ(indented.msg, "Invalid YAML: Mapping values are not allowed in this context");
  EXPECT_EQ(indented.position, at(7, 2, 3));
  const auto tab = error_of("a:\n\t- 1\n");
  EXPECT_EQ(tab.position, at(3, 2, 1));
  EXPECT_NE(tab.msg.find("YAML does not allow tabs for indentation"), std::string::npos) << tab.msg;
}

// Found by fuzz/yaml_fuzz.cpp (tests/data/fuzz/yaml-libfyaml-crash-tabs-in-complex-keys.yaml):
// libfyaml 0.7.12, the YAML parser before libyaml, crashed on this (a use of freed memory
// when its parser was destroyed after the error); "? k:\t:" alone was enough.
TEST(ReadYaml, TabsInComplexKeys_AreAnErrorNotACrash) {
  std::ifstream file(OASKIT_TEST_DATA "/fuzz/yaml-libfyaml-crash-tabs-in-complex-keys.yaml",
                     std::ios::binary);
  const std::string found_by_fuzzing((std::istreambuf_iterator<char>(file)), {});
  EXPECT_EQ(error_of(found_by_fuzzing).type, "yaml_invalid");
  EXPECT_EQ(error_of("? k:\t:").type, "yaml_invalid");
}

TEST(ReadYaml, Depth_100000NestedFlowSequencesAreAnErrorNotACrash) {
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  const auto error = error_of(deep);
  EXPECT_EQ(error.msg, "Nesting deeper than 512 mappings and sequences");
  EXPECT_EQ(error.position, at(512, 1, 513));
  const std::string just_fits = std::string(512, '[') + std::string(512, ']');
  EXPECT_TRUE(read_yaml(just_fits));
}

TEST(ReadYaml, InvalidUtf8_IsAnErrorAtTheByte) {
  const auto error = error_of("a: 1\nb: x\xC3\n");
  EXPECT_EQ(error.position, at(9, 2, 5));
  EXPECT_NE(error.msg.find("UTF-8"), std::string::npos);
}

// Found by fuzz/yaml_fuzz.cpp (tests/data/fuzz/yaml-nul-in-block-scalar.yaml): libfyaml read
// a block scalar holding NUL bytes into a value with other bytes than the text had (written
// out and read back, it differed). YAML 1.2 §5.1 allows printable characters only: the others
// are refused at their place, as PyYAML and js-yaml do; escaped in a double-quoted string
// they are fine.
TEST(ReadYaml, NonPrintableCharacters_AreAnErrorAtTheirPlace) {
  std::ifstream file(OASKIT_TEST_DATA "/fuzz/yaml-nul-in-block-scalar.yaml", std::ios::binary);
  const std::string found_by_fuzzing((std::istreambuf_iterator<char>(file)), {});
  const auto form_feed = error_of(found_by_fuzzing);
  EXPECT_EQ(form_feed.position, at(137, 8, 48));
  EXPECT_EQ(form_feed.msg,
            "Invalid YAML: U+000C is not a printable character, which is all a YAML text may "
            "hold (YAML 1.2 §5.1); write it escaped in a double-quoted string");
  EXPECT_EQ(error_of(std::string("a: |\n  x\0y\n", 11)).position, at(8, 2, 4));
  EXPECT_NE(error_of("a: b\x7F").msg.find("U+007F"), std::string::npos);
  EXPECT_NE(error_of("a: \xC2\x80").msg.find("U+0080"), std::string::npos);
  EXPECT_NE(error_of("a: x\xEF\xBF\xBE").msg.find("U+FFFE"), std::string::npos);
  EXPECT_EQ(value_of("a: \"x\\0y\\fz\""), boost::json::parse(R"({"a": "x\u0000y\fz"})"));
  EXPECT_EQ(value_of("a: b\tc\r\nd: \xC2\xA0\xEF\xBF\xBD\n"),
            boost::json::parse(R"({"a": "b\tc", "d": "\u00a0\ufffd"})"));
}

TEST(ReadYaml, Documents_EmptyAndSeveralAreErrors) {
  for (const char* empty : {"", "# only a comment\n", "---\n"}) {
    EXPECT_EQ(error_of(empty).msg,
              "The document is empty: expected one YAML document holding a value")
        << empty;
  }
  const auto second = error_of("a: 1\n---\nb: 2\n");
  EXPECT_EQ(second.position, at(5, 2, 1));
  EXPECT_NE(second.msg.find("second"), std::string::npos);
  EXPECT_EQ(value_of("--- ~\n"), nullptr);
}

}  // namespace
