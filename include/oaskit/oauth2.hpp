#pragma once
/// The OAuth 2.0 client side in one include: tokens from the flows an OpenAPI document
/// declares.

#include "oaskit/oauth2/authorization_code.hpp"
#include "oaskit/oauth2/bearer.hpp"
#include "oaskit/oauth2/client.hpp"
#include "oaskit/oauth2/device_authorization.hpp"
#include "oaskit/oauth2/token.hpp"
#include "oaskit/oauth2/token_source.hpp"
