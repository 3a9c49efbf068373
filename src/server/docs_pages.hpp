#pragma once
// The HTML of /docs (Swagger UI), /redoc and Swagger UI's OAuth 2.0 redirect page, as
// FastAPI's fastapi/openapi/docs.py writes them, loading their scripts from the embedded
// assets instead of a CDN.

#include <optional>
#include <string>

#include "oaskit/server.hpp"

namespace oaskit::server::detail {

struct PageSettings {
  std::string title;
  std::string openapi_url;
  std::string assets_url;
  std::optional<std::string> oauth2_redirect_url;
  std::optional<SwaggerUiOAuth> init_oauth;
};

/// `text` with the characters HTML gives a meaning (& < > " ') as entities: safe in element
/// content and in quoted attribute values.
[[nodiscard]] std::string escaped_html(std::string_view text);

[[nodiscard]] std::string swagger_ui_page(const PageSettings& settings);
[[nodiscard]] std::string redoc_page(const PageSettings& settings);
[[nodiscard]] std::string oauth2_redirect_page(const std::string& assets_url);
/// `page` as a 200 text/html response.
[[nodiscard]] Response html(std::string page);

}  // namespace oaskit::server::detail
