// Each scheme documents itself as FastAPI's does for the same arguments, and takes its
// credentials as FastAPI does (Basic per RFC 7617; API keys from header, query or cookie).

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "oaskit/json.hpp"
#include "oaskit/security/schemes.hpp"
#include "support/security_request.hpp"

namespace oaskit::security {
namespace {

using test::request;
using test::with_authorization;

// JSON objects compare as sets of members, as FastAPI's (pydantic's) member order differs.
void expect_model_json(const Scheme& scheme, std::string_view fastapi_json) {
  const auto written = oaskit::to_json(scheme.model());
  EXPECT_EQ(boost::json::parse(written), boost::json::parse(fastapi_json)) << written;
}

// --- documentation: model() and name() ---------------------------------------------------------

TEST(Schemes, OAuth2PasswordBearer_ModelIsFastApis) {
  const OAuth2PasswordBearer scheme({.tokenUrl = "token", .scopes = {{"me", "Read"}}});
  expect_model_json(
      scheme,
      R"({"type":"oauth2","flows":{"password":{"tokenUrl":"token","scopes":{"me":"Read"}}}})");
  EXPECT_EQ(scheme.name(), "OAuth2PasswordBearer");
}

TEST(Schemes, OAuth2PasswordBearerWithoutScopes_WritesEmptyScopes) {
  const OAuth2PasswordBearer scheme({.tokenUrl = "token"});
  expect_model_json(scheme,
                    R"({"type":"oauth2","flows":{"password":{"tokenUrl":"token","scopes":{}}}})");
}

TEST(Schemes, OAuth2PasswordBearerWithEverything_ModelIsFastApis) {
  const OAuth2PasswordBearer scheme({.tokenUrl = "/token",
                                     .refreshUrl = "/refresh",
                                     .scopes = {{"a", "A"}, {"b", "B"}},
                                     .scheme_name = "password",
                                     .description = "Log in",
                                     .auto_error = false});
  expect_model_json(scheme, R"({"type":"oauth2","description":"Log in","flows":{"password":{
      "tokenUrl":"/token","refreshUrl":"/refresh","scopes":{"a":"A","b":"B"}}}})");
  EXPECT_EQ(scheme.name(), "password");
  EXPECT_FALSE(scheme.auto_error());
}

TEST(Schemes, OAuth2AuthorizationCodeBearer_ModelIsFastApis) {
  const OAuth2AuthorizationCodeBearer scheme(
      {.authorizationUrl = "https://a.example/authorize", .tokenUrl = "https://a.example/token"});
  expect_model_json(scheme, R"({"type":"oauth2","flows":{"authorizationCode":{
      "authorizationUrl":"https://a.example/authorize","tokenUrl":"https://a.example/token",
      "scopes":{}}}})");
  EXPECT_EQ(scheme.name(), "OAuth2AuthorizationCodeBearer");
}

TEST(Schemes, OAuth2ClientCredentialsBearer_ModelHasTheClientCredentialsFlow) {
  const OAuth2ClientCredentialsBearer scheme(
      {.tokenUrl = "https://auth.example.com/token", .scopes = {{"pets:read", "Read pets"}}});
  expect_model_json(scheme, R"({"type":"oauth2","flows":{"clientCredentials":{
      "tokenUrl":"https://auth.example.com/token","scopes":{"pets:read":"Read pets"}}}})");
  EXPECT_EQ(scheme.name(), "OAuth2ClientCredentialsBearer");
}

TEST(Schemes, OAuth2WithoutFlows_ModelIsFastApis) {
  const OAuth2 scheme({});
  expect_model_json(scheme, R"({"type":"oauth2","flows":{}})");
  EXPECT_EQ(scheme.name(), "OAuth2");
}

TEST(Schemes, OAuth2WithImplicitFlow_ModelIsFastApis) {
  const OAuth2 scheme(
      {.flows = {.implicit = OAuthFlowImplicit{.authorizationUrl = "https://a.example/auth",
                                               .scopes = {{"x", "X"}}}},
       .scheme_name = "implicit"});
  expect_model_json(scheme, R"({"type":"oauth2","flows":{"implicit":{
      "authorizationUrl":"https://a.example/auth","scopes":{"x":"X"}}}})");
  EXPECT_EQ(scheme.name(), "implicit");
}

TEST(Schemes, OpenIdConnect_ModelIsFastApis) {
  const OpenIdConnect scheme(
      {.openIdConnectUrl = "https://id.example/.well-known/openid-configuration",
       .description = "OIDC"});
  expect_model_json(scheme, R"({"type":"openIdConnect","description":"OIDC",
      "openIdConnectUrl":"https://id.example/.well-known/openid-configuration"})");
  EXPECT_EQ(scheme.name(), "OpenIdConnect");
}

