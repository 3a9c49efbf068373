// Interop with npm jose (tests/interop/jose_mint.mjs): its tokens verify with its keys read
// by oaskit (JWK and PKCS#8 PEM), and oaskit's tokens verify in jose, for every algorithm.
// Node.js and jose come from ./run deps; without them this test fails rather than skips.

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "jose/test_keys.hpp"
#include "oaskit/jose.hpp"

namespace oaskit::jose {
namespace {

const std::string script = std::string(OASKIT_SOURCE_DIR) + "/tests/interop/jose_mint.mjs";

const std::vector<std::string> algorithms{"RS256", "RS384", "RS512", "PS256", "PS384",
                                          "PS512", "ES256", "ES384", "ES512", "EdDSA",
                                          "HS256", "HS384", "HS512"};

const std::string secret(64, 'k');

// node on jose_mint.mjs with `args`; its stdout lines. Fails the test without Node.js or jose.
std::vector<std::string> run_jose(const std::string& args) {
  const bool have_jose = std::filesystem::exists(std::string(OASKIT_SOURCE_DIR) +
                                                 "/tests/interop/node_modules/jose/package.json");
  const bool have_node = test::run_command("command -v node").exit_code == 0;
  if (!have_jose || !have_node) {
    ADD_FAILURE() << "Node.js or npm jose is missing: run ./run deps";
    return {};
  }
  const auto result = test::run_command("node '" + script + "' " + args);
  EXPECT_EQ(result.exit_code, 0) << result.output;
  std::vector<std::string> lines;
  std::istringstream in(result.output);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

struct Token {
  std::string signing_input, signature;
};

Token split(std::string_view token) {
  const auto dot = token.rfind('.');
  auto signature = base64url_decode(token.substr(dot + 1));
  EXPECT_TRUE(signature) << "signature not base64url";
  return {std::string(token.substr(0, dot)), signature.value_or("")};
}

TEST(JoseInterop, TokensSignedByJose_VerifyWithItsKeysReadAsJwkAndPem) {
  std::string args;
  for (const auto& alg : algorithms) args += alg + " ";
  const auto lines = run_jose(args + "--secret " + base64url_encode(secret));
  ASSERT_EQ(lines.size(), algorithms.size());
  for (const auto& line : lines) {
    const auto minted = boost::json::parse(line).as_object();
    const std::string name(minted.at("alg").as_string());
    SCOPED_TRACE(name);
    const auto alg = *algorithm_from_string(name);
    const auto token = split(minted.at("token").as_string());
    EXPECT_EQ(*base64url_decode(token.signing_input.substr(token.signing_input.find('.') + 1)),
              std::string(minted.at("payload").as_string()));
    std::string tampered = token.signing_input;
    tampered[tampered.size() - 2] ^= 1;

    std::vector<Key> keys;
    if (is_hmac(alg)) {
      keys.push_back(*Key::hmac_secret(secret));
    } else {
      auto from_jwk = Key::from_jwk(minted.at("jwk").as_object());
      ASSERT_TRUE(from_jwk) << from_jwk.errors().message;
      auto from_pem = Key::from_pem(std::string(minted.at("pkcs8").as_string()));
      ASSERT_TRUE(from_pem) << from_pem.errors().message;
      auto private_jwk = Key::from_jwk(minted.at("privateJwk").as_object());
      ASSERT_TRUE(private_jwk) << private_jwk.errors().message;
      EXPECT_EQ(from_pem->to_jwk(), from_jwk->to_jwk());
      // jose's private key, read by oaskit, signs what jose's public key accepts in oaskit.
      for (const Key* signer : {&*from_pem, &*private_jwk}) {
        auto ours = signer->sign(alg, "oaskit input");
        ASSERT_TRUE(ours) << ours.errors().message;
        EXPECT_TRUE(from_jwk->verify(alg, "oaskit input", *ours));
      }
      keys = {*from_jwk, *from_pem, *private_jwk};
    }
    for (const auto& key : keys) {
      EXPECT_TRUE(key.verify(alg, token.signing_input, token.signature));
      EXPECT_FALSE(key.verify(alg, tampered, token.signature));
    }
  }
}

TEST(JoseInterop, TokensSignedByOaskit_VerifyInJose) {
  std::string args = "verify";
  std::vector<std::string> expected;
  for (const auto& name : algorithms) {
    const auto alg = *algorithm_from_string(name);
    const Key key = test::signing_key(alg);
    auto token = sign_compact({{"typ", "JWT"}}, R"({"sub":"alice"})", key, alg);
    ASSERT_TRUE(token) << name << ": " << token.errors().message;
    const std::string jwk = boost::json::serialize(
        is_hmac(alg) ? key.to_jwk() : test::public_key(test::kind_for(alg)).to_jwk());
    std::string tampered = *token;
    tampered[tampered.find('.') + 3] ^= 1;
    args += " " + name + " '" + jwk + "' " + *token;
    args += " " + name + " '" + jwk + "' " + tampered;
    expected.insert(expected.end(), {"ok", "fail"});
  }
  EXPECT_EQ(run_jose(args), expected);
}

}  // namespace
}  // namespace oaskit::jose
