#include "fetch.hpp"

#include <curl/curl.h>

#include <memory>
#include <mutex>
#include <string>

namespace oaskit::detail {
namespace {

struct Body {
  std::string data;
  std::size_t max_bytes = 0;
  bool too_large = false;
};

std::size_t append(char* bytes, std::size_t size, std::size_t count, void* user) {
  auto* body = static_cast<Body*>(user);
  const std::size_t n = size * count;
  if (body->data.size() + n > body->max_bytes) {
    body->too_large = true;
    return 0;  // makes curl stop with CURLE_WRITE_ERROR
  }
  body->data.append(bytes, n);
  return n;
}

void global_init() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

}  // namespace

Result<std::string, FetchError> fetch(const std::string& url, const FetchLimits& limits) {
  global_init();
  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), &curl_easy_cleanup);
  if (!curl) return FetchError{"could not start an HTTP client"};
  Body body{{}, limits.max_bytes, false};
  char error[CURL_ERROR_SIZE] = {};
  CURL* h = curl.get();
  curl_easy_setopt(h, CURLOPT_URL, url.c_str());
  curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(h, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(h, CURLOPT_MAXREDIRS, 5L);
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
  curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, static_cast<long>(limits.timeout.count()));
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(h, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(limits.max_bytes));
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, &append);
  curl_easy_setopt(h, CURLOPT_WRITEDATA, &body);
  curl_easy_setopt(h, CURLOPT_ERRORBUFFER, error);
  curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "");
  const CURLcode code = curl_easy_perform(h);
  if (body.too_large || code == CURLE_FILESIZE_EXCEEDED) {
    return FetchError{"the response is larger than " + std::to_string(limits.max_bytes) + " bytes"};
  }
  if (code == CURLE_OPERATION_TIMEDOUT) {
    return FetchError{"timed out after " + std::to_string(limits.timeout.count()) + " ms"};
  }
  if (code != CURLE_OK) {
    return FetchError{error[0] != '\0' ? std::string(error) : curl_easy_strerror(code)};
  }
  long status = 0;
  curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
  if (status < 200 || status >= 300) return FetchError{"HTTP status " + std::to_string(status)};
  return std::move(body.data);
}

}  // namespace oaskit::detail
