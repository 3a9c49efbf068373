// The pet store: a service whose OpenAPI 3.1 document, declared below with oaskit's models,
// is its configuration. Routes, parameters and scopes come from the document; the handlers
// only do the work. Run it with `./run demo`, or:
//   petstore [--host 127.0.0.1] [--port 8000] [--api-key KEY] [--dev-auth CONFIG]
//            [--jwks FILE --audience AUD [--iss ISSUER] [--no-cache]] [--quiet]
// A development authorization server (oaskit/devauth.hpp) answers beside the API, so the
// docs page's Authorize works: with CONFIG's clients and users, or with ones made at start
// (printed). Its access tokens grant what their "scope" claim says; the API key grants
// pets:read. With --jwks, bearer tokens are checked against those keys instead (the benchmark
// mints its own).
#include <cstdio>
#include <map>
#include <mutex>
#include <set>
#include <string>

#include "oaskit/devauth.hpp"
#include "oaskit/jose.hpp"
#include "oaskit/models.hpp"
#include "oaskit/security/jwt_verifier.hpp"
#include "oaskit/security/schemes.hpp"
#include "oaskit/server.hpp"

using namespace oaskit;
using server::Request;

namespace {

// The document: two security schemes, scopes per operation, parameters with constraints.
OpenAPI petstore_document() {
  const Map<std::string> scopes{{"pets:read", "Read pets"},
                                {"pets:write", "Add, change and remove pets"},
                                {"admin", "Everything"}};
  const Schema pet_ref{.ref = "#/components/schemas/Pet"};
  const SchemaOrBool pet = pet_ref;
  const SchemaOrBool pet_list = Schema{.items = SchemaItems{pet_ref}, .type = SchemaType::array};
  const Parameter pet_id{.name = "petId",
                         .in = ParameterInType::path,
                         .required = true,
                         .schema = SchemaOrBool{Schema{.type = SchemaType::integer, .minimum = 1}}};
  auto secured = [](const char* scope) {
    return std::vector<SecurityRequirement>{{{"oauth", {scope}}}, {{"apiKey", {scope}}}};
  };
  auto json = [](SchemaOrBool schema, std::optional<Any> example = std::nullopt) {
    return Map<MediaType>{{"application/json",
                           MediaType{.schema = std::move(schema), .example = std::move(example)}}};
  };
  auto answer = [&](const char* description, std::optional<SchemaOrBool> schema = std::nullopt) {
    oaskit::Response response{.description = description};
    if (schema) response.content = json(*schema);
    return response;
  };
  const RequestBody pet_body{.content = json(pet), .required = true};

  PathItem pets{
      .get = Operation{.summary = "List pets",
                       .operationId = "listPets",
                       .parameters =
                           std::vector<OrReference<Parameter>>{
                               Parameter{.name = "limit",
                                         .in = ParameterInType::query,
                                         .schema = SchemaOrBool{Schema{.type = SchemaType::integer,
                                                                       .maximum = 100,
                                                                       .minimum = 1,
                                                                       .default_ = 20}}},
                               Parameter{
                                   .name = "tag",
                                   .in = ParameterInType::query,
                                   .schema = SchemaOrBool{Schema{.type = SchemaType::string}}}},
                       .responses = Responses{.entries = {{"200", answer("The pets", pet_list)}}},
                       .security = secured("pets:read")},
      .post = Operation{.summary = "Add a pet",
                        .operationId = "createPet",
                        .requestBody = pet_body,
                        .responses = Responses{.entries = {{"201", answer("Added", pet)}}},
                        .security = secured("pets:write")}};
  PathItem pet_item{
      .get = Operation{.summary = "Get a pet",
                       .operationId = "getPet",
                       .responses = Responses{.entries = {{"200", answer("The pet", pet)},
                                                          {"404", answer("No such pet")}}},
                       .security = secured("pets:read")},
      .put = Operation{.summary = "Replace a pet",
                       .operationId = "updatePet",
                       .requestBody = pet_body,
                       .responses = Responses{.entries = {{"200", answer("Replaced", pet)}}},
                       .security = secured("pets:write")},
      .delete_ = Operation{.summary = "Remove a pet",
                           .operationId = "deletePet",
                           .responses = Responses{.entries = {{"204", answer("Removed")}}},
                           .security = secured("admin")},
      .parameters = std::vector<OrReference<Parameter>>{pet_id}};
  PathItem health{.get = Operation{.operationId = "health",
                                   .responses = Responses{.entries = {{"200", answer("Up")}}},
                                   .security = std::vector<SecurityRequirement>{}}};

  // Relative to the server (OpenAPI 3.1 §4.8.10); the development authorization server mounted
  // beside the API makes them absolute in the document it serves.
  const std::string authorize_url = "/oauth/authorize";
  const std::string token_url = "/oauth/token";
  const OAuthFlows flows{
      .clientCredentials = OAuthFlowClientCredentials{.tokenUrl = token_url, .scopes = scopes},
      .authorizationCode = OAuthFlowAuthorizationCode{
          .authorizationUrl = authorize_url, .tokenUrl = token_url, .scopes = scopes}};

  OpenAPI api{
      .openapi = "3.1.0",
      .info = {
          .title = "Pet Store", .description = "oaskit's example service", .version = "1.0.0"}};
  api.paths = Paths{.entries = {{"/pets", pets}, {"/pets/{petId}", pet_item}, {"/health", health}}};
  api.components =
      Components{
          .schemas =
              Map<SchemaOrBool>{
                  {"Pet",
                   Schema{
                       .properties =
                           Map<SchemaOrBool>{
                               {"id", Schema{.type = SchemaType::integer, .readOnly = true}},
                               {"name", Schema{.type = SchemaType::string, .minLength = 1}},
                               {"tag", Schema{.type = SchemaType::string}}},
                       .type = SchemaType::object,
                       .required = std::vector<std::string>{"name"},
                       .example = Any{{"id", 1}, {"name", "Rex"}, {"tag", "dog"}}}}},
          .securitySchemes = Map<OrReference<SecurityScheme>>{
              {"oauth", SecurityScheme{oaskit::OAuth2{.flows = flows}}},
              {"apiKey",
               SecurityScheme{oaskit::APIKey{.name = "X-API-Key", .in = APIKeyIn::header}}}}};
  return api;
}

// The pets, safe to use from the server's threads.
class Store {
 public:
  boost::json::array list(std::size_t limit, const std::optional<std::string>& tag) const {
    std::lock_guard lock(mutex_);
    boost::json::array out;
    for (const auto& [id, pet] : pets_) {
      if (out.size() == limit) break;
      if (tag && (!pet.contains("tag") || pet.at("tag") != tag->c_str())) continue;
      out.push_back(pet);
    }
    return out;
  }
  std::optional<boost::json::object> get(std::int64_t id) const {
    std::lock_guard lock(mutex_);
    auto found = pets_.find(id);
    return found == pets_.end() ? std::nullopt : std::optional(found->second);
  }
  boost::json::object put(std::int64_t id, boost::json::object pet) {
    std::lock_guard lock(mutex_);
    if (id == 0) id = ++last_id_;
    pet["id"] = id;
    return pets_[id] = std::move(pet);
  }
  bool remove(std::int64_t id) {
    std::lock_guard lock(mutex_);
    return pets_.erase(id) > 0;
  }

