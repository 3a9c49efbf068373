// oaskit token FILE --scheme NAME: an access token from the flow an API document declares, for
// `curl -H "Authorization: Bearer $(oaskit token api.yaml --scheme oauth ...)"`. Secrets come
// from the environment or a file, never from the command line (where `ps` shows them).

#include <fmt/core.h>
#include <fmt/format.h>

#include <algorithm>
#include <boost/json/serialize.hpp>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <unistd.h>

#include "commands.hpp"
#include "input.hpp"
#include "oaskit/oauth2/authorization_code.hpp"
#include "oaskit/oauth2/client.hpp"
#include "oaskit/oauth2/device_authorization.hpp"
#include "qr_code.hpp"

namespace oaskit::cli {
namespace {

struct TokenArguments {
  std::string file;
  std::string scheme;
  std::string flow = "clientCredentials";
  std::string client_id;
  std::string secret_env;
  std::string secret_file;
  std::string auth_method = "client_secret_basic";
  std::vector<std::string> scopes;
  std::vector<std::string> resources;
  std::string ca_file;
  bool use_metadata = false;
  bool json = false;
  std::string qr = "auto";  // the device flow's QR code: auto (stderr is a terminal), always, never
};

// The device flow's prompt: the URI and code, and a QR code of the URI to open (the complete
// one when the server gives it) when `qr` asks for one.
void show_device_code(const oauth2::DeviceAuthorization& authorization, const std::string& qr) {
  oauth2::print_device_code(authorization);
  if (qr == "never" || (qr == "auto" && isatty(STDERR_FILENO) == 0)) return;
  const auto modules =
      encode_qr(authorization.verification_uri_complete.value_or(authorization.verification_uri));
  if (modules) {
    fmt::print(stderr, "{}", terminal_qr_code(*modules));
  } else {
    fmt::print(stderr, "(no QR code: the URI is too long for one)\n");
  }
}

int failed(const oauth2::GrantError& error) {
  std::string line = fmt::format("error: {}: {}", oauth2::to_string(error.kind), error.message);
  std::replace(line.begin(), line.end(), '\n', ' ');
  fmt::print(stderr, "{}\n", line);
  return invalid_input;
}

int usage(const std::string& message) {
  fmt::print(stderr, "error: {}\n", message);
  return usage_error;
}

// The secret from the environment variable or the file (one trailing newline dropped).
std::optional<std::string> read_secret(const TokenArguments& arguments) {
  if (!arguments.secret_env.empty()) {
    const char* value = std::getenv(arguments.secret_env.c_str());
    if (value == nullptr || *value == '\0') {
      fmt::print(stderr, "error: the environment variable {} is not set\n", arguments.secret_env);
      return std::nullopt;
    }
    return std::string(value);
  }
  std::ifstream in(arguments.secret_file, std::ios::binary);
  if (!in) {
    fmt::print(stderr, "error: cannot read the client secret file {}\n", arguments.secret_file);
    return std::nullopt;
  }
  std::string secret{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (secret.ends_with('\n')) secret.pop_back();
  if (secret.ends_with('\r')) secret.pop_back();
  return secret;
}

// The --flow names, as the document spells its flows.
constexpr std::pair<std::string_view, oauth2::Flow> flows[] = {
    {"clientCredentials", oauth2::Flow::clientCredentials},
    {"authorizationCode", oauth2::Flow::authorizationCode},
    {"deviceAuthorization", oauth2::Flow::deviceAuthorization}};

std::vector<std::string> flow_names() {
  std::vector<std::string> names;
  for (const auto& [name, flow] : flows) names.emplace_back(name);
  return names;
}

int run(const TokenArguments& arguments) {
  const auto* named = std::find_if(std::begin(flows), std::end(flows), [&](const auto& entry) {
    return entry.first == arguments.flow;
  });
  if (named == std::end(flows)) {
    return usage("--flow must be one of " + fmt::format("{}", fmt::join(flow_names(), ", ")));
  }
  const oauth2::Flow flow = named->second;
  // A person signs in with these flows: the client may be public (no secret).
  const bool user_flow = flow != oauth2::Flow::clientCredentials;
  oauth2::ClientCredentials credentials{arguments.client_id};
  if (!arguments.secret_env.empty() || !arguments.secret_file.empty()) {
    auto secret = read_secret(arguments);
    if (!secret) return usage_error;
    credentials.authentication = oauth2::ClientSecret{
        std::move(*secret), arguments.auth_method == "client_secret_post"
                                ? security::ClientAuthentication::client_secret_post
                                : security::ClientAuthentication::client_secret_basic};
  } else if (!user_flow) {
    return usage("the client credentials flow needs --client-secret-env or --client-secret-file");
  }

  auto loaded = load_document(arguments.file, {});
  if (!loaded) {
    for (const auto& d : loaded.errors()) fmt::print(stderr, "{}\n", to_string(d));
    return invalid_input;
  }
  const Document& document = *loaded;
  oauth2::ClientOptions options;
  if (!arguments.ca_file.empty()) options.http.ca_file = arguments.ca_file;
  options.endpoints_from_metadata = arguments.use_metadata;
  auto client = oauth2::Client::from_document(document, arguments.scheme, flow,
                                              std::move(credentials), options);
  if (!client) return failed(client.errors());

  oauth2::GrantResult token = [&] {
    switch (flow) {
      case oauth2::Flow::clientCredentials:
        break;
      case oauth2::Flow::authorizationCode: {
        oauth2::AuthorizationOptions browser;
        browser.scopes = arguments.scopes;
        browser.resources = arguments.resources;
        return oauth2::authorize(*client, browser);
      }
      case oauth2::Flow::deviceAuthorization: {
        oauth2::DeviceFlowOptions device;
        device.scopes = arguments.scopes;
        device.resources = arguments.resources;
        device.show_code = [&](const oauth2::DeviceAuthorization& authorization) {
          show_device_code(authorization, arguments.qr);
        };
        return oauth2::authorize_device(*client, device);
      }
    }
    return client->client_credentials(arguments.scopes, arguments.resources);
  }();
  if (!token) return failed(token.errors());
  if (arguments.json) {
    fmt::print("{}\n", boost::json::serialize(token->members));
  } else {
    fmt::print("{}\n", token->access_token);
  }
  return ok;
}

}  // namespace

Command add_token_command(CLI::App& app) {
  auto arguments = std::make_shared<TokenArguments>();
  auto* command = app.add_subcommand(
      "token",
      "Get an access token from the OAuth 2.0 flow an API document declares; prints the token "
      "(or the whole response with --json), or 'error: <kind>: <why>' (exit 1)");
  command->add_option("FILE", arguments->file, "The API document (JSON or YAML)")->required();
  command->add_option("--scheme", arguments->scheme, "The oauth2 security scheme's name")
      ->required();
  command
      ->add_option("--flow", arguments->flow,
                   "clientCredentials (default), authorizationCode (signs in with a browser) or "
                   "deviceAuthorization (prints a code to enter on another device, RFC 8628)")
      ->check(CLI::IsMember(flow_names()));
  command->add_option("--client-id", arguments->client_id, "The client id")->required();
  auto* env = command->add_option("--client-secret-env", arguments->secret_env,
                                  "The environment variable holding the client secret");
  auto* file = command->add_option("--client-secret-file", arguments->secret_file,
                                   "A file holding the client secret");
  env->excludes(file);
  command
      ->add_option("--client-auth", arguments->auth_method,
                   "How the secret is sent: client_secret_basic (default) or client_secret_post")
      ->check(CLI::IsMember({"client_secret_basic", "client_secret_post"}));
  command->add_option("--scope", arguments->scopes, "A scope to request (repeat for more)")
      ->allow_extra_args(false);
  command
      ->add_option("--resource", arguments->resources,
                   "A resource indicator (RFC 8707): the API's URL, for an audience-bound token")
      ->allow_extra_args(false);
  command->add_option("--ca-file", arguments->ca_file, "Trust these CAs instead of the system's");
  command->add_flag("--use-metadata", arguments->use_metadata,
                    "Take the endpoints from the scheme's oauth2MetadataUrl (OpenAPI 3.2, RFC "
                    "8414 metadata, fetched) instead of the flow's URLs");
  command->add_flag("--json", arguments->json, "Print the whole token response as JSON");
  command
      ->add_option("--qr", arguments->qr,
                   "deviceAuthorization: draw the URI to open as a QR code on stderr, for a "
                   "phone's camera: auto (when stderr is a terminal), always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  return {command, [arguments] { return run(*arguments); }};
}

}  // namespace oaskit::cli
