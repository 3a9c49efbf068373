#pragma once
/// JSON Schema validation: a schema compiled once into a validator, then run on many values.
///
/// Dialects: JSON Schema 2020-12 (OpenAPI 3.1's), 2019-09, and OpenAPI 3.0's Schema Object.
/// The official 2020-12 and 2019-09 meta-schemas are built in, so `$schema` and `$ref`s to them
/// work offline.
/// \code
/// auto validator = oaskit::schema::Validator::compile(boost::json::parse(R"({
///   "type": "object", "required": ["name"],
///   "properties": {"name": {"type": "string", "minLength": 1}}})"));
/// if (!validator) return;  // validator.errors(): where the schema is wrong
/// for (const auto& e : validator->validate(boost::json::parse(R"({"name": ""})")))
///   std::cerr << e.instance_location << ": " << e.message << '\n';
/// \endcode

#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "oaskit/result.hpp"

namespace boost::json {
class array;
class object;
class value;
}  // namespace boost::json

namespace oaskit {
struct Schema;
}

namespace oaskit::schema {

/// Which rules a schema is read by, when it does not say with `$schema`.
enum class Dialect {
  draft2020_12,  ///< JSON Schema 2020-12, OpenAPI 3.1's default
  draft2019_09,  ///< JSON Schema 2019-09
  oas3_0,        ///< OpenAPI 3.0's Schema Object: `nullable`, boolean exclusive bounds
};

/// "2020-12", "2019-09" or "oas3.0" (as the CLI's --dialect takes them); nullopt otherwise.
std::optional<Dialect> dialect_from_name(std::string_view name);

/// The dialect of the schemas in an OpenAPI document: OpenAPI 3.0's for `openapi: 3.0.x`;
/// for 3.1.x and 3.2.x JSON Schema 2020-12, or 2019-09 when `jsonSchemaDialect` names it.
/// nullopt when `document` is not an OpenAPI 3.0, 3.1 or 3.2 document.
std::optional<Dialect> openapi_dialect(const boost::json::value& document);

/// What compiling reads and how validation behaves.
struct CompileOptions {
  /// The dialect of a schema without `$schema` (a document's `jsonSchemaDialect`, or the one its
  /// `openapi` version implies).
  Dialect dialect = Dialect::draft2020_12;
  /// `format` is an annotation unless this is set (or the meta-schema asks for the
  /// format-assertion vocabulary): then date-time, email, ipv4, uri, ... are checked.
  bool format_assertion = false;
  /// The schema's own URI, the base its relative `$ref`s and `$id`s resolve against. Empty: a
  /// placeholder (`oaskit:/schema.json`), so relative references stay within the schema.
  std::string base_uri;
  /// `$ref`s to a URI that starts with `.first` are read (JSON or YAML) from the file under
  /// `.second` named by the rest of the URI: how local copies of remote schemas are used.
  std::vector<std::pair<std::string, std::filesystem::path>> map;
  /// Other schema documents known by their URI (a `$ref` to `uri#/x` then reads them).
  std::function<const boost::json::value*(std::string_view uri)> resolve;
  /// When set, a keyword whose value is not what the dialect allows (`exclusiveMinimum: true`
  /// in 2020-12, a `pattern` that is not a regular expression) does not fail the compile: it
  /// is ignored and reported here. References that lead nowhere and reference cycles are still
  /// errors.
  Errors* warnings = nullptr;
  /// Deepest nesting of schemas (and of in-place references when validating) before the
  /// schema is refused or the validation stops with an error instead of exhausting the stack.
  std::size_t max_depth = 256;
};

/// One way a value fails its schema. Its strings are views: `keyword` and `type` of static
/// text, the others of the ValidationErrors that holds it, so they live as long as that does
/// (copy them into std::string to keep them longer). Views let a validation write all its
/// errors' text into a few blocks instead of allocating each string.
struct ValidationError {
  /// Where in the value, as a JSON pointer ("" for the value itself, "/items/0/name").
  std::string_view instance_location{};
  /// The failing keyword's path from the root schema, through the `$ref`s followed
  /// ("/properties/pet/$ref/required").
  std::string_view keyword_location{};
  /// Where that keyword is written: an absolute URI with a JSON-pointer fragment
  /// ("https://example.com/pet.json#/required"), the same wherever it was reached from.
  std::string_view absolute_keyword_location{};
  /// The keyword: "required", "type", "pattern", ...
  std::string_view keyword{};
  /// pydantic's name for this kind of error where one fits: `missing`, `string_type`,
  /// `string_too_short`, `greater_than_equal`, `literal_error`, `extra_forbidden`, ...
  std::string_view type{};
  /// A sentence a person can act on: what is wrong and what would be valid.
  std::string_view message{};
  /// For `required` and `dependentRequired`: the member that is missing (the instance
  /// location is the object that lacks it, as the specification's output has it).
  std::string_view missing_property{};
  friend bool operator==(const ValidationError&, const ValidationError&) = default;
};

/// The errors of a validation, in order, and the text their views point into. A sequence
/// like a vector's (size, [], iteration, front, back) and a contiguous range, so
/// `std::span<const ValidationError>` takes it. Moving keeps the views valid; copying copies
/// the text.
class ValidationErrors {
 public:
  using value_type = ValidationError;
  using const_iterator = std::vector<ValidationError>::const_iterator;
  using iterator = const_iterator;

