// The one path -> position index (index_json_positions): where every value of a JSON text
// starts, by JSON pointer, for a Source's findings and for parse<T>'s errors alike.

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>

#include "json/json_positions.hpp"
#include "json/locate.hpp"
#include "oaskit/diagnostic.hpp"
#include "support/test_support.hpp"

namespace oaskit {
namespace {

/// Where the value at `path` starts in `text`, by the index.
std::optional<std::size_t> offset_at(std::string_view text, const Path& path) {
  const auto index = detail::index_json_positions(text);
  const auto found = index.find(to_json_pointer(path));
  if (found == index.end()) return std::nullopt;
  return found->second.offset;
}

/// The index's position of every value in `value` (read from `text`) starts that value, and
/// its line and column are those of its offset.
void expect_starts_each_value(const std::string& text, const boost::json::value& value, Path& at,
                              const std::unordered_map<std::string, TextPosition>& index,
                              std::size_t& checked) {
  const auto found = index.find(to_json_pointer(at));
  ASSERT_NE(found, index.end()) << to_json_pointer(at);
  const TextPosition& position = found->second;
  ASSERT_LT(position.offset, text.size());
  EXPECT_EQ(position, detail::position_of(text, position.offset)) << to_json_pointer(at);
  const char first = text[position.offset];
  switch (value.kind()) {
    case boost::json::kind::object:
      EXPECT_EQ(first, '{') << to_json_pointer(at);
      break;
    case boost::json::kind::array:
      EXPECT_EQ(first, '[') << to_json_pointer(at);
      break;
    case boost::json::kind::string:
      EXPECT_EQ(first, '"') << to_json_pointer(at);
      break;
    case boost::json::kind::bool_:
      EXPECT_EQ(first, value.get_bool() ? 't' : 'f') << to_json_pointer(at);
      break;
    case boost::json::kind::null:
      EXPECT_EQ(first, 'n') << to_json_pointer(at);
      break;
    default:
      EXPECT_TRUE(first == '-' || (first >= '0' && first <= '9')) << to_json_pointer(at);
  }
  ++checked;
  if (const auto* object = value.if_object()) {
    for (const auto& member : *object) {
      at.emplace_back(std::string(member.key()));
      expect_starts_each_value(text, member.value(), at, index, checked);
      at.pop_back();
    }
  } else if (const auto* array = value.if_array()) {
    for (std::size_t i = 0; i < array->size(); ++i) {
      at.emplace_back(i);
      expect_starts_each_value(text, (*array)[i], at, index, checked);
      at.pop_back();
    }
  }
}

TEST(JsonPositions, EveryValueIsIndexedWhereItStarts) {
  const std::string texts[] = {
      R"({"a~/b": [1, {"é": "ü", "x\u0079": [[], {}]}], "c": null,
          "d": {"e": -1.5e3}})",
      "  [\r\n true,\r false , \"s\\\"t\"]",
      "\xEF\xBB\xBF {\"bom\": 1}",
  };
  for (const auto& text : texts) {
    const auto index = detail::index_json_positions(text);
    Path at;
    std::size_t checked = 0;
    const std::string_view json = std::string_view(text).starts_with("\xEF\xBB\xBF")
                                      ? std::string_view(text).substr(3)
                                      : std::string_view(text);
    expect_starts_each_value(text, boost::json::parse(json), at, index, checked);
    EXPECT_EQ(index.size(), checked) << text;
  }
}

TEST(JsonPositions, EveryValueOfTheBundledExampleIsIndexed) {
  std::ifstream in(OASKIT_SOURCE_DIR "/examples/petstore-oauth.json", std::ios::binary);
  const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  const auto index = detail::index_json_positions(text);
  Path at;
  std::size_t checked = 0;
  expect_starts_each_value(text, boost::json::parse(text), at, index, checked);
  EXPECT_GT(checked, 500u);
}

TEST(JsonPositions, TheRoot_IsItsFirstByteAfterBlanks) {
  EXPECT_EQ(offset_at(" \r\n\t{\"a\": 1}", {}), 4u);
  EXPECT_EQ(offset_at("42", {}), 0u);
  EXPECT_EQ(offset_at("", {}), std::nullopt);
  EXPECT_EQ(offset_at("  \n", Path{"a"}), std::nullopt);
}

