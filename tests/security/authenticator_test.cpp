// Authenticator: OpenAPI security requirements (alternatives of schemes with scopes) checked
// against a request, with the answers RFC 6750 §3 prescribes when none is met.

#include <gtest/gtest.h>

#include <atomic>
#include <boost/json/parse.hpp>
#include <map>
#include <stdexcept>

#include "oaskit/json.hpp"
#include "oaskit/models.hpp"
#include "oaskit/security/authenticator.hpp"
#include "support/security_request.hpp"

namespace oaskit::security {
namespace {

using test::request;
using test::with_authorization;

Identity identity(std::string subject, std::vector<std::string> scopes,
                  std::optional<std::string> client_id = std::nullopt) {
  Identity id;
  id.subject = std::move(subject);
  id.scopes = std::move(scopes);
  id.client_id = std::move(client_id);
  id.claims = boost::json::object{{"sub", id.subject}};
  return id;
}

TokenError refusal(TokenCheck check, std::string message, std::string internal = {}) {
  TokenError error;
  error.check = check;
  error.message = std::move(message);
  error.internal = std::move(internal);
  return error;
}

// Stands in for JwtVerifier / IntrospectionVerifier: a fixed table of tokens.
VerifyResult check_token(std::string_view token) {
  if (token == "reader") return identity("alice", {"pets:read"});
  if (token == "admin") return identity("root", {"pets:read", "pets:write"});
  if (token == "expired") return refusal(TokenCheck::exp, "The token expired");
  if (token == "down") {
    return refusal(TokenCheck::unavailable, "The keys could not be fetched",
                   "curl: connection refused to 10.0.0.1");
  }
  if (token == "narrow") return refusal(TokenCheck::scope, "A required scope is missing");
  if (token == "odd") return refusal(TokenCheck::signature, "Bad \"sig\"\nnaïve \\ ok");
  return refusal(TokenCheck::signature, "The signature does not verify");
}

struct TableVerifier {
  [[nodiscard]] VerifyResult verify(std::string_view token) const { return check_token(token); }
};

Verifier api_keys() {
  return [](const Credential& credential) -> VerifyResult {
    if (credential.value == "k1") return identity("", {"admin"}, "service-1");
    return refusal(TokenCheck::rejected, "Unknown API key");
  };
}

Verifier passwords() {
  return [](const Credential& credential) -> VerifyResult {
    if (credential.username == "ann" && credential.password == "pw") return identity("ann", {});
    return refusal(TokenCheck::rejected, "Wrong user name or password");
  };
}

class AuthenticatorTest : public ::testing::Test {
 protected:
  AuthenticatorTest() {
    auth.add(std::make_shared<OAuth2ClientCredentialsBearer>(OAuth2ClientCredentialsBearerOptions{
                 .tokenUrl = "https://auth.example.com/token",
                 .scopes = {{"pets:read", "Read pets"}, {"pets:write", "Change pets"}},
                 .scheme_name = "oauth"}),
             bearer(std::make_shared<TableVerifier>()));
    auth.add(
        std::make_shared<APIKeyHeader>(APIKeyOptions{.name = "X-API-Key", .scheme_name = "key"}),
        api_keys());
    auth.add(std::make_shared<HTTPBasic>(HTTPBasicOptions{.realm = "pets", .scheme_name = "basic"}),
             passwords());
  }

  [[nodiscard]] AuthError refused(const RequestView& view,
                                  const std::vector<SecurityRequirement>& requirements) const {
    auto result = auth.authenticate(view, requirements);
    EXPECT_FALSE(result) << "expected a refusal";
    return result ? AuthError{} : result.errors();
  }
  [[nodiscard]] Principal admitted(const RequestView& view,
                                   const std::vector<SecurityRequirement>& requirements) const {
    auto result = auth.authenticate(view, requirements);
    EXPECT_TRUE(result) << result.errors().status << " " << result.errors().www_authenticate();
    return result ? result.value() : Principal{};
  }

