#pragma once
// What a YAML source keeps about its text: JSON's positions are found again from the text when
// needed, YAML's are recorded while reading.

#include <string>
#include <unordered_map>
#include <unordered_set>

#include "oaskit/document.hpp"

namespace oaskit {

struct Source::YamlPositions {
  /// JSON pointer of each value -> where it starts.
  std::unordered_map<std::string, TextPosition> positions;
  /// JSON pointers of unquoted scalars read as a number, boolean or null.
  std::unordered_set<std::string> unquoted_non_strings;
};

}  // namespace oaskit
