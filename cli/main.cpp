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
  const std::vector<Command> commands{add_model_command(app), add_security_command(app)};
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // Help and version exit 0; every usage mistake exits 2.
    return app.exit(e) == 0 ? ok : usage_error;
  }
  for (const auto& command : commands) {
    if (command.subcommand->parsed()) return command.run();
  }
  return usage_error;
}
