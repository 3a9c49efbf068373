// Security rules: requirements against declared schemes and scopes, OAuth flow URLs and
// grants, http and apiKey schemes.

#include <gtest/gtest.h>

#include "lint/lint_support.hpp"
#include "support/scripted_server.hpp"

namespace oaskit {
namespace {

using test::has_none;
using test::has_one;
using test::lint_files;
using test::lint_json;
using test::loc;
using test::mentions;
using test::of_rule;
using test::openapi_31;

// An OAuth2 scheme with two flows that share `pets:read`; only clientCredentials has `admin`.
constexpr std::string_view oauth_scheme = R"("oauth": {"type": "oauth2", "flows": {
  "authorizationCode": {"authorizationUrl": "https://auth.example.com/authorize",
    "tokenUrl": "https://auth.example.com/token", "scopes": {"pets:read": "r"}},
  "clientCredentials": {"tokenUrl": "https://auth.example.com/token",
    "scopes": {"pets:read": "r", "admin": "a"}}}})";

std::string with_schemes(std::string_view schemes, std::string_view rest,
                         std::string_view version = "3.1.0") {
  return test::openapi(version, std::string(rest) + (rest.empty() ? "" : ",\n") +
                                    R"("components": {"securitySchemes": {)" +
                                    std::string(schemes) + "}}");
}