TEST(JsonPositions, MembersAndItems_AtTheirValues) {
  const std::string_view text = R"({"a": 1, "b" : "x", "c":{"d":null}})";
  EXPECT_EQ(offset_at(text, Path{"a"}), text.find('1'));
  EXPECT_EQ(offset_at(text, Path{"b"}), text.find("\"x\""));
  EXPECT_EQ(offset_at(text, Path{"c"}), text.find("{\"d\""));
  EXPECT_EQ(offset_at(text, Path{"c", "d"}), text.find("null"));
  EXPECT_EQ(offset_at(R"({"a": [1, {"b": 2}]})", Path{"a", 1u, "b"}), 16u);
  const std::string_view nested = "[[1, 2], [3, [4, 5, 6]]]";
  EXPECT_EQ(offset_at(nested, Path{0u}), 1u);
  EXPECT_EQ(offset_at(nested, Path{0u, 1u}), nested.find('2'));
  EXPECT_EQ(offset_at(nested, Path{1u, 1u}), nested.find("[4"));
  EXPECT_EQ(offset_at(nested, Path{1u, 1u, 2u}), nested.find('6'));
  const std::string_view servers =
      R"({"servers": [{"url": "a"}, {"url": "b", "x": [true, false]}]})";
  EXPECT_EQ(offset_at(servers, Path{"servers", 1u, "url"}), servers.find("\"b\""));
  EXPECT_EQ(offset_at(servers, Path{"servers", 1u, "x", 1u}), servers.find("false"));
}

TEST(JsonPositions, EscapedKeys_AreIndexedUnescaped) {
  const std::string_view text = R"({"a\u0062": 1, "q\"\\\/": 2, "\ud83d\ude00": 3, "é\n": 4})";
  EXPECT_EQ(offset_at(text, Path{"ab"}), text.find(": 1") + 2);
  EXPECT_EQ(offset_at(text, Path{"q\"\\/"}), text.find(": 2") + 2);
  EXPECT_EQ(offset_at(text, Path{"😀"}), text.find(": 3") + 2);
  EXPECT_EQ(offset_at(text, Path{"é\n"}), text.find(": 4") + 2);
  EXPECT_EQ(offset_at(text, Path{"a\\u0062"}), std::nullopt);
  const std::string_view nul = R"({"a\u0000b": 1})";
  EXPECT_EQ(offset_at(nul, Path{std::string("a\0b", 3)}), nul.find('1'));
}

TEST(JsonPositions, BracketsInStrings_AndRepeatedOrNestedKeys) {
  const std::string_view text = R"({"s": "]}\"[{", "t": ["]", {"}": "\\"}], "u": 7})";
  EXPECT_EQ(offset_at(text, Path{"u"}), text.find('7'));
  const std::string_view repeated = R"({"a": {"x": 1}, "a": {"x": 2}})";
  EXPECT_EQ(offset_at(repeated, Path{"a", "x"}), repeated.find('1')) << "the first one";
  const std::string_view nested = R"({"o": {"k": 1}, "k": 2})";
  EXPECT_EQ(offset_at(nested, Path{"k"}), nested.find('2'));
}

TEST(JsonPositions, MissingMembersOrItems_AreNotThere) {
  const std::string_view text = R"({"a": [1, 2], "b": {}})";
  EXPECT_EQ(offset_at(text, Path{"z"}), std::nullopt);
  EXPECT_EQ(offset_at(text, Path{"a", 2u}), std::nullopt);
  EXPECT_EQ(offset_at(text, Path{"b", "c"}), std::nullopt);
  EXPECT_EQ(offset_at("[]", Path{0u}), std::nullopt);
  EXPECT_EQ(offset_at(R"({"a": "xy"})", Path{"a", 0u}), std::nullopt);
}

TEST(JsonPositions, DeepNesting_IsScannedWithoutRecursion) {
  // As deep as parse<T> and a Source accept (max_nesting_depth); the index keeps each
  // level's pointer, so it is built for texts already checked against that limit.
  const std::size_t depth = 500;
  const std::string text = std::string(depth, '[') + "7" + std::string(depth, ']');
  EXPECT_EQ(offset_at(text, Path(depth, std::size_t{0})), depth);
  const std::string sibling = "[" + std::string(depth, '[') + std::string(depth, ']') + ", 5]";
  EXPECT_EQ(offset_at(sibling, Path{1u}), sibling.find('5'));
}

}  // namespace
}  // namespace oaskit
