// libFuzzer target: the server's request path. The bytes are read as pipelined HTTP/1.1
// requests by Beast's parser with the server's limits, as a connection reads them, and each
// request is answered by Server::respond against a document that uses every parameter location,
// style and type, a JSON body, and API-key security (in a header, a query parameter and a
// cookie). No input may crash, hang or trip a sanitizer; every answer has a status the server
// documents, and every error answer is JSON with a "detail".

#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/json.hpp>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "oaskit/devauth.hpp"
#include "oaskit/json.hpp"
#include "oaskit/models.hpp"
#include "oaskit/security/schemes.hpp"
#include "oaskit/server.hpp"
#include "server/beast_request.hpp"

namespace {

namespace http = boost::beast::http;
using oaskit::server::Request;
using oaskit::server::Response;

constexpr std::string_view document_text = R"({
  "openapi": "3.1.0",
  "info": {"title": "fuzz", "version": "1"},
  "security": [{"headerKey": []}, {"queryKey": []}, {"cookieKey": []}],
  "paths": {
    "/items/{id}/{a}.{b}": {
      "parameters": [
        {"name": "id", "in": "path", "required": true,
         "schema": {"type": "integer", "minimum": 1, "maximum": 1000}},
        {"name": "a", "in": "path", "required": true, "schema": {"type": "string", "pattern": "^[a-z]+$"}},
        {"name": "b", "in": "path", "required": true, "schema": {"enum": ["json", "yaml"]}}
      ],
      "get": {
        "operationId": "getItem",
        "parameters": [
          {"name": "tags", "in": "query", "schema": {"type": "array", "items": {"type": "string", "maxLength": 8}}},
          {"name": "ids", "in": "query", "explode": false,
           "schema": {"type": "array", "items": {"type": "integer"}}},
          {"name": "pipes", "in": "query", "style": "pipeDelimited", "explode": false,
           "schema": {"type": "array", "items": {"type": "number"}}},
          {"name": "spaces", "in": "query", "style": "spaceDelimited", "explode": false,
           "schema": {"type": "array", "items": {"type": "boolean"}}},
          {"name": "limit", "in": "query", "required": true,
           "schema": {"type": "integer", "minimum": 1, "default": 10}},
          {"name": "ratio", "in": "query", "schema": {"type": "number", "exclusiveMaximum": 1}},
          {"name": "filter", "in": "query", "content": {"application/json": {"schema": {"type": "object"}}}},
          {"name": "X-Trace", "in": "header", "schema": {"type": "string", "minLength": 2}},
          {"name": "X-Flags", "in": "header", "schema": {"type": "array", "items": {"type": "boolean"}}},
          {"name": "session", "in": "cookie", "schema": {"type": "string"}},
          {"name": "prefs", "in": "cookie", "schema": {"type": "array", "items": {"type": "integer"}}}
        ],
        "responses": {"200": {"description": "ok"}}
      },
      "put": {
        "operationId": "putItem",
        "requestBody": {"required": true, "content": {
          "application/json": {"schema": {"type": "object"}},
          "text/plain": {"schema": {"type": "string"}}}},
        "responses": {"200": {"description": "ok", "content": {"application/json": {"example": {"ok": true}}}}}
      },
      "delete": {"responses": {"204": {"description": "gone"}}, "security": []}
    },
    "/items/literal/x.json": {
      "get": {"operationId": "literal", "security": [],
              "responses": {"200": {"description": "ok", "content": {"application/json": {"example": [1, 2]}}}}}
    }
  },
  "components": {"securitySchemes": {
    "headerKey": {"type": "apiKey", "name": "X-API-Key", "in": "header"},
    "queryKey": {"type": "apiKey", "name": "key", "in": "query"},
    "cookieKey": {"type": "apiKey", "name": "key", "in": "cookie"}
  }}
})";

constexpr std::string_view devauth_config = R"(clients:
  - {client_id: c, client_secret: s, grant_types: [client_credentials], scope: read}
  - {client_id: p, client_secret: s, token_endpoint_auth_method: client_secret_post,
     grant_types: [client_credentials]}
  - {client_id: d, token_endpoint_auth_method: none, grant_types: [authorization_code, refresh_token],
     redirect_uris: ["http://127.0.0.1/cb", "https://x.example/cb?a=1"]}
users: [{username: u, password: p}]
)";

template <class T>
std::size_t count(const std::optional<std::vector<T>>& values) {
  return values ? values->size() : 0;
}

