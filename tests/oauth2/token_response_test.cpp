// The token endpoint's answer, read as RFC 6749 §5 says: what counts as a token, what as the
// server's refusal, and what as no usable answer.

#include "oauth2/token_response.hpp"

#include <gtest/gtest.h>

#include <string>

namespace oaskit::oauth2::detail {
namespace {

using Kind = GrantError::Kind;
using oaskit::detail::HttpResponse;

const auto now = std::chrono::system_clock::time_point(std::chrono::seconds(1'800'000'000));

GrantResult read(long status, std::string body,
                 std::vector<std::pair<std::string, std::string>> headers = {}) {
  return read_token_response(HttpResponse{status, std::move(headers), std::move(body)}, now);
}

Kind kind_of(const GrantResult& result) {
  EXPECT_FALSE(result) << "a token was read";
  return result ? Kind::configuration : result.errors().kind;
}

TEST(TokenResponse, Rfc6749_5_1_ExampleIsRead) {
  const auto token = read(200, R"({"access_token":"2YotnFZFEjr1zCsicMWpAA","token_type":"example",
    "expires_in":3600,"refresh_token":"tGzv3JOkF0XG5Qx2TlKWIA","example_parameter":"example_value"})");
  // "example" is not a type oaskit can send: refused, by name only.
  EXPECT_EQ(kind_of(token), Kind::bad_response);
  EXPECT_NE(token.errors().message.find("not Bearer"), std::string::npos);
  EXPECT_EQ(token.errors().message.find("2YotnFZFEjr1zCsicMWpAA"), std::string::npos);

  const auto bearer = read(200, R"({"access_token":"2YotnFZFEjr1zCsicMWpAA","token_type":"bEaReR",
    "expires_in":3600,"refresh_token":"tGzv3JOkF0XG5Qx2TlKWIA","scope":"a  b","x":1})");
  ASSERT_TRUE(bearer) << bearer.errors().message;
  EXPECT_EQ(bearer->access_token, "2YotnFZFEjr1zCsicMWpAA");
  EXPECT_EQ(bearer->token_type, "bEaReR");
  EXPECT_EQ(bearer->expires_in, std::chrono::seconds(3600));
  EXPECT_EQ(bearer->refresh_token, "tGzv3JOkF0XG5Qx2TlKWIA");
  ASSERT_TRUE(bearer->scope);
  EXPECT_EQ(*bearer->scope, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(bearer->members.at("x"), 1);
}

TEST(TokenResponse, OptionalMembersMayBeAbsent) {
  const auto token = read(200, R"({"access_token":"t","token_type":"Bearer"})");
  ASSERT_TRUE(token);
  EXPECT_FALSE(token->expires_in);
  EXPECT_FALSE(token->refresh_token);
  EXPECT_FALSE(token->scope);
  EXPECT_FALSE(token->id_token);
}

TEST(TokenResponse, MalformedSuccesses_AreBadResponses) {
  for (const char* body :
       {R"({"token_type":"Bearer"})",                                         // no access_token
        R"({"access_token":"","token_type":"Bearer"})",                       // empty
        R"({"access_token":7,"token_type":"Bearer"})",                        // not a string
        R"({"access_token":"t"})",                                            // no token_type
        R"({"access_token":"t","token_type":"DPoP"})",                        // not Bearer
        R"({"access_token":"t","token_type":"Bearer","expires_in":"3600"})",  // a string
        R"({"access_token":"t","token_type":"Bearer","expires_in":-1})",
        R"({"access_token":"t","token_type":"Bearer","refresh_token":5})",
        R"({"access_token":"t","token_type":"Bearer","scope":["a"]})",
        R"({"access_token":"t","access_token":"u","token_type":"Bearer"})",  // repeated
        R"([{"access_token":"t","token_type":"Bearer"}])", "not json", ""}) {
    const auto token = read(200, body);
    EXPECT_EQ(kind_of(token), Kind::bad_response) << body;
    EXPECT_EQ(token.errors().http_status, 200) << body;
  }
}

TEST(TokenResponse, FractionalAndHugeLifetimes_AreSeconds) {
  EXPECT_EQ(
      read(200, R"({"access_token":"t","token_type":"Bearer","expires_in":59.9})")->expires_in,
      std::chrono::seconds(59));
  EXPECT_GT(
      read(200, R"({"access_token":"t","token_type":"Bearer","expires_in":1e30})")->expires_in,
      std::chrono::hours(24 * 365 * 60));
}

TEST(TokenResponse, Rfc6749_5_2_ErrorsAreTypedValues) {
  const auto refused = read(400, R"({"error":"invalid_scope","error_description":"no such scope",
    "error_uri":"https://auth.example.com/errors/scope"})");
  ASSERT_EQ(kind_of(refused), Kind::refused);
  EXPECT_EQ(refused.errors().error, "invalid_scope");
  EXPECT_EQ(refused.errors().error_description, "no such scope");
  EXPECT_EQ(refused.errors().error_uri, "https://auth.example.com/errors/scope");
  EXPECT_EQ(refused.errors().http_status, 400);
  EXPECT_NE(refused.errors().message.find("invalid_scope"), std::string::npos);

  const auto client =
      read(401, R"({"error":"invalid_client"})", {{"WWW-Authenticate", "Basic realm=\"token\""}});
  ASSERT_EQ(kind_of(client), Kind::refused);
  EXPECT_EQ(client.errors().error, "invalid_client");
  EXPECT_FALSE(client.errors().error_description);
}

TEST(TokenResponse, ClientErrorsWithoutAnOAuthError_AreBadResponses) {
  EXPECT_EQ(kind_of(read(400, "<html>Bad Request</html>")), Kind::bad_response);
  EXPECT_EQ(kind_of(read(404, R"({"message":"not found"})")), Kind::bad_response);
  EXPECT_EQ(kind_of(read(400, R"({"error":42})")), Kind::bad_response);
  EXPECT_EQ(kind_of(read(302, "")), Kind::bad_response);
  EXPECT_EQ(kind_of(read(204, "")), Kind::bad_response);
}

TEST(TokenResponse, OverloadAndServerErrors_AreUnavailableWithRetryAfter) {
  const auto busy = read(429, "", {{"Retry-After", "7"}});
  ASSERT_EQ(kind_of(busy), Kind::unavailable);
  EXPECT_EQ(busy.errors().http_status, 429);
  EXPECT_EQ(busy.errors().retry_after, std::chrono::seconds(7));

  const auto down = read(503, "", {{"Retry-After", "Fri, 15 Jan 2027 08:00:30 GMT"}});
  ASSERT_EQ(kind_of(down), Kind::unavailable);
  EXPECT_EQ(down.errors().retry_after, std::chrono::seconds(1'800'000'030 - 1'800'000'000));

  const auto broken = read(500, R"({"error":"server_error"})", {{"Retry-After", "soon"}});
  ASSERT_EQ(kind_of(broken), Kind::unavailable);
  EXPECT_FALSE(broken.errors().retry_after);
}

}  // namespace
}  // namespace oaskit::oauth2::detail
