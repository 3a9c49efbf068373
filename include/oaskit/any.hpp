#pragma once
/// Any-valued data and unknown members.

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

namespace oaskit {

/// Any JSON value (`example`, `default`, `const`, enum members, extension values). An explicit
/// `null` is a value and is written back.
using Any = boost::json::value;

/// Members a model does not declare: specification extensions (`x-...`) and anything else,
/// kept in the order written and written back after the declared fields.
using Extra = boost::json::object;

}  // namespace oaskit
