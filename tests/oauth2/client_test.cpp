// oauth2::Client against a scripted token endpoint on 127.0.0.1: what each grant sends, how
// the client authenticates (RFC 6749 §2.3.1, RFC 7523 §2.2), where the document's URLs lead,
// and the errors it gives instead of a token.

#include "oaskit/oauth2/client.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <string>

#include "http/basic_auth.hpp"
#include "oaskit/document.hpp"
#include "oaskit/json.hpp"
#include "oaskit/model/openapi.hpp"
#include "security/jwt_test_support.hpp"
#include "support/scoped_environment.hpp"
#include "support/scripted_server.hpp"
#include "support/temp_tree.hpp"

namespace oaskit::oauth2 {
namespace {

using test::json_answer;
using test::ScriptedServer;
using test::ServerRequest;
using test::ServerResponse;
using ::testing::HasSubstr;
using ::testing::Not;
using Kind = GrantError::Kind;

const std::string token_json =
    R"({"access_token":"at-1","token_type":"Bearer","expires_in":300,"refresh_token":"rt-1"})";

// The form fields of a request body, decoded.
std::map<std::string, std::string> form_of(const std::string& body) {
  const auto decode = [](std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '+') {
        out += ' ';
      } else if (text[i] == '%' && i + 2 < text.size()) {
        out += static_cast<char>(std::stoi(std::string(text.substr(i + 1, 2)), nullptr, 16));
        i += 2;
      } else {
        out += text[i];
      }
    }
    return out;
  };
  std::map<std::string, std::string> fields;
  std::string_view rest = body;
  while (!rest.empty()) {
    const auto amp = rest.find('&');
    const auto pair = rest.substr(0, amp);
    const auto eq = pair.find('=');
    fields[decode(pair.substr(0, eq))] = decode(pair.substr(eq + 1));
    if (amp == std::string_view::npos) break;
    rest.remove_prefix(amp + 1);
  }
  return fields;
}

class ClientTest : public ::testing::Test {
 protected:
  ServerRequest last_request() const {
    const auto requests = server_.requests();
    EXPECT_FALSE(requests.empty());
    return requests.empty() ? ServerRequest{} : requests.back();
  }
  FlowEndpoints endpoints() const {
    FlowEndpoints result{.token_url = server_.url("/token")};
    result.scopes.insert_or_assign("pets:read", "Read pets");
    result.scopes.insert_or_assign("pets:write", "Change pets");
    return result;
  }
  static ClientOptions options() {
    ClientOptions result;
    result.http.timeout = std::chrono::milliseconds(3000);
    return result;
  }
  Client client(ClientCredentials credentials, FlowEndpoints flow = {}) const {
    if (flow.token_url.empty()) flow = endpoints();
    auto made = Client::from_endpoints(std::move(flow), std::move(credentials), options());
    if (!made) throw std::runtime_error(made.errors().message);
    return std::move(*made);
  }

  test::AnsweringServer server_{json_answer(token_json)};
};

TEST_F(ClientTest, ClientCredentials_PostsTheGrantWithBasicAuthentication) {
  const auto token =
      client({"my:app", ClientSecret{"p@ss word"}})
          .client_credentials({"pets:read", "pets:write"}, {"https://api.example.com"});
  ASSERT_TRUE(token) << token.errors().message;
  EXPECT_EQ(token->access_token, "at-1");
  EXPECT_EQ(token->expires_in, std::chrono::seconds(300));
  const auto request = last_request();
  EXPECT_EQ(request.method, "POST");
  EXPECT_EQ(request.target, "/token");
  EXPECT_EQ(request.header("Content-Type"), "application/x-www-form-urlencoded");
  // RFC 6749 §2.3.1: the id and secret are form-urlencoded before base64.
  EXPECT_EQ(request.header("Authorization"),
            "Basic " + oaskit::detail::base64_encode("my%3Aapp:p%40ss+word"));
  const auto form = form_of(request.body);
  EXPECT_EQ(form.at("grant_type"), "client_credentials");
  EXPECT_EQ(form.at("scope"), "pets:read pets:write");
  EXPECT_EQ(form.at("resource"), "https://api.example.com");
  EXPECT_EQ(form.count("client_secret"), 0U);
}

TEST_F(ClientTest, ClientSecretPost_SendsTheSecretInTheBody) {
  const auto token =
      client({"app", ClientSecret{"s3cret", security::ClientAuthentication::client_secret_post}})
          .client_credentials();
  ASSERT_TRUE(token);
  const auto request = last_request();
  EXPECT_FALSE(request.header("Authorization"));
  const auto form = form_of(request.body);
  EXPECT_EQ(form.at("client_id"), "app");
  EXPECT_EQ(form.at("client_secret"), "s3cret");
  EXPECT_EQ(form.count("scope"), 0U);
}

