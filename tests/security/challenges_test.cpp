// WWW-Authenticate challenges (RFC 9110 §11.6.1) read and written: the examples of RFC 9110,
// RFC 6750 and RFC 7235, several challenges in one field, token68, and the errors, each with
// the offset where reading stopped.

#include "http/challenges.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "security/auth_error.hpp"

namespace oaskit::detail {
namespace {

using Params = std::vector<std::pair<std::string, std::string>>;

std::vector<Challenge> read(std::string_view text) {
  auto challenges = parse_challenges(text);
  EXPECT_TRUE(challenges) << text << ": at " << challenges.errors().offset << ": "
                          << challenges.errors().message;
  return challenges ? *challenges : std::vector<Challenge>{};
}

ChallengeError refused(std::string_view text) {
  auto challenges = parse_challenges(text);
  EXPECT_FALSE(challenges) << text << " was read";
  return challenges ? ChallengeError{} : challenges.errors();
}

TEST(Challenges, Rfc6750Example_IsOneBearerChallengeWithItsParameters) {
  const auto challenges = read(
      R"(Bearer realm="example", error="invalid_token", error_description="The access token expired")");
  ASSERT_EQ(challenges.size(), 1U);
  EXPECT_EQ(challenges[0].scheme, "Bearer");
  EXPECT_EQ(challenges[0].params, (Params{{"realm", "example"},
                                          {"error", "invalid_token"},
                                          {"error_description", "The access token expired"}}));
  EXPECT_EQ(challenges[0].param("ERROR"), "invalid_token");
  EXPECT_EQ(challenges[0].param("scope"), std::nullopt);
}

TEST(Challenges, Rfc9110Example_TwoChallengesInOneField) {
  // RFC 9110 §11.6.1: a Newauth challenge with two parameters, then a Basic one.
  const auto challenges =
      read(R"(Newauth realm="apps", type=1, title="Login to \"apps\"", Basic realm="simple")");
  ASSERT_EQ(challenges.size(), 2U);
  EXPECT_EQ(challenges[0].scheme, "Newauth");
  EXPECT_EQ(challenges[0].params,
            (Params{{"realm", "apps"}, {"type", "1"}, {"title", R"(Login to "apps")"}}));
  EXPECT_EQ(challenges[1].scheme, "Basic");
  EXPECT_EQ(challenges[1].params, (Params{{"realm", "simple"}}));
}

TEST(Challenges, SchemesAlone_Token68_EmptyItemsAndWhitespace) {
  const auto challenges = read(" ,Negotiate abc+/==  , , Bearer,Basic realm = x ,");
  ASSERT_EQ(challenges.size(), 3U);
  EXPECT_EQ(challenges[0].scheme, "Negotiate");
  EXPECT_EQ(challenges[0].token68, "abc+/==");
  EXPECT_TRUE(challenges[0].params.empty());
  EXPECT_EQ(challenges[1].scheme, "Bearer");
  EXPECT_FALSE(challenges[1].token68);
  EXPECT_TRUE(challenges[1].params.empty());
  EXPECT_EQ(challenges[2].params, (Params{{"realm", "x"}}));
  EXPECT_TRUE(read("").empty());
  EXPECT_TRUE(read(" , ").empty());
}

TEST(Challenges, TrailingEqualsMakeAToken68_NotAParameter) {
  const auto challenges = read("Custom abc==, Other a=b");
  ASSERT_EQ(challenges.size(), 2U);
  EXPECT_EQ(challenges[0].token68, "abc==");
  EXPECT_EQ(challenges[1].params, (Params{{"a", "b"}}));
}

TEST(Challenges, Malformed_IsAnErrorAtTheByteWhereReadingStopped) {
  EXPECT_EQ(refused(R"(Bearer realm="open)").offset, 18U);   // the quoted-string is not closed
  EXPECT_EQ(refused("Bearer realm=\"a\x01\"").offset, 15U);  // a control character in it
  EXPECT_EQ(refused(R"(Bearer realm="a" error="b")").offset, 17U);  // no comma between params
  EXPECT_EQ(refused(R"(Bearer realm="a", error=)").offset, 24U);    // no value
  EXPECT_EQ(refused("Bearer abc def").offset, 11U);                 // text after a token68
  EXPECT_EQ(refused("=x").offset, 0U);                              // no auth-scheme
  EXPECT_EQ(refused("Bearer\trealm=x").offset, 7U);  // 1*SP after the scheme, not a tab
  EXPECT_EQ(refused("Bearer realm=\"x\"\"").offset, 16U);
  EXPECT_NE(refused("Bearer realm x").message.find("name=value"), std::string::npos);
}

TEST(Challenges, ALoneTokenWithTrailingEquals_IsAToken68) {
  // "realm=" is a token68 by the grammar, not a parameter without a value.
  const auto challenges = read("Bearer realm=, x");
  ASSERT_EQ(challenges.size(), 2U);
  EXPECT_EQ(challenges[0].token68, "realm=");
  EXPECT_EQ(challenges[1].scheme, "x");
}

TEST(Challenges, WhatTheServerWrites_ReadsBackAsWritten) {
  // The server's Bearer challenge with an error description quoting the request.
  const std::string written = security::detail::with_parameters(
      "Bearer", {{"realm", "api \"v2\" \\ test\t"}, {"error", "invalid_token"}, {"scope", "a b"}});
  const auto challenges = read(written);
  ASSERT_EQ(challenges.size(), 1U);
  EXPECT_EQ(
      challenges[0].params,
      (Params{{"realm", "api \"v2\" \\ test\t"}, {"error", "invalid_token"}, {"scope", "a b"}}));
  EXPECT_EQ(to_string(challenges[0]), written);
}

TEST(Challenges, ToString_ReadsBackTheSameChallenges) {
  for (const std::string_view text :
       {R"(Newauth realm="apps", type=1, title="Login to \"apps\"", Basic realm="simple")",
        "Negotiate abc==, Bearer, Basic realm=x"}) {
    const auto challenges = read(text);
    std::string joined;
    for (const auto& challenge : challenges) {
      joined += (joined.empty() ? "" : ", ") + to_string(challenge);
    }
    EXPECT_EQ(read(joined), challenges) << joined;
  }
}

TEST(Challenges, BearerErrorIs_ReadsOnlyTheBearerChallengesErrorParameter) {
  EXPECT_TRUE(bearer_error_is(R"(Bearer error="invalid_token")", "invalid_token"));
  EXPECT_TRUE(bearer_error_is(R"(Basic realm="x", bearer Error=invalid_token)", "invalid_token"));
  EXPECT_FALSE(bearer_error_is(R"(Bearer realm="invalid_token")", "invalid_token"));
  EXPECT_FALSE(bearer_error_is(R"(DPoP error="invalid_token")", "invalid_token"));
  EXPECT_FALSE(bearer_error_is(R"(Bearer error="insufficient_scope")", "invalid_token"));
  EXPECT_FALSE(bearer_error_is(R"(Bearer error="invalid_token)", "invalid_token"));  // malformed
}

}  // namespace
}  // namespace oaskit::detail
