// field-unknown: a member that is neither a field of its object nor an `x-` extension. The
// models keep such members (in `extra`, as FastAPI's `extra = 'allow'` does, so nothing is
// lost), but the OpenAPI schemas refuse them, and a misspelt optional field (`refreshURL`) is
// otherwise silently ignored.

#include <array>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>

#include "json/model_list.hpp"
#include "lint/lint_context.hpp"
#include "lint/rules.hpp"
#include "util/spelling.hpp"

namespace oaskit::lint_detail {

namespace {

// A model's name, as the specification's object (and fastapi.openapi.models) calls it.
template <class M>
constexpr std::string_view model_name() {
#define OASKIT_MODEL_NAME(T)          \
  if constexpr (std::is_same_v<M, T>) \
    return #T;                        \
  else
  OASKIT_FOR_EACH_MODEL(OASKIT_MODEL_NAME) return "object";
#undef OASKIT_MODEL_NAME
}

template <class M>
constexpr auto field_names() {
  return std::apply(
      [](const auto&... f) { return std::array<std::string_view, sizeof...(f)>{f.name...}; },
      M::fields());
}

template <class M>
void check_members(LintContext& context, const M& model, const Source& source, const Path& loc) {
  static constexpr auto names = field_names<M>();
  for (const auto& member : model.extra) {
    const std::string_view key = member.key();
    // A `$ref` where OpenAPI allows none is followed, and ref-not-allowed's to report.
    if (key.starts_with("x-") || key == "$ref") continue;
    std::string message = "'" + std::string(key) + "' is not a field of " +
                          std::string(model_name<M>()) +
                          ", nor an x- extension: OpenAPI refuses it, and tools ignore it";
    if (const auto meant = oaskit::detail::closest(key, names)) {
      message += "; did you mean '" + std::string(*meant) + "'?";
    }
    context.report(source, child(loc, std::string(key)), "field-unknown", message);
  }
}

}  // namespace

void check_fields(LintContext& context) {
  context.visit_models([&]<class M>(const M& model, const Source& source, const Path& loc) {
    // A Schema's other keywords are JSON Schema's business in 3.1 (and hold 3.0's own, such as
    // nullable); a Reference's are ref-sibling-ignored's.
    if constexpr (Model<M> && !std::is_same_v<M, Schema> && !std::is_same_v<M, Reference>) {
      check_members(context, model, source, loc);
    }
  });
}

}  // namespace oaskit::lint_detail
