// PKCE (RFC 7636): the S256 challenge, and fresh verifiers.

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "oaskit/oauth2/authorization_code.hpp"

namespace oaskit::oauth2 {
namespace {

TEST(Pkce, Rfc7636_AppendixB_Challenge) {
  EXPECT_EQ(Pkce::challenge_of("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
}

TEST(Pkce, Rfc7636_4_1_VerifiersAreFreshAndWellFormed) {
  std::set<std::string> seen;
  for (int i = 0; i < 100; ++i) {
    const auto pair = Pkce::generate();
    ASSERT_EQ(pair.verifier.size(), 43U);  // 32 random bytes
    for (const char c : pair.verifier) {
      EXPECT_TRUE(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_') << c;
    }
    EXPECT_EQ(pair.challenge, Pkce::challenge_of(pair.verifier));
    EXPECT_TRUE(seen.insert(pair.verifier).second);
  }
}

}  // namespace
}  // namespace oaskit::oauth2
