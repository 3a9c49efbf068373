// libFuzzer target: any bytes given to parse<T> give a model or errors, never a crash, a hang
// or a sanitizer report; and a model that parses writes back to JSON that parses to the same
// model and writes the same bytes.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "oaskit/json.hpp"
#include "oaskit/models.hpp"

namespace {

template <class T>
void round_trip(std::string_view text) {
  auto first = oaskit::parse<T>(text);
  if (!first) {
    for (const auto& e : first.errors()) {
      if (e.type.empty() || e.msg.empty()) std::abort();  // every error says what it is
    }
    return;
  }
  const std::string written = oaskit::to_json(*first);
  auto second = oaskit::parse<T>(written);
  if (!second || !(*second == *first) || oaskit::to_json(*second) != written) std::abort();
  (void)oaskit::to_json(*first, {.indent = true});
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  round_trip<oaskit::OpenAPI>(text);
  round_trip<oaskit::SecurityScheme>(text);
  round_trip<oaskit::Schema>(text);
  return 0;
}
