#pragma once
// The JSON object an authorization server answers with (metadata, introspection, tokens).

#include <boost/json/object.hpp>

#include "http/client.hpp"
#include "oaskit/result.hpp"

namespace oaskit::detail {

/// The body of a 200 response parsed as a JSON object; otherwise why not ("HTTP status 500",
/// "the response is not JSON (...)", "the response is not a JSON object"), never quoting the
/// body. Repeated member names are refused.
[[nodiscard]] Result<boost::json::object, FetchError> json_object_body(
    const HttpResponse& response);

}  // namespace oaskit::detail
