#pragma once
/// oaskit: OpenAPI 3.1 models for C++.

#include "oaskit/json.hpp"
#include "oaskit/models.hpp"
#include "oaskit/version.hpp"
