// libFuzzer target: the YAML reader with positions, any bytes (core schema, tags, anchors and
// aliases, merge keys, the node and depth limits). Never a crash, a hang or a sanitizer report.
// In a document that reads, each position's pointer names one of its values, and writing the
// value as YAML reads back to the same value.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include <boost/json/value.hpp>

#include "yaml/read_yaml.hpp"
#include "yaml/write_yaml.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  // Small limits, so that inputs that expand (aliases of aliases) stay quick to judge.
  const oaskit::detail::YamlLimits limits{.max_nodes = 20'000, .max_depth = 64};
  const auto read = oaskit::detail::read_yaml(text, limits);
  if (!read) {
    if (read.errors().empty()) std::abort();
    return 0;
  }
  for (const auto& [pointer, position] : read->positions) {
    boost::system::error_code ec;
    if (read->value.find_pointer(pointer, ec) == nullptr) std::abort();
  }
  const auto again = oaskit::detail::read_yaml(oaskit::detail::write_yaml(read->value));
  if (!again || again->value != read->value) std::abort();
  return 0;
}
