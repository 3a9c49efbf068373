#pragma once
/// Choosing a model by its name at run time, for tools such as the `oaskit model` command.

#include <cstdio>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "oaskit/json.hpp"
#include "oaskit/result.hpp"

namespace oaskit {

/// The names parse_as accepts, as in fastapi.openapi.models: "Contact", ..., "SecurityScheme",
/// "OpenAPI" (plus "MutualTLS").
std::span<const std::string_view> model_names();

/// Parses `json` as the model called `model_name` and writes it back with `options`: the
/// model's JSON, or the errors found. Nothing when no model has that name.
/// \code
/// auto out = oaskit::parse_as("OAuthFlows", text);
/// if (out && *out) std::cout << **out;
/// \endcode
std::optional<Result<std::string>> parse_as(std::string_view model_name, std::string_view json,
                                            WriteOptions options = {});

/// The same for a JSON value already in memory (from_value): how `oaskit model` reads YAML,
/// whose reader gives a value, not JSON text. The errors carry no position.
std::optional<Result<std::string>> read_as(std::string_view model_name,
                                           const boost::json::value& value,
                                           WriteOptions options = {});

/// parse_as and read_as writing the model's JSON to `out` as it is made (write_json), never
/// holding its whole text: for large documents. The errors, or whether every write to `out`
/// succeeded (false: see errno).
std::optional<Result<bool>> parse_as(std::string_view model_name, std::string_view json,
                                     std::FILE* out, WriteOptions options = {});
std::optional<Result<bool>> read_as(std::string_view model_name, const boost::json::value& value,
                                    std::FILE* out, WriteOptions options = {});

}  // namespace oaskit
