// oaskit fmt FILE [-o OUT] [--to json|yaml] [--sort] [--to-version 3.2]: rewrites a document in
// one canonical layout, keeping what the author wrote (and the order of keys unless --sort), and
// upgrades an OpenAPI 3.1 document to 3.2 when asked.

#include <fmt/core.h>
#include <CLI/CLI.hpp>

#include <algorithm>
#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <string>

#include "commands.hpp"
#include "input.hpp"
#include "oaskit/document.hpp"
#include "oaskit/json.hpp"
#include "oaskit/upgrade.hpp"
#include "oaskit/yaml.hpp"

namespace oaskit::cli {
namespace {

struct FmtOptions {
  std::string file = "-";
  std::string output;
  std::string to;  // empty: the input's format
  bool sort = false;
  std::string to_version;  // empty: the version as written
};

void sort_keys(boost::json::value& value) {
  if (auto* object = value.if_object()) {
    std::vector<std::pair<std::string, boost::json::value>> members;
    members.reserve(object->size());
    for (auto& member : *object) {
      members.emplace_back(std::string(member.key()), std::move(member.value()));
    }
    std::sort(members.begin(), members.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    object->clear();
    for (auto& [key, item] : members) {
      sort_keys(item);
      object->emplace(key, std::move(item));
    }
  } else if (auto* array = value.if_array()) {
    for (auto& item : *array) sort_keys(item);
  }
}

// True when YAML text has a comment: a '#' at the start of a line or after a blank, outside
// quotes. Approximate on purpose (a '#' inside a block scalar counts too): it only decides
// whether to warn that comments are not kept.
bool has_yaml_comment(std::string_view text) {
  char quote = 0;
  char previous = '\n';
  for (char c : text) {
    if (quote != 0) {
      if (c == quote || c == '\n') quote = 0;
    } else if (c == '#' && (previous == ' ' || previous == '\t' || previous == '\n')) {
      return true;
    } else if ((c == '"' || c == '\'') && (previous == ' ' || previous == '\n')) {
      quote = c;
    }
    previous = c;
  }
  return false;
}

void print_diagnostics(const Diagnostics& diagnostics) {
  for (const auto& d : diagnostics) fmt::print(stderr, "{}\n", to_string(d));
}

// The document in `source` upgraded to 3.2, each change and what was left said on stderr;
// nullopt after saying why it cannot be.
std::optional<boost::json::value> upgraded(const FmtOptions& options, const Source& source) {
  namespace fs = std::filesystem;
  const fs::path folder = options.file == "-" ? fs::path() : fs::path(options.file).parent_path();
  auto doc = load_text(source.name(), std::string(source.text()),
                       folder.empty() ? fs::current_path() : folder, {});
  if (!doc) {
    print_diagnostics(doc.errors());
    return std::nullopt;
  }
  auto upgrade = upgrade_to_3_2(*doc);
  if (!upgrade) {
    print_diagnostics(upgrade.errors());
    return std::nullopt;
  }
  print_diagnostics(upgrade->changed);
  print_diagnostics(upgrade->not_done);
  keep_until_exit(std::move(*doc));
  return std::move(upgrade->document);
}

int run(const FmtOptions& options) {
  auto text = read_input(options.file);
  if (!text) return usage_error;
  const std::string display = options.file == "-" ? "<stdin>" : options.file;
  auto source = read_source(display, "file:///dev/stdin", std::move(*text));
  if (!source) {
    print_diagnostics(source.errors());
    return invalid_input;
  }
  const SourceFormat input_format = (*source)->format();
  const bool to_yaml =
      options.to.empty() ? input_format == SourceFormat::yaml : options.to == "yaml";
  if (input_format == SourceFormat::yaml && has_yaml_comment((*source)->text())) {
    fmt::print(stderr, "oaskit fmt: note: the comments in {} are not kept\n", display);
  }
  // Written as read, or upgraded, or a sorted copy of either.
  std::optional<boost::json::value> changed;
  if (!options.to_version.empty()) {
    changed = upgraded(options, **source);
    if (!changed) return invalid_input;
  }
  if (options.sort) sort_keys(changed ? *changed : changed.emplace((*source)->value()));
  const boost::json::value& value = changed ? *changed : (*source)->value();
  const std::string out =
      to_yaml ? oaskit::to_yaml(value) : to_json(value, {.indent = true}) + '\n';
  keep_until_exit(std::move(*source));
  keep_until_exit(std::move(changed));
  return write_output(options.output, out) ? ok : usage_error;
}

}  // namespace

Command add_fmt_command(CLI::App& app) {
  auto options = std::make_shared<FmtOptions>();
  auto* command = app.add_subcommand(
      "fmt", "Rewrite a JSON or YAML document in a canonical layout (2-space indent)");
  command->add_option("FILE", options->file, "JSON or YAML file; - or absent for standard input");
  command->add_option("-o,--output", options->output, "Write here instead of standard output");
  command->add_option("--to", options->to, "Output format; default: the input's")
      ->check(CLI::IsMember({"json", "yaml"}));
  command->add_flag("--sort", options->sort, "Sort the keys of every object");
  command
      ->add_option("--to-version", options->to_version,
                   "Upgrade an OpenAPI 3.1 document to this version where the change is "
                   "mechanical; each change, and what was left for you, is said on stderr")
      ->check(CLI::IsMember({"3.2"}));
  command->footer(
      "Keys keep the author's order unless --sort. YAML comments are not kept (a note says so). "
      "Exit status: 0 written, 1 the input is not valid JSON/YAML (or, with --to-version, not "
      "an OpenAPI 3.1 or 3.2 document), 2 bad options or I/O.");
  return {command, [options] { return run(*options); }};
}

}  // namespace oaskit::cli
