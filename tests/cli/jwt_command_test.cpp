// oaskit jwt verify|decode, run as a process: keys from JWKS, JWK and PEM files, the exit
// codes (0 verified, 1 refused with `error: <check>: <why>`, 2 usage), the token from an
// argument or standard input.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <chrono>
#include <string>
#include <vector>

#include "security/jwt_test_support.hpp"
#include "support/run_cli.hpp"
#include "support/scripted_server.hpp"
#include "support/temp_tree.hpp"

namespace oaskit {
namespace {

namespace json = boost::json;
using jose::Algorithm;
using test::keys;
using test::run_cli;
using ::testing::HasSubstr;
using ::testing::StartsWith;

const std::string issuer = "https://auth.example.com/";
const std::string audience = "https://api.example.com";

std::int64_t wall_clock_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

json::object live_claims() {
  const auto now = wall_clock_now();
  return {{"iss", issuer},        {"aud", audience}, {"sub", "user-42"},
          {"scope", "pets:read"}, {"iat", now},      {"exp", now + 3600}};
}

std::string rs256(const json::object& claims = live_claims(), json::object header = {}) {
  return test::mint(keys().rsa.signing, Algorithm::RS256, claims, std::move(header));
}

class CliJwt : public ::testing::Test {
 protected:
  CliJwt() {
    json::array jwks{keys().rsa.verifying.to_jwk(), keys().p256.verifying.to_jwk()};
    jwks_file = tree.write("jwks.json", json::serialize(json::object{{"keys", jwks}})).string();
    pem_file = tree.write("rsa.pem", test::public_pem_of(keys().rsa.private_pem)).string();
    auto jwk = keys().p256.verifying.to_jwk();
    jwk.erase("kid");
    jwk_file = tree.write("ec.jwk", json::serialize(jwk)).string();
  }

  std::vector<std::string> verify_args(const std::string& keys_file) const {
    return {"jwt", "verify", "--jwks", keys_file, "--iss", issuer, "--aud", audience};
  }

