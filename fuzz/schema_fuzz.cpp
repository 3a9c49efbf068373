// libFuzzer target: compiling any schema and validating any value against it gives a validator
// or errors, a verdict and errors, never a crash, a hang or a sanitizer report; is_valid and
// validate agree, and every error says where and what.
//
// Input: the schema's JSON, a NUL byte, the value's JSON. The first byte's low bits pick the
// dialect and whether formats are asserted (and are then skipped).

#include <boost/json.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "oaskit/schema.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  const std::uint8_t flags = data[0];
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  const auto nul = text.find('\0');
  if (nul == std::string_view::npos) return 0;
  boost::system::error_code ec;
  boost::json::parse_options limits;
  limits.max_depth = 64;
  const auto schema = boost::json::parse(text.substr(0, nul), ec, {}, limits);
  if (ec) return 0;
  const auto instance = boost::json::parse(text.substr(nul + 1), ec, {}, limits);
  if (ec) return 0;

  oaskit::schema::CompileOptions options;
  options.dialect = (flags & 3) == 1   ? oaskit::schema::Dialect::draft2019_09
                    : (flags & 3) == 2 ? oaskit::schema::Dialect::oas3_0
                                       : oaskit::schema::Dialect::draft2020_12;
  options.format_assertion = (flags & 4) != 0;
  options.max_depth = 64;
  const auto validator = oaskit::schema::Validator::compile(schema, options);
  if (!validator) {
    for (const auto& e : validator.errors()) {
      if (e.type.empty() || e.msg.empty()) std::abort();
    }
    return 0;
  }
  const bool valid = validator->is_valid(instance);
  const auto errors = validator->validate(instance);
  if (valid != errors.empty()) std::abort();
  for (const auto& e : errors) {
    if (e.message.empty() || e.type.empty() || e.absolute_keyword_location.empty()) std::abort();
  }
  (void)oaskit::schema::basic_output(errors);
  (void)validator->pydantic_errors(errors, instance, boost::json::array{"body"});
  return 0;
}
