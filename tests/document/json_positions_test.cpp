// The one-pass JSON position index gives what the text locator finds, for every value.

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <fstream>
#include <iterator>
#include <string>

#include "document/json_positions.hpp"
#include "json/locate.hpp"
#include "oaskit/diagnostic.hpp"
#include "support/test_support.hpp"

namespace oaskit {
namespace {

void expect_same_positions(const std::string& text, const boost::json::value& value, Path& at,
                           const std::unordered_map<std::string, TextPosition>& index,
                           std::size_t& checked) {
  const auto offset = detail::locate_value(text, at);
  ASSERT_TRUE(offset) << to_string(at);
  const auto found = index.find(to_json_pointer(at));
  ASSERT_NE(found, index.end()) << to_json_pointer(at);
  EXPECT_EQ(found->second, detail::position_of(text, *offset)) << to_json_pointer(at);
  ++checked;
  if (const auto* object = value.if_object()) {
    for (const auto& member : *object) {
      at.emplace_back(std::string(member.key()));
      expect_same_positions(text, member.value(), at, index, checked);
      at.pop_back();
    }
  } else if (const auto* array = value.if_array()) {
    for (std::size_t i = 0; i < array->size(); ++i) {
      at.emplace_back(i);
      expect_same_positions(text, (*array)[i], at, index, checked);
      at.pop_back();
    }
  }
}

TEST(JsonPositions, MatchTheLocatorForEveryValue) {
  const std::string texts[] = {
      R"({"a~/b": [1, {"é": "ü", "x\u0079": [[], {}]}], "c": null,
          "d": {"e": -1.5e3}})",
      "  [\r\n true,\r false , \"s\\\"t\"]",
  };
  for (const auto& text : texts) {
    const auto index = detail::index_json_positions(text);
    Path at;
    std::size_t checked = 0;
    expect_same_positions(text, boost::json::parse(text), at, index, checked);
    EXPECT_EQ(index.size(), checked) << text;
  }
}

TEST(JsonPositions, MatchTheLocatorOnTheBundledExample) {
  std::ifstream in(OASKIT_SOURCE_DIR "/examples/petstore-oauth.json", std::ios::binary);
  const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  const auto index = detail::index_json_positions(text);
  Path at;
  std::size_t checked = 0;
  expect_same_positions(text, boost::json::parse(text), at, index, checked);
  EXPECT_GT(checked, 500u);
}

}  // namespace
}  // namespace oaskit
