#pragma once
/// `Box<T>`: an optional value kept on the heap.

#include <concepts>
#include <memory>
#include <optional>
#include <type_traits>
#include <utility>

namespace oaskit {

/// Reads and behaves like `std::optional<T>` (empty by default, `has_value`, `*`, `->`,
/// `==`, `value_or`, converts to `std::optional<T>`), but stores the value on the heap: one
/// pointer, however large `T` is. Used where a model contains itself (a Schema's
/// `not_`, `items`, ...) and for large, rarely present members, so models stay small.
///
/// Copies are deep; comparison compares the values.
/// \code
/// Schema s{.not_ = Schema{.type = SchemaType::string}};
/// if (s.not_) use(*s.not_);
/// \endcode
template <class T>
class Box {
 public:
  using value_type = T;

  Box() noexcept = default;
  Box(std::nullopt_t) noexcept {}  // NOLINT(google-explicit-constructor): reads like optional
  // Implicit so that `.not_ = Schema{...}` works; the constraint keeps Box's own copies and
  // moves out of it.
  template <class U = T>
  requires(!std::same_as<std::remove_cvref_t<U>, Box> &&
           !std::same_as<std::remove_cvref_t<U>, std::nullopt_t> && std::constructible_from<T, U>)
      Box(U&& value)  // NOLINT(google-explicit-constructor,bugprone-forwarding-reference-overload)
      : ptr_(std::make_unique<T>(std::forward<U>(value))) {}

  Box(const Box& other) : ptr_(other.ptr_ ? std::make_unique<T>(*other.ptr_) : nullptr) {}
  Box(Box&&) noexcept = default;
  Box& operator=(const Box& other) {
    if (this != &other) ptr_ = other.ptr_ ? std::make_unique<T>(*other.ptr_) : nullptr;
    return *this;
  }
  Box& operator=(Box&&) noexcept = default;
  Box& operator=(std::nullopt_t) noexcept {
    ptr_.reset();
    return *this;
  }
  ~Box() = default;

  [[nodiscard]] bool has_value() const noexcept { return ptr_ != nullptr; }
  explicit operator bool() const noexcept { return has_value(); }

  /// The value; the box must not be empty.
  T& operator*() noexcept { return *ptr_; }
  const T& operator*() const noexcept { return *ptr_; }
  T* operator->() noexcept { return ptr_.get(); }
  const T* operator->() const noexcept { return ptr_.get(); }

  /// The value, or std::bad_optional_access when empty, as std::optional::value.
  T& value() {
    if (!ptr_) throw std::bad_optional_access();
    return *ptr_;
  }
  const T& value() const {
    if (!ptr_) throw std::bad_optional_access();
    return *ptr_;
  }

  /// A copy as a std::optional, so that code written for an optional member keeps working:
  /// `std::optional<std::int64_t> limit = schema.maxLength;`.
  operator std::optional<T>() const {  // NOLINT(google-explicit-constructor): as optional
    return ptr_ ? std::optional<T>(*ptr_) : std::nullopt;
  }

  /// The value, or `fallback` when empty, as std::optional::value_or.
  template <class U>
  T value_or(U&& fallback) const& {
    return ptr_ ? *ptr_ : static_cast<T>(std::forward<U>(fallback));
  }

  /// Constructs a value in place, replacing any value held.
  template <class... Args>
  T& emplace(Args&&... args) {
    ptr_ = std::make_unique<T>(std::forward<Args>(args)...);
    return *ptr_;
  }
  void reset() noexcept { ptr_.reset(); }

  friend bool operator==(const Box& a, const Box& b) {
    if (!a.ptr_ || !b.ptr_) return !a.ptr_ && !b.ptr_;
    return *a.ptr_ == *b.ptr_;
  }
  friend bool operator==(const Box& a, std::nullopt_t) noexcept { return !a.ptr_; }
  /// A value compares equal to a box holding an equal value, as with std::optional.
  template <class U>
  requires(!std::same_as<U, Box> && !std::same_as<U, std::nullopt_t> &&
           requires(const T& t, const U& u) { t == u; }) friend bool
  operator==(const Box& a, const U& b) {
    return a.ptr_ && *a.ptr_ == b;
  }

 private:
  std::unique_ptr<T> ptr_;
};

}  // namespace oaskit
