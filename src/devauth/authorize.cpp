// The authorization endpoint (RFC 6749 §4.1.1, RFC 7636, RFC 9207): checks the request, shows a
// sign-in and consent page rendered on the server (no JavaScript), and sends the browser back
// to the client with a code, or with an error.

#include <boost/url/parse.hpp>
#include <boost/url/url.hpp>
#include <cctype>

#include "devauth/endpoints.hpp"
#include "server/docs_pages.hpp"

namespace oaskit::devauth::detail {

// RFC 8628 §6.1: a user code is typed by a person; case and dashes do not matter.
std::string normalised_user_code(std::string_view typed) {
  std::string code;
  for (const char ch : typed) {
    if (ch == '-' || ch == ' ') continue;
    code += static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  }
  return code;
}

namespace {

constexpr std::string_view csrf_cookie = "oaskit_devauth_csrf";
constexpr Seconds pending_lifetime = 600;
constexpr std::size_t max_pending = 4096;
constexpr std::size_t max_pending_per_address = 64;

server::Response html(int status, std::string body) {
  server::Response response{.status = status,
                            .content_type = "text/html; charset=utf-8",
                            .body = std::move(body),
                            .headers = {}};
  response.headers.emplace_back("Cache-Control", "no-store");
  response.headers.emplace_back("Content-Security-Policy",
                                "default-src 'none'; style-src 'unsafe-inline'; "
                                "frame-ancestors 'none'; base-uri 'none'");
  response.headers.emplace_back("X-Frame-Options", "DENY");
  response.headers.emplace_back("Referrer-Policy", "no-referrer");
  return response;
}

constexpr std::string_view page_style =
    "body{font:16px/1.5 system-ui,sans-serif;background:#f4f5f7;color:#1f2328;margin:0}"
    "main{max-width:28rem;margin:3rem auto;background:#fff;padding:2rem;border-radius:8px;"
    "box-shadow:0 1px 3px #0002}h1{font-size:1.4rem;margin-top:0}ul{padding-left:1.2rem}"
    "code{background:#eef;padding:0 .25rem;border-radius:3px}label{display:block;margin:.8rem 0}"
    "input{display:block;width:100%;box-sizing:border-box;padding:.5rem;font:inherit;"
    "margin-top:.25rem}.buttons{display:flex;gap:.5rem;margin-top:1rem}button{font:inherit;"
    "padding:.5rem 1rem;border-radius:4px;border:1px solid #888;cursor:pointer}"
    "button.allow{background:#1f6feb;color:#fff;border-color:#1f6feb}"
    ".error{color:#b00020;font-weight:600}.note{color:#666;font-size:.85rem}";

using server::detail::escaped_html;

// A whole page: `title`, the shared style, and `content` inside <main>.
std::string page(std::string_view title, std::string_view content) {
  std::string body =
      R"(<!doctype html><html lang="en"><meta charset="utf-8">)"
      R"(<meta name="viewport" content="width=device-width,initial-scale=1"><title>)";
  body += escaped_html(title);
  body += "</title><style>";
  body += page_style;
  body += "</style><main>";
  body += content;
  body += "</main></html>";
  return body;
}

// A page that does not send the browser anywhere: the request cannot be trusted enough to
// redirect (unknown client, unregistered redirect URI: RFC 6749 §4.1.2.1), or has expired.
server::Response error_page(int status, std::string_view message) {
  return html(
      status,
      page("Authorization error",
           R"(<h1>This authorization request cannot go on</h1><p class="error" id="error">)" +
               escaped_html(message) +
               R"(</p><p class="note">oaskit development authorization server</p>)"));
}

bool is_loopback(std::string_view host) {
  return host == "127.0.0.1" || host == "[::1]" || host == "localhost";
}

// RFC 6749 §3.1.2.3 compares redirect URIs exactly; RFC 8252 §7.3 lets a native client's
// loopback redirect URI (http, loopback host) come back on any port.
bool redirect_matches(std::string_view registered, std::string_view requested) {
  if (registered == requested) return true;
  auto a = boost::urls::parse_absolute_uri(registered);
  auto b = boost::urls::parse_absolute_uri(requested);
  if (!a || !b || a->scheme() != "http" || b->scheme() != "http") return false;
  if (!is_loopback(a->encoded_host()) || a->encoded_host() != b->encoded_host()) return false;
  return a->encoded_path() == b->encoded_path() && a->has_query() == b->has_query() &&
         a->encoded_query() == b->encoded_query() && a->encoded_userinfo() == b->encoded_userinfo();
}

// The browser's way back to the client: `redirect_uri` with `parameters` added to its query.
server::Response redirect(const std::string& redirect_uri,
                          const std::vector<std::pair<std::string, std::string>>& parameters) {
  boost::urls::url url(redirect_uri);
  for (const auto& [name, value] : parameters) {
    if (!value.empty()) url.params().append({name, value});
  }
  server::Response response{.status = 303, .content_type = "text/plain", .body = {}, .headers = {}};
  response.headers.emplace_back("Location", std::string(url.buffer()));
  response.headers.emplace_back("Cache-Control", "no-store");
  response.headers.emplace_back("Referrer-Policy", "no-referrer");
  return response;
}

server::Response error_redirect(const AuthorizationServer::State& state,
                                const std::string& redirect_uri, const std::string& client_state,
                                std::string_view error, std::string_view description) {
  return redirect(redirect_uri, {{"error", std::string(error)},
                                 {"error_description", std::string(description)},
                                 {"state", client_state},
                                 {"iss", state.issuer}});
}

std::string origin_of(std::string_view uri) {
  auto parsed = boost::urls::parse_absolute_uri(uri);
  if (!parsed) return std::string(uri);
  if (!parsed->has_authority()) return std::string(parsed->scheme()) + ":";
  return std::string(parsed->scheme()) + "://" + std::string(parsed->encoded_authority());
}

// "<client> asks to use the API as you, with these permissions: ...", for a page where a person
// decides.
std::string describe_request(const AuthorizationServer::State& state, const std::string& client_id,
                             const std::vector<std::string>& scopes) {
  const auto* client = find_client(state.config, client_id);
  const std::string name =
      client != nullptr && !client->client_name.empty() ? client->client_name : client_id;
  std::string content =
      R"(<p><strong id="client">)" + escaped_html(name) + "</strong> asks to use the API as you";
  if (scopes.empty()) return content + ".</p>";
  content += R"(, with these permissions:</p><ul id="scopes">)";
  for (const auto& scope : scopes) {
    const auto* description = state.config.scopes.find(scope);
    content += "<li><code>" + escaped_html(scope) + "</code>";
    if (description != nullptr && !description->empty()) {
      content += " — " + escaped_html(*description);
    }
    content += "</li>";
  }
  return content + "</ul>";
}

// A person's sign-in on one of this server's pages: the user, or the error to show on the page
// again (with the seconds to wait when too many sign-ins have failed).
struct SignIn {
  const User* user = nullptr;
  std::string subject{};
  std::string error{};
  Seconds retry_after = 0;
};

// A page shown again after a failed sign-in (`page(status)` makes it): 429 with Retry-After
// while the address is throttled, else 200.
template <class MakePage>
server::Response shown_again(const SignIn& signed_in, MakePage page) {
  auto answer = page(signed_in.retry_after > 0 ? 429 : 200);
  if (signed_in.retry_after > 0) {
    answer.headers.emplace_back("Retry-After", std::to_string(signed_in.retry_after));
  }
  return answer;
}

SignIn sign_in(AuthorizationServer::State& state, const server::Server::RawRequest& request,
               const std::string& username, const std::string& password) {
  const auto now = state.now();
  const auto& limit = state.config.rate_limit;
  const User* user = nullptr;
  for (const auto& candidate : state.config.users) {
    if (candidate.username == username) user = &candidate;
  }
  // Failures count against a user who exists and against the address: names nobody has
  // cannot fill the limiter.
  const auto user_key = user != nullptr ? "user:" + username : std::string();
  const auto address_key = "signin-address:" + std::string(request.client_address);
  const auto wait =
      std::max(user_key.empty() ? Seconds{0} : state.failures.blocked_for(user_key, now, limit),
               state.failures.blocked_for(address_key, now, limit));
  if (wait > 0) {
    return {.user = nullptr,
            .subject = {},
            .error = "Too many failed sign-ins: try again in " + std::to_string(wait) + " seconds.",
            .retry_after = wait};
  }
  // A missing user costs the same comparison as a wrong password.
  const bool password_ok = same_secret(password, user != nullptr ? user->password : "\x01");
  if (user == nullptr || !password_ok) {
    if (!user_key.empty()) state.failures.record_failure(user_key, now, limit);
    state.failures.record_failure(address_key, now, limit);
    // An unknown username is not logged: people type their password there by mistake.
    state.log("devauth: a sign-in failed for " +
              (user != nullptr ? "'" + username + "'" : std::string("an unknown username")) +
              (request.client_address.empty() ? std::string()
                                              : " from " + std::string(request.client_address)));
    return {.user = nullptr,
            .subject = {},
            .error = "The username or password is wrong.",
            .retry_after = 0};
  }
  return {.user = user,
          .subject = user->subject.empty() ? user->username : user->subject,
          .error = {},
          .retry_after = 0};
}

// A GET's query parameters.
Result<Parameters, OAuthError> query_of(const server::Server::RawRequest& request) {
  const auto question = request.target.find('?');
  return parse_parameters(question == std::string_view::npos ? std::string_view{}
                                                             : request.target.substr(question + 1));
}

// A page's form as posted, or the error page that answers it.
Result<Parameters, server::Response> page_form_of(const server::Server::RawRequest& request) {
  if (!is_form_body(request)) {
    return error_page(415, "The form must be posted as application/x-www-form-urlencoded.");
  }
  auto form = parse_parameters(request.body);
  if (!form) return error_page(400, form.errors().description);
  return std::move(*form);
}

server::Response consent_page(const AuthorizationServer::State& state, const std::string& id,
                              const AuthorizationServer::State::Pending& pending,
                              std::string_view username, std::string_view error, int status) {
  std::string content =
      "<h1>Sign in</h1>" + describe_request(state, pending.client_id, pending.scope);
  if (!error.empty()) content += R"(<p class="error" id="error">)" + escaped_html(error) + "</p>";
  content += R"(<form method="post" action=")" + escaped_html(state.config.paths.authorization) +
             R"("><input type="hidden" name="request" value=")" + escaped_html(id) +
             R"("><input type="hidden" name="csrf" value=")" + escaped_html(pending.csrf) +
             R"("><label>Username<input id="username" name="username" autocomplete="username" )"
             R"(required autofocus value=")" +
             escaped_html(username) +
             R"("></label><label>Password<input id="password" type="password" name="password" )"
             R"(autocomplete="current-password" required></label><div class="buttons">)"
             R"(<button class="allow" id="allow" type="submit" name="decision" value="allow">)"
             R"(Sign in and allow</button><button id="deny" type="submit" name="decision" )"
             R"(value="deny" formnovalidate>Deny</button></div></form><p class="note">)"
             "You will then go back to " +
             escaped_html(origin_of(pending.redirect_uri)) +
             ".<br>oaskit development authorization server: for development and tests, not "
             "for production.</p>";
  auto response = html(status, page("Sign in", content));
  response.headers.emplace_back("Set-Cookie", std::string(csrf_cookie) + "=" + pending.csrf +
                                                  "; Path=" + state.config.paths.authorization +
                                                  "; HttpOnly; SameSite=Strict");
  return response;
}

