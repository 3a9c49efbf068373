#pragma once
/// `SharedJsonObject`: a read-only JSON object whose copies share one value. A verified token's
/// header and claims are kept in the verified-token cache and copied into every request's
/// Identity and Principal; sharing makes each copy cost a reference count instead of a copy of
/// every member.
///
/// Reading it from several threads at once is safe, as for a `const boost::json::object`.

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <cstddef>
#include <iosfwd>
#include <memory>
#include <string_view>

namespace oaskit::security {

struct SharedJsonObjectAccess;  // for oaskit's verifiers only (defined in src/)

class SharedJsonObject {
 public:
  /// An empty object.
  SharedJsonObject();
  /// Takes `object` over. Implicit, so an object can be given wherever one of these is wanted.
  SharedJsonObject(boost::json::object object);  // NOLINT(google-explicit-constructor)

  /// The object. JwtVerifier checks a token without building it, so it is built from the
  /// token's text on the first call (once, whichever thread asks first); later calls and
  /// copies get the same object.
  [[nodiscard]] const boost::json::object& get() const;
  [[nodiscard]] const boost::json::object& operator*() const { return get(); }
  [[nodiscard]] const boost::json::object* operator->() const { return &get(); }
  operator const boost::json::object&() const {  // NOLINT(google-explicit-constructor)
    return get();
  }

  // boost::json::object's reading members, so that `claims.at("sub")` reads as for an object.
  /// The member named `key`; throws std::out_of_range (as boost::json::object::at) when absent.
  [[nodiscard]] const boost::json::value& at(std::string_view key) const { return get().at(key); }
  [[nodiscard]] const boost::json::value* if_contains(std::string_view key) const {
    return get().if_contains(key);
  }
  [[nodiscard]] bool contains(std::string_view key) const { return get().contains(key); }
  [[nodiscard]] bool empty() const { return get().empty(); }
  [[nodiscard]] std::size_t size() const { return get().size(); }
  [[nodiscard]] boost::json::object::const_iterator begin() const { return get().begin(); }
  [[nodiscard]] boost::json::object::const_iterator end() const { return get().end(); }

  /// Equal when the members are (as boost::json::object compares them).
  friend bool operator==(const SharedJsonObject& a, const SharedJsonObject& b) {
    return a.holder_ == b.holder_ || a.get() == b.get();
  }
  friend bool operator==(const SharedJsonObject& a, const boost::json::object& b) {
    return a.get() == b;
  }
  /// The object as JSON text.
  friend std::ostream& operator<<(std::ostream& out, const SharedJsonObject& object);

 private:
  friend struct SharedJsonObjectAccess;
  struct Holder;
  explicit SharedJsonObject(std::shared_ptr<const Holder> holder);
  static const std::shared_ptr<const Holder>& empty_holder();

  std::shared_ptr<const Holder> holder_;  // never null
};

}  // namespace oaskit::security
