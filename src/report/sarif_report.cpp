// sarif_report: findings as a SARIF 2.1.0 log, in the subset GitHub code scanning reads.

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>
#include <boost/url/encode.hpp>
#include <boost/url/grammar/lut_chars.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>
#include <cctype>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "oaskit/report.hpp"
#include "oaskit/version.hpp"

namespace oaskit {
namespace {

constexpr std::string_view sarif_schema = "https://json.schemastore.org/sarif-2.1.0.json";
// Where SARIF viewers link the tool's name. The project has no published home yet; this is
// the expected one, to be confirmed (or changed here) before the first release.
constexpr std::string_view information_uri = "https://github.com/oaskit/oaskit";

std::string_view sarif_level(Severity severity) {
  switch (severity) {
    case Severity::error:
      return "error";
    case Severity::warning:
      return "warning";
    case Severity::info:
      return "note";
  }
  return "warning";
}

// Path characters kept as they are in a URI: the unreserved ones and the separator. Everything
// else is percent-encoded, `:` included, so a relative path's first segment never reads as a
// scheme.
constexpr auto path_characters = boost::urls::unreserved_chars + '/';

std::string encode_path(std::string_view path) {
  return boost::urls::encode(path, path_characters);
}

bool is_windows_drive_path(std::string_view path) {
  return path.size() >= 3 && std::isalpha(static_cast<unsigned char>(path[0])) != 0 &&
         path[1] == ':' && path[2] == '/';
}

// SARIF's artifactLocation for a Diagnostic::file. GitHub maps relative URIs onto the
// repository, so paths as the user named them stay relative (to %SRCROOT%, the folder the
// check ran in); absolute paths and fetched URLs stay absolute.
boost::json::object artifact_location(std::string_view file) {
  if (file.starts_with("http://") || file.starts_with("https://")) return {{"uri", file}};
  std::string path(file);
  for (char& c : path) {
    if (c == '\\') c = '/';  // a path written on Windows
  }
  if (path.starts_with('/')) return {{"uri", "file://" + encode_path(path)}};
  if (is_windows_drive_path(path)) return {{"uri", "file:///" + encode_path(path)}};
  std::string_view relative = path;
  while (relative.starts_with("./")) relative.remove_prefix(2);
  return {{"uri", encode_path(relative)}, {"uriBaseId", "%SRCROOT%"}};
}

// The rules array: the rules given, then each other rule a finding uses, in order of use.
struct RuleTable {
  boost::json::array descriptors;
  std::vector<std::string> ids;

  void add(std::string_view id, Severity severity, std::string_view summary) {
    ids.emplace_back(id);
    // GitHub shows shortDescription and fullDescription at the top of an alert and help
    // below it; with one sentence per rule, all three say the same.
    descriptors.emplace_back(
        boost::json::object{{"id", id},
                            {"shortDescription", {{"text", summary}}},
                            {"fullDescription", {{"text", summary}}},
                            {"help", {{"text", summary}}},
                            {"defaultConfiguration", {{"level", sarif_level(severity)}}}});
  }

  [[nodiscard]] std::optional<std::size_t> index_of(std::string_view id) const {
    for (std::size_t i = 0; i < ids.size(); ++i) {
      if (ids[i] == id) return i;
    }
    return std::nullopt;
  }
};

RuleTable rule_table(const ReportInput& input) {
  RuleTable table;
  for (const ReportRule& rule : input.rules) {
    if (!table.index_of(rule.id)) table.add(rule.id, rule.severity, rule.summary);
  }
  for (const Diagnostic& d : input.diagnostics) {
    // A finding that is no lint rule (a load error such as `missing`) has no summary of its
    // own; its id is the best short description there is.
    if (!table.index_of(d.rule)) table.add(d.rule, d.severity, d.rule);
  }
  return table;
}

boost::json::object result(const Diagnostic& d, std::size_t rule_index) {
  boost::json::object artifact = artifact_location(d.file);
  // Rule, file (as its URI, so `a\b` and `a/b` agree) and place in the document, but not the
  // line: the alert stays one alert while lines are added above it.
  const std::string fingerprint =
      d.rule + '|' + std::string(artifact.at("uri").as_string()) + '|' + to_json_pointer(d.loc);
  boost::json::object physical_location{{"artifactLocation", std::move(artifact)}};
  if (d.position) {
    physical_location["region"] = {{"startLine", d.position->line},
                                   {"startColumn", d.position->column}};
  }
  boost::json::array locations;
  // A finding in no file (none was named) has no place a viewer could show.
  if (!d.file.empty()) {
    locations.emplace_back(boost::json::object{{"physicalLocation", std::move(physical_location)}});
  }
  return {{"ruleId", d.rule},
          {"ruleIndex", rule_index},
          {"level", sarif_level(d.severity)},
          {"message", {{"text", d.message}}},
          {"locations", std::move(locations)},
          {"partialFingerprints", {{"oaskitFinding/v1", fingerprint}}}};
}

}  // namespace

std::string sarif_report(const ReportInput& input) {
  RuleTable rules = rule_table(input);
  boost::json::array results;
  for (const Diagnostic& d : input.diagnostics) {
    results.emplace_back(result(d, *rules.index_of(d.rule)));
  }
  boost::json::object driver{{"name", "oaskit"},
                             {"version", version},
                             {"informationUri", information_uri},
                             {"rules", std::move(rules.descriptors)}};
  boost::json::object run{{"tool", {{"driver", std::move(driver)}}},
                          // TextPosition columns count characters, not SARIF's default UTF-16.
                          {"columnKind", "unicodeCodePoints"},
                          {"results", std::move(results)}};
  boost::json::array runs;
  runs.emplace_back(std::move(run));
  const boost::json::object log{
      {"$schema", sarif_schema}, {"version", "2.1.0"}, {"runs", std::move(runs)}};
  return boost::json::serialize(log);
}

}  // namespace oaskit
