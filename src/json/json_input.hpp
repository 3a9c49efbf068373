#pragma once
// The two JSON trees the generic reader reads models from, behind one small interface:
// simdjson's DOM (parse<T> on text) and boost::json::value (from_value<T> on what a Source
// already holds, so a document's text is parsed once). read.hpp is written against this
// interface only; each tree's view is a value type of one or two pointers, all inline.

#include <simdjson.h>

#include <boost/json/value.hpp>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>

namespace oaskit::detail {

enum class JsonType : std::uint8_t { object, array, string, boolean, int64, uint64, double_, null };

/// A forward iterator over `It` whose items are `View{}(it)`: how each tree's members and
/// items come out as the same (key, value) pairs and values.
template <class It, class View>
class ViewIterator {
 public:
  explicit ViewIterator(It it) noexcept : it_(it) {}
  auto operator*() const noexcept { return View{}(it_); }
  ViewIterator& operator++() noexcept {
    ++it_;
    return *this;
  }
  bool operator!=(const ViewIterator& other) const noexcept { return it_ != other.it_; }

 private:
  It it_;
};

/// A value of simdjson's DOM.
class DomValue {
 public:
  explicit DomValue(simdjson::dom::element element) noexcept : element_(element) {}

  [[nodiscard]] JsonType type() const noexcept {
    switch (element_.type()) {
      case simdjson::dom::element_type::OBJECT:
        return JsonType::object;
      case simdjson::dom::element_type::ARRAY:
        return JsonType::array;
      case simdjson::dom::element_type::STRING:
        return JsonType::string;
      case simdjson::dom::element_type::BOOL:
        return JsonType::boolean;
      case simdjson::dom::element_type::INT64:
        return JsonType::int64;
      case simdjson::dom::element_type::UINT64:
        return JsonType::uint64;
      case simdjson::dom::element_type::DOUBLE:
        return JsonType::double_;
      case simdjson::dom::element_type::NULL_VALUE:
        break;
    }
    return JsonType::null;
  }
  [[nodiscard]] bool is_null() const noexcept { return element_.is_null(); }
  /// Each getter is true when the value is of that type, and then sets `out`.
  bool get(std::string_view& out) const noexcept { return !element_.get_string().get(out); }
  bool get(bool& out) const noexcept { return !element_.get_bool().get(out); }
  /// Only for a value of that type.
  [[nodiscard]] std::int64_t int64() const noexcept { return element_.get_int64().value_unsafe(); }
  [[nodiscard]] std::uint64_t uint64() const noexcept {
    return element_.get_uint64().value_unsafe();
  }
  [[nodiscard]] double double_() const noexcept { return element_.get_double().value_unsafe(); }

  class Members {
   public:
    struct View {
      std::pair<std::string_view, DomValue> operator()(
          const simdjson::dom::object::iterator& it) const noexcept;
    };
    using iterator = ViewIterator<simdjson::dom::object::iterator, View>;
    explicit Members(simdjson::dom::object object) noexcept : object_(object) {}
    [[nodiscard]] std::size_t size() const noexcept { return object_.size(); }
    [[nodiscard]] iterator begin() const noexcept { return iterator(object_.begin()); }
    [[nodiscard]] iterator end() const noexcept { return iterator(object_.end()); }
    [[nodiscard]] std::optional<DomValue> find(std::string_view key) const noexcept {
      simdjson::dom::element found;
      if (object_.at_key(key).get(found)) return std::nullopt;
      return DomValue(found);
    }

   private:
    simdjson::dom::object object_;
  };

  class Items {
   public:
    struct View {
      DomValue operator()(const simdjson::dom::array::iterator& it) const noexcept;
    };
    using iterator = ViewIterator<simdjson::dom::array::iterator, View>;
    explicit Items(simdjson::dom::array array) noexcept : array_(array) {}
    [[nodiscard]] std::size_t size() const noexcept { return array_.size(); }
    [[nodiscard]] iterator begin() const noexcept { return iterator(array_.begin()); }
    [[nodiscard]] iterator end() const noexcept { return iterator(array_.end()); }

   private:
    simdjson::dom::array array_;
  };

  /// The members of an object, or nothing for any other value.
  [[nodiscard]] std::optional<Members> object() const noexcept {
    simdjson::dom::object object;
    if (element_.get_object().get(object)) return std::nullopt;
    return Members(object);
  }
  /// The items of an array, or nothing for any other value.
  [[nodiscard]] std::optional<Items> array() const noexcept {
    simdjson::dom::array array;
    if (element_.get_array().get(array)) return std::nullopt;
    return Items(array);
  }

