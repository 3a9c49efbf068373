// The token endpoint and its grants (client_credentials, authorization_code with PKCE,
// refresh_token with rotation, RFC 8628 device_code), the device authorization endpoint,
// client authentication, RFC 7662 introspection and RFC 7009
// revocation.

#include <boost/json/serialize.hpp>
#include <boost/url/url.hpp>

#include "devauth/endpoints.hpp"
#include "http/form.hpp"
#include "oaskit/oauth2/authorization_code.hpp"
#include "oaskit/security/jwt_verifier.hpp"
#include "security/base64.hpp"
#include "util/ascii.hpp"

namespace oaskit::devauth::detail {
namespace {

constexpr std::string_view jwt_bearer_assertion =
    "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
constexpr Seconds assertion_leeway = 30;         // clock skew allowed to client assertions
constexpr Seconds max_assertion_lifetime = 600;  // and how far ahead their exp may be

Result<Parameters, OAuthError> form_of(const server::Server::RawRequest& request) {
  if (!is_form_body(request)) {
    return OAuthError{"invalid_request",
                      "the body must be application/x-www-form-urlencoded (RFC 6749 §4.1.3)"};
  }
  return parse_parameters(request.body);
}

// Who the caller is at the token, introspection and revocation endpoints (RFC 6749 §2.3).
class ClientAuthenticator {
 public:
  ClientAuthenticator(AuthorizationServer::State& state, const server::Server::RawRequest& request,
                      const Parameters& form, std::string endpoint_url)
      : state_(state), request_(request), form_(form), endpoint_url_(std::move(endpoint_url)) {}

  Result<const Client*, OAuthError> authenticate() {
    const auto authorization = view_of(request_).header("Authorization").value_or("");
    // Auth schemes are case-insensitive (RFC 9110 §11.1).
    const bool basic =
        authorization.size() > 6 && authorization[5] == ' ' &&
        oaskit::detail::equals_ignoring_ascii_case(authorization.substr(0, 5), "basic");
    const bool post = form_.contains("client_secret");
    const bool assertion = form_.contains("client_assertion");
    if (int(basic) + int(post) + int(assertion) > 1) {
      return OAuthError{"invalid_request",
                        "the client authenticates in more than one way (RFC 6749 §2.3)"};
    }
    std::string client_id = parameter(form_, "client_id");
    std::string secret;
    if (basic) {
      auto decoded = security::detail::base64_decode(authorization.substr(6));
      const auto colon = decoded ? decoded->find(':') : std::string::npos;
      if (colon == std::string::npos) {
        return fail("", "the Basic credentials are not base64 of client_id:client_secret", true);
      }
      auto id = oaskit::detail::percent_decode(std::string_view(*decoded).substr(0, colon), true);
      auto pass =
          oaskit::detail::percent_decode(std::string_view(*decoded).substr(colon + 1), true);
      if (!id || !pass) return fail("", "the Basic credentials have an invalid %-escape", true);
      if (!client_id.empty() && client_id != *id) {
        return OAuthError{"invalid_request",
                          "client_id in the body differs from the Basic credentials"};
      }
      client_id = std::move(*id);
      secret = std::move(*pass);
    } else if (post) {
      secret = parameter(form_, "client_secret");
    } else if (assertion) {
      return authenticate_assertion(client_id);
    }
    if (client_id.empty()) {
      return OAuthError{"invalid_client", "no client authentication and no client_id", 401};
    }
    if (auto blocked = blocked_for(client_id)) return *blocked;
    const auto* client = find_client(state_.config, client_id);
    if (client == nullptr) return fail(client_id, "unknown client", basic);
    const auto method = client->token_endpoint_auth_method;
    const auto used = basic
                          ? ClientAuthMethod::client_secret_basic
                          : (post ? ClientAuthMethod::client_secret_post : ClientAuthMethod::none);
    if (method != used) {
      return fail(client_id,
                  "the client is registered to authenticate with " +
                      std::string(to_string(method)) + ", not " + std::string(to_string(used)),
                  basic);
    }
    if (used != ClientAuthMethod::none && !same_secret(secret, client->client_secret)) {
      return fail(client_id, "the client secret is wrong", basic);
    }
    return client;
  }

