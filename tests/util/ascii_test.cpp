// The ASCII text rules every module shares: case folds A-Z only, trimming takes spaces, tabs
// and line breaks from both ends.

#include "util/ascii.hpp"

#include <gtest/gtest.h>

#include <string_view>

namespace oaskit::detail {
namespace {

TEST(Ascii, EqualsIgnoringAsciiCase_FoldsLettersOnly) {
  EXPECT_TRUE(equals_ignoring_ascii_case("Bearer", "bEARER"));
  EXPECT_TRUE(equals_ignoring_ascii_case("", ""));
  EXPECT_FALSE(equals_ignoring_ascii_case("Bearer", "Bearer "));
  EXPECT_FALSE(equals_ignoring_ascii_case("bearer", "bearers"));
  EXPECT_FALSE(equals_ignoring_ascii_case("[", "{"));  // '[' + 32 is '{': not a letter
  EXPECT_FALSE(equals_ignoring_ascii_case("\xC3\x89", "\xC3\xA9"));  // É and é
}

TEST(Ascii, EqualsIgnoringAsciiCase_WorksAtCompileTime) {
  static_assert(equals_ignoring_ascii_case("Content-Type", "content-type"));
  static_assert(!equals_ignoring_ascii_case("@", "`"));
}

TEST(Ascii, AsciiLowercase_LowersAsciiLettersAndKeepsOtherBytes) {
  EXPECT_EQ(ascii_lowercase("Application/JSON; Charset=UTF-8"), "application/json; charset=utf-8");
  EXPECT_EQ(ascii_lowercase("\xC3\x89Z@["), "\xC3\x89z@[");
  EXPECT_EQ(ascii_lowercase(""), "");
}

TEST(Ascii, Trimmed_TakesSpacesTabsAndLineBreaksFromBothEnds) {
  EXPECT_EQ(trimmed(" \t a b \r\n"), "a b");
  EXPECT_EQ(trimmed("\r\na\tb"), "a\tb");
  EXPECT_EQ(trimmed("ab"), "ab");
  EXPECT_EQ(trimmed(" \t\r\n"), "");
  EXPECT_EQ(trimmed(""), "");
  EXPECT_EQ(trimmed("\va\f"), "\va\f");  // other control characters are text
  static_assert(trimmed("  x  ") == "x");
}

}  // namespace
}  // namespace oaskit::detail
