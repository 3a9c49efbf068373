#include "http/libcurl.hpp"

#include <dlfcn.h>

#include <optional>

namespace oaskit::detail {
namespace {

template <class Function>
bool resolve(void* library, const char* name, Function& out) {
  // POSIX guarantees a function's address survives the round trip through void*.
  out = reinterpret_cast<Function>(dlsym(library, name));
  return out != nullptr;
}

struct Loaded {
  std::optional<Libcurl> functions;
  std::string error;
};

Loaded load() {
  Loaded loaded;
  // The soname libcurl has had since 2006 (Debian's libcurl4); RTLD_LOCAL keeps its symbols out
  // of the global namespace, as linking at start-up would not.
  void* library = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
  if (library == nullptr) {
    const char* why = dlerror();
    loaded.error = std::string("libcurl could not be loaded (Debian package libcurl4): ") +
                   (why != nullptr ? why : "unknown reason");
    return loaded;
  }
  Libcurl f;
  const bool all =
      resolve(library, "curl_global_init", f.global_init) &&
      resolve(library, "curl_easy_init", f.easy_init) &&
      resolve(library, "curl_easy_cleanup", f.easy_cleanup) &&
      resolve(library, "curl_easy_setopt", f.easy_setopt) &&
      resolve(library, "curl_easy_perform", f.easy_perform) &&
      resolve(library, "curl_easy_getinfo", f.easy_getinfo) &&
      resolve(library, "curl_easy_strerror", f.easy_strerror) &&
      resolve(library, "curl_easy_header", f.easy_header) &&
      resolve(library, "curl_slist_append", f.slist_append) &&
      resolve(library, "curl_slist_free_all", f.slist_free_all) &&
      resolve(library, "curl_url", f.url) && resolve(library, "curl_url_cleanup", f.url_cleanup) &&
      resolve(library, "curl_url_set", f.url_set) && resolve(library, "curl_url_get", f.url_get) &&
      resolve(library, "curl_free", f.free);
  if (!all) {
    loaded.error = "libcurl.so.4 is older than 7.83 (it lacks curl_easy_header)";
    return loaded;
  }
  if (f.global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
    loaded.error = "libcurl could not be initialised (curl_global_init)";
    return loaded;
  }
  loaded.functions = f;
  return loaded;
}

}  // namespace

const Libcurl* libcurl(std::string* error) {
  static const Loaded loaded = load();  // once, thread-safe; the library stays for good
  if (!loaded.functions && error != nullptr) *error = loaded.error;
  return loaded.functions ? &*loaded.functions : nullptr;
}

}  // namespace oaskit::detail
