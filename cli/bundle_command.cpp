// oaskit bundle ROOT [-o OUT]: one self-contained document from a root and the files its refs
// reach.

#include <fmt/core.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <string>

#include "commands.hpp"
#include "input.hpp"
#include "oaskit/bundle.hpp"
#include "oaskit/document.hpp"
#include "oaskit/json.hpp"
#include "oaskit/yaml.hpp"

namespace oaskit::cli {
namespace {

struct BundleCommandOptions {
  std::string root;
  std::string out;  // empty: standard output
  std::optional<std::string> to;
  LoadFlags load;
};

void print_diagnostics(const Diagnostics& diagnostics) {
  for (const auto& d : diagnostics) fmt::print(stderr, "{}\n", to_string(d));
}

Result<Document, Diagnostics> load_root(const BundleCommandOptions& options) {
  return load_document(options.root, load_options(options.load));
}

int run(const BundleCommandOptions& options) {
  auto doc = load_root(options);
  if (!doc) {
    print_diagnostics(doc.errors());
    const bool unreadable = std::any_of(doc.errors().begin(), doc.errors().end(),
                                        [](const Diagnostic& d) { return d.rule == "io"; });
    return unreadable ? usage_error : invalid_input;
  }
  const bool to_yaml =
      options.to ? *options.to == "yaml" : doc->root().format() == SourceFormat::yaml;
  auto bundled = bundle(*doc);
  if (!bundled) {
    print_diagnostics(bundled.errors());
    return invalid_input;
  }
  const std::string text =
      to_yaml ? oaskit::to_yaml(*bundled) : to_json(*bundled, {.indent = true}) + '\n';
  keep_until_exit(std::move(*doc));
  keep_until_exit(std::move(*bundled));
  return write_output(options.out, text) ? ok : usage_error;
}

}  // namespace

Command add_bundle_command(CLI::App& app) {
  auto options = std::make_shared<BundleCommandOptions>();
  auto* command = app.add_subcommand(
      "bundle",
      "Write a document whose $refs reach other files as one self-contained document: every "
      "external target becomes a components entry");
  command->add_option("ROOT", options->root, "The root OpenAPI file; - for standard input")
      ->required();
  command->add_option("-o,--output", options->out, "Where to write; standard output if absent");
  command->add_option("--to", options->to, "Output format; the root's format if absent")
      ->check(CLI::IsMember({"json", "yaml"}));
  add_load_flags(*command, options->load);
  command->footer(
      "Exit status: 0 bundled, 1 the document has errors (one per line on stderr), 2 bad "
      "options or a file that cannot be read or written.");
  return {command, [options] { return run(*options); }};
}

}  // namespace oaskit::cli
