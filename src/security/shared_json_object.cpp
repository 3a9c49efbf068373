#include "oaskit/security/shared_json_object.hpp"

#include <boost/json/serialize.hpp>
#include <ostream>
#include <utility>

namespace oaskit::security {
namespace {

// Every empty SharedJsonObject shares one object: opaque tokens and anonymous principals have
// no header or claims, and should not cost an allocation for saying so.
const std::shared_ptr<const boost::json::object>& empty_object() {
  static const auto empty = std::make_shared<const boost::json::object>();
  return empty;
}

}  // namespace

SharedJsonObject::SharedJsonObject() : object_(empty_object()) {}

SharedJsonObject::SharedJsonObject(boost::json::object object)
    : object_(object.empty() ? empty_object()
                             : std::make_shared<const boost::json::object>(std::move(object))) {}

std::ostream& operator<<(std::ostream& out, const SharedJsonObject& object) {
  return out << boost::json::serialize(*object);
}

}  // namespace oaskit::security
