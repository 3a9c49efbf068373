// API keys in a header, a query parameter or a cookie.

#include "security/auth_error.hpp"
#include "security/scheme_name.hpp"

namespace oaskit::security {

namespace {

// RFC 9110 requires a challenge on every 401; API keys have no registered scheme, so this is
// FastAPI's custom `APIKey`.
constexpr std::string_view api_key_challenge = "APIKey";

oaskit::APIKey api_key_model(const APIKeyOptions& options, APIKeyIn in) {
  return {.description = options.description, .name = options.name, .in = in};
}

// An empty key is no key, as in FastAPI.
Scheme::Extracted key_or_missing(std::optional<std::string> key, bool auto_error) {
  if (!key || key->empty()) {
    return detail::fail(auto_error, detail::not_authenticated({std::string(api_key_challenge)}));
  }
  return std::optional<Credential>{Credential{.kind = CredentialKind::api_key,
                                              .scheme = {},
                                              .value = std::move(*key),
                                              .username = {},
                                              .password = {}}};
}

}  // namespace

APIKeyHeader::APIKeyHeader(APIKeyOptions options)
    : Scheme(detail::scheme_name_or(options.scheme_name, "APIKeyHeader"), options.auto_error),
      options_(std::move(options)) {}
SecurityScheme APIKeyHeader::model() const { return api_key_model(options_, APIKeyIn::header); }
std::string APIKeyHeader::challenge() const { return std::string(api_key_challenge); }
Scheme::Extracted APIKeyHeader::extract(const RequestView& request) const {
  // A repeated header is ambiguous: the first one wins, as with Starlette's headers.get.
  const auto values = request.header_values(options_.name);
  return key_or_missing(values.empty() ? std::nullopt : std::optional<std::string>(values.front()),
                        auto_error());
}

APIKeyQuery::APIKeyQuery(APIKeyOptions options)
    : Scheme(detail::scheme_name_or(options.scheme_name, "APIKeyQuery"), options.auto_error),
      options_(std::move(options)) {}
SecurityScheme APIKeyQuery::model() const { return api_key_model(options_, APIKeyIn::query); }
std::string APIKeyQuery::challenge() const { return std::string(api_key_challenge); }
Scheme::Extracted APIKeyQuery::extract(const RequestView& request) const {
  return key_or_missing(request.query(options_.name), auto_error());
}

APIKeyCookie::APIKeyCookie(APIKeyOptions options)
    : Scheme(detail::scheme_name_or(options.scheme_name, "APIKeyCookie"), options.auto_error),
      options_(std::move(options)) {}
SecurityScheme APIKeyCookie::model() const { return api_key_model(options_, APIKeyIn::cookie); }
std::string APIKeyCookie::challenge() const { return std::string(api_key_challenge); }
Scheme::Extracted APIKeyCookie::extract(const RequestView& request) const {
  return key_or_missing(request.cookie(options_.name), auto_error());
}

}  // namespace oaskit::security
