#pragma once
/// Security schemes and OAuth 2.0 flows: SecuritySchemeType, SecurityBase, APIKeyIn, APIKey,
/// HTTPBase, HTTPBearer, MutualTLS, OAuthFlow and its four flows, OAuthFlows, OAuth2,
/// OpenIdConnect, the SecurityScheme union and SecurityRequirement.

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <variant>
#include <vector>

#include "oaskit/any.hpp"
#include "oaskit/field.hpp"
#include "oaskit/map.hpp"

namespace oaskit {

/// A security scheme's `type`. OpenAPI 3.1 adds mutualTLS (FastAPI does not know it).
enum class SecuritySchemeType { apiKey, http, mutualTLS, oauth2, openIdConnect };
constexpr std::array<std::string_view, 5> enum_names(SecuritySchemeType) {
  return {"apiKey", "http", "mutualTLS", "oauth2", "openIdConnect"};
}

/// Where an API key is sent.
enum class APIKeyIn { query, header, cookie };
constexpr std::array<std::string_view, 3> enum_names(APIKeyIn) {
  return {"query", "header", "cookie"};
}

/// What every scheme has: its type and a description.
struct SecurityBase {
  SecuritySchemeType type = SecuritySchemeType::apiKey;
  std::optional<std::string> description{};
  Extra extra{};

  static constexpr auto fields() {
    return std::tuple{field("type", &SecurityBase::type),
                      field("description", &SecurityBase::description)};
  }
  friend bool operator==(const SecurityBase&, const SecurityBase&) = default;
};

/// An API key sent in a query parameter, header or cookie called `name`.
struct APIKey {
  SecuritySchemeType type = SecuritySchemeType::apiKey;
  std::optional<std::string> description{};
  std::string name{};
  APIKeyIn in = APIKeyIn::header;
  Extra extra{};

  static constexpr auto fields() {
    return std::tuple{defaulted("type", &APIKey::type, check::Equals{SecuritySchemeType::apiKey}),
                      field("description", &APIKey::description), field("name", &APIKey::name),
                      field("in", &APIKey::in)};
  }
  friend bool operator==(const APIKey&, const APIKey&) = default;
};

/// HTTP authentication with an IANA-registered `scheme` (basic, digest, ...).
struct HTTPBase {
  SecuritySchemeType type = SecuritySchemeType::http;
  std::optional<std::string> description{};
  std::string scheme{};
  Extra extra{};

  static constexpr auto fields() {
    return std::tuple{defaulted("type", &HTTPBase::type, check::Equals{SecuritySchemeType::http}),
                      field("description", &HTTPBase::description),
                      field("scheme", &HTTPBase::scheme)};
  }
  friend bool operator==(const HTTPBase&, const HTTPBase&) = default;
};

/// HTTP bearer tokens. `scheme` is "bearer" in any ASCII case, kept as written.
struct HTTPBearer {
  SecuritySchemeType type = SecuritySchemeType::http;
  std::optional<std::string> description{};
  std::string scheme = "bearer";
  std::optional<std::string> bearerFormat{};  // a hint such as "JWT"
  Extra extra{};

  static constexpr auto fields() {
    return std::tuple{defaulted("type", &HTTPBearer::type, check::Equals{SecuritySchemeType::http}),
                      field("description", &HTTPBearer::description),
                      defaulted("scheme", &HTTPBearer::scheme, check::LiteralNoCase{"bearer"}),
                      field("bearerFormat", &HTTPBearer::bearerFormat)};
  }
  friend bool operator==(const HTTPBearer&, const HTTPBearer&) = default;
};

/// Mutual TLS: the client presents a certificate (OpenAPI 3.1).
struct MutualTLS {
  SecuritySchemeType type = SecuritySchemeType::mutualTLS;
  std::optional<std::string> description{};
  Extra extra{};

  static constexpr auto fields() {
    return std::tuple{
        defaulted("type", &MutualTLS::type, check::Equals{SecuritySchemeType::mutualTLS}),
        field("description", &MutualTLS::description)};
  }
  friend bool operator==(const MutualTLS&, const MutualTLS&) = default;
};

namespace detail {
/// The fields every OAuth flow has, after its own URLs.
template <class M>
constexpr auto oauth_flow_fields() {
  return std::tuple{field("refreshUrl", &M::refreshUrl), defaulted("scopes", &M::scopes)};
}
}  // namespace detail

/// What every OAuth 2.0 flow has: where to refresh tokens, and the scopes it grants
/// (scope name to description; `{}` by default and always written).
struct OAuthFlow {
  std::optional<std::string> refreshUrl{};
  Map<std::string> scopes{};
  Extra extra{};

  static constexpr auto fields() { return detail::oauth_flow_fields<OAuthFlow>(); }
  friend bool operator==(const OAuthFlow&, const OAuthFlow&) = default;
};

/// The implicit grant: tokens straight from the authorization endpoint.
struct OAuthFlowImplicit {
  std::string authorizationUrl{};
  std::optional<std::string> refreshUrl{};
  Map<std::string> scopes{};
  Extra extra{};

