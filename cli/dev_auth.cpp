#include "dev_auth.hpp"

#include <fmt/core.h>

#include "oaskit/models.hpp"

namespace oaskit::cli {

std::shared_ptr<devauth::AuthorizationServer> make_dev_auth(const OpenAPI& document,
                                                            const std::string& config_path,
                                                            const std::string& audience,
                                                            std::string_view command) {
  auto scopes = devauth::scopes_of(document);
  Result<devauth::Config, Diagnostics> config = Diagnostics{};
  if (config_path.empty()) {
    const auto text = devauth::default_config_text(scopes);
    fmt::print(stderr,
               "oaskit {}: no development authorization server config given: made this one (save "
               "it to a file and pass it to keep its secrets):\n{}\n",
               command, text);
    config = devauth::read_config_text("(generated)", text, ".", scopes);
  } else {
    config = devauth::read_config(config_path, scopes);
  }
  if (!config) {
    for (const auto& d : config.errors()) fmt::print(stderr, "{}\n", to_string(d));
    return nullptr;
  }
  if (!audience.empty()) config->audience = audience;
  auto created = devauth::AuthorizationServer::create(
      std::move(*config), {.log = [](std::string_view line) { fmt::print(stderr, "{}\n", line); }});
  if (!created) {
    for (const auto& d : created.errors()) fmt::print(stderr, "{}\n", to_string(d));
    return nullptr;
  }
  return std::move(*created);
}

void announce_dev_auth(devauth::AuthorizationServer& auth, std::string_view command) {
  if (auto fetched = auth.fetch_keys(); !fetched) {
    fmt::print(stderr, "oaskit {}: the development authorization server's keys: {}\n", command,
               fetched.errors());
  }
  fmt::print(stderr,
             "oaskit {}: development authorization server at {} (metadata at "
             "{}/.well-known/oauth-authorization-server): for development and tests only\n",
             command, auth.issuer(), auth.issuer());
}

}  // namespace oaskit::cli
