// A Path Item's method fields, taken from its field table once.

#include "oaskit/model/paths.hpp"

namespace oaskit {

std::span<const PathItem::MethodField> PathItem::method_fields() {
  static constexpr auto methods = method_fields_of();
  return methods;
}

}  // namespace oaskit
