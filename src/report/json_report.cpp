// json_report: findings as one JSON object for scripts.

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>
#include <string>
#include <variant>

#include "oaskit/json.hpp"
#include "oaskit/report.hpp"
#include "report/severity_counts.hpp"

namespace oaskit {
namespace {

boost::json::object finding(const Diagnostic& d) {
  boost::json::object out;
  out["file"] = d.file;
  if (d.position) {
    out["line"] = d.position->line;
    out["column"] = d.position->column;
  }
  out["severity"] = to_string(d.severity);
  out["rule"] = d.rule;
  out["message"] = d.message;
  out["path"] = to_json_array(d.loc);
  return out;
}

}  // namespace

std::string json_report(const ReportInput& input) {
  boost::json::array findings;
  for (const Diagnostic& d : input.diagnostics) findings.emplace_back(finding(d));
  const detail::SeverityCounts counts = detail::count_by_severity(input.diagnostics);
  const boost::json::object report{
      {"diagnostics", std::move(findings)},
      {"summary", {{"error", counts.error}, {"warning", counts.warning}, {"info", counts.info}}}};
  return boost::json::serialize(report);
}

}  // namespace oaskit
