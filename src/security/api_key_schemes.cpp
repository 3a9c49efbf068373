// API keys in a header, a query parameter or a cookie.

#include "security/auth_error.hpp"
#include "security/scheme_name.hpp"

namespace oaskit::security {

namespace {

// RFC 9110 requires a challenge on every 401; API keys have no registered scheme, so this is
// FastAPI's custom `APIKey`.
constexpr std::string_view api_key_challenge = "APIKey";

}  // namespace

APIKeyBase::APIKeyBase(APIKeyOptions options, APIKeyIn in, std::string_view default_name)
    : Scheme(detail::scheme_name_or(options.scheme_name, default_name), options.auto_error),
      options_(std::move(options)),
      in_(in) {}

SecurityScheme APIKeyBase::model() const {
  return oaskit::APIKey{.description = options_.description, .name = options_.name, .in = in_};
}

std::string APIKeyBase::challenge() const { return std::string(api_key_challenge); }

Scheme::Extracted APIKeyBase::key_or_missing(std::optional<std::string> key) const {
  if (!key || key->empty()) {
    return detail::fail(auto_error(), detail::not_authenticated({challenge()}));
  }
  return std::optional<Credential>{Credential{.kind = CredentialKind::api_key,
                                              .scheme = {},
                                              .value = std::move(*key),
                                              .username = {},
                                              .password = {}}};
}

APIKeyHeader::APIKeyHeader(APIKeyOptions options)
    : APIKeyBase(std::move(options), APIKeyIn::header, "APIKeyHeader") {}
Scheme::Extracted APIKeyHeader::extract(const RequestView& request) const {
  // A repeated header is ambiguous: the first one wins, as with Starlette's headers.get.
  const auto values = request.header_values(key_name());
  return key_or_missing(values.empty() ? std::nullopt : std::optional<std::string>(values.front()));
}

APIKeyQuery::APIKeyQuery(APIKeyOptions options)
    : APIKeyBase(std::move(options), APIKeyIn::query, "APIKeyQuery") {}
Scheme::Extracted APIKeyQuery::extract(const RequestView& request) const {
  return key_or_missing(request.query(key_name()));
}

APIKeyCookie::APIKeyCookie(APIKeyOptions options)
    : APIKeyBase(std::move(options), APIKeyIn::cookie, "APIKeyCookie") {}
Scheme::Extracted APIKeyCookie::extract(const RequestView& request) const {
  return key_or_missing(request.cookie(key_name()));
}

}  // namespace oaskit::security