TEST(LintSecurity, In32AUriKeyNamesTheSchemeItReaches) {
  const auto findings = lint_json(test::openapi_32(R"(
    "security": [{"#/components/securitySchemes/oauth": ["pets:read", "pets:write"]}],
    "paths": {},
    "components": {"securitySchemes": {"oauth": {"type": "oauth2", "flows": {
      "clientCredentials": {"tokenUrl": "https://a.example.com/token",
                            "scopes": {"pets:read": "r"}}}}}})"));
  EXPECT_TRUE(has_none(findings, "security-undeclared-scheme"));
  // Its scopes are checked against that scheme.
  EXPECT_TRUE(has_one(findings, "security-undeclared-scope",
                      loc("security", 0, "#/components/securitySchemes/oauth", 1)));
  // Before 3.2 the same key is a name that nothing declares.
  EXPECT_TRUE(has_one(lint_json(openapi_31(R"(
    "security": [{"#/components/securitySchemes/oauth": []}], "paths": {},
    "components": {"securitySchemes": {"oauth": {"type": "http", "scheme": "bearer"}}})")),
                      "security-undeclared-scheme",
                      loc("security", 0, "#/components/securitySchemes/oauth")));
}

TEST(LintSecurity, UndeclaredSchemeInAnOperationIsAnErrorAtItsName) {
  const auto findings = lint_json(with_schemes(
      oauth_scheme,
      R"("paths": {"/pets": {"get": {"security": [{"oath": []}], "responses": {}}}})"));
  ASSERT_TRUE(has_one(findings, "security-undeclared-scheme",
                      loc("paths", "/pets", "get", "security", 0, "oath")));
  const auto finding = of_rule(findings, "security-undeclared-scheme")[0];
  EXPECT_EQ(finding.severity, Severity::error);
  EXPECT_TRUE(mentions(finding, "declares 'oauth'")) << finding.message;
  ASSERT_TRUE(finding.position);
  EXPECT_EQ(finding.position->line, 2U);
}

TEST(LintSecurity, UndeclaredSchemeIsFoundAtTheRootAndInWebhooksAndCallbacks) {
  const auto findings = lint_json(with_schemes(oauth_scheme, R"("security": [{"root": []}],
  "webhooks": {"hook": {"post": {"security": [{"hook": []}]}}},
  "paths": {"/pets": {"post": {"callbacks": {"cb": {"{$request.body#/url}": {
    "post": {"security": [{"callback": []}]}}}}}}})"));
  const auto undeclared = of_rule(findings, "security-undeclared-scheme");
  ASSERT_EQ(undeclared.size(), 3U) << test::describe(findings);
  EXPECT_EQ(undeclared[0].loc, loc("security", 0, "root"));
  EXPECT_EQ(undeclared[1].loc, loc("webhooks", "hook", "post", "security", 0, "hook"));
  EXPECT_EQ(undeclared[2].loc, loc("paths", "/pets", "post", "callbacks", "cb",
                                   "{$request.body#/url}", "post", "security", 0, "callback"));
}

TEST(LintSecurity, DeclaredSchemesIncludingReferencedOnesPass) {
  const auto findings =
      lint_files({{"api.json", with_schemes(R"("oauth": {"$ref": "schemes.json#/oauth"})",
                                            R"("security": [{"oauth": ["pets:read"]}])")},
                  {"schemes.json", "{" + std::string(oauth_scheme) + "}"}});
  EXPECT_TRUE(has_none(findings, "security-undeclared-scheme"));
  EXPECT_TRUE(has_none(findings, "security-undeclared-scope"));
}

TEST(LintSecurity, ScopeNoFlowDeclaresIsAnErrorNamingTheFlows) {
  const auto findings = lint_json(
      with_schemes(oauth_scheme, R"("security": [{"oauth": ["pets:read", "pets:rite"]}])"));
  ASSERT_TRUE(has_one(findings, "security-undeclared-scope", loc("security", 0, "oauth", 1)));
  const auto finding = of_rule(findings, "security-undeclared-scope")[0];
  EXPECT_TRUE(mentions(finding, "clientCredentials, authorizationCode lack it")) << finding.message;
}

TEST(LintSecurity, ScopeIsJudgedThroughTheSchemesReference) {
  const auto findings =
      lint_files({{"api.json", with_schemes(R"("oauth": {"$ref": "schemes.json#/oauth"})",
                                            R"("security": [{"oauth": ["nope"]}])")},
                  {"schemes.json", "{" + std::string(oauth_scheme) + "}"}});
  // The scheme is only known through its reference: it must be followed to judge the scope.
  EXPECT_TRUE(has_one(findings, "security-undeclared-scope", loc("security", 0, "oauth", 0)));
}

TEST(LintSecurity, ScopeInSomeFlowsOnlyIsInfoNamingTheFlowsWithout) {
  const auto findings =
      lint_json(with_schemes(oauth_scheme, R"("security": [{"oauth": ["admin"]}])"));
  ASSERT_TRUE(has_one(findings, "security-scope-not-in-all-flows", loc("security", 0, "oauth", 0)));
  const auto finding = of_rule(findings, "security-scope-not-in-all-flows")[0];
  EXPECT_EQ(finding.severity, Severity::info);
  EXPECT_TRUE(mentions(finding, "not by authorizationCode")) << finding.message;
  EXPECT_TRUE(
      has_none(lint_json(with_schemes(oauth_scheme, R"("security": [{"oauth": ["pets:read"]}])")),
               "security-scope-not-in-all-flows"));
}

TEST(LintSecurity, ScopesOnApiKeyAreAnErrorIn30AndRolesIn31) {
  constexpr std::string_view key = R"("key": {"type": "apiKey", "name": "k", "in": "header"})";
  constexpr std::string_view requirement = R"("security": [{"key": ["admin"]}])";
  EXPECT_TRUE(has_one(lint_json(with_schemes(key, requirement, "3.0.3")),
                      "security-scopes-on-non-oauth", loc("security", 0, "key")));
  EXPECT_TRUE(
      has_none(lint_json(with_schemes(key, requirement, "3.1.0")), "security-scopes-on-non-oauth"));
  EXPECT_TRUE(has_none(lint_json(with_schemes(key, R"("security": [{"key": []}])", "3.0.3")),
                       "security-scopes-on-non-oauth"));
}

std::string client_credentials(std::string_view token_url) {
  return with_schemes(R"("oauth": {"type": "oauth2", "flows": {"clientCredentials": {
    "tokenUrl": ")" + std::string(token_url) +
                          R"(", "scopes": {}}}})",
                      R"("security": [{"oauth": []}])");
}

TEST(LintSecurity, FlowUrlThatIsNoUrlIsAnError) {
  const auto bad = lint_json(client_credentials("https://auth example.com/token"));
  EXPECT_TRUE(has_one(
      bad, "security-flow-url",
      loc("components", "securitySchemes", "oauth", "flows", "clientCredentials", "tokenUrl")));
  EXPECT_TRUE(has_one(
      lint_json(client_credentials("")), "security-flow-url",
      loc("components", "securitySchemes", "oauth", "flows", "clientCredentials", "tokenUrl")));
  EXPECT_TRUE(has_none(lint_json(client_credentials("/oauth/token")), "security-flow-url"));
  EXPECT_TRUE(has_none(lint_json(client_credentials("https://auth.example.com/token")),
                       "security-flow-url"));
}

