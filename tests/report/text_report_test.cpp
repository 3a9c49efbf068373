// text_report: the finding line, the source line with its caret, colour, and the summary.

#include <gtest/gtest.h>

#include <string>

#include "oaskit/report.hpp"
#include "report/report_test_support.hpp"
#include "report/terminal.hpp"
#include "support/test_support.hpp"

namespace oaskit {
namespace {

using test::loc;
using test::only;
using test::source_from;

constexpr std::string_view small_document =
    "{\n  \"openapi\": \"3.1.0\",\n  \"info\": {\"title\": \"t\"}\n}";

TEST(TextReport, WithoutColor_ShowsFindingSourceLineCaretAndSummary) {
  const auto source = source_from("api.json", std::string(small_document));
  const Diagnostics found{Document::diagnostic(*source, loc("info", "version"), Severity::error,
                                               "missing", "Field required")};
  EXPECT_EQ(text_report({found, only(source.get()), {}}, false),
            "api.json:3:11: error[missing]: Field required\n"
            "  \"info\": {\"title\": \"t\"}\n"
            "          ^\n"
            "1 error, 0 warnings, 0 infos in 1 file\n");
}

TEST(TextReport, WithColor_LocationIsBoldAndEachSeverityHasItsColour) {
  const auto source = source_from("api.json", std::string(small_document));
  const Diagnostics found{
      Document::diagnostic(*source, loc("info"), Severity::error, "e", "bad"),
      Document::diagnostic(*source, loc("openapi"), Severity::warning, "w", "odd"),
      {Severity::info, "i", "note", "api.json", {}, std::nullopt}};
  EXPECT_EQ(text_report({found, only(source.get()), {}}, true),
            "\x1b[1mapi.json:3:11:\x1b[0m \x1b[1;31merror\x1b[0m[e]: bad\n"
            "  \"info\": {\"title\": \"t\"}\n"
            "          \x1b[1;31m^\x1b[0m\n"
            "\x1b[1mapi.json:2:14:\x1b[0m \x1b[1;33mwarning\x1b[0m[w]: odd\n"
            "  \"openapi\": \"3.1.0\",\n"
            "             \x1b[1;33m^\x1b[0m\n"
            "\x1b[1mapi.json:\x1b[0m \x1b[1;34minfo\x1b[0m[i]: note\n"
            "1 error, 1 warning, 1 info in 1 file\n");
}

TEST(TextReport, CaretAfterTabs_RepeatsTheTabsSoItLinesUp) {
  const auto source = source_from("api.json", "{\n\t\"a\":\t1\n}");
  const Diagnostics found{Document::diagnostic(*source, loc("a"), Severity::warning, "r", "m")};
  EXPECT_EQ(text_report({found, only(source.get()), {}}, false),
            "api.json:2:7: warning[r]: m\n"
            "\t\"a\":\t1\n"
            "\t    \t^\n"
            "0 errors, 1 warning, 0 infos in 1 file\n");
}

TEST(TextReport, CaretAfterMultiByteUtf8_CountsCharactersNotBytes) {
  const auto source = source_from("api.json", "{\"é\": \"ü\", \"b\": 1}");
  const Diagnostics found{Document::diagnostic(*source, loc("b"), Severity::info, "r", "m")};
  EXPECT_EQ(text_report({found, only(source.get()), {}}, false),
            "api.json:1:17: info[r]: m\n"
            "{\"é\": \"ü\", \"b\": 1}\n" +
                std::string(16, ' ') + "^\n" + "0 errors, 0 warnings, 1 info in 1 file\n");
}

class LongLine : public ::testing::Test {
 protected:
  // One line of 317 characters: `{"a": "` (7), 300 `x`, `", "b": 1}` (10).
  std::unique_ptr<Source> source =
      source_from("api.json", "{\"a\": \"" + std::string(300, 'x') + "\", \"b\": 1}");

