#pragma once
/// Reports: diagnostics written for people (text with the source line and a caret) and for
/// machines (JSON, and SARIF 2.1.0 for GitHub code scanning). Used by `oaskit check`.
///
/// \code
/// auto doc = oaskit::load("api.yaml");
/// const oaskit::Diagnostics& found = doc ? doc->problems() : doc.errors();
/// oaskit::ReportInput input{found, [&](std::string_view file) -> const oaskit::Source* {
///   if (!doc) return nullptr;
///   for (const auto& source : doc->sources())
///     if (source->name() == file) return source.get();
///   return nullptr;
/// }};
/// std::cout << oaskit::text_report(input, oaskit::stdout_supports_color());
/// \endcode

#include <functional>
#include <span>
#include <string>
#include <string_view>

#include "oaskit/diagnostic.hpp"

namespace oaskit {

class Source;

/// What a report says about a rule (SARIF's `rules` array): the lint module's `lint_rules()`
/// maps onto it one to one.
struct ReportRule {
  std::string_view id;
  /// The severity the rule reports at unless configured otherwise.
  Severity severity = Severity::warning;
  /// One sentence: what the rule checks.
  std::string_view summary;
};

/// Everything a report is made from. Holds references: the diagnostics, the sources
/// `source_of` returns and the rules must outlive the call that writes the report.
struct ReportInput {
  const Diagnostics& diagnostics;
  /// Finds a file's text by Diagnostic::file, for showing the source line; may return
  /// nullptr (a file that could not be read), and the report then shows no source line.
  std::function<const Source*(std::string_view file)> source_of;
  /// The rules that ran; may be empty. Rules that findings use but that are not listed here
  /// are still described (SARIF needs every result's rule).
  std::span<const ReportRule> rules;
};

/// For people. Per finding one line `file:line:col: severity[rule]: message` (with
/// ` (at a → b)` added when the line is unknown but the place in the document is), then the
/// source line and a caret under the column:
///
///     api.json:3:12: error[missing]: Field required
///       "info": {"title": "t"},
///                ^
///
/// Columns count characters, so the caret lines up after multi-byte UTF-8; tabs before the
/// column are repeated in the caret line so it lines up however wide the terminal draws them.
/// Lines longer than 100 characters are cut to a window around the column, with `…` where
/// text was left out. Control characters from the document are shown as `?`, so a document
/// cannot send escape sequences to the terminal. With `color`, ANSI colours: the location
/// bold, errors red, warnings yellow, infos blue. Ends with `N errors, M warnings, K infos in
/// F files` (singular for 1), or `no findings`.
std::string text_report(const ReportInput& input, bool color);

/// For scripts. Compact JSON:
/// `{"diagnostics":[{"file":"api.json","line":3,"column":12,"severity":"error",
///   "rule":"missing","message":"…","path":["info","version"]}, …],
///   "summary":{"error":1,"warning":0,"info":0}}`. `line` and `column` are left out when
/// unknown; `path` holds member names as strings and array indices as integers.
std::string json_report(const ReportInput& input);

/// For GitHub code scanning and other SARIF viewers: a SARIF 2.1.0 log with one run.
/// `tool.driver` names oaskit and its version and lists every rule (those in
/// `input.rules`, then any other rule a finding uses); each result names its rule by
/// `ruleId` and `ruleIndex`, maps info to `note`, and is located by a URI: relative paths
/// stay relative (forward slashes, percent-encoded, `uriBaseId` `%SRCROOT%`), absolute
/// paths become `file://` URIs. Results without a line have no `region`. Columns are
/// counted in Unicode code points (`columnKind`). Each result carries a
/// `partialFingerprints` entry made of its rule, file and JSON pointer (not its line), so
/// GitHub keeps one alert per finding while the file around it changes.
std::string sarif_report(const ReportInput& input);

/// True when standard output is a terminal, `NO_COLOR` is unset or empty
/// (https://no-color.org) and `TERM` is not `dumb`.
bool stdout_supports_color();

}  // namespace oaskit
