// RequestView: what schemes read from a request, whatever HTTP library filled it.

#include <gtest/gtest.h>

#include "oaskit/security/request.hpp"

namespace oaskit::security {
namespace {

TEST(RequestView, HeaderNames_AreComparedIgnoringCase) {
  const RequestView view{.method = "GET", .target = "/", .headers = {{"x-API-key", "k"}}};
  EXPECT_EQ(view.header("X-Api-Key"), "k");
  EXPECT_EQ(view.header_count("X-API-KEY"), 1U);
}

TEST(RequestView, HeaderValues_KeepEveryRepeatInOrder) {
  const RequestView view{.method = "GET",
                         .target = "/",
                         .headers = {{"Cookie", "a=1"}, {"Accept", "*/*"}, {"cookie", "b=2"}}};
  EXPECT_EQ(view.header_values("Cookie"), (std::vector<std::string_view>{"a=1", "b=2"}));
  EXPECT_EQ(view.header_count("cookie"), 2U);
}

TEST(RequestView, RepeatedHeader_HasNoSingleValue) {
  const RequestView view{
      .method = "GET", .target = "/", .headers = {{"Authorization", "a"}, {"Authorization", "b"}}};
  EXPECT_EQ(view.header("Authorization"), std::nullopt);
  EXPECT_EQ(view.header_count("Authorization"), 2U);
}

TEST(RequestView, AbsentHeader_IsNullopt) {
  const RequestView view{.method = "GET", .target = "/", .headers = {}};
  EXPECT_EQ(view.header("Authorization"), std::nullopt);
  EXPECT_EQ(view.header_count("Authorization"), 0U);
}

TEST(RequestView, HeaderValue_LosesSurroundingWhitespace) {
  const RequestView view{.method = "GET", .target = "/", .headers = {{"X-Key", " \tabc \t"}}};
  EXPECT_EQ(view.header("X-Key"), "abc");
}

TEST(RequestView, Query_IsPercentAndPlusDecoded) {
  const RequestView view{.method = "GET", .target = "/p?q=a%20b+c%2B&other=1", .headers = {}};
  EXPECT_EQ(view.query("q"), "a b c+");
  EXPECT_EQ(view.query("other"), "1");
}

TEST(RequestView, QueryNames_AreDecodedToo) {
  const RequestView view{.method = "GET", .target = "/p?api%5Fkey=x", .headers = {}};
  EXPECT_EQ(view.query("api_key"), "x");
}

TEST(RequestView, Query_FirstOfRepeatedParametersWins) {
  const RequestView view{.method = "GET", .target = "/p?k=1&k=2", .headers = {}};
  EXPECT_EQ(view.query("k"), "1");
}

TEST(RequestView, Query_WithoutValueOrEquals_IsEmpty) {
  const RequestView view{.method = "GET", .target = "/p?flag&k=", .headers = {}};
  EXPECT_EQ(view.query("flag"), "");
  EXPECT_EQ(view.query("k"), "");
}

TEST(RequestView, Query_AbsentOrWithoutQueryString_IsNullopt) {
  EXPECT_EQ((RequestView{.method = "GET", .target = "/p", .headers = {}}.query("k")), std::nullopt);
  EXPECT_EQ((RequestView{.method = "GET", .target = "/p?", .headers = {}}.query("k")),
            std::nullopt);
  EXPECT_EQ((RequestView{.method = "GET", .target = "/p?kk=1", .headers = {}}.query("k")),
            std::nullopt);
}

TEST(RequestView, Query_NameIsCaseSensitive) {
  const RequestView view{.method = "GET", .target = "/p?Key=1", .headers = {}};
  EXPECT_EQ(view.query("key"), std::nullopt);
}

TEST(RequestView, QueryWithInvalidEscape_IsAbsent) {
  EXPECT_EQ((RequestView{.method = "GET", .target = "/p?k=%zz", .headers = {}}.query("k")),
            std::nullopt);
  EXPECT_EQ((RequestView{.method = "GET", .target = "/p?k=%4", .headers = {}}.query("k")),
            std::nullopt);
}

TEST(RequestView, QueryWithInvalidEscape_DoesNotHideALaterValidOne) {
  const RequestView view{.method = "GET", .target = "/p?k=%zz&k=ok", .headers = {}};
  EXPECT_EQ(view.query("k"), "ok");
}

TEST(RequestView, Query_SplitsAtTheFirstQuestionMark) {
  const RequestView view{.method = "GET", .target = "/p?k=a?b", .headers = {}};
  EXPECT_EQ(view.query("k"), "a?b");
}

TEST(RequestView, Cookie_IsFoundAmongOthers) {
  const RequestView view{
      .method = "GET", .target = "/", .headers = {{"Cookie", "theme=dark; session=abc; lang=en"}}};
  EXPECT_EQ(view.cookie("session"), "abc");
  EXPECT_EQ(view.cookie("theme"), "dark");
  EXPECT_EQ(view.cookie("lang"), "en");
}

TEST(RequestView, CookieQuotes_AreRemoved) {
  const RequestView view{.method = "GET", .target = "/", .headers = {{"Cookie", R"(s="a b")"}}};
  EXPECT_EQ(view.cookie("s"), "a b");
}

TEST(RequestView, Cookie_IsLookedForInEveryCookieHeader) {
  // HTTP/2 may split the Cookie header (RFC 9113 §8.2.3).
  const RequestView view{
      .method = "GET", .target = "/", .headers = {{"Cookie", "a=1"}, {"cookie", "b=2"}}};
  EXPECT_EQ(view.cookie("b"), "2");
}

TEST(RequestView, CookieNames_AreCaseSensitiveAndExact) {
  const RequestView view{
      .method = "GET", .target = "/", .headers = {{"Cookie", "Session=1; xs=2"}}};
  EXPECT_EQ(view.cookie("session"), std::nullopt);
  EXPECT_EQ(view.cookie("s"), std::nullopt);
}

TEST(RequestView, CookieWithoutEquals_IsSkipped) {
  const RequestView view{.method = "GET", .target = "/", .headers = {{"Cookie", "junk; s=1"}}};
  EXPECT_EQ(view.cookie("junk"), std::nullopt);
  EXPECT_EQ(view.cookie("s"), "1");
}

TEST(RequestView, CookieValue_MayContainEquals) {
  const RequestView view{.method = "GET", .target = "/", .headers = {{"Cookie", "s=a=b=="}}};
  EXPECT_EQ(view.cookie("s"), "a=b==");
}

}  // namespace
}  // namespace oaskit::security