TEST_F(ClientTest, PrivateKeyJwt_SendsAFreshAssertionSignedWithTheKey) {
  const auto& rsa = test::keys().rsa;
  const auto made = client({"app", PrivateKeyJwt{rsa.signing, jose::Algorithm::RS256}});
  ASSERT_TRUE(made.client_credentials());
  ASSERT_TRUE(made.client_credentials());
  const auto requests = server_.requests();
  ASSERT_EQ(requests.size(), 2U);
  std::vector<std::string> jtis;
  for (const auto& request : requests) {
    const auto form = form_of(request.body);
    EXPECT_FALSE(request.header("Authorization"));
    EXPECT_EQ(form.at("client_id"), "app");
    EXPECT_EQ(form.at("client_assertion_type"),
              "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
    const std::string assertion = form.at("client_assertion");
    const auto decoded = security::decode_unverified(assertion);
    ASSERT_TRUE(decoded);
    EXPECT_EQ(decoded->header.at("alg"), "RS256");
    EXPECT_EQ(decoded->header.at("kid"), "rsa-1");
    EXPECT_EQ(decoded->claims.at("iss"), "app");
    EXPECT_EQ(decoded->claims.at("sub"), "app");
    EXPECT_EQ(std::string(decoded->claims.at("aud").as_string()), server_.url("/token"));
    EXPECT_EQ(decoded->claims.at("exp").as_int64() - decoded->claims.at("iat").as_int64(), 60);
    jtis.emplace_back(decoded->claims.at("jti").as_string());
    const auto dot = assertion.rfind('.');
    EXPECT_TRUE(rsa.verifying.verify(jose::Algorithm::RS256, assertion.substr(0, dot),
                                     *jose::base64url_decode(assertion.substr(dot + 1))));
  }
  EXPECT_NE(jtis[0], jtis[1]);
}

TEST_F(ClientTest, AuthorizationCodeExchange_ByAPublicClient_SendsTheVerifier) {
  const auto token = client({"cli", PublicClient{}})
                         .exchange_code("the-code", "the-verifier", "http://127.0.0.1:5555/cb");
  ASSERT_TRUE(token);
  const auto request = last_request();
  EXPECT_FALSE(request.header("Authorization"));
  const auto form = form_of(request.body);
  EXPECT_EQ(form.at("grant_type"), "authorization_code");
  EXPECT_EQ(form.at("client_id"), "cli");
  EXPECT_EQ(form.at("code"), "the-code");
  EXPECT_EQ(form.at("code_verifier"), "the-verifier");
  EXPECT_EQ(form.at("redirect_uri"), "http://127.0.0.1:5555/cb");
}

TEST_F(ClientTest, Refresh_GoesToTheRefreshUrlWhenDeclared) {
  auto flow = endpoints();
  ASSERT_TRUE(client({"app", ClientSecret{"s"}}, flow).refresh("rt-1", {"pets:read"}));
  EXPECT_EQ(last_request().target, "/token");
  flow.refresh_url = server_.url("/refresh");
  ASSERT_TRUE(client({"app", ClientSecret{"s"}}, flow).refresh("rt-1"));
  const auto request = last_request();
  EXPECT_EQ(request.target, "/refresh");
  const auto form = form_of(request.body);
  EXPECT_EQ(form.at("grant_type"), "refresh_token");
  EXPECT_EQ(form.at("refresh_token"), "rt-1");
}

TEST_F(ClientTest, UndeclaredScope_IsRefusedBeforeAnyRequest) {
  const auto token = client({"app", ClientSecret{"s"}}).client_credentials({"admin"});
  ASSERT_FALSE(token);
  EXPECT_EQ(token.errors().kind, Kind::configuration);
  EXPECT_THAT(token.errors().message, HasSubstr("\"admin\""));
  EXPECT_EQ(server_.request_count(), 0U);

  auto lenient = options();
  lenient.allow_undeclared_scopes = true;
  auto made = Client::from_endpoints(endpoints(), {"app", ClientSecret{"s"}}, lenient);
  ASSERT_TRUE(made);
  EXPECT_TRUE(made->client_credentials({"admin"}));
  EXPECT_EQ(form_of(last_request().body).at("scope"), "admin");
}

TEST_F(ClientTest, ServerRefusal_IsATypedErrorWithoutTheSecret) {
  server_.answer(
      json_answer(R"({"error":"invalid_client","error_description":"unknown client"})", 401));
  const auto token = client({"app", ClientSecret{"very-secret-value"}}).client_credentials();
  ASSERT_FALSE(token);
  EXPECT_EQ(token.errors().kind, Kind::refused);
  EXPECT_EQ(token.errors().error, "invalid_client");
  EXPECT_EQ(token.errors().error_description, "unknown client");
  EXPECT_EQ(token.errors().http_status, 401);
  EXPECT_THAT(token.errors().message, Not(HasSubstr("very-secret-value")));
}

TEST_F(ClientTest, Faults_GiveClearErrorsInBoundedTime) {
  struct Case {
    ServerResponse response;
    Kind kind;
  };
  const std::vector<Case> cases = {
      {json_answer("{}", 500), Kind::unavailable},
      {{.status = 429, .headers = {{"Retry-After", "3"}}}, Kind::unavailable},
      {json_answer("{not json"), Kind::bad_response},
      {json_answer(R"({"access_token":"a","token_type":"mac"})"), Kind::bad_response},
      {{.status = 200, .silent = true}, Kind::unavailable},  // no answer: the timeout
  };
  for (const auto& [response, kind] : cases) {
    server_.answer(response);
    auto quick = options();
    quick.http.timeout = std::chrono::milliseconds(300);
    auto made = Client::from_endpoints(endpoints(), {"app", ClientSecret{"s"}}, quick);
    const auto started = std::chrono::steady_clock::now();
    const auto token = made->client_credentials();
    ASSERT_FALSE(token) << response.status;
    EXPECT_EQ(token.errors().kind, kind) << token.errors().message;
    EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(3));
  }
}

