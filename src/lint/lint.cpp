// lint(): the load problems plus every rule family's findings, minus what is switched off,
// in file and position order.

#include "oaskit/lint.hpp"

#include <algorithm>
#include <set>
#include <tuple>

#include "lint/lint_context.hpp"
#include "lint/rules.hpp"

namespace oaskit {

namespace {

bool contains(const std::vector<std::string>& ids, std::string_view id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

bool is_enabled(std::string_view rule, const LintOptions& options) {
  if (contains(options.disabled, rule)) return false;
  const RuleInfo* info = lint_detail::find_rule(rule);
  // Load problems (`missing`, `string_type`, ...) are not lint rules and always on.
  return info == nullptr || info->on_by_default || contains(options.enabled, rule);
}

// The same finding can be reached twice (a part of another file that two references share
// is checked once, but a rule that looks through references may see it from both).
void remove_repeats(Diagnostics& findings) {
  std::set<std::tuple<std::string, std::string, std::string, std::string>> seen;
  std::erase_if(findings, [&](const Diagnostic& d) {
    return !seen.emplace(d.rule, d.file, to_json_pointer(d.loc), d.message).second;
  });
}

void sort_by_place(Diagnostics& findings) {
  std::stable_sort(findings.begin(), findings.end(), [](const Diagnostic& a, const Diagnostic& b) {
    auto key = [](const Diagnostic& d) {
      return std::tuple(std::string_view(d.file), d.position.has_value(),
                        d.position ? d.position->line : 0, d.position ? d.position->column : 0);
    };
    return key(a) < key(b);
  });
}

}  // namespace

Diagnostics lint(const Document& doc, const LintOptions& options) {
  lint_detail::LintContext context(doc);
  Diagnostics& findings = context.findings();
  findings = doc.problems();
  lint_detail::check_security(context);
  if (options.allow_fetch && (is_enabled("security-oauth2-metadata-mismatch", options) ||
                              is_enabled("security-oauth2-metadata-unavailable", options))) {
    lint_detail::check_oauth2_metadata(context, options.http);
  }
  lint_detail::check_paths(context);
  lint_detail::check_refs(context);
  lint_detail::check_versions(context);
  lint_detail::check_schemas(context);
  lint_detail::check_fields(context);
  lint_detail::check_objects(context);
  lint_detail::check_ignore_lists(context);

  std::erase_if(findings, [&](const Diagnostic& d) { return !is_enabled(d.rule, options); });
  lint_detail::drop_ignored(doc, findings);
  remove_repeats(findings);
  context.place_findings();
  sort_by_place(findings);
  return std::move(findings);
}

}  // namespace oaskit
