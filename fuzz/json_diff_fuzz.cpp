// libFuzzer target, differential: oaskit's strict JSON reader (read_source on text that starts
// like JSON) against Boost.JSON's parser on the same bytes. They must agree on accept or
// reject, except where oaskit documents a stricter rule (a repeated key, nesting deeper than
// max_nesting_depth, a number too large for a double), and when both accept, on the value.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include <boost/json/parse.hpp>

#include "oaskit/document.hpp"
#include "oaskit/json.hpp"

namespace {

// A rejection oaskit documents and Boost.JSON does not make.
bool is_stricter_rule(const oaskit::Diagnostic& error) {
  return error.rule == "duplicate_key" ||
         error.message.find("nesting is deeper than") != std::string::npos ||
         error.message.find("too large for a 64-bit floating-point") != std::string::npos;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (oaskit::detect_format(text) != oaskit::SourceFormat::json) return 0;
  const auto ours = oaskit::read_source("fuzz.json", "", std::string(text));

  boost::json::parse_options options;
  options.max_depth = 4 * oaskit::max_nesting_depth;  // deeper than ours, so ours decides
  boost::system::error_code ec;
  const boost::json::value theirs = boost::json::parse(text, ec, {}, options);

  if (ours && ec) std::abort();  // we accepted what Boost.JSON refuses
  if (!ours && !ec) {
    for (const auto& error : ours.errors()) {
      if (!is_stricter_rule(error)) std::abort();  // we refused valid JSON for no stated rule
    }
  }
  if (ours && !ec && (*ours)->value() != theirs) std::abort();
  return 0;
}