// GET: the authorization request (RFC 6749 §4.1.1 with RFC 7636's challenge).
server::Response show(AuthorizationServer::State& state,
                      const server::Server::RawRequest& request) {
  auto parameters = query_of(request);
  if (!parameters) return error_page(400, parameters.errors().description);
  std::lock_guard lock(state.mutex);
  const auto client_id = parameter(*parameters, "client_id");
  const auto* client = find_client(state.config, client_id);
  if (client == nullptr) {
    return error_page(400, client_id.empty() ? "The request names no client (client_id)."
                                             : "The client '" + client_id + "' is not registered.");
  }
  auto redirect_uri = parameter(*parameters, "redirect_uri");
  const bool redirect_uri_given = !redirect_uri.empty();
  if (!redirect_uri_given) {
    if (client->redirect_uris.size() != 1) {
      return error_page(400, "The request has no redirect_uri, and the client registers " +
                                 std::string(client->redirect_uris.empty() ? "none" : "several") +
                                 ".");
    }
    redirect_uri = client->redirect_uris.front();
  } else if (std::none_of(client->redirect_uris.begin(), client->redirect_uris.end(),
                          [&](const auto& registered) {
                            return redirect_matches(registered, redirect_uri);
                          })) {
    return error_page(400, "The redirect_uri '" + redirect_uri +
                               "' is not registered for the client '" + client_id + "'.");
  }
  const auto client_state = parameter(*parameters, "state");
  const auto refuse = [&](std::string_view error, std::string_view description) {
    state.log("devauth: authorization request of client '" + client_id +
              "' refused: " + std::string(description));
    return error_redirect(state, redirect_uri, client_state, error, description);
  };
  const auto response_type = parameter(*parameters, "response_type");
  if (response_type.empty()) return refuse("invalid_request", "response_type is missing");
  if (response_type != "code") {
    return refuse("unsupported_response_type",
                  "only response_type=code is offered (RFC 9700 §2.1.2)");
  }
  if (!client->allows(GrantType::authorization_code)) {
    return refuse("unauthorized_client", "the client may not use the authorization_code grant");
  }
  const auto challenge = parameter(*parameters, "code_challenge");
  const auto method = parameter(*parameters, "code_challenge_method");
  if (challenge.empty()) {
    return refuse("invalid_request",
                  "PKCE is required: send code_challenge with "
                  "code_challenge_method=S256 (RFC 7636)");
  }
  if (method != "S256") {
    return refuse("invalid_request",
                  "code_challenge_method must be S256 (plain is refused, "
                  "RFC 9700 §2.1.1)");
  }
  if (challenge.size() != 43 ||
      challenge.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
                                  "-_") != std::string::npos) {
    return refuse("invalid_request",
                  "code_challenge must be the 43-character base64url SHA-256 "
                  "of the verifier");
  }
  if (auto refused = check_resource(state, parameter(*parameters, "resource"))) {
    return refuse(refused->error, refused->description);
  }
  auto scope = granted_scope(state.config, *client, parameter(*parameters, "scope"));
  if (!scope) return refuse(scope.errors().error, scope.errors().description);
  if (state.config.users.empty()) {
    return refuse("access_denied", "the config has no users who could sign in");
  }

  const auto now = state.now();
  state.prune(now);
  // Bounded, per address and in all, so that a flood of page loads cannot push other
  // people's sign-ins out: the one that expires first goes.
  const auto evict_oldest = [&](auto&& of) {
    auto oldest = state.pending.end();
    for (auto it = state.pending.begin(); it != state.pending.end(); ++it) {
      if (of(it->second) &&
          (oldest == state.pending.end() || it->second.expires < oldest->second.expires)) {
        oldest = it;
      }
    }
    if (oldest != state.pending.end()) state.pending.erase(oldest);
  };
  const std::string address(request.client_address);
  const auto from_here = [&](const auto& pending) { return pending.address == address; };
  if (static_cast<std::size_t>(std::count_if(
          state.pending.begin(), state.pending.end(),
          [&](const auto& entry) { return from_here(entry.second); })) >= max_pending_per_address) {
    evict_oldest(from_here);
  }
  if (state.pending.size() >= max_pending) {
    std::erase_if(state.pending, [&](const auto& entry) { return entry.second.expires <= now; });
    if (state.pending.size() >= max_pending) evict_oldest([](const auto&) { return true; });
  }
  const auto id = jose::random_base64url(18);
  auto& pending = state.pending[id];
  pending = AuthorizationServer::State::Pending{.client_id = client_id,
                                                .redirect_uri = redirect_uri,
                                                .redirect_uri_given = redirect_uri_given,
                                                .scope = std::move(*scope),
                                                .state = client_state,
                                                .code_challenge = challenge,
                                                .csrf = jose::random_base64url(24),
                                                .address = address,
                                                .expires = now + pending_lifetime};
  return consent_page(state, id, pending, "", "", 200);
}

