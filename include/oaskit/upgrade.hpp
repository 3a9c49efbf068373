#pragma once
/// Upgrading a document to a newer version of OpenAPI where the change is mechanical.

#include <boost/json/value.hpp>

#include "oaskit/diagnostic.hpp"
#include "oaskit/document.hpp"
#include "oaskit/result.hpp"

namespace oaskit {

/// A document upgraded by `upgrade_to_3_2`, and what was done and left.
struct Upgrade {
  /// The root file as JSON, with the changes below and nothing else: key order, `x-`
  /// extensions and every other value as written.
  boost::json::value document;
  /// One info per change, at its place: "`attribute: true` is now `nodeType: attribute`".
  Diagnostics changed;
  /// One warning per thing 3.2 offers that only a person can decide on, at its place (rule
  /// `upgrade-not-done`): nothing there was changed.
  Diagnostics not_done;
};

/// The root file of `doc`, an OpenAPI 3.1 document, as a 3.2 document. The mechanical changes:
///
/// - `openapi` becomes `3.2.0`;
/// - each XML Object's deprecated `attribute: true` becomes `nodeType: attribute` and
///   `wrapped: true` becomes `nodeType: element` (as 3.2.0's XML Object says), where the old
///   field was; `attribute: false` and `wrapped: false`, the defaults, are dropped.
///
/// Left for a person, each with a warning at its place: cookie parameters with style `form`
/// (3.2's `style: cookie` is how browsers send cookies, but it serializes differently), tags
/// with Redoc's `x-displayName` (3.2's `summary`) and `x-tagGroups` (3.2's `parent` and
/// `kind`), a `jsonSchemaDialect` naming 3.1's dialect, an XML Object with both `nodeType` and
/// the fields it replaces, and the other files that `$ref`s reach (written as they are: 3.2
/// reads them).
///
/// A 3.2 document comes back unchanged. A 3.0 document is an error (`upgrade-from-3.0`): going
/// to 3.1 is not mechanical (`nullable`, boolean `exclusiveMinimum`, `example` in schemas).
Result<Upgrade, Diagnostics> upgrade_to_3_2(const Document& doc);

}  // namespace oaskit
