#pragma once
// Parameters as an operation declares them: where they are, how they are serialized (style,
// explode), and the schema their values are converted to and checked against. A request's
// values are read, converted and checked all at once, every problem reported (FastAPI's 422).

#include <boost/json/value.hpp>
#include <boost/regex.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "oaskit/model/parameter.hpp"
#include "oaskit/server.hpp"
#include "server/resolver.hpp"

namespace oaskit::server::detail {

/// What a value must be: one JSON type and the simple constraints of its schema.
struct ValueRule {
  enum class Kind { string, integer, number, boolean, any } kind = Kind::any;
  bool nullable = false;
  std::vector<boost::json::value> allowed{};  // enum (and const); empty: any
  std::optional<double> minimum{}, maximum{}, exclusive_minimum{}, exclusive_maximum{};
  std::optional<std::int64_t> min_length{}, max_length{};
  std::optional<std::string> pattern{};
  std::optional<boost::regex> compiled_pattern{};  // ECMAScript syntax
};

struct ParameterRule {
  In in = In::query;
  std::string name;
  bool required = false;
  std::string style;  // form, simple, spaceDelimited, pipeDelimited, deepObject, label, matrix
  bool explode = false;
  bool is_array = false;
  bool json_content = false;  // `content` with a JSON media type: the value is JSON text
  ValueRule value{};          // the value, or an array's items
  std::optional<std::int64_t> min_items{}, max_items{};
  std::optional<boost::json::value> default_value{};
};

/// The style the server reads `rule` with: its own when the server reads it (simple, form, and in
/// the query spaceDelimited and pipeDelimited), else its location's default (form in the query
/// and cookies, simple in paths and headers), which prepare() warns of.
[[nodiscard]] std::string_view style_read(const ParameterRule& rule);

/// The rule for `parameter`; an error message for what this server cannot read (a schema
/// reference that leads nowhere, a pattern that is not a regular expression).
[[nodiscard]] Result<ParameterRule, std::string> compile_parameter(const Parameter& parameter,
                                                                   const Resolver& resolver);

/// The raw values a request carries, by where they are.
struct RawParameters {
  std::vector<std::pair<std::string, std::string>> path;   // decoded
  std::vector<std::pair<std::string, std::string>> query;  // decoded, in order, repeats kept
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
