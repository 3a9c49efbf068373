#include "http/client.hpp"

#include <algorithm>
#include <boost/url/parse.hpp>
#include <boost/url/url_view.hpp>
#include <chrono>
#include <memory>

#include "http/libcurl.hpp"
#include "util/ascii.hpp"
#include "util/url.hpp"

namespace oaskit::detail {
namespace {

constexpr int kMaxRedirects = 5;

// The host libcurl will connect to, as libcurl reads `url`; nullopt when it cannot.
std::optional<std::string> curl_host(const Libcurl& curl, std::string_view url) {
  std::unique_ptr<CURLU, decltype(curl.url_cleanup)> handle(curl.url(), curl.url_cleanup);
  char* host = nullptr;
  if (!handle ||
      curl.url_set(handle.get(), CURLUPART_URL, std::string(url).c_str(), 0) != CURLUE_OK ||
      curl.url_get(handle.get(), CURLUPART_HOST, &host, 0) != CURLUE_OK) {
    return std::nullopt;
  }
  std::string result(host);
  curl.free(host);
  return result;
}

// scheme://host:port, for telling whether a redirect leaves the origin.
std::string origin(std::string_view url) {
  const auto parsed = boost::urls::parse_uri(url);
  if (!parsed) return {};
  std::string port = parsed->has_port() ? std::string(parsed->port()) : std::string();
  if (port.empty()) port = parsed->scheme_id() == boost::urls::scheme::https ? "443" : "80";
  return ascii_lowercase(std::string(parsed->scheme()) + "://" +
                         std::string(parsed->encoded_host()) + ":" + port);
}

bool is_redirect(long status) {
  return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

// What libcurl's callbacks fill in during one exchange.
struct Transfer {
  HttpResponse response;
  std::size_t max_bytes = 0;
  std::size_t header_bytes = 0;
  bool body_too_large = false;
  bool headers_too_large = false;
};

std::size_t on_body(char* bytes, std::size_t size, std::size_t count, void* user) {
  auto* transfer = static_cast<Transfer*>(user);
  const std::size_t n = size * count;
  if (transfer->response.body.size() + n > transfer->max_bytes) {
    transfer->body_too_large = true;
    return 0;  // makes libcurl stop with CURLE_WRITE_ERROR
  }
  transfer->response.body.append(bytes, n);
  return n;
}

std::size_t on_header(char* bytes, std::size_t size, std::size_t count, void* user) {
  auto* transfer = static_cast<Transfer*>(user);
  const std::size_t n = size * count;
  transfer->header_bytes += n;
  if (transfer->header_bytes > transfer->max_bytes) {
    transfer->headers_too_large = true;
    return 0;
  }
  const std::string_view line(bytes, n);
  auto& headers = transfer->response.headers;
  if (line.empty()) return n;
  if (line.starts_with("HTTP/")) {
    headers.clear();  // a new response (after "100 Continue", say)
  } else if ((line.front() == ' ' || line.front() == '\t') && !headers.empty()) {
    // An obsolete folded continuation line (RFC 9112 §5.2).
    headers.back().second += ' ';
    headers.back().second += trimmed(line);
  } else if (const auto colon = line.find(':'); colon != std::string_view::npos) {
    headers.emplace_back(trimmed(line.substr(0, colon)), trimmed(line.substr(colon + 1)));
  }
  return n;
}

using CurlHeaders = std::unique_ptr<curl_slist, decltype(Libcurl::slist_free_all)>;

CurlHeaders header_list(const Libcurl& curl, const HttpRequest& request, bool keep_authorization) {
  // No "Expect: 100-continue": small bodies go at once, and servers need not support it.
  curl_slist* list = curl.slist_append(nullptr, "Expect:");
  for (const auto& [name, value] : request.headers) {
    if (!keep_authorization && equals_ignoring_ascii_case(name, "authorization")) continue;
    std::string line = name;
    line += value.empty() ? ";" : ": ";
    line += value;
    if (curl_slist* longer = curl.slist_append(list, line.c_str())) list = longer;
  }
  return {list, curl.slist_free_all};
}

void set_method(const Libcurl& curl, CURL* h, const HttpRequest& request) {
  if (request.method == "GET") {
    curl.easy_setopt(h, CURLOPT_HTTPGET, 1L);
    return;
  }
  if (request.method == "HEAD") {
    curl.easy_setopt(h, CURLOPT_NOBODY, 1L);
    return;
  }
  if (request.method != "POST") curl.easy_setopt(h, CURLOPT_CUSTOMREQUEST, request.method.c_str());
  if (request.method == "POST" || !request.body.empty()) {
    curl.easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
    curl.easy_setopt(h, CURLOPT_POSTFIELDS, request.body.c_str());
  }
}

struct Exchange {
  HttpResponse response;
  std::string redirect_url;
};

// One request to `url`, no redirects followed.
Result<Exchange, FetchError> exchange(const Libcurl& curl, const HttpRequest& request,
                                      const std::string& url, bool keep_authorization,
                                      std::chrono::milliseconds timeout,
                                      const HttpOptions& options) {
  std::unique_ptr<CURL, decltype(curl.easy_cleanup)> handle(curl.easy_init(), curl.easy_cleanup);
  if (!handle) return FetchError{"could not start an HTTP client"};
  CURL* h = handle.get();
  Transfer transfer;
  transfer.max_bytes = options.max_bytes;
  const CurlHeaders headers = header_list(curl, request, keep_authorization);
  char error[CURL_ERROR_SIZE] = {};
  curl.easy_setopt(h, CURLOPT_URL, url.c_str());
  curl.easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
  curl.easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);
  curl.easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
  curl.easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
  if (options.ca_file) curl.easy_setopt(h, CURLOPT_CAINFO, options.ca_file->c_str());
  curl.easy_setopt(h, CURLOPT_TIMEOUT_MS,
                   static_cast<long>(std::max<long long>(1, timeout.count())));
  curl.easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
  curl.easy_setopt(h, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(options.max_bytes));
  curl.easy_setopt(h, CURLOPT_WRITEFUNCTION, &on_body);
  curl.easy_setopt(h, CURLOPT_WRITEDATA, &transfer);
  curl.easy_setopt(h, CURLOPT_HEADERFUNCTION, &on_header);
  curl.easy_setopt(h, CURLOPT_HEADERDATA, &transfer);
  curl.easy_setopt(h, CURLOPT_HTTPHEADER, headers.get());
  curl.easy_setopt(h, CURLOPT_ERRORBUFFER, error);
  curl.easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "");
  set_method(curl, h, request);

