#pragma once
// RFC 8414 authorization server metadata, read once for everyone who needs it: discovery from
// an issuer (security), the endpoints of an OpenAPI 3.2 `oauth2MetadataUrl` (the OAuth 2.0
// client) and lint's comparison of a document's flow URLs with them.

#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "http/client.hpp"
#include "oaskit/http_options.hpp"
#include "oaskit/result.hpp"

namespace oaskit::detail {

/// The members oaskit uses; an absent endpoint is empty.
struct AuthorizationServerMetadata {
  std::string issuer;
  std::string jwks_uri;
  std::string token_endpoint;
  std::string authorization_endpoint;
  std::string device_authorization_endpoint;
  std::string introspection_endpoint;
  std::string revocation_endpoint;
  boost::json::object raw;  ///< the whole document
};

/// The issuer a metadata URL is for (RFC 8414 §3.3, undoing §3.1): the well-known segment
/// taken out from between the host and the issuer's path
/// ("https://a.example/.well-known/oauth-authorization-server/t" -> "https://a.example/t"),
/// or cut off the end of an OpenID Connect Discovery URL
/// ("https://a.example/t/.well-known/openid-configuration" -> "https://a.example/t").
/// nullopt for a URL with no well-known segment (its issuer cannot be told).
[[nodiscard]] std::optional<std::string> issuer_of_metadata_url(std::string_view url);

/// Checks a metadata document: `issuer` must equal `expected_issuer` exactly (RFC 8414 §3.3)
/// and each endpoint member, when present, must be a string.
[[nodiscard]] Result<AuthorizationServerMetadata, FetchError> read_authorization_server_metadata(
    boost::json::object document, const std::string& expected_issuer);

/// Why fetch_authorization_server_metadata failed: `unreachable` when there was no answer
/// (or a 5xx, 429), else the answer was not the metadata of the issuer the URL names.
struct MetadataProblem {
  bool unreachable = false;
  std::string message;
};

/// GETs `url` and reads it with read_authorization_server_metadata, the issuer being
/// issuer_of_metadata_url(url).
[[nodiscard]] Result<AuthorizationServerMetadata, MetadataProblem>
fetch_authorization_server_metadata(const std::string& url, const HttpOptions& http,
                                    PlainHttp plain_http = PlainHttp::loopback_only);

}  // namespace oaskit::detail
