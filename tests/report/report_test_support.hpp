#pragma once
// Sources and report inputs for the report tests: a document read from text, and a lookup
// that finds it by the name diagnostics give.

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <string_view>

#include "oaskit/document.hpp"
#include "oaskit/report.hpp"

namespace oaskit::test {

/// `text` read as the file `name`; fails the test when it does not read.
inline std::unique_ptr<Source> source_from(std::string name, std::string text) {
  auto source = read_source(std::move(name), "file:///x/api.json", std::move(text));
  if (!source) {
    ADD_FAILURE() << "the test's source does not read";
    return nullptr;
  }
  return std::move(*source);
}

/// Finds `source` by its name; every other file has no text.
inline auto only(const Source* source) {
  return [source](std::string_view file) -> const Source* {
    return source != nullptr && source->name() == file ? source : nullptr;
  };
}

}  // namespace oaskit::test
