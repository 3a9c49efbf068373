// libFuzzer target, differential: oaskit's strict JSON reader (read_source on text that starts
// like JSON) against Boost.JSON's parser on the same bytes. They must agree on accept or
// reject, except where oaskit documents a stricter rule (a repeated key, nesting deeper than
// max_nesting_depth, a number too large for a double), and when both accept, on the value.
// Numbers that become doubles may differ in their last bits: Boost.JSON 1.81 rounds long
// decimal literals imprecisely (-922337203685477518446744073709551616809 becomes
// -9.223372036854774e38; the nearest double, which oaskit and Python give, is
// -9.223372036854776e38), and has no option yet to round them correctly. It also reads a zero
// with a large exponent (`0e400`) as NaN; it is 0. And it refuses an exponent beyond 64 bits
// (`1e-40018446744073709551616`, "exponent overflow"), which RFC 8259 allows: the value is 0
// (or too large for a double, which oaskit refuses too).

#include <algorithm>
#include <cmath>
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

// Equal values, doubles within a few units in the last place of each other.
bool same_value(const boost::json::value& ours, const boost::json::value& theirs) {
  if (ours.is_double() && theirs.is_double()) {
    const double a = ours.get_double();
    const double b = theirs.get_double();
    if (std::isnan(b)) return a == 0;
    return a == b || std::fabs(a - b) <= 1e-15 * std::max(std::fabs(a), std::fabs(b));
  }
  if (ours.is_array() && theirs.is_array()) {
    const auto& a = ours.get_array();
    const auto& b = theirs.get_array();
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), same_value);
  }
  if (ours.is_object() && theirs.is_object()) {
    const auto& a = ours.get_object();
    const auto& b = theirs.get_object();
    if (a.size() != b.size()) return false;
    return std::all_of(a.begin(), a.end(), [&](const boost::json::key_value_pair& member) {
      const auto* other = b.if_contains(member.key());
      return other != nullptr && same_value(member.value(), *other);
    });
  }
  return ours == theirs;
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

  if (ours && ec && ec != boost::json::error::exponent_overflow)
    std::abort();  // we accepted
                   // what it refuses
  if (!ours && !ec) {
    for (const auto& error : ours.errors()) {
      if (!is_stricter_rule(error)) std::abort();  // we refused valid JSON for no stated rule
    }
  }
  if (ours && !ec && !same_value((*ours)->value(), theirs)) std::abort();
  return 0;
}
