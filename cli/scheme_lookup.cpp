#include "scheme_lookup.hpp"

#include <boost/json/serialize.hpp>
#include <utility>
#include <variant>

#include "oaskit/json.hpp"

namespace oaskit::cli {

std::optional<SecurityScheme> scheme_of(const Document& doc, const std::string& name,
                                        const OrReference<SecurityScheme>& entry) {
  if (const auto* scheme = std::get_if<SecurityScheme>(&entry)) return *scheme;
  const auto* ref = doc.find_ref(doc.root(), {"components", "securitySchemes", name});
  if (ref == nullptr || ref->target == nullptr) return std::nullopt;
  const auto* value = ref->target->find(ref->target_loc);
  if (value == nullptr) return std::nullopt;
  auto parsed = parse<SecurityScheme>(boost::json::serialize(*value));
  if (!parsed) return std::nullopt;
  return std::move(*parsed);
}

}  // namespace oaskit::cli
