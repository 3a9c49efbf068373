// The oaskit command: a thin layer over the library.

#include <CLI/CLI.hpp>

#include <algorithm>
#include <iostream>
#include <string>
#include <vector>

#include "commands.hpp"
#include "oaskit/version.hpp"

namespace {

std::string command_names(const std::vector<oaskit::cli::Command>& commands) {
  std::string out;
  for (const auto& command : commands) {
    if (!out.empty()) out += ", ";
    out += command.subcommand->get_name();
  }
  return out;
}

int run(int argc, char** argv) {
  using namespace oaskit::cli;
  CLI::App app{"oaskit: OpenAPI 3.1 models and OAuth 2.0 security", "oaskit"};
  app.set_version_flag("--version", std::string(oaskit::version));
  app.require_subcommand(1);
  const std::vector<Command> commands{add_model_command(app),   add_security_command(app),
                                      add_check_command(app),   add_fmt_command(app),
                                      add_bundle_command(app),  add_jwt_command(app),
                                      add_token_command(app),   add_serve_command(app),
                                      add_devauth_command(app), add_schema_command(app)};
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const std::string first = argc > 1 ? argv[1] : "";
    const bool unknown_command =
        !first.empty() && first.front() != '-' &&
        std::none_of(commands.begin(), commands.end(),
                     [&](const Command& c) { return c.subcommand->get_name() == first; });
    if (unknown_command) {
      std::cerr << "oaskit: unknown command '" << first
                << "'; commands: " << command_names(commands) << "\n"
                << "Run with --help for more information.\n";
      return usage_error;
    }
    // Help and version exit 0; every usage mistake exits 2.
    return app.exit(e) == 0 ? ok : usage_error;
  }
  for (const auto& command : commands) {
    if (command.subcommand->parsed()) return command.run();
  }
  return usage_error;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const std::exception& e) {  // a bug, not bad input: say so rather than abort
    std::cerr << "oaskit: internal error: " << e.what() << '\n';
  } catch (...) {
    std::cerr << "oaskit: internal error\n";
  }
  return oaskit::cli::usage_error;
}
