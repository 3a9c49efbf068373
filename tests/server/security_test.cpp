// Security requirements enforced before the handler: the operation's own or else the root's,
// OR across alternatives, AND within one, scopes checked, `[]` and `{}` admitting anyone.

#include <gtest/gtest.h>

#include "oaskit/security/schemes.hpp"
#include "server/server_test_support.hpp"

namespace oaskit::test {
namespace {

using server::Request;
using server::Response;

const char* const secured_document = R"(
openapi: 3.1.0
info: {title: Secured, version: "1"}
components:
  securitySchemes:
    oauth:
      type: oauth2
      flows:
        clientCredentials:
          tokenUrl: https://auth.example.com/token
          scopes: {"pets:read": read, "pets:write": write}
    key: {type: apiKey, in: header, name: X-API-Key}
    session: {type: apiKey, in: cookie, name: session}
security: [{oauth: ["pets:read"]}]
paths:
  /inherited: {get: {operationId: inherited, responses: {"200": {description: ok}}}}
  /open: {get: {operationId: open, security: [], responses: {"200": {description: ok}}}}
  /either:
    get: {operationId: either, security: [{oauth: ["pets:write"]}, {key: []}],
          responses: {"200": {description: ok}}}
  /both:
    get: {operationId: both, security: [{key: [], session: []}], responses: {"200": {description: ok}}}
  /optional:
    get: {operationId: optional, security: [{key: []}, {}], responses: {"200": {description: ok}}}
  /mocked:
    get:
      security: [{key: []}]
      responses: {"200": {description: ok, content: {application/json: {example: {mock: true}}}}}
)";

security::VerifyResult identity(std::string subject, std::vector<std::string> scopes) {
  return security::Identity{.subject = std::move(subject),
                            .client_id = std::nullopt,
                            .scopes = std::move(scopes),
                            .header = {},
                            .claims = {},
                            .expires_at = std::nullopt};
}

security::VerifyResult refused(std::string message) {
  return security::TokenError{
      .check = security::TokenCheck::rejected, .message = std::move(message), .internal = {}};
}

class Security : public ::testing::Test {
 protected:
  void SetUp() override {
    auto auth = std::make_shared<security::Authenticator>();
    const auto& model = document_->model();
    (void)model;
    auth->add(security::scheme_from_model("oauth", *document_->security_scheme("oauth")),
              [](const security::Credential& c) {
                if (c.value == "reader") return identity("alice", {"pets:read"});
                if (c.value == "writer") return identity("bob", {"pets:read", "pets:write"});
                return refused("unknown token");
              });
    auth->add(security::scheme_from_model("key", *document_->security_scheme("key")),
              [](const security::Credential& c) {
                return c.value == "k1" ? identity("robot", {}) : refused("bad key");
              });
    auth->add(security::scheme_from_model("session", *document_->security_scheme("session")),
              [](const security::Credential& c) {
                return c.value == "s1" ? identity("carol", {}) : refused("bad session");
              });
    server_ = std::make_unique<server::Server>(*document_);
    server_->authenticator(auth);
    for (const auto* id : {"inherited", "open", "either", "both", "optional"}) {
      server_->handle(id, [](const Request& req) {
        boost::json::array schemes;
        for (const auto& s : req.principal().schemes) schemes.emplace_back(s);
        return Response::json({{"subject", req.principal().subject}, {"schemes", schemes}});
      });
    }
    ASSERT_TRUE(server_->prepare());
  }

  Answer call(std::string_view target,
              std::vector<std::pair<std::string_view, std::string_view>> headers = {}) {
    auto r = server_->respond(
        {.method = "GET", .target = target, .headers = std::move(headers), .body = {}});
    return Answer{
        .status = r.status, .body = r.body, .headers = r.headers, .content_type = r.content_type};
  }

