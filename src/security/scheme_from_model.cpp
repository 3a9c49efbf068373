#include <type_traits>
#include <variant>

#include "oaskit/security/schemes.hpp"
#include "util/ascii.hpp"

namespace oaskit::security {

std::shared_ptr<const Scheme> scheme_from_model(std::string name, const SecurityScheme& model) {
  return std::visit(
      [&](const auto& scheme) -> std::shared_ptr<const Scheme> {
        using Model = std::decay_t<decltype(scheme)>;
        if constexpr (std::is_same_v<Model, oaskit::APIKey>) {
          APIKeyOptions options{.name = scheme.name,
                                .scheme_name = std::move(name),
                                .description = scheme.description};
          switch (scheme.in) {
            case APIKeyIn::header:
              return std::make_shared<APIKeyHeader>(std::move(options));
            case APIKeyIn::query:
              return std::make_shared<APIKeyQuery>(std::move(options));
            case APIKeyIn::cookie:
              return std::make_shared<APIKeyCookie>(std::move(options));
          }
          return nullptr;
        } else if constexpr (std::is_same_v<Model, oaskit::HTTPBearer>) {
          return std::make_shared<HTTPBearer>(HTTPBearerOptions{
              .bearerFormat = scheme.bearerFormat,
              .scheme_name = std::move(name),
              .description = scheme.description,
          });
        } else if constexpr (std::is_same_v<Model, oaskit::HTTPBase>) {
          // HTTP auth-scheme names are case-insensitive (RFC 9110 §11.1).
          if (!oaskit::detail::equals_ignoring_ascii_case(scheme.scheme, "basic")) return nullptr;
          return std::make_shared<HTTPBasic>(
              HTTPBasicOptions{.scheme_name = std::move(name), .description = scheme.description});
        } else if constexpr (std::is_same_v<Model, oaskit::OAuth2>) {
          return std::make_shared<OAuth2>(OAuth2Options{.flows = scheme.flows,
                                                        .scheme_name = std::move(name),
                                                        .description = scheme.description});
        } else if constexpr (std::is_same_v<Model, oaskit::OpenIdConnect>) {
          return std::make_shared<OpenIdConnect>(
              OpenIdConnectOptions{.openIdConnectUrl = scheme.openIdConnectUrl,
                                   .scheme_name = std::move(name),
                                   .description = scheme.description});
        } else {
          return nullptr;  // mutualTLS: the credential is the TLS client certificate
        }
      },
      model);
}

}  // namespace oaskit::security
