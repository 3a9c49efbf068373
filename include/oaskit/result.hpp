#pragma once
/// `Result<T>`: a value, or every error found while making it.

#include <stdexcept>
#include <utility>
#include <variant>

#include "oaskit/error.hpp"

namespace oaskit {

/// What a parse returns: the model, or all the errors found (never just the first).
/// \code
/// auto info = oaskit::parse<oaskit::Info>(text);
/// if (!info) for (const auto& e : info.errors()) std::cerr << to_string(e) << '\n';
/// else std::cout << info->title;
/// \endcode
///
/// `E` is what the failure holds: the model errors of a parse by default, or the diagnostics
/// of a document load (oaskit/document.hpp).
template <class T, class E = Errors>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::in_place_index<0>, std::move(value)) {}    // NOLINT
  Result(E errors) : state_(std::in_place_index<1>, std::move(errors)) {}  // NOLINT

  [[nodiscard]] bool has_value() const noexcept { return state_.index() == 0; }
  explicit operator bool() const noexcept { return has_value(); }

  /// The value; asking for it when there are errors is a programming error and throws
  /// std::logic_error.
  T& value() & { return checked(); }
  const T& value() const& { return const_cast<Result*>(this)->checked(); }
  T&& value() && { return std::move(checked()); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  /// The errors; empty when there is a value.
  [[nodiscard]] const E& errors() const {
    static const E none;
    return has_value() ? none : std::get<1>(state_);
  }

 private:
  T& checked() {
    if (!has_value()) throw std::logic_error("oaskit::Result: value() called on errors");
    return std::get<0>(state_);
  }
  std::variant<T, E> state_;
};

}  // namespace oaskit
