#pragma once
// The oaskit command's subcommands: each registers its options and returns its exit code.

#include <CLI/CLI.hpp>

#include <functional>

namespace oaskit::cli {

/// Exit codes: 0 valid / done, 1 the input is invalid, 2 the command could not run.
enum ExitCode : int { ok = 0, invalid_input = 1, usage_error = 2 };

/// A subcommand added to the app, and what runs it once the arguments are parsed.
struct Command {
  CLI::App* subcommand;
  std::function<int()> run;
};
Command add_model_command(CLI::App& app);
Command add_security_command(CLI::App& app);
Command add_fmt_command(CLI::App& app);
Command add_check_command(CLI::App& app);
Command add_bundle_command(CLI::App& app);
Command add_jwt_command(CLI::App& app);
Command add_token_command(CLI::App& app);
Command add_serve_command(CLI::App& app);
Command add_devauth_command(CLI::App& app);
Command add_schema_command(CLI::App& app);

}  // namespace oaskit::cli
