// The token endpoint's grants and refusals, client authentication, introspection, revocation,
// metadata and JWKS, answered in memory.

#include <boost/json/serialize.hpp>

#include "devauth/devauth_test_support.hpp"
#include "oaskit/security/jwt_verifier.hpp"

namespace oaskit::test {
namespace {

using boost::json::object;

security::JwtVerifier verifier_for(devauth::AuthorizationServer& auth) {
  return security::JwtVerifier({.issuer = auth.issuer(),
                                .audience = auth.audience(),
                                .algorithms = {jose::Algorithm::ES256},
                                .required_typ = "at+jwt",
                                .keys = auth.public_keys()});
}

std::string error_of(const Answer& answer) {
  return std::string(answer.json().as_object().at("error").as_string());
}

TEST(DevAuthToken, ClientCredentialsWithBasicGivesAnRfc9068AccessToken) {
  DevAuthFixture f;
  auto answer = f.token({{"grant_type", "client_credentials"}, {"scope", "pets:read"}}, "service",
                        "service-secret");
  ASSERT_EQ(answer.status, 200) << answer;
  EXPECT_EQ(answer.header("Cache-Control"), "no-store");
  EXPECT_EQ(answer.header("Pragma"), "no-cache");
  EXPECT_EQ(answer.header("Access-Control-Allow-Origin"), "*");
  const auto body = answer.json().as_object();
  EXPECT_EQ(body.at("token_type"), "Bearer");
  EXPECT_EQ(body.at("expires_in"), 600);
  EXPECT_EQ(body.at("scope"), "pets:read");
  EXPECT_FALSE(body.contains("refresh_token")) << "RFC 6749 §4.4.3: no refresh token";

  auto identity = verifier_for(f.auth()).verify(body.at("access_token").as_string());
  ASSERT_TRUE(identity) << identity.errors().message;
  EXPECT_EQ(identity->header->at("typ"), "at+jwt");
  EXPECT_EQ(identity->header->at("alg"), "ES256");
  EXPECT_EQ(identity->header->at("kid"),
            boost::json::value(*f.auth().public_keys().keys().front().kid()));
  const auto& claims = *identity->claims;
  EXPECT_EQ(claims.at("iss"), boost::json::value(devauth_issuer));
  EXPECT_EQ(claims.at("aud"), boost::json::value(devauth_issuer));
  EXPECT_EQ(claims.at("sub"), "service");
  EXPECT_EQ(claims.at("client_id"), "service");
  EXPECT_EQ(claims.at("scope"), "pets:read");
  EXPECT_EQ(claims.at("exp").as_int64() - claims.at("iat").as_int64(), 600);
  EXPECT_FALSE(claims.at("jti").as_string().empty());
}

TEST(DevAuthToken, ClientCredentialsWithoutScopeGetsTheClientsScopes) {
  DevAuthFixture f;
  auto answer = f.token({{"grant_type", "client_credentials"}}, "service", "service-secret");
  ASSERT_EQ(answer.status, 200) << answer;
  EXPECT_EQ(answer.json().as_object().at("scope"), "pets:read pets:write");
}

TEST(DevAuthToken, ClientSecretPostIsAcceptedForAPostClientOnly) {
  DevAuthFixture f;
  auto post = f.token({{"grant_type", "client_credentials"},
                       {"client_id", "poster"},
                       {"client_secret", "poster-secret"}});
  EXPECT_EQ(post.status, 200) << post;
  // A client registered for client_secret_basic may not switch to client_secret_post.
  auto switched = f.token({{"grant_type", "client_credentials"},
                           {"client_id", "service"},
                           {"client_secret", "service-secret"}});
  EXPECT_EQ(switched.status, 401) << switched;
  EXPECT_EQ(error_of(switched), "invalid_client");
}

TEST(DevAuthToken, WrongClientAuthenticationIsInvalidClientWithABasicChallenge) {
  DevAuthFixture f;
  auto wrong = f.token({{"grant_type", "client_credentials"}}, "service", "not-the-secret");
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(error_of(wrong), "invalid_client");
  EXPECT_EQ(wrong.header("WWW-Authenticate"), "Basic realm=\"oaskit devauth\"");
  EXPECT_EQ(wrong.header("Cache-Control"), "no-store");
  auto unknown = f.token({{"grant_type", "client_credentials"}}, "nobody", "x");
  EXPECT_EQ(unknown.status, 401);
  auto none = f.token({{"grant_type", "client_credentials"}});
  EXPECT_EQ(none.status, 401);
  auto twice = f.token({{"grant_type", "client_credentials"}, {"client_secret", "service-secret"}},
                       "service", "service-secret");
  EXPECT_EQ(twice.status, 400);
  EXPECT_EQ(error_of(twice), "invalid_request");
}

TEST(DevAuthToken, RepeatedFailedClientAuthenticationIsRateLimited) {
  DevAuthFixture f;  // max_failures: 3 in 60 s
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(f.token({{"grant_type", "client_credentials"}}, "service", "guess").status, 401);
  }
  auto limited = f.token({{"grant_type", "client_credentials"}}, "service", "service-secret");
  EXPECT_EQ(limited.status, 429) << "even the right secret waits out the window";
  EXPECT_EQ(error_of(limited), "invalid_client");
  EXPECT_FALSE(limited.header("Retry-After").empty());
  f.advance(std::chrono::seconds(61));
  EXPECT_EQ(f.token({{"grant_type", "client_credentials"}}, "service", "service-secret").status,
            200);
}

TEST(DevAuthToken, ScopesTheDocumentDoesNotDeclareOrTheClientMayNotHaveAreInvalidScope) {
  DevAuthFixture f;
  auto undeclared = f.token({{"grant_type", "client_credentials"}, {"scope", "pets:delete"}},
                            "service", "service-secret");
  EXPECT_EQ(undeclared.status, 400);
  EXPECT_EQ(error_of(undeclared), "invalid_scope");
  auto not_allowed = f.token({{"grant_type", "client_credentials"}, {"scope", "admin"}}, "service",
                             "service-secret");
  EXPECT_EQ(error_of(not_allowed), "invalid_scope");
}

TEST(DevAuthToken, ImplicitPasswordAndUnknownGrantsAreRefused) {
  DevAuthFixture f;
  for (const auto* grant : {"password", "implicit", "urn:example:grant"}) {
    auto answer =
        f.token({{"grant_type", grant}, {"username", "alice"}, {"password", "wonderland"}},
                "service", "service-secret");
    EXPECT_EQ(answer.status, 400) << grant;
    EXPECT_EQ(error_of(answer), "unsupported_grant_type") << grant;
  }
  auto missing = f.token({}, "service", "service-secret");
  EXPECT_EQ(error_of(missing), "invalid_request");
}

TEST(DevAuthToken, AGrantTheClientIsNotRegisteredForIsUnauthorizedClient) {
  DevAuthFixture f;
  auto answer =
      f.token({{"grant_type", "authorization_code"}, {"code", "x"}}, "service", "service-secret");
  EXPECT_EQ(error_of(answer), "unauthorized_client");
}

TEST(DevAuthToken, TheBodyMustBeAFormWithoutRepeatedParameters) {
  DevAuthFixture f;
  auto json = f.call("POST", "/oauth/token", {{"Content-Type", "application/json"}},
                     R"({"grant_type":"client_credentials"})");
  EXPECT_EQ(json.status, 400);
  EXPECT_EQ(error_of(json), "invalid_request");
  auto repeated =
      f.call("POST", "/oauth/token", {{"Content-Type", "application/x-www-form-urlencoded"}},
             "grant_type=client_credentials&grant_type=password");
  EXPECT_EQ(error_of(repeated), "invalid_request");
  auto get = f.call("GET", "/oauth/token");
  EXPECT_EQ(get.status, 405);
}

TEST(DevAuthToken, AResourceIndicatorMustNameTheAudience) {
  DevAuthFixture f;
  auto same = f.token({{"grant_type", "client_credentials"}, {"resource", devauth_issuer}},
                      "service", "service-secret");
  EXPECT_EQ(same.status, 200) << same;
  auto other =
      f.token({{"grant_type", "client_credentials"}, {"resource", "https://other.example"}},
              "service", "service-secret");
  EXPECT_EQ(other.status, 400);
  EXPECT_EQ(error_of(other), "invalid_target");
}

TEST(DevAuthToken, TheAuthSchemeAndMediaTypeAreCaseInsensitive) {
  DevAuthFixture f;
  const auto basic = detail::basic_authorization("service", "service-secret");
  const auto shouted = "BASIC" + basic.substr(5);
  auto answer = f.call("POST", "/oauth/token",
                       {{"Content-Type", "Application/X-WWW-Form-URLEncoded; charset=UTF-8"},
                        {"Authorization", shouted}},
                       "grant_type=client_credentials");
  EXPECT_EQ(answer.status, 200) << answer;
}

TEST(DevAuthToken, BrowserClientsGetCorsPreflightAnswers) {
  DevAuthFixture f;
  for (const auto* path :
       {"/oauth/token", "/oauth/jwks.json", "/.well-known/oauth-authorization-server",
        "/oauth/introspect", "/oauth/revoke"}) {
    auto answer =
        f.call("OPTIONS", path,
               {{"Origin", "http://127.0.0.1:3000"}, {"Access-Control-Request-Method", "POST"}});
    EXPECT_EQ(answer.status, 204) << path;
    EXPECT_EQ(answer.header("Access-Control-Allow-Origin"), "*") << path;
    EXPECT_NE(answer.header("Access-Control-Allow-Headers").find("Authorization"),
              std::string::npos);
  }
}

TEST(DevAuthMetadata, Rfc8414AndOpenIdDiscoveryNameEveryEndpoint) {
  DevAuthFixture f;
  auto answer = f.call("GET", "/.well-known/oauth-authorization-server");
  ASSERT_EQ(answer.status, 200);
  EXPECT_EQ(answer.header("Access-Control-Allow-Origin"), "*");
  const auto meta = answer.json().as_object();
  EXPECT_EQ(meta.at("issuer"), boost::json::value(devauth_issuer));
  EXPECT_EQ(meta.at("token_endpoint"), boost::json::value(devauth_issuer + "/oauth/token"));
  EXPECT_EQ(meta.at("authorization_endpoint"),
            boost::json::value(devauth_issuer + "/oauth/authorize"));
  EXPECT_EQ(meta.at("jwks_uri"), boost::json::value(devauth_issuer + "/oauth/jwks.json"));
  EXPECT_EQ(meta.at("introspection_endpoint"),
            boost::json::value(devauth_issuer + "/oauth/introspect"));
  EXPECT_EQ(meta.at("revocation_endpoint"), boost::json::value(devauth_issuer + "/oauth/revoke"));
  EXPECT_EQ(meta.at("code_challenge_methods_supported"), boost::json::array{"S256"});
  EXPECT_EQ(meta.at("authorization_response_iss_parameter_supported"), true);
  EXPECT_EQ(meta.at("scopes_supported"), (boost::json::array{"pets:read", "pets:write", "admin"}));
  EXPECT_EQ(meta.at("grant_types_supported"),
            (boost::json::array{"authorization_code", "client_credentials", "refresh_token",
                                "urn:ietf:params:oauth:grant-type:device_code"}));
  EXPECT_EQ(meta.at("device_authorization_endpoint"),
            boost::json::value(devauth_issuer + "/oauth/device_authorization"));
  auto openid = f.call("GET", "/.well-known/openid-configuration").json().as_object();
  EXPECT_EQ(openid.at("issuer"), boost::json::value(devauth_issuer));
  EXPECT_EQ(openid.at("subject_types_supported"), boost::json::array{"public"});
}

TEST(DevAuthMetadata, TheJwksHoldsThePublicSigningKeyOnly) {
  DevAuthFixture f;
  auto answer = f.call("GET", "/oauth/jwks.json");
  ASSERT_EQ(answer.status, 200);
  const auto keys = answer.json().as_object().at("keys").as_array();
  ASSERT_EQ(keys.size(), 1U);
  const auto& key = keys[0].as_object();
  EXPECT_EQ(key.at("kty"), "EC");
  EXPECT_EQ(key.at("crv"), "P-256");
  EXPECT_EQ(key.at("alg"), "ES256");
  EXPECT_EQ(key.at("use"), "sig");
  EXPECT_FALSE(key.contains("d")) << "the private part must never be served";
  auto parsed = jose::Key::from_jwk(key);
  ASSERT_TRUE(parsed);
  EXPECT_EQ(key.at("kid"), boost::json::value(parsed->thumbprint()))
      << "the kid is the RFC 7638 thumbprint";
}

TEST(DevAuthIntrospection, ActiveTokensAreDescribedAndOthersAreNot) {
  DevAuthFixture f;
  auto issued = f.token({{"grant_type", "client_credentials"}}, "service", "service-secret");
  const std::string token(issued.json().as_object().at("access_token").as_string());
  auto answer = f.post_form("/oauth/introspect", {{"token", token}}, "service", "service-secret");
  ASSERT_EQ(answer.status, 200) << answer;
  const auto body = answer.json().as_object();
  EXPECT_EQ(body.at("active"), true);
  EXPECT_EQ(body.at("client_id"), "service");
  EXPECT_EQ(body.at("scope"), "pets:read pets:write");
  EXPECT_EQ(body.at("token_type"), "Bearer");
  EXPECT_FALSE(f.active("not-a-token"));
  f.advance(std::chrono::seconds(601));
  EXPECT_FALSE(f.active(token)) << "expired";
  // Only confidential clients may introspect.
  auto anonymous = f.post_form("/oauth/introspect", {{"token", token}, {"client_id", "docs"}});
  EXPECT_EQ(anonymous.status, 401);
}

TEST(DevAuthRevocation, ARevokedAccessTokenIsNoLongerActive) {
  DevAuthFixture f;
  auto issued = f.token({{"grant_type", "client_credentials"}}, "service", "service-secret");
  const std::string token(issued.json().as_object().at("access_token").as_string());
  auto other =
      f.post_form("/oauth/revoke",
                  {{"token", token}, {"client_id", "poster"}, {"client_secret", "poster-secret"}});
  EXPECT_EQ(other.status, 400) << "a client may revoke its own tokens only";
  EXPECT_TRUE(f.active(token));
  auto revoked = f.post_form("/oauth/revoke", {{"token", token}}, "service", "service-secret");
  EXPECT_EQ(revoked.status, 200) << revoked;
  EXPECT_FALSE(f.active(token));
  auto unknown = f.post_form("/oauth/revoke", {{"token", "whatever"}}, "service", "service-secret");
  EXPECT_EQ(unknown.status, 200) << "RFC 7009 §2.2";
}

TEST(DevAuthLog, NothingSecretIsLogged) {
  DevAuthFixture f;
  auto issued = f.token({{"grant_type", "client_credentials"}}, "service", "service-secret");
  f.token({{"grant_type", "client_credentials"}}, "service", "wrong-guess");
  const oauth2::Pkce pkce = oauth2::Pkce::generate();
  const auto code = f.code_for(pkce);
  auto tokens = f.exchange(code, pkce.verifier);
  auto page = f.open_page(DevAuthFixture::request_query(pkce));
  f.submit(page, "allow", "alice", "not-her-password");
  // An unknown username is not logged (people type their password there by mistake), and what
  // a client sends cannot break a log line.
  EXPECT_EQ(f.submit(page, "allow", "typed-my-password-here", "x").status, 200);
  EXPECT_EQ(f.token({{"grant_type", "client_credentials"}}, "forged\nline", "x").status, 401);
  std::vector<std::string> secrets{"service-secret",
                                   "wrong-guess",
                                   "wonderland",
                                   "not-her-password",
                                   code,
                                   pkce.verifier,
                                   page.csrf,
                                   "typed-my-password-here",
                                   "forged\nline"};
  for (const auto* name : {"access_token", "refresh_token"}) {
    secrets.emplace_back(tokens.json().as_object().at(name).as_string());
  }
  secrets.emplace_back(issued.json().as_object().at("access_token").as_string());
  const auto log = f.log();
  ASSERT_GE(log.size(), 7U) << testing::PrintToString(log);
  for (const auto& line : log) {
    for (const auto& secret : secrets) {
      EXPECT_EQ(line.find(secret), std::string::npos) << line;
    }
  }
}

}  // namespace
}  // namespace oaskit::test