  std::unique_ptr<Document> document_ = document_from(secured_document);
  std::unique_ptr<server::Server> server_;
};

TEST_F(Security, TheRootsRequirement_AppliesWhenTheOperationHasNone) {
  auto anonymous = call("/inherited");
  EXPECT_EQ(anonymous.status, 401);
  EXPECT_EQ(anonymous.header("WWW-Authenticate"), "Bearer");
  EXPECT_EQ(anonymous.json(), boost::json::parse(R"({"detail":"Not authenticated"})"));
  auto reader = call("/inherited", {{"Authorization", "Bearer reader"}});
  EXPECT_EQ(reader.status, 200);
  EXPECT_EQ(reader.json().at("subject"), "alice");
}

TEST_F(Security, AnEmptyList_AdmitsAnyone) {
  auto answer = call("/open");
  EXPECT_EQ(answer.status, 200);
  EXPECT_EQ(answer.json().at("schemes"), boost::json::array{});
}

TEST_F(Security, AlternativesAreOr_AndAMissingScopeIs403WithInsufficientScope) {
  EXPECT_EQ(call("/either", {{"X-API-Key", "k1"}}).json().at("subject"), "robot");
  EXPECT_EQ(call("/either", {{"Authorization", "Bearer writer"}}).json().at("subject"), "bob");
  auto reader = call("/either", {{"Authorization", "Bearer reader"}});
  EXPECT_EQ(reader.status, 403);
  EXPECT_EQ(reader.header("WWW-Authenticate"),
            R"(Bearer error="insufficient_scope", scope="pets:write")");
  auto nothing = call("/either");
  EXPECT_EQ(nothing.status, 401);
  EXPECT_EQ(nothing.header("WWW-Authenticate"), "Bearer, APIKey");
}

TEST_F(Security, SchemesInOneAlternative_AreAnd) {
  EXPECT_EQ(call("/both", {{"X-API-Key", "k1"}}).status, 401);
  EXPECT_EQ(call("/both", {{"Cookie", "session=s1"}}).status, 401);
  auto both = call("/both", {{"X-API-Key", "k1"}, {"Cookie", "session=s1"}});
  EXPECT_EQ(both.status, 200);
  EXPECT_EQ(both.json().at("schemes"), boost::json::parse(R"(["key","session"])"));
}

TEST_F(Security, AnEmptyAlternative_AdmitsAnonymousCallers) {
  EXPECT_EQ(call("/optional").status, 200);
  EXPECT_EQ(call("/optional", {{"X-API-Key", "k1"}}).json().at("subject"), "robot");
}

TEST_F(Security, ARefusedToken_Is401InvalidToken) {
  auto answer = call("/inherited", {{"Authorization", "Bearer forged"}});
  EXPECT_EQ(answer.status, 401);
  EXPECT_EQ(answer.header("WWW-Authenticate"),
            R"(Bearer error="invalid_token", error_description="unknown token")");
}

TEST_F(Security, MocksAreSecuredToo) {
  EXPECT_EQ(call("/mocked").status, 401);
  auto answer = call("/mocked", {{"X-API-Key", "k1"}});
  EXPECT_EQ(answer.status, 200);
  EXPECT_EQ(answer.body, R"({"mock":true})");
}

TEST_F(Security, SecurityIsCheckedBeforeParameters) {
  // An unauthenticated caller learns nothing about the parameters.
  EXPECT_EQ(call("/inherited?x=1").status, 401);
}

TEST(SecurityUriKeys, In32ARequirementKeyThatIsAUriIsTheSchemeItReaches) {
  auto document = document_from(R"(
openapi: 3.2.0
info: {title: Secured, version: "1"}
components:
  securitySchemes:
    key: {type: apiKey, in: header, name: X-API-Key}
paths:
  /pets:
    get:
      operationId: pets
      security: [{"#/components/securitySchemes/key": []}]
      responses: {"200": {description: ok}}
)");
  auto auth = std::make_shared<security::Authenticator>();
  auth->add(security::scheme_from_model(
                "key", *document->security_scheme("#/components/securitySchemes/key")),
            [](const security::Credential& c) {
              return c.value == "k1" ? identity("robot", {}) : refused("bad key");
            });
  server::Server server(*document);
  server.authenticator(auth);
  server.handle("pets", [](const Request& req) {
    return Response::json({{"subject", req.principal().subject}});
  });
  ASSERT_TRUE(server.prepare());
  const auto get = [&](std::vector<std::pair<std::string_view, std::string_view>> headers) {
    return server.respond(
        {.method = "GET", .target = "/pets", .headers = std::move(headers), .body = {}});
  };
  EXPECT_EQ(get({}).status, 401);
  EXPECT_EQ(get({{"X-API-Key", "nope"}}).status, 401);
  EXPECT_EQ(get({{"X-API-Key", "k1"}}).status, 200);
}

TEST(SecurityDefaults, WithoutAnAuthenticator_SecuredOperationsRefuseEveryCredential) {
  InMemoryServer server(secured_document);
  auto answer = server.call("GET", "/either", {{"X-API-Key", "k1"}});
  EXPECT_EQ(answer.status, 401);
  EXPECT_EQ(server.call("GET", "/open").status, 200);  // a 200 without content
}

TEST(SecurityDefaults, AnAuthenticatorWithoutADocumentsScheme_IsAnErrorAtStart) {
  auto document = document_from(secured_document);
  server::Server server(*document);
  server.authenticator(std::make_shared<security::Authenticator>());
  auto prepared = server.prepare();
  ASSERT_FALSE(prepared);
  EXPECT_EQ(prepared.errors().front().rule, "server-unknown-scheme");
}

}  // namespace
}  // namespace oaskit::test
