#include "oaskit/security/shared_json_object.hpp"

#include <atomic>
#include <boost/json/serialize.hpp>
#include <mutex>
#include <ostream>
#include <stdexcept>
#include <utility>

#include "security/shared_json_object_access.hpp"
#include "util/strict_json.hpp"

namespace oaskit::security {

// Either built, or the checked text it will be built from at the first get().
struct SharedJsonObject::Holder {
  explicit Holder(boost::json::object built) : object(std::move(built)), ready(true) {}
  explicit Holder(std::string json) : text(std::move(json)) {}

  const boost::json::object& get() const {
    if (!ready.load(std::memory_order_acquire)) build();
    return object;
  }

  void build() const {
    const std::lock_guard lock(mutex);
    if (ready.load(std::memory_order_relaxed)) return;
    auto value = oaskit::detail::parse_strict_json(text);
    if (!value || !value->is_object()) {
      throw std::logic_error("SharedJsonObject: the text it was given is not a checked object");
    }
    object = std::move(value->get_object());
    text = std::string();
    ready.store(true, std::memory_order_release);
  }

  mutable boost::json::object object;
  mutable std::string text;
  mutable std::mutex mutex;
  mutable std::atomic<bool> ready{false};
};

SharedJsonObject::SharedJsonObject() : holder_(empty_holder()) {}

SharedJsonObject::SharedJsonObject(boost::json::object object)
    : holder_(object.empty() ? empty_holder() : std::make_shared<const Holder>(std::move(object))) {
}

SharedJsonObject::SharedJsonObject(std::shared_ptr<const Holder> holder)
    : holder_(std::move(holder)) {}

const boost::json::object& SharedJsonObject::get() const { return holder_->get(); }

std::ostream& operator<<(std::ostream& out, const SharedJsonObject& object) {
  return out << boost::json::serialize(object.get());
}

// Every empty SharedJsonObject shares one object: opaque tokens and anonymous principals have
// no header or claims, and should not cost an allocation for saying so.
const std::shared_ptr<const SharedJsonObject::Holder>& SharedJsonObject::empty_holder() {
  static const auto empty = std::make_shared<const Holder>(boost::json::object{});
  return empty;
}

SharedJsonObject SharedJsonObjectAccess::from_checked_text(std::string json) {
  return SharedJsonObject(std::make_shared<const SharedJsonObject::Holder>(std::move(json)));
}

}  // namespace oaskit::security