  ValidationErrors() = default;
  ValidationErrors(const ValidationErrors& other);
  ValidationErrors& operator=(const ValidationErrors& other);
  ValidationErrors(ValidationErrors&& other) noexcept;
  ValidationErrors& operator=(ValidationErrors&& other) noexcept;
  ~ValidationErrors() = default;

  [[nodiscard]] std::size_t size() const noexcept { return list_.size(); }
  [[nodiscard]] bool empty() const noexcept { return list_.empty(); }
  [[nodiscard]] const ValidationError* data() const noexcept { return list_.data(); }
  [[nodiscard]] const_iterator begin() const noexcept { return list_.begin(); }
  [[nodiscard]] const_iterator end() const noexcept { return list_.end(); }
  [[nodiscard]] const ValidationError& operator[](std::size_t i) const { return list_[i]; }
  [[nodiscard]] const ValidationError& front() const { return list_.front(); }
  [[nodiscard]] const ValidationError& back() const { return list_.back(); }

  /// Appends a copy of `error`, its text copied into this object.
  void push_back(const ValidationError& error);
  /// Copies `text` into this object's blocks: a view that lives as long as this object.
  std::string_view keep(std::string_view text);

 private:
  friend struct detail_access;
  /// At least `size` bytes to write text into, to be kept by `written`.
  char* room(std::size_t size);
  std::string_view written(std::size_t size);
  std::vector<ValidationError> list_;
  /// The text, in blocks that never move once written (the first apart, so that a
  /// validation with few errors allocates no list of blocks).
  std::unique_ptr<char[]> first_block_;
  std::vector<std::unique_ptr<char[]>> more_blocks_;
  char* free_ = nullptr;
  std::size_t left_ = 0;
};

namespace detail {
struct Program;
struct Node;
}  // namespace detail

class SchemaSet;

/// A compiled schema: immutable, cheap to copy (it shares what it compiled), and safe to use
/// from many threads at once.
class Validator {
 public:
  /// Compiles `schema` (an object or a boolean). Errors, each at its place in the schema: a
  /// keyword of the wrong type, a `$ref` that leads nowhere, a `pattern` that is not a
  /// regular expression, references that go round without reading any of the value (`A` is
  /// `{$ref: B}` and `B` is `{$ref: A}`), nesting deeper than `max_depth`.
  static Result<Validator> compile(const boost::json::value& schema,
                                   const CompileOptions& options = {});
  /// Compiles the schema at `pointer` (a JSON pointer, e.g. "/components/schemas/Pet") inside
  /// `document`, whose other parts its `$ref`s may reach ("#/components/schemas/Tag").
  static Result<Validator> compile(const boost::json::value& document, std::string_view pointer,
                                   const CompileOptions& options = {});
  /// Compiles a Schema model (as its JSON).
  static Result<Validator> compile(const Schema& schema, const CompileOptions& options = {});

