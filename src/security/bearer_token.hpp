#pragma once
// The one reader of `Authorization: Bearer <token>` (RFC 6750 §2.1), shared by OAuth2*,
// OpenIdConnect and HTTPBearer. Only the header counts: tokens in a form body (§2.2) are never
// read because schemes do not see bodies, and the `access_token` query parameter (§2.3) is
// refused by design, as §2.3 says it SHOULD NOT be used (tokens in URLs end up in logs).

#include <string>
#include <string_view>

#include "oaskit/security/request.hpp"
#include "oaskit/security/schemes.hpp"

namespace oaskit::security::detail {

struct BearerToken {
  enum class State {
    absent,        ///< no Authorization header
    other_scheme,  ///< credentials of another auth-scheme ("Basic ...")
    malformed,     ///< unreadable, repeated, or not `Bearer` 1*SP b64token
    present,
  };
  State state = State::absent;
  std::string_view scheme{};   ///< "Bearer" as sent, in any case
  std::string_view token{};    ///< the b64token when present
  std::string_view problem{};  ///< what was wrong, for error_description, when malformed
};

[[nodiscard]] BearerToken bearer_token_of(const RequestView& request);

/// What every bearer scheme's `extract` does: the token as a Credential; absent or another
/// scheme is "not authenticated" (as FastAPI), malformed is invalid_request.
[[nodiscard]] Scheme::Extracted extract_bearer(const RequestView& request, bool auto_error,
                                               const std::string& challenge);

}  // namespace oaskit::security::detail
