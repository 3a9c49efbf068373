// libFuzzer target: what an authorization server answers, any bytes. The first byte picks the
// HTTP status (200, 400, 401, 429 or 503, and whether a Retry-After comes with it); the rest is
// the body, read as a token response, a device authorization response (RFC 8628), a token
// introspection answer (RFC 7662) and RFC 8414 metadata. Never a crash, a hang or a sanitizer
// report; an error always says what went wrong; an introspection answer is accepted only when
// it is active, unexpired, for the expected issuer and audience, with the required scope.

#include <algorithm>
#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include <boost/json/parse.hpp>

#include "http/authorization_server_metadata.hpp"
#include "oauth2/token_response.hpp"
#include "security/introspection_answer.hpp"

namespace {

constexpr std::chrono::sys_seconds fixed_now{std::chrono::seconds{1767225600}};
constexpr std::array<int, 5> statuses{200, 400, 401, 429, 503};

void check(const oaskit::oauth2::GrantError& error) {
  if (error.message.empty()) std::abort();
}

// An introspection answer judged against fixed expectations: what is accepted meets them all.
void check_introspection(const oaskit::detail::HttpResponse& response,
                         std::chrono::system_clock::time_point now) {
  namespace security = oaskit::security;
  auto answer = security::detail::introspection_answer(response);
  if (!answer) {
    if (answer.errors().message.empty()) std::abort();
    return;
  }
  const security::IntrospectionOptions options{.endpoint = "https://as.example/introspect",
                                               .issuer = "https://as.example",
                                               .audience = "https://api.example",
                                               .required_scopes = {"pets:read"}};
  const auto copy = *answer;
  const auto verdict = security::detail::judge_introspection(std::move(*answer), options, now);
  if (!verdict) {
    if (verdict.errors().message.empty()) std::abort();
    return;
  }
  const auto scopes = security::granted_scopes(copy);
  const auto expires = security::detail::introspection_exp(copy);
  const auto* iss = copy.if_contains("iss");
  if (!copy.at("active").as_bool() || (expires && *expires <= now) || iss == nullptr ||
      !iss->is_string() || iss->get_string() != "https://as.example" ||
      std::find(scopes.begin(), scopes.end(), "pets:read") == scopes.end() ||
      verdict->scopes != scopes || verdict->expires_at != expires) {
    std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  oaskit::detail::HttpResponse response;
  response.status = statuses[data[0] % statuses.size()];
  response.headers = {{"Content-Type", "application/json"}};
  if ((data[0] & 0x80U) != 0)
    response.headers.emplace_back("Retry-After", "Sun, 06 Nov 1994 08:49:37 GMT");
  if ((data[0] & 0x40U) != 0) response.headers.emplace_back("Retry-After", "120");
  response.body.assign(reinterpret_cast<const char*>(data) + 1, size - 1);
  const std::chrono::system_clock::time_point now(fixed_now);

  if (auto token = oaskit::oauth2::detail::read_token_response(response, now); !token) {
    check(token.errors());
  }
  if (auto device = oaskit::oauth2::detail::read_device_authorization_response(response, now);
      !device) {
    check(device.errors());
  }
  check_introspection(response, now);
  boost::system::error_code ec;
  auto value = boost::json::parse(response.body, ec);
  if (!ec && value.is_object()) {
    auto metadata = oaskit::detail::read_authorization_server_metadata(std::move(value.as_object()),
                                                                       "https://as.example");
    if (!metadata && metadata.errors().message.empty()) std::abort();
  }
  return 0;
}
