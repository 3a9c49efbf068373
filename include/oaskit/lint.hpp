#pragma once
/// Lint: the semantic checks a schema alone cannot do (undeclared security schemes and scopes,
/// path templates without their parameters, duplicate operation ids, unused components,
/// keywords of the wrong OpenAPI version, ...). docs/lint.md lists every rule.
///
/// \code
/// auto doc = oaskit::load("api.json");
/// if (!doc) { /* doc.errors(): the document could not be read at all */ }
/// for (const auto& finding : oaskit::lint(*doc, {.disabled = {"component-unused"}}))
///   std::cout << oaskit::to_string(finding) << '\n';
/// \endcode

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "oaskit/diagnostic.hpp"
#include "oaskit/document.hpp"
#include "oaskit/http_options.hpp"

namespace oaskit {

/// One lint rule, as the registry describes it.
struct RuleInfo {
  /// kebab-case, prefixed by its family (`security-`, `path-`, `ref-`, `version-`, ...).
  std::string_view id;
  Severity severity = Severity::warning;
  /// Off-by-default rules run only when named in LintOptions::enabled.
  bool on_by_default = true;
  /// One line, for `--help` and SARIF.
  std::string_view summary;
};

/// Every rule, in a stable order (by family, then id). The one place rule metadata lives.
std::span<const RuleInfo> lint_rules();

/// True when `id` is a lint rule (one of lint_rules()).
bool is_rule(std::string_view id);

/// Which rules run.
struct LintOptions {
  /// Rule ids not to report. Besides lint rules, a document's load problems can be switched
  /// off by their type (`missing`, `string_type`, ...).
  std::vector<std::string> disabled{};
  /// Rules that are off by default to run as well (`security-operation-unprotected`).
  std::vector<std::string> enabled{};
  /// Lets rules fetch what the document points at: `security-oauth2-metadata-mismatch` (and
  /// `-unavailable`) fetch each OAuth2 scheme's `oauth2MetadataUrl`. Off, lint never touches
  /// the network and those rules do not run (`oaskit check --allow-remote-refs` sets it).
  /// \code
  /// auto findings = oaskit::lint(*doc, {.allow_fetch = true});
  /// \endcode
  bool allow_fetch = false;
  /// How those fetches are made (timeout, size limit, CA file).
  HttpOptions http{};
};

/// Every finding about `doc`: its load problems (doc.problems(), under their own rule ids:
/// `ref-unresolved`, or the model error's type such as `missing`) plus the findings of every
/// enabled rule, sorted by file name, then position in the file. Findings inside an object
/// whose `x-oaskit-ignore` lists their rule are left out.
///
/// Unknown ids in `options` are not reported here: they are a usage error the caller checks
/// with is_rule() first.
Diagnostics lint(const Document& doc, const LintOptions& options = {});

}  // namespace oaskit
