#pragma once
/// `MapWithExtensions<T>`: an object of named `T`s that may also carry `x-` extensions.

#include "oaskit/any.hpp"
#include "oaskit/map.hpp"

namespace oaskit {

/// The Paths, Responses and Callback objects: every member is a `T` except those whose name
/// starts with `x-`, which are specification extensions (any JSON value). Writing puts the
/// entries first, then the extensions, each in the order read.
template <class T>
struct MapWithExtensions {
  Map<T> entries;  // no initializer here: T may still be incomplete where this is used
  Extra extensions{};
  friend bool operator==(const MapWithExtensions&, const MapWithExtensions&) = default;
};

}  // namespace oaskit
