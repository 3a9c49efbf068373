#pragma once
/// The declarative description of a model's fields. Every model declares
/// `template <class Self = M> static constexpr auto fields()` returning a tuple of `Field`s in
/// spec order; parsing, writing and validation are all derived from it. It is a template (its
/// member pointers name `Self`) so that the tuple is instantiated only in the files that read
/// or write models, not in every file that includes a model header: this halves the cost of
/// including oaskit/models.hpp.

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <tuple>
#include <type_traits>

#include "oaskit/box.hpp"

namespace oaskit {

/// Whether a field must be present in a document.
enum class Presence {
  optional,   ///< may be absent; absent is not written
  required,   ///< must be present
  defaulted,  ///< may be absent, then takes its C++ default; always written
};

/// Constraints a field's value must meet beyond its type.
namespace check {
struct None {};
/// A number strictly greater than `bound` (multipleOf > 0).
struct GreaterThan {
  double bound;
};
/// An integer at least `bound` (maxLength >= 0).
struct GreaterEqual {
  std::int64_t bound;
};
/// A list with at least `count` items (ServerVariable.enum is not empty).
struct MinItems {
  std::size_t count;
};
/// An absolute URL as RFC 3986 defines it (Contact.url, License.url, ...).
struct Url {};
/// An e-mail address (Contact.email).
struct Email {};
/// The string `text`, compared ignoring ASCII case (HTTPBearer.scheme: HTTP auth schemes are
/// case-insensitive, so "Bearer" is kept as written).
struct LiteralNoCase {
  std::string_view text;
};
/// Every key of a Paths object begins with '/' (a path relative to the server URL).
struct PathKeys {};
/// Every key of a Responses object is an HTTP status code ("200"), a range ("4XX") or
/// "default".
struct ResponseKeys {};
/// Exactly `value` (an APIKey's type is apiKey).
template <class E>
struct Equals {
  E value;
};
template <class E>
Equals(E) -> Equals<E>;
}  // namespace check

/// A version of the OpenAPI Specification (major.minor), in order.
enum class SpecVersion : std::uint8_t { v3_0, v3_1, v3_2 };

/// Every version oaskit reads, oldest first.
inline constexpr std::array<SpecVersion, 3> spec_versions{SpecVersion::v3_0, SpecVersion::v3_1,
                                                          SpecVersion::v3_2};

/// The version an `openapi` field declares ("3.1.0" is 3.1; "3.1" alone too); nullopt for
/// one oaskit does not read.
constexpr std::optional<SpecVersion> spec_version_of(std::string_view openapi);

/// "3.0", "3.1", "3.2".
constexpr std::string_view to_string(SpecVersion spec) {
  switch (spec) {
    case SpecVersion::v3_0:
      return "3.0";
    case SpecVersion::v3_1:
      return "3.1";
    case SpecVersion::v3_2:
      return "3.2";
  }
  return "";
}

constexpr std::optional<SpecVersion> spec_version_of(std::string_view openapi) {
  for (SpecVersion known : spec_versions) {
    const std::string_view minor = to_string(known);
    if (openapi.starts_with(minor) &&
        (openapi.size() == minor.size() || openapi[minor.size()] == '.')) {
      return known;
    }
  }
  return std::nullopt;
}

/// One field of model `M`: its JSON name, the member holding it, whether it must be present,
/// a constraint, and the version of the specification that introduced it.
template <class M, class T, class Check = check::None>
struct Field {
  std::string_view name;
  T M::*member;
  Presence presence;
  Check constraint;
  SpecVersion introduced = SpecVersion::v3_0;
  /// For an optional field that earlier versions required: the first version it is optional
  /// in (a 3.1 Response needs a description, a 3.2 one does not). Lint reports it missing
  /// from older documents.
  std::optional<SpecVersion> optional_since{};
  /// The first version whose text deprecates this field (XML `attribute` in 3.2, Schema
  /// `example` in 3.1). Lint's version-deprecated-field reports it in documents of that
  /// version or later.
  std::optional<SpecVersion> deprecated_from{};

  /// This field as one that `first` introduced, written on its table line:
  /// `field("summary", &Self::summary).since(SpecVersion::v3_1)`.
  constexpr Field since(SpecVersion first) const {
    Field out = *this;
    out.introduced = first;
    return out;
  }
  /// This optional field as one that versions before `first` required.
  constexpr Field required_before(SpecVersion first) const {
    Field out = *this;
    out.optional_since = first;
    return out;
  }
  /// This field as one that `first` deprecates.
  constexpr Field deprecated_since(SpecVersion first) const {
    Field out = *this;
    out.deprecated_from = first;
    return out;
  }
};

namespace detail {
template <class T>
struct is_optional_like : std::false_type {};
template <class T>
struct is_optional_like<std::optional<T>> : std::true_type {};
template <class T>
struct is_optional_like<Box<T>> : std::true_type {};
}  // namespace detail

/// A field that is optional when its type is (`std::optional`, `Box`), required otherwise.
template <class M, class T, class Check = check::None>
constexpr Field<M, T, Check> field(std::string_view name, T M::*member, Check constraint = {}) {
  return {name, member,
          detail::is_optional_like<T>::value ? Presence::optional : Presence::required, constraint};
}

/// A field that may be absent and then keeps its C++ default (OAuthFlow.scopes = {}).
template <class M, class T, class Check = check::None>
constexpr Field<M, T, Check> defaulted(std::string_view name, T M::*member, Check constraint = {}) {
  return {name, member, Presence::defaulted, constraint};
}

/// True for the types that describe themselves with `fields()`.
template <class T>
concept Model = requires {
  T::fields();
};

}  // namespace oaskit
