#pragma once
// How many findings of each severity a report holds; the text and JSON summaries share it.

#include <cstddef>

#include "oaskit/diagnostic.hpp"

namespace oaskit::detail {

struct SeverityCounts {
  std::size_t error = 0;
  std::size_t warning = 0;
  std::size_t info = 0;
};

inline SeverityCounts count_by_severity(const Diagnostics& diagnostics) {
  SeverityCounts counts;
  for (const Diagnostic& d : diagnostics) {
    switch (d.severity) {
      case Severity::error:
        ++counts.error;
        break;
      case Severity::warning:
        ++counts.warning;
        break;
      case Severity::info:
        ++counts.info;
        break;
    }
  }
  return counts;
}

}  // namespace oaskit::detail
