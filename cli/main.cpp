// The oaskit command: a thin layer over the library.

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include "commands.hpp"
#include "oaskit/version.hpp"

int main(int argc, char** argv) {
  using namespace oaskit::cli;
  CLI::App app{"oaskit: OpenAPI 3.1 models and OAuth 2.0 security", "oaskit"};
  app.set_version_flag("--version", std::string(oaskit::version));
  app.require_subcommand(1);
  std::vector<std::pair<CLI::App*, Command>> commands;
  auto add = [&](Command command) { commands.emplace_back(app.get_subcommands().back(), command); };
  add(add_model_command(app));
  add(add_security_command(app));
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // Help and version exit 0; every usage mistake exits 2.
    return app.exit(e) == 0 ? ok : usage_error;
  }
  for (auto& [subcommand, command] : commands) {
    if (subcommand->parsed()) return command();
  }
  return usage_error;
}
