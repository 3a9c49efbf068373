#include "oaskit/model/openapi.hpp"
#include "oaskit/security/authenticator.hpp"

namespace oaskit::security {

std::optional<std::vector<SecurityRequirement>> requirements_of(const OpenAPI& document,
                                                                std::string_view path,
                                                                std::string_view method) {
  if (!document.paths) return std::nullopt;
  const PathItem* item = document.paths->entries.find(path);
  if (item == nullptr) return std::nullopt;
  const Operation* operation = item->operation_for(method);
  if (operation == nullptr) return std::nullopt;
  if (operation->security) return *operation->security;
  if (document.security) return *document.security;
  return std::vector<SecurityRequirement>{};
}

}  // namespace oaskit::security