  /// True when `instance` is valid: stops at the first failure.
  [[nodiscard]] bool is_valid(const boost::json::value& instance) const;
  /// Every failure, in the order the schema's keywords are written; empty when valid.
  [[nodiscard]] ValidationErrors validate(const boost::json::value& instance) const;

  /// The errors as FastAPI lists them in a 422 body's `detail`: `{"type", "loc", "msg",
  /// "input"}` each, with pydantic's messages and `ctx` where pydantic has them ("Input should
  /// be greater than or equal to 1", `{"ge": 1}`, read from the failing keyword in the schema),
  /// `loc` being `prefix` followed by the instance location's steps (and a missing member's
  /// name) and `input` the failing part of `instance` (for a missing member, the object that
  /// lacks it). `errors` are this validator's, for `instance`.
  [[nodiscard]] boost::json::array pydantic_errors(std::span<const ValidationError> errors,
                                                   const boost::json::value& instance,
                                                   const boost::json::array& prefix) const;

  /// The value of the keyword `error` names (its absolute_keyword_location), or null.
  [[nodiscard]] const boost::json::value* keyword_value(const ValidationError& error) const;

 private:
  friend class SchemaSet;
  Validator(std::shared_ptr<const detail::Program> program, const detail::Node* root)
      : program_(std::move(program)), root_(root) {}
  std::shared_ptr<const detail::Program> program_;
  const detail::Node* root_ = nullptr;
};

/// Validates the schema at `pointer` in `document` against its meta-schema: the one its
/// `$schema` names, else the dialect's (2020-12 or 2019-09; OpenAPI 3.0's dialect has none, so
/// nothing is found). The errors' instance locations are places in the schema. Fails (errors
/// with their place) when the meta-schema cannot be compiled, e.g. an unknown `$schema`.
Result<ValidationErrors> check_against_metaschema(const boost::json::value& document,
                                                  std::string_view pointer,
                                                  const CompileOptions& options = {});

/// Many schemas of one document (an OpenAPI document's request bodies, parameters and
/// responses) compiled into one program, so that what they share (components, the document
/// itself) is read and compiled once.
/// \code
/// oaskit::schema::SchemaSet schemas(document, {.dialect =
/// *oaskit::schema::openapi_dialect(document)}); auto pet =
/// schemas.compile("/components/schemas/Pet"); auto order =
/// schemas.compile("/paths/~1store~1order/post/requestBody/content/application~1json/schema");
/// \endcode
/// Compile everything before validating on other threads: a compile may add to what earlier
/// validators share.
class SchemaSet {
 public:
  explicit SchemaSet(boost::json::value document, CompileOptions options = {});
  ~SchemaSet();
  SchemaSet(SchemaSet&&) noexcept;
  SchemaSet& operator=(SchemaSet&&) noexcept;

  /// The validator for the schema at `pointer` (a JSON pointer into the document); errors at
  /// their place, as Validator::compile.
  Result<Validator> compile(std::string_view pointer);
  /// The document (the set's own copy).
  [[nodiscard]] const boost::json::value& document() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// JSON Schema 2020-12's "basic" output (§12.4.2): `{"valid": false, "errors": [{
/// "keywordLocation", "absoluteKeywordLocation", "instanceLocation", "error"}, ...]}`.
boost::json::object basic_output(std::span<const ValidationError> errors);

}  // namespace oaskit::schema
