#pragma once
/// `Map<T>`: a JSON object's members with their order kept.

#include <algorithm>
#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

namespace oaskit {

/// The members of a JSON object whose values are all `T`, in the order they were written
/// (`paths`, `properties`, `scopes`, ...). Keys are unique. Lookup is linear, which is what
/// the small maps of OpenAPI documents want; iteration gives `std::pair<std::string, T>`.
/// Two maps are equal when they hold the same keys with equal values, in any order, as JSON
/// objects are.
/// \code
/// Map<std::string> scopes{{"pets:read", "Read pets"}, {"pets:write", "Change pets"}};
/// if (auto* d = scopes.find("pets:read")) std::cout << *d;
/// \endcode
template <class T>
class Map {
 public:
  using value_type = std::pair<std::string, T>;
  using container = std::vector<value_type>;
  using iterator = typename container::iterator;
  using const_iterator = typename container::const_iterator;

  Map() = default;
  Map(std::initializer_list<value_type> members) {
    for (const auto& m : members) insert_or_assign(m.first, m.second);
  }

  [[nodiscard]] std::size_t size() const noexcept { return members_.size(); }
  [[nodiscard]] bool empty() const noexcept { return members_.empty(); }
  iterator begin() noexcept { return members_.begin(); }
  iterator end() noexcept { return members_.end(); }
  const_iterator begin() const noexcept { return members_.begin(); }
  const_iterator end() const noexcept { return members_.end(); }

  /// The value of `key`, or nullptr.
  T* find(std::string_view key) noexcept {
    for (auto& m : members_)
      if (m.first == key) return &m.second;
    return nullptr;
  }
  const T* find(std::string_view key) const noexcept {
    for (const auto& m : members_)
      if (m.first == key) return &m.second;
    return nullptr;
  }
  [[nodiscard]] bool contains(std::string_view key) const noexcept { return find(key) != nullptr; }

  /// Sets `key` to `value`; a new key goes last.
  T& insert_or_assign(std::string key, T value) {
    if (T* existing = find(key)) return *existing = std::move(value);
    return members_.emplace_back(std::move(key), std::move(value)).second;
  }
  /// Removes `key`; true if it was there.
  bool erase(std::string_view key) {
    auto it = std::find_if(members_.begin(), members_.end(),
                           [&](const value_type& m) { return m.first == key; });
    if (it == members_.end()) return false;
    members_.erase(it);
    return true;
  }

  /// Appends a member without looking for an existing key: for builders that already know
  /// the key is new (the parser checks duplicates itself).
  T& append_unchecked(std::string key, T value) {
    return members_.emplace_back(std::move(key), std::move(value)).second;
  }
  /// Appends a default-constructed value under `key`, which must be new, and returns it.
  T& append_unchecked(std::string key) {  // NOLINT(performance-unnecessary-value-param): moved
    return members_
        .emplace_back(std::piecewise_construct, std::forward_as_tuple(std::move(key)),
                      std::forward_as_tuple())
        .second;
  }
  void reserve(std::size_t n) { members_.reserve(n); }

  friend bool operator==(const Map& a, const Map& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
      const auto& m = a.members_[i];
      // Same order is the common case: compare in place before searching.
      const auto& same_place = b.members_[i];
      const T* other = same_place.first == m.first ? &same_place.second : b.find(m.first);
      if (other == nullptr || !(*other == m.second)) return false;
    }
    return true;
  }

 private:
  container members_;
};

}  // namespace oaskit
