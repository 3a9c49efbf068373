// AuthError: the answer a refused request gets, and the RFC 6750 §3 / RFC 9110 §11 rules for the
// WWW-Authenticate values it carries.

#include <gtest/gtest.h>

#include "http/header_text.hpp"
#include "oaskit/security/schemes.hpp"
#include "security/auth_error.hpp"

namespace oaskit::security {
namespace {

TEST(AuthError, Body_IsFastApisDetailObject) {
  const AuthError error{.detail = "Not authenticated"};
  EXPECT_EQ(error.body(), R"({"detail":"Not authenticated"})");
}

TEST(AuthError, Body_EscapesTheDetailAsJson) {
  const AuthError error{.detail = "a \"quoted\" \\ word\n\x01"};
  EXPECT_EQ(error.body(), R"({"detail":"a \"quoted\" \\ word\n\u0001"})");
}

TEST(AuthError, WwwAuthenticate_JoinsChallengesWithComma) {
  const AuthError error{.challenges = {"Bearer", R"(Basic realm="x")", "APIKey"}};
  EXPECT_EQ(error.www_authenticate(), R"(Bearer, Basic realm="x", APIKey)");
}

TEST(AuthError, WwwAuthenticate_IsEmptyWithoutChallenges) {
  EXPECT_EQ(AuthError{}.www_authenticate(), "");
}

TEST(AuthError, QuotedString_EscapesQuoteAndBackslash) {
  EXPECT_EQ(oaskit::detail::quoted_string(R"(a"b\c)"), R"("a\"b\\c")");
}

TEST(AuthError, QuotedString_ReplacesControlCharacters) {
  EXPECT_EQ(oaskit::detail::quoted_string("a\r\nb\x7f"), "\"a  b \"");
}

TEST(AuthError, Rfc6750Text_KeepsOnlyAllowedCharacters) {
  // %x20-21 / %x23-5B / %x5D-7E
  EXPECT_EQ(detail::rfc6750_text("ok !#[]~"), "ok !#[]~");
  EXPECT_EQ(detail::rfc6750_text("say \"hi\" \\ now"), "say 'hi' / now");
  EXPECT_EQ(detail::rfc6750_text("line\nbreak\ttab"), "line break tab");
  EXPECT_EQ(detail::rfc6750_text("caf\xc3\xa9 \x7f"), "caf ");
}

TEST(AuthError, WithParameters_StartsAfterTheSchemeThenUsesCommas) {
  EXPECT_EQ(detail::with_parameters("Bearer", {{"error", "invalid_token"}, {"scope", "a b"}}),
            R"(Bearer error="invalid_token", scope="a b")");
  EXPECT_EQ(detail::with_parameters(R"(Basic realm="r")", {{"charset", "UTF-8"}}),
            R"(Basic realm="r", charset="UTF-8")");
}

TEST(AuthError, InvalidRequest_Is401WithSanitisedDescription) {
  const AuthError error = detail::invalid_request("Bearer", "bad \"token\"\n");
  EXPECT_EQ(error.status, 401);
  EXPECT_EQ(error.error, "invalid_request");
  EXPECT_EQ(error.error_description, "bad 'token' ");
  EXPECT_EQ(error.challenges,
            std::vector<std::string>{
                R"(Bearer error="invalid_request", error_description="bad 'token' ")"});
  EXPECT_EQ(error.detail, "Invalid authentication credentials");
}

TEST(AuthError, NotAuthenticated_Is401WithoutErrorCode) {
  const AuthError error = detail::not_authenticated({"Bearer", "APIKey"});
  EXPECT_EQ(error.status, 401);
  EXPECT_EQ(error.error, "");
  EXPECT_EQ(error.error_description, "");
  EXPECT_EQ(error.www_authenticate(), "Bearer, APIKey");
  EXPECT_TRUE(detail::reports_missing(error));
  EXPECT_FALSE(detail::reports_missing(detail::invalid_credentials("Basic")));
}

}  // namespace
}  // namespace oaskit::security
