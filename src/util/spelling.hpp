#pragma once
// "Did you mean": the closest of a few known words to one that is not known, for messages
// about misspelt names (an OpenAPI field written `tokenURL`).

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "util/ascii.hpp"

namespace oaskit::detail {

/// The number of single-character insertions, deletions and substitutions that turn `a` into
/// `b`, ignoring the case of ASCII letters.
[[nodiscard]] inline std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      const bool same = ascii_lower(a[i - 1]) == ascii_lower(b[j - 1]);
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (same ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

/// The candidate closest to `word`: one equal but for case, else the nearest at most 2 edits
/// away and at most a third of the word's length (a short word gets fewer guesses), else none.
template <class Candidates>
[[nodiscard]] std::optional<std::string_view> closest(std::string_view word,
                                                      const Candidates& candidates) {
  std::optional<std::string_view> best;
  std::size_t best_distance = std::min<std::size_t>(2, word.size() / 3) + 1;
  for (const std::string_view candidate : candidates) {
    const std::size_t distance = edit_distance(word, candidate);
    if (distance < best_distance) {
      best = candidate;
      best_distance = distance;
      if (distance == 0) break;
    }
  }
  return best;
}

}  // namespace oaskit::detail
