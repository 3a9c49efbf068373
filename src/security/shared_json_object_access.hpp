#pragma once
// What the verifiers may do with a SharedJsonObject and users may not: hand out an object that
// is built from already checked text when first read.

#include <string>

#include "oaskit/security/shared_json_object.hpp"

namespace oaskit::security {

struct SharedJsonObjectAccess {
  /// An object built from `json` on first use. `json` must be a JSON object that
  /// oaskit::detail::parse_strict_json accepts (ObjectSummary::read accepted it); building it is
  /// then certain to succeed, short of running out of memory.
  static SharedJsonObject from_checked_text(std::string json);
};

}  // namespace oaskit::security
