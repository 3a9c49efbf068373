#pragma once
/// Security schemes and OAuth 2.0 flows: SecuritySchemeType, SecurityBase, APIKeyIn, APIKey,
/// HTTPBase, HTTPBearer, MutualTLS, OAuthFlow and its five flows, OAuthFlows, OAuth2,
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

namespace detail {
/// A security scheme's `deprecated` (3.2): the scheme is on its way out.
template <class M>
constexpr auto deprecated_field() {
  return field("deprecated", &M::deprecated).since(SpecVersion::v3_2);
}

/// The fields every OAuth flow has, after its own URLs.
template <class M>
constexpr auto oauth_flow_fields() {
  return std::tuple{field("refreshUrl", &M::refreshUrl), defaulted("scopes", &M::scopes)};
}
}  // namespace detail

/// What every scheme has: its type and a description.
struct SecurityBase {
  SecuritySchemeType type = SecuritySchemeType::apiKey;
  std::optional<std::string> description{};
  std::optional<bool> deprecated{};  // (3.2)
  Extra extra{};

  template <class Self = SecurityBase>
  static constexpr auto fields() {
    return std::tuple{field("type", &Self::type), field("description", &Self::description),
                      detail::deprecated_field<Self>()};
  }
  friend bool operator==(const SecurityBase&, const SecurityBase&) = default;
};

/// An API key sent in a query parameter, header or cookie called `name`.
struct APIKey {
  SecuritySchemeType type = SecuritySchemeType::apiKey;
  std::optional<std::string> description{};
  std::optional<bool> deprecated{};  // (3.2)
  std::string name{};
  APIKeyIn in = APIKeyIn::header;
  Extra extra{};

  template <class Self = APIKey>
  static constexpr auto fields() {
    return std::tuple{defaulted("type", &Self::type, check::Equals{SecuritySchemeType::apiKey}),
                      field("description", &Self::description), detail::deprecated_field<Self>(),
                      field("name", &Self::name), field("in", &Self::in)};
  }
  friend bool operator==(const APIKey&, const APIKey&) = default;
};

/// HTTP authentication with an IANA-registered `scheme` (basic, digest, ...).
struct HTTPBase {
  SecuritySchemeType type = SecuritySchemeType::http;
  std::optional<std::string> description{};
  std::optional<bool> deprecated{};  // (3.2)
  std::string scheme{};
  Extra extra{};

  template <class Self = HTTPBase>
  static constexpr auto fields() {
    return std::tuple{defaulted("type", &Self::type, check::Equals{SecuritySchemeType::http}),
                      field("description", &Self::description), detail::deprecated_field<Self>(),
                      field("scheme", &Self::scheme)};
  }
  friend bool operator==(const HTTPBase&, const HTTPBase&) = default;
};

/// HTTP bearer tokens. `scheme` is "bearer" in any ASCII case, kept as written.
struct HTTPBearer {
  SecuritySchemeType type = SecuritySchemeType::http;
  std::optional<std::string> description{};
  std::optional<bool> deprecated{};  // (3.2)
  std::string scheme = "bearer";
  std::optional<std::string> bearerFormat{};  // a hint such as "JWT"
  Extra extra{};

  template <class Self = HTTPBearer>
  static constexpr auto fields() {
    return std::tuple{defaulted("type", &Self::type, check::Equals{SecuritySchemeType::http}),
                      field("description", &Self::description), detail::deprecated_field<Self>(),
                      defaulted("scheme", &Self::scheme, check::LiteralNoCase{"bearer"}),
                      field("bearerFormat", &Self::bearerFormat)};
  }
  friend bool operator==(const HTTPBearer&, const HTTPBearer&) = default;
};

/// Mutual TLS: the client presents a certificate (OpenAPI 3.1).
struct MutualTLS {
  SecuritySchemeType type = SecuritySchemeType::mutualTLS;
  std::optional<std::string> description{};
  std::optional<bool> deprecated{};  // (3.2)
  Extra extra{};

  template <class Self = MutualTLS>
  static constexpr auto fields() {
    return std::tuple{defaulted("type", &Self::type, check::Equals{SecuritySchemeType::mutualTLS}),
                      field("description", &Self::description), detail::deprecated_field<Self>()};
  }
  friend bool operator==(const MutualTLS&, const MutualTLS&) = default;
};

/// What every OAuth 2.0 flow has: where to refresh tokens, and the scopes it grants
/// (scope name to description; `{}` by default and always written).
struct OAuthFlow {
  std::optional<std::string> refreshUrl{};
  Map<std::string> scopes{};
  Extra extra{};

  template <class Self = OAuthFlow>
  static constexpr auto fields() {
    return detail::oauth_flow_fields<Self>();
  }
  friend bool operator==(const OAuthFlow&, const OAuthFlow&) = default;
};

/// The implicit grant: tokens straight from the authorization endpoint.
struct OAuthFlowImplicit {
  std::string authorizationUrl{};
  std::optional<std::string> refreshUrl{};
  Map<std::string> scopes{};
  Extra extra{};

  template <class Self = OAuthFlowImplicit>
  static constexpr auto fields() {
    return std::tuple_cat(std::tuple{field("authorizationUrl", &Self::authorizationUrl)},
                          detail::oauth_flow_fields<Self>());
  }
  friend bool operator==(const OAuthFlowImplicit&, const OAuthFlowImplicit&) = default;
};