TEST_F(ClientTest, ClosedConnection_IsUnavailable) {
  int port = 0;
  {
    const ScriptedServer gone([](const ServerRequest&) { return ServerResponse{}; });
    port = std::stoi(gone.origin().substr(gone.origin().rfind(':') + 1));
  }
  FlowEndpoints flow{.token_url = "http://127.0.0.1:" + std::to_string(port) + "/token"};
  const auto token = client({"app", ClientSecret{"s"}}, flow).client_credentials();
  ASSERT_FALSE(token);
  EXPECT_EQ(token.errors().kind, Kind::unavailable);
}

TEST_F(ClientTest, PlainHttpToAnotherHost_IsAConfigurationError) {
  const auto made = Client::from_endpoints({.token_url = "http://auth.example.com/token"},
                                           {"app", ClientSecret{"s"}});
  ASSERT_FALSE(made);
  EXPECT_EQ(made.errors().kind, Kind::configuration);
  EXPECT_THAT(made.errors().message, HasSubstr("tokenUrl"));
  EXPECT_FALSE(Client::from_endpoints({.token_url = server_.url("/token")}, {"", PublicClient{}}));
}

TEST_F(ClientTest, TokenRequest_GoesThroughTheProxyTheEnvironmentNames) {
  const ScriptedServer proxy([](const ServerRequest&) { return ServerResponse{.status = 403}; });
  test::ScopedEnvironment environment;
  for (const char* name :
       {"https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY", "no_proxy", "NO_PROXY"}) {
    environment.set(name, std::nullopt);
  }
  environment.set("https_proxy", proxy.origin());
  const auto token =
      client({"app", ClientSecret{"s3cret"}}, {.token_url = "https://auth.example.com/oauth/token"})
          .client_credentials();
  ASSERT_FALSE(token);
  EXPECT_EQ(token.errors().kind, Kind::unavailable);
  EXPECT_THAT(token.errors().message, Not(HasSubstr("s3cret")));
  ASSERT_EQ(proxy.request_count(), 1U);
  EXPECT_EQ(proxy.requests()[0].method, "CONNECT");
  EXPECT_EQ(proxy.requests()[0].target, "auth.example.com:443");
}

// An API document whose oauth scheme has both flows, with URLs relative to its server.
OpenAPI document(const std::string& servers) {
  auto parsed = parse<OpenAPI>(R"({"openapi":"3.1.0","info":{"title":"t","version":"1"},)" +
                               servers + R"("components":{"securitySchemes":{
      "oauth":{"type":"oauth2","flows":{
        "clientCredentials":{"tokenUrl":"/oauth/token","scopes":{"pets:read":"Read"}},
        "authorizationCode":{"authorizationUrl":"https://login.example.com/authorize",
          "tokenUrl":"../token","refreshUrl":"refresh","scopes":{}}}},
      "key":{"type":"apiKey","name":"k","in":"header"},
      "ref":{"$ref":"#/components/securitySchemes/oauth"}}}})");
  if (!parsed) throw std::runtime_error(parsed.errors().front().msg);
  return std::move(*parsed);
}

