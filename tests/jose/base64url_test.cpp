// Base64url (RFC 7515 §2): every byte string has exactly one accepted spelling.

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <string_view>

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

// The decoder works four characters at a time; this reference goes one character at a time, as
// RFC 4648 describes it. Every byte value, at every position of texts of each length class,
// must be judged the same by both.
std::optional<std::string> reference_decode(std::string_view text) {
  constexpr std::string_view alphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string out;
  unsigned bits = 0;
  int count = 0;
  for (const char c : text) {
    const auto at = alphabet.find(c);
    if (at == std::string_view::npos) return std::nullopt;
    bits = (bits << 6 | static_cast<unsigned>(at)) & 0xffffffu;
    count += 6;
    if (count >= 8) {
      count -= 8;
      out += static_cast<char>(bits >> count & 0xff);
    }
  }
  if (count >= 6 || (bits & ((1u << count) - 1)) != 0) return std::nullopt;
  return out;
}

TEST(Base64url, EverySingleCharacterChange_IsJudgedAsTheReferenceJudgesIt) {
  for (const std::string valid : {"Zm9vYmFy", "Zm9vYmFyYg", "Zm9vYmFyYmE", "QUFB"}) {
    for (std::size_t at = 0; at < valid.size(); ++at) {
      for (int byte = 0; byte < 256; ++byte) {
        std::string text = valid;
        text[at] = static_cast<char>(byte);
        ASSERT_EQ(base64url_decode(text), reference_decode(text)) << text << " at " << at;
      }
    }
  }
}

TEST(Base64url, Empty_IsTheEmptyString) { EXPECT_EQ(base64url_decode(""), ""); }

}  // namespace
}  // namespace oaskit::jose
