#pragma once
/// Reading models from JSON text and writing them back.

#include <cstddef>
#include <cstdio>
#include <string>
#include <string_view>

#include "oaskit/field.hpp"
#include "oaskit/result.hpp"

namespace boost::json {
class array;
class value;
}  // namespace boost::json

namespace oaskit {

/// The deepest nesting of arrays and objects a parse accepts; deeper input is an error, never
/// a stack overflow.
inline constexpr std::size_t max_nesting_depth = 512;

/// Reads `json` as model `T` (any model in oaskit/models.hpp, or SecurityScheme, or `Any` for
/// any JSON value with the same checks and error positions) in one pass,
/// checking types, required fields and constraints. Returns the model, or every error found,
/// each with its `loc`, pydantic-style `type`, a message, and its line:column in `json`.
/// Syntax errors (bad JSON, invalid UTF-8, duplicate keys, nesting deeper than
/// max_nesting_depth) come back as `json_invalid`/`duplicate_key` errors with positions.
/// Thread-safe; each thread keeps one simdjson parser whose buffers grow to the largest
/// document that thread has read, so repeated parses allocate nothing for the text itself.
/// \code
/// auto doc = oaskit::parse<oaskit::OpenAPI>(text);
/// if (doc) std::cout << doc->info.title;
/// \endcode
template <class T>
Result<T> parse(std::string_view json);

/// Reads `value`, a JSON value already in memory (such as a Source's value()), as `T` with the
/// same checks as parse<T>, in one walk and without writing it out as text. The errors carry
/// their `loc` but no position: the caller knows where the value came from (Source::position_of).
/// `version` is the document's, for a part read on its own: a 3.1 Response needs its
/// `description`, a 3.2 one does not (an OpenAPI object's own `openapi` field decides for it,
/// as it does in parse<T>; other parts parse<T> reads as the latest version).
/// \code
/// auto scheme = oaskit::from_value<oaskit::SecurityScheme>(source.value());
/// \endcode
template <class T>
Result<T> from_value(const boost::json::value& value, SpecVersion version = spec_versions.back());

/// `loc` as pydantic writes it in JSON error lists: `["components", "schemas", 0]`.
boost::json::array to_json_array(const Path& loc);

/// How to_json lays out its output.
struct WriteOptions {
  /// Indent by 2 spaces, one member or item per line; otherwise compact.
  bool indent = false;
};

/// Writes `value` (a model, SecurityScheme, or `Any`) as JSON: declared fields in spec order
/// (absent optional fields left out, defaulted ones always written), then unknown members in
/// the order they were read. Doubles always keep a `.` or exponent, so they read back as
/// doubles.
template <class T>
std::string to_json(const T& value, WriteOptions options = {});

/// to_json's text, written to `out` as it is made, 64 KiB at a time, so that a large model's
/// text is never held whole. False when a write to `out` failed (errno says why); `out` is not
/// flushed.
template <class T>
bool write_json(const T& value, std::FILE* out, WriteOptions options = {});

}  // namespace oaskit