TEST_F(ClientTest, FromDocument_ResolvesRelativeUrlsAgainstTheServer) {
  const auto api = document(R"("servers":[{"url":"http://127.0.0.1:{port}/api/v1/",
      "variables":{"port":{"default":")" +
                            server_.origin().substr(17) + R"("}}}],)");
  const auto made = Client::from_document(api, "oauth", Flow::clientCredentials,
                                          {"app", ClientSecret{"s"}}, options());
  ASSERT_TRUE(made) << made.errors().message;
  EXPECT_EQ(made->endpoints().token_url, server_.url("/oauth/token"));
  EXPECT_TRUE(made->endpoints().scopes.contains("pets:read"));
  ASSERT_TRUE(made->client_credentials({"pets:read"}));
  EXPECT_EQ(last_request().target, "/oauth/token");

  const auto code = Client::from_document(api, "oauth", Flow::authorizationCode,
                                          {"cli", PublicClient{}}, options());
  ASSERT_TRUE(code) << code.errors().message;
  EXPECT_EQ(code->endpoints().token_url, server_.url("/api/token"));
  EXPECT_EQ(code->endpoints().refresh_url, server_.url("/api/v1/refresh"));
  EXPECT_EQ(code->endpoints().authorization_url, "https://login.example.com/authorize");
}

TEST_F(ClientTest, FromDocument_SaysWhatIsMissing) {
  const auto api = document("");
  const auto relative =
      Client::from_document(api, "oauth", Flow::clientCredentials, {"app", ClientSecret{"s"}});
  ASSERT_FALSE(relative);
  EXPECT_THAT(relative.errors().message, HasSubstr("relative"));
  for (const auto& [name, expected] : std::vector<std::pair<std::string, std::string>>{
           {"nope", "no security scheme"}, {"key", "not of type oauth2"}, {"ref", "$ref"}}) {
    const auto made =
        Client::from_document(api, name, Flow::clientCredentials, {"app", ClientSecret{"s"}});
    ASSERT_FALSE(made) << name;
    EXPECT_EQ(made.errors().kind, Kind::configuration);
    EXPECT_THAT(made.errors().message, HasSubstr(expected)) << name;
  }
}

TEST_F(ClientTest, FromLoadedDocument_FollowsARefSchemeIntoAnotherFile) {
  const test::TempTree tree;
  tree.write("security.yaml",
             "oauth:\n  type: oauth2\n  flows:\n    clientCredentials:\n"
             "      tokenUrl: /oauth/token\n      scopes: {pets:read: Read}\n");
  const auto root =
      tree.write("api.yaml", "openapi: 3.1.0\ninfo: {title: t, version: '1'}\nservers: [{url: '" +
                                 server_.origin() +
                                 "/v1'}]\ncomponents:\n  securitySchemes:\n"
                                 "    oauth: {$ref: 'security.yaml#/oauth'}\n"
                                 "    broken: {$ref: '#/components/securitySchemes/none'}\n");
  const auto loaded = load(root);
  ASSERT_TRUE(loaded);
  // The model alone cannot follow the reference, and says what to pass instead.
  const auto from_model = Client::from_document(loaded->model(), "oauth", Flow::clientCredentials,
                                                {"app", ClientSecret{"s"}});
  ASSERT_FALSE(from_model);
  EXPECT_THAT(from_model.errors().message, HasSubstr("oaskit::Document"));

  const auto made = Client::from_document(*loaded, "oauth", Flow::clientCredentials,
                                          {"app", ClientSecret{"s"}}, options());
  ASSERT_TRUE(made) << made.errors().message;
  EXPECT_EQ(made->endpoints().token_url, server_.url("/oauth/token"));
  ASSERT_TRUE(made->client_credentials({"pets:read"}));
  EXPECT_EQ(last_request().target, "/oauth/token");

  const auto broken =
      Client::from_document(*loaded, "broken", Flow::clientCredentials, {"app", ClientSecret{"s"}});
  ASSERT_FALSE(broken);
  EXPECT_THAT(broken.errors().message, HasSubstr("leads to no security scheme"));
  const auto missing =
      Client::from_document(*loaded, "nope", Flow::clientCredentials, {"app", ClientSecret{"s"}});
  ASSERT_FALSE(missing);
  EXPECT_THAT(missing.errors().message, HasSubstr("no security scheme \"nope\""));
}

}  // namespace
}  // namespace oaskit::oauth2
