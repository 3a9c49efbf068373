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

// Which response is read, for messages.
struct ResponseKind {
  std::string_view endpoint;
  std::string_view response;
  std::string_view section;
};

// A JSON response body's members, read with errors that name the response and the section of
// the RFC that defines it.
struct Members {
  const json::object& body;
  long status;
  const ResponseKind& kind;

  [[nodiscard]] GrantError problem(std::string_view name, std::string_view what) const {
    return bad_response(status, "the " + std::string(kind.response) + "'s \"" + std::string(name) +
                                    "\" " + std::string(what) + " (" + std::string(kind.section) +
                                    ")");
  }

  // An optional member that must be a string when present; the error names the member only.
  [[nodiscard]] Result<std::optional<std::string>, GrantError> optional_string(
      std::string_view name) const {
    const auto* value = body.if_contains(name);
    if (value == nullptr) return std::optional<std::string>{};
    const auto* text = value->if_string();
    if (text == nullptr) return problem(name, "is not a string");
    return std::optional<std::string>(std::string(*text));
  }

  // A member that must be a non-empty string.
  [[nodiscard]] Result<std::string, GrantError> required_string(std::string_view name) const {
    const auto* value = body.if_contains(name);
    if (value == nullptr || !value->is_string() || value->get_string().empty()) {
      return problem(name, "is missing or not a non-empty string");
    }
    return std::string(value->get_string());
  }

  // A number of seconds (RFC 6749 §5.1 "the lifetime in seconds", RFC 8628 §3.2 the same for
  // expires_in and interval). Fractions are rounded down; negative numbers, strings and the
  // rest are refused.
  [[nodiscard]] Result<std::optional<std::chrono::seconds>, GrantError> seconds(
      std::string_view name) const {
    const auto* value = body.if_contains(name);
    if (value == nullptr) return std::optional<std::chrono::seconds>{};
    constexpr auto max_seconds = static_cast<double>(std::numeric_limits<std::int32_t>::max());
    double count = -1;
    if (value->is_int64()) count = static_cast<double>(value->get_int64());
    if (value->is_uint64()) count = static_cast<double>(value->get_uint64());
    if (value->is_double()) count = std::floor(value->get_double());
    if (!(count >= 0)) return problem(name, "is not a number of seconds");
    // Beyond about 68 years a lifetime means "does not expire"; keep it representable.
    return std::optional<std::chrono::seconds>(
        std::chrono::seconds(static_cast<std::int64_t>(std::min(count, max_seconds))));
  }
};

constexpr ResponseKind token_response{
    .endpoint = "token endpoint", .response = "token response", .section = "RFC 6749 §5.1"};
constexpr ResponseKind device_response{.endpoint = "device authorization endpoint",
                                       .response = "device authorization response",
                                       .section = "RFC 8628 §3.2"};

GrantResult success(const json::object& body, long status) {
  const Members members{body, status, token_response};
  TokenResponse token;
  auto access_token = members.required_string("access_token");
  if (!access_token) return access_token.errors();
  token.access_token = std::move(*access_token);
  const auto* token_type = body.if_contains("token_type");
  if (token_type == nullptr || !token_type->is_string()) {
    return members.problem("token_type", "is missing or not a string");
  }
  if (!oaskit::detail::equals_ignoring_ascii_case(token_type->get_string(), "Bearer")) {
    return bad_response(status,
                        "the token type is not Bearer (RFC 6750); oaskit sends only "
                        "bearer tokens");
  }
  token.token_type = std::string(token_type->get_string());
  auto lifetime = members.seconds("expires_in");
  if (!lifetime) return lifetime.errors();
  token.expires_in = *lifetime;
  auto refresh_token = members.optional_string("refresh_token");
  if (!refresh_token) return refresh_token.errors();
  token.refresh_token = std::move(*refresh_token);
  auto scope = members.optional_string("scope");
  if (!scope) return scope.errors();
  if (*scope) {
    token.scope.emplace();
    security::detail::append_scope_tokens(**scope, *token.scope);
  }
  auto id_token = members.optional_string("id_token");
  if (!id_token) return id_token.errors();
  token.id_token = std::move(*id_token);
  token.members = body;
  return token;
}

Result<DeviceAuthorization, GrantError> device_authorization(const json::object& body,
                                                             long status) {
  const Members members{body, status, device_response};
  DeviceAuthorization authorization;
  for (auto [name, target] : {std::pair{"device_code", &authorization.device_code},
                              std::pair{"user_code", &authorization.user_code},
                              std::pair{"verification_uri", &authorization.verification_uri}}) {
    auto value = members.required_string(name);
    if (!value) return value.errors();
    *target = std::move(*value);
  }
  auto complete = members.optional_string("verification_uri_complete");
  if (!complete) return complete.errors();
  authorization.verification_uri_complete = std::move(*complete);
  auto expires = members.seconds("expires_in");
  if (!expires) return expires.errors();
  if (!*expires) return members.problem("expires_in", "is missing");
  authorization.expires_in = **expires;
  auto interval = members.seconds("interval");
  if (!interval) return interval.errors();
  if (*interval) authorization.interval = **interval;
  return authorization;
}

// RFC 6749 §5.2: a JSON object with an "error" string, and optional description and URI.
GrantError refusal(const json::object& body, long status) {
  const auto* code = body.if_contains("error");
  if (code == nullptr || !code->is_string() || code->get_string().empty()) {
    return bad_response(status, "HTTP status " + std::to_string(status) +
                                    " without an OAuth error (RFC 6749 §5.2)");
  }
  const Members members{body, status, token_response};
  auto description = members.optional_string("error_description");
  auto uri = members.optional_string("error_uri");
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

namespace {

// The parts of RFC 6749 §5 that every JSON answer of an authorization server follows: 429 and
// 5xx are `unavailable`, a 4xx with an OAuth error is `refused`, a 200 must be a JSON object.
Result<boost::json::object, GrantError> read_json_response(
    const oaskit::detail::HttpResponse& response, std::chrono::system_clock::time_point now,
    const ResponseKind& kind) {
  const long status = response.status;
  if (status == 429 || (status >= 500 && status <= 599)) {
    GrantError error = grant_error(
        Kind::unavailable, "the authorization server answered HTTP " + std::to_string(status));
    error.http_status = status;
    error.retry_after = retry_after(response, now);
    return error;
  }
  if (status != 200 && (status < 400 || status > 499)) {
    return bad_response(status, "the " + std::string(kind.endpoint) + " answered HTTP status " +
                                    std::to_string(status));
  }
  std::string why;
  auto value = oaskit::detail::parse_strict_json(response.body, &why);
  if (!value || !value->is_object()) {
    return bad_response(status, status == 200 ? "the " + std::string(kind.response) +
                                                    " is not a JSON object (" +
                                                    std::string(kind.section) + ")"
                                              : "HTTP status " + std::to_string(status) +
                                                    " without an OAuth error (RFC 6749 §5.2)");
  }
  if (status != 200) return refusal(value->get_object(), status);
  return std::move(value->get_object());
}

}  // namespace

GrantResult read_token_response(const oaskit::detail::HttpResponse& response,
                                std::chrono::system_clock::time_point now) {
  auto body = read_json_response(response, now, token_response);
  if (!body) return body.errors();
  return success(*body, response.status);
}

Result<DeviceAuthorization, GrantError> read_device_authorization_response(
    const oaskit::detail::HttpResponse& response, std::chrono::system_clock::time_point now) {
  auto body = read_json_response(response, now, device_response);
  if (!body) return body.errors();
  return device_authorization(*body, response.status);
}

}  // namespace detail
}  // namespace oaskit::oauth2
