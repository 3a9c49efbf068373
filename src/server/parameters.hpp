#pragma once
// Parameters as an operation declares them: where they are, how they are serialized (style,
// explode), and the schema their values are converted to and checked against. A request's
// values are read, converted and checked all at once, every problem reported (FastAPI's 422).

#include <boost/json/value.hpp>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "oaskit/model/parameter.hpp"
#include "oaskit/schema.hpp"
#include "oaskit/server.hpp"
#include "server/resolver.hpp"

namespace oaskit::server::detail {

/// What a parameter's text is converted to before its schema checks it: the JSON type its
/// schema names (a query string carries only text).
struct ValueRule {
  enum class Kind { string, integer, number, boolean, any } kind = Kind::any;
};

/// Form fields (application/x-www-form-urlencoded) by name, each converted as its property's
/// schema says.
using FormFields = std::map<std::string, ValueRule, std::less<>>;

struct ParameterRule {
  In in = In::query;
  std::string name;
  bool required = false;
  std::string style;  // form, simple, spaceDelimited, pipeDelimited, deepObject, label, matrix
  bool explode = false;
  bool is_array = false;
  bool json_content = false;  // `content` with a JSON media type: the value is JSON text
  bool form_content = false;  // `content` of application/x-www-form-urlencoded (querystring)
  FormFields form_fields{};   // with form_content: how each field converts
  ValueRule value{};          // the value, or an array's items
  std::optional<boost::json::value> default_value{};
  /// The parameter's whole schema (or its `content` schema), run on the converted value.
  std::optional<schema::Validator> validator{};
};

/// The style the server reads `rule` with: its own when the server reads it (simple, form, and in
/// the query spaceDelimited and pipeDelimited), else its location's default (form in the query
/// and cookies, simple in paths and headers), which prepare() warns of.
[[nodiscard]] std::string_view style_read(const ParameterRule& rule);

/// The validator for the schema at a JSON pointer in the document; nullopt when it does not
/// compile (the compiler has said why).
using SchemaCompiler = std::function<std::optional<schema::Validator>(const std::string& pointer)>;

/// The rule for `parameter`, written at `pointer` in the document; an error message for what
/// this server cannot read (a schema reference that leads nowhere).
[[nodiscard]] Result<ParameterRule, std::string> compile_parameter(
    const Parameter& parameter, std::string_view pointer, const Resolver& resolver,
    const SchemaCompiler& compile_schema);

/// `text` as a value of `kind` (pydantic's lax rules: "+1", "yes"); nullopt when it is not one.
[[nodiscard]] std::optional<boost::json::value> converted(ValueRule::Kind kind,
                                                          std::string_view text);

/// What `schema` converts text to: its type when that is integer, number, boolean or string.
[[nodiscard]] ValueRule value_rule_of(const Schema& schema);

/// How the fields of a form whose schema is `schema` convert: by its properties.
[[nodiscard]] FormFields form_fields_of(const SchemaOrBool& schema, const Resolver& resolver);

/// A form (application/x-www-form-urlencoded, as `text`) as an object: each field converted as
/// `fields` says (text otherwise, so that the schema reports it), repeated fields as arrays.
[[nodiscard]] boost::json::value form_object(const FormFields& fields, std::string_view text);

/// `errors` of `value` as the 422 lists them, each `loc` starting with `prefix`; `raw` (when
/// given) is the text the value was converted from, shown as the input as FastAPI does.
void add_schema_errors(const schema::Validator& validator,
                       std::span<const schema::ValidationError> errors,
                       const boost::json::value& value, const Path& prefix,
                       const std::vector<std::string>* raw, std::vector<ValidationError>& out);

/// The raw values a request carries, by where they are.
struct RawParameters {
  std::vector<std::pair<std::string, std::string>> path;   // decoded
  std::vector<std::pair<std::string, std::string>> query;  // decoded, in order, repeats kept
  std::string_view query_string;                           // as sent, without '?' (querystring)
  const security::RequestView* view = nullptr;             // headers and cookies
};

/// Splits and decodes a query string (no leading '?'): '+' is a space; a pair with an invalid
/// %-escape is kept undecoded (and then usually fails its parameter's checks, with its input).
[[nodiscard]] std::vector<std::pair<std::string, std::string>> parse_query(std::string_view query);

/// Reads every rule's value from `raw`, appending a Parameter to `values` for each and a
/// ValidationError for each problem.
void read_parameters(const std::vector<ParameterRule>& rules, const RawParameters& raw,
                     std::vector<Request::Parameter>& values, std::vector<ValidationError>& errors);

}  // namespace oaskit::server::detail
