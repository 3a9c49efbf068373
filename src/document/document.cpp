#include <utility>

#include "oaskit/document.hpp"

namespace oaskit {

Document::Document() = default;
Document::~Document() = default;
Document::Document(Document&&) noexcept = default;
Document& Document::operator=(Document&&) noexcept = default;

const ResolvedRef* Document::find_ref(const Source& from, const Path& loc) const {
  for (const auto& ref : refs_) {
    if (ref.from == &from && ref.loc == loc) return &ref;
  }
  return nullptr;
}

Diagnostic Document::diagnostic(const Source& source, const Path& loc, Severity severity,
                                std::string rule, std::string message) {
  return {severity, std::move(rule),        std::move(message), source.name(),
          loc,      source.position_of(loc)};
}

}  // namespace oaskit
