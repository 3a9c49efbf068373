#include "yaml/write_yaml.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "support/corpus.hpp"
#include "support/test_support.hpp"
#include "yaml/read_yaml.hpp"

namespace {

namespace fs = std::filesystem;
using oaskit::detail::read_yaml;
using oaskit::detail::write_yaml;
using oaskit::test::describe;

std::string file_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Passes when write_yaml(value) reads back as `value`, kinds included (1.0 stays a double).
::testing::AssertionResult round_trips(const boost::json::value& value) {
  const std::string yaml = write_yaml(value);
  auto back = read_yaml(yaml);
  if (!back) return ::testing::AssertionFailure() << yaml << describe(back.errors());
  if (back->value != value ||
      boost::json::serialize(back->value) != boost::json::serialize(value)) {
    return ::testing::AssertionFailure()
           << "wrote\n"
           << yaml << "read back " << boost::json::serialize(back->value);
  }
  return ::testing::AssertionSuccess();
}

TEST(WriteYaml, Layout_BlockStyleTwoSpacesEmptyCollectionsInline) {
  EXPECT_EQ(write_yaml(boost::json::parse(
                R"({"a": [1, {"b": "on", "c": [true, null]}, [2, 3]], "d": {}, "e": [],
                    "f": {"g": 1.0}})")),
            "a:\n"
            "  - 1\n"
            "  - b: \"on\"\n"
            "    c:\n"
            "      - true\n"
            "      - null\n"
            "  - - 2\n"
            "    - 3\n"
            "d: {}\n"
            "e: []\n"
            "f:\n"
            "  g: 1.0\n");
  EXPECT_EQ(write_yaml(boost::json::parse("{}")), "{}\n");
  EXPECT_EQ(write_yaml(boost::json::parse("\"x\"")), "x\n");
}

TEST(WriteYaml, Strings_QuotedWhenYaml12Or11WouldReadThemDifferently) {
  for (const char* text :
       {"yes",        "on",   "No", "y",    "1.0", "null",  "~",      "",     "0x1F", "1_000",
        "2001-12-14", "1:20", "<<", "=",    "-x",  "? x",   "a: b",   "a #b", " a",   "a ",
        "x:",         "*ref", "&a", "!tag", "'q'", "\"q\"", "[a]",    "{a}",  "%x",   "@x",
        "`x",         "|x",   ">x", "#x",   "...", "a\tb",  "é\u2028"}) {
    const std::string yaml = write_yaml(boost::json::value(text));
    EXPECT_EQ(yaml.front(), '"') << text << " -> " << yaml;
    EXPECT_TRUE(round_trips(boost::json::value(text))) << text;
  }
  for (const char* text : {"pets", "/pets/{id}", "a:b", "a#b", "application/json", "é",
                           "Hello, world", "1.0.0-beta"}) {
    EXPECT_TRUE(round_trips(boost::json::value(text))) << text;
  }
  EXPECT_EQ(write_yaml(boost::json::value("/pets/{id}")), "/pets/{id}\n");
}

TEST(WriteYaml, Strings_MultiLineAsLiteralBlocksWithChompingAndIndentation) {
  EXPECT_EQ(write_yaml(boost::json::parse(R"({"a": "x\ny"})")), "a: |-\n  x\n  y\n");
  EXPECT_EQ(write_yaml(boost::json::parse(R"({"a": "x\ny\n"})")), "a: |\n  x\n  y\n");
  EXPECT_EQ(write_yaml(boost::json::parse(R"({"a": "x\n\n"})")), "a: |+\n  x\n\n");
  EXPECT_EQ(write_yaml(boost::json::parse(R"({"a": "  x\ny"})")), "a: |2-\n    x\n  y\n");
  EXPECT_EQ(write_yaml(boost::json::parse(R"({"a": "\tx\ny"})")), "a: |2-\n  \tx\n  y\n");
  EXPECT_EQ(write_yaml(boost::json::parse(R"({"a": "x\r\ny"})")), "a: \"x\\r\\ny\"\n");
  for (const char* text : {"x\ny", "x\n", "x\n\n\n", "\nx", "  x\n y\n", "\n", "\n\n", "a\n\n  b\n",
                           "x \ny", "tab\there\n", "- a\n- b", "x\r\n", "\u0085x\ny", "a\n  \nb",
                           // Found by fuzz/yaml_fuzz.cpp (tests/data/fuzz/
                           // yaml-string-starting-with-a-tab.yaml): a literal block whose first
                           // line starts with a tab needs the indentation indicator, or libyaml
                           // (and PyYAML) take the tab for indentation.
                           "\t@\n\n", "\tx\ny", "\n\tx\n"}) {
    EXPECT_TRUE(round_trips(boost::json::value(text))) << text;
    EXPECT_TRUE(round_trips(
        boost::json::parse("{\"k\": [" + boost::json::serialize(boost::json::value(text)) + "]}")))
        << text;
  }
}

TEST(WriteYaml, Numbers_DoublesStayDoublesAndIntegersStayExact) {
  EXPECT_EQ(write_yaml(boost::json::value(1.0)), "1.0\n");
  EXPECT_EQ(write_yaml(boost::json::value(1e300)), "1.0e+300\n");
  EXPECT_EQ(write_yaml(boost::json::value(-2.5e-7)), "-2.5e-07\n");
  for (const auto& value :
       {boost::json::value(0.1), boost::json::value(-0.0), boost::json::value(1e300),
        boost::json::value(5e-324), boost::json::value(INT64_MIN), boost::json::value(UINT64_MAX),
        boost::json::value(123456789.125)}) {
    EXPECT_TRUE(round_trips(value)) << value;
  }
}

TEST(WriteYaml, Keys_QuotedLikeStringsAndLongKeysExplicit) {
  EXPECT_EQ(write_yaml(boost::json::parse(R"({"200": {"on": 1, "a b": 2}})")),
            "\"200\":\n  \"on\": 1\n  a b: 2\n");
  boost::json::object long_key;
  long_key[std::string(2000, 'k')] = 1;
  EXPECT_TRUE(round_trips(long_key));
}

// Every corpus document, JSON and YAML, survives write_yaml then read_yaml unchanged.
TEST(WriteYaml, Corpus_EveryDocumentRoundTrips) {
  OASKIT_SKIP_WITHOUT_CORPUS();
  std::size_t documents = 0;
  for (const auto& entry : fs::recursive_directory_iterator(oaskit::test::corpus_dir)) {
    const auto ext = entry.path().extension();
    if (!entry.is_regular_file()) continue;
    boost::json::value value;
    if (ext == ".json") {
      boost::system::error_code error;
      value = boost::json::parse(file_text(entry.path()), error);
      if (error) continue;
    } else if (ext == ".yaml" || ext == ".yml") {
      auto read = read_yaml(file_text(entry.path()));
      ASSERT_TRUE(read) << entry.path() << describe(read.errors());
      value = std::move(read->value);
    } else {
      continue;
    }
    EXPECT_TRUE(round_trips(value)) << entry.path();
    ++documents;
  }
  EXPECT_GT(documents, 2900U);
}

// The corpus's YAML twins of JSON documents read as the same JSON value.
TEST(ReadYaml, Corpus_YamlTwinsEqualTheirJson) {
  OASKIT_SKIP_WITHOUT_CORPUS();
  const fs::path& corpus = oaskit::test::corpus_dir;
  std::vector<std::pair<fs::path, fs::path>> twins{
      {corpus / "docs/openai/openapi.yaml", corpus / "docs/openai/openapi.json"}};
  for (const auto& entry : fs::directory_iterator(corpus / "docs/twilio-yaml")) {
    twins.emplace_back(entry.path(),
                       corpus / "docs/twilio" / entry.path().filename().replace_extension(".json"));
  }
  ASSERT_GE(twins.size(), 5U);
  for (const auto& [yaml, json] : twins) {
    auto read = read_yaml(file_text(yaml));
    ASSERT_TRUE(read) << yaml << describe(read.errors());
    EXPECT_EQ(read->value, boost::json::parse(file_text(json))) << yaml;
    EXPECT_EQ(read->positions.size(), [&] {
      // Every value has a position (the twins use no aliases or merge keys).
      std::size_t count = 0;
      std::vector<const boost::json::value*> stack{&read->value};
      while (!stack.empty()) {
        const auto* value = stack.back();
        stack.pop_back();
        ++count;
        if (value->is_object())
          for (const auto& member : value->get_object()) stack.push_back(&member.value());
        if (value->is_array())
          for (const auto& item : value->get_array()) stack.push_back(&item);
      }
      return count;
    }()) << yaml;
  }
}

}  // namespace
