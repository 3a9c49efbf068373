#pragma once
/// Calling an OAuth-protected API with libcurl: `perform_with_token` sends a request with
/// `Authorization: Bearer <token>` from a TokenSource, and when the API answers 401 with
/// `error="invalid_token"` (RFC 6750 §3.1: revoked, or expired early) it drops that token,
/// gets a new one and sends the request once more.

#include <curl/curl.h>

#include <functional>

#include "oaskit/oauth2/token_source.hpp"

namespace oaskit::oauth2 {

/// What perform_with_token did.
struct BearerOutcome {
  CURLcode code = CURLE_OK;  ///< the last curl_easy_perform's
  long status = 0;           ///< the last response's HTTP status (0 without one)
  bool retried = false;      ///< the first token was refused and the request sent again
};

/// Performs `handle` (a libcurl easy handle the caller has set up: URL, method, body, write
/// callback, ...) with the source's token as a bearer credential (CURLAUTH_BEARER). On a 401
/// whose WWW-Authenticate says `invalid_token`, calls `before_retry` (to reset what the write
/// callback collected), invalidates the token, and performs once more with a new one. No token
/// to be had is a GrantError; the handle's own results are in BearerOutcome.
[[nodiscard]] Result<BearerOutcome, GrantError> perform_with_token(
    CURL* handle, TokenSource& source, const std::function<void()>& before_retry = {});

}  // namespace oaskit::oauth2
