#pragma once
// libcurl, loaded the first time oaskit sends a request rather than when a program starts.
// libcurl brings 27 more shared libraries with it (GnuTLS, Kerberos, LDAP, ...): loading them
// cost every `oaskit` command about 5 ms and 6 MB, although most commands never use the network.
// The functions are the ones curl/curl.h declares, called through pointers.

#include <curl/curl.h>
#include <curl/header.h>

#include <string>

namespace oaskit::detail {

struct Libcurl {
  decltype(&curl_global_init) global_init = nullptr;
  decltype(&curl_easy_init) easy_init = nullptr;
  decltype(&curl_easy_cleanup) easy_cleanup = nullptr;
  decltype(&curl_easy_setopt) easy_setopt = nullptr;
  decltype(&curl_easy_perform) easy_perform = nullptr;
  decltype(&curl_easy_getinfo) easy_getinfo = nullptr;
  decltype(&curl_easy_strerror) easy_strerror = nullptr;
  decltype(&curl_easy_header) easy_header = nullptr;
  decltype(&curl_slist_append) slist_append = nullptr;
  decltype(&curl_slist_free_all) slist_free_all = nullptr;
  decltype(&curl_url) url = nullptr;
  decltype(&curl_url_cleanup) url_cleanup = nullptr;
  decltype(&curl_url_set) url_set = nullptr;
  decltype(&curl_url_get) url_get = nullptr;
  decltype(&curl_free) free = nullptr;
};

/// libcurl (libcurl.so.4, which the process may have loaded already), initialised once
/// (curl_global_init); nullptr when it cannot be loaded, with the reason in `*error`.
/// Thread-safe.
const Libcurl* libcurl(std::string* error = nullptr);

}  // namespace oaskit::detail
