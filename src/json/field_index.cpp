#include "field_index.hpp"

namespace oaskit::detail {

FieldIndex::FieldIndex(const std::string_view* names, std::size_t count) : names_(names) {
  std::size_t size = 8;
  while (size < count * 4) size *= 2;  // sparse, so probes are short
  slots_.assign(size, -1);
  mask_ = size - 1;
  for (std::size_t i = 0; i < count; ++i) {
    std::size_t slot = hash(names[i]) & mask_;
    while (slots_[slot] >= 0) slot = (slot + 1) & mask_;
    slots_[slot] = static_cast<int>(i);
  }
}

}  // namespace oaskit::detail
