#pragma once
// The rule families lint() runs, and the registry lookup they report through.

#include <string_view>

#include "oaskit/lint.hpp"

namespace oaskit::lint_detail {

class LintContext;

/// The registry entry of `id`, or null.
const RuleInfo* find_rule(std::string_view id);

// One function per family; each adds its findings to the context, whatever is enabled (lint()
// drops the disabled ones afterwards, which keeps the rules free of option checks).
void check_security(LintContext& context);
/// Fetches each OAuth2 scheme's oauth2MetadataUrl (only when LintOptions::allow_fetch) and
/// compares the flows' URLs with its endpoints.
void check_oauth2_metadata(LintContext& context, const HttpOptions& http);
void check_paths(LintContext& context);
void check_refs(LintContext& context);
void check_versions(LintContext& context);
void check_schemas(LintContext& context);
/// `field-unknown`: members that are neither fields nor `x-` extensions.
void check_fields(LintContext& context);
/// Fields of one object together: exclusions, a parameter's schema or content, locations.
void check_objects(LintContext& context);
/// `lint-unknown-rule`: ids in `x-oaskit-ignore` lists that name no rule.
void check_ignore_lists(LintContext& context);

/// Removes the findings that an `x-oaskit-ignore` on their node or one of its ancestors
/// lists.
void drop_ignored(const Document& doc, Diagnostics& findings);

}  // namespace oaskit::lint_detail
