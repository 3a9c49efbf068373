#pragma once
// The development authorization server as the oaskit command sets it up: `serve --dev-auth`
// mounts it beside the API, `devauth` runs it alone.

#include <memory>
#include <string>

#include "oaskit/devauth.hpp"

namespace oaskit::cli {

/// The server for `document`'s scopes with the clients and users of `config_path` (YAML or
/// JSON), or with a config made up and printed on stderr when it is empty; `audience`, when
/// set, is its tokens' aud. Problems go to stderr as diagnostics; nullptr then.
std::shared_ptr<devauth::AuthorizationServer> make_dev_auth(const OpenAPI& document,
                                                            const std::string& config_path,
                                                            const std::string& audience,
                                                            std::string_view command);

/// Once the server listens: fetches the keys the API will trust (discovery, JWKS) and says on
/// stderr where the authorization server is.
void announce_dev_auth(devauth::AuthorizationServer& auth, std::string_view command);

}  // namespace oaskit::cli