TEST(LintSecurity, PlainHttpFlowUrlIsAWarningUnlessLoopback) {
  const auto insecure = lint_json(client_credentials("http://auth.example.com/token"));
  EXPECT_TRUE(has_one(
      insecure, "security-flow-insecure-url",
      loc("components", "securitySchemes", "oauth", "flows", "clientCredentials", "tokenUrl")));
  EXPECT_EQ(of_rule(insecure, "security-flow-insecure-url")[0].severity, Severity::warning);
  for (const char* loopback : {"http://localhost:8080/token", "http://127.0.0.5/token",
                               "http://[::1]:9000/token", "https://auth.example.com/token"}) {
    EXPECT_TRUE(has_none(lint_json(client_credentials(loopback)), "security-flow-insecure-url"))
        << loopback;
  }
}

TEST(LintSecurity, ImplicitAndPasswordFlowsAreDeprecated) {
  const auto findings = lint_json(with_schemes(R"("oauth": {"type": "oauth2", "flows": {
    "implicit": {"authorizationUrl": "https://a.example.com/auth", "scopes": {}},
    "password": {"tokenUrl": "https://a.example.com/token", "scopes": {}}}})",
                                               R"("security": [{"oauth": []}])"));
  const auto deprecated = of_rule(findings, "security-deprecated-flow");
  ASSERT_EQ(deprecated.size(), 2U) << test::describe(findings);
  EXPECT_EQ(deprecated[0].loc, loc("components", "securitySchemes", "oauth", "flows", "implicit"));
  EXPECT_EQ(deprecated[1].loc, loc("components", "securitySchemes", "oauth", "flows", "password"));
  EXPECT_TRUE(mentions(deprecated[0], "authorizationCode with PKCE"));
  EXPECT_TRUE(has_none(lint_json(with_schemes(oauth_scheme, R"("security": [{"oauth": []}])")),
                       "security-deprecated-flow"));
}

TEST(LintSecurity, HttpSchemeOutsideTheIanaRegistryIsAWarning) {
  auto http = [](std::string_view scheme) {
    return lint_json(
        with_schemes(R"("h": {"type": "http", "scheme": ")" + std::string(scheme) + R"("})",
                     R"("security": [{"h": []}])"));
  };
  EXPECT_TRUE(has_one(http("token"), "security-http-scheme",
                      loc("components", "securitySchemes", "h", "scheme")));
  EXPECT_TRUE(has_none(http("basic"), "security-http-scheme"));
  EXPECT_TRUE(has_none(http("DIGEST"), "security-http-scheme"));
  EXPECT_TRUE(has_none(http("scram-sha-256"), "security-http-scheme"));
}

TEST(LintSecurity, ApiKeyInTheAuthorizationHeaderIsAWarning) {
  auto api_key = [](std::string_view name, std::string_view in) {
    return lint_json(with_schemes(R"("k": {"type": "apiKey", "name": ")" + std::string(name) +
                                      R"(", "in": ")" + std::string(in) + R"("})",
                                  R"("security": [{"k": []}])"));
  };
  EXPECT_TRUE(has_one(api_key("authorization", "header"), "security-apikey-authorization-header",
                      loc("components", "securitySchemes", "k", "name")));
  EXPECT_TRUE(has_none(api_key("X-API-Key", "header"), "security-apikey-authorization-header"));
  EXPECT_TRUE(has_none(api_key("Authorization", "query"), "security-apikey-authorization-header"));
}

TEST(LintSecurity, UnprotectedOperationIsOffByDefaultAndInfoWhenEnabled) {
  const auto document = with_schemes(oauth_scheme, R"("paths": {"/pets": {
    "get": {"responses": {}},
    "post": {"security": [{"oauth": []}], "responses": {}},
    "put": {"security": [], "responses": {}}}})");
  EXPECT_TRUE(has_none(lint_json(document), "security-operation-unprotected"));
  const auto enabled = lint_json(document, {.enabled = {"security-operation-unprotected"}});
  ASSERT_TRUE(has_one(enabled, "security-operation-unprotected", loc("paths", "/pets", "get")));
  EXPECT_EQ(of_rule(enabled, "security-operation-unprotected")[0].severity, Severity::info);
  // With a root requirement every operation is protected unless it says otherwise.
  const auto protected_root = with_schemes(oauth_scheme, R"("security": [{"oauth": []}],
    "paths": {"/pets": {"get": {"responses": {}}}})");
  EXPECT_TRUE(has_none(lint_json(protected_root, {.enabled = {"security-operation-unprotected"}}),
                       "security-operation-unprotected"));
}