  Authenticator auth;
};

const std::vector<SecurityRequirement> oauth_read{{{"oauth", {"pets:read"}}}};

// --- passing -------------------------------------------------------------------------------------

TEST_F(AuthenticatorTest, NoRequirements_AdmitAnonymousCallers) {
  const Principal principal = admitted(request(), {});
  EXPECT_TRUE(principal.anonymous());
  EXPECT_TRUE(principal.schemes.empty());
}

TEST_F(AuthenticatorTest, EmptyAlternative_AdmitsAnonymousCallers) {
  EXPECT_TRUE(admitted(request(), {{}}).anonymous());
  EXPECT_TRUE(admitted(request(), {{{"oauth", {"pets:read"}}}, {}}).anonymous());
}

TEST_F(AuthenticatorTest, EmptyAlternativeAfterAPassingOne_KeepsTheCaller) {
  const Principal principal =
      admitted(with_authorization("Bearer reader"), {{{"oauth", {"pets:read"}}}, {}});
  EXPECT_FALSE(principal.anonymous());
  EXPECT_EQ(principal.subject, "alice");
}

TEST_F(AuthenticatorTest, EmptyAlternativeBeforeAFailingCredential_StillAdmitsAnonymously) {
  // Alternatives are tried in order; `{}` first means the route is public.
  EXPECT_TRUE(admitted(with_authorization("Bearer expired"), {{}, {{"oauth", {}}}}).anonymous());
}

TEST_F(AuthenticatorTest, ValidTokenWithScope_GivesThePrincipal) {
  const Principal principal = admitted(with_authorization("Bearer reader"), oauth_read);
  EXPECT_EQ(principal.subject, "alice");
  EXPECT_EQ(principal.scopes, std::vector<std::string>{"pets:read"});
  EXPECT_EQ(principal.schemes, std::vector<std::string>{"oauth"});
  EXPECT_EQ(principal.required_scopes, std::vector<std::string>{"pets:read"});
  EXPECT_EQ(principal.claims, (boost::json::object{{"sub", "alice"}}));
  EXPECT_TRUE(principal.has_scope("pets:read"));
  EXPECT_FALSE(principal.has_scope("pets:write"));
}

TEST_F(AuthenticatorTest, Principal_ListsEveryGrantedScopeNotOnlyTheRequired) {
  const Principal principal = admitted(with_authorization("Bearer admin"), oauth_read);
  EXPECT_EQ(principal.scopes, (std::vector<std::string>{"pets:read", "pets:write"}));
  EXPECT_EQ(principal.required_scopes, std::vector<std::string>{"pets:read"});
}

TEST_F(AuthenticatorTest, SchemeWithoutScopes_NeedsOnlyAValidCredential) {
  EXPECT_EQ(admitted(with_authorization("Bearer reader"), {{{"oauth", {}}}}).subject, "alice");
}

TEST_F(AuthenticatorTest, AndRequirement_NeedsEveryScheme_AndMergesTheirIdentities) {
  const std::vector<SecurityRequirement> both{{{"oauth", {"pets:read"}}, {"key", {"admin"}}}};
  const Principal principal =
      admitted(request({{"Authorization", "Bearer reader"}, {"X-API-Key", "k1"}}), both);
  EXPECT_EQ(principal.schemes, (std::vector<std::string>{"oauth", "key"}));
  EXPECT_EQ(principal.subject, "alice");        // the first scheme that names one
  EXPECT_EQ(principal.client_id, "service-1");  // only the API key gives one
  EXPECT_EQ(principal.scopes, (std::vector<std::string>{"pets:read", "admin"}));
  EXPECT_EQ(principal.required_scopes, (std::vector<std::string>{"pets:read", "admin"}));
}

TEST_F(AuthenticatorTest, AndRequirementWithOneSchemeMissing_Fails) {
  const std::vector<SecurityRequirement> both{{{"oauth", {}}, {"key", {}}}};
  const AuthError error = refused(with_authorization("Bearer reader"), both);
  EXPECT_EQ(error.status, 401);
  EXPECT_EQ(error.www_authenticate(), "Bearer, APIKey");
  EXPECT_EQ(error.error, "");
}

TEST_F(AuthenticatorTest, OrRequirement_TheFirstPassingAlternativeWins) {
  const std::vector<SecurityRequirement> either{{{"oauth", {}}}, {{"key", {}}}};
  const Principal by_key = admitted(request({{"X-API-Key", "k1"}}), either);
  EXPECT_EQ(by_key.schemes, std::vector<std::string>{"key"});
  EXPECT_EQ(by_key.client_id, "service-1");
  const Principal by_token =
      admitted(request({{"Authorization", "Bearer reader"}, {"X-API-Key", "k1"}}), either);
  EXPECT_EQ(by_token.schemes, std::vector<std::string>{"oauth"});
}

TEST_F(AuthenticatorTest, OrRequirement_LaterAlternativePassesAfterARefusedOne) {
  const std::vector<SecurityRequirement> either{{{"oauth", {}}}, {{"basic", {}}}};
  const Principal principal =
      admitted(request({{"X-Other", "1"}, {"Authorization", "Basic YW5uOnB3"}}), either);  // ann:pw
  EXPECT_EQ(principal.subject, "ann");
  EXPECT_EQ(principal.schemes, std::vector<std::string>{"basic"});
}

TEST_F(AuthenticatorTest, ApiKeyRoles_AreCheckedLikeScopes) {
  EXPECT_EQ(admitted(request({{"X-API-Key", "k1"}}), {{{"key", {"admin"}}}}).client_id,
            "service-1");
  const AuthError error = refused(request({{"X-API-Key", "k1"}}), {{{"key", {"root"}}}});
  EXPECT_EQ(error.status, 403);
  EXPECT_TRUE(error.challenges.empty());  // insufficient_scope is a bearer-token error code
  EXPECT_EQ(error.error, "");
  EXPECT_EQ(error.body(), R"({"detail":"Not enough permissions"})");
}

TEST_F(AuthenticatorTest, BearerHelper_UsesTheVerifiersVerify) {
  const auto verifier = bearer(std::make_shared<TableVerifier>());
  auto result = verifier(Credential{.kind = CredentialKind::bearer, .value = "reader"});
  ASSERT_TRUE(result);
  EXPECT_EQ(result->subject, "alice");
}

// --- refusing: RFC 6750 §3 -----------------------------------------------------------------------

TEST_F(AuthenticatorTest, NoCredential_Is401WithChallengeAndNoErrorCode) {
  const AuthError error = refused(request(), oauth_read);
  EXPECT_EQ(error.status, 401);
  EXPECT_EQ(error.www_authenticate(), "Bearer");
  EXPECT_EQ(error.error, "");
  EXPECT_EQ(error.error_description, "");
  EXPECT_EQ(error.body(), R"({"detail":"Not authenticated"})");
}

TEST_F(AuthenticatorTest, NoCredential_ChallengesEveryCandidateSchemeOnce) {
  Authenticator two_bearers;
  two_bearers.add(std::make_shared<HTTPBearer>(HTTPBearerOptions{.scheme_name = "a"}),
                  bearer(std::make_shared<TableVerifier>()));
  two_bearers.add(std::make_shared<HTTPBearer>(HTTPBearerOptions{.scheme_name = "b"}),
                  bearer(std::make_shared<TableVerifier>()));
  auto result = two_bearers.authenticate(request(), {{{"a", {}}}, {{"b", {}}}});
  ASSERT_FALSE(result);
  EXPECT_EQ(result.errors().www_authenticate(), "Bearer");

  const AuthError error =
      refused(request(), {{{"oauth", {}}}, {{"key", {}}}, {{"basic", {}}, {"oauth", {}}}});
  EXPECT_EQ(error.challenges,
            (std::vector<std::string>{"Bearer", "APIKey", R"(Basic realm="pets")"}));
}

TEST_F(AuthenticatorTest, RefusedToken_Is401InvalidTokenWithTheRefusalsMessage) {
  const AuthError error = refused(with_authorization("Bearer expired"), oauth_read);
  EXPECT_EQ(error.status, 401);
  EXPECT_EQ(error.error, "invalid_token");
  EXPECT_EQ(error.error_description, "The token expired");
  EXPECT_EQ(error.www_authenticate(),
            R"(Bearer error="invalid_token", error_description="The token expired")");
  EXPECT_EQ(error.body(), R"({"detail":"The token expired"})");
}

TEST_F(AuthenticatorTest, RefusalDescription_HasOnlyRfc6750Characters) {
  const AuthError error = refused(with_authorization("Bearer odd"), oauth_read);
  EXPECT_EQ(error.error_description, "Bad 'sig' nave / ok");
  EXPECT_EQ(error.www_authenticate(),
            R"(Bearer error="invalid_token", error_description="Bad 'sig' nave / ok")");
}

TEST_F(AuthenticatorTest, UnavailableCheck_Is503AndNeverShowsInternals) {
  const AuthError error = refused(with_authorization("Bearer down"), oauth_read);
  EXPECT_EQ(error.status, 503);
  EXPECT_TRUE(error.challenges.empty());
  EXPECT_EQ(error.error, "");
  const std::string everything = error.body() + error.www_authenticate() + error.error_description;
  EXPECT_EQ(everything.find("curl"), std::string::npos);
  EXPECT_EQ(everything.find("10.0.0.1"), std::string::npos);
}

TEST_F(AuthenticatorTest, MissingScope_Is403InsufficientScopeNamingTheRequiredScopes) {
  const AuthError error =
      refused(with_authorization("Bearer reader"), {{{"oauth", {"pets:read", "pets:write"}}}});
  EXPECT_EQ(error.status, 403);
  EXPECT_EQ(error.error, "insufficient_scope");
  EXPECT_EQ(error.www_authenticate(),
            R"(Bearer error="insufficient_scope", scope="pets:read pets:write")");
  EXPECT_EQ(error.body(), R"({"detail":"Not enough permissions"})");
}

TEST_F(AuthenticatorTest, VerifierScopeRefusal_Is403InsufficientScope) {
  const AuthError error = refused(with_authorization("Bearer narrow"), oauth_read);
  EXPECT_EQ(error.status, 403);
  EXPECT_EQ(error.www_authenticate(), R"(Bearer error="insufficient_scope", scope="pets:read")");
}

TEST_F(AuthenticatorTest, MalformedToken_Is401InvalidRequest) {
  const AuthError error = refused(with_authorization("Bearer a b"), oauth_read);
  EXPECT_EQ(error.status, 401);
  EXPECT_EQ(error.error, "invalid_request");
  EXPECT_TRUE(error.www_authenticate().starts_with(R"(Bearer error="invalid_request")"));
}

TEST_F(AuthenticatorTest, AccessTokenInQuery_DoesNotAuthenticate) {
  const AuthError error = refused(request({}, "/pets?access_token=reader"), oauth_read);
  EXPECT_EQ(error.status, 401);
  EXPECT_EQ(error.error, "");
}

TEST_F(AuthenticatorTest, RefusedBasic_Is401WithBasicChallengeAndNoErrorCode) {
  const AuthError error =
      refused(with_authorization("Basic YW5uOndyb25n"), {{{"basic", {}}}});  // ann:wrong
  EXPECT_EQ(error.status, 401);
  EXPECT_EQ(error.www_authenticate(), R"(Basic realm="pets")");
  EXPECT_EQ(error.error, "");
  EXPECT_EQ(error.detail, "Wrong user name or password");
}

TEST_F(AuthenticatorTest, UnreadableBasic_IsTheSchemesInvalidCredentials) {
  const AuthError error = refused(with_authorization("Basic !!!"), {{{"basic", {}}}});
  EXPECT_EQ(error.status, 401);
  EXPECT_EQ(error.detail, "Invalid authentication credentials");
  EXPECT_EQ(error.www_authenticate(), R"(Basic realm="pets")");
}

TEST_F(AuthenticatorTest, InsufficientScope_OutranksARefusedCredential) {
  const std::vector<SecurityRequirement> either{{{"oauth", {"pets:write"}}}, {{"key", {}}}};
  const AuthError error =
      refused(request({{"Authorization", "Bearer reader"}, {"X-API-Key", "nope"}}), either);
  EXPECT_EQ(error.status, 403);
}

TEST_F(AuthenticatorTest, RefusedCredential_OutranksAMalformedOne) {
  const std::vector<SecurityRequirement> either{{{"oauth", {}}}, {{"key", {}}}};
  const AuthError error =
      refused(request({{"Authorization", "Bearer a b"}, {"X-API-Key", "nope"}}), either);
  EXPECT_EQ(error.status, 401);
  EXPECT_EQ(error.detail, "Unknown API key");
  EXPECT_EQ(error.www_authenticate(), "APIKey");
}

TEST_F(AuthenticatorTest, MalformedCredential_OutranksAMissingOne) {
  const std::vector<SecurityRequirement> either{{{"key", {}}}, {{"oauth", {}}}};
  EXPECT_EQ(refused(with_authorization("Bearer a b"), either).status, 401);
}

TEST_F(AuthenticatorTest, UnavailableCheck_OutranksOtherFailures) {
  const std::vector<SecurityRequirement> either{{{"key", {"root"}}}, {{"oauth", {}}}};
  EXPECT_EQ(
      refused(request({{"Authorization", "Bearer down"}, {"X-API-Key", "k1"}}), either).status,
      503);
}

TEST_F(AuthenticatorTest, SchemeWithAutoErrorOff_StillHasToPass) {
  Authenticator lenient;
  lenient.add(std::make_shared<HTTPBearer>(HTTPBearerOptions{.auto_error = false}),
              bearer(std::make_shared<TableVerifier>()));
  auto missing = lenient.authenticate(request(), {{{"HTTPBearer", {}}}});
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.errors().status, 401);
  EXPECT_EQ(missing.errors().www_authenticate(), "Bearer");
  // Malformed counts as missing, as extract() says for auto_error = false.
  auto malformed = lenient.authenticate(with_authorization("Bearer a b"), {{{"HTTPBearer", {}}}});
  ASSERT_FALSE(malformed);
  EXPECT_EQ(malformed.errors().status, 401);
  EXPECT_EQ(malformed.errors().error, "");
  EXPECT_TRUE(lenient.authenticate(request(), {{{"HTTPBearer", {}}}, {}}));
}

// --- how often verifiers run ---------------------------------------------------------------------

TEST(Authenticator, EachSchemeIsVerifiedOncePerRequest) {
  auto calls = std::make_shared<std::atomic<int>>(0);
  Authenticator auth;
  auth.add(std::make_shared<HTTPBearer>(HTTPBearerOptions{}),
           [calls](const Credential& credential) {
             ++*calls;
             return check_token(credential.value);
           });
  auto result =
      auth.authenticate(with_authorization("Bearer reader"),
                        {{{"HTTPBearer", {"pets:write"}}}, {{"HTTPBearer", {"pets:read"}}}});
  EXPECT_TRUE(result);
  EXPECT_EQ(*calls, 1);
}

TEST(Authenticator, AFailedSchemeEndsItsAlternative) {
  auto key_calls = std::make_shared<std::atomic<int>>(0);
  Authenticator auth;
  auth.add(std::make_shared<HTTPBearer>(HTTPBearerOptions{}),
           [](const Credential& credential) { return check_token(credential.value); });
  auth.add(std::make_shared<APIKeyHeader>(APIKeyOptions{.name = "K"}),
           [key_calls](const Credential&) -> VerifyResult {
             ++*key_calls;
             return identity("k", {});
           });
  auto result = auth.authenticate(request({{"Authorization", "Bearer expired"}, {"K", "1"}}),
                                  {{{"HTTPBearer", {}}, {"APIKeyHeader", {}}}});
  EXPECT_FALSE(result);
  EXPECT_EQ(*key_calls, 0);
}

// --- programming errors
// ----------------------------------------------------------------------------

TEST_F(AuthenticatorTest, UnknownSchemeName_Throws) {
  EXPECT_THROW((void)auth.authenticate(request(), {{{"nope", {}}}}), std::invalid_argument);
}

TEST_F(AuthenticatorTest, UnknownSchemeName_ThrowsEvenAfterAPassingAlternative) {
  EXPECT_THROW((void)auth.authenticate(request(), {{}, {{"nope", {}}}}), std::invalid_argument);
}

TEST_F(AuthenticatorTest, SecondSchemeWithTheSameName_Throws) {
  EXPECT_THROW(
      auth.add(std::make_shared<HTTPBearer>(HTTPBearerOptions{.scheme_name = "oauth"}), api_keys()),
      std::invalid_argument);
}

TEST(Authenticator, NullSchemeOrVerifier_Throws) {
  Authenticator auth;
  EXPECT_THROW(auth.add(nullptr, api_keys()), std::invalid_argument);
  EXPECT_THROW(auth.add(std::make_shared<HTTPBearer>(HTTPBearerOptions{}), Verifier{}),
               std::invalid_argument);
}

TEST_F(AuthenticatorTest, Find_GivesTheSchemeByName) {
  ASSERT_NE(auth.find("key"), nullptr);
  EXPECT_EQ(auth.find("key")->challenge(), "APIKey");
  EXPECT_EQ(auth.find("APIKeyHeader"), nullptr);
}

// --- document()
// ------------------------------------------------------------------------------------

TEST_F(AuthenticatorTest, Document_PutsEverySchemeIntoComponents) {
  OpenAPI document;
  auth.document(document);
  ASSERT_TRUE(document.components && document.components->securitySchemes);
  EXPECT_EQ(boost::json::parse(to_json(*document.components)), boost::json::parse(R"({
    "securitySchemes": {
      "oauth": {"type": "oauth2", "flows": {"clientCredentials": {
        "tokenUrl": "https://auth.example.com/token",
        "scopes": {"pets:read": "Read pets", "pets:write": "Change pets"}}}},
      "key": {"type": "apiKey", "name": "X-API-Key", "in": "header"},
      "basic": {"type": "http", "scheme": "basic"}
    }})"));
}

TEST_F(AuthenticatorTest, Document_ReplacesASchemeOfTheSameNameAndKeepsOthers) {
  OpenAPI document;
  document.components.emplace();
  document.components->schemas.emplace();
  document.components->securitySchemes.emplace();
  document.components->securitySchemes->insert_or_assign("key", SecurityScheme{MutualTLS{}});
  document.components->securitySchemes->insert_or_assign("mtls", SecurityScheme{MutualTLS{}});
  auth.document(document);
  const auto& schemes = *document.components->securitySchemes;
  EXPECT_EQ(schemes.size(), 4U);
  EXPECT_TRUE(document.components->schemas.has_value());
  ASSERT_NE(schemes.find("mtls"), nullptr);
  const auto* key = std::get_if<SecurityScheme>(schemes.find("key"));
  ASSERT_NE(key, nullptr);
  EXPECT_TRUE(std::holds_alternative<APIKey>(*key));
}

}  // namespace
}  // namespace oaskit::security
