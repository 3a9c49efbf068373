#include "http/authorization_server_metadata.hpp"

#include <boost/url/parse.hpp>
#include <utility>

#include "http/json_body.hpp"

namespace oaskit::detail {
namespace {

constexpr std::string_view well_known = "/.well-known/";
constexpr std::string_view openid_configuration = "/.well-known/openid-configuration";

}  // namespace

std::optional<std::string> issuer_of_metadata_url(std::string_view url) {
  const auto parsed = boost::urls::parse_uri(url);
  if (!parsed || !parsed->has_authority() || parsed->has_query() || parsed->has_fragment()) {
    return std::nullopt;
  }
  const std::string_view path = parsed->encoded_path();
  const std::string origin =
      std::string(parsed->scheme()) + "://" + std::string(parsed->encoded_authority());
  if (path.starts_with(well_known)) {
    // RFC 8414 §3.1: /.well-known/<name> goes before the issuer's path.
    const auto name_end = path.find('/', well_known.size());
    if (path.substr(well_known.size(), name_end - well_known.size()).empty()) return std::nullopt;
    return origin + std::string(name_end == std::string_view::npos ? "" : path.substr(name_end));
  }
  if (path.ends_with(openid_configuration)) {
    // OpenID Connect Discovery §4: appended to the issuer.
    return origin + std::string(path.substr(0, path.size() - openid_configuration.size()));
  }
  return std::nullopt;
}

Result<AuthorizationServerMetadata, FetchError> read_authorization_server_metadata(
    boost::json::object document, const std::string& expected_issuer) {
  AuthorizationServerMetadata metadata;
  const auto* issuer = document.if_contains("issuer");
  if (issuer == nullptr || !issuer->is_string()) {
    return FetchError{"the metadata has no \"issuer\" string"};
  }
  metadata.issuer = issuer->as_string();
  if (metadata.issuer != expected_issuer) {
    return FetchError{"the metadata is for issuer '" + metadata.issuer + "', not '" +
                      expected_issuer + "' (RFC 8414 §3.3)"};
  }
  const std::pair<const char*, std::string*> endpoints[] = {
      {"jwks_uri", &metadata.jwks_uri},
      {"token_endpoint", &metadata.token_endpoint},
      {"authorization_endpoint", &metadata.authorization_endpoint},
      {"device_authorization_endpoint", &metadata.device_authorization_endpoint},
      {"introspection_endpoint", &metadata.introspection_endpoint},
      {"revocation_endpoint", &metadata.revocation_endpoint}};
  for (const auto& [name, field] : endpoints) {
    const auto* value = document.if_contains(name);
    if (value == nullptr) continue;
    if (!value->is_string()) return FetchError{std::string("\"") + name + "\" is not a string"};
    *field = value->as_string();
  }
  metadata.raw = std::move(document);
  return metadata;
}

Result<AuthorizationServerMetadata, MetadataProblem> fetch_authorization_server_metadata(
    const std::string& url, const HttpOptions& http, PlainHttp plain_http) {
  const auto issuer = issuer_of_metadata_url(url);
  if (!issuer) {
    return MetadataProblem{
        false, "'" + url +
                   "' has no /.well-known/ segment, so the issuer it is for cannot be told and "
                   "the metadata's issuer cannot be checked (RFC 8414 §3.3)"};
  }
  auto response = send({.url = url, .headers = {{"Accept", "application/json"}}}, http, plain_http);
  if (!response) return MetadataProblem{true, url + ": " + response.errors().message};
  if (response->status >= 500 || response->status == 429) {
    return MetadataProblem{true, url + ": HTTP status " + std::to_string(response->status)};
  }
  auto document = json_object_body(*response);
  if (!document) return MetadataProblem{false, url + ": " + document.errors().message};
  auto metadata = read_authorization_server_metadata(std::move(*document), *issuer);
  if (!metadata) return MetadataProblem{false, url + ": " + metadata.errors().message};
  return std::move(*metadata);
}

}  // namespace oaskit::detail
