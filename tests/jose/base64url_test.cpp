// Base64url (RFC 7515 §2): every byte string has exactly one accepted spelling.

#include <gtest/gtest.h>

#include <string>

#include "oaskit/jose.hpp"

namespace oaskit::jose {
namespace {

TEST(Base64url, EncodesWithTheUrlAlphabetAndNoPadding) {
  EXPECT_EQ(base64url_encode(""), "");
  EXPECT_EQ(base64url_encode("f"), "Zg");
  EXPECT_EQ(base64url_encode("fo"), "Zm8");
  EXPECT_EQ(base64url_encode("foo"), "Zm9v");
  EXPECT_EQ(base64url_encode("foob"), "Zm9vYg");
  EXPECT_EQ(base64url_encode("\xfb\xff\xfe"), "-__-");
  // RFC 7515 §3.3's header.
  EXPECT_EQ(base64url_encode("{\"typ\":\"JWT\",\r\n \"alg\":\"HS256\"}"),
            "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9");
}

TEST(Base64url, EveryByteStringRoundTrips) {
  std::string bytes;
  for (int length = 0; length < 300; ++length) {
    ASSERT_EQ(base64url_decode(base64url_encode(bytes)), bytes) << length;
    bytes += static_cast<char>(length * 37 + 11);
  }
}

TEST(Base64url, Padding_IsRefused) {
  EXPECT_FALSE(base64url_decode("Zg=="));
  EXPECT_FALSE(base64url_decode("Zm8="));
}

TEST(Base64url, WhitespaceAnywhere_IsRefused) {
  EXPECT_FALSE(base64url_decode("Zm9v "));
  EXPECT_FALSE(base64url_decode(" Zm9v"));
  EXPECT_FALSE(base64url_decode("Zm\n9v"));
  EXPECT_FALSE(base64url_decode("Zm\r9v"));
}

TEST(Base64url, StandardAlphabetCharacters_AreRefused) {
  EXPECT_TRUE(base64url_decode("-__-"));
  EXPECT_FALSE(base64url_decode("+//+"));
  EXPECT_FALSE(base64url_decode("Zm9v."));
  EXPECT_FALSE(base64url_decode(std::string("Zm\0v", 4)));
}

TEST(Base64url, LengthOneMoreThanAMultipleOfFour_IsRefused) {
  EXPECT_FALSE(base64url_decode("Z"));
  EXPECT_FALSE(base64url_decode("Zm9vY"));
}

TEST(Base64url, NonZeroUnusedTrailingBits_AreRefused) {
  EXPECT_EQ(base64url_decode("QQ"), "A");
  EXPECT_FALSE(base64url_decode("QR"));  // would also be "A"
  EXPECT_FALSE(base64url_decode("QX"));
  EXPECT_EQ(base64url_decode("QUE"), "AA");
  EXPECT_FALSE(base64url_decode("QUF"));
}

TEST(Base64url, Empty_IsTheEmptyString) { EXPECT_EQ(base64url_decode(""), ""); }

}  // namespace
}  // namespace oaskit::jose
