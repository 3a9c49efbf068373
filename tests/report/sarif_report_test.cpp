// sarif_report: a SARIF 2.1.0 log that GitHub code scanning accepts.

#include <gtest/gtest.h>

#include <array>
#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <set>
#include <string>
#include <vector>

#include "oaskit/report.hpp"
#include "oaskit/version.hpp"
#include "support/test_support.hpp"

namespace oaskit {
namespace {

using test::loc;

bool is_nonempty_string(const boost::json::value* v) {
  return v != nullptr && v->is_string() && !v->as_string().empty();
}

bool is_positive_integer(const boost::json::value* v) {
  return v != nullptr && ((v->is_int64() && v->as_int64() >= 1) || v->is_uint64());
}

// What GitHub's "SARIF support for code scanning" lists as required, and the SARIF schema's
// constraints on the same properties. Each problem is one line naming where it is.
std::vector<std::string> code_scanning_problems(const boost::json::value& log) {
  std::vector<std::string> problems;
  const auto need = [&](bool ok, const std::string& what) {
    if (!ok) problems.push_back(what);
  };
  boost::system::error_code ec;
  need(is_nonempty_string(log.find_pointer("/$schema", ec)), "$schema");
  const auto* version_value = log.find_pointer("/version", ec);
  need(version_value != nullptr && *version_value == "2.1.0", "version 2.1.0");
  const auto* runs = log.find_pointer("/runs", ec);
  need(runs != nullptr && runs->is_array(), "runs[]");
  if (runs == nullptr || !runs->is_array()) return problems;

  for (const auto& run : runs->as_array()) {
    need(is_nonempty_string(run.find_pointer("/tool/driver/name", ec)), "tool.driver.name");
    const auto* rules = run.find_pointer("/tool/driver/rules", ec);
    need(rules != nullptr && rules->is_array(), "tool.driver.rules[]");
    std::set<std::string> rule_ids;
    if (rules != nullptr && rules->is_array()) {
      for (const auto& rule : rules->as_array()) {
        const auto* id = rule.find_pointer("/id", ec);
        need(is_nonempty_string(id), "rule id");
        if (is_nonempty_string(id)) {
          need(rule_ids.insert(std::string(id->as_string())).second, "unique rule id");
        }
        need(is_nonempty_string(rule.find_pointer("/shortDescription/text", ec)),
             "rule shortDescription.text");
        need(is_nonempty_string(rule.find_pointer("/fullDescription/text", ec)),
             "rule fullDescription.text");
        const auto* level = rule.find_pointer("/defaultConfiguration/level", ec);
        need(level == nullptr || *level == "none" || *level == "note" || *level == "warning" ||
                 *level == "error",
             "rule defaultConfiguration.level");
      }
    }
    const auto* results = run.find_pointer("/results", ec);
    need(results != nullptr && results->is_array(), "results[]");
    if (results == nullptr || !results->is_array()) continue;
    for (const auto& result : results->as_array()) {
      const auto* rule_id = result.find_pointer("/ruleId", ec);
      need(is_nonempty_string(rule_id), "result ruleId");
      need(is_nonempty_string(result.find_pointer("/message/text", ec)), "result message.text");
      const auto* level = result.find_pointer("/level", ec);
      need(level == nullptr || *level == "none" || *level == "note" || *level == "warning" ||
               *level == "error",
           "result level");
      if (const auto* index = result.find_pointer("/ruleIndex", ec)) {
        const auto* rule = rules->as_array().if_contains(index->to_number<std::size_t>());
        need(rule != nullptr && rule_id != nullptr && rule->at("id") == *rule_id,
             "ruleIndex names the rule of ruleId");
      }
      const auto* locations = result.find_pointer("/locations", ec);
      need(locations != nullptr && locations->is_array() && !locations->as_array().empty() &&
               locations->as_array().size() <= 10,
           "result locations[] (1 to 10)");
      if (locations == nullptr || !locations->is_array()) continue;
      for (const auto& location : locations->as_array()) {
        need(
            is_nonempty_string(location.find_pointer("/physicalLocation/artifactLocation/uri", ec)),
            "physicalLocation.artifactLocation.uri");
        if (const auto* region = location.find_pointer("/physicalLocation/region", ec)) {
          need(is_positive_integer(region->as_object().if_contains("startLine")),
               "region.startLine");
          const auto* column = region->as_object().if_contains("startColumn");
          need(column == nullptr || is_positive_integer(column), "region.startColumn");
        }
      }
    }
  }
  return problems;
}

class SarifReport : public ::testing::Test {
 protected:
  const std::array<ReportRule, 2> rules{
      ReportRule{"security-undeclared-scheme", Severity::error,
                 "Security requirements name declared schemes."},
      ReportRule{"unused-component", Severity::info, "Components are used."}};
  const Diagnostics found{
      {Severity::warning, "unused-component", "Schema 'Pet' is never used", "specs/my api.json",
       loc("components", "schemas", "Pet"), TextPosition{120, 7, 5}},
      {Severity::error, "missing", "Field required", "specs\\shared.json", loc("info"),
       std::nullopt},
      {Severity::error, "security-undeclared-scheme", "no scheme 'oauth'", "./api.json",
       loc("security", 0, "oauth"), TextPosition{30, 2, 3}},
      {Severity::info, "missing", "Field required", "/home/me/a:b.json", {}, std::nullopt}};
  const boost::json::value log = boost::json::parse(sarif_report({found, {}, rules}));
  const boost::json::value& run = log.at("runs").at(0);
  const boost::json::array& results = run.at("results").as_array();