// POST: the page's form comes back.
server::Response decide(AuthorizationServer::State& state,
                        const server::Server::RawRequest& request) {
  auto form = page_form_of(request);
  if (!form) return form.errors();
  std::lock_guard lock(state.mutex);
  const auto now = state.now();
  state.prune(now);
  const auto id = parameter(*form, "request");
  auto found = state.pending.find(id);
  if (found == state.pending.end() || found->second.expires <= now) {
    if (found != state.pending.end()) state.pending.erase(found);
    return error_page(400,
                      "This sign-in request is unknown or has expired: start again from the "
                      "application.");
  }
  auto& pending = found->second;
  // The form must come from the page this server rendered in this browser: the token in the
  // form and in the cookie set with the page (double submit) must both be the request's.
  const auto form_csrf = parameter(*form, "csrf");
  const auto cookie_csrf = view_of(request).cookie(csrf_cookie).value_or("");
  if (form_csrf.empty() || cookie_csrf.empty() || !same_secret(form_csrf, pending.csrf) ||
      !same_secret(cookie_csrf, pending.csrf)) {
    return error_page(403, "The form's CSRF token does not match this browser's sign-in request.");
  }
  const auto decision = parameter(*form, "decision");
  if (decision == "deny") {
    auto answer = error_redirect(state, pending.redirect_uri, pending.state, "access_denied",
                                 "the user denied the request");
    state.log("devauth: the user denied client '" + pending.client_id + "'");
    state.pending.erase(found);
    return answer;
  }
  if (decision != "allow") return error_page(400, "The form has no decision (allow or deny).");
  const auto username = parameter(*form, "username");
  const auto signed_in = sign_in(state, request, username, parameter(*form, "password"));
  if (signed_in.user == nullptr) {
    return shown_again(signed_in, [&](int status) {
      return consent_page(state, id, pending, username, signed_in.error, status);
    });
  }
  const std::string& subject = signed_in.subject;
  const auto code = jose::random_base64url(32);
  const auto grant_id = jose::random_base64url(12);
  state.codes.insert_or_assign(
      digest(code),
      AuthorizationServer::State::Code{.client_id = pending.client_id,
                                       .redirect_uri = pending.redirect_uri,
                                       .redirect_uri_given = pending.redirect_uri_given,
                                       .scope = pending.scope,
                                       .subject = subject,
                                       .code_challenge = pending.code_challenge,
                                       .grant_id = grant_id,
                                       .expires = now + state.config.code_lifetime.count(),
                                       .auth_time = now,
                                       .used = false});
  state.grants[grant_id].expires = now + state.config.code_lifetime.count();
  state.log("devauth: '" + subject + "' signed in and allowed client '" + pending.client_id +
            "', scope '" + join_scope(pending.scope) + "'");
  auto answer = redirect(pending.redirect_uri,
                         {{"code", code}, {"state", pending.state}, {"iss", state.issuer}});
  state.pending.erase(found);
  return answer;
}

