#pragma once
// The web assets of /docs and /redoc (npm's swagger-ui-dist and redoc, web/package.json),
// embedded at build time by tools/embed_assets.cpp with their gzip forms and ETags.

#include <span>
#include <string_view>

namespace oaskit::server::detail {

struct Asset {
  std::string_view name;  // file name under the assets URL
  std::string_view content_type;
  std::string_view raw;
  std::string_view gzip;  // gzip-compressed at build time (zlib, level 9)
  std::string_view etag;  // quoted, from the content
};

/// Every embedded asset; empty when the library was built with OASKIT_DOCS_ASSETS=OFF.
[[nodiscard]] std::span<const Asset> docs_assets();

}  // namespace oaskit::server::detail