  const boost::json::value& artifact(std::size_t result) {
    return results.at(result).at("locations").at(0).at("physicalLocation").at("artifactLocation");
  }
};

TEST_F(SarifReport, Log_IsVersion210WithOneRunOfOaskit) {
  EXPECT_EQ(log.at("$schema"), "https://json.schemastore.org/sarif-2.1.0.json");
  EXPECT_EQ(log.at("version"), "2.1.0");
  EXPECT_EQ(log.at("runs").as_array().size(), 1U);
  EXPECT_EQ(run.at("tool").at("driver").at("name"), "oaskit");
  EXPECT_EQ(run.at("tool").at("driver").at("version").as_string(), version);
  EXPECT_EQ(run.at("columnKind"), "unicodeCodePoints");
}

TEST_F(SarifReport, Rules_AreTheGivenOnesThenEveryOtherRuleUsed) {
  const auto& driver_rules = run.at("tool").at("driver").at("rules");
  EXPECT_EQ(driver_rules.as_array().size(), 3U);
  EXPECT_EQ(driver_rules.at(0).at("id"), "security-undeclared-scheme");
  EXPECT_EQ(driver_rules.at(0).at("shortDescription").at("text"),
            "Security requirements name declared schemes.");
  EXPECT_EQ(driver_rules.at(0).at("defaultConfiguration").at("level"), "error");
  EXPECT_EQ(driver_rules.at(1).at("id"), "unused-component");
  EXPECT_EQ(driver_rules.at(1).at("defaultConfiguration").at("level"), "note");
  EXPECT_EQ(driver_rules.at(2).at("id"), "missing") << "used by a result, so described too";
  EXPECT_EQ(driver_rules.at(2).at("defaultConfiguration").at("level"), "error");
}

TEST_F(SarifReport, Results_NameTheirRuleByIdAndIndexAndMapInfoToNote) {
  const auto& driver_rules = run.at("tool").at("driver").at("rules");
  ASSERT_EQ(results.size(), 4U);
  for (const auto& result : results) {
    EXPECT_EQ(driver_rules.at(result.at("ruleIndex").to_number<std::size_t>()).at("id"),
              result.at("ruleId"));
  }
  EXPECT_EQ(results[0].at("level"), "warning");
  EXPECT_EQ(results[1].at("level"), "error");
  EXPECT_EQ(results[3].at("level"), "note");
  EXPECT_EQ(results[0].at("message").at("text"), "Schema 'Pet' is never used");
}

TEST_F(SarifReport, Locations_AreRelativeUriReferencesWithForwardSlashes) {
  EXPECT_EQ(artifact(0),
            boost::json::parse(R"({"uri": "specs/my%20api.json", "uriBaseId": "%SRCROOT%"})"));
  EXPECT_EQ(artifact(1).at("uri"), "specs/shared.json");
  EXPECT_EQ(artifact(2).at("uri"), "api.json");
  EXPECT_EQ(artifact(3), boost::json::parse(R"({"uri": "file:///home/me/a%3Ab.json"})"))
      << "absolute, so no base";
}

TEST_F(SarifReport, Regions_AreTheStartWhenKnownAndLeftOutOtherwise) {
  EXPECT_EQ(results[0].at("locations").at(0).at("physicalLocation").at("region"),
            boost::json::parse(R"({"startLine": 7, "startColumn": 5})"));
  EXPECT_FALSE(
      results[1].at("locations").at(0).at("physicalLocation").as_object().contains("region"));
}

TEST_F(SarifReport, Fingerprints_DoNotDependOnTheLine) {
  Diagnostics moved = found;
  moved[0].position = TextPosition{500, 19, 5};
  const boost::json::value moved_log = boost::json::parse(sarif_report({moved, {}, rules}));
  EXPECT_EQ(moved_log.at("runs").at(0).at("results").at(0).at("partialFingerprints"),
            results[0].at("partialFingerprints"));
  EXPECT_NE(results[0].at("partialFingerprints"), results[1].at("partialFingerprints"));
}

TEST_F(SarifReport, Log_MeetsWhatGitHubCodeScanningRequires) {
  EXPECT_EQ(code_scanning_problems(log), std::vector<std::string>{});
  const Diagnostics none;
  EXPECT_EQ(code_scanning_problems(boost::json::parse(sarif_report({none, {}, {}}))),
            std::vector<std::string>{});
}

}  // namespace
}  // namespace oaskit