TEST(LintSecurity, DeviceAuthorizationUrlsAreCheckedLikeOtherFlowUrls) {
  const auto findings = lint_json(with_schemes(R"("tv": {"type": "oauth2", "flows": {
    "deviceAuthorization": {"deviceAuthorizationUrl": "http://auth.example.com/device",
      "tokenUrl": "https://auth.example.com/token", "scopes": {}}}})",
                                               "", "3.2.0"));
  EXPECT_TRUE(has_one(findings, "security-flow-insecure-url",
                      loc("components", "securitySchemes", "tv", "flows", "deviceAuthorization",
                          "deviceAuthorizationUrl")));
}

TEST(LintSecurity, OAuth2MetadataUrlIsCheckedLikeAFlowUrlAndMayBeRelative) {
  auto with_metadata = [](std::string_view url) {
    return lint_json(with_schemes(R"("oauth": {"type": "oauth2", "oauth2MetadataUrl": ")" +
                                      std::string(url) + R"(", "flows": {}})",
                                  "", "3.2.0"));
  };
  const auto at = loc("components", "securitySchemes", "oauth", "oauth2MetadataUrl");
  const auto insecure =
      with_metadata("http://auth.example.com/.well-known/oauth-authorization-server");
  ASSERT_TRUE(has_one(insecure, "security-flow-insecure-url", at));
  EXPECT_TRUE(mentions(of_rule(insecure, "security-flow-insecure-url")[0], "requires TLS"));
  EXPECT_TRUE(has_one(with_metadata("https://auth example.com/"), "security-flow-url", at));
  // 3.2 lets URLs be relative to the server; the client resolves it against the one it uses.
  for (const char* fine : {"/.well-known/oauth-authorization-server",
                           "https://auth.example.com/.well-known/oauth-authorization-server",
                           "http://localhost:8080/.well-known/oauth-authorization-server"}) {
    const auto findings = with_metadata(fine);
    EXPECT_TRUE(has_none(findings, "security-flow-url")) << fine;
    EXPECT_TRUE(has_none(findings, "security-flow-insecure-url")) << fine;
  }
}

// security-oauth2-metadata-*: the scheme's oauth2MetadataUrl fetched from a loopback server
// (only when LintOptions::allow_fetch), each absolute flow URL compared with its endpoints.
class LintOAuth2Metadata : public ::testing::Test {
 protected:
  std::string url(std::string_view path) const { return server_.url(std::string(path)); }
  std::string metadata_url() const { return url("/.well-known/oauth-authorization-server"); }
  // A 3.2 document whose scheme has `flows` and the metadata URL `metadata` (the server's by
  // default).
  std::string document(const std::string& flows, std::string metadata = {}) const {
    if (metadata.empty()) metadata = metadata_url();
    return with_schemes(R"("oauth": {"type": "oauth2", "oauth2MetadataUrl": ")" + metadata +
                            R"(", "flows": {)" + flows + "}}",
                        "", "3.2.0");
  }
  static LintOptions fetching() {
    LintOptions options;
    options.allow_fetch = true;
    options.http.timeout = std::chrono::milliseconds(3000);
    return options;
  }

  // RFC 8414 metadata of the issuer http://127.0.0.1:<port>, without a device endpoint (under
  // the well-known URL of other issuers too, such as http://127.0.0.1:<port>/tenant).
  test::ScriptedServer server_{[this](const test::ServerRequest& request) {
    if (!request.target.starts_with("/.well-known/oauth-authorization-server")) {
      return test::ServerResponse{.status = 404};
    }
    return test::json_answer(R"({"issuer": ")" + server_.origin() + R"(", "token_endpoint": ")" +
                             url("/token") + R"(", "authorization_endpoint": ")" +
                             url("/authorize") + R"("})");
  }};
};

TEST_F(LintOAuth2Metadata, NothingIsFetchedUnlessAllowed) {
  const auto findings = lint_json(document(R"("clientCredentials": {
    "tokenUrl": "https://elsewhere.example/token", "scopes": {}})"));
  EXPECT_TRUE(has_none(findings, "security-oauth2-metadata-mismatch"));
  EXPECT_TRUE(has_none(findings, "security-oauth2-metadata-unavailable"));
  EXPECT_EQ(server_.request_count(), 0U);
}

