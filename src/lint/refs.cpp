// Reference rules: keys beside `$ref` that OpenAPI ignores, and components nothing uses.
// (`ref-unresolved` itself comes from the loader, through Document::problems().)

#include <algorithm>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "lint/lint_context.hpp"
#include "lint/rules.hpp"

namespace oaskit::lint_detail {

namespace {

// The keys of the object at `loc` other than `$ref`, those in `allowed`, and our own
// x-oaskit-ignore, quoted and joined, with the verb that fits their number ("'a' has",
// "'a', 'b' have").
std::string ignored_siblings(const Source& source, const Path& loc,
                             std::initializer_list<std::string_view> allowed) {
  const auto* value = source.find(loc);
  if (value == nullptr || !value->is_object()) return {};
  std::string out;
  int count = 0;
  for (const auto& [key, member] : value->get_object()) {
    if (key == "$ref" || key == "x-oaskit-ignore") continue;
    if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
    out += (out.empty() ? "'" : ", '") + std::string(key) + "'";
    ++count;
  }
  if (count == 0) return {};
  return out + (count == 1 ? " has" : " have");
}

void check_ref_siblings(LintContext& context) {
  const bool is_30 = context.is_30();
  context.visit_models(Overloaded{
      [&](const Reference&, const Source& source, const Path& loc) {
        if (is_30) {
          const auto keys = ignored_siblings(source, loc, {});
          if (keys.empty()) return;
          context.report(source, loc, "ref-sibling-ignored",
                         "OpenAPI 3.0 ignores every key beside $ref, so " + keys +
                             " no effect; move them into the referenced object");
        } else {
          const auto keys = ignored_siblings(source, loc, {"summary", "description"});
          if (keys.empty()) return;
          context.report(source, loc, "ref-sibling-ignored",
                         "A Reference Object carries only summary and description beside $ref, "
                         "so " +
                             keys + " no effect; move them into the referenced object");
        }
      },
      [&](const Schema& schema, const Source& source, const Path& loc) {
        // In 3.1 a schema's $ref is a JSON Schema 2020-12 keyword that its siblings add to.
        if (!is_30 || !schema.ref) return;
        const auto keys = ignored_siblings(source, loc, {});
        if (keys.empty()) return;
        context.report(source, loc, "ref-sibling-ignored",
                       "OpenAPI 3.0 ignores every key beside a schema's $ref, so " + keys +
                           " no effect; wrap the reference instead: {\"allOf\": [{\"$ref\": "
                           "\"...\"}], ...} with the other keys beside allOf");
      },
      [](const auto&, const Source&, const Path&) {}});
}

bool starts_with(const Path& path, const Path& prefix) {
  return prefix.size() <= path.size() && std::equal(prefix.begin(), prefix.end(), path.begin());
}

using ComponentName = std::pair<std::string, std::string>;  // kind, name

std::set<ComponentName> used_components(const LintContext& context) {
  const Document& doc = context.doc();
  std::set<ComponentName> used;
  for (const auto& ref : doc.refs()) {
    if (ref.target != &doc.root() || ref.target_loc.size() < 3) continue;
    const auto* components = std::get_if<std::string>(&ref.target_loc.front());
    const auto* kind = std::get_if<std::string>(&ref.target_loc[1]);
    const auto* name = std::get_if<std::string>(&ref.target_loc[2]);
    if (components == nullptr || *components != "components" || kind == nullptr ||
        name == nullptr) {
      continue;
    }
    // A component that only refers to itself (a recursive schema) is still unused.
    if (ref.from == &doc.root() && starts_with(ref.loc, {"components", *kind, *name})) continue;
    used.emplace(*kind, *name);
  }
  auto use_schemes = [&](const std::vector<SecurityRequirement>& requirements) {
    for (const auto& requirement : requirements) {
      for (const auto& [scheme, scopes] : requirement) used.emplace("securitySchemes", scheme);
    }
  };
  if (doc.model().security) use_schemes(*doc.model().security);
  context.visit_models(Overloaded{
      [&](const Operation& operation, const Source&, const Path&) {
        if (operation.security) use_schemes(*operation.security);
      },
      [&](const Discriminator& discriminator, const Source&, const Path&) {
        // A mapping value is a schema name or a reference to one.
        if (!discriminator.mapping) return;
        constexpr std::string_view prefix = "#/components/schemas/";
        for (const auto& [value, target] : *discriminator.mapping) {
          const auto at = target.find(prefix);
          used.emplace("schemas",
                       at == std::string::npos ? target : target.substr(at + prefix.size()));
        }
      },
      [](const auto&, const Source&, const Path&) {}});
  return used;
}

void check_unused_components(LintContext& context) {
  const auto& components = context.doc().model().components;
  if (!components) return;
  const auto used = used_components(context);
  auto check = [&](std::string_view kind, const auto& entries) {
    if (!entries) return;
    for (const auto& [name, entry] : *entries) {
      if (used.contains({std::string(kind), name})) continue;
      context.report(context.doc().root(), {"components", std::string(kind), name},
                     "component-unused",
                     "components." + std::string(kind) + " '" + name +
                         "' is never used; remove it, or refer to it where it is meant to be "
                         "used" +
                         (kind == "securitySchemes"
                              ? " (name it in a security requirement)"
                              : " ($ref: '#/components/" + std::string(kind) + "/" + name + "')"));
    }
  };
  check("schemas", components->schemas);
  check("responses", components->responses);
  check("parameters", components->parameters);
  check("examples", components->examples);
  check("requestBodies", components->requestBodies);
  check("headers", components->headers);
  check("securitySchemes", components->securitySchemes);
  check("links", components->links);
  check("callbacks", components->callbacks);
  check("pathItems", components->pathItems);
}

}  // namespace

void check_refs(LintContext& context) {
  check_ref_siblings(context);
  check_unused_components(context);
}

}  // namespace oaskit::lint_detail
