#pragma once
// The corpus of real public OpenAPI documents: ../shared/corpus beside the clone (its
// MANIFEST.tsv lists them). A clone made anywhere else has none; the tests that read it then
// skip, by name and with the reason below, instead of failing.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <ostream>
#include <sstream>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace oaskit::test {

inline const std::filesystem::path corpus_dir = OASKIT_CORPUS;

/// Why the corpus cannot be read (it is not there), or nullopt when it can.
inline std::optional<std::string> corpus_missing() {
  std::error_code error;
  if (std::filesystem::is_regular_file(corpus_dir / "MANIFEST.tsv", error)) return std::nullopt;
  return "no corpus at " + corpus_dir.lexically_normal().string() +
         " (../shared/corpus beside the clone, with its MANIFEST.tsv)";
}

struct CorpusDocument {
  std::string path;     // relative to the corpus directory
  std::string openapi;  // the version the manifest gives
};

inline void PrintTo(const CorpusDocument& document, std::ostream* out) {
  *out << (document.path.empty() ? "(no corpus)" : document.path);
}

/// The manifest's OpenAPI 3.x documents (JSON, YAML, and multi-file entry documents); empty
/// when there is no corpus.
inline std::vector<CorpusDocument> corpus_documents() {
  auto split = [](const std::string& line, char separator) {
    std::vector<std::string> out;
    std::string field;
    std::istringstream in(line);
    while (std::getline(in, field, separator)) out.push_back(field);
    if (!line.empty() && line.back() == separator) out.emplace_back();
    return out;
  };
  std::vector<CorpusDocument> out;
  std::ifstream manifest(corpus_dir / "MANIFEST.tsv");
  if (!manifest) return out;
  std::string line;
  if (!std::getline(manifest, line)) return out;
  const auto header = split(line, '\t');
  auto column = [&](std::string_view name) {
    for (std::size_t i = 0; i < header.size(); ++i)
      if (header[i] == name) return i;
    return header.size();
  };
  const std::size_t path = column("path"), openapi = column("openapi"), format = column("format");
  while (std::getline(manifest, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const auto cells = split(line, '\t');
    if (path >= cells.size() || openapi >= cells.size() || format >= cells.size()) continue;
    if (cells[openapi].rfind("3.", 0) != 0) continue;
    out.push_back({cells[path], cells[openapi]});
  }
  return out;
}

}  // namespace oaskit::test

/// Ends the current test as skipped, with the reason, when the corpus is absent.
#define OASKIT_SKIP_WITHOUT_CORPUS()                                       \
  if (const auto oaskit_corpus_missing = ::oaskit::test::corpus_missing()) \
  GTEST_SKIP() << *oaskit_corpus_missing
