#pragma once
/// Security schemes, as in fastapi.security: each documents itself (`model()`, the
/// SecurityScheme for `components.securitySchemes`) and takes its credentials from a request
/// (`extract`). Verifying what was taken is the verifiers' job (jwt_verifier.hpp,
/// introspection.hpp, or your own callable; see authenticator.hpp).
///
/// \code
/// using namespace oaskit::security;
/// OAuth2ClientCredentialsBearer oauth({.tokenUrl = "https://auth.example.com/token",
///                                      .scopes = {{"pets:read", "Read pets"}}});
/// auto credential = oauth.extract(request);   // 401 AuthError when missing or malformed
/// \endcode
///
/// Outcomes follow FastAPI and RFC 6750 §3: a missing credential is a 401 whose
/// WWW-Authenticate names the scheme (`Bearer`, `Basic realm="…"`, `APIKey`) with no error
/// code and the detail "Not authenticated". With `auto_error = false` a missing or malformed
/// credential gives "no credential" instead, so the route can serve anonymous callers.
///
/// Bearer schemes (OAuth2*, OpenIdConnect, HTTPBearer) read only `Authorization: Bearer
/// <token>` (RFC 6750 §2.1): "Bearer" in any case, 1*SP, one b64token. Credentials of another
/// auth-scheme ("Basic …") are "not authenticated", as in FastAPI. An empty or unreadable
/// header, a missing or ill-formed token (two words, tabs, characters outside b64token) and
/// more than one Authorization header are malformed: 401 `error="invalid_request"`, as FastAPI
/// answers (RFC 6750 §3.1 suggests 400; a 401 keeps clients that only look at the status on
/// their re-authentication path). Tokens in a form body (§2.2) or an `access_token` query parameter
/// (§2.3) are never taken: schemes do not read bodies, and §2.3 says URLs SHOULD NOT carry tokens.
///
/// HTTPBasic (RFC 7617): "Basic" in any case, then standard base64 with padding of
/// "user:password", split at the first colon; undecodable, no colon or control characters
/// is a 401 "Invalid authentication credentials" with the `Basic` challenge (Basic has no
/// error codes). API keys: an empty value is no value.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "oaskit/map.hpp"
#include "oaskit/model/security.hpp"
#include "oaskit/result.hpp"
#include "oaskit/security/request.hpp"

namespace oaskit::security {

/// An HTTP error answer for a request that failed security: the status, the WWW-Authenticate
/// challenges (send the header only when there are some), and a FastAPI-style JSON body.
/// Statuses: 401 (no, malformed or refused credentials), 403 (authenticated without the required
/// scopes), 503 (the credential could not be checked, e.g. keys unreachable: the client may retry;
/// no challenge).
struct AuthError {
  int status = 401;
  /// WWW-Authenticate values, one per scheme that could have been used, e.g.
  /// `Bearer error="invalid_token", error_description="The token expired"`.
  std::vector<std::string> challenges{};
  std::string error{};              ///< RFC 6750 error code, or empty when credentials were missing
  std::string error_description{};  ///< for the caller; never the token or internals
  std::string detail{};             ///< FastAPI's `detail`: "Not authenticated", ...

  /// `{"detail":"…"}`
  [[nodiscard]] std::string body() const;
  /// The challenges joined with ", " (one WWW-Authenticate header field, RFC 9110 §11.6.1).
  [[nodiscard]] std::string www_authenticate() const;
};

enum class CredentialKind {
  bearer,   ///< an RFC 6750 bearer token (OAuth2*, OpenIdConnect, HTTPBearer)
  basic,    ///< HTTP Basic user name and password
  api_key,  ///< an API key from a header, query parameter or cookie
};

/// What a scheme took from a request.
struct Credential {
  CredentialKind kind = CredentialKind::bearer;
  std::string scheme{};    ///< the auth-scheme as sent ("Bearer", "basic"); empty for API keys
  std::string value{};     ///< the token, or the API key, or Basic's decoded "user:password"
  std::string username{};  ///< Basic only
  std::string password{};  ///< Basic only
};

/// The base of every scheme.
class Scheme {
 public:
  virtual ~Scheme() = default;
  /// The key in `components.securitySchemes` and in security requirements. Defaults to the
  /// class name, as in FastAPI ("OAuth2PasswordBearer", "HTTPBasic", ...).
  [[nodiscard]] const std::string& name() const { return name_; }
  [[nodiscard]] bool auto_error() const { return auto_error_; }

