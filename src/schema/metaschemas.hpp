#pragma once
// The official JSON Schema 2020-12 and 2019-09 meta-schemas and their vocabularies' schemas,
// built into the library (from Debian's python3-jsonschema, embedded by the build), so that
// `$schema` and `$ref`s to https://json-schema.org/draft/... work offline.

#include <boost/json/value.hpp>

#include <string_view>

namespace oaskit::schema::detail {

/// The meta-schema whose `$id` is `uri` (without fragment), or null.
const boost::json::value* builtin_metaschema(std::string_view uri);

}  // namespace oaskit::schema::detail
