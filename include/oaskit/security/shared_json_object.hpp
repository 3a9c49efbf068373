#pragma once
/// `SharedJsonObject`: a read-only JSON object whose copies share one value. A verified token's
/// header and claims are kept in the verified-token cache and copied into every request's
/// Identity and Principal; sharing makes each copy cost a reference count instead of a copy of
/// every member.

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <cstddef>
#include <iosfwd>
#include <memory>
#include <string_view>

namespace oaskit::security {

class SharedJsonObject {
 public:
  /// An empty object.
  SharedJsonObject();
  /// Takes `object` over. Implicit, so an object can be given wherever one of these is wanted.
  SharedJsonObject(boost::json::object object);  // NOLINT(google-explicit-constructor)

  [[nodiscard]] const boost::json::object& get() const noexcept { return *object_; }
  [[nodiscard]] const boost::json::object& operator*() const noexcept { return *object_; }
  [[nodiscard]] const boost::json::object* operator->() const noexcept { return object_.get(); }
  operator const boost::json::object&() const noexcept {  // NOLINT(google-explicit-constructor)
    return *object_;
  }

  // boost::json::object's reading members, so that `claims.at("sub")` reads as for an object.
  /// The member named `key`; throws std::out_of_range (as boost::json::object::at) when absent.
  [[nodiscard]] const boost::json::value& at(std::string_view key) const {
    return object_->at(key);
  }
  [[nodiscard]] const boost::json::value* if_contains(std::string_view key) const noexcept {
    return object_->if_contains(key);
  }
  [[nodiscard]] bool contains(std::string_view key) const noexcept {
    return object_->contains(key);
  }
  [[nodiscard]] bool empty() const noexcept { return object_->empty(); }
  [[nodiscard]] std::size_t size() const noexcept { return object_->size(); }
  [[nodiscard]] boost::json::object::const_iterator begin() const noexcept {
    return object_->begin();
  }
  [[nodiscard]] boost::json::object::const_iterator end() const noexcept { return object_->end(); }

  /// Equal when the members are (as boost::json::object compares them).
  friend bool operator==(const SharedJsonObject& a, const SharedJsonObject& b) {
    return a.object_ == b.object_ || *a.object_ == *b.object_;
  }
  friend bool operator==(const SharedJsonObject& a, const boost::json::object& b) {
    return *a.object_ == b;
  }
  /// The object as JSON text.
  friend std::ostream& operator<<(std::ostream& out, const SharedJsonObject& object);

 private:
  std::shared_ptr<const boost::json::object> object_;  // never null
};

}  // namespace oaskit::security
