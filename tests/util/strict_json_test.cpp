// The strict JSON reader (JOSE headers, claims and JWKs, authorization servers' answers):
// duplicate member names are refused at any depth (RFC 7515 §4, RFC 7519 §4), as is invalid
// JSON or UTF-8.

#include "util/strict_json.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "oaskit/json.hpp"

namespace oaskit::detail {
namespace {

using ::testing::HasSubstr;

TEST(StrictJson, ValidJson_IsItsValue) {
  auto value = parse_strict_json(R"({"alg":"RS256","kid":"k","n":[1,2,{"a":null}]})");
  ASSERT_TRUE(value);
  EXPECT_EQ(value->at("alg"), "RS256");
  EXPECT_EQ(value->at("n").at(2).at("a"), nullptr);
}

TEST(StrictJson, DuplicateTopLevelMember_IsRefusedNamingIt) {
  std::string error;
  EXPECT_FALSE(parse_strict_json(R"({"alg":"RS256","alg":"none"})", &error));
  EXPECT_THAT(error, HasSubstr("'alg'"));
}

TEST(StrictJson, DuplicateNestedMember_IsRefused) {
  std::string error;
  EXPECT_FALSE(parse_strict_json(R"({"keys":[{"kty":"RSA","n":"a","n":"b"}]})", &error));
  EXPECT_THAT(error, HasSubstr("Duplicate"));
}

TEST(StrictJson, DuplicateSpelledWithAnEscape_IsRefused) {
  EXPECT_FALSE(parse_strict_json(R"({"alg":"RS256","\u0061lg":"none"})"));
}

// Repeats whose values are objects or arrays remove nested members along with the repeat; each
// shape is still found.
TEST(StrictJson, DuplicateWithStructuredValues_IsRefused) {
  for (const char* text :
       {R"({"a":{"x":1},"a":2})", R"({"a":1,"a":{"x":1}})", R"({"a":{"x":1},"a":{"y":2}})",
        R"({"a":[{"x":1}],"a":[]})", R"([{"k":1},{"b":{"c":1,"c":1}}])", R"({"a":{},"a":{}})"}) {
    std::string error;
    EXPECT_FALSE(parse_strict_json(text, &error)) << text;
    EXPECT_THAT(error, HasSubstr("Duplicate")) << text;
  }
}

TEST(StrictJson, NumbersKeepTheirKind) {
  auto value = parse_strict_json(R"([1,-2,18446744073709551615,1.5,1e2,123456789012345678901234])");
  ASSERT_TRUE(value);
  const auto& items = value->as_array();
  EXPECT_TRUE(items[0].is_int64());
  EXPECT_TRUE(items[1].is_int64());
  EXPECT_TRUE(items[2].is_uint64());
  EXPECT_TRUE(items[3].is_double());
  EXPECT_TRUE(items[4].is_double());
  EXPECT_TRUE(items[5].is_double());  // beyond 64 bits: the nearest double
}

TEST(StrictJson, NumberBeyondDouble_IsRefused) {
  std::string error;
  EXPECT_FALSE(parse_strict_json(R"({"exp":1e400})", &error));
  EXPECT_FALSE(error.empty());
}

TEST(StrictJson, LoneSurrogateEscape_IsRefused) {
  EXPECT_FALSE(parse_strict_json(R"({"sub":"\ud800"})"));
  EXPECT_FALSE(parse_strict_json(R"({"sub":"\udc00x"})"));
  auto pair = parse_strict_json(R"({"sub":"\ud83d\ude00"})");
  ASSERT_TRUE(pair);
  EXPECT_EQ(pair->at("sub"), "\xF0\x9F\x98\x80");
}

TEST(StrictJson, NestingIsLimited) {
  const auto nested = [](std::size_t depth) {
    return std::string(depth, '[') + std::string(depth, ']');
  };
  EXPECT_TRUE(parse_strict_json(nested(max_nesting_depth)));
  std::string error;
  EXPECT_FALSE(parse_strict_json(nested(max_nesting_depth + 1), &error));
  EXPECT_FALSE(error.empty());
}

TEST(StrictJson, CommentsAndTrailingCommas_AreRefused) {
  EXPECT_FALSE(parse_strict_json(R"({"a":1 /* c */})"));
  EXPECT_FALSE(parse_strict_json(R"({"a":1,})"));
  EXPECT_FALSE(parse_strict_json(R"([1,])"));
}

TEST(StrictJson, LargeTextsAfterSmallOnes_AreParsedAlike) {
  std::string large = "[";
  for (int i = 0; i < 20000; ++i) large += R"({"kty":"oct","k":"AAAA"},)";
  large += "{}]";
  ASSERT_TRUE(parse_strict_json(R"({"a":1})"));
  auto value = parse_strict_json(large);
  ASSERT_TRUE(value);
  EXPECT_EQ(value->as_array().size(), 20001U);
  large.insert(large.size() - 2, R"("x":1,"x":2)");
  EXPECT_FALSE(parse_strict_json(large));
  EXPECT_TRUE(parse_strict_json(R"({"a":1})"));
}

TEST(StrictJson, SameNameInDifferentObjects_IsAllowed) {
  EXPECT_TRUE(parse_strict_json(R"({"a":{"x":1},"b":{"x":2}})"));
}

TEST(StrictJson, InvalidJson_IsRefusedWithAReason) {
  std::string error;
  EXPECT_FALSE(parse_strict_json(R"({"alg":)", &error));
  EXPECT_FALSE(error.empty());
  EXPECT_FALSE(parse_strict_json(""));
  EXPECT_FALSE(parse_strict_json(R"({"a":1} x)"));
}

TEST(StrictJson, InvalidUtf8_IsRefused) {
  std::string error;
  EXPECT_FALSE(parse_strict_json("{\"sub\":\"\xff\xfe\"}", &error));
  EXPECT_THAT(error, HasSubstr("UTF-8"));
}

}  // namespace
}  // namespace oaskit::detail