  [[nodiscard]] simdjson::dom::element element() const noexcept { return element_; }

 private:
  simdjson::dom::element element_;
};

/// A boost::json::value, which must outlive the view.
class BoostValue {
 public:
  explicit BoostValue(const boost::json::value& value) noexcept : value_(&value) {}

  [[nodiscard]] JsonType type() const noexcept {
    switch (value_->kind()) {
      case boost::json::kind::object:
        return JsonType::object;
      case boost::json::kind::array:
        return JsonType::array;
      case boost::json::kind::string:
        return JsonType::string;
      case boost::json::kind::bool_:
        return JsonType::boolean;
      case boost::json::kind::int64:
        return JsonType::int64;
      case boost::json::kind::uint64:
        return JsonType::uint64;
      case boost::json::kind::double_:
        return JsonType::double_;
      case boost::json::kind::null:
        break;
    }
    return JsonType::null;
  }
  [[nodiscard]] bool is_null() const noexcept { return value_->is_null(); }
  bool get(std::string_view& out) const noexcept {
    const auto* s = value_->if_string();
    if (s == nullptr) return false;
    out = *s;
    return true;
  }
  bool get(bool& out) const noexcept {
    const auto* b = value_->if_bool();
    if (b == nullptr) return false;
    out = *b;
    return true;
  }
  [[nodiscard]] std::int64_t int64() const noexcept { return value_->get_int64(); }
  [[nodiscard]] std::uint64_t uint64() const noexcept { return value_->get_uint64(); }
  [[nodiscard]] double double_() const noexcept { return value_->get_double(); }

  class Members {
   public:
    struct View {
      std::pair<std::string_view, BoostValue> operator()(
          const boost::json::key_value_pair* it) const noexcept;
    };
    using iterator = ViewIterator<const boost::json::key_value_pair*, View>;
    explicit Members(const boost::json::object& object) noexcept : object_(&object) {}
    [[nodiscard]] std::size_t size() const noexcept { return object_->size(); }
    [[nodiscard]] iterator begin() const noexcept { return iterator(object_->begin()); }
    [[nodiscard]] iterator end() const noexcept { return iterator(object_->end()); }
    [[nodiscard]] std::optional<BoostValue> find(std::string_view key) const noexcept {
      const auto* found = object_->if_contains(key);
      if (found == nullptr) return std::nullopt;
      return BoostValue(*found);
    }

   private:
    const boost::json::object* object_;
  };

  class Items {
   public:
    struct View {
      BoostValue operator()(const boost::json::value* it) const noexcept;
    };
    using iterator = ViewIterator<const boost::json::value*, View>;
    explicit Items(const boost::json::array& array) noexcept : array_(&array) {}
    [[nodiscard]] std::size_t size() const noexcept { return array_->size(); }
    [[nodiscard]] iterator begin() const noexcept { return iterator(array_->data()); }
    [[nodiscard]] iterator end() const noexcept {
      return iterator(array_->data() + array_->size());
    }

   private:
    const boost::json::array* array_;
  };

  [[nodiscard]] std::optional<Members> object() const noexcept {
    const auto* object = value_->if_object();
    if (object == nullptr) return std::nullopt;
    return Members(*object);
  }
  [[nodiscard]] std::optional<Items> array() const noexcept {
    const auto* array = value_->if_array();
    if (array == nullptr) return std::nullopt;
    return Items(*array);
  }

  [[nodiscard]] const boost::json::value& value() const noexcept { return *value_; }

 private:
  const boost::json::value* value_;
};

inline std::pair<std::string_view, DomValue> DomValue::Members::View::operator()(
    const simdjson::dom::object::iterator& it) const noexcept {
  return {it.key(), DomValue(it.value())};
}
inline DomValue DomValue::Items::View::operator()(
    const simdjson::dom::array::iterator& it) const noexcept {
  return DomValue(*it);
}
inline std::pair<std::string_view, BoostValue> BoostValue::Members::View::operator()(
    const boost::json::key_value_pair* it) const noexcept {
  return {it->key(), BoostValue(it->value())};
}
inline BoostValue BoostValue::Items::View::operator()(const boost::json::value* it) const noexcept {
  return BoostValue(*it);
}

}  // namespace oaskit::detail
