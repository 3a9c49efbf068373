#pragma once
// The corpus of real public OpenAPI documents: ../shared/corpus beside the clone (its
// MANIFEST.tsv lists them). A clone made anywhere else has none; the tests that read it then
// skip, by name and with the reason below, instead of failing.

#include <gtest/gtest.h>

#include <filesystem>
#include <optional>
#include <string>
#include <system_error>

namespace oaskit::test {

inline const std::filesystem::path corpus_dir = OASKIT_CORPUS;

/// Why the corpus cannot be read (it is not there), or nullopt when it can.
inline std::optional<std::string> corpus_missing() {
  std::error_code error;
  if (std::filesystem::is_regular_file(corpus_dir / "MANIFEST.tsv", error)) return std::nullopt;
  return "no corpus at " + corpus_dir.lexically_normal().string() +
         " (../shared/corpus beside the clone, with its MANIFEST.tsv)";
}

}  // namespace oaskit::test

/// Ends the current test as skipped, with the reason, when the corpus is absent.
#define OASKIT_SKIP_WITHOUT_CORPUS()                                       \
  if (const auto oaskit_corpus_missing = ::oaskit::test::corpus_missing()) \
  GTEST_SKIP() << *oaskit_corpus_missing
