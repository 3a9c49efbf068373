#include "security/bearer_token.hpp"

#include "security/auth_error.hpp"
#include "security/authorization.hpp"
#include "util/ascii.hpp"

namespace oaskit::security::detail {

BearerToken bearer_token_of(const RequestView& request) {
  using State = BearerToken::State;
  const Authorization authorization = authorization_of(request);
  switch (authorization.state) {
    case Authorization::State::absent:
      return {};
    case Authorization::State::repeated:
      return {.state = State::malformed,
              .problem = "The request has more than one Authorization header; send one"};
    case Authorization::State::malformed:
      return {.state = State::malformed,
              .problem = "The Authorization header is not `Bearer <token>`"};
    case Authorization::State::present:
      break;
  }
  if (!oaskit::detail::equals_ignoring_ascii_case(authorization.scheme, "Bearer")) {
    return {.state = State::other_scheme, .scheme = authorization.scheme};
  }
  if (authorization.rest.empty()) {
    return {.state = State::malformed,
            .scheme = authorization.scheme,
            .problem = "The Authorization header has no token after `Bearer`"};
  }
  if (!is_token68(authorization.rest)) {
    return {.state = State::malformed,
            .scheme = authorization.scheme,
            .problem =
                "The bearer token must be one word of letters, digits and -._~+/ with "
                "optional trailing = (RFC 6750 section 2.1)"};
  }
  return {.state = State::present, .scheme = authorization.scheme, .token = authorization.rest};
}

Scheme::Extracted extract_bearer(const RequestView& request, bool auto_error,
                                 const std::string& challenge) {
  const BearerToken bearer = bearer_token_of(request);
  switch (bearer.state) {
    case BearerToken::State::absent:
    case BearerToken::State::other_scheme:
      return fail(auto_error, not_authenticated({challenge}));
    case BearerToken::State::malformed:
      return fail(auto_error, invalid_request(challenge, bearer.problem));
    case BearerToken::State::present:
      break;
  }
  return std::optional<Credential>{Credential{.kind = CredentialKind::bearer,
                                              .scheme = std::string(bearer.scheme),
                                              .value = std::string(bearer.token),
                                              .username = {},
                                              .password = {}}};
}

}  // namespace oaskit::security::detail
