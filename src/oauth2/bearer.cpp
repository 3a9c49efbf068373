#include "oaskit/oauth2/bearer.hpp"

#include <string_view>

#include "http/challenges.hpp"
#include "http/libcurl.hpp"

namespace oaskit::oauth2 {
namespace {

// RFC 6750 §3: a Bearer challenge whose error parameter says the token was not accepted.
bool says_invalid_token(const detail::Libcurl& curl, CURL* handle) {
  curl_header* header = nullptr;
  for (std::size_t i = 0;
       curl.easy_header(handle, "WWW-Authenticate", i, CURLH_HEADER, -1, &header) == CURLHE_OK;
       ++i) {
    if (detail::bearer_error_is(header->value, "invalid_token")) return true;
    if (i + 1 >= header->amount) break;
  }
  return false;
}

CURLcode perform(const detail::Libcurl& curl, CURL* handle, const AccessToken& token,
                 long& status) {
  curl.easy_setopt(handle, CURLOPT_HTTPAUTH, static_cast<long>(CURLAUTH_BEARER));
  curl.easy_setopt(handle, CURLOPT_XOAUTH2_BEARER, token.value.c_str());
  const CURLcode code = curl.easy_perform(handle);
  status = 0;
  if (code == CURLE_OK) curl.easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &status);
  // The handle must not keep a token that may be replaced: the next use sets it again.
  curl.easy_setopt(handle, CURLOPT_XOAUTH2_BEARER, nullptr);
  return code;
}

}  // namespace

Result<BearerOutcome, GrantError> perform_with_token(CURL* handle, TokenSource& source,
                                                     const std::function<void()>& before_retry) {
  auto token = source.token();
  if (!token) return token.errors();
  BearerOutcome outcome;
  // The caller's handle comes from the libcurl its program loaded: this finds the same one.
  const detail::Libcurl* curl = detail::libcurl();
  if (curl == nullptr) {
    outcome.code = CURLE_FAILED_INIT;
    return outcome;
  }
  outcome.code = perform(*curl, handle, **token, outcome.status);
  if (outcome.code != CURLE_OK || outcome.status != 401 || !says_invalid_token(*curl, handle)) {
    return outcome;
  }
  source.invalidate(**token);
  auto fresh = source.token();
  if (!fresh) return fresh.errors();
  if (before_retry) before_retry();
  outcome.retried = true;
  outcome.code = perform(*curl, handle, **fresh, outcome.status);
  return outcome;
}

}  // namespace oaskit::oauth2