  // The two lines under the finding line.
  std::string shown_at(std::size_t column) {
    const Diagnostics found{
        {Severity::error, "r", "m", "api.json", {}, TextPosition{0, 1, column}}};
    const std::string report = text_report({found, only(source.get()), {}}, false);
    const std::size_t first_break = report.find('\n');
    const std::size_t summary = report.rfind("1 error");
    return report.substr(first_break + 1, summary - first_break - 1);
  }
};

TEST_F(LongLine, ColumnNearTheStart_KeepsTheStartAndCutsTheEnd) {
  EXPECT_EQ(shown_at(7), "{\"a\": \"" + std::string(93, 'x') + "…\n" + std::string(6, ' ') + "^\n");
}

TEST_F(LongLine, ColumnInTheMiddle_CutsBothSidesAroundIt) {
  EXPECT_EQ(shown_at(200), "…" + std::string(100, 'x') + "…\n" + std::string(51, ' ') + "^\n");
}

TEST_F(LongLine, ColumnNearTheEnd_ShowsAFullWindowUpToTheEnd) {
  EXPECT_EQ(shown_at(316),
            "…" + std::string(90, 'x') + "\", \"b\": 1}\n" + std::string(99, ' ') + "^\n");
}

TEST(TextReport, Summary_CountsEachSeverityAndTheFiles) {
  const Diagnostics found{{Severity::error, "a", "m", "api.json", {}, std::nullopt},
                          {Severity::error, "a", "m", "schemas/pet.json", {}, std::nullopt},
                          {Severity::warning, "b", "m", "api.json", {}, std::nullopt},
                          {Severity::info, "c", "m", "api.json", {}, std::nullopt}};
  const std::string report = text_report({found, {}, {}}, false);
  EXPECT_TRUE(report.ends_with("\n2 errors, 1 warning, 1 info in 2 files\n")) << report;
}

TEST(TextReport, NoFindings_SaysSo) {
  const Diagnostics none;
  EXPECT_EQ(text_report({none, {}, {}}, true), "no findings\n");
}

TEST(TextReport, UnknownLineAndUnreadableFile_NamesThePlaceInTheDocumentInstead) {
  const Diagnostics found{
      {Severity::error, "unresolved-ref", "m", "gone.json", loc("paths", "/a", 0), std::nullopt},
      {Severity::error, "r", "n", "gone.json", {}, TextPosition{0, 4, 2}}};
  EXPECT_EQ(text_report({found, [](std::string_view) { return nullptr; }, {}}, false),
            "gone.json: error[unresolved-ref]: m (at paths → /a → 0)\n"
            "gone.json:4:2: error[r]: n\n"
            "2 errors, 0 warnings, 0 infos in 1 file\n");
}

TEST(TextReport, ControlCharactersFromTheDocument_AreNotSentToTheTerminal) {
  // A member name with an escaped ESC (`"\u001b[2J"`) reaches messages as the raw byte.
  const Diagnostics found{
      {Severity::error, "r", "unknown member '\x1b[2J'", "api.json", {}, std::nullopt}};
  EXPECT_EQ(text_report({found, {}, {}}, false),
            "api.json: error[r]: unknown member '?[2J'\n"
            "1 error, 0 warnings, 0 infos in 1 file\n");
}

TEST(StdoutSupportsColor, FollowsTheTerminalNoColorAndTerm) {
  EXPECT_TRUE(detail::color_wanted(true, nullptr, "xterm-256color"));
  EXPECT_TRUE(detail::color_wanted(true, nullptr, nullptr));
  EXPECT_FALSE(detail::color_wanted(false, nullptr, "xterm"));
  EXPECT_FALSE(detail::color_wanted(true, "1", "xterm"));
  EXPECT_TRUE(detail::color_wanted(true, "", "xterm")) << "an empty NO_COLOR does not count";
  EXPECT_FALSE(detail::color_wanted(true, nullptr, "dumb"));
}

}  // namespace
}  // namespace oaskit