// The verification page (RFC 8628 §3.3): the user code, then sign in and allow, or deny. Its
// CSRF token is a double submit (the form's and the cookie's must be equal), set with the page.
server::Response device_page(const AuthorizationServer::State& state, std::string_view user_code,
                             const std::string& csrf, std::string_view username,
                             std::string_view error, int status) {
  const auto& paths = state.config.paths;
  std::string content = "<h1>Sign in on another device</h1>";
  // With the complete URI the code is known: say who asks, and for what (RFC 8628 §5.4).
  const auto found = state.device_by_user_code.find(normalised_user_code(user_code));
  if (found != state.device_by_user_code.end()) {
    const auto device = state.devices.find(found->second);
    if (device != state.devices.end()) {
      content += describe_request(state, device->second.client_id, device->second.scope);
    }
  } else {
    content += "<p>Enter the code your device shows.</p>";
  }
  if (!error.empty()) content += R"(<p class="error" id="error">)" + escaped_html(error) + "</p>";
  content += R"(<form method="post" action=")" + escaped_html(paths.device_verification) +
             R"("><input type="hidden" name="csrf" value=")" + escaped_html(csrf) +
             R"("><label>Code<input id="user_code" name="user_code" required )"
             R"(autocomplete="off" autocapitalize="characters" value=")" +
             escaped_html(user_code) +
             R"("></label><label>Username<input id="username" name="username" )"
             R"(autocomplete="username" value=")" +
             escaped_html(username) +
             R"("></label><label>Password<input id="password" type="password" name="password" )"
             R"(autocomplete="current-password"></label><div class="buttons">)"
             R"(<button class="allow" id="allow" type="submit" name="decision" value="allow">)"
             R"(Sign in and allow</button><button id="deny" type="submit" name="decision" )"
             R"(value="deny">Deny</button></div></form><p class="note">)"
             "Only enter a code that a device of yours shows you now.<br>oaskit development "
             "authorization server: for development and tests, not for production.</p>";
  auto response = html(status, page("Sign in on another device", content));
  response.headers.emplace_back("Set-Cookie", std::string(csrf_cookie) + "=" + csrf +
                                                  "; Path=" + paths.device_verification +
                                                  "; HttpOnly; SameSite=Strict");
  return response;
}

