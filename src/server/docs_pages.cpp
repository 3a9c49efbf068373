#include "server/docs_pages.hpp"

#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

namespace oaskit::server::detail {

std::string escaped_html(std::string_view text) {
  std::string out;
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

namespace {

// A JavaScript literal inside <script>: JSON, with "</" written "<\/" so that a value cannot
// end the script element.
std::string script_literal(const boost::json::value& value) {
  std::string json = boost::json::serialize(value);
  std::string out;
  for (std::size_t i = 0; i < json.size(); ++i) {
    out += json[i];
    if (json[i] == '<' && i + 1 < json.size() && json[i + 1] == '/') out += '\\';
  }
  return out;
}

}  // namespace

std::string swagger_ui_page(const PageSettings& settings) {
  const auto assets = escaped_html(settings.assets_url);
  boost::json::object config{{"url", settings.openapi_url},  {"dom_id", "#swagger-ui"},
                             {"layout", "BaseLayout"},       {"deepLinking", true},
                             {"showExtensions", true},       {"showCommonExtensions", true},
                             {"persistAuthorization", false}};
  std::string page = R"(<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link type="text/css" rel="stylesheet" href=")" +
                     assets + R"(/swagger-ui.css">
<link rel="icon" type="image/png" href=")" +
                     assets + R"(/favicon-32x32.png">
<title>)" + escaped_html(settings.title) +
                     R"( - Swagger UI</title>
</head>
<body>
<div id="swagger-ui"></div>
<script src=")" + assets +
                     R"(/swagger-ui-bundle.js"></script>
<script>
const config = )" + script_literal(config) +
                     ";\n";
  if (settings.oauth2_redirect_url) {
    page += "config.oauth2RedirectUrl = window.location.origin + " +
            script_literal(boost::json::string(*settings.oauth2_redirect_url)) + ";\n";
  }
  page +=
      R"(config.presets = [SwaggerUIBundle.presets.apis, SwaggerUIBundle.SwaggerUIStandalonePreset];
const ui = SwaggerUIBundle(config);
)";
  if (settings.init_oauth) {
    const auto& oauth = *settings.init_oauth;
    boost::json::array scopes;
    for (const auto& scope : oauth.scopes) scopes.emplace_back(scope);
    boost::json::object init{{"usePkceWithAuthorizationCodeGrant", oauth.use_pkce}};
    if (!oauth.client_id.empty()) init["clientId"] = oauth.client_id;
    if (!scopes.empty()) init["scopes"] = std::move(scopes);
    if (!oauth.app_name.empty()) init["appName"] = oauth.app_name;
    page += "ui.initOAuth(" + script_literal(init) + ");\n";
  }
  page += "</script>\n</body>\n</html>\n";
  return page;
}

std::string redoc_page(const PageSettings& settings) {
  return R"(<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>)" +
         escaped_html(settings.title) + R"( - ReDoc</title>
<style>body { margin: 0; padding: 0; }</style>
</head>
<body>
<noscript>ReDoc needs JavaScript.</noscript>
<redoc spec-url=")" +
         escaped_html(settings.openapi_url) + R"("></redoc>
<script src=")" +
         escaped_html(settings.assets_url) + R"(/redoc.standalone.js"></script>
</body>
</html>
)";
}

std::string oauth2_redirect_page(const std::string& assets_url) {
  return R"(<!DOCTYPE html>
<html lang="en-US">
<head><title>Swagger UI: OAuth2 Redirect</title></head>
<body>
<script src=")" +
         escaped_html(assets_url) + R"(/oauth2-redirect.js"></script>
</body>
</html>
)";
}

Response html(std::string page) {
  return Response{.status = 200,
                  .content_type = "text/html; charset=utf-8",
                  .body = std::move(page),
                  .headers = {}};
}

}  // namespace oaskit::server::detail
