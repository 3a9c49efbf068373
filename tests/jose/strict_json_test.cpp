// The JSON reader for JOSE headers, claims and JWKs: duplicate member names are refused at any
// depth (RFC 7515 §4, RFC 7519 §4), as is invalid JSON or UTF-8.

#include "jose/strict_json.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

namespace oaskit::jose::detail {
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
}  // namespace oaskit::jose::detail
