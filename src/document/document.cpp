#include <utility>
#include <variant>

#include "oaskit/document.hpp"
#include "oaskit/json.hpp"
#include "oaskit/model/components.hpp"
#include "oaskit/model/openapi.hpp"
#include "parts.hpp"

namespace oaskit {

Document::Document()
    : model_(std::make_unique<OpenAPI>()), parts_(std::make_unique<detail::DocumentParts>()) {}
Document::~Document() = default;
Document::Document(Document&&) noexcept = default;
Document& Document::operator=(Document&&) noexcept = default;

const ResolvedRef* Document::find_ref(const Source& from, const Path& loc) const {
  const auto found = refs_by_place_.find({&from, to_json_pointer(loc)});
  return found == refs_by_place_.end() ? nullptr : &refs_[found->second];
}

std::optional<std::pair<const Source*, Path>> Document::follow(const Source& from, Path loc) const {
  // A chain of references longer than this is a loop: references to references only.
  constexpr int max_hops = 64;
  const Source* source = &from;
  for (int hop = 0; hop < max_hops; ++hop) {
    const ResolvedRef* ref = find_ref(*source, loc);
    if (ref == nullptr) return std::pair{source, std::move(loc)};
    if (ref->target == nullptr) return std::nullopt;
    source = ref->target;
    loc = ref->target_loc;
  }
  return std::nullopt;
}

std::optional<SecurityScheme> Document::security_scheme(std::string_view name) const {
  // What the place holds, or what its references lead to, as the loader read it.
  const auto scheme_at = [this](const Source& source,
                                const Path& loc) -> std::optional<SecurityScheme> {
    const auto place = follow(source, loc);
    if (!place) return std::nullopt;
    const auto* read =
        detail::model_read_at<OrReference<SecurityScheme>>(*this, *place->first, place->second);
    const auto* scheme = read != nullptr ? std::get_if<SecurityScheme>(read) : nullptr;
    if (scheme == nullptr) return std::nullopt;
    return *scheme;
  };
  const auto& components = model_->components;
  const auto* entry =
      components && components->securitySchemes ? components->securitySchemes->find(name) : nullptr;
  if (entry != nullptr) {
    if (const auto* scheme = std::get_if<SecurityScheme>(entry)) return *scheme;
    return scheme_at(root(), {"components", "securitySchemes", std::string(name)});
  }
  // OpenAPI 3.2: a Security Requirement key outside the component-name grammar is a URI
  // reference to a Security Scheme, which the loader resolved where the requirement is.
  if (version_ < SpecVersion::v3_2 || is_component_name(name)) return std::nullopt;
  for (const auto& ref : refs_) {
    if (ref.expected == "SecurityScheme" && ref.ref == name && ref.target != nullptr) {
      return scheme_at(*ref.target, ref.target_loc);
    }
  }
  return std::nullopt;
}

Diagnostic Document::diagnostic(const Source& source, const Path& loc, Severity severity,
                                std::string rule, std::string message) {
  return {severity, std::move(rule),        std::move(message), source.name(),
          loc,      source.position_of(loc)};
}

}  // namespace oaskit