TEST(Schemes, HTTPBearer_ModelIsFastApis) {
  expect_model_json(HTTPBearer({}), R"({"type":"http","scheme":"bearer"})");
  expect_model_json(HTTPBearer({.bearerFormat = "JWT"}),
                    R"({"type":"http","scheme":"bearer","bearerFormat":"JWT"})");
  EXPECT_EQ(HTTPBearer({}).name(), "HTTPBearer");
}

TEST(Schemes, HTTPBasic_ModelIsFastApis) {
  expect_model_json(HTTPBasic({.realm = "pets"}), R"({"type":"http","scheme":"basic"})");
  expect_model_json(HTTPBasic({.description = "d"}),
                    R"({"type":"http","scheme":"basic","description":"d"})");
  EXPECT_EQ(HTTPBasic({}).name(), "HTTPBasic");
}

TEST(Schemes, APIKeys_ModelsAreFastApis) {
  expect_model_json(APIKeyHeader({.name = "X-API-Key"}),
                    R"({"type":"apiKey","name":"X-API-Key","in":"header"})");
  expect_model_json(APIKeyQuery({.name = "key", .description = "d"}),
                    R"({"type":"apiKey","name":"key","in":"query","description":"d"})");
  expect_model_json(APIKeyCookie({.name = "session"}),
                    R"({"type":"apiKey","name":"session","in":"cookie"})");
  EXPECT_EQ(APIKeyHeader({.name = "k"}).name(), "APIKeyHeader");
  EXPECT_EQ(APIKeyQuery({.name = "k"}).name(), "APIKeyQuery");
  EXPECT_EQ(APIKeyCookie({.name = "k", .scheme_name = "cookie"}).name(), "cookie");
}

// --- HTTP Basic ----------------------------------------------------------------------------------

// "user:pa:ss" in base64.
constexpr std::string_view user_with_colon_password = "Basic dXNlcjpwYTpzcw==";

TEST(Schemes, HTTPBasic_SplitsAtTheFirstColon) {
  auto extracted = HTTPBasic({}).extract(with_authorization(user_with_colon_password));
  ASSERT_TRUE(extracted && extracted.value());
  EXPECT_EQ(extracted.value()->kind, CredentialKind::basic);
  EXPECT_EQ(extracted.value()->username, "user");
  EXPECT_EQ(extracted.value()->password, "pa:ss");
  EXPECT_EQ(extracted.value()->value, "user:pa:ss");
}

TEST(Schemes, HTTPBasic_SchemeIsCaseInsensitive) {
  auto extracted = HTTPBasic({}).extract(with_authorization("bASIC dXNlcjpwYTpzcw=="));
  ASSERT_TRUE(extracted && extracted.value());
  EXPECT_EQ(extracted.value()->scheme, "bASIC");
}

TEST(Schemes, HTTPBasic_EmptyUserAndPasswordAreKept) {
  auto extracted = HTTPBasic({}).extract(with_authorization("Basic Og=="));  // ":"
  ASSERT_TRUE(extracted && extracted.value());
  EXPECT_EQ(extracted.value()->username, "");
  EXPECT_EQ(extracted.value()->password, "");
}

TEST(Schemes, HTTPBasic_Utf8IsKept) {
  // RFC 7617 §2.1: charset="UTF-8". "jos\u00e9:\u00fc" in base64.
  auto extracted = HTTPBasic({}).extract(with_authorization("Basic am9zw6k6w7w="));
  ASSERT_TRUE(extracted && extracted.value());
  EXPECT_EQ(extracted.value()->username, "jos\xc3\xa9");
  EXPECT_EQ(extracted.value()->password, "\xc3\xbc");
}

TEST(Schemes, HTTPBasicMissing_Is401WithRealmChallenge) {
  auto extracted = HTTPBasic({.realm = "pets"}).extract(request());
  ASSERT_FALSE(extracted);
  EXPECT_EQ(extracted.errors().status, 401);
  EXPECT_EQ(extracted.errors().challenges, std::vector<std::string>{R"(Basic realm="pets")"});
  EXPECT_EQ(extracted.errors().detail, "Not authenticated");
  EXPECT_EQ(extracted.errors().error, "");
}

TEST(Schemes, HTTPBasicWithoutRealm_ChallengeIsBasic) {
  EXPECT_EQ(HTTPBasic({}).challenge(), "Basic");
  EXPECT_EQ(HTTPBasic({.realm = ""}).challenge(), "Basic");
}

TEST(Schemes, HTTPBasicRealm_IsAQuotedStringAndAppearsOnce) {
  const std::string challenge = HTTPBasic({.realm = "a \"b\" \\c\nd"}).challenge();
  EXPECT_EQ(challenge, R"(Basic realm="a \"b\" \\c d")");
}

TEST(Schemes, HTTPBasicWithBearer_IsNotAuthenticated) {
  auto extracted = HTTPBasic({}).extract(with_authorization("Bearer abc"));
  ASSERT_FALSE(extracted);
  EXPECT_EQ(extracted.errors().status, 401);
  EXPECT_EQ(extracted.errors().detail, "Not authenticated");
}

