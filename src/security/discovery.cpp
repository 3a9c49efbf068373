#include "security/discovery.hpp"

#include <boost/url/parse.hpp>
#include <boost/url/url_view.hpp>

#include "http/authorization_server_metadata.hpp"
#include "http/client.hpp"
#include "http/json_body.hpp"

namespace oaskit::detail {
namespace {

using security::ServerMetadata;
using security::TokenCheck;
using security::TokenError;

std::string_view without_trailing_slash(std::string_view issuer) {
  if (issuer.ends_with('/')) issuer.remove_suffix(1);
  return issuer;
}

// RFC 8414 §2: an https URL with no query or fragment (http allowed to loopback, for tests).
std::optional<std::string> issuer_problem(const std::string& issuer) {
  if (auto problem = url_problem(issuer, PlainHttp::loopback_only)) return problem;
  const auto parsed = boost::urls::parse_uri(issuer);
  if (parsed->has_query() || parsed->has_fragment()) return "an issuer has no query or fragment";
  return std::nullopt;
}

// The metadata members oaskit uses, checked; `issuer` must be exactly the configured one.
Result<ServerMetadata, FetchError> read_metadata(boost::json::object document,
                                                 const std::string& issuer) {
  auto read = read_authorization_server_metadata(std::move(document), issuer);
  if (!read) return read.errors();
  if (!read->jwks_uri.empty()) {
    if (auto problem = url_problem(read->jwks_uri, PlainHttp::loopback_only)) {
      return FetchError{"\"jwks_uri\" is not usable: " + *problem};
    }
  }
  return ServerMetadata{.issuer = std::move(read->issuer),
                        .jwks_uri = std::move(read->jwks_uri),
                        .token_endpoint = std::move(read->token_endpoint),
                        .authorization_endpoint = std::move(read->authorization_endpoint),
                        .introspection_endpoint = std::move(read->introspection_endpoint),
                        .raw = std::move(read->raw)};
}

}  // namespace

std::string authorization_server_metadata_url(std::string_view issuer) {
  issuer = without_trailing_slash(issuer);
  const auto authority = issuer.find("://");
  const auto path = issuer.find('/', authority == std::string_view::npos ? 0 : authority + 3);
  if (path == std::string_view::npos) {
    return std::string(issuer) + "/.well-known/oauth-authorization-server";
  }
  return std::string(issuer.substr(0, path)) + "/.well-known/oauth-authorization-server" +
         std::string(issuer.substr(path));
}

std::string openid_configuration_url(std::string_view issuer) {
  return std::string(without_trailing_slash(issuer)) + "/.well-known/openid-configuration";
}

Result<ServerMetadata, TokenError> discover_counted(const std::string& issuer,
                                                    const security::HttpOptions& http,
                                                    std::atomic<std::size_t>& requests) {
  const auto unavailable = [&](const std::string& why) {
    return TokenError{TokenCheck::unavailable, "the authorization server metadata is unavailable",
                      "discovery for issuer '" + issuer + "' failed: " + why};
  };
  if (auto problem = issuer_problem(issuer)) return unavailable(*problem);
  std::string failures;
  // RFC 8414 first; an answer that is not the metadata (a 404 most often) falls back to
  // OpenID Connect. No answer at all (refused, timed out, TLS) does not: the other document is
  // on the same server, and asking again would double the time a caller waits. Either
  // document is accepted only for exactly this issuer.
  for (const auto& url :
       {authorization_server_metadata_url(issuer), openid_configuration_url(issuer)}) {
    ++requests;
    auto response = send({.url = url, .headers = {{"Accept", "application/json"}}}, http);
    auto document = response ? json_object_body(*response)
                             : Result<boost::json::object, FetchError>(response.errors());
    auto metadata = document ? read_metadata(std::move(*document), issuer)
                             : Result<ServerMetadata, FetchError>(document.errors());
    if (metadata) return std::move(*metadata);
    if (!failures.empty()) failures += "; ";
    failures += url + ": " + metadata.errors().message;
    if (!response) break;
  }
  return unavailable(failures);
}

}  // namespace oaskit::detail

namespace oaskit::security {

Result<ServerMetadata, TokenError> discover(const std::string& issuer, const HttpOptions& http) {
  std::atomic<std::size_t> requests{0};
  return detail::discover_counted(issuer, http, requests);
}

}  // namespace oaskit::security
