// json_report: one JSON object with every finding and the counts.

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include "oaskit/report.hpp"
#include "support/test_support.hpp"

namespace oaskit {
namespace {

using test::loc;

TEST(JsonReport, EachFinding_HasItsFieldsAndPathOfNamesAndIndices) {
  const Diagnostics found{
      {Severity::error, "missing", "Field required", "api.json", loc("paths", "/a", "get", 0),
       TextPosition{40, 3, 11}},
      {Severity::info, "unused", "unused schema", "schemas/pet.json", {}, std::nullopt}};
  const boost::json::value report = boost::json::parse(json_report({found, {}, {}}));

  const auto& first = report.at("diagnostics").at(0).as_object();
  EXPECT_EQ(first.at("file"), "api.json");
  EXPECT_EQ(first.at("line"), 3);
  EXPECT_EQ(first.at("column"), 11);
  EXPECT_EQ(first.at("severity"), "error");
  EXPECT_EQ(first.at("rule"), "missing");
  EXPECT_EQ(first.at("message"), "Field required");
  EXPECT_EQ(first.at("path"), boost::json::parse(R"(["paths", "/a", "get", 0])"));

  const auto& second = report.at("diagnostics").at(1).as_object();
  EXPECT_FALSE(second.contains("line")) << "unknown, so left out";
  EXPECT_FALSE(second.contains("column"));
  EXPECT_EQ(second.at("severity"), "info");
  EXPECT_EQ(second.at("path"), boost::json::array{});

  EXPECT_EQ(report.at("summary"), boost::json::parse(R"({"error": 1, "warning": 0, "info": 1})"));
}

TEST(JsonReport, NoFindings_IsAnEmptyListAndZeroCounts) {
  const Diagnostics none;
  EXPECT_EQ(json_report({none, {}, {}}),
            R"({"diagnostics":[],"summary":{"error":0,"warning":0,"info":0}})");
}

}  // namespace
}  // namespace oaskit
