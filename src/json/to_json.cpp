#include "model_list.hpp"
#include "oaskit/json.hpp"
#include "write.hpp"

namespace oaskit {

template <class T>
std::string to_json(const T& value, WriteOptions options) {
  detail::JsonWriter writer(options.indent);
  detail::write(writer, value);
  return writer.take();
}

#define OASKIT_INSTANTIATE_TO_JSON(T) template std::string to_json<T>(const T&, WriteOptions);
OASKIT_FOR_EACH_MODEL(OASKIT_INSTANTIATE_TO_JSON)
// Any JSON value, laid out the same way (a bundled document, for one).
template std::string to_json<Any>(const Any&, WriteOptions);

}  // namespace oaskit