TEST_F(LintOAuth2Metadata, AFlowUrlOtherThanTheMetadatasEndpoint_IsAnErrorNamingBoth) {
  const auto findings = lint_json(document(R"("authorizationCode": {
    "authorizationUrl": ")" + url("/authorize") +
                                           R"(", "tokenUrl": ")" + url("/oauth/token") +
                                           R"(", "refreshUrl": ")" + url("/token") +
                                           R"(", "scopes": {}}, "clientCredentials": {
    "tokenUrl": "token", "scopes": {}})"),
                                  fetching());
  ASSERT_TRUE(has_one(
      findings, "security-oauth2-metadata-mismatch",
      loc("components", "securitySchemes", "oauth", "flows", "authorizationCode", "tokenUrl")));
  const auto finding = of_rule(findings, "security-oauth2-metadata-mismatch")[0];
  EXPECT_EQ(finding.severity, Severity::error);
  EXPECT_TRUE(mentions(finding, "'" + url("/oauth/token") + "'")) << finding.message;
  EXPECT_TRUE(mentions(finding, "token_endpoint is '" + url("/token") + "'")) << finding.message;
  EXPECT_TRUE(mentions(finding, metadata_url())) << finding.message;
  // authorizationUrl and refreshUrl agree; the relative tokenUrl depends on the server.
  EXPECT_EQ(server_.request_count(), 1U);
}

TEST_F(LintOAuth2Metadata, ADeviceFlowTheMetadataHasNoEndpointFor_IsReported) {
  const auto findings = lint_json(
      document(R"("deviceAuthorization": {
    "deviceAuthorizationUrl": ")" +
               url("/device") + R"(", "tokenUrl": ")" + url("/token") + R"(", "scopes": {}})"),
      fetching());
  ASSERT_TRUE(has_one(findings, "security-oauth2-metadata-mismatch",
                      loc("components", "securitySchemes", "oauth", "flows", "deviceAuthorization",
                          "deviceAuthorizationUrl")));
  EXPECT_TRUE(mentions(of_rule(findings, "security-oauth2-metadata-mismatch")[0],
                       "names no device_authorization_endpoint"));
}

TEST_F(LintOAuth2Metadata, ARelativeMetadataUrlIsNotFetched) {
  // It names the metadata of whichever server a client picks, as a relative tokenUrl does.
  const auto findings = lint_json(document(R"("clientCredentials": {
    "tokenUrl": "https://elsewhere.example/token", "scopes": {}})",
                                           "/.well-known/oauth-authorization-server"),
                                  fetching());
  EXPECT_TRUE(has_none(findings, "security-oauth2-metadata-unavailable"));
  EXPECT_TRUE(has_none(findings, "security-oauth2-metadata-mismatch"));
  EXPECT_EQ(server_.request_count(), 0U);
}

TEST_F(LintOAuth2Metadata, MetadataThatCannotBeRead_IsAWarningAtTheMetadataUrl) {
  const auto* const flows = R"("clientCredentials": {"tokenUrl": "https://elsewhere.example/token",
    "scopes": {}})";
  const auto at = loc("components", "securitySchemes", "oauth", "oauth2MetadataUrl");
  // Not found; for another issuer than its URL names (.../tenant, RFC 8414 §3.3); nothing
  // listening.
  const std::pair<std::string, std::string> cases[] = {
      {url("/missing/.well-known/openid-configuration"), "HTTP status 404"},
      {url("/.well-known/oauth-authorization-server/tenant"), "is for issuer"},
      {"http://127.0.0.1:9/.well-known/oauth-authorization-server", "127.0.0.1:9"}};
  for (const auto& [metadata, says] : cases) {
    const auto findings = lint_json(document(flows, metadata), fetching());
    ASSERT_TRUE(has_one(findings, "security-oauth2-metadata-unavailable", at)) << metadata;
    const auto finding = of_rule(findings, "security-oauth2-metadata-unavailable")[0];
    EXPECT_EQ(finding.severity, Severity::warning);
    EXPECT_TRUE(mentions(finding, says)) << finding.message;
    EXPECT_TRUE(has_none(findings, "security-oauth2-metadata-mismatch"));
  }
}

}  // namespace
}  // namespace oaskit
