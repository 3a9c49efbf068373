#pragma once
/// How oaskit talks to authorization servers (JWKS, discovery, introspection, tokens): the
/// options of every outbound request, oaskit::HttpOptions, under the name the security
/// module's options use.

#include "oaskit/http_options.hpp"

namespace oaskit::security {

using HttpOptions = oaskit::HttpOptions;

}  // namespace oaskit::security
