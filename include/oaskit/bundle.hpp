#pragma once
/// Bundling: one self-contained JSON value of a document whose `$ref`s reach other files.

#include <boost/json/value.hpp>

#include "oaskit/diagnostic.hpp"
#include "oaskit/document.hpp"
#include "oaskit/result.hpp"

namespace oaskit {

/// How `bundle` works; nothing to choose yet (kept so options can be added without breaking
/// callers).
struct BundleOptions {};

/// The root file of `doc` as one JSON value that needs no other file:
///
/// - every `$ref` that reaches another file (or URL) becomes a local `#/components/<kind>/<Name>`
///   ref to a new entry, the kind chosen by the model the ref's place expects (`Schema` ->
///   `schemas`, `Parameter` -> `parameters`, ..., `PathItem` -> `pathItems`). OpenAPI 3.0 has
///   no `components.pathItems`, so there a Path Item from another file is copied in at its place;
/// - a name comes from the target (`models.json#/Pet` -> `Pet`, `pets.json` -> `pets`,
///   `x.json#/components/schemas/Pet` -> `Pet`), reduced to `[a-zA-Z0-9._-]` and made unique
///   with `_2`, `_3`, ... against the root's own components (which keep their names) and the
///   other new entries. One target reached from several places is one entry;
/// - a ref to a place inside a target that is itself an entry (`models.json#/Pet/properties/tag`
///   when `models.json#/Pet` is `Pet`) points into that entry
///   (`#/components/schemas/Pet/properties/tag`) instead of copying it again;
/// - inside the copies, refs are rewritten the same way; refs back into the root file become
///   `#/...` pointers to the root's place, so cycles between files stay cycles of local refs;
/// - the root's own refs to the root are kept as written, and member order and `x-`
///   extensions are kept everywhere.
///
/// Fails with the document's problems when it has any (an unresolved ref, a file that is not
/// the model its place needs): the result would not be self-contained or not valid.
/// \code
/// auto doc = oaskit::load("api.yaml");
/// if (!doc) return;
/// auto bundled = oaskit::bundle(*doc);
/// if (bundled) std::cout << boost::json::serialize(*bundled);
/// \endcode
Result<boost::json::value, Diagnostics> bundle(const Document& doc,
                                               const BundleOptions& options = {});

}  // namespace oaskit