  const CURLcode code = curl.easy_perform(h);
  if (transfer.body_too_large || code == CURLE_FILESIZE_EXCEEDED) {
    return FetchError{"the response is larger than " + std::to_string(options.max_bytes) +
                      " bytes"};
  }
  if (transfer.headers_too_large) {
    return FetchError{"the response headers are larger than " + std::to_string(options.max_bytes) +
                      " bytes"};
  }
  if (code == CURLE_OPERATION_TIMEDOUT) {
    return FetchError{"timed out after " + std::to_string(options.timeout.count()) + " ms"};
  }
  if (code != CURLE_OK) {
    return FetchError{error[0] != '\0' ? std::string(error) : curl.easy_strerror(code)};
  }
  curl.easy_getinfo(h, CURLINFO_RESPONSE_CODE, &transfer.response.status);
  Exchange result{std::move(transfer.response), {}};
  char* location = nullptr;
  curl.easy_getinfo(h, CURLINFO_REDIRECT_URL, &location);
  if (location != nullptr) result.redirect_url = location;
  return result;
}

}  // namespace

std::optional<std::string_view> HttpResponse::header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (equals_ignoring_ascii_case(key, name)) return std::string_view(value);
  }
  return std::nullopt;
}

std::optional<std::string> url_problem(std::string_view url, PlainHttp plain_http) {
  std::string unavailable;
  const Libcurl* curl = libcurl(&unavailable);
  if (curl == nullptr) return unavailable;
  const auto parsed = boost::urls::parse_uri(url);
  if (!parsed || !parsed->has_authority() || parsed->encoded_host().empty()) {
    return "not an absolute http(s) URL with a host";
  }
  // Checking a host only helps if it is the one libcurl connects to: Boost.URL 1.81 reads
  // "http://127.0.0.1.evil.example/" as host 127.0.0.1 with path ".evil.example/".
  const auto host = curl_host(*curl, url);
  if (!host || !equals_ignoring_ascii_case(*host, parsed->encoded_host())) {
    return "the URL's host is ambiguous (not read the same by every URL parser)";
  }
  switch (parsed->scheme_id()) {
    case boost::urls::scheme::https:
      return std::nullopt;
    case boost::urls::scheme::http:
      if (plain_http == PlainHttp::any_host || is_loopback(*parsed)) return std::nullopt;
      return "plain http is allowed only to loopback hosts (127.0.0.0/8, ::1, localhost); '" +
             std::string(parsed->encoded_host()) + "' must be reached over https";
    default:
      return "only http and https URLs can be fetched, not '" + std::string(parsed->scheme()) + "'";
  }
}

Result<HttpResponse, FetchError> send(const HttpRequest& request, const HttpOptions& options,
                                      PlainHttp plain_http) {
  for (const auto& [name, value] : request.headers) {
    if (name.empty() || name.find_first_of("\r\n: ") != std::string::npos ||
        value.find_first_of("\r\n") != std::string::npos) {
      return FetchError{"a request header has an empty name or a line break in it"};
    }
  }
  std::string unavailable;
  const Libcurl* curl = libcurl(&unavailable);
  if (curl == nullptr) return FetchError{std::move(unavailable)};
  const auto deadline = std::chrono::steady_clock::now() + options.timeout;
  const bool follow_redirects = request.method == "GET";
  const std::string first_origin = origin(request.url);
  std::string url = request.url;
  for (int redirects = 0;; ++redirects) {
    if (auto problem = url_problem(url, plain_http)) return FetchError{std::move(*problem)};
    const auto remaining = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (remaining.count() <= 0) {
      return FetchError{"timed out after " + std::to_string(options.timeout.count()) + " ms"};
    }
    auto exchanged = exchange(*curl, request, url, origin(url) == first_origin, remaining, options);
    if (!exchanged) return exchanged.errors();
    if (!follow_redirects || !is_redirect(exchanged->response.status) ||
        exchanged->redirect_url.empty()) {
      return std::move(exchanged->response);
    }
    if (redirects == kMaxRedirects) {
      return FetchError{"more than " + std::to_string(kMaxRedirects) + " redirects"};
    }
    url = std::move(exchanged->redirect_url);
  }
}

}  // namespace oaskit::detail
