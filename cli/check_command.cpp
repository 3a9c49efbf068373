// oaskit check FILE...: load, resolve, validate and lint documents, for people and for CI.

#include <fmt/core.h>
#include <CLI/CLI.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "commands.hpp"
#include "input.hpp"
#include "oaskit/document.hpp"
#include "oaskit/lint.hpp"
#include "oaskit/report.hpp"
#include "util/file.hpp"

namespace oaskit::cli {
namespace {

struct CheckOptions {
  std::vector<std::string> files;
  std::string format = "text";
  std::string fail_on = "error";
  std::string color = "auto";
  std::vector<std::string> disabled;
  std::vector<std::string> enabled;
  LoadFlags load;
  bool list_rules = false;
};

/// What one file gave: a loaded document, or the text it could not be loaded from (kept so
/// that findings can show their source line).
struct Checked {
  std::optional<Document> document;
  std::unique_ptr<Source> unloaded;
};

std::unique_ptr<Source> text_only_source(const std::string& file) {
  auto text = detail::read_file(file);
  if (!text) return nullptr;
  const SourceFormat format = detect_format(*text);
  return std::make_unique<Source>(file, "", format, std::move(*text), boost::json::value());
}

int list_rules() {
  for (const auto& rule : lint_rules()) {
    fmt::print("{:<40} {:<8} {:<4} {}\n", rule.id, to_string(rule.severity),
               rule.on_by_default ? "on" : "off", rule.summary);
  }
  return ok;
}

int run(const CheckOptions& options) {
  if (options.list_rules) return list_rules();
  if (options.files.empty()) {
    fmt::print(stderr, "oaskit check: no FILE given\n");
    return usage_error;
  }
  for (const auto* ids : {&options.disabled, &options.enabled}) {
    for (const auto& id : *ids) {
      if (!is_rule(id)) {
        fmt::print(stderr, "oaskit check: unknown rule '{}' (oaskit check --list-rules)\n", id);
        return usage_error;
      }
    }
  }
  const LoadOptions how_to_load = load_options(options.load);
  const LintOptions lint_options{.disabled = options.disabled,
                                 .enabled = options.enabled,
                                 .allow_fetch = options.load.allow_remote_refs};

  std::vector<Checked> checked;
  Diagnostics findings;
  bool io_error = false;
  for (const auto& file : options.files) {
    auto loaded = load(file, how_to_load);
    Checked one;
    if (loaded) {
      auto found = lint(*loaded, lint_options);
      findings.insert(findings.end(), found.begin(), found.end());
      one.document = std::move(*loaded);
    } else {
      for (const auto& d : loaded.errors()) io_error = io_error || d.rule == "io";
      findings.insert(findings.end(), loaded.errors().begin(), loaded.errors().end());
      one.unloaded = text_only_source(file);
    }
    checked.push_back(std::move(one));
  }

  auto source_of = [&](std::string_view name) -> const Source* {
    for (const auto& one : checked) {
      if (one.unloaded && one.unloaded->name() == name) return one.unloaded.get();
      if (!one.document) continue;
      for (const auto& source : one.document->sources()) {
        if (source->name() == name) return source.get();
      }
    }
    return nullptr;
  };
  std::vector<ReportRule> rules;
  for (const auto& rule : lint_rules()) rules.push_back({rule.id, rule.severity, rule.summary});
  const ReportInput input{findings, source_of, rules};
  if (options.format == "json") {
    fmt::print("{}\n", json_report(input));
  } else if (options.format == "sarif") {
    fmt::print("{}\n", sarif_report(input));
  } else {
    const bool color =
        options.color == "always" || (options.color == "auto" && stdout_supports_color());
    fmt::print("{}", text_report(input, color));
  }
  keep_until_exit(std::move(checked));
  if (io_error) return usage_error;
  if (options.fail_on == "none") return ok;
  const Severity threshold = *severity_from_string(options.fail_on);
  const bool failed = std::any_of(findings.begin(), findings.end(), [&](const Diagnostic& d) {
    return static_cast<int>(d.severity) >= static_cast<int>(threshold);
  });
  return failed ? invalid_input : ok;
}

}  // namespace

Command add_check_command(CLI::App& app) {
  auto options = std::make_shared<CheckOptions>();
  auto* command = app.add_subcommand(
      "check", "Load, resolve, validate and lint OpenAPI documents (JSON or YAML)");
  command->add_option("FILE", options->files, "OpenAPI documents");
  command->add_option("--format", options->format, "text (default), json or sarif (SARIF 2.1.0)")
      ->check(CLI::IsMember({"text", "json", "sarif"}));
  command
      ->add_option("--fail-on", options->fail_on,
                   "Exit 1 when a finding is at least this severe: error (default), warning, "
                   "info, or none")
      ->check(CLI::IsMember({"error", "warning", "info", "none"}));
  command->add_option("--disable", options->disabled, "Switch a rule off (repeatable)");
  command->add_option("--enable", options->enabled, "Switch on a rule that is off by default");
  command
      ->add_option("--color", options->color,
                   "auto (default: when stdout is a terminal), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  add_load_flags(*command, options->load);
  command->add_flag("--list-rules", options->list_rules, "List the lint rules and exit");
  command->footer(
      "Findings print as file:line:col: severity[rule]: message. A rule can also be switched off "
      "for one part of a document with `x-oaskit-ignore: [rule]` on that object. Exit status: 0 "
      "no finding at or above --fail-on, 1 some, 2 bad options or a file that cannot be read.");
  return {command, [options] { return run(*options); }};
}

}  // namespace oaskit::cli
