// Real documents (../shared/corpus, listed in its MANIFEST.tsv): every OpenAPI 3.x
// document reads as OpenAPI, and writing it back gives the same JSON value, which reads and
// writes again to the very same bytes. A document known to be invalid must give exactly its
// expected errors instead.

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include <cctype>
#include <cstddef>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>
#include <ostream>
#include <sstream>
#include <string>
#include <vector>

#include "oaskit/document.hpp"
#include "oaskit/json.hpp"
#include "oaskit/models.hpp"
#include "support/corpus.hpp"

namespace oaskit {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;

using test::corpus_dir;
using test::corpus_documents;
using test::CorpusDocument;

/// One Error as expected from a known-invalid document: everything is compared.
struct ExpectedError {
  Path loc;
  std::string type;
  std::string msg;
  std::size_t line;
  std::size_t column;
};

/// Corpus documents that do not read as OpenAPI, and exactly what is wrong with them. Every
/// OpenAPI 3.x document in the corpus reads today, so this is empty; a document that
/// starts failing is a test failure until its errors are either fixed or listed here.
const std::map<std::string, std::vector<ExpectedError>>& expected_errors() {
  static const std::map<std::string, std::vector<ExpectedError>> known{};
  return known;
}

/// The parameters: one per document, or a single empty one that skips when there is no corpus
/// (so the suite is never uninstantiated).
std::vector<CorpusDocument> test_documents() {
  auto documents = corpus_documents();
  if (documents.empty()) documents.push_back({"", ""});
  return documents;
}

/// "docs/twilio/twilio_api_v2010.json" -> "twilio_twilio_api_v2010_json".
std::string test_name(const ::testing::TestParamInfo<CorpusDocument>& info) {
  if (info.param.path.empty()) return "NoCorpus";
  std::string_view path = info.param.path;
  if (path.rfind("docs/", 0) == 0) path.remove_prefix(5);
  std::string name;
  for (char c : path) name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  return name;
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string describe(const Errors& errors) {
  std::string out;
  for (std::size_t i = 0; i < errors.size() && i < 20; ++i) out += "\n  " + to_string(errors[i]);
  if (errors.size() > 20) out += "\n  ... " + std::to_string(errors.size() - 20) + " more";
  return out;
}

/// The model errors of a document that does not load: its JSON text (or YAML value) read as
/// OpenAPI.
Errors first_read_errors(const fs::path& file) {
  const std::string text = read_file(file);
  if (detect_format(text) == SourceFormat::json) {
    auto model = parse<OpenAPI>(text);  // positions as in the file
    return model ? Errors{} : model.errors();
  }
  auto source = read_source(file.string(), "file:///x", text);
  if (!source) {
    Errors out;
    for (const auto& d : source.errors()) out.push_back({d.loc, d.rule, d.message, d.position});
    return out;
  }
  auto model = parse<OpenAPI>(json::serialize((*source)->value()));
  return model ? Errors{} : model.errors();
}

std::string pointer(const std::string& at) { return at.empty() ? "(root)" : at; }

/// Where `a` and `b` first differ as JSON values (objects ignoring member order, numbers by
/// value), or nothing when they are equal.
std::optional<std::string> difference(const json::value& a, const json::value& b,
                                      const std::string& at = "") {
  auto is_number = [](const json::value& v) { return v.is_number(); };
  if (is_number(a) && is_number(b)) {
    const bool integers = !a.is_double() && !b.is_double();
    if (integers) {
      // Exact: int64 and uint64 compare as integers; boost::json compares across the two.
      if (a == b) return std::nullopt;
    } else if (a.to_number<double>() == b.to_number<double>()) {
      return std::nullopt;
    }
    return pointer(at) + ": " + json::serialize(a) + " != " + json::serialize(b);
  }
  if (a.kind() != b.kind()) {
    return pointer(at) + ": " + std::string(json::to_string(a.kind())) +
           " != " + std::string(json::to_string(b.kind()));
  }
  if (a.is_object()) {
    const auto& x = a.get_object();
    const auto& y = b.get_object();
    for (const auto& member : x) {
      const auto* other = y.if_contains(member.key());
      if (other == nullptr) return pointer(at) + ": '" + std::string(member.key()) + "' dropped";
      if (auto d = difference(member.value(), *other, at + "/" + std::string(member.key())))
        return d;
    }
    for (const auto& member : y) {
      if (!x.contains(member.key()))
        return pointer(at) + ": '" + std::string(member.key()) + "' added";
    }
    return std::nullopt;
  }
  if (a.is_array()) {
    const auto& x = a.get_array();
    const auto& y = b.get_array();
    if (x.size() != y.size()) {
      return pointer(at) + ": " + std::to_string(x.size()) +
             " items != " + std::to_string(y.size());
    }
    for (std::size_t i = 0; i < x.size(); ++i) {
      if (auto d = difference(x[i], y[i], at + "/" + std::to_string(i))) return d;
    }
    return std::nullopt;
  }
  if (a == b) return std::nullopt;
  return pointer(at) + ": " + json::serialize(a).substr(0, 200) +
         " != " + json::serialize(b).substr(0, 200);
}

TEST(CorpusComparison, NumbersCompareByValueAndObjectsIgnoreOrder) {
  EXPECT_FALSE(difference(json::parse(R"({"a": 2, "b": [1.0, -3]})"),
                          json::parse(R"({"b": [1, -3.0], "a": 2.0})")));
  EXPECT_FALSE(
      difference(json::parse("18446744073709551615"), json::parse("18446744073709551615")));
  EXPECT_TRUE(difference(json::parse(R"({"a": 2})"), json::parse(R"({"a": 2.5})")));
  EXPECT_TRUE(difference(json::parse(R"({"a": 2})"), json::parse(R"({"a": "2"})")));
  EXPECT_TRUE(difference(json::parse(R"({"a": 2})"), json::parse(R"({"a": 2, "b": 3})")));
  EXPECT_TRUE(difference(json::parse("[1, 2]"), json::parse("[2, 1]")));
  EXPECT_TRUE(difference(json::parse("9007199254740993"), json::parse("9007199254740992")));
}

class CorpusRoundTrip : public ::testing::TestWithParam<CorpusDocument> {};

TEST_P(CorpusRoundTrip, ReadsWritesAndReadsBackTheSameDocument) {
  const CorpusDocument& document = GetParam();
  OASKIT_SKIP_WITHOUT_CORPUS();
  ASSERT_FALSE(document.path.empty()) << "the corpus's MANIFEST.tsv lists no OpenAPI 3.x document";
  const fs::path file = corpus_dir / document.path;
  ASSERT_TRUE(fs::exists(file)) << file << " is in MANIFEST.tsv but missing";
  // Loaded as a document: JSON or YAML, every $ref resolved (multi-file documents too).
  auto loaded = load(file);
  if (const auto known = expected_errors().find(document.path); known != expected_errors().end()) {
    const Errors errors = first_read_errors(file);
    ASSERT_FALSE(loaded) << document.path << " is listed as invalid but loads";
    ASSERT_EQ(errors.size(), known->second.size()) << describe(errors);
    for (std::size_t i = 0; i < errors.size(); ++i) {
      const ExpectedError& want = known->second[i];
      EXPECT_EQ(errors[i].loc, want.loc) << i << describe(errors);
      EXPECT_EQ(errors[i].type, want.type) << i;
      EXPECT_EQ(errors[i].msg, want.msg) << i;
      ASSERT_TRUE(errors[i].position.has_value()) << i;
      EXPECT_EQ(errors[i].position->line, want.line) << i;
      EXPECT_EQ(errors[i].position->column, want.column) << i;
    }
    return;
  }
  ASSERT_TRUE(loaded) << document.path << " (OpenAPI " << document.openapi
                      << ") does not load:" << describe(first_read_errors(file));
  bool substituted = false;
  for (const auto& problem : loaded->problems()) {
    // The one kind of problem real documents have here: Redocly-style $refs (followed).
    EXPECT_EQ(problem.rule, "ref-not-allowed") << to_string(problem);
    substituted = true;
  }
  for (const auto& ref : loaded->refs()) EXPECT_NE(ref.target, nullptr) << ref.ref;
  const OpenAPI& first = loaded->model();
  EXPECT_EQ(first.openapi, document.openapi);
  // The loader reads the Source's value (from_value); parse<T> reads the text: one model.
  if (loaded->root().format() == SourceFormat::json && !substituted) {
    const auto from_text = parse<OpenAPI>(loaded->root().text());
    ASSERT_TRUE(from_text) << describe(from_text.errors());
    EXPECT_TRUE(*from_text == first) << "parse<OpenAPI> and the loader read different models";
  }

  const std::string written = to_json(first);
  auto second = parse<OpenAPI>(written);
  ASSERT_TRUE(second) << "the written document does not read:" << describe(second.errors());
  const std::string rewritten = to_json(*second);
  EXPECT_TRUE(written == rewritten)
      << "writing twice differs (" << written.size() << " vs " << rewritten.size() << " bytes)";

  // What the author wrote comes back, except where a Redocly-style $ref was read in place.
  if (substituted) return;
  const json::value input = loaded->root().format() == SourceFormat::json
                                ? json::parse(read_file(file))
                                : loaded->root().value();
  const auto difference_found = difference(input, json::parse(written));
  EXPECT_FALSE(difference_found) << "the written document differs from the input at "
                                 << *difference_found;
}

INSTANTIATE_TEST_SUITE_P(Corpus, CorpusRoundTrip, ::testing::ValuesIn(test_documents()), test_name);

}  // namespace
}  // namespace oaskit
