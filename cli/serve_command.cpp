// oaskit serve: the document as a running service. Its operations answer their documented
// examples (no handlers here), its security requirements are enforced with the verifiers the
// options configure, and /docs, /redoc and /openapi.json are served.
//
// Contract (checks outside the project depend on it): once it accepts connections it prints
// one line on stdout containing `http://HOST:PORT/` and flushes it; SIGINT or SIGTERM stop it
// gracefully with exit 0; a document that does not load exits 1 after its diagnostics; bad
// options (and an address it cannot listen on) exit 2.

#include <fmt/core.h>

#include <cstdio>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "commands.hpp"
#include "dev_auth.hpp"
#include "input.hpp"
#include "oaskit/devauth.hpp"
#include "oaskit/models.hpp"
#include "oaskit/security/jwks.hpp"
#include "oaskit/security/jwt_verifier.hpp"
#include "oaskit/security/schemes.hpp"
#include "oaskit/server.hpp"
#include "util/secret.hpp"

namespace oaskit::cli {
namespace {

struct ServeArguments {
  std::string file;
  LoadFlags load;
  std::string host = "127.0.0.1";
  std::uint16_t port = 8000;
  std::string jwks;
  std::string issuer_url;
  std::string iss;
  std::string audience;
  std::vector<std::string> api_keys;  // SCHEME=VALUE
  unsigned threads = 0;
  bool dev_auth = false;        // --dev-auth given
  std::string dev_auth_config;  // its CONFIG; empty: a generated one
};

bool is_bearer(const SecurityScheme& scheme) {
  return std::holds_alternative<oaskit::OAuth2>(scheme) ||
         std::holds_alternative<oaskit::OpenIdConnect>(scheme) ||
         std::holds_alternative<oaskit::HTTPBearer>(scheme);
}

int run_serve(const ServeArguments& arguments) {
  // The options first: a mistake there is exit 2, whatever the document.
  std::map<std::string, std::string> api_keys;
  for (const auto& entry : arguments.api_keys) {
    const auto equals = entry.find('=');
    if (equals == std::string::npos || equals == 0 || equals + 1 == entry.size()) {
      fmt::print(stderr, "oaskit serve: --api-key wants SCHEME=VALUE, got '{}'\n",
                 entry.substr(0, equals));
      return usage_error;
    }
    api_keys[entry.substr(0, equals)] = entry.substr(equals + 1);
  }
  const bool bearer_configured = !arguments.jwks.empty() || !arguments.issuer_url.empty();
  if (bearer_configured && arguments.dev_auth) {
    fmt::print(stderr,
               "oaskit serve: --dev-auth verifies bearer tokens with its own keys: it cannot be "
               "combined with --jwks or --issuer\n");
    return usage_error;
  }
  if (bearer_configured && arguments.audience.empty()) {
    fmt::print(stderr,
               "oaskit serve: --audience is needed with --jwks or --issuer: access tokens are "
               "checked to be meant for this API (RFC 9068 §4)\n");
    return usage_error;
  }
  std::shared_ptr<security::JwtVerifier> verifier;
  if (bearer_configured) {
    security::JwtVerifierOptions options;
    options.audience = arguments.audience;
    options.algorithms = jose::asymmetric_algorithms();
    options.cache_capacity = 10'000;
    if (!arguments.issuer_url.empty()) {
      options.issuer = arguments.iss.empty() ? arguments.issuer_url : arguments.iss;
      options.jwks = security::JwksSource::from_issuer(arguments.issuer_url);
    } else {
      options.issuer = arguments.iss;
      options.accept_any_issuer = arguments.iss.empty();
      if (is_url(arguments.jwks)) {
        options.jwks = security::JwksSource::from_url(arguments.jwks);
      } else {
        const auto text = read_input(arguments.jwks);
        if (!text) return usage_error;
        auto keys = read_keys(*text, "");
        if (!keys) {
          fmt::print(stderr, "oaskit serve: cannot use the keys in {}: {}\n", arguments.jwks,
                     keys.errors().message);
          return usage_error;
        }
        options.keys = std::move(*keys);
      }
    }
    verifier = std::make_shared<security::JwtVerifier>(std::move(options));
  }

  auto document = load_document(arguments.file, load_options(arguments.load));
  if (!document) {
    for (const auto& d : document.errors()) fmt::print(stderr, "{}\n", to_string(d));
    return invalid_input;
  }
  const auto& model = document->model();

  // The development authorization server, when asked for: its config is refused with the
  // document's (exit 1), and it verifies the bearer schemes' tokens.
  std::shared_ptr<devauth::AuthorizationServer> dev_auth;
  if (arguments.dev_auth) {
    dev_auth = make_dev_auth(model, arguments.dev_auth_config, arguments.audience, "serve");
    if (!dev_auth) return invalid_input;
  }

  // Every scheme of the document, with the verifier the options give it (or none: refused).
  auto authenticator = std::make_shared<security::Authenticator>();
  std::vector<std::string> unconfigured;
  if (model.components && model.components->securitySchemes) {
    for (const auto& [name, entry] : *model.components->securitySchemes) {
      auto scheme_model = document->security_scheme(name);
      if (!scheme_model) continue;
      auto scheme = security::scheme_from_model(name, *scheme_model);
      if (!scheme) {
        unconfigured.push_back(name + " (not supported here)");
        continue;
      }
      security::Verifier verify;
      if (const auto key = api_keys.find(name); key != api_keys.end()) {
        if (!std::holds_alternative<oaskit::APIKey>(*scheme_model)) {
          fmt::print(stderr, "oaskit serve: --api-key {}=...: '{}' is not an apiKey scheme\n", name,
                     name);
          return usage_error;
        }
        verify = [name = name, value = key->second](
                     const security::Credential& credential) -> security::VerifyResult {
          if (!detail::same_secret(credential.value, value)) {
            return security::TokenError{.check = security::TokenCheck::rejected,
                                        .message = "the API key is not valid",
                                        .internal = {}};
          }
          return security::Identity{.subject = "api-key:" + name,
                                    .client_id = std::nullopt,
                                    .scopes = {},
                                    .header = {},
                                    .claims = {},
                                    .expires_at = std::nullopt};
        };
        api_keys.erase(key);
      } else if (verifier && is_bearer(*scheme_model)) {
        verify = security::bearer(verifier);
      } else if (dev_auth && is_bearer(*scheme_model)) {
        verify = dev_auth->bearer_verifier();
      } else {
        unconfigured.push_back(name);
        verify = [name = name](const security::Credential&) -> security::VerifyResult {
          return security::TokenError{
              .check = security::TokenCheck::rejected,
              .message = "this server accepts no credentials for '" + name + "'",
              .internal = {}};
        };
      }
      authenticator->add(std::move(scheme), std::move(verify));
    }
  }
  if (!api_keys.empty()) {
    fmt::print(stderr, "oaskit serve: --api-key {}=...: the document has no security scheme '{}'\n",
               api_keys.begin()->first, api_keys.begin()->first);
    return usage_error;
  }

  server::ServerOptions options{.host = arguments.host, .port = arguments.port};
  options.threads = arguments.threads;
  if (dev_auth && options.threads == 1) {
    // The API fetches the authorization server's keys from this very server (on a token with a
    // kid it has not seen): one thread would wait on itself until the fetch times out.
    fmt::print(stderr, "oaskit serve: --dev-auth needs a second thread: serving with 2\n");
    options.threads = 2;
  }
  if (dev_auth) {
    // Swagger UI's Authorize dialog: the first public client that may sign people in, with
    // PKCE (the only way this server takes a code).
    for (const auto& client : dev_auth->config().clients) {
      if (client.is_public() && client.allows(devauth::GrantType::authorization_code)) {
        options.docs.init_oauth = server::SwaggerUiOAuth{
            .client_id = client.client_id, .scopes = {}, .use_pkce = true, .app_name = {}};
        break;
      }
    }
  }
  server::Server server(*document, std::move(options));
  server.authenticator(authenticator);
  if (dev_auth) dev_auth->mount(server);
  auto prepared = server.prepare();
  if (!prepared) {
    for (const auto& d : prepared.errors()) fmt::print(stderr, "{}\n", to_string(d));
    return invalid_input;
  }
  for (const auto& d : server.warnings()) fmt::print(stderr, "{}\n", to_string(d));
  if (!unconfigured.empty()) {
    std::string list;
    for (const auto& name : unconfigured) list += (list.empty() ? "" : ", ") + name;
    fmt::print(stderr,
               "oaskit serve: no verifier for the security schemes {}: requests that need them "
               "are refused (--jwks, --issuer, --api-key configure them)\n",
               list);
  }
  server::Server::hold_stop_signals();  // a stop signal right after the URL line is kept
  auto started = server.start();
  if (!started) {
    for (const auto& d : started.errors()) fmt::print(stderr, "oaskit serve: {}\n", d.message);
    return usage_error;
  }
  if (dev_auth) announce_dev_auth(*dev_auth, "serve");
  fmt::print("oaskit serve: {} on {} (docs at {}docs)\n", arguments.file, started->url,
             started->url);
  std::fflush(stdout);
  server.run_until_signal();
  return ok;
}

}  // namespace

Command add_serve_command(CLI::App& app) {
  auto arguments = std::make_shared<ServeArguments>();
  auto* command = app.add_subcommand(
      "serve",
      "Serve a document: its operations answer their examples, its security is enforced, and "
      "/docs, /redoc and /openapi.json are built in");
  command->add_option("FILE", arguments->file, "The OpenAPI document (JSON or YAML)")->required();
  add_load_flags(*command, arguments->load);
  command->add_option("--host", arguments->host, "The address to listen on")->capture_default_str();
  command->add_option("--port", arguments->port, "The port; 0 picks a free one")
      ->capture_default_str();
  auto* jwks = command->add_option(
      "--jwks", arguments->jwks,
      "Verify bearer tokens (JWT access tokens) with the keys in this JWKS file or URL");
  auto* issuer = command->add_option(
      "--issuer", arguments->issuer_url,
      "Verify bearer tokens with the keys of this issuer (found by RFC 8414 / OpenID discovery)");
  jwks->excludes(issuer);
  command->add_option("--iss", arguments->iss,
                      "The issuer tokens must name (with --jwks; by default any issuer)");
  command->add_option("--audience", arguments->audience,
                      "The audience access tokens must be meant for");
  command->add_option("--api-key", arguments->api_keys,
                      "SCHEME=VALUE: the API key scheme SCHEME accepts the key VALUE (repeatable)");
  command->add_option("--threads", arguments->threads, "Threads serving requests; 0: one per core")
      ->capture_default_str();
  auto* dev_auth = command->add_option(
      "--dev-auth", arguments->dev_auth_config,
      "Mount a development OAuth 2.0 authorization server beside the API, with the clients and "
      "users of CONFIG (YAML or JSON; without CONFIG, one is made and printed); the served "
      "document's OAuth2 flows point at it and bearer tokens are checked against it");
  dev_auth->expected(0, 1)->type_name("[CONFIG]");
  dev_auth->excludes(jwks)->excludes(issuer);
  return {command, [arguments, dev_auth] {
            arguments->dev_auth = dev_auth->count() > 0;
            return run_serve(*arguments);
          }};
}

}  // namespace oaskit::cli
