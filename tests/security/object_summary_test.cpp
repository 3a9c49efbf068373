// ObjectSummary: a token's header or claims read for checking without a JSON tree, under the
// same rules as parse_strict_json.

#include "security/object_summary.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "util/strict_json.hpp"

namespace oaskit::security::detail {
namespace {

using Kind = SummaryMember::Kind;

// The summary views `json`: callers keep it alive.
ObjectSummary must_read(std::string_view json) {
  auto summary = ObjectSummary::read(json);
  if (!summary) throw std::runtime_error("refused: " + summary.errors().reason);
  return std::move(*summary);
}

TEST(ObjectSummary, TopLevelMembers_AreReadWithTheirKinds) {
  const std::string json =
      R"({"iss":"https://a.example/","exp":1800000000,"f":1.5,"ok":true,"n":null,)"
      R"("aud":["x","y"],"cnf":{"jkt":"abc"}})";
  const auto summary = must_read(json);
  ASSERT_NE(summary.string("iss"), nullptr);
  EXPECT_EQ(*summary.string("iss"), "https://a.example/");
  EXPECT_EQ(summary.find("exp")->kind, Kind::number);
  EXPECT_EQ(summary.find("exp")->number, 1800000000.0);
  EXPECT_EQ(summary.find("f")->number, 1.5);
  EXPECT_EQ(summary.find("ok")->kind, Kind::boolean);
  EXPECT_EQ(summary.find("n")->kind, Kind::null);
  EXPECT_EQ(summary.find("cnf")->kind, Kind::object);
  EXPECT_EQ(summary.find("jkt"), nullptr);  // nested members are not top-level
  const auto* aud = summary.find("aud");
  ASSERT_NE(aud, nullptr);
  EXPECT_EQ(aud->kind, Kind::array);
  EXPECT_TRUE(aud->only_strings);
  const auto items = summary.items_of(*aud);
  EXPECT_EQ(std::vector<std::string_view>(items.begin(), items.end()),
            (std::vector<std::string_view>{"x", "y"}));
  EXPECT_EQ(summary.string("exp"), nullptr);  // not a string
  EXPECT_EQ(summary.find("missing"), nullptr);
}

TEST(ObjectSummary, EscapedNamesAndStrings_AreUnescaped) {
  const std::string json = R"({"s\u0075b":"caf\u00e9 \"x\"","scp":["a\/b","\ud83d\ude00"]})";
  const auto summary = must_read(json);
  ASSERT_NE(summary.string("sub"), nullptr);
  EXPECT_EQ(*summary.string("sub"), "caf\xC3\xA9 \"x\"");
  const auto items = summary.items_of(*summary.find("scp"));
  ASSERT_EQ(items.size(), 2U);
  EXPECT_EQ(items[0], "a/b");
  EXPECT_EQ(items[1], "\xF0\x9F\x98\x80");
}

TEST(ObjectSummary, ArrayItemsOfOtherKinds_AreFlagged) {
  const std::string json = R"({"aud":["a",1,"b",{"c":1},["d"]],"crit":[]})";
  const auto summary = must_read(json);
  const auto* aud = summary.find("aud");
  EXPECT_FALSE(aud->only_strings);
  EXPECT_EQ(summary.items_of(*aud).size(), 2U);  // the strings "a" and "b"
  EXPECT_TRUE(summary.items_of(*summary.find("crit")).empty());
}

TEST(ObjectSummary, RepeatedNames_AreRefusedAtAnyDepth) {
  for (const char* text : {R"({"a":1,"a":2})", R"({"a":1,"\u0061":2})", R"({"o":{"x":1,"x":1}})",
                           R"({"l":[{"k":1,"k":2}]})"}) {
    const auto summary = ObjectSummary::read(text);
    ASSERT_FALSE(summary) << text;
    EXPECT_NE(summary.errors().reason.find("Duplicate"), std::string::npos) << text;
  }
  // Objects with many members are checked by sorting: a repeat among them is still found.
  std::string big = "{";
  for (int i = 0; i < 40; ++i) big += "\"m" + std::to_string(i) + "\":" + std::to_string(i) + ",";
  EXPECT_TRUE(ObjectSummary::read(big + "\"last\":0}"));
  EXPECT_FALSE(ObjectSummary::read(big + "\"m17\":0}"));
  // The same name in different objects is fine.
  EXPECT_TRUE(ObjectSummary::read(R"({"a":{"x":1},"b":{"x":2},"x":3})"));
}

TEST(ObjectSummary, NotAnObject_HasNoReason) {
  for (const char* text : {"[]", "1", "\"s\"", "null"}) {
    const auto summary = ObjectSummary::read(text);
    ASSERT_FALSE(summary) << text;
    EXPECT_TRUE(summary.errors().reason.empty()) << text;
  }
}

// What it accepts, parse_strict_json accepts (Identity builds the tree from the same text
// later and must not fail), and what it refuses, parse_strict_json refuses.
TEST(ObjectSummary, AcceptsExactlyWhatParseStrictJsonAcceptsAsObjects) {
  const std::vector<std::string> texts = {
      R"({})",
      R"({"a":1})",
      R"({"a":1,})",
      R"({"a":1 /* c */})",
      R"({"a":1} x)",
      R"({"a":1e400})",
      R"({"a":"\ud800"})",
      "{\"a\":\"\xff\"}",
      R"({"a":[1,2,{"b":[]}]})",
      R"({"a":-0.0,"b":1E+2})",
      R"({"a":123456789012345678901234567890})",
      std::string(600, '[') + std::string(600, ']'),
      "{\"a\":" + std::string(511, '[') + std::string(511, ']') + "}",
      R"(  {"a":1}  )",
      ""};
  for (const auto& text : texts) {
    const auto tree = oaskit::detail::parse_strict_json(text);
    const bool object = tree && tree->is_object();
    EXPECT_EQ(static_cast<bool>(ObjectSummary::read(text)), object) << text.substr(0, 60);
  }
}

}  // namespace
}  // namespace oaskit::security::detail
