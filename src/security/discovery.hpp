#pragma once
// Authorization server metadata discovery (RFC 8414, OpenID Connect Discovery): the well-known
// URLs, and discover() counting its requests for JwksSource::fetch_count.

#include <atomic>
#include <cstddef>
#include <string>
#include <string_view>

#include "oaskit/security/jwks.hpp"

namespace oaskit::detail {

/// RFC 8414 §3.1: `/.well-known/oauth-authorization-server` inserted between the issuer's host
/// and its path, a trailing '/' of the issuer removed first.
/// "https://a.example/tenant/" -> "https://a.example/.well-known/oauth-authorization-server/tenant"
[[nodiscard]] std::string authorization_server_metadata_url(std::string_view issuer);

/// OpenID Connect Discovery §4: the issuer without a trailing '/', then
/// `/.well-known/openid-configuration`.
[[nodiscard]] std::string openid_configuration_url(std::string_view issuer);

/// security::discover, adding the HTTP requests it makes to `requests`.
[[nodiscard]] Result<security::ServerMetadata, security::TokenError> discover_counted(
    const std::string& issuer, const security::HttpOptions& http,
    std::atomic<std::size_t>& requests);

}  // namespace oaskit::detail
