// oaskit model TYPE [FILE]: validate a document or a part of one as a model.

#include <fmt/core.h>
#include <fmt/ranges.h>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <string>

#include "commands.hpp"
#include "input.hpp"
#include "oaskit/document.hpp"
#include "oaskit/model_by_name.hpp"

namespace oaskit::cli {
namespace {

struct ModelOptions {
  std::string type;
  std::string file = "-";
  std::string errors = "text";
  bool indent = false;
};

// pydantic's error list: [{"type", "loc", "msg"}].
std::string errors_as_json(const Errors& errors) {
  boost::json::array out;
  for (const auto& e : errors) {
    out.push_back(
        boost::json::object{{"type", e.type}, {"loc", to_json_array(e.loc)}, {"msg", e.msg}});
  }
  return boost::json::serialize(out);
}

// A YAML text that could not be read at all: its diagnostics, in the format asked for.
int report_unreadable(const ModelOptions& options, const Diagnostics& diagnostics) {
  if (options.errors == "json") {
    Errors errors;
    for (const auto& d : diagnostics) errors.push_back({d.loc, d.rule, d.message, d.position});
    fmt::print("{}\n", errors_as_json(errors));
  } else {
    for (const auto& d : diagnostics) fmt::print(stderr, "{}\n", to_string(d));
  }
  return invalid_input;
}

int run(const ModelOptions& options) {
  const auto names = model_names();
  if (std::find(names.begin(), names.end(), options.type) == names.end()) {
    fmt::print(stderr, "oaskit: unknown model type '{}'; known types: {}\n", options.type,
               fmt::join(names, ", "));
    return usage_error;
  }
  auto text = read_input(options.file);
  if (!text) return usage_error;
  const std::string display = options.file == "-" ? "<stdin>" : options.file;
  // YAML is read into a JSON value first (the Source takes the text: JSON alone reads it
  // again); errors then get their positions from the YAML.
  std::unique_ptr<Source> yaml;
  const bool is_yaml = detect_format(*text) == SourceFormat::yaml;
  if (is_yaml) {
    auto source = read_source(display, "file:///dev/stdin", std::move(*text));
    if (!source) return report_unreadable(options, source.errors());
    yaml = std::move(*source);
  }
  const WriteOptions write{.indent = options.indent};
  // The model's JSON goes out as it is made, never held whole.
  auto result = is_yaml ? read_as(options.type, yaml->value(), stdout, write)
                        : parse_as(options.type, *text, stdout, write);
  if (result && *result) {
    return finish_standard_output(**result && std::fputc('\n', stdout) != EOF) ? ok : usage_error;
  }
  Errors errors = result->errors();
  if (yaml) {
    for (auto& e : errors) {
      e.position = yaml->position_of(e.loc);
      if (e.type == "string_type") e.msg += yaml->quoting_hint(e.loc);
    }
  }
  if (options.errors == "json") {
    fmt::print("{}\n", errors_as_json(errors));
  } else {
    for (const auto& e : errors) fmt::print(stderr, "{}:{}\n", display, to_string(e));
    fmt::print(stderr, "{} error{} in {} as {}\n", errors.size(), errors.size() == 1 ? "" : "s",
               display, options.type);
  }
  return invalid_input;
}

}  // namespace

Command add_model_command(CLI::App& app) {
  auto options = std::make_shared<ModelOptions>();
  auto* command = app.add_subcommand(
      "model",
      "Validate JSON or YAML as an OpenAPI model; print it as compact JSON (exit 0) or its errors "
      "(exit 1)");
  command->add_option("TYPE", options->type, "Model name: OpenAPI, SecurityScheme, Info, ...")
      ->required();
  command->add_option("FILE", options->file,
                      "JSON or YAML file (told apart by content); - or absent for standard input");
  command
      ->add_option("--errors", options->errors,
                   "How to report errors: text on stderr, or json (a pydantic-style array "
                   "on stdout)")
      ->check(CLI::IsMember({"text", "json"}));
  command->add_flag("--indent", options->indent, "Indent the output by 2 spaces");
  command->footer(
      "Exit status: 0 valid, 1 invalid (errors as file:line:column: path: message [type]), 2 "
      "unknown TYPE, unreadable FILE, unwritable output or bad options.");
  return {command, [options] { return run(*options); }};
}

}  // namespace oaskit::cli
