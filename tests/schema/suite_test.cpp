// The official JSON Schema Test Suite, as Debian's libtest-json-schema-acceptance-perl ships it:
// every case of draft2020-12 and draft2019-09 (required and optional), each test's verdict
// compared with ours. Prints `passed N, failed N, skipped N` per draft; the tests skipped are
// listed in docs/schema.md with the reason, and here.

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>
#include <string>

#include "oaskit/schema.hpp"

namespace {

namespace fs = std::filesystem;
using oaskit::schema::CompileOptions;
using oaskit::schema::Dialect;
using oaskit::schema::Validator;

const fs::path suite = "/usr/share/perl5/auto/share/dist/Test-JSON-Schema-Acceptance";

// "file: case description: test description" of the tests not run, each with why
// (docs/schema.md lists the same).
const std::set<std::string> skipped = {
    // Draft-07 is not a dialect oaskit reads: a $ref into a draft-07 schema cannot be
    // processed by draft-07's rules (its `$schema` is refused as unknown).
    "draft2019-09/optional/cross-draft.json: refs to historic drafts are processed as historic "
    "drafts: missing bar is valid",
};

boost::json::value read_json(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  boost::json::parse_options options;
  options.max_depth = 10000;
  return boost::json::parse(text.str(), {}, options);
}

struct Counts {
  int passed = 0, failed = 0, skipped = 0;
};

// Runs every test of `folder`'s files (not descending), counting into `counts`.
void run_folder(const fs::path& folder, Dialect dialect, bool format_assertion, Counts& counts,
                const std::string& label) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(folder)) {
    if (entry.is_regular_file() && entry.path().extension() == ".json") {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    const auto cases = read_json(file);
    for (const auto& test_case : cases.as_array()) {
      const auto& c = test_case.as_object();
      const std::string description(c.at("description").as_string());
      CompileOptions options;
      options.dialect = dialect;
      options.format_assertion = format_assertion;
      options.map = {{"http://localhost:1234/", suite / "remotes"}};
      const auto validator = Validator::compile(c.at("schema"), options);
      const std::string case_name = label + "/" + file.filename().string() + ": " + description;
      if (skipped.count(case_name) != 0) {
        counts.skipped += static_cast<int>(c.at("tests").as_array().size());
        continue;
      }
      for (const auto& test : c.at("tests").as_array()) {
        const auto& t = test.as_object();
        const std::string name = label + "/" + file.filename().string() + ": " + description +
                                 ": " + std::string(t.at("description").as_string());
        if (skipped.count(name) != 0) {
          ++counts.skipped;
          continue;
        }
        const bool expected = t.at("valid").as_bool();
        if (!validator) {
          ++counts.failed;
          ADD_FAILURE() << name
                        << ": the schema does not compile: " << validator.errors().front().msg;
          continue;
        }
        const bool valid = validator->is_valid(t.at("data"));
        const auto errors = validator->validate(t.at("data"));
        if (valid == expected && errors.empty() == expected) {
          ++counts.passed;
        } else {
          ++counts.failed;
          ADD_FAILURE() << name << ": expected " << (expected ? "valid" : "invalid")
                        << ", is_valid says " << valid << ", validate finds " << errors.size()
                        << " errors" << (errors.empty() ? "" : ": ")
                        << (errors.empty() ? std::string_view() : errors.front().message);
        }
      }
    }
  }
}

void run_draft(const std::string& draft, Dialect dialect) {
  const fs::path folder = suite / "tests" / draft;
  ASSERT_TRUE(fs::is_directory(folder))
      << folder << " is missing: it comes with Debian's libtest-json-schema-acceptance-perl "
      << "(./run deps)";
  Counts required, optional, format;
  run_folder(folder, dialect, false, required, draft);
  // The optional tests include `format: regex` cases (ecmascript-regex.json) that assume
  // format assertion.
  run_folder(folder / "optional", dialect, true, optional, draft + "/optional");
  run_folder(folder / "optional" / "format", dialect, true, format, draft + "/optional/format");
  std::cout << draft << " required: passed " << required.passed << ", failed " << required.failed
            << ", skipped " << required.skipped << "\n"
            << draft << " optional: passed " << optional.passed << ", failed " << optional.failed
            << ", skipped " << optional.skipped << "\n"
            << draft << " optional/format (--format-assertion): passed " << format.passed
            << ", failed " << format.failed << ", skipped " << format.skipped << "\n";
}

TEST(JsonSchemaTestSuite, Draft2020_12) { run_draft("draft2020-12", Dialect::draft2020_12); }

TEST(JsonSchemaTestSuite, Draft2019_09) { run_draft("draft2019-09", Dialect::draft2019_09); }

}  // namespace
