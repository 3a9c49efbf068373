#pragma once
/// Every OpenAPI model.

#include "oaskit/model/components.hpp"
#include "oaskit/model/external_docs.hpp"
#include "oaskit/model/info.hpp"
#include "oaskit/model/openapi.hpp"
#include "oaskit/model/parameter.hpp"
#include "oaskit/model/paths.hpp"
#include "oaskit/model/reference.hpp"
#include "oaskit/model/schema.hpp"
#include "oaskit/model/security.hpp"
#include "oaskit/model/server.hpp"
#include "oaskit/model/tag.hpp"