 private:
  // Failures count against a registered client and against the address; an id nobody
  // registered counts against the address only, so that made-up ids cannot fill the limiter.
  [[nodiscard]] std::string client_key(const std::string& client_id) const {
    return find_client(state_.config, client_id) != nullptr ? "client:" + client_id : std::string();
  }

  std::optional<OAuthError> blocked_for(const std::string& client_id) {
    const auto now = state_.now();
    const auto& limit = state_.config.rate_limit;
    const auto key = client_key(client_id);
    const auto wait =
        std::max(key.empty() ? Seconds{0} : state_.failures.blocked_for(key, now, limit),
                 state_.failures.blocked_for(address_key(), now, limit));
    if (wait == 0) return std::nullopt;
    OAuthError error{
        "invalid_client",
        "too many failed client authentications; try again in " + std::to_string(wait) + " s", 429};
    error.retry_after = wait;
    return error;
  }

  std::string address_key() const {
    return "client-address:" + std::string(request_.client_address);
  }

  OAuthError fail(const std::string& client_id, const std::string& why, bool basic) {
    const auto now = state_.now();
    const auto& limit = state_.config.rate_limit;
    const auto key = client_key(client_id);
    if (!key.empty()) state_.failures.record_failure(key, now, limit);
    state_.failures.record_failure(address_key(), now, limit);
    state_.log("devauth: client authentication failed" +
               (key.empty() ? std::string(" for an unregistered client")
                            : " for client '" + client_id + "'") +
               (request_.client_address.empty() ? std::string()
                                                : " from " + std::string(request_.client_address)) +
               ": " + why);
    (void)basic;  // RFC 6749 §5.2: 401 with a Basic challenge either way
    return OAuthError{"invalid_client", "client authentication failed: " + why, 401};
  }

  // RFC 7523 §2.2 / OpenID Connect Core §9: a JWT signed by the client's key.
  Result<const Client*, OAuthError> authenticate_assertion(const std::string& client_id_param) {
    if (parameter(form_, "client_assertion_type") != jwt_bearer_assertion) {
      return OAuthError{"invalid_request",
                        "client_assertion_type must be " + std::string(jwt_bearer_assertion)};
    }
    const auto jwt = parameter(form_, "client_assertion");
    auto unverified = security::decode_unverified(jwt);
    if (!unverified) return fail(client_id_param, "the client assertion is not a JWT", false);
    const auto* iss = unverified->claims.if_contains("iss");
    const auto* sub = unverified->claims.if_contains("sub");
    if (iss == nullptr || !iss->is_string() || sub == nullptr || *sub != *iss) {
      return fail(client_id_param, "the client assertion's iss and sub must be the client_id",
                  false);
    }
    const std::string client_id(iss->get_string());
    if (!client_id_param.empty() && client_id_param != client_id) {
      return fail(client_id, "the client assertion is for another client", false);
    }
    if (auto blocked = blocked_for(client_id)) return *blocked;
    const auto* client = find_client(state_.config, client_id);
    if (client == nullptr) return fail(client_id, "unknown client", false);
    if (client->token_endpoint_auth_method != ClientAuthMethod::private_key_jwt) {
      return fail(client_id,
                  "the client is registered to authenticate with " +
                      std::string(to_string(client->token_endpoint_auth_method)) +
                      ", not private_key_jwt",
                  false);
    }
    // The audience: this endpoint, the token endpoint or the issuer (RFC 7523 §3, item 3).
    std::string audience;
    const auto* aud = unverified->claims.if_contains("aud");
    for (const auto& accepted :
         {endpoint_url_, state_.url_of(state_.config.paths.token), state_.issuer}) {
      const bool named =
          aud != nullptr &&
          ((aud->is_string() && aud->get_string() == accepted) ||
           (aud->is_array() && std::find(aud->get_array().begin(), aud->get_array().end(),
                                         boost::json::value(accepted)) != aud->get_array().end()));
      if (named) audience = accepted;
    }
    if (audience.empty()) {
      return fail(client_id, "the client assertion's aud is not this server's token endpoint",
                  false);
    }
    const auto& algorithms = jose::asymmetric_algorithms();
    security::JwtVerifier verifier({.issuer = client_id,
                                    .audience = audience,
                                    .algorithms = algorithms,
                                    .leeway = std::chrono::seconds(assertion_leeway),
                                    .keys = client->jwks,
                                    .clock = state_.options.clock});
    auto verified = verifier.verify(jwt);
    if (!verified) {
      return fail(client_id, "the client assertion does not verify: " + verified.errors().message,
                  false);
    }
    const auto* jti = unverified->claims.if_contains("jti");
    if (jti == nullptr || !jti->is_string() || jti->get_string().empty()) {
      return fail(client_id, "the client assertion has no jti", false);
    }
    // The verifier required exp; its jti is remembered as long as the assertion would pass, so
    // it works once (RFC 7523 §3, item 7). A far exp would make that memory long: refused.
    const auto exp = static_cast<Seconds>(unverified->claims.at("exp").to_number<double>());
    if (exp > state_.now() + max_assertion_lifetime) {
      return fail(client_id,
                  "the client assertion expires more than " +
                      std::to_string(max_assertion_lifetime) + " s from now",
                  false);
    }
    const auto key = client_id + " " + std::string(jti->get_string());
    if (state_.used_assertions.contains(key)) {
      return fail(client_id, "the client assertion was used before (its jti is spent)", false);
    }
    state_.used_assertions.emplace(key, exp + assertion_leeway);
    return client;
  }

