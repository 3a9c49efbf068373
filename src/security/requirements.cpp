#include "oaskit/model/openapi.hpp"
#include "oaskit/security/authenticator.hpp"
#include "util/ascii.hpp"

namespace oaskit::security {

namespace {

const Box<Operation>* operation_of(const PathItem& item, std::string_view method) {
  for (const auto& [name, member] : PathItem::method_fields()) {
    if (oaskit::detail::equals_ignoring_ascii_case(name, method)) return &(item.*member);
  }
  return nullptr;
}

}  // namespace

std::optional<std::vector<SecurityRequirement>> requirements_of(const OpenAPI& document,
                                                                std::string_view path,
                                                                std::string_view method) {
  if (!document.paths) return std::nullopt;
  const PathItem* item = document.paths->entries.find(path);
  if (item == nullptr) return std::nullopt;
  const Box<Operation>* operation = operation_of(*item, method);
  if (operation == nullptr || !*operation) return std::nullopt;
  if ((*operation)->security) return *(*operation)->security;
  if (document.security) return *document.security;
  return std::vector<SecurityRequirement>{};
}

}  // namespace oaskit::security
