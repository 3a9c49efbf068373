#include "oauth2/token_response.hpp"

#include <algorithm>
#include <boost/json/string.hpp>
#include <boost/json/value.hpp>
#include <charconv>
#include <cmath>
#include <limits>
#include <string_view>
#include <utility>

#include "http/cache_control.hpp"
#include "security/scope_tokens.hpp"
#include "util/ascii.hpp"
#include "util/strict_json.hpp"

namespace oaskit::oauth2 {

std::string_view to_string(GrantError::Kind kind) {
  switch (kind) {
    case GrantError::Kind::refused:
      return "refused";
    case GrantError::Kind::bad_response:
      return "bad_response";
    case GrantError::Kind::unavailable:
      return "unavailable";
    case GrantError::Kind::configuration:
      return "configuration";
  }
  return "unknown";
}

namespace detail {
namespace {

namespace json = boost::json;
using Kind = GrantError::Kind;

GrantError bad_response(long status, std::string message) {
  GrantError error = grant_error(Kind::bad_response, std::move(message));
  error.http_status = status;
  return error;
}

// An optional member that must be a string when present; the error names the member only.
Result<std::optional<std::string>, GrantError> optional_string(const json::object& body,
                                                               std::string_view name, long status) {
  const auto* value = body.if_contains(name);
  if (value == nullptr) return std::optional<std::string>{};
  const auto* text = value->if_string();
  if (text == nullptr) {
    return bad_response(status, "the token response's \"" + std::string(name) +
                                    "\" is not a string (RFC 6749 §5.1)");
  }
  return std::optional<std::string>(std::string(*text));
}

// RFC 6749 §5.1: "the lifetime in seconds", a JSON number. Fractions are rounded down;
// negative numbers, strings and the rest are refused.
Result<std::optional<std::chrono::seconds>, GrantError> expires_in(const json::object& body,
                                                                   long status) {
  const auto* value = body.if_contains("expires_in");
  if (value == nullptr) return std::optional<std::chrono::seconds>{};
  constexpr auto max_seconds = static_cast<double>(std::numeric_limits<std::int32_t>::max());
  double seconds = -1;
  if (value->is_int64()) seconds = static_cast<double>(value->get_int64());
  if (value->is_uint64()) seconds = static_cast<double>(value->get_uint64());
  if (value->is_double()) seconds = std::floor(value->get_double());
  if (!(seconds >= 0)) {
    return bad_response(status,
                        "the token response's \"expires_in\" is not a number of seconds "
                        "(RFC 6749 §5.1)");
  }
  // Beyond about 68 years a lifetime means "does not expire"; keep it representable.
  return std::optional<std::chrono::seconds>(
      std::chrono::seconds(static_cast<std::int64_t>(std::min(seconds, max_seconds))));
}

GrantResult success(const json::object& body, long status) {
  TokenResponse token;
  const auto* access_token = body.if_contains("access_token");
  if (access_token == nullptr || !access_token->is_string() || access_token->get_string().empty()) {
    return bad_response(status,
                        "the token response has no \"access_token\" string "
                        "(RFC 6749 §5.1)");
  }
  token.access_token = std::string(access_token->get_string());
  const auto* token_type = body.if_contains("token_type");
  if (token_type == nullptr || !token_type->is_string()) {
    return bad_response(status,
                        "the token response has no \"token_type\" string "
                        "(RFC 6749 §5.1)");
  }
  if (!oaskit::detail::equals_ignoring_ascii_case(token_type->get_string(), "Bearer")) {
    return bad_response(status,
                        "the token type is not Bearer (RFC 6750); oaskit sends only "
                        "bearer tokens");
  }
  token.token_type = std::string(token_type->get_string());
  auto lifetime = expires_in(body, status);
  if (!lifetime) return lifetime.errors();
  token.expires_in = *lifetime;
  auto refresh_token = optional_string(body, "refresh_token", status);
  if (!refresh_token) return refresh_token.errors();
  token.refresh_token = std::move(*refresh_token);
  auto scope = optional_string(body, "scope", status);
  if (!scope) return scope.errors();
  if (*scope) {
    token.scope.emplace();
    security::detail::append_scope_tokens(**scope, *token.scope);
  }
  auto id_token = optional_string(body, "id_token", status);
  if (!id_token) return id_token.errors();
  token.id_token = std::move(*id_token);
  token.members = body;
  return token;
}

// RFC 6749 §5.2: a JSON object with an "error" string, and optional description and URI.
GrantResult refusal(const json::object& body, long status) {
  const auto* code = body.if_contains("error");
  if (code == nullptr || !code->is_string() || code->get_string().empty()) {
    return bad_response(status, "HTTP status " + std::to_string(status) +
                                    " without an OAuth error (RFC 6749 §5.2)");
  }
  auto description = optional_string(body, "error_description", status);
  auto uri = optional_string(body, "error_uri", status);
  GrantError error;
  error.kind = Kind::refused;
  error.http_status = status;
  error.error = std::string(code->get_string());
  if (description) error.error_description = std::move(*description);
  if (uri) error.error_uri = std::move(*uri);
  error.message = "the authorization server refused: " + error.error;
  if (error.error_description) error.message += " (" + *error.error_description + ")";
  return error;
}

// Retry-After (RFC 9110 §10.2.3): delta-seconds or an HTTP-date.
std::optional<std::chrono::seconds> retry_after(const oaskit::detail::HttpResponse& response,
                                                std::chrono::system_clock::time_point now) {
  const auto value = response.header("Retry-After");
  if (!value) return std::nullopt;
  std::uint32_t seconds = 0;
  const auto* end = value->data() + value->size();
  if (auto [at, ec] = std::from_chars(value->data(), end, seconds);
      ec == std::errc() && at == end) {
    return std::chrono::seconds(seconds);
  }
  if (const auto date = oaskit::detail::parse_http_date(*value)) {
    return std::max(std::chrono::seconds(0),
                    std::chrono::duration_cast<std::chrono::seconds>(*date - now));
  }
  return std::nullopt;
}

}  // namespace

GrantError grant_error(GrantError::Kind kind, std::string message) {
  GrantError error;
  error.kind = kind;
  error.message = std::move(message);
  return error;
}

GrantResult read_token_response(const oaskit::detail::HttpResponse& response,
                                std::chrono::system_clock::time_point now) {
  const long status = response.status;
  if (status == 429 || (status >= 500 && status <= 599)) {
    GrantError error = grant_error(
        Kind::unavailable, "the authorization server answered HTTP " + std::to_string(status));
    error.http_status = status;
    error.retry_after = retry_after(response, now);
    return error;
  }
  if (status != 200 && (status < 400 || status > 499)) {
    return bad_response(status,
                        "the token endpoint answered HTTP status " + std::to_string(status));
  }
  std::string why;
  auto value = oaskit::detail::parse_strict_json(response.body, &why);
  if (!value || !value->is_object()) {
    return bad_response(status, status == 200
                                    ? "the token response is not a JSON object (RFC 6749 §5.1)"
                                    : "HTTP status " + std::to_string(status) +
                                          " without an OAuth error (RFC 6749 §5.2)");
  }
  return status == 200 ? success(value->get_object(), status)
                       : refusal(value->get_object(), status);
}

}  // namespace detail
}  // namespace oaskit::oauth2
