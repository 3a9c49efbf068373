// The authorization code grant with PKCE through the sign-in and consent page, refresh token
// rotation, and the attacks RFC 9700 names: code reuse, unregistered redirect URIs, missing or
// wrong verifiers, plain PKCE, forged forms, expired codes, refresh reuse, scope escalation.

#include "devauth/devauth_test_support.hpp"

namespace oaskit::test {
namespace {

std::string error_of(const Answer& answer) {
  return std::string(answer.json().as_object().at("error").as_string());
}

std::string field(const Answer& answer, std::string_view name) {
  const auto json = answer.json();
  const auto* value = json.as_object().if_contains(name);
  return value != nullptr && value->is_string() ? std::string(value->get_string()) : std::string();
}

TEST(DevAuthAuthorize, ThePageListsTheScopesWithTheDocumentsDescriptionsAndHasACsrfToken) {
  DevAuthFixture f;
  const auto pkce = oauth2::Pkce::generate();
  auto page = f.open_page(DevAuthFixture::request_query(pkce, "pets:read pets:write"));
  ASSERT_EQ(page.answer.status, 200) << page.answer;
  EXPECT_EQ(page.answer.content_type, "text/html; charset=utf-8");
  const auto& html = page.answer.body;
  EXPECT_NE(html.find("<code>pets:read</code> — Read the pets"), std::string::npos) << html;
  EXPECT_NE(html.find("<code>pets:write</code> — Add and change pets"), std::string::npos);
  EXPECT_NE(html.find("The docs &lt;page&gt;"), std::string::npos) << "names are escaped";
  EXPECT_EQ(html.find("<script"), std::string::npos) << "no JavaScript";
  EXPECT_FALSE(page.request_id.empty());
  EXPECT_GE(page.csrf.size(), 32U);
  EXPECT_EQ(page.cookie, "oaskit_devauth_csrf=" + page.csrf);
  EXPECT_NE(page.answer.header("Set-Cookie").find("HttpOnly; SameSite=Strict"), std::string::npos);
  EXPECT_NE(page.answer.header("Content-Security-Policy").find("frame-ancestors 'none'"),
            std::string::npos);
  EXPECT_EQ(page.answer.header("Cache-Control"), "no-store");
}

TEST(DevAuthAuthorize, SignInGivesACodeWithStateAndIssuerAndTheCodeGivesTokens) {
  DevAuthFixture f;
  const auto pkce = oauth2::Pkce::generate();
  auto page = f.open_page(DevAuthFixture::request_query(pkce, "pets:read pets:write"));
  auto answer = f.submit(page, "allow", "bob", "builder");
  ASSERT_EQ(answer.status, 303) << answer;
  const auto location = answer.header("Location");
  EXPECT_EQ(location.rfind("http://127.0.0.1:8000/docs/oauth2-redirect?code=", 0), 0U) << location;
  EXPECT_EQ(DevAuthFixture::location_parameter(answer, "state"), "xyz-state");
  EXPECT_EQ(DevAuthFixture::location_parameter(answer, "iss"), devauth_issuer) << "RFC 9207";
  const auto code = DevAuthFixture::location_parameter(answer, "code");

  auto tokens = f.exchange(code, pkce.verifier);
  ASSERT_EQ(tokens.status, 200) << tokens;
  EXPECT_EQ(field(tokens, "scope"), "pets:read pets:write");
  EXPECT_FALSE(field(tokens, "refresh_token").empty());
  auto introspected = f.post_form("/oauth/introspect", {{"token", field(tokens, "access_token")}},
                                  "service", "service-secret");
  EXPECT_EQ(introspected.json().as_object().at("sub"), "user-42");
  EXPECT_EQ(introspected.json().as_object().at("client_id"), "docs");
}

TEST(DevAuthAuthorize, ALoopbackRedirectUriMayUseAnyPortButNothingElseMayDiffer) {
  DevAuthFixture f;
  const auto pkce = oauth2::Pkce::generate();
  auto other_port = f.open_page(DevAuthFixture::request_query(
      pkce, "pets:read", "http://127.0.0.1:49152/docs/oauth2-redirect"));
  EXPECT_EQ(other_port.answer.status, 200) << "RFC 8252 §7.3";
  for (const auto* uri :
       {"http://127.0.0.1:8000/docs/oauth2-redirect/x", "http://evil.example/docs/oauth2-redirect",
        "https://app.example/cb?x=1", "https://app.example:444/cb",
        "http://127.0.0.1.evil.example/docs/oauth2-redirect"}) {
    auto page = f.open_page(DevAuthFixture::request_query(pkce, "pets:read", uri));
    EXPECT_EQ(page.answer.status, 400) << uri;
    EXPECT_TRUE(page.answer.header("Location").empty()) << "never redirect to " << uri;
    EXPECT_NE(page.answer.body.find("is not registered"), std::string::npos);
  }
  auto exact =
      f.open_page(DevAuthFixture::request_query(pkce, "pets:read", "https://app.example/cb"));
  EXPECT_EQ(exact.answer.status, 200);
  auto unknown_client = f.open_page(
      DevAuthFixture::request_query(pkce, "pets:read", "https://app.example/cb", "nobody"));
  EXPECT_EQ(unknown_client.answer.status, 400);
}

TEST(DevAuthAuthorize, PkceIsRequiredAndPlainIsRefusedAtTheRedirect) {
  DevAuthFixture f;
  const std::string redirect = "http://127.0.0.1:8000/docs/oauth2-redirect";
  auto without = f.call("GET",
                        "/oauth/authorize?response_type=code&client_id=docs&state=s&"
                        "redirect_uri=" +
                            detail::form_urlencode(redirect));
  ASSERT_EQ(without.status, 303);
  EXPECT_EQ(DevAuthFixture::location_parameter(without, "error"), "invalid_request");
  EXPECT_EQ(DevAuthFixture::location_parameter(without, "state"), "s");
  EXPECT_EQ(DevAuthFixture::location_parameter(without, "iss"), devauth_issuer);
  const auto verifier = oauth2::Pkce::generate().verifier;
  auto plain = f.call("GET", "/oauth/authorize?response_type=code&client_id=docs&redirect_uri=" +
                                 detail::form_urlencode(redirect) + "&code_challenge=" + verifier +
                                 "&code_challenge_method=plain");
  EXPECT_EQ(DevAuthFixture::location_parameter(plain, "error"), "invalid_request");
  EXPECT_NE(DevAuthFixture::location_parameter(plain, "error_description").find("plain"),
            std::string::npos);
  auto token_type = f.call("GET",
                           "/oauth/authorize?response_type=token&client_id=docs&"
                           "redirect_uri=" +
                               detail::form_urlencode(redirect));
  EXPECT_EQ(DevAuthFixture::location_parameter(token_type, "error"), "unsupported_response_type");
  const auto pkce = oauth2::Pkce::generate();
  auto scope = f.open_page(DevAuthFixture::request_query(pkce, "pets:read pets:delete"));
  EXPECT_EQ(DevAuthFixture::location_parameter(scope.answer, "error"), "invalid_scope");
  auto admin = f.open_page(DevAuthFixture::request_query(pkce, "admin"));
  EXPECT_EQ(DevAuthFixture::location_parameter(admin.answer, "error"), "invalid_scope")
      << "declared by the document but not allowed to docs";
}

TEST(DevAuthAuthorize, AMissingResponseTypeIsInvalidRequest) {
  DevAuthFixture f;
  auto answer =
      f.call("GET", "/oauth/authorize?client_id=docs&redirect_uri=" +
                        detail::form_urlencode("http://127.0.0.1:8000/docs/oauth2-redirect"));
  ASSERT_EQ(answer.status, 303);
  EXPECT_EQ(DevAuthFixture::location_parameter(answer, "error"), "invalid_request")
      << "RFC 6749 §4.1.2.1";
}

TEST(DevAuthAuthorize, AFloodOfPageLoadsFromOneAddressDoesNotPushOutAnotherAddressesSignIn) {
  DevAuthFixture f;
  const auto query = DevAuthFixture::request_query(oauth2::Pkce::generate());
  const auto target = "/oauth/authorize?" + query;
  const auto load = [&](std::string_view address) {
    return f.auth().respond(
        {.method = "GET", .target = target, .headers = {}, .body = {}, .client_address = address});
  };
  auto mine = load("192.0.2.1");
  ASSERT_EQ(mine.status, 200);
  for (int i = 0; i < 5000; ++i) ASSERT_EQ(load("198.51.100.7").status, 200);
  // The first page's form still works.
  DevAuthFixture::Page page;
  page.answer = Answer{.status = mine.status,
                       .body = mine.body,
                       .headers = mine.headers,
                       .content_type = mine.content_type};
  const auto hidden = [&](const std::string& name) {
    const auto marker = "name=\"" + name + "\" value=\"";
    const auto at = mine.body.find(marker) + marker.size();
    return mine.body.substr(at, mine.body.find('"', at) - at);
  };
  page.request_id = hidden("request");
  page.csrf = hidden("csrf");
  page.cookie = "oaskit_devauth_csrf=" + page.csrf;
  EXPECT_EQ(f.submit(page, "allow", "alice", "wonderland").status, 303);
}

TEST(DevAuthAuthorize, DenyIsAccessDeniedAtTheRedirect) {
  DevAuthFixture f;
  auto page = f.open_page(DevAuthFixture::request_query(oauth2::Pkce::generate()));
  auto answer = f.submit(page, "deny", "", "");
  ASSERT_EQ(answer.status, 303) << answer;
  EXPECT_EQ(DevAuthFixture::location_parameter(answer, "error"), "access_denied");
  EXPECT_EQ(DevAuthFixture::location_parameter(answer, "state"), "xyz-state");
  EXPECT_TRUE(DevAuthFixture::location_parameter(answer, "code").empty());
}

TEST(DevAuthAuthorize, AFormWithoutTheMatchingCsrfTokenAndCookieIsRefused) {
  DevAuthFixture f;
  auto page = f.open_page(DevAuthFixture::request_query(oauth2::Pkce::generate()));
  auto other = f.open_page(DevAuthFixture::request_query(oauth2::Pkce::generate()));
  EXPECT_EQ(f.submit(page, "allow", "alice", "wonderland", other.csrf, other.cookie).status, 403);
  EXPECT_EQ(f.submit(page, "allow", "alice", "wonderland", page.csrf, other.cookie).status, 403);
  EXPECT_EQ(f.submit(page, "allow", "alice", "wonderland", page.csrf, "other=1").status, 403);
  EXPECT_EQ(f.submit(page, "allow", "alice", "wonderland").status, 303) << "the page still works";
  EXPECT_EQ(f.submit(page, "allow", "alice", "wonderland").status, 400) << "once";
}

TEST(DevAuthAuthorize, AWrongPasswordShowsThePageAgainAndRepeatedFailuresWait) {
  DevAuthFixture f;  // max_failures: 3
  auto page = f.open_page(DevAuthFixture::request_query(oauth2::Pkce::generate()));
  auto wrong = f.submit(page, "allow", "alice", "guess");
  EXPECT_EQ(wrong.status, 200);
  EXPECT_NE(wrong.body.find("The username or password is wrong."), std::string::npos);
  EXPECT_NE(wrong.body.find("value=\"alice\""), std::string::npos);
  f.submit(page, "allow", "alice", "guess");
  f.submit(page, "allow", "nobody", "guess");
  auto limited = f.submit(page, "allow", "alice", "wonderland");
  EXPECT_EQ(limited.status, 429);
  EXPECT_NE(limited.body.find("Too many failed sign-ins"), std::string::npos);
  f.advance(std::chrono::seconds(61));
  EXPECT_EQ(f.submit(page, "allow", "alice", "wonderland").status, 303);
}

TEST(DevAuthCode, ASecondUseOfACodeIsRefusedAndRevokesItsTokens) {
  DevAuthFixture f;
  const auto pkce = oauth2::Pkce::generate();
  const auto code = f.code_for(pkce);
  auto first = f.exchange(code, pkce.verifier);
  ASSERT_EQ(first.status, 200) << first;
  EXPECT_TRUE(f.active(field(first, "access_token")));
  auto second = f.exchange(code, pkce.verifier);
  EXPECT_EQ(second.status, 400);
  EXPECT_EQ(error_of(second), "invalid_grant");
  EXPECT_FALSE(f.active(field(first, "access_token")));
  EXPECT_FALSE(f.active(field(first, "refresh_token")));
  auto refresh = f.token({{"grant_type", "refresh_token"},
                          {"client_id", "docs"},
                          {"refresh_token", field(first, "refresh_token")}});
  EXPECT_EQ(error_of(refresh), "invalid_grant");
}

TEST(DevAuthCode, TheVerifierMustMatchAndBePresent) {
  DevAuthFixture f;
  const auto pkce = oauth2::Pkce::generate();
  const auto code = f.code_for(pkce);
  auto wrong = f.exchange(code, oauth2::Pkce::generate().verifier);
  EXPECT_EQ(error_of(wrong), "invalid_grant");
  auto missing = f.exchange(code, "");
  EXPECT_EQ(error_of(missing), "invalid_grant");
  auto short_one = f.exchange(code, "abc");
  EXPECT_EQ(error_of(short_one), "invalid_grant");
  EXPECT_EQ(f.exchange(code, pkce.verifier).status, 200) << "failed attempts do not spend it";
}

TEST(DevAuthCode, TheRedirectUriAndClientMustBeTheAuthorizationRequests) {
  DevAuthFixture f;
  const auto pkce = oauth2::Pkce::generate();
  const auto code = f.code_for(pkce);
  auto other_uri = f.exchange(code, pkce.verifier, "http://127.0.0.1:9999/docs/oauth2-redirect");
  EXPECT_EQ(error_of(other_uri), "invalid_grant");
  auto other_client = f.token({{"grant_type", "authorization_code"},
                               {"code", code},
                               {"code_verifier", pkce.verifier},
                               {"redirect_uri", "https://web.example/cb"}},
                              "web", "web-secret");
  EXPECT_EQ(error_of(other_client), "invalid_grant");
}

TEST(DevAuthCode, AnExpiredCodeIsRefused) {
  DevAuthFixture f;  // code_lifetime: 60 s
  const auto pkce = oauth2::Pkce::generate();
  const auto code = f.code_for(pkce);
  f.advance(std::chrono::seconds(61));
  auto answer = f.exchange(code, pkce.verifier);
  EXPECT_EQ(error_of(answer), "invalid_grant");
  EXPECT_NE(field(answer, "error_description").find("expired"), std::string::npos);
}

TEST(DevAuthCode, AConfidentialClientAuthenticatesItsExchange) {
  DevAuthFixture f;
  const auto pkce = oauth2::Pkce::generate();
  auto page = f.open_page(DevAuthFixture::request_query(pkce, "", "https://web.example/cb", "web"));
  auto redirect = f.submit(page, "allow", "alice", "wonderland");
  const auto code = DevAuthFixture::location_parameter(redirect, "code");
  auto anonymous = f.token({{"grant_type", "authorization_code"},
                            {"client_id", "web"},
                            {"code", code},
                            {"code_verifier", pkce.verifier},
                            {"redirect_uri", "https://web.example/cb"}});
  EXPECT_EQ(anonymous.status, 401) << "a confidential client must prove it is one";
  auto answer = f.token({{"grant_type", "authorization_code"},
                         {"code", code},
                         {"code_verifier", pkce.verifier},
                         {"redirect_uri", "https://web.example/cb"}},
                        "web", "web-secret");
  ASSERT_EQ(answer.status, 200) << answer;
  EXPECT_EQ(field(answer, "scope"), "pets:read pets:write admin") << "unrestricted client";
  EXPECT_TRUE(field(answer, "refresh_token").empty()) << "web may not refresh";
}

TEST(DevAuthRefresh, ARefreshRotatesTheTokenAndMayNarrowTheScope) {
  DevAuthFixture f;
  const auto pkce = oauth2::Pkce::generate();
  auto tokens = f.exchange(f.code_for(pkce, "pets:read pets:write"), pkce.verifier);
  auto refreshed = f.token({{"grant_type", "refresh_token"},
                            {"client_id", "docs"},
                            {"refresh_token", field(tokens, "refresh_token")},
                            {"scope", "pets:read"}});
  ASSERT_EQ(refreshed.status, 200) << refreshed;
  EXPECT_EQ(field(refreshed, "scope"), "pets:read");
  EXPECT_NE(field(refreshed, "refresh_token"), field(tokens, "refresh_token"));
  EXPECT_FALSE(f.active(field(tokens, "refresh_token"))) << "rotated out";
  // The new refresh token keeps the whole grant (RFC 6749 §6).
  auto again = f.token({{"grant_type", "refresh_token"},
                        {"client_id", "docs"},
                        {"refresh_token", field(refreshed, "refresh_token")}});
  ASSERT_EQ(again.status, 200) << again;
  EXPECT_EQ(field(again, "scope"), "pets:read pets:write");
}

TEST(DevAuthRefresh, ReusingARotatedRefreshTokenRevokesTheWholeChain) {
  DevAuthFixture f;
  const auto pkce = oauth2::Pkce::generate();
  auto tokens = f.exchange(f.code_for(pkce), pkce.verifier);
  const auto stolen = field(tokens, "refresh_token");
  auto refreshed =
      f.token({{"grant_type", "refresh_token"}, {"client_id", "docs"}, {"refresh_token", stolen}});
  ASSERT_EQ(refreshed.status, 200);
  auto replay =
      f.token({{"grant_type", "refresh_token"}, {"client_id", "docs"}, {"refresh_token", stolen}});
  EXPECT_EQ(error_of(replay), "invalid_grant");
  EXPECT_FALSE(f.active(field(refreshed, "refresh_token"))) << "RFC 9700 §4.14.2";
  EXPECT_FALSE(f.active(field(refreshed, "access_token")));
  EXPECT_FALSE(f.active(field(tokens, "access_token")));
  auto legit = f.token({{"grant_type", "refresh_token"},
                        {"client_id", "docs"},
                        {"refresh_token", field(refreshed, "refresh_token")}});
  EXPECT_EQ(error_of(legit), "invalid_grant");
}

TEST(DevAuthRefresh, AScopeBeyondTheGrantIsInvalidScope) {
  DevAuthFixture f;
  const auto pkce = oauth2::Pkce::generate();
  auto tokens = f.exchange(f.code_for(pkce, "pets:read"), pkce.verifier);
  auto escalated = f.token({{"grant_type", "refresh_token"},
                            {"client_id", "docs"},
                            {"refresh_token", field(tokens, "refresh_token")},
                            {"scope", "pets:read pets:write"}});
  EXPECT_EQ(error_of(escalated), "invalid_scope");
  auto still = f.token({{"grant_type", "refresh_token"},
                        {"client_id", "docs"},
                        {"refresh_token", field(tokens, "refresh_token")}});
  EXPECT_EQ(still.status, 200) << "a refused escalation does not spend the token";
}

TEST(DevAuthRefresh, RevokingARefreshTokenRevokesItsGrant) {
  DevAuthFixture f;
  const auto pkce = oauth2::Pkce::generate();
  auto tokens = f.exchange(f.code_for(pkce), pkce.verifier);
  auto revoked = f.post_form("/oauth/revoke",
                             {{"token", field(tokens, "refresh_token")}, {"client_id", "docs"}});
  EXPECT_EQ(revoked.status, 200) << revoked;
  EXPECT_FALSE(f.active(field(tokens, "access_token")));
  EXPECT_FALSE(f.active(field(tokens, "refresh_token")));
}

TEST(DevAuthRefresh, AnExpiredRefreshTokenIsRefused) {
  DevAuthFixture f;
  const auto pkce = oauth2::Pkce::generate();
  auto tokens = f.exchange(f.code_for(pkce), pkce.verifier);
  f.advance(std::chrono::hours(25));
  auto answer = f.token({{"grant_type", "refresh_token"},
                         {"client_id", "docs"},
                         {"refresh_token", field(tokens, "refresh_token")}});
  EXPECT_EQ(error_of(answer), "invalid_grant");
}

}  // namespace
}  // namespace oaskit::test