  /// The SecurityScheme for the OpenAPI document.
  [[nodiscard]] virtual SecurityScheme model() const = 0;
  /// The WWW-Authenticate challenge without error parameters: `Bearer`, `Basic realm="x"`,
  /// `APIKey`.
  [[nodiscard]] virtual std::string challenge() const = 0;

  /// The credential in `request`; an empty optional when there is none (or it is malformed)
  /// and auto_error is off; a 401 AuthError when
  /// there is none or it is malformed and auto_error is on.
  using Extracted = Result<std::optional<Credential>, AuthError>;
  [[nodiscard]] virtual Extracted extract(const RequestView& request) const = 0;

 protected:
  Scheme(std::string name, bool auto_error) : name_(std::move(name)), auto_error_(auto_error) {}

 private:
  std::string name_;
  bool auto_error_;
};

/// OAuth 2.0 with any flows. Credentials: an RFC 6750 §2.1 bearer token.
struct OAuth2Options {
  OAuthFlows flows{};
  std::string scheme_name{};  ///< empty: the class name
  std::optional<std::string> description{};
  bool auto_error = true;
};
class OAuth2 : public Scheme {
 public:
  explicit OAuth2(OAuth2Options options);
  [[nodiscard]] SecurityScheme model() const override;
  [[nodiscard]] std::string challenge() const override;
  [[nodiscard]] Extracted extract(const RequestView& request) const override;

 protected:
  OAuth2(OAuth2Options options, std::string_view default_name);

 private:
  OAuth2Options options_;
};

/// OAuth 2.0 with the password flow (FastAPI's OAuth2PasswordBearer).
struct OAuth2PasswordBearerOptions {
  std::string tokenUrl;
  std::optional<std::string> refreshUrl{};
  Map<std::string> scopes{};
  std::string scheme_name{};
  std::optional<std::string> description{};
  bool auto_error = true;
};
class OAuth2PasswordBearer : public OAuth2 {
 public:
  explicit OAuth2PasswordBearer(OAuth2PasswordBearerOptions options);
};

/// OAuth 2.0 with the authorization code flow.
struct OAuth2AuthorizationCodeBearerOptions {
  std::string authorizationUrl;
  std::string tokenUrl;
  std::optional<std::string> refreshUrl{};
  Map<std::string> scopes{};
  std::string scheme_name{};
  std::optional<std::string> description{};
  bool auto_error = true;
};
class OAuth2AuthorizationCodeBearer : public OAuth2 {
 public:
  explicit OAuth2AuthorizationCodeBearer(OAuth2AuthorizationCodeBearerOptions options);
};

/// OAuth 2.0 with the client credentials flow, for service-to-service APIs (FastAPI has none).
struct OAuth2ClientCredentialsBearerOptions {
  std::string tokenUrl;
  std::optional<std::string> refreshUrl{};
  Map<std::string> scopes{};
  std::string scheme_name{};
  std::optional<std::string> description{};
  bool auto_error = true;
};
class OAuth2ClientCredentialsBearer : public OAuth2 {
 public:
  explicit OAuth2ClientCredentialsBearer(OAuth2ClientCredentialsBearerOptions options);
};

/// OpenID Connect: discovery at openIdConnectUrl; credentials are bearer tokens.
struct OpenIdConnectOptions {
  std::string openIdConnectUrl;
  std::string scheme_name{};
  std::optional<std::string> description{};
  bool auto_error = true;
};
class OpenIdConnect : public Scheme {
 public:
  explicit OpenIdConnect(OpenIdConnectOptions options);
  [[nodiscard]] SecurityScheme model() const override;
  [[nodiscard]] std::string challenge() const override;
  [[nodiscard]] Extracted extract(const RequestView& request) const override;