 private:
  mutable std::mutex mutex_;
  std::map<std::int64_t, boost::json::object> pets_;
  std::int64_t last_id_ = 0;
};

int serve(int argc, char** argv) {
  std::map<std::string, std::string> args{{"--port", "8000"}, {"--host", "127.0.0.1"}};
  const std::set<std::string> flags{"--quiet", "--no-cache"};
  const std::set<std::string> options_with_value{"--port",     "--host", "--api-key", "--jwks",
                                                 "--audience", "--iss",  "--dev-auth"};
  for (int i = 1; i < argc; ++i) {
    const std::string name = argv[i];
    if (flags.contains(name)) {
      args[name] = "";
    } else if (options_with_value.contains(name) && i + 1 < argc) {
      args[name] = argv[++i];
    } else {
      std::fprintf(stderr, "petstore: unknown option or missing value: %s\n", name.c_str());
      return 2;
    }
  }

  Store store;
  store.put(0, {{"name", "Rex"}, {"tag", "dog"}});
  store.put(0, {{"name", "Tom"}, {"tag", "cat"}});

  const auto document = petstore_document();

  // The development authorization server: CONFIG's clients and users, or a made-up set.
  const auto scopes = devauth::scopes_of(document);
  const bool made_up = !args.contains("--dev-auth");
  auto config = made_up ? devauth::read_config_text(
                              "(made at start)", devauth::default_config_text(scopes), ".", scopes)
                        : devauth::read_config(args["--dev-auth"], scopes);
  if (!config) {
    for (const auto& d : config.errors()) std::fprintf(stderr, "%s\n", to_string(d).c_str());
    return 2;
  }
  const auto service_client = config->clients.front();
  const auto first_user = config->users.empty() ? devauth::User{} : config->users.front();
  devauth::Options dev_auth_options;
  if (!args.contains("--quiet")) {
    dev_auth_options.log = [](std::string_view line) {
      std::fprintf(stderr, "%.*s\n", static_cast<int>(line.size()), line.data());
    };
  }
  auto dev_auth = devauth::AuthorizationServer::create(std::move(*config), dev_auth_options);
  if (!dev_auth) {
    for (const auto& d : dev_auth.errors()) std::fprintf(stderr, "%s\n", to_string(d).c_str());
    return 2;
  }

  server::ServerOptions options{.host = args["--host"],
                                .port = static_cast<std::uint16_t>(std::stoi(args["--port"]))};
  options.docs.init_oauth = server::SwaggerUiOAuth{.client_id = "docs", .scopes = {"pets:read"}};
  if (args.contains("--quiet")) options.access_log = [](std::string_view) {};
  server::Server server(document, options);

  server.handle("health", [](const Request&) {
    return server::Response::json({{"status", "ok"}});
  });
  server.handle("listPets", [&](const Request& req) {
    return server::Response::json(
        store.list(*req.query<std::size_t>("limit"), req.query<std::string>("tag")));
  });
  server.handle("getPet", [&](const Request& req) {
    const auto id = req.path<std::int64_t>("petId");
    if (auto pet = store.get(id)) return server::Response::json(*pet);
    return server::Response::detail(404, "Pet " + std::to_string(id) + " not found");
  });
  server.handle("createPet", [&](const Request& req) {
    if (!req.json().is_object()) return server::Response::detail(400, "A pet is a JSON object");
    return server::Response::json(store.put(0, req.json().as_object()), 201);
  });
  server.handle("updatePet", [&](const Request& req) {
    const auto id = req.path<std::int64_t>("petId");
    if (!store.get(id))
      return server::Response::detail(404, "Pet " + std::to_string(id) + " not found");
    if (!req.json().is_object()) return server::Response::detail(400, "A pet is a JSON object");
    return server::Response::json(store.put(id, req.json().as_object()));
  });
  server.handle("deletePet", [&](const Request& req) {
    const auto id = req.path<std::int64_t>("petId");
    if (!store.remove(id))
      return server::Response::detail(404, "Pet " + std::to_string(id) + " not found");
    return server::Response::empty();
  });

  // Who may call: an API key granting pets:read, and JWT access tokens when keys are given.
  auto auth = std::make_shared<security::Authenticator>();
  const auto& schemes = *document.components->securitySchemes;
  auto scheme = [&](const char* name) {
    return security::scheme_from_model(name, std::get<SecurityScheme>(*schemes.find(name)));
  };
  const auto api_key = args["--api-key"];
  auth->add(scheme("apiKey"), [api_key](const security::Credential& c) -> security::VerifyResult {
    if (api_key.empty() || c.value != api_key) {
      return security::TokenError{.check = security::TokenCheck::rejected,
                                  .message = "the API key is not valid",
                                  .internal = {}};
    }
    return security::Identity{.subject = "api-key",
                              .client_id = std::nullopt,
                              .scopes = {"pets:read"},
                              .header = {},
                              .claims = {},
                              .expires_at = std::nullopt};
  });
  if (args.contains("--jwks")) {
    std::FILE* file = std::fopen(args["--jwks"].c_str(), "rb");
    std::string jwks;
    for (int c; file != nullptr && (c = std::fgetc(file)) != EOF;) jwks += static_cast<char>(c);
    if (file != nullptr) std::fclose(file);
    auto keys = jose::KeySet::from_jwks(jwks);
    if (!keys) {
      std::fprintf(stderr, "petstore: %s: %s\n", args["--jwks"].c_str(),
                   keys.errors().message.c_str());
      return 2;
    }
    auto verifier = std::make_shared<security::JwtVerifier>(
        security::JwtVerifierOptions{.issuer = args["--iss"],
                                     .accept_any_issuer = !args.contains("--iss"),
                                     .audience = args["--audience"],
                                     .algorithms = {jose::Algorithm::ES256},
                                     .keys = std::move(*keys),
                                     .cache_capacity = args.contains("--no-cache") ? 0U : 10'000U});
    auth->add(scheme("oauth"), security::bearer(verifier));
  } else {
    auth->add(scheme("oauth"),
              (*dev_auth)->bearer_verifier(args.contains("--no-cache") ? 0U : 10'000U));
  }
  server.authenticator(auth);
  (*dev_auth)->mount(server);

  server::Server::hold_stop_signals();  // a stop signal right after the URL line is kept
  auto started = server.start();
  if (!started) {
    for (const auto& d : started.errors()) std::fprintf(stderr, "%s\n", to_string(d).c_str());
    return 1;
  }
  if (auto fetched = (*dev_auth)->fetch_keys(); !fetched) {
    std::fprintf(stderr, "petstore: the authorization server's keys: %s\n",
                 fetched.errors().c_str());
  }
  std::printf("Pet store on %s (docs at %sdocs)\n", started->url.c_str(), started->url.c_str());
  std::printf("Authorization server: %s/.well-known/oauth-authorization-server\n",
              (*dev_auth)->issuer().c_str());
  if (made_up) {
    // Made at start, so shown: without them nobody could get a token.
    std::printf("  client credentials: client_id %s, client_secret %s\n",
                service_client.client_id.c_str(), service_client.client_secret.c_str());
    std::printf("  sign-in on the docs page: %s / %s\n", first_user.username.c_str(),
                first_user.password.c_str());
  }
  std::fflush(stdout);
  server.run_until_signal();
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return serve(argc, argv);
  } catch (const std::exception& e) {  // say what went wrong rather than abort
    std::fprintf(stderr, "petstore: %s\n", e.what());
  }
  return 2;
}