  static constexpr auto fields() {
    return std::tuple_cat(
        std::tuple{field("authorizationUrl", &OAuthFlowImplicit::authorizationUrl)},
        detail::oauth_flow_fields<OAuthFlowImplicit>());
  }
  friend bool operator==(const OAuthFlowImplicit&, const OAuthFlowImplicit&) = default;
};

/// The resource owner password grant.
struct OAuthFlowPassword {
  std::string tokenUrl{};
  std::optional<std::string> refreshUrl{};
  Map<std::string> scopes{};
  Extra extra{};

  static constexpr auto fields() {
    return std::tuple_cat(std::tuple{field("tokenUrl", &OAuthFlowPassword::tokenUrl)},
                          detail::oauth_flow_fields<OAuthFlowPassword>());
  }
  friend bool operator==(const OAuthFlowPassword&, const OAuthFlowPassword&) = default;
};

/// The client credentials grant: a service authenticates as itself.
struct OAuthFlowClientCredentials {
  std::string tokenUrl{};
  std::optional<std::string> refreshUrl{};
  Map<std::string> scopes{};
  Extra extra{};

  static constexpr auto fields() {
    return std::tuple_cat(std::tuple{field("tokenUrl", &OAuthFlowClientCredentials::tokenUrl)},
                          detail::oauth_flow_fields<OAuthFlowClientCredentials>());
  }
  friend bool operator==(const OAuthFlowClientCredentials&,
                         const OAuthFlowClientCredentials&) = default;
};

/// The authorization code grant: a user authorizes in a browser, the client trades the code.
struct OAuthFlowAuthorizationCode {
  std::string authorizationUrl{};
  std::string tokenUrl{};
  std::optional<std::string> refreshUrl{};
  Map<std::string> scopes{};
  Extra extra{};

  static constexpr auto fields() {
    using F = OAuthFlowAuthorizationCode;
    return std::tuple_cat(std::tuple{field("authorizationUrl", &F::authorizationUrl),
                                     field("tokenUrl", &F::tokenUrl)},
                          detail::oauth_flow_fields<F>());
  }
  friend bool operator==(const OAuthFlowAuthorizationCode&,
                         const OAuthFlowAuthorizationCode&) = default;
};

/// The flows an OAuth2 scheme supports.
struct OAuthFlows {
  std::optional<OAuthFlowImplicit> implicit{};
  std::optional<OAuthFlowPassword> password{};
  std::optional<OAuthFlowClientCredentials> clientCredentials{};
  std::optional<OAuthFlowAuthorizationCode> authorizationCode{};
  Extra extra{};

  static constexpr auto fields() {
    return std::tuple{field("implicit", &OAuthFlows::implicit),
                      field("password", &OAuthFlows::password),
                      field("clientCredentials", &OAuthFlows::clientCredentials),
                      field("authorizationCode", &OAuthFlows::authorizationCode)};
  }
  friend bool operator==(const OAuthFlows&, const OAuthFlows&) = default;
};

/// OAuth 2.0 with the given flows.
struct OAuth2 {
  SecuritySchemeType type = SecuritySchemeType::oauth2;
  std::optional<std::string> description{};
  OAuthFlows flows{};
  Extra extra{};

  static constexpr auto fields() {
    return std::tuple{defaulted("type", &OAuth2::type, check::Equals{SecuritySchemeType::oauth2}),
                      field("description", &OAuth2::description), field("flows", &OAuth2::flows)};
  }
  friend bool operator==(const OAuth2&, const OAuth2&) = default;
};

/// OpenID Connect discovery at `openIdConnectUrl`.
struct OpenIdConnect {
  SecuritySchemeType type = SecuritySchemeType::openIdConnect;
  std::optional<std::string> description{};
  std::string openIdConnectUrl{};
  Extra extra{};

  static constexpr auto fields() {
    return std::tuple{
        defaulted("type", &OpenIdConnect::type, check::Equals{SecuritySchemeType::openIdConnect}),
        field("description", &OpenIdConnect::description),
        field("openIdConnectUrl", &OpenIdConnect::openIdConnectUrl)};
  }
  friend bool operator==(const OpenIdConnect&, const OpenIdConnect&) = default;
};

/// A security scheme, chosen by its `type` (and, for `http`, a `scheme` of "bearer" in any
/// case picks HTTPBearer). Unlike FastAPI's undiscriminated union, a scheme that is invalid
/// for its type is an error there, never silently another type.
using SecurityScheme = std::variant<APIKey, HTTPBase, OAuth2, OpenIdConnect, HTTPBearer, MutualTLS>;

/// One way to satisfy security: scheme names (all needed) with the scopes each must grant.
using SecurityRequirement = Map<std::vector<std::string>>;

}  // namespace oaskit
