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

template <class T>
bool write_json(const T& value, std::FILE* out, WriteOptions options) {
  detail::JsonWriter writer(options.indent, out);
  detail::write(writer, value);
  return writer.finish();
}

#define OASKIT_INSTANTIATE_TO_JSON(T)                      \
  template std::string to_json<T>(const T&, WriteOptions); \
  template bool write_json<T>(const T&, std::FILE*, WriteOptions);
OASKIT_FOR_EACH_MODEL(OASKIT_INSTANTIATE_TO_JSON)
template std::string to_json<Any>(const Any&, WriteOptions);
template bool write_json<Any>(const Any&, std::FILE*, WriteOptions);

}  // namespace oaskit
