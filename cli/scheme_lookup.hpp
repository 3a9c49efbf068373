#pragma once
// A document's security scheme by name, following a $ref: for `oaskit security` and
// `oaskit token`.

#include <optional>
#include <string>

#include "oaskit/document.hpp"

namespace oaskit::cli {

/// The scheme `entry` (named `name` in components.securitySchemes) declares: itself when
/// inline, else what its $ref points at; nullopt when the reference leads nowhere valid.
std::optional<SecurityScheme> scheme_of(const Document& doc, const std::string& name,
                                        const OrReference<SecurityScheme>& entry);

}  // namespace oaskit::cli
