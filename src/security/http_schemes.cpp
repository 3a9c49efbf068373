// HTTP authentication schemes: bearer tokens (RFC 6750) and Basic (RFC 7617).

#include "http/header_text.hpp"
#include "security/auth_error.hpp"
#include "security/authorization.hpp"
#include "security/base64.hpp"
#include "security/bearer_token.hpp"
#include "security/scheme_name.hpp"
#include "util/ascii.hpp"

namespace oaskit::security {

HTTPBearer::HTTPBearer(HTTPBearerOptions options)
    : Scheme(detail::scheme_name_or(options.scheme_name, "HTTPBearer"), options.auto_error),
      options_(std::move(options)) {}

SecurityScheme HTTPBearer::model() const {
  return oaskit::HTTPBearer{.description = options_.description,
                            .bearerFormat = options_.bearerFormat};
}

std::string HTTPBearer::challenge() const { return "Bearer"; }

Scheme::Extracted HTTPBearer::extract(const RequestView& request) const {
  return detail::extract_bearer(request, auto_error(), challenge());
}

HTTPBasic::HTTPBasic(HTTPBasicOptions options)
    : Scheme(detail::scheme_name_or(options.scheme_name, "HTTPBasic"), options.auto_error),
      options_(std::move(options)) {}

SecurityScheme HTTPBasic::model() const {
  return oaskit::HTTPBase{.description = options_.description, .scheme = "basic"};
}

std::string HTTPBasic::challenge() const {
  // FastAPI leaves an empty realm out as well.
  if (!options_.realm || options_.realm->empty()) return "Basic";
  return "Basic realm=" + oaskit::detail::quoted_string(*options_.realm);
}

Scheme::Extracted HTTPBasic::extract(const RequestView& request) const {
  using State = detail::Authorization::State;
  const detail::Authorization authorization = detail::authorization_of(request);
  if (authorization.state == State::absent ||
      (authorization.state == State::present &&
       !oaskit::detail::equals_ignoring_ascii_case(authorization.scheme, "Basic"))) {
    return detail::fail(auto_error(), detail::not_authenticated({challenge()}));
  }
  const auto invalid = [&] {
    return detail::fail(auto_error(), detail::invalid_credentials(challenge()));
  };
  if (authorization.state != State::present) return invalid();
  // RFC 7617 §2: base64 of user-id ":" password; the user-id has no colon, neither has
  // control characters.
  auto decoded = detail::base64_decode(authorization.rest);
  if (!decoded || oaskit::detail::has_control(*decoded)) return invalid();
  const auto colon = decoded->find(':');
  if (colon == std::string::npos) return invalid();
  Credential credential{.kind = CredentialKind::basic,
                        .scheme = std::string(authorization.scheme),
                        .value = *decoded,
                        .username = decoded->substr(0, colon),
                        .password = decoded->substr(colon + 1)};
  return std::optional<Credential>{std::move(credential)};
}

}  // namespace oaskit::security