  AuthorizationServer::State& state_;
  const server::Server::RawRequest& request_;
  const Parameters& form_;
  std::string endpoint_url_;
};

// An RFC 9068 access token (and a refresh token when the client may refresh), recorded under
// `grant_id`.
Result<boost::json::object, OAuthError> issue_tokens(
    AuthorizationServer::State& state, const Client& client, const std::vector<std::string>& scope,
    const std::string& subject, const std::string& grant_id, std::optional<Seconds> auth_time,
    bool with_refresh) {
  const auto now = state.now();
  const auto exp = now + state.config.access_token_lifetime.count();
  const auto jti = jose::random_base64url(18);
  boost::json::object claims{{"iss", state.issuer},
                             {"sub", subject},
                             {"aud", state.audience},
                             {"client_id", client.client_id},
                             {"iat", now},
                             {"exp", exp},
                             {"jti", jti}};
  if (!scope.empty()) claims["scope"] = join_scope(scope);
  if (auth_time) claims["auth_time"] = *auth_time;
  auto token =
      jose::sign_compact(boost::json::object{{"typ", "at+jwt"}}, boost::json::serialize(claims),
                         state.key, state.config.algorithm);
  if (!token) {
    return OAuthError{"server_error", "the access token could not be signed", 500};
  }
  auto& grant = state.grants[grant_id];
  grant.access_tokens.emplace_back(jti, exp);
  grant.expires = std::max(grant.expires, exp);
  boost::json::object body{{"access_token", *token},
                           {"token_type", "Bearer"},
                           {"expires_in", state.config.access_token_lifetime.count()}};
  if (!scope.empty()) body["scope"] = join_scope(scope);
  if (with_refresh && client.allows(GrantType::refresh_token)) {
    const auto refresh = jose::random_base64url(32);
    const auto refresh_exp = now + state.config.refresh_token_lifetime.count();
    const auto key = digest(refresh);
    state.refresh_tokens.insert_or_assign(
        key, AuthorizationServer::State::Refresh{.client_id = client.client_id,
                                                 .scope = scope,
                                                 .subject = subject,
                                                 .grant_id = grant_id,
                                                 .issued = now,
                                                 .expires = refresh_exp,
                                                 .used = false});
    grant.refresh_digests.push_back(key);
    grant.expires = std::max(grant.expires, refresh_exp);
    body["refresh_token"] = refresh;
  }
  state.log("devauth: issued an access token (jti " + jti + ") to client '" + client.client_id +
            "' for '" + subject + "', scope '" + join_scope(scope) + "'");
  return body;
}

// A code or refresh token as presented: unknown, another client's, expired, or used before —
// which revokes everything its grant gave (RFC 6749 §4.1.2 for codes, RFC 9700 §4.14.2 for
// rotated refresh tokens) — is invalid_grant.
template <class Entry>
std::optional<OAuthError> check_presented(AuthorizationServer::State& state, const Entry* entry,
                                          const Client& client, const std::string& what) {
  if (entry == nullptr)
    return OAuthError{"invalid_grant", "the " + what +
                                           " is unknown, expired "
                                           "or revoked"};
  if (entry->client_id != client.client_id) {
    return OAuthError{"invalid_grant", "the " + what + " was given to another client"};
  }
  if (entry->used) {
    const auto grant_id = entry->grant_id;
    state.revoke_grant(grant_id);
    state.log("devauth: a " + what + " was used twice by client '" + client.client_id +
              "': every token of its grant is revoked");
    return OAuthError{"invalid_grant",
                      "the " + what + " was used before; every token of its grant is now revoked"};
  }
  if (state.now() >= entry->expires)
    return OAuthError{"invalid_grant", "the " + what + " has expired"};
  return std::nullopt;
}

Result<boost::json::object, OAuthError> client_credentials(AuthorizationServer::State& state,
                                                           const Client& client,
                                                           const Parameters& form) {
  auto scope = granted_scope(state.config, client, parameter(form, "scope"));
  if (!scope) return scope.errors();
  return issue_tokens(state, client, *scope, client.client_id, jose::random_base64url(12),
                      std::nullopt, false);
}

Result<boost::json::object, OAuthError> authorization_code(AuthorizationServer::State& state,
                                                           const Client& client,
                                                           const Parameters& form) {
  const auto code = parameter(form, "code");
  const auto verifier = parameter(form, "code_verifier");
  if (code.empty()) return OAuthError{"invalid_request", "the code is missing"};
  auto found = state.codes.find(digest(code));
  if (auto refused = check_presented(state, found == state.codes.end() ? nullptr : &found->second,
                                     client, "code")) {
    return *refused;
  }
  auto& entry = found->second;
  const auto redirect_uri = parameter(form, "redirect_uri");
  if ((entry.redirect_uri_given || !redirect_uri.empty()) && redirect_uri != entry.redirect_uri) {
    return OAuthError{"invalid_grant",
                      "redirect_uri differs from the authorization request's (RFC 6749 §4.1.3)"};
  }
  if (verifier.empty()) {
    return OAuthError{"invalid_grant", "the PKCE code_verifier is missing (RFC 7636 §4.5)"};
  }
  const bool verifier_form = verifier.size() >= 43 && verifier.size() <= 128 &&
                             verifier.find_first_not_of(
                                 "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
                                 "-._~") == std::string::npos;
  if (!verifier_form) {
    return OAuthError{"invalid_grant",
                      "the code_verifier must be 43 to 128 unreserved characters (RFC 7636 §4.1)"};
  }
  if (!same_secret(oauth2::Pkce::challenge_of(verifier), entry.code_challenge)) {
    return OAuthError{"invalid_grant", "the code_verifier does not match the code_challenge"};
  }
  entry.used = true;
  return issue_tokens(state, client, entry.scope, entry.subject, entry.grant_id, entry.auth_time,
                      true);
}

Result<boost::json::object, OAuthError> refresh_token(AuthorizationServer::State& state,
                                                      const Client& client,
                                                      const Parameters& form) {
  const auto token = parameter(form, "refresh_token");
  if (token.empty()) return OAuthError{"invalid_request", "the refresh_token is missing"};
  auto found = state.refresh_tokens.find(digest(token));
  if (auto refused =
          check_presented(state, found == state.refresh_tokens.end() ? nullptr : &found->second,
                          client, "refresh token")) {
    return *refused;
  }
  auto& entry = found->second;
  const auto requested = split_scope(parameter(form, "scope"));
  for (const auto& name : requested) {
    if (std::find(entry.scope.begin(), entry.scope.end(), name) == entry.scope.end()) {
      return OAuthError{"invalid_scope",
                        "the scope '" + name +
                            "' was not granted to this "
                            "refresh token (RFC 6749 §6: a refresh may only narrow)"};
    }
  }
  entry.used = true;
  const auto subject = entry.subject;
  const auto grant_id = entry.grant_id;
  const auto original = entry.scope;
  auto body = issue_tokens(state, client, requested.empty() ? original : requested, subject,
                           grant_id, std::nullopt, true);
  // The new refresh token keeps the original grant's scope (RFC 6749 §6).
  if (body && !requested.empty() && body->contains("refresh_token")) {
    auto& refreshed = state.refresh_tokens[digest(body->at("refresh_token").get_string())];
    refreshed.scope = original;
  }
  return body;
}

// RFC 8628 §3.4-3.5: the client polls until the user has decided. An answer given (a token or
// access_denied) or an expired code forgets the device code.
Result<boost::json::object, OAuthError> device_code(AuthorizationServer::State& state,
                                                    const Client& client, const Parameters& form) {
  using Decision = AuthorizationServer::State::Device::Decision;
  const auto code = parameter(form, "device_code");
  if (code.empty()) return OAuthError{"invalid_request", "the device_code is missing"};
  auto found = state.devices.find(digest(code));
  if (found == state.devices.end()) {
    return OAuthError{"invalid_grant", "the device_code is unknown or was answered already"};
  }
  auto& device = found->second;
  if (device.client_id != client.client_id) {
    return OAuthError{"invalid_grant", "the device_code was given to another client"};
  }
  const auto forget = [&] {
    state.device_by_user_code.erase(device.user_code);
    state.devices.erase(found);
  };
  const auto now = state.now();
  if (now >= device.expires) {
    forget();
    return OAuthError{"expired_token", "the device_code has expired: start again"};
  }
  const bool too_soon = device.last_poll != 0 && now - device.last_poll < device.interval;
  device.last_poll = now;
  if (too_soon) {
    device.interval += 5;
    return OAuthError{"slow_down", "polled sooner than the interval; it is now " +
                                       std::to_string(device.interval) + " s"};
  }
  switch (device.decision) {
    case Decision::pending:
      return OAuthError{"authorization_pending", "the user has not decided yet"};
    case Decision::denied:
      forget();
      return OAuthError{"access_denied", "the user denied the request"};
    case Decision::allowed:
      break;
  }
  const auto scope = device.scope;
  const auto subject = device.subject;
  const auto auth_time = device.auth_time;
  forget();
  return issue_tokens(state, client, scope, subject, jose::random_base64url(12), auth_time, true);
}

// RFC 8628 §6.1: eight characters of 20 consonants (no vowels, so no words; no look-alikes),
// shown as "WDJB-MJHT".
std::string new_user_code() {
  constexpr std::string_view consonants = "BCDFGHJKLMNPQRSTVWXZ";
  constexpr std::string_view base64url =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string code;
  while (code.size() < 9) {
    for (const char ch : jose::random_base64url(16)) {
      const auto index = base64url.find(ch);
      // 60 of the 64 values map evenly onto the 20 letters; the other 4 are drawn again.
      if (index >= 60 || code.size() == 9) continue;
      if (code.size() == 4) code += '-';
      code += consonants[index % consonants.size()];
    }
  }
  return code;
}

}  // namespace

server::Response device_authorization_endpoint(AuthorizationServer::State& state,
                                               const server::Server::RawRequest& request) {
  constexpr std::size_t max_devices = 4096;  // pending device codes, so that a flood is bounded
  auto form = form_of(request);
  if (!form) return error_answer(form.errors());
  std::lock_guard lock(state.mutex);
  const auto now = state.now();
  state.prune(now);
  ClientAuthenticator authenticator(state, request, *form,
                                    state.url_of(state.config.paths.device_authorization));
  auto client = authenticator.authenticate();
  if (!client) return error_answer(client.errors());
  const Client& who = **client;
  if (!who.allows(GrantType::device_code)) {
    return error_answer({"unauthorized_client",
                         "the client '" + who.client_id + "' may not use the device_code grant"});
  }
  if (auto refused = check_resource(state, parameter(*form, "resource"))) {
    return error_answer(*refused);
  }
  auto scope = granted_scope(state.config, who, parameter(*form, "scope"));
  if (!scope) return error_answer(scope.errors());
  if (state.devices.size() >= max_devices) {
    return error_answer({"temporarily_unavailable", "too many device codes wait for a user", 503});
  }
  std::string user_code = new_user_code();
  while (state.device_by_user_code.contains(normalised_user_code(user_code))) {
    user_code = new_user_code();
  }
  const auto device_code = jose::random_base64url(32);
  const auto key = digest(device_code);
  const auto lifetime = state.config.device_code_lifetime.count();
  const auto interval = state.config.device_poll_interval.count();
  state.devices.insert_or_assign(
      key, AuthorizationServer::State::Device{.client_id = who.client_id,
                                              .scope = std::move(*scope),
                                              .user_code = normalised_user_code(user_code),
                                              .decision = {},
                                              .subject = {},
                                              .expires = now + lifetime,
                                              .interval = interval,
                                              .last_poll = 0,
                                              .auth_time = 0});
  state.device_by_user_code.insert_or_assign(normalised_user_code(user_code), key);
  const auto verification_uri = state.url_of(state.config.paths.device_verification);
  boost::urls::url complete(verification_uri);
  complete.params().append({"user_code", user_code});
  state.log("devauth: a device authorization for client '" + who.client_id + "' waits for a user");
  return json_answer(boost::json::object{{"device_code", device_code},
                                         {"user_code", user_code},
                                         {"verification_uri", verification_uri},
                                         {"verification_uri_complete", complete.buffer()},
                                         {"expires_in", lifetime},
                                         {"interval", interval}},
                     200, true);
}

server::Response token_endpoint(AuthorizationServer::State& state,
                                const server::Server::RawRequest& request) {
  auto form = form_of(request);
  if (!form) return error_answer(form.errors());
  std::lock_guard lock(state.mutex);
  state.prune(state.now());
  ClientAuthenticator authenticator(state, request, *form, state.url_of(state.config.paths.token));
  auto client = authenticator.authenticate();
  if (!client) return error_answer(client.errors());
  if (auto refused = check_resource(state, parameter(*form, "resource"))) {
    return error_answer(*refused);
  }
  const auto grant_type = parameter(*form, "grant_type");
  const auto refuse = [&](GrantType grant) -> std::optional<OAuthError> {
    if ((*client)->allows(grant)) return std::nullopt;
    return OAuthError{"unauthorized_client", "the client '" + (*client)->client_id +
                                                 "' may not use the " +
                                                 std::string(to_string(grant)) + " grant"};
  };
  Result<boost::json::object, OAuthError> body = OAuthError{};
  if (grant_type == "client_credentials") {
    if (auto refused = refuse(GrantType::client_credentials)) return error_answer(*refused);
    body = client_credentials(state, **client, *form);
  } else if (grant_type == "authorization_code") {
    if (auto refused = refuse(GrantType::authorization_code)) return error_answer(*refused);
    body = authorization_code(state, **client, *form);
  } else if (grant_type == "refresh_token") {
    if (auto refused = refuse(GrantType::refresh_token)) return error_answer(*refused);
    body = refresh_token(state, **client, *form);
  } else if (grant_type == to_string(GrantType::device_code)) {
    if (auto refused = refuse(GrantType::device_code)) return error_answer(*refused);
    body = device_code(state, **client, *form);
  } else if (grant_type.empty()) {
    return error_answer({"invalid_request", "grant_type is missing"});
  } else if (grant_type == "password" || grant_type == "implicit") {
    return error_answer(
        {"unsupported_grant_type", "the " + grant_type +
                                       " grant is not offered: RFC 9700 forbids it; use "
                                       "authorization_code with PKCE, or client_credentials"});
  } else {
    return error_answer(
        {"unsupported_grant_type", "this server does not offer the grant '" + grant_type + "'"});
  }
  if (!body) return error_answer(body.errors());
  return json_answer(*body, 200, true);
}

namespace {

// An access token this server issued, checked as a resource server would (revocation aside).
security::VerifyResult verify_access_token(const AuthorizationServer::State& state,
                                           std::string_view token) {
  security::JwtVerifier verifier({.issuer = state.issuer,
                                  .audience = state.audience,
                                  .algorithms = {state.config.algorithm},
                                  .leeway = std::chrono::seconds(0),
                                  .required_typ = "at+jwt",
                                  .keys = state.public_set,
                                  .clock = state.options.clock});
  return verifier.verify(token);
}

// What introspection and revocation have in common: a form with `token`, from an
// authenticated client.
struct TokenRequest {
  const Client* client = nullptr;
  std::string token;
};
using TokenHandler = server::Response (*)(AuthorizationServer::State&, const TokenRequest&);

server::Response about_a_token(AuthorizationServer::State& state,
                               const server::Server::RawRequest& request, const std::string& path,
                               TokenHandler handler) {
  auto form = form_of(request);
  if (!form) return error_answer(form.errors());
  std::lock_guard lock(state.mutex);
  state.prune(state.now());
  ClientAuthenticator authenticator(state, request, *form, state.url_of(path));
  auto client = authenticator.authenticate();
  if (!client) return error_answer(client.errors());
  const auto token = parameter(*form, "token");
  if (token.empty()) return error_answer({"invalid_request", "the token is missing"});
  return handler(state, TokenRequest{.client = *client, .token = token});
}

server::Response introspect(AuthorizationServer::State& state, const TokenRequest& request) {
  const Client& client = *request.client;
  const auto& token = request.token;
  if (client.is_public()) {
    return error_answer(
        {"invalid_client", "introspection is for confidential clients (RFC 7662 §2.1)", 401});
  }
  boost::json::object inactive{{"active", false}};
  if (auto verified = verify_access_token(state, token)) {
    const auto& claims = *verified->claims;
    const auto* jti = claims.if_contains("jti");
    if (jti != nullptr && jti->is_string() && state.revoked_jtis.contains(jti->get_string())) {
      return json_answer(inactive, 200, true);
    }
    boost::json::object body{{"active", true}, {"token_type", "Bearer"}};
    for (const auto* name : {"scope", "client_id", "sub", "aud", "iss", "exp", "iat", "jti"}) {
      if (const auto* value = claims.if_contains(name)) body[name] = *value;
    }
    return json_answer(body, 200, true);
  }
  if (auto found = state.refresh_tokens.find(digest(token)); found != state.refresh_tokens.end()) {
    const auto& entry = found->second;
    if (!entry.used && state.now() < entry.expires) {
      return json_answer(boost::json::object{{"active", true},
                                             {"token_type", "refresh_token"},
                                             {"client_id", entry.client_id},
                                             {"sub", entry.subject},
                                             {"scope", join_scope(entry.scope)},
                                             {"iss", state.issuer},
                                             {"iat", entry.issued},
                                             {"exp", entry.expires}},
                         200, true);
    }
  }
  return json_answer(inactive, 200, true);
}

server::Response revoke(AuthorizationServer::State& state, const TokenRequest& request) {
  const Client& client = *request.client;
  const auto& token = request.token;
  const auto not_yours =
      OAuthError{"unauthorized_client", "the token was issued to another client (RFC 7009 §2.1)"};
  if (auto found = state.refresh_tokens.find(digest(token)); found != state.refresh_tokens.end()) {
    if (found->second.client_id != client.client_id) return error_answer(not_yours);
    const auto grant_id = found->second.grant_id;
    state.revoke_grant(grant_id);
    state.log("devauth: client '" + client.client_id + "' revoked a refresh token and its grant");
    return json_answer(boost::json::object{}, 200, true);
  }
  if (auto verified = verify_access_token(state, token)) {
    const auto& claims = *verified->claims;
    const auto* owner = claims.if_contains("client_id");
    if (owner == nullptr || *owner != boost::json::value(client.client_id)) {
      return error_answer(not_yours);
    }
    const auto* jti = claims.if_contains("jti");
    const auto* exp = claims.if_contains("exp");
    if (jti != nullptr && jti->is_string()) {
      state.revoked_jtis.insert_or_assign(
          std::string(jti->get_string()),
          exp != nullptr && exp->is_int64() ? exp->get_int64() : state.now());
      state.log("devauth: client '" + client.client_id + "' revoked access token (jti " +
                std::string(jti->get_string()) + ")");
    }
  }
  // RFC 7009 §2.2: an unknown or invalid token is answered 200 too.
  return json_answer(boost::json::object{}, 200, true);
}

}  // namespace

server::Response introspection_endpoint(AuthorizationServer::State& state,
                                        const server::Server::RawRequest& request) {
  return about_a_token(state, request, state.config.paths.introspection, introspect);
}

server::Response revocation_endpoint(AuthorizationServer::State& state,
                                     const server::Server::RawRequest& request) {
  return about_a_token(state, request, state.config.paths.revocation, revoke);
}

}  // namespace oaskit::devauth::detail
