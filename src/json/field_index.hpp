#pragma once
// Finds a model's field by its JSON name in about one probe: the reader asks this for every
// member of every object, so it must be cheap.

#include <cstddef>
#include <string_view>
#include <vector>

namespace oaskit::detail {

class FieldIndex {
 public:
  FieldIndex(const std::string_view* names, std::size_t count);
  /// The field's position in the table, or -1.
  [[nodiscard]] int find(std::string_view key) const noexcept {
    if (key.empty()) return -1;
    for (std::size_t slot = hash(key) & mask_;; slot = (slot + 1) & mask_) {
      const int i = slots_[slot];
      if (i < 0) return -1;
      if (names_[static_cast<std::size_t>(i)] == key) return i;
    }
  }

 private:
  static std::size_t hash(std::string_view key) noexcept {
    const auto first = static_cast<unsigned char>(key.front());
    const auto last = static_cast<unsigned char>(key.back());
    const auto middle = static_cast<unsigned char>(key[key.size() / 2]);
    return key.size() * 131 + std::size_t{first} * 31 + std::size_t{middle} * 7 + last;
  }
  const std::string_view* names_;
  std::vector<int> slots_;
  std::size_t mask_ = 0;
};

}  // namespace oaskit::detail