// The handler reads every parameter as its schema declares it: a mismatch between the
// conversion and the typed access would throw, which Server::respond turns into a 500.
Response get_item(const Request& req) {
  boost::json::object out;
  out["id"] = req.path<std::int64_t>("id");
  out["a"] = req.path<std::string>("a");
  out["b"] = req.path<std::string>("b");
  out["tags"] = count(req.query<std::vector<std::string>>("tags"));
  out["ids"] = count(req.query<std::vector<std::int64_t>>("ids"));
  out["pipes"] = count(req.query<std::vector<double>>("pipes"));
  out["spaces"] = count(req.query<std::vector<bool>>("spaces"));
  out["limit"] = req.query<std::int64_t>("limit").value_or(-1);
  out["ratio"] = req.query<double>("ratio").value_or(0);
  out["trace"] = req.header<std::string>("X-Trace").value_or("");
  out["flags"] = count(req.header<std::vector<bool>>("X-Flags"));
  out["session"] = req.cookie<std::string>("session").value_or("");
  out["prefs"] = count(req.cookie<std::vector<std::int64_t>>("prefs"));
  if (const auto* filter = req.parameter(oaskit::server::In::query, "filter")) {
    out["filter"] = *filter;
  }
  return Response::json(out);
}

oaskit::security::VerifyResult check_key(const oaskit::security::Credential& credential) {
  if (credential.value != "secret") {
    return oaskit::security::TokenError{
        .check = oaskit::security::TokenCheck::rejected, .message = "bad key", .internal = {}};
  }
  return oaskit::security::Identity{.subject = "fuzz",
                                    .client_id = std::nullopt,
                                    .scopes = {},
                                    .header = {},
                                    .claims = {},
                                    .expires_at = std::nullopt};
}

std::unique_ptr<oaskit::server::Server> make_server() {
  auto document = oaskit::parse<oaskit::OpenAPI>(document_text);
  if (!document) std::abort();
  auto server = std::make_unique<oaskit::server::Server>(*document);
  server->handle("getItem", get_item);
  auto auth = std::make_shared<oaskit::security::Authenticator>();
  const auto& schemes = *document->components->securitySchemes;
  for (const char* name : {"headerKey", "queryKey", "cookieKey"}) {
    auth->add(oaskit::security::scheme_from_model(
                  name, std::get<oaskit::SecurityScheme>(*schemes.find(name))),
              check_key);
  }
  server->authenticator(auth);
  auto config = oaskit::devauth::read_config_text("fuzz.yaml", std::string(devauth_config), ".",
                                                  oaskit::Map<std::string>{{"read", "Read"}});
  if (!config) std::abort();
  config->rate_limit.max_failures = 1'000'000;  // a limit would hide the paths behind it
  auto dev_auth = oaskit::devauth::AuthorizationServer::create(std::move(*config));
  if (!dev_auth) std::abort();
  (*dev_auth)->mount(*server);
  if (!server->prepare()) std::abort();
  return server;
}

// A HEAD answer has no body (its Content-Length is GET's); any other error answer says why:
// the API's in FastAPI's shape, the authorization server's in RFC 6749's or on an HTML page.
void check(const oaskit::server::Server::RawRequest& request, const Response& response) {
  static const std::set<int> documented{200, 204, 303, 304, 400, 401, 403,
                                        404, 405, 413, 415, 422, 429, 501};
  if (!documented.contains(response.status)) std::abort();
  if (request.method == "HEAD") {
    if (!response.body.empty()) std::abort();
    return;
  }
  if (response.status < 400) return;
  if (response.content_type.starts_with("text/html")) {
    if (!request.target.starts_with("/oauth/authorize")) std::abort();
    return;
  }
  boost::system::error_code ec;
  const auto body = boost::json::parse(response.body, ec);
  if (ec || !body.is_object()) std::abort();
  if (!body.as_object().contains("detail") && !body.as_object().contains("error")) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const auto server = make_server();
  boost::beast::flat_buffer buffer;
  auto bytes = buffer.prepare(size);
  if (size > 0) std::memcpy(bytes.data(), data, size);  // libFuzzer passes null for no bytes
  buffer.commit(size);
  // Pipelined requests, read as a connection reads them, until the bytes run out or one is
  // not valid HTTP (the connection would answer 400 or 431 and close).
  for (int requests = 0; requests < 16 && buffer.size() > 0; ++requests) {
    http::request_parser<http::string_body> parser;
    parser.header_limit(16 * 1024);
    parser.body_limit(1024 * 1024);
    parser.eager(true);
    boost::system::error_code ec;
    while (!parser.is_done() && buffer.size() > 0) {
      const auto used = parser.put(buffer.data(), ec);
      buffer.consume(used);
      if (ec || used == 0) break;
    }
    if (ec || !parser.is_done()) break;
    const auto raw = oaskit::server::detail::raw_request(parser.get());
    check(raw, server->respond(raw));
  }
  return 0;
}
