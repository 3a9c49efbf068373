// The schemes whose credentials are OAuth 2.0 bearer tokens: OAuth2 and its one-flow
// shorthands, and OpenID Connect.

#include "security/bearer_token.hpp"
#include "security/scheme_name.hpp"

namespace oaskit::security {

OAuth2::OAuth2(OAuth2Options options) : OAuth2(std::move(options), "OAuth2") {}

OAuth2::OAuth2(OAuth2Options options, std::string_view default_name)
    : Scheme(detail::scheme_name_or(options.scheme_name, default_name), options.auto_error),
      options_(std::move(options)) {}

SecurityScheme OAuth2::model() const {
  return oaskit::OAuth2{.description = options_.description, .flows = options_.flows};
}

// RFC 6749 names no challenge for OAuth 2.0; its tokens are bearer tokens (RFC 6750), as
// FastAPI assumes too.
std::string OAuth2::challenge() const { return "Bearer"; }

Scheme::Extracted OAuth2::extract(const RequestView& request) const {
  return detail::extract_bearer(request, auto_error(), challenge());
}

namespace {
// What the one-flow shorthands pass on besides their flow.
template <class Options>
OAuth2Options with_flows(Options& options, const OAuthFlows& flows) {
  return {.flows = flows,
          .scheme_name = std::move(options.scheme_name),
          .description = std::move(options.description),
          .auto_error = options.auto_error};
}
}  // namespace

OAuth2PasswordBearer::OAuth2PasswordBearer(OAuth2PasswordBearerOptions options)
    : OAuth2(with_flows(options,
                        {.password = OAuthFlowPassword{.tokenUrl = std::move(options.tokenUrl),
                                                       .refreshUrl = std::move(options.refreshUrl),
                                                       .scopes = std::move(options.scopes)}}),
             "OAuth2PasswordBearer") {}

OAuth2AuthorizationCodeBearer::OAuth2AuthorizationCodeBearer(
    OAuth2AuthorizationCodeBearerOptions options)
    : OAuth2(with_flows(options, {.authorizationCode =
                                      OAuthFlowAuthorizationCode{
                                          .authorizationUrl = std::move(options.authorizationUrl),
                                          .tokenUrl = std::move(options.tokenUrl),
                                          .refreshUrl = std::move(options.refreshUrl),
                                          .scopes = std::move(options.scopes)}}),
             "OAuth2AuthorizationCodeBearer") {}

OAuth2ClientCredentialsBearer::OAuth2ClientCredentialsBearer(
    OAuth2ClientCredentialsBearerOptions options)
    : OAuth2(with_flows(options,
                        {.clientCredentials =
                             OAuthFlowClientCredentials{.tokenUrl = std::move(options.tokenUrl),
                                                        .refreshUrl = std::move(options.refreshUrl),
                                                        .scopes = std::move(options.scopes)}}),
             "OAuth2ClientCredentialsBearer") {}

OpenIdConnect::OpenIdConnect(OpenIdConnectOptions options)
    : Scheme(detail::scheme_name_or(options.scheme_name, "OpenIdConnect"), options.auto_error),
      options_(std::move(options)) {}

SecurityScheme OpenIdConnect::model() const {
  return oaskit::OpenIdConnect{.description = options_.description,
                               .openIdConnectUrl = options_.openIdConnectUrl};
}

std::string OpenIdConnect::challenge() const { return "Bearer"; }

// FastAPI hands over the whole Authorization header; here it must be a bearer token, which is
// what an OpenID Connect resource server receives (RFC 6750).
Scheme::Extracted OpenIdConnect::extract(const RequestView& request) const {
  return detail::extract_bearer(request, auto_error(), challenge());
}

}  // namespace oaskit::security
