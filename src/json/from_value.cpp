// from_value<T>: the generic reader over a boost::json::value, for values a Source already
// holds, so that a document's text is parsed once however many models are read from it.

#include <boost/json/value.hpp>

#include "model_list.hpp"
#include "oaskit/json.hpp"
#include "read.hpp"

namespace oaskit {

template <class T>
Result<T> from_value(const boost::json::value& value, SpecVersion version) {
  detail::ReadContext cx;
  cx.set_version(version);
  T out{};
  detail::read(out, detail::BoostValue(value), cx, detail::PathNode{});
  cx.finish();
  if (cx.too_deep()) {
    return Errors{
        {{},
         "json_invalid",
         "Invalid JSON: nesting is deeper than " + std::to_string(max_nesting_depth) + " levels",
         std::nullopt}};
  }
  if (cx.error_count() > 0) return cx.take();
  return out;
}

#define OASKIT_INSTANTIATE_FROM_VALUE(T) \
  template Result<T> from_value<T>(const boost::json::value&, SpecVersion);
OASKIT_FOR_EACH_READABLE(OASKIT_INSTANTIATE_FROM_VALUE)

}  // namespace oaskit