 private:
  OpenIdConnectOptions options_;
};

/// HTTP bearer tokens (`type: http, scheme: bearer`).
struct HTTPBearerOptions {
  std::optional<std::string> bearerFormat{};  ///< e.g. "JWT"
  std::string scheme_name{};
  std::optional<std::string> description{};
  bool auto_error = true;
};
class HTTPBearer : public Scheme {
 public:
  explicit HTTPBearer(HTTPBearerOptions options);
  [[nodiscard]] SecurityScheme model() const override;
  [[nodiscard]] std::string challenge() const override;
  [[nodiscard]] Extracted extract(const RequestView& request) const override;

 private:
  HTTPBearerOptions options_;
};

/// HTTP Basic (RFC 7617): user name and password, base64 in the Authorization header.
struct HTTPBasicOptions {
  std::optional<std::string> realm{};  ///< sent in the challenge: `Basic realm="…"`
  std::string scheme_name{};
  std::optional<std::string> description{};
  bool auto_error = true;
};
class HTTPBasic : public Scheme {
 public:
  explicit HTTPBasic(HTTPBasicOptions options);
  [[nodiscard]] SecurityScheme model() const override;
  [[nodiscard]] std::string challenge() const override;
  [[nodiscard]] Extracted extract(const RequestView& request) const override;

 private:
  HTTPBasicOptions options_;
};

/// An API key in a header, query parameter or cookie called `name`.
struct APIKeyOptions {
  std::string name;
  std::string scheme_name{};
  std::optional<std::string> description{};
  bool auto_error = true;
};
/// What the three API key schemes share (FastAPI's APIKeyBase): the model, with `in` saying
/// where the key goes, and the `APIKey` challenge.
class APIKeyBase : public Scheme {
 public:
  [[nodiscard]] SecurityScheme model() const override;
  [[nodiscard]] std::string challenge() const override;

 protected:
  APIKeyBase(APIKeyOptions options, APIKeyIn in, std::string_view default_name);
  /// The header, query parameter or cookie name.
  [[nodiscard]] const std::string& key_name() const { return options_.name; }
  /// A credential for a non-empty `key`; else missing (an empty key is no key, as in FastAPI).
  [[nodiscard]] Extracted key_or_missing(std::optional<std::string> key) const;

 private:
  APIKeyOptions options_;
  APIKeyIn in_;
};
class APIKeyHeader : public APIKeyBase {
 public:
  explicit APIKeyHeader(APIKeyOptions options);
  [[nodiscard]] Extracted extract(const RequestView& request) const override;
};
class APIKeyQuery : public APIKeyBase {
 public:
  explicit APIKeyQuery(APIKeyOptions options);
  [[nodiscard]] Extracted extract(const RequestView& request) const override;
};
class APIKeyCookie : public APIKeyBase {
 public:
  explicit APIKeyCookie(APIKeyOptions options);
  [[nodiscard]] Extracted extract(const RequestView& request) const override;
};

/// The scheme a document's SecurityScheme describes, registered as `name` (its key in
/// components.securitySchemes): API keys, HTTP bearer and basic, OAuth 2.0 and OpenID Connect,
/// each with auto_error on. nullptr for schemes whose credentials no request header carries
/// (mutualTLS) and for HTTP schemes other than bearer and basic (digest, ...).
/// \code
/// for (const auto& [name, scheme] : *document.components->securitySchemes)
///   if (auto* model = std::get_if<SecurityScheme>(&scheme))
///     if (auto s = scheme_from_model(name, *model)) auth.add(s, verifier_for(name));
/// \endcode
[[nodiscard]] std::shared_ptr<const Scheme> scheme_from_model(std::string name,
                                                              const SecurityScheme& model);

}  // namespace oaskit::security
