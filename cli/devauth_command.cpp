// oaskit devauth: the development authorization server alone, for an API served elsewhere
// whose document's flows point at it. Like `serve`: one line on stdout with
// `http://HOST:PORT/` once it accepts connections; SIGINT/SIGTERM stop it with exit 0; a
// document or config that does not load exits 1; bad options (or an address it cannot listen on)
// exit 2.

#include <fmt/core.h>

#include <memory>
#include <string>

#include "commands.hpp"
#include "dev_auth.hpp"
#include "input.hpp"
#include "oaskit/document.hpp"

namespace oaskit::cli {
namespace {

struct DevAuthArguments {
  std::string file;
  std::string config;
  std::string host = "127.0.0.1";
  std::uint16_t port = 9000;
  std::string audience;
};

int run_devauth(const DevAuthArguments& arguments) {
  auto document = load_document(arguments.file, LoadOptions{});
  if (!document) {
    for (const auto& d : document.errors()) fmt::print(stderr, "{}\n", to_string(d));
    return invalid_input;
  }
  auto auth = make_dev_auth(document->model(), arguments.config, arguments.audience, "devauth");
  if (!auth) return invalid_input;
  auto server = devauth::standalone_server(auth, {.host = arguments.host, .port = arguments.port});
  server::Server::hold_stop_signals();
  auto started = server->start();
  if (!started) {
    for (const auto& d : started.errors()) fmt::print(stderr, "oaskit devauth: {}\n", d.message);
    return usage_error;
  }
  announce_dev_auth(*auth, "devauth");
  fmt::print("oaskit devauth: authorization server for {} on {} (token endpoint {})\n",
             arguments.file, started->url, auth->url_of(auth->config().paths.token));
  std::fflush(stdout);
  server->run_until_signal();
  return ok;
}

}  // namespace

Command add_devauth_command(CLI::App& app) {
  auto arguments = std::make_shared<DevAuthArguments>();
  auto* command = app.add_subcommand(
      "devauth",
      "Run a development OAuth 2.0 authorization server for a document's scopes, alone (oaskit "
      "serve --dev-auth mounts it beside the API instead)");
  command->add_option("FILE", arguments->file, "The API document: its OAuth2 flows' scopes")
      ->required();
  command->add_option("CONFIG", arguments->config,
                      "Clients and users (YAML or JSON); without it, a config is made and printed");
  command->add_option("--host", arguments->host, "The address to listen on")->capture_default_str();
  command->add_option("--port", arguments->port, "The port; 0 picks a free one")
      ->capture_default_str();
  command->add_option("--audience", arguments->audience,
                      "The access tokens' aud (default: the server's URL)");
  return {command, [arguments] { return run_devauth(*arguments); }};
}

}  // namespace oaskit::cli
