// oaskit schema validate SCHEMA [INSTANCE|-]: check values against a JSON Schema (or a schema
// inside an OpenAPI document); oaskit schema check SCHEMA: check a schema against its
// meta-schema and compile it.

#include <fmt/core.h>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "commands.hpp"
#include "document/json_pointer.hpp"
#include "input.hpp"
#include "oaskit/document.hpp"
#include "oaskit/schema.hpp"
#include "util/strict_json.hpp"

namespace oaskit::cli {
namespace {

struct SchemaOptions {
  std::string schema;
  std::string instance = "-";
  bool jsonl = false;
  std::string dialect;
  bool format_assertion = false;
  std::vector<std::string> maps;
  std::string pointer;
  std::string errors = "text";
};

std::string display_name(const std::string& path) { return path == "-" ? "<stdin>" : path; }

// A file read as JSON or YAML (by content), with positions; nullptr after saying why.
std::unique_ptr<Source> read_file_source(const std::string& path) {
  auto text = read_input(path);
  if (!text) return nullptr;
  std::string uri = "file:///dev/stdin";
  if (path != "-") {
    std::error_code ec;
    const auto absolute = std::filesystem::absolute(path, ec);
    uri = "file://" + (ec ? path : absolute.lexically_normal().string());
  }
  auto source = read_source(display_name(path), std::move(uri), std::move(*text));
  if (!source) {
    for (const auto& d : source.errors()) fmt::print(stderr, "{}\n", to_string(d));
    return nullptr;
  }
  return std::move(*source);
}

// The options the command line gives, or nullopt after saying what is wrong.
std::optional<schema::CompileOptions> compile_options(const SchemaOptions& options,
                                                      const Source& schema) {
  schema::CompileOptions compile;
  compile.base_uri = schema.uri();
  compile.format_assertion = options.format_assertion;
  // An OpenAPI document's schemas follow its version: 3.0's own dialect, or 3.1's 2020-12.
  if (auto dialect = schema::openapi_dialect(schema.value())) compile.dialect = *dialect;
  if (!options.dialect.empty()) compile.dialect = *schema::dialect_from_name(options.dialect);
  // Files beside the schema (and below its folder) are read for relative `$ref`s.
  if (schema.uri().starts_with("file://") && schema.uri() != "file:///dev/stdin") {
    const std::filesystem::path file = schema.uri().substr(7);
    compile.map.emplace_back("file://" + file.parent_path().string() + "/", file.parent_path());
  }
  for (const auto& map : options.maps) {
    const auto equals = map.find('=');
    if (equals == std::string::npos || equals == 0 || equals + 1 == map.size()) {
      fmt::print(stderr, "oaskit: --map takes URL=DIR, not '{}'\n", map);
      return std::nullopt;
    }
    compile.map.emplace_back(map.substr(0, equals), map.substr(equals + 1));
  }
  return compile;
}

std::optional<schema::Validator> compile_schema(const SchemaOptions& options,
                                                const Source& source) {
  const auto compile = compile_options(options, source);
  if (!compile) return std::nullopt;
  auto validator = schema::Validator::compile(source.value(), options.pointer, *compile);
  if (!validator) {
    for (const auto& e : validator.errors()) {
      Error located = e;
      located.position = source.position_of(e.loc);
      fmt::print(stderr, "{}:{}\n", source.name(), to_string(located));
    }
    fmt::print(stderr, "oaskit: the schema in {} does not compile\n", source.name());
    return std::nullopt;
  }
  return std::move(*validator);
}

boost::json::array errors_as_json(std::span<const schema::ValidationError> errors) {
  boost::json::array out;
  for (const auto& e : errors) {
    out.push_back(boost::json::object{{"instanceLocation", e.instance_location},
                                      {"keywordLocation", e.keyword_location},
                                      {"absoluteKeywordLocation", e.absolute_keyword_location},
                                      {"error", e.message}});
  }
  return out;
}

// Positions need the value's own steps: array indices as numbers.
Path value_path(const boost::json::value& root, std::string_view pointer) {
  return detail::follow_pointer(root, pointer).path;
}

// Each error as `FILE:LINE:COLUMN: /path: message [keyword at location]`, then how many.
void print_errors(const Source& source, std::span<const schema::ValidationError> errors,
                  std::string_view whole, std::string_view against) {
  for (const auto& e : errors) {
    const auto position = source.position_of(value_path(source.value(), e.instance_location));
    const std::string where =
        position ? fmt::format("{}:{}:{}", source.name(), position->line, position->column)
                 : source.name();
    fmt::print(stderr, "{}: {}: {} [{} at {}]\n", where,
               e.instance_location.empty() ? whole : std::string_view(e.instance_location),
               e.message, e.keyword, e.absolute_keyword_location);
  }
  fmt::print(stderr, "{} error{} in {}{}\n", errors.size(), errors.size() == 1 ? "" : "s",
             source.name(), against);
}

int validate_one(const SchemaOptions& options, const schema::Validator& validator) {
  const auto instance = read_file_source(options.instance);
  if (!instance) return usage_error;
  const auto errors = validator.validate(instance->value());
  if (options.errors == "json") {
    fmt::print("{}\n", boost::json::serialize(errors_as_json(errors)));
    return errors.empty() ? ok : invalid_input;
  }
  if (errors.empty()) return ok;
  print_errors(*instance, errors, "(the value)", "");
  return invalid_input;
}

// --jsonl: one JSON value per line in, one verdict per line out.
int validate_lines(const SchemaOptions& options, const schema::Validator& validator) {
  auto text = read_input(options.instance);
  if (!text) return usage_error;
  int status = ok;
  std::size_t line_number = 0;
  std::size_t start = 0;
  while (start < text->size()) {
    std::size_t end = text->find('\n', start);
    if (end == std::string::npos) end = text->size();
    std::string_view line(text->data() + start, end - start);
    start = end + 1;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
    std::string problem;
    const auto value = detail::parse_strict_json(line, &problem);
    if (!value) {
      fmt::print(stderr, "{}:{}: not JSON: {}\n", display_name(options.instance), line_number,
                 problem);
      boost::json::object verdict{
          {"valid", false},
          {"errors",
           boost::json::array{boost::json::object{
               {"instanceLocation", ""},
               {"keywordLocation", ""},
               {"absoluteKeywordLocation", ""},
               {"error", "line " + std::to_string(line_number) + " is not JSON: " + problem}}}}};
      fmt::print("{}\n", boost::json::serialize(verdict));
      status = usage_error;
      continue;
    }
    const auto errors = validator.validate(*value);
    boost::json::object verdict{{"valid", errors.empty()}};
    if (!errors.empty()) {
      verdict["errors"] = errors_as_json(errors);
      if (status == ok) status = invalid_input;
    }
    fmt::print("{}\n", boost::json::serialize(verdict));
  }
  return finish_standard_output(true) ? status : usage_error;
}

int run_validate(const SchemaOptions& options) {
  if (options.schema == "-" && options.instance == "-") {
    fmt::print(stderr, "oaskit: the schema and the instance cannot both be standard input\n");
    return usage_error;
  }
  const auto schema = read_file_source(options.schema);
  if (!schema) return usage_error;
  const auto validator = compile_schema(options, *schema);
  if (!validator) return usage_error;
  return options.jsonl ? validate_lines(options, *validator) : validate_one(options, *validator);
}

int run_check(const SchemaOptions& options) {
  const auto schema = read_file_source(options.schema);
  if (!schema) return usage_error;
  const auto compile = compile_options(options, *schema);
  if (!compile) return usage_error;
  const auto errors = schema::check_against_metaschema(schema->value(), options.pointer, *compile);
  if (!errors) {
    for (const auto& e : errors.errors()) {
      Error located = e;
      located.position = schema->position_of(e.loc);
      fmt::print(stderr, "{}:{}\n", schema->name(), to_string(located));
    }
    return usage_error;
  }
  if (!errors->empty()) {
    print_errors(*schema, *errors, "(the schema)", " against its meta-schema");
    return invalid_input;
  }
  // Valid against the meta-schema: it must compile too (references that lead nowhere, ...).
  if (!compile_schema(options, *schema)) return invalid_input;
  return ok;
}

void add_common(CLI::App* command, SchemaOptions& options) {
  command
      ->add_option("--dialect", options.dialect,
                   "Dialect of a schema without $schema: 2020-12 (the default; an OpenAPI "
                   "3.1 document's), 2019-09, or oas3.0 (an OpenAPI 3.0 document's)")
      ->check(CLI::IsMember({"2020-12", "2019-09", "oas3.0"}));
  // One URL=DIR per --map, so that `--map URL=DIR value.json` leaves the file to INSTANCE.
  command
      ->add_option("--map", options.maps,
                   "URL=DIR: read $refs to URIs that start with URL from the files under DIR "
                   "(repeatable)")
      ->allow_extra_args(false);
  command->add_option("--pointer", options.pointer,
                      "The schema at this JSON pointer in SCHEMA, e.g. /components/schemas/Pet");
}

}  // namespace

Command add_schema_command(CLI::App& app) {
  auto options = std::make_shared<SchemaOptions>();
  auto* command = app.add_subcommand(
      "schema", "JSON Schema: validate values against a schema, or check a schema");
  command->require_subcommand(1);

  auto* validate = command->add_subcommand(
      "validate", "Validate a JSON or YAML value against a JSON Schema: exit 0 valid, 1 invalid");
  validate
      ->add_option("SCHEMA", options->schema,
                   "The schema: JSON or YAML file (or an OpenAPI document with --pointer)")
      ->required();
  validate->add_option("INSTANCE", options->instance,
                       "The value: JSON or YAML file; - or absent for standard input");
  validate->add_flag("--jsonl", options->jsonl,
                     "INSTANCE holds one JSON value per line; print one verdict per line, "
                     "{\"valid\":true} or {\"valid\":false,\"errors\":[...]}");
  validate->add_flag("--format-assertion", options->format_assertion,
                     "Check `format` (date-time, email, uri, ...) instead of ignoring it");
  validate
      ->add_option("--errors", options->errors,
                   "How to report errors: text on stderr, or json (an array on stdout)")
      ->check(CLI::IsMember({"text", "json"}));
  add_common(validate, *options);
  validate->footer(
      "Exit status: 0 valid (with --jsonl: every line), 1 invalid, 2 bad options, unreadable "
      "files, a schema that does not compile (or with --jsonl a line that is not JSON).");

  auto* check = command->add_subcommand(
      "check", "Check a schema against its meta-schema ($schema, or --dialect) and compile it");
  check->add_option("SCHEMA", options->schema, "The schema: JSON or YAML file")->required();
  add_common(check, *options);
  check->footer(
      "Exit status: 0 valid, 1 invalid against its meta-schema or does not compile, 2 bad "
      "options or an unreadable file.");

  return {command, [options, validate] {
            return validate->parsed() ? run_validate(*options) : run_check(*options);
          }};
}

}  // namespace oaskit::cli
