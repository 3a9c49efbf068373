#include "http/form.hpp"

#include <gtest/gtest.h>

#include "http/basic_auth.hpp"

namespace oaskit::detail {
namespace {

TEST(FormUrlencode, KeepsAlphanumericsAndStarDashDotUnderscore_EncodesTheRest) {
  EXPECT_EQ(form_urlencode("AZaz09*-._"), "AZaz09*-._");
  EXPECT_EQ(form_urlencode("a b&c=d/é~!"), "a+b%26c%3Dd%2F%C3%A9%7E%21");
  EXPECT_EQ(form_urlencode("+%:"), "%2B%25%3A");
  EXPECT_EQ(form_urlencode(std::string_view("\0\x7f\xff", 3)), "%00%7F%FF");
  EXPECT_EQ(form_urlencode(""), "");
}

TEST(FormBody, JoinsEncodedPairsWithAmpersands) {
  EXPECT_EQ(form_body({{"token", "a+b=c"}, {"token_type_hint", "access_token"}}),
            "token=a%2Bb%3Dc&token_type_hint=access_token");
  EXPECT_EQ(form_body({{"a b", ""}}), "a+b=");
  EXPECT_EQ(form_body({}), "");
}

TEST(Base64Encode, MatchesTheRfc4648TestVectors) {
  EXPECT_EQ(base64_encode(""), "");
  EXPECT_EQ(base64_encode("f"), "Zg==");
  EXPECT_EQ(base64_encode("fo"), "Zm8=");
  EXPECT_EQ(base64_encode("foo"), "Zm9v");
  EXPECT_EQ(base64_encode("foob"), "Zm9vYg==");
  EXPECT_EQ(base64_encode("fooba"), "Zm9vYmE=");
  EXPECT_EQ(base64_encode("foobar"), "Zm9vYmFy");
  EXPECT_EQ(base64_encode(std::string_view("\xfb\xff", 2)), "+/8=");
}

TEST(BasicAuthorization, FormUrlencodesIdAndSecretBeforeBase64) {
  // RFC 6749 §2.3.1: "my%3Aclient%25id:s%C3%A9%3Acret+pass", so the id's ':' is not the
  // separator.
  EXPECT_EQ(basic_authorization("my:client%id", "sé:cret pass"),
            "Basic bXklM0FjbGllbnQlMjVpZDpzJUMzJUE5JTNBY3JldCtwYXNz");
  EXPECT_EQ(basic_authorization("client", "secret"), "Basic Y2xpZW50OnNlY3JldA==");
}

}  // namespace
}  // namespace oaskit::detail
