#pragma once
/// The OAuth 2.0 resource-server side in one include: schemes that document themselves and
/// take credentials from requests, the Authenticator that checks OpenAPI security
/// requirements, and the verifiers (JWT with JWKS, introspection). See docs/security.md.

#include "oaskit/jose.hpp"
#include "oaskit/security/authenticator.hpp"
#include "oaskit/security/http_options.hpp"
#include "oaskit/security/identity.hpp"
#include "oaskit/security/introspection.hpp"
#include "oaskit/security/jwks.hpp"
#include "oaskit/security/jwt_verifier.hpp"
#include "oaskit/security/request.hpp"
#include "oaskit/security/schemes.hpp"
#include "oaskit/security/shared_json_object.hpp"
