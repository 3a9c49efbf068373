#include "oaskit/oauth2/authorization_code.hpp"

#include <openssl/evp.h>
#include <spawn.h>
#include <sys/wait.h>

#include <array>
#include <boost/url/parse.hpp>
#include <boost/url/url.hpp>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <system_error>
#include <thread>

#include "oauth2/loopback_listener.hpp"
#include "oauth2/token_response.hpp"

extern char** environ;  // NOLINT(readability-redundant-declaration): for posix_spawnp

namespace oaskit::oauth2 {
namespace {

using Kind = GrantError::Kind;
using detail::grant_error;

constexpr std::string_view done_page =
    "<!doctype html><meta charset=\"utf-8\"><title>Signed in</title>"
    "<p>The program that asked you to sign in has the answer. You can close this window.</p>";

// Prints the URL, and opens it when there is a display to open it on.
void default_open_browser(const std::string& url) {
  std::fprintf(stderr, "Open this address in a browser to sign in:\n  %s\n", url.c_str());
  if (std::getenv("DISPLAY") == nullptr && std::getenv("WAYLAND_DISPLAY") == nullptr) return;
  pid_t pid = 0;
  const std::array<const char*, 3> argv{"xdg-open", url.c_str(), nullptr};
  if (::posix_spawnp(&pid, "xdg-open", nullptr, nullptr, const_cast<char* const*>(argv.data()),
                     environ) == 0) {
    // xdg-open may run the browser itself until it is closed (when none was running), so it
    // is reaped in the background: the sign-in must go on while the browser is open.
    std::thread([pid] { ::waitpid(pid, nullptr, 0); }).detach();
  }
}

}  // namespace

Pkce Pkce::generate() {
  Pkce pair;
  pair.verifier = jose::random_base64url(32);
  pair.challenge = challenge_of(pair.verifier);
  return pair;
}

std::string Pkce::challenge_of(std::string_view verifier) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int size = 0;
  if (EVP_Digest(verifier.data(), verifier.size(), digest.data(), &size, EVP_sha256(), nullptr) !=
      1) {
    throw std::runtime_error("OpenSSL could not compute a SHA-256");
  }
  return jose::base64url_encode(
      std::string_view(reinterpret_cast<const char*>(digest.data()), size));
}

GrantResult authorize(const Client& client, const AuthorizationOptions& options) {
  const auto& endpoints = client.endpoints();
  if (!endpoints.authorization_url) {
    return grant_error(Kind::configuration,
                       "the flow has no authorizationUrl (use Flow::authorizationCode)");
  }
  if (auto error = client.check_scopes(options.scopes)) return *error;
  std::optional<detail::LoopbackListener> listener;
  try {
    listener.emplace();
  } catch (const std::system_error& error) {
    return grant_error(Kind::configuration,
                       std::string("cannot listen for the redirect: ") + error.what());
  }
  const std::string redirect_uri =
      "http://127.0.0.1:" + std::to_string(listener->port()) + options.redirect_path;
  const Pkce pkce = Pkce::generate();
  const std::string state = jose::random_base64url(32);

  boost::urls::url request(*boost::urls::parse_uri(*endpoints.authorization_url));
  auto params = request.params();
  params.append({"response_type", "code"});
  params.append({"client_id", client.client_id()});
  params.append({"redirect_uri", redirect_uri});
  if (!options.scopes.empty()) {
    std::string scope;
    for (const auto& word : options.scopes) scope += (scope.empty() ? "" : " ") + word;
    params.append({"scope", scope});
  }
  params.append({"state", state});
  params.append({"code_challenge", pkce.challenge});
  params.append({"code_challenge_method", "S256"});
  for (const auto& resource : options.resources) params.append({"resource", resource});
  for (const auto& [name, value] : options.extra_parameters) params.append({name, value});

  (options.open_browser ? options.open_browser
                        : default_open_browser)(std::string(request.buffer()));
  const auto query = listener->wait_for(
      options.redirect_path, std::chrono::steady_clock::now() + options.timeout, done_page);
  if (!query) {
    return grant_error(Kind::unavailable, "the browser did not come back to " + redirect_uri +
                                              " within " + std::to_string(options.timeout.count()) +
                                              " s");
  }
  const std::string target = options.redirect_path + "?" + *query;
  const auto response = boost::urls::parse_origin_form(target);
  // The first value of `name` in the redirect's query, decoded.
  const auto find = [&](std::string_view name) -> std::optional<std::string> {
    if (!response) return std::nullopt;
    for (const auto& param : response->params()) {
      if (param.key == name && param.has_value) return std::string(param.value);
    }
    return std::nullopt;
  };
  // RFC 6749 §10.12: a response without our state may have been planted by someone else.
  if (find("state") != state) {
    return grant_error(Kind::bad_response,
                       "the redirect's state does not match the request's: it was not the answer "
                       "to this sign-in");
  }
  // RFC 9207 §2.4: the response must come from the server the request went to.
  const auto iss = find("iss");
  if (options.issuer && ((iss && *iss != *options.issuer) || (!iss && options.require_issuer))) {
    return grant_error(Kind::bad_response,
                       iss ? "the redirect's iss is not the expected issuer (RFC 9207)"
                           : "the redirect has no iss, and one is required (RFC 9207)");
  }
  if (const auto error = find("error")) {
    GrantError refused = grant_error(Kind::refused, "the authorization server refused: " + *error);
    refused.error = *error;
    refused.error_description = find("error_description");
    refused.error_uri = find("error_uri");
    if (refused.error_description) refused.message += " (" + *refused.error_description + ")";
    return refused;
  }
  const auto code = find("code");
  if (!code || code->empty()) {
    return grant_error(Kind::bad_response, "the redirect carries neither a code nor an error");
  }
  return client.exchange_code(*code, pkce.verifier, redirect_uri, options.resources);
}

}  // namespace oaskit::oauth2
