// The development authorization server's shared pieces: parameters, scopes, digests, the
// failure limiter and the bookkeeping of grants.

#include "devauth/state.hpp"

#include <sstream>

#include "http/form.hpp"

namespace oaskit::devauth {
namespace detail {

Result<Parameters, OAuthError> parse_parameters(std::string_view text) {
  Parameters parameters;
  for (const auto& [raw_name, raw_value] : oaskit::detail::form_fields(text)) {
    auto name = oaskit::detail::percent_decode(raw_name, true);
    auto value = oaskit::detail::percent_decode(raw_value, true);
    if (!name || !value) {
      return OAuthError{"invalid_request", "a parameter has an invalid %-escape", 400};
    }
    // RFC 6749 §3.1/§3.2: parameters without a value are as if absent.
    if (value->empty()) continue;
    if (!parameters.emplace(std::move(*name), std::move(*value)).second) {
      return OAuthError{
          "invalid_request",
          "the parameter '" + std::string(raw_name) + "' is sent more than once (RFC 6749 §3.1)",
          400};
    }
  }
  return parameters;
}

std::string parameter(const Parameters& parameters, std::string_view name) {
  auto found = parameters.find(name);
  return found == parameters.end() ? std::string{} : found->second;
}

security::RequestView view_of(const server::Server::RawRequest& request) {
  return {.method = request.method, .target = request.target, .headers = request.headers};
}

std::vector<std::string> split_scope(std::string_view text) {
  std::vector<std::string> scope;
  std::istringstream words{std::string(text)};
  for (std::string word; words >> word;) {
    if (std::find(scope.begin(), scope.end(), word) == scope.end()) scope.push_back(word);
  }
  return scope;
}

std::string join_scope(const std::vector<std::string>& scope) {
  std::string text;
  for (const auto& name : scope) text += (text.empty() ? "" : " ") + name;
  return text;
}

std::string digest(std::string_view text) {
  const auto out = oaskit::detail::sha256_of(text);
  return jose::base64url_encode(
      std::string_view(reinterpret_cast<const char*>(out.data()), out.size()));
}

Seconds FailureLimiter::blocked_for(const std::string& key, Seconds now, const RateLimit& limit) {
  auto found = windows_.find(key);
  if (found == windows_.end()) return 0;
  const auto end = found->second.start + limit.window.count();
  if (now >= end) {
    windows_.erase(found);
    return 0;
  }
  return found->second.failures >= limit.max_failures ? end - now : 0;
}

void FailureLimiter::record_failure(const std::string& key, Seconds now, const RateLimit& limit) {
  constexpr std::size_t max_keys = 10'000;
  if (windows_.size() >= max_keys && !windows_.contains(key)) {
    std::erase_if(windows_, [&](const auto& entry) {
      return now >= entry.second.start + limit.window.count();
    });
    if (windows_.size() >= max_keys) windows_.erase(windows_.begin());
  }
  auto& window = windows_[key];
  if (window.failures == 0 || now >= window.start + limit.window.count()) {
    window = Window{.start = now, .failures = 0};
  }
  ++window.failures;
}

}  // namespace detail

detail::Seconds AuthorizationServer::State::now() const {
  const auto time = options.clock ? options.clock() : detail::Clock::now();
  return std::chrono::duration_cast<std::chrono::seconds>(time.time_since_epoch()).count();
}

std::string AuthorizationServer::State::url_of(std::string_view path) const {
  return issuer + std::string(path);
}

void AuthorizationServer::State::log(const std::string& line) const {
  if (!options.log) return;
  std::string safe;
  safe.reserve(line.size());
  for (const char ch : line) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x20 || c == 0x7F) {
      constexpr std::string_view hex = "0123456789ABCDEF";
      safe += '%';
      safe += hex[c >> 4];
      safe += hex[c & 0xF];
    } else {
      safe += ch;
    }
  }
  options.log(safe);
}

void AuthorizationServer::State::prune(detail::Seconds now) {
  constexpr detail::Seconds interval = 60;
  if (now - last_prune < interval) return;
  last_prune = now;
  std::erase_if(pending, [&](const auto& entry) { return entry.second.expires <= now; });
  // An expired device code is kept one lifetime more, so that a client still polling hears
  // expired_token (RFC 8628 §3.5) rather than an unknown code's invalid_grant.
  const detail::Seconds device_grace = config.device_code_lifetime.count();
  std::erase_if(devices, [&](const auto& entry) {
    if (entry.second.expires + device_grace > now) return false;
    device_by_user_code.erase(entry.second.user_code);
    return true;
  });
  std::erase_if(codes, [&](const auto& entry) {
    // A used code is kept while its grant may live, so that a replay still revokes it.
    return entry.second.expires <= now && !entry.second.used;
  });
  std::erase_if(grants, [&](const auto& entry) { return entry.second.expires <= now; });
  std::erase_if(codes, [&](const auto& entry) {
    return !grants.contains(entry.second.grant_id) && entry.second.expires <= now;
  });
  std::erase_if(refresh_tokens, [&](const auto& entry) { return entry.second.expires <= now; });
  std::erase_if(revoked_jtis, [&](const auto& entry) { return entry.second <= now; });
  std::erase_if(used_assertions, [&](const auto& entry) { return entry.second <= now; });
}

void AuthorizationServer::State::revoke_grant(const std::string& grant_id) {
  auto found = grants.find(grant_id);
  if (found == grants.end()) return;
  auto& grant = found->second;
  grant.revoked = true;
  for (const auto& [jti, exp] : grant.access_tokens) revoked_jtis.insert_or_assign(jti, exp);
  for (const auto& refresh : grant.refresh_digests) refresh_tokens.erase(refresh);
}

}  // namespace oaskit::devauth