// The end of a decision on the verification page.
server::Response device_done(std::string_view message) {
  return html(200, page("Done", R"(<h1>Done</h1><p id="done">)" + escaped_html(message) +
                                    R"(</p><p class="note">You can close this window.</p>)"));
}

// POST: the verification page's form comes back.
server::Response decide_device(AuthorizationServer::State& state,
                               const server::Server::RawRequest& request) {
  auto form = page_form_of(request);
  if (!form) return form.errors();
  const auto csrf = parameter(*form, "csrf");
  const auto cookie_csrf = view_of(request).cookie(csrf_cookie).value_or("");
  if (csrf.empty() || cookie_csrf.empty() || !same_secret(csrf, std::string(cookie_csrf))) {
    return error_page(403, "The form's CSRF token does not match this browser's page.");
  }
  std::lock_guard lock(state.mutex);
  const auto now = state.now();
  state.prune(now);
  const auto typed = parameter(*form, "user_code");
  const auto username = parameter(*form, "username");
  // Wrong codes count against the address, as failed sign-ins do: a user code is short enough
  // to guess at otherwise (RFC 8628 §5.1).
  const auto& limit = state.config.rate_limit;
  const auto address_key = "device-address:" + std::string(request.client_address);
  if (const auto wait = state.failures.blocked_for(address_key, now, limit); wait > 0) {
    auto answer = device_page(
        state, typed, csrf, username,
        "Too many wrong codes: try again in " + std::to_string(wait) + " seconds.", 429);
    answer.headers.emplace_back("Retry-After", std::to_string(wait));
    return answer;
  }
  const auto found = state.device_by_user_code.find(normalised_user_code(typed));
  auto device = found == state.device_by_user_code.end() ? state.devices.end()
                                                         : state.devices.find(found->second);
  if (device == state.devices.end() || device->second.expires <= now ||
      device->second.decision != AuthorizationServer::State::Device::Decision::pending) {
    state.failures.record_failure(address_key, now, limit);
    return device_page(state, typed, csrf, username,
                       "This code is unknown, has expired or was used: check it, or start again "
                       "on your device.",
                       200);
  }
  auto& entry = device->second;
  const auto decision = parameter(*form, "decision");
  if (decision == "deny") {
    entry.decision = AuthorizationServer::State::Device::Decision::denied;
    state.log("devauth: the user denied device authorization of client '" + entry.client_id + "'");
    return device_done("You denied the request. Your device will be told.");
  }
  if (decision != "allow") return error_page(400, "The form has no decision (allow or deny).");
  const auto signed_in = sign_in(state, request, username, parameter(*form, "password"));
  if (signed_in.user == nullptr) {
    return shown_again(signed_in, [&](int status) {
      return device_page(state, typed, csrf, username, signed_in.error, status);
    });
  }
  entry.decision = AuthorizationServer::State::Device::Decision::allowed;
  entry.subject = signed_in.subject;
  entry.auth_time = now;
  state.log("devauth: '" + entry.subject + "' allowed device authorization of client '" +
            entry.client_id + "', scope '" + join_scope(entry.scope) + "'");
  return device_done("You are signed in: your device will go on by itself.");
}

}  // namespace

server::Response device_verification_endpoint(AuthorizationServer::State& state,
                                              const server::Server::RawRequest& request) {
  if (request.method == "POST") return decide_device(state, request);
  auto parameters = query_of(request);
  if (!parameters) return error_page(400, parameters.errors().description);
  std::lock_guard lock(state.mutex);
  return device_page(state, parameter(*parameters, "user_code"), jose::random_base64url(24), "", "",
                     200);
}

server::Response authorization_endpoint(AuthorizationServer::State& state,
                                        const server::Server::RawRequest& request) {
  if (request.method == "POST") return decide(state, request);
  return show(state, request);
}

}  // namespace oaskit::devauth::detail
