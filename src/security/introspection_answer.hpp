#pragma once
// What a token introspection endpoint answers (RFC 7662 §2.2), read and judged: the parts of
// IntrospectionVerifier that see the server's bytes, apart from the HTTP exchange.

#include <boost/json/object.hpp>
#include <chrono>
#include <optional>

#include "http/client.hpp"
#include "oaskit/security/identity.hpp"
#include "oaskit/security/introspection.hpp"

namespace oaskit::security::detail {

using TimePoint = std::chrono::system_clock::time_point;

/// The answer in `response`: a JSON object with a boolean "active" and, if it has one, a
/// numeric "exp"; else why not (never quoting the body).
[[nodiscard]] Result<boost::json::object, oaskit::detail::FetchError> introspection_answer(
    const oaskit::detail::HttpResponse& response);

/// The answer's "exp" as a time (a number beyond year 9999 is year 9999), if it has one.
[[nodiscard]] std::optional<TimePoint> introspection_exp(const boost::json::object& answer);

/// What `answer` (as introspection_answer returns it) means for the token under `options` at
/// `now`: inactive, expired, another issuer or audience, a missing required scope, or the
/// identity it describes.
[[nodiscard]] VerifyResult judge_introspection(boost::json::object answer,
                                               const IntrospectionOptions& options, TimePoint now);

}  // namespace oaskit::security::detail