/// The resource owner password grant.
struct OAuthFlowPassword {
  std::string tokenUrl{};
  std::optional<std::string> refreshUrl{};
  Map<std::string> scopes{};
  Extra extra{};

  template <class Self = OAuthFlowPassword>
  static constexpr auto fields() {
    return std::tuple_cat(std::tuple{field("tokenUrl", &Self::tokenUrl)},
                          detail::oauth_flow_fields<Self>());
  }
  friend bool operator==(const OAuthFlowPassword&, const OAuthFlowPassword&) = default;
};

/// The client credentials grant: a service authenticates as itself.
struct OAuthFlowClientCredentials {
  std::string tokenUrl{};
  std::optional<std::string> refreshUrl{};
  Map<std::string> scopes{};
  Extra extra{};

  template <class Self = OAuthFlowClientCredentials>
  static constexpr auto fields() {
    return std::tuple_cat(std::tuple{field("tokenUrl", &Self::tokenUrl)},
                          detail::oauth_flow_fields<Self>());
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

  template <class Self = OAuthFlowAuthorizationCode>
  static constexpr auto fields() {
    using F = Self;
    return std::tuple_cat(std::tuple{field("authorizationUrl", &F::authorizationUrl),
                                     field("tokenUrl", &F::tokenUrl)},
                          detail::oauth_flow_fields<F>());
  }
  friend bool operator==(const OAuthFlowAuthorizationCode&,
                         const OAuthFlowAuthorizationCode&) = default;
};

/// The device authorization grant (RFC 8628, OpenAPI 3.2): a device without a browser shows
/// a code; the user enters it elsewhere while the device polls the token endpoint.
struct OAuthFlowDeviceAuthorization {
  std::string deviceAuthorizationUrl{};
  std::string tokenUrl{};
  std::optional<std::string> refreshUrl{};
  Map<std::string> scopes{};
  Extra extra{};

  template <class Self = OAuthFlowDeviceAuthorization>
  static constexpr auto fields() {
    using F = Self;
    return std::tuple_cat(std::tuple{field("deviceAuthorizationUrl", &F::deviceAuthorizationUrl),
                                     field("tokenUrl", &F::tokenUrl)},
                          detail::oauth_flow_fields<F>());
  }
  friend bool operator==(const OAuthFlowDeviceAuthorization&,
                         const OAuthFlowDeviceAuthorization&) = default;
};

/// The flows an OAuth2 scheme supports.
struct OAuthFlows {
  std::optional<OAuthFlowImplicit> implicit{};
  std::optional<OAuthFlowPassword> password{};
  std::optional<OAuthFlowClientCredentials> clientCredentials{};
  std::optional<OAuthFlowAuthorizationCode> authorizationCode{};
  std::optional<OAuthFlowDeviceAuthorization> deviceAuthorization{};  // (3.2)
  Extra extra{};

  template <class Self = OAuthFlows>
  static constexpr auto fields() {
    return std::tuple{
        field("implicit", &Self::implicit), field("password", &Self::password),
        field("clientCredentials", &Self::clientCredentials),
        field("authorizationCode", &Self::authorizationCode),
        field("deviceAuthorization", &Self::deviceAuthorization).since(SpecVersion::v3_2)};
  }
  friend bool operator==(const OAuthFlows&, const OAuthFlows&) = default;
};

/// OAuth 2.0 with the given flows.
struct OAuth2 {
  SecuritySchemeType type = SecuritySchemeType::oauth2;
  std::optional<std::string> description{};
  std::optional<bool> deprecated{};  // (3.2)
  OAuthFlows flows{};
  /// Where the authorization server's metadata (RFC 8414) is: its endpoints, scopes and what
  /// it supports (3.2). Absolute, or relative to the server URL (the client resolves it); lint
  /// warns of plain http off loopback, for 3.2 requires TLS.
  /// oauth2::ClientOptions::endpoints_from_metadata takes the endpoints from it, and lint's
  /// security-oauth2-metadata-mismatch compares the flows' URLs with it.
  std::optional<std::string> oauth2MetadataUrl{};
  Extra extra{};

  template <class Self = OAuth2>
  static constexpr auto fields() {
    return std::tuple{
        defaulted("type", &Self::type, check::Equals{SecuritySchemeType::oauth2}),
        field("description", &Self::description), detail::deprecated_field<Self>(),
        field("flows", &Self::flows),
        field("oauth2MetadataUrl", &Self::oauth2MetadataUrl).since(SpecVersion::v3_2)};
  }
  friend bool operator==(const OAuth2&, const OAuth2&) = default;
};

/// OpenID Connect discovery at `openIdConnectUrl`.
struct OpenIdConnect {
  SecuritySchemeType type = SecuritySchemeType::openIdConnect;
  std::optional<std::string> description{};
  std::optional<bool> deprecated{};  // (3.2)
  std::string openIdConnectUrl{};
  Extra extra{};

  template <class Self = OpenIdConnect>
  static constexpr auto fields() {
    return std::tuple{
        defaulted("type", &Self::type, check::Equals{SecuritySchemeType::openIdConnect}),
        field("description", &Self::description), detail::deprecated_field<Self>(),
        field("openIdConnectUrl", &Self::openIdConnectUrl)};
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
