// Uses the installed oaskit the way an application would: builds an OAuth2 security scheme
// with designated initializers, writes it with to_json, and parses an OpenAPI document.
// Prints what it did; any mismatch prints "FAIL: ..." and the exit code is 1.
#include <oaskit/oaskit.hpp>
#include <oaskit/security.hpp>

#include <boost/json/serialize.hpp>
#include <chrono>
#include <memory>

#include <iostream>
#include <string>
#include <string_view>
#include <variant>

namespace {

int failures = 0;

void expect(bool ok, std::string_view what) {
  if (!ok) {
    std::cout << "FAIL: " << what << '\n';
    ++failures;
  }
}

void expect_equal(const std::string& got, const std::string& expected, std::string_view what) {
  if (got != expected) {
    std::cout << "FAIL: " << what << "\n  expected: " << expected << "\n  got:      " << got
              << '\n';
    ++failures;
  }
}

constexpr std::string_view document = R"({
  "openapi": "3.1.0",
  "info": {"title": "Pets", "version": "1.0.0"},
  "components": {
    "securitySchemes": {
      "oauth": {
        "type": "oauth2",
        "flows": {
          "clientCredentials": {
            "tokenUrl": "https://auth.example.com/token",
            "scopes": {"pets:read": "Read pets"}
          }
        }
      }
    }
  },
  "security": [{"oauth": ["pets:read"]}]
})";

}  // namespace

int main() {
  using namespace oaskit;

  // 1. A model built in code, written as JSON.
  const OAuth2 oauth{.flows = OAuthFlows{.clientCredentials = OAuthFlowClientCredentials{
                                             .tokenUrl = "https://auth.example.com/token",
                                             .scopes = {{"pets:read", "Read pets"}}}}};
  const std::string json = to_json(oauth);
  std::cout << "oauth2: " << json << '\n';
  expect_equal(json,
               R"({"type":"oauth2","flows":{"clientCredentials":{"tokenUrl":)"
               R"("https://auth.example.com/token","scopes":{"pets:read":"Read pets"}}}})",
               "to_json(OAuth2)");

  // 2. A document parsed from text.
  auto doc = parse<OpenAPI>(document);
  if (!doc) {
    std::cout << "FAIL: parse<OpenAPI> returned errors:\n";
    for (const auto& e : doc.errors()) std::cout << "  " << to_string(e) << '\n';
    return 1;
  }
  std::cout << "parsed: " << doc->openapi << ' ' << doc->info.title << ' ' << doc->info.version
            << '\n';
  expect_equal(doc->openapi, "3.1.0", "openapi");
  expect_equal(doc->info.title, "Pets", "info.title");
  expect_equal(doc->info.version, "1.0.0", "info.version");

  const OAuth2* parsed_oauth = nullptr;
  if (doc->components && doc->components->securitySchemes) {
    if (const auto* scheme = doc->components->securitySchemes->find("oauth")) {
      if (const auto* s = std::get_if<SecurityScheme>(scheme))
        parsed_oauth = std::get_if<OAuth2>(s);
    }
  }
  expect(parsed_oauth != nullptr, "components.securitySchemes.oauth is an OAuth2 scheme");
  if (parsed_oauth != nullptr) {
    expect(*parsed_oauth == oauth, "the parsed OAuth2 scheme equals the one built in code");
    expect_equal(to_json(*parsed_oauth), json, "to_json of the parsed OAuth2 scheme");
  }
  expect(doc->security && doc->security->size() == 1 && (*doc->security)[0].find("oauth") &&
             *(*doc->security)[0].find("oauth") == std::vector<std::string>{"pets:read"},
         "security: [{oauth: [pets:read]}]");

  // Writing the document and reading it back gives the same document.
  auto again = parse<OpenAPI>(to_json(*doc));
  expect(again && *again == *doc, "parse(to_json(doc)) == doc");

  // 3. Errors come back as values, with a location.
  auto bad = parse<OpenAPI>(R"({"openapi": "3.1.0"})");
  expect(!bad, "a document without info is rejected");
  if (!bad) {
    bool missing_info = false;
    for (const auto& e : bad.errors()) {
      std::cout << "expected error: " << to_string(e) << '\n';
      if (e.type == "missing" && e.loc == Path{std::string("info")}) missing_info = true;
    }
    expect(missing_info, "the error is 'missing' at loc 'info'");
  }

  // 4. The resource server: a scheme, a JWT verifier (OpenSSL underneath), an Authenticator.
  {
    using namespace oaskit::security;
    auto secret = jose::Key::hmac_secret(std::string(32, 's'));
    expect(static_cast<bool>(secret), "an HS256 secret");
    if (secret) {
      const auto now = std::chrono::duration_cast<std::chrono::seconds>(
                           std::chrono::system_clock::now().time_since_epoch())
                           .count();
      const auto token = jose::sign_compact(
          {},
          boost::json::serialize(boost::json::object{{"iss", "https://auth.example.com"},
                                                     {"aud", "pets"},
                                                     {"sub", "alice"},
                                                     {"scope", "pets:read"},
                                                     {"exp", now + 60}}),
          *secret, jose::Algorithm::HS256);
      expect(static_cast<bool>(token), "sign_compact");
      auto verifier =
          std::make_shared<JwtVerifier>(JwtVerifierOptions{.issuer = "https://auth.example.com",
                                                           .audience = "pets",
                                                           .algorithms = {jose::Algorithm::HS256},
                                                           .keys = jose::KeySet({*secret})});
      Authenticator authenticator;
      authenticator.add(
          std::make_shared<security::HTTPBearer>(HTTPBearerOptions{.scheme_name = "bearer"}),
          bearer(verifier));
      const std::string authorization = "Bearer " + (token ? *token : std::string());
      const RequestView request{
          .method = "GET", .target = "/pets", .headers = {{"Authorization", authorization}}};
      const auto principal =
          authenticator.authenticate(request, {SecurityRequirement{{"bearer", {"pets:read"}}}});
      expect(principal && principal->subject == "alice", "a verified bearer token admits alice");
      const RequestView anonymous{.method = "GET", .target = "/pets"};
      const auto refused =
          authenticator.authenticate(anonymous, {SecurityRequirement{{"bearer", {}}}});
      expect(!refused && refused.errors().status == 401, "no token is a 401");
      std::cout << "security: alice admitted, anonymous refused with "
                << (refused ? 0 : refused.errors().status) << '\n';
    }
  }

  if (failures != 0) {
    std::cout << "oaskit consumer: " << failures << " check(s) FAILED\n";
    return 1;
  }
  std::cout << "oaskit consumer: all checks passed\n";
  return 0;
}
