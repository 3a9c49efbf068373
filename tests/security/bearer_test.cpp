// `Authorization: Bearer <token>` (RFC 6750 §2.1), read the same way by every bearer scheme:
// OAuth2 and its shorthands, OpenIdConnect and HTTPBearer.

#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <string>

#include "oaskit/security/schemes.hpp"
#include "support/security_request.hpp"

namespace oaskit::security {
namespace {

using test::request;
using test::with_authorization;

struct BearerScheme {
  std::string label;
  std::function<std::shared_ptr<Scheme>(bool auto_error)> make;
};

std::vector<BearerScheme> bearer_schemes() {
  return {
      {"OAuth2",
       [](bool auto_error) {
         return std::make_shared<OAuth2>(OAuth2Options{.auto_error = auto_error});
       }},
      {"OAuth2PasswordBearer",
       [](bool auto_error) {
         return std::make_shared<OAuth2PasswordBearer>(
             OAuth2PasswordBearerOptions{.tokenUrl = "token", .auto_error = auto_error});
       }},
      {"OAuth2AuthorizationCodeBearer",
       [](bool auto_error) {
         return std::make_shared<OAuth2AuthorizationCodeBearer>(
             OAuth2AuthorizationCodeBearerOptions{
                 .authorizationUrl = "authorize", .tokenUrl = "token", .auto_error = auto_error});
       }},
      {"OAuth2ClientCredentialsBearer",
       [](bool auto_error) {
         return std::make_shared<OAuth2ClientCredentialsBearer>(
             OAuth2ClientCredentialsBearerOptions{.tokenUrl = "token", .auto_error = auto_error});
       }},
      {"OpenIdConnect",
       [](bool auto_error) {
         return std::make_shared<OpenIdConnect>(OpenIdConnectOptions{
             .openIdConnectUrl = "https://id.example.com/.well-known/openid-configuration",
             .auto_error = auto_error});
       }},
      {"HTTPBearer",
       [](bool auto_error) {
         return std::make_shared<HTTPBearer>(HTTPBearerOptions{.auto_error = auto_error});
       }},
  };
}

class Bearer : public ::testing::TestWithParam<BearerScheme> {
 protected:
  [[nodiscard]] Scheme::Extracted extract(const RequestView& view, bool auto_error = true) const {
    return GetParam().make(auto_error)->extract(view);
  }
  // The token taken from `Authorization: <value>`, or "" with the failure written to the test log.
  [[nodiscard]] std::string token_of(std::string_view value) const {
    auto extracted = extract(with_authorization(value));
    if (!extracted || !extracted.value()) return "";
    EXPECT_EQ(extracted.value()->kind, CredentialKind::bearer);
    return extracted.value()->value;
  }
  void expect_invalid_request(const RequestView& view) const {
    auto extracted = extract(view);
    ASSERT_FALSE(extracted);
    const AuthError& error = extracted.errors();
    EXPECT_EQ(error.status, 401);  // as FastAPI; RFC 6750 §3.1 suggests 400
    EXPECT_EQ(error.error, "invalid_request");
    ASSERT_EQ(error.challenges.size(), 1U);
    EXPECT_TRUE(error.challenges[0].starts_with(R"(Bearer error="invalid_request")"))
        << error.challenges[0];
    EXPECT_FALSE(error.error_description.empty());
  }
  void expect_not_authenticated(const RequestView& view) const {
    auto extracted = extract(view);
    ASSERT_FALSE(extracted);
    const AuthError& error = extracted.errors();
    EXPECT_EQ(error.status, 401);
    EXPECT_EQ(error.challenges, std::vector<std::string>{"Bearer"});  // §3: no error code
    EXPECT_EQ(error.error, "");
    EXPECT_EQ(error.detail, "Not authenticated");
    EXPECT_EQ(error.body(), R"({"detail":"Not authenticated"})");
  }
};

TEST_P(Bearer, Token_IsTakenFromTheAuthorizationHeader) {
  EXPECT_EQ(token_of("Bearer mF_9.B5f-4.1JqM"), "mF_9.B5f-4.1JqM");
}

TEST_P(Bearer, CredentialKeepsTheSchemeAsSent) {
  auto extracted = extract(with_authorization("bearer abc"));
  ASSERT_TRUE(extracted && extracted.value());
  EXPECT_EQ(extracted.value()->scheme, "bearer");
}

TEST_P(Bearer, AuthScheme_IsCaseInsensitive) {
  EXPECT_EQ(token_of("bearer abc"), "abc");
  EXPECT_EQ(token_of("BEARER abc"), "abc");
  EXPECT_EQ(token_of("bEaReR abc"), "abc");
}

TEST_P(Bearer, HeaderName_IsCaseInsensitive) {
  auto extracted = extract(request({{"authorization", "Bearer abc"}}));
  ASSERT_TRUE(extracted && extracted.value());
  EXPECT_EQ(extracted.value()->value, "abc");
}

TEST_P(Bearer, EveryB64TokenCharacter_IsAccepted) {
  const std::string all = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~+/==";
  EXPECT_EQ(token_of("Bearer " + all), all);
}

TEST_P(Bearer, SeveralSpacesAfterTheScheme_AreAllowed) {
  // RFC 6750 §2.1: credentials = "Bearer" 1*SP b64token.
  EXPECT_EQ(token_of("Bearer  abc"), "abc");
}

TEST_P(Bearer, MissingHeader_IsNotAuthenticatedWithoutErrorCode) {
  expect_not_authenticated(request());
}

TEST_P(Bearer, OtherAuthScheme_IsNotAuthenticated) {
  expect_not_authenticated(with_authorization("Basic dXNlcjpwYXNz"));
  expect_not_authenticated(with_authorization("Bearerabc"));
}

TEST_P(Bearer, AccessTokenQueryParameter_IsNeverAccepted) {
  // RFC 6750 §2.3: SHOULD NOT be used; tokens in URLs end up in logs and Referer headers.
  expect_not_authenticated(request({}, "/pets?access_token=abc"));
}

TEST_P(Bearer, AccessTokenQueryParameter_DoesNotReplaceTheHeader) {
  auto extracted = extract(request({{"Authorization", "Bearer header"}}, "/p?access_token=query"));
  ASSERT_TRUE(extracted && extracted.value());
  EXPECT_EQ(extracted.value()->value, "header");
}

TEST_P(Bearer, SchemeWithoutToken_IsInvalidRequest) {
  expect_invalid_request(with_authorization("Bearer"));
  expect_invalid_request(with_authorization("Bearer "));
}

TEST_P(Bearer, EmptyAuthorizationHeader_IsInvalidRequest) {
  expect_invalid_request(with_authorization(""));
}

TEST_P(Bearer, TwoTokens_AreInvalidRequest) {
  expect_invalid_request(with_authorization("Bearer a b"));
}

TEST_P(Bearer, TabInsteadOfSpace_IsInvalidRequest) {
  expect_invalid_request(with_authorization("Bearer\tabc"));
  expect_invalid_request(with_authorization("Bearer a\tb"));
}

TEST_P(Bearer, CharactersOutsideB64Token_AreInvalidRequest) {
  for (const char* value : {"Bearer a,b", "Bearer a\"b", "Bearer a=b", "Bearer =abc", "Bearer a;b",
                            "Bearer a%20b", "Bearer t\xc3\xa9st", "Bearer a\x01"}) {
    SCOPED_TRACE(value);
    expect_invalid_request(with_authorization(value));
  }
}

TEST_P(Bearer, AuthParamsInsteadOfToken_AreInvalidRequest) {
  expect_invalid_request(with_authorization(R"(Bearer token="abc")"));
}

TEST_P(Bearer, NonAsciiScheme_IsInvalidRequest) {
  expect_invalid_request(
      with_authorization("B\xc3\xa9"
                         "arer abc"));
}

TEST_P(Bearer, MoreThanOneAuthorizationHeader_IsInvalidRequest) {
  // RFC 6750 §3.1: more than one method for including an access token.
  expect_invalid_request(request({{"Authorization", "Bearer a"}, {"Authorization", "Bearer a"}}));
  expect_invalid_request(request({{"Authorization", "Bearer a"}, {"authorization", "Basic b"}}));
}

TEST_P(Bearer, ErrorDescription_HasOnlyTheCharactersRfc6750Allows) {
  auto extracted = extract(with_authorization("Bearer a b"));
  ASSERT_FALSE(extracted);
  for (const char c : extracted.errors().error_description) {
    const auto byte = static_cast<unsigned char>(c);
    EXPECT_TRUE(byte == 0x20 || byte == 0x21 || (byte >= 0x23 && byte <= 0x5B) ||
                (byte >= 0x5D && byte <= 0x7E))
        << "character " << int(byte);
  }
}

TEST_P(Bearer, AutoErrorOff_MissingGivesNoCredential) {
  auto extracted = extract(request(), /*auto_error=*/false);
  ASSERT_TRUE(extracted);
  EXPECT_FALSE(extracted.value().has_value());
}

TEST_P(Bearer, AutoErrorOff_MalformedGivesNoCredential) {
  for (const char* value : {"Bearer a b", "Bearer", "Basic abc", ""}) {
    SCOPED_TRACE(value);
    auto extracted = extract(with_authorization(value), /*auto_error=*/false);
    ASSERT_TRUE(extracted);
    EXPECT_FALSE(extracted.value().has_value());
  }
}

TEST_P(Bearer, Challenge_IsBearer) { EXPECT_EQ(GetParam().make(true)->challenge(), "Bearer"); }

INSTANTIATE_TEST_SUITE_P(EveryBearerScheme, Bearer, ::testing::ValuesIn(bearer_schemes()),
                         [](const ::testing::TestParamInfo<BearerScheme>& scheme) {
                           return scheme.param.label;
                         });

}  // namespace
}  // namespace oaskit::security