  test::TempTree tree;
  std::string jwks_file;
  std::string pem_file;
  std::string jwk_file;
};

std::string error_line(const test::Run& run) {
  EXPECT_EQ(run.exit_code, 1) << run;
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(std::count(run.err.begin(), run.err.end(), '\n'), 1) << run.err;
  return run.err;
}

TEST_F(CliJwt, VerifyWithAJwksFile_PrintsHeaderAndClaimsAndExitsZero) {
  const auto claims = live_claims();
  auto args = verify_args(jwks_file);
  args.push_back(rs256(claims));
  const auto run = run_cli(args);
  ASSERT_EQ(run.exit_code, 0) << run;
  const auto out = json::parse(run.out).as_object();
  EXPECT_EQ(out.at("claims"), claims);
  EXPECT_EQ(out.at("header").at("kid"), "rsa-1");
  EXPECT_EQ(out.size(), 2u);
  EXPECT_EQ(run.err, "");
}

TEST_F(CliJwt, VerifyWithAPemFile_UsesThatKeyWhateverTheKid) {
  auto args = verify_args(pem_file);
  args.push_back(rs256());
  const auto run = run_cli(args);
  EXPECT_EQ(run.exit_code, 0) << run;
}

TEST_F(CliJwt, VerifyWithASingleJwkFile_AndTheTokenOnStandardInput) {
  auto args = verify_args(jwk_file);
  args.emplace_back("-");
  const auto token = test::mint(keys().p256.signing, Algorithm::ES256, live_claims());
  const auto run = run_cli(args, "\n  " + token + "\n\n");
  EXPECT_EQ(run.exit_code, 0) << run;
}

TEST_F(CliJwt, WithoutTokenArgument_ReadsStandardInput) {
  const auto run = run_cli(verify_args(jwks_file), rs256() + "\n");
  EXPECT_EQ(run.exit_code, 0) << run;
}

TEST_F(CliJwt, ExpiredToken_ExitsOneNamingExp) {
  auto claims = live_claims();
  claims["iat"] = wall_clock_now() - 7200;
  claims["exp"] = wall_clock_now() - 3600;
  auto args = verify_args(jwks_file);
  args.push_back(rs256(claims));
  EXPECT_THAT(error_line(run_cli(args)), StartsWith("error: exp: the token expired at "));
}

TEST_F(CliJwt, WrongAudience_ExitsOneNamingAud) {
  auto args = verify_args(jwks_file);
  args[7] = "https://other.example.com";
  args.push_back(rs256());
  EXPECT_EQ(error_line(run_cli(args)), "error: aud: the token is not meant for this audience\n");
}

TEST_F(CliJwt, UnknownKid_ExitsOneNamingKid) {
  auto args = verify_args(jwks_file);
  args.push_back(rs256(live_claims(), {{"kid", "rsa-9"}}));
  EXPECT_EQ(error_line(run_cli(args)), "error: kid: no key with this kid\n");
}

TEST_F(CliJwt, TamperedSignature_ExitsOneNamingSignature) {
  auto token = rs256();
  token.back() = token.back() == 'A' ? 'Q' : 'A';
  auto args = verify_args(jwks_file);
  args.push_back(token);
  EXPECT_EQ(error_line(run_cli(args)), "error: signature: the signature does not verify\n");
}

TEST_F(CliJwt, AlgOutsideTheGivenOnes_ExitsOneNamingAlg) {
  auto args = verify_args(jwks_file);
  args.insert(args.end(), {"--alg", "ES256", rs256()});
  EXPECT_THAT(error_line(run_cli(args)), StartsWith("error: alg: "));
}

TEST_F(CliJwt, RequiredTypAndScope_AreChecked) {
  auto args = verify_args(jwks_file);
  args.insert(args.end(), {"--require-typ", "at+jwt", rs256(live_claims(), {{"typ", "at+jwt"}})});
  EXPECT_EQ(run_cli(args).exit_code, 0);
  args.back() = rs256(live_claims(), {{"typ", "JWT"}});
  EXPECT_THAT(error_line(run_cli(args)), StartsWith("error: typ: "));
  args = verify_args(jwks_file);
  args.insert(args.end(), {"--scope", "pets:write", rs256()});
  EXPECT_EQ(error_line(run_cli(args)),
            "error: scope: the token does not grant the scope \"pets:write\"\n");
}

TEST_F(CliJwt, Leeway_AllowsARecentlyExpiredToken) {
  auto claims = live_claims();
  claims["iat"] = wall_clock_now() - 7200;
  claims["exp"] = wall_clock_now() - 120;
  auto args = verify_args(jwks_file);
  args.insert(args.end(), {"--leeway", "600", rs256(claims)});
  EXPECT_EQ(run_cli(args).exit_code, 0);
}

TEST_F(CliJwt, MalformedToken_ExitsOneNamingFormat) {
  auto args = verify_args(jwks_file);
  args.emplace_back("not-a-token");
  EXPECT_THAT(error_line(run_cli(args)), StartsWith("error: format: "));
}

TEST_F(CliJwt, NeitherJwksNorIssuer_IsAUsageError) {
  const auto run = run_cli({"jwt", "verify", "--iss", issuer, "--aud", audience, rs256()});
  EXPECT_EQ(run.exit_code, 2) << run;
  EXPECT_THAT(run.err, HasSubstr("--jwks"));
}

TEST_F(CliJwt, BothJwksAndIssuer_IsAUsageError) {
  auto args = verify_args(jwks_file);
  args.insert(args.end(), {"--issuer", issuer, rs256()});
  EXPECT_EQ(run_cli(args).exit_code, 2);
}

TEST_F(CliJwt, MissingIssOrAud_IsAUsageError) {
  EXPECT_EQ(run_cli({"jwt", "verify", "--jwks", jwks_file, "--aud", audience, rs256()}).exit_code,
            2);
  EXPECT_EQ(run_cli({"jwt", "verify", "--jwks", jwks_file, "--iss", issuer, rs256()}).exit_code, 2);
}

TEST_F(CliJwt, UnknownAlgorithm_IsAUsageError) {
  auto args = verify_args(jwks_file);
  args.insert(args.end(), {"--alg", "none", rs256()});
  const auto run = run_cli(args);
  EXPECT_EQ(run.exit_code, 2) << run;
  EXPECT_THAT(run.err, HasSubstr("unknown algorithm 'none'"));
}

TEST_F(CliJwt, UnreadableKeys_AreAUsageError) {
  const auto bad = tree.write("bad.json", "[1,2]").string();
  EXPECT_EQ(run_cli({"jwt", "verify", "--jwks", bad, "--iss", issuer, "--aud", audience, rs256()})
                .exit_code,
            2);
  const auto missing = (tree.root() / "missing.json").string();
  EXPECT_EQ(
      run_cli({"jwt", "verify", "--jwks", missing, "--iss", issuer, "--aud", audience, rs256()})
          .exit_code,
      2);
}

TEST_F(CliJwt, JwtWithoutSubcommand_IsAUsageError) { EXPECT_EQ(run_cli({"jwt"}).exit_code, 2); }

TEST_F(CliJwt, VerifyWithAJwksUrl_FetchesTheKeys) {
  const std::string jwks = test::slurp(jwks_file);
  test::ScriptedServer server([&jwks](const test::ServerRequest&) {
    return test::ServerResponse{200, {{"Content-Type", "application/json"}}, jwks};
  });
  auto args = verify_args(server.url("/jwks.json"));
  args.push_back(rs256());
  const auto run = run_cli(args);
  EXPECT_EQ(run.exit_code, 0) << run;
  EXPECT_EQ(server.request_count(), 1u);
}

TEST_F(CliJwt, VerifyWithAnIssuer_DiscoversTheJwks) {
  const std::string jwks = test::slurp(jwks_file);
  std::string origin;
  test::ScriptedServer server([&](const test::ServerRequest& request) {
    if (request.target == "/.well-known/oauth-authorization-server") {
      return test::ServerResponse{
          200, {}, json::serialize(json::object{{"issuer", origin}, {"jwks_uri", origin + "/k"}})};
    }
    return test::ServerResponse{200, {}, jwks};
  });
  origin = server.origin();
  auto claims = live_claims();
  claims["iss"] = origin;
  const auto run = run_cli(
      {"jwt", "verify", "--issuer", origin, "--iss", origin, "--aud", audience, rs256(claims)});
  EXPECT_EQ(run.exit_code, 0) << run;
}

TEST_F(CliJwt, UnreachableJwksUrl_ExitsOneNamingUnavailable) {
  test::ScriptedServer server([](const test::ServerRequest&) { return test::ServerResponse{500}; });
  auto args = verify_args(server.url("/jwks.json"));
  args.push_back(rs256());
  EXPECT_THAT(error_line(run_cli(args)), StartsWith("error: unavailable: "));
}

TEST_F(CliJwt, Decode_PrintsUnverifiedHeaderAndClaimsAndWarns) {
  auto claims = live_claims();
  claims["exp"] = 1;  // decoding checks nothing
  const auto run = run_cli({"jwt", "decode", rs256(claims)});
  ASSERT_EQ(run.exit_code, 0) << run;
  const auto out = json::parse(run.out).as_object();
  EXPECT_EQ(out.at("verified"), false);
  EXPECT_EQ(out.at("claims"), claims);
  EXPECT_EQ(out.at("header").at("alg"), "RS256");
  EXPECT_EQ(run.err, "warning: not verified\n");
}

TEST_F(CliJwt, DecodeFromStandardInput) {
  const auto run = run_cli({"jwt", "decode", "-"}, rs256() + "\n");
  EXPECT_EQ(run.exit_code, 0) << run;
}

TEST_F(CliJwt, DecodeMalformed_ExitsOneNamingFormat) {
  const auto run = run_cli({"jwt", "decode", "a.b.c.d.e"});
  EXPECT_EQ(error_line(run), "error: format: encrypted tokens (JWE) are not accepted\n");
}

}  // namespace
}  // namespace oaskit
