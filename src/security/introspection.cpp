#include "oaskit/security/introspection.hpp"

#include <algorithm>
#include <atomic>
#include <memory>

#include "http/basic_auth.hpp"
#include "http/client.hpp"
#include "http/form.hpp"
#include "http/json_body.hpp"
#include "security/introspection_answer.hpp"
#include "security/token_cache.hpp"
#include "util/time.hpp"

namespace oaskit::security {
namespace {

using detail::TimePoint;

bool has_audience(const boost::json::object& answer, const std::string& audience) {
  const auto* aud = answer.if_contains("aud");
  if (aud == nullptr) return false;
  if (const auto* one = aud->if_string()) return *one == audience;
  if (const auto* many = aud->if_array()) {
    return std::any_of(many->begin(), many->end(), [&](const boost::json::value& item) {
      return item.is_string() && item.get_string() == audience;
    });
  }
  return false;
}

std::optional<std::string> string_member(const boost::json::object& answer, const char* name) {
  const auto* value = answer.if_contains(name);
  if (value == nullptr || !value->is_string()) return std::nullopt;
  return std::string(value->get_string());
}

// The cache's clock: seconds since the epoch.
double seconds_since_epoch(TimePoint time) {
  return std::chrono::duration<double>(time.time_since_epoch()).count();
}

}  // namespace

namespace detail {

std::optional<TimePoint> introspection_exp(const boost::json::object& answer) {
  const auto* exp = answer.if_contains("exp");
  if (exp == nullptr) return std::nullopt;
  if (exp->is_int64()) return oaskit::detail::time_point_from_seconds(exp->get_int64());
  if (exp->is_uint64())
    return oaskit::detail::time_point_from_seconds(oaskit::detail::latest_seconds);
  return oaskit::detail::time_point_from_seconds(exp->get_double());
}

Result<boost::json::object, oaskit::detail::FetchError> introspection_answer(
    const oaskit::detail::HttpResponse& response) {
  auto answer = oaskit::detail::json_object_body(response);
  if (!answer) return answer;
  const auto* active = answer->if_contains("active");
  if (active == nullptr || !active->is_bool()) {
    return oaskit::detail::FetchError{"the response has no boolean \"active\""};
  }
  if (const auto* exp = answer->if_contains("exp"); exp != nullptr && !exp->is_number()) {
    return oaskit::detail::FetchError{"the response's \"exp\" is not a number"};
  }
  return answer;
}

VerifyResult judge_introspection(boost::json::object answer, const IntrospectionOptions& options,
                                 TimePoint now) {
  if (!answer.at("active").get_bool()) {
    return TokenError{TokenCheck::inactive, "the token is not active", {}};
  }
  const auto expires = introspection_exp(answer);
  if (expires && now >= *expires) {
    return TokenError{TokenCheck::exp, "the token has expired",
                      "introspection: active, but past exp"};
  }
  if (options.issuer && string_member(answer, "iss") != options.issuer) {
    return TokenError{TokenCheck::iss, "the token was not issued by the expected issuer", {}};
  }
  if (options.audience && !has_audience(answer, *options.audience)) {
    return TokenError{TokenCheck::aud, "the token is not meant for this audience", {}};
  }
  auto scopes = granted_scopes(answer);
  for (const auto& required : options.required_scopes) {
    if (std::find(scopes.begin(), scopes.end(), required) == scopes.end()) {
      return TokenError{
          TokenCheck::scope, "the token lacks the required scope '" + required + "'", {}};
    }
  }
  Identity identity;
  identity.subject = string_member(answer, "sub").value_or("");
  identity.client_id = string_member(answer, "client_id");
  if (!identity.client_id) identity.client_id = string_member(answer, "azp");
  identity.scopes = std::move(scopes);
  identity.expires_at = expires;
  identity.claims = std::move(answer);
  return identity;
}

}  // namespace detail

struct IntrospectionVerifier::State {
  IntrospectionOptions options;
  detail::TokenCache cache;  // thread-safe itself
  std::atomic<std::size_t> requests{0};

  explicit State(IntrospectionOptions given)
      : options(std::move(given)), cache(std::max<std::size_t>(options.cache_capacity, 1)) {}

  [[nodiscard]] TimePoint now() const {
    return options.clock ? options.clock() : std::chrono::system_clock::now();
  }
  [[nodiscard]] bool caching() const {
    return options.cache_ttl > std::chrono::seconds(0) && options.cache_capacity > 0;
  }

  // The endpoint's answer: a JSON object with a boolean "active" and, if any, a numeric "exp";
  // else why not (never quoting the token or the body).
  Result<boost::json::object, oaskit::detail::FetchError> ask(std::string_view token) {
    std::vector<std::pair<std::string, std::string>> fields = {{"token", std::string(token)},
                                                               {"token_type_hint", "access_token"}};
    oaskit::detail::HttpRequest request{
        .method = "POST",
        .url = options.endpoint,
        .headers = {{"Content-Type", "application/x-www-form-urlencoded"},
                    {"Accept", "application/json"}},
        .body = {}};
    if (!options.client_id.empty()) {
      if (options.authentication == ClientAuthentication::client_secret_basic) {
        request.headers.emplace_back(
            "Authorization",
            oaskit::detail::basic_authorization(options.client_id, options.client_secret));
      } else {
        fields.emplace_back("client_id", options.client_id);
        fields.emplace_back("client_secret", options.client_secret);
      }
    }
    request.body = oaskit::detail::form_body(fields);
    ++requests;
    const auto response = oaskit::detail::send(request, options.http);
    if (!response) return response.errors();
    return detail::introspection_answer(*response);
  }
};

IntrospectionVerifier::IntrospectionVerifier(IntrospectionOptions options)
    : state_(std::make_unique<State>(std::move(options))) {}

IntrospectionVerifier::~IntrospectionVerifier() = default;

VerifyResult IntrospectionVerifier::verify(std::string_view token) const {
  State& state = *state_;
  detail::TokenDigest key{};
  if (state.caching()) {
    key = detail::sha256(token);
    if (auto cached = state.cache.find(key, seconds_since_epoch(state.now()))) return *cached;
  }
  auto answer = state.ask(token);
  if (!answer) {  // not cached: the next request asks again
    return TokenError{
        TokenCheck::unavailable, "token introspection is unavailable",
        "introspection at '" + state.options.endpoint + "' failed: " + answer.errors().message};
  }
  const auto now = state.now();
  const auto expires = detail::introspection_exp(*answer);
  auto verdict = detail::judge_introspection(std::move(*answer), state.options, now);
  if (state.caching()) {
    auto until = now + state.options.cache_ttl;
    if (expires) until = std::min(until, *expires);
    state.cache.insert(key, std::make_shared<const VerifyResult>(verdict),
                       seconds_since_epoch(until), seconds_since_epoch(now));
  }
  return verdict;
}

std::size_t IntrospectionVerifier::request_count() const { return state_->requests.load(); }

}  // namespace oaskit::security
