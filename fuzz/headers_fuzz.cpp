// libFuzzer target: request targets and header fields, any bytes. The first line is the
// request target ("/pets?api_key=..."); each later line is a header field "Name: value". They
// go through what reads them: the query string and form fields (percent-decoding both ways),
// cookies, the Authorization header (auth-scheme, token68, Bearer), and, as a response's
// headers, WWW-Authenticate challenges, Cache-Control / Expires / Date freshness and
// HTTP-dates. Never a crash, a hang or a sanitizer report; a token read as present is a
// token68; a lifetime is never negative; challenges that read, written again, read back the
// same; and any value, written by the server as a challenge's parameter, reads back as
// itself (but for control characters, which become spaces).

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "http/cache_control.hpp"
#include "http/challenges.hpp"
#include "http/form.hpp"
#include "http/header_text.hpp"
#include "oaskit/security/request.hpp"
#include "security/auth_error.hpp"
#include "security/authorization.hpp"
#include "security/bearer_token.hpp"

namespace {

constexpr std::chrono::sys_seconds fixed_now{std::chrono::seconds{1767225600}};

std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    const auto end = text.find('\n');
    lines.push_back(text.substr(0, end));
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return lines;
}

// The challenges of `value`, if it is a list of them, must survive being written and read.
void check_challenges(std::string_view value) {
  const auto challenges = oaskit::detail::parse_challenges(value);
  if (!challenges) {
    if (challenges.errors().offset > value.size() || challenges.errors().message.empty()) {
      std::abort();
    }
    return;
  }
  std::string written;
  for (const auto& challenge : *challenges) {
    if (challenge.scheme.empty() || (challenge.token68 && !challenge.params.empty())) std::abort();
    written += (written.empty() ? "" : ", ") + oaskit::detail::to_string(challenge);
  }
  const auto again = oaskit::detail::parse_challenges(written);
  if (!again || *again != *challenges) std::abort();
  (void)oaskit::detail::bearer_error_is(value, "invalid_token");
}

// What the server writes with `value` as a parameter reads back as `value`.
void check_written_parameter(std::string_view value) {
  const std::string challenge =
      oaskit::security::detail::with_parameters("Bearer", {{"realm", std::string(value)}});
  const auto challenges = oaskit::detail::parse_challenges(challenge);
  if (!challenges || challenges->size() != 1) std::abort();
  std::string expected(value);
  for (char& c : expected) {
    if (oaskit::detail::is_control(c) && c != '\t') c = ' ';
  }
  if ((*challenges)[0].param("realm") != expected) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto lines = lines_of(std::string_view(reinterpret_cast<const char*>(data), size));
  if (lines.empty()) return 0;
  oaskit::security::RequestView request{.method = "GET", .target = lines[0]};
  oaskit::detail::HttpResponse response{.status = 200};
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const auto colon = lines[i].find(':');
    const auto name = lines[i].substr(0, colon);
    const auto value =
        colon == std::string_view::npos ? std::string_view() : lines[i].substr(colon + 1);
    request.headers.emplace_back(name, value);
    response.headers.emplace_back(std::string(name), std::string(value));
    (void)oaskit::detail::parse_http_date(value);
    check_challenges(value);
    check_written_parameter(value);
  }

  const auto query_at = request.target.find('?');
  const auto query =
      query_at == std::string_view::npos ? std::string_view() : request.target.substr(query_at + 1);
  for (const auto& [name, value] : oaskit::detail::form_fields(query)) {
    (void)oaskit::detail::percent_decode(name, true);
    (void)oaskit::detail::percent_decode(value, false);
    if (auto decoded = oaskit::detail::percent_decode(name, true)) (void)request.query(*decoded);
  }
  (void)request.query("api_key");
  (void)request.cookie("session");
  (void)request.cookie("");

  (void)oaskit::security::detail::authorization_of(request);
  const auto bearer = oaskit::security::detail::bearer_token_of(request);
  if (bearer.state == oaskit::security::detail::BearerToken::State::present &&
      !oaskit::security::detail::is_token68(bearer.token)) {
    std::abort();
  }

  const auto lifetime = oaskit::detail::freshness_lifetime(
      response, std::chrono::system_clock::time_point(fixed_now));
  if (lifetime && lifetime->count() < 0) std::abort();
  return 0;
}