TEST(Schemes, HTTPBasicUnreadable_Is401InvalidCredentialsWithChallenge) {
  for (const char* value :
       {"Basic !!!!", "Basic dXNlcg==" /* "user": no colon */,
        "Basic dXNlcjpwYXNz=" /* bad padding */, "Basic dXNlcjpwYXN", "Basic", "Basic dXNl cjpw",
        "Basic dXNlcgk6cA==" /* "user\t:p" */, "", "Basic =XNlcjpwYXNz"}) {
    SCOPED_TRACE(value);
    auto extracted = HTTPBasic({.realm = "r"}).extract(with_authorization(value));
    ASSERT_FALSE(extracted);
    EXPECT_EQ(extracted.errors().status, 401);
    EXPECT_EQ(extracted.errors().detail, "Invalid authentication credentials");
    EXPECT_EQ(extracted.errors().challenges, std::vector<std::string>{R"(Basic realm="r")"});
    EXPECT_EQ(extracted.errors().error, "");  // RFC 7617 has no error parameter
  }
}

TEST(Schemes, HTTPBasicRepeatedHeader_IsInvalidCredentials) {
  auto extracted = HTTPBasic({}).extract(request(
      {{"Authorization", user_with_colon_password}, {"Authorization", user_with_colon_password}}));
  ASSERT_FALSE(extracted);
  EXPECT_EQ(extracted.errors().detail, "Invalid authentication credentials");
}

TEST(Schemes, HTTPBasicAutoErrorOff_GivesNoCredentialForMissingAndUnreadable) {
  const HTTPBasic scheme({.auto_error = false});
  for (const auto& view :
       {request(), with_authorization("Basic !!!!"), with_authorization("Basic dXNlcg==")}) {
    auto extracted = scheme.extract(view);
    ASSERT_TRUE(extracted);
    EXPECT_FALSE(extracted.value().has_value());
  }
}

// --- API keys
// -------------------------------------------------------------------------------------

void expect_key(const Scheme::Extracted& extracted, std::string_view key) {
  ASSERT_TRUE(extracted && extracted.value());
  EXPECT_EQ(extracted.value()->kind, CredentialKind::api_key);
  EXPECT_EQ(extracted.value()->value, key);
  EXPECT_EQ(extracted.value()->scheme, "");
}

void expect_missing_key(const Scheme::Extracted& extracted) {
  ASSERT_FALSE(extracted);
  EXPECT_EQ(extracted.errors().status, 401);
  EXPECT_EQ(extracted.errors().challenges, std::vector<std::string>{"APIKey"});
  EXPECT_EQ(extracted.errors().detail, "Not authenticated");
  EXPECT_EQ(extracted.errors().error, "");
}

TEST(Schemes, APIKeyHeader_IsFoundIgnoringCase) {
  const APIKeyHeader scheme({.name = "X-API-Key"});
  expect_key(scheme.extract(request({{"x-api-key", "secret"}})), "secret");
  EXPECT_EQ(scheme.challenge(), "APIKey");
}

TEST(Schemes, APIKeyHeaderRepeated_TakesTheFirst) {
  const APIKeyHeader scheme({.name = "X-API-Key"});
  expect_key(scheme.extract(request({{"X-API-Key", "one"}, {"X-API-Key", "two"}})), "one");
}

TEST(Schemes, APIKeyQuery_IsDecoded) {
  const APIKeyQuery scheme({.name = "api_key"});
  expect_key(scheme.extract(request({}, "/pets?limit=1&api_key=a%2Bb")), "a+b");
}

TEST(Schemes, APIKeyCookie_IsRead) {
  const APIKeyCookie scheme({.name = "session"});
  expect_key(scheme.extract(request({{"Cookie", "a=b; session=\"xyz\""}})), "xyz");
}

TEST(Schemes, APIKeysMissingOrEmpty_Are401WithAPIKeyChallenge) {
  expect_missing_key(APIKeyHeader({.name = "X-Key"}).extract(request()));
  expect_missing_key(APIKeyHeader({.name = "X-Key"}).extract(request({{"X-Key", ""}})));
  expect_missing_key(APIKeyQuery({.name = "k"}).extract(request({}, "/p?k=")));
  expect_missing_key(APIKeyQuery({.name = "k"}).extract(request({}, "/p?k=%zz")));
  expect_missing_key(APIKeyCookie({.name = "c"}).extract(request({{"Cookie", "c="}})));
  expect_missing_key(APIKeyCookie({.name = "c"}).extract(request({{"Cookie", "d=1"}})));
}

TEST(Schemes, APIKeyAutoErrorOff_GivesNoCredential) {
  auto extracted = APIKeyQuery({.name = "k", .auto_error = false}).extract(request());
  ASSERT_TRUE(extracted);
  EXPECT_FALSE(extracted.value().has_value());
}

}  // namespace
}  // namespace oaskit::security
