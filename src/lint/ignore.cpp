// Switching rules off per node: `x-oaskit-ignore: [rule-id, ...]` on any object drops the
// findings of those rules located at that object or anywhere under it, in the same file.

#include <algorithm>
#include <boost/json.hpp>
#include <string>

#include "lint/lint_context.hpp"
#include "lint/rules.hpp"

namespace oaskit::lint_detail {

namespace {

constexpr std::string_view ignore_key = "x-oaskit-ignore";

bool lists_rule(const boost::json::value& node, std::string_view rule) {
  const auto* object = node.if_object();
  if (object == nullptr) return false;
  const auto* list = object->if_contains(ignore_key);
  if (list == nullptr || !list->is_array()) return false;
  return std::ranges::any_of(list->get_array(), [&](const boost::json::value& id) {
    return id.is_string() && id.get_string() == rule;
  });
}

const boost::json::value* child(const boost::json::value& node, const PathElement& step) {
  if (const auto* name = std::get_if<std::string>(&step)) {
    const auto* object = node.if_object();
    return object != nullptr ? object->if_contains(*name) : nullptr;
  }
  const auto* array = node.if_array();
  const std::size_t index = std::get<std::size_t>(step);
  return array != nullptr && index < array->size() ? &(*array)[index] : nullptr;
}

bool is_ignored(const Document& doc, const Diagnostic& finding) {
  for (const auto& source : doc.sources()) {
    if (source->name() != finding.file) continue;
    const boost::json::value* node = &source->value();
    if (lists_rule(*node, finding.rule)) return true;
    for (const auto& step : finding.loc) {
      node = child(*node, step);
      if (node == nullptr) return false;
      if (lists_rule(*node, finding.rule)) return true;
    }
    return false;
  }
  return false;
}

// Load problems are reported under their error type (`missing`, `string_type`: snake_case
// words); an ignore list may name those too. Lint rule ids always have a dash.
bool names_a_rule(std::string_view id) {
  return id.find('-') == std::string_view::npos ? !id.empty() : is_rule(id);
}

void check_lists_in(LintContext& context, const Source& source, const boost::json::value& node,
                    Path& path) {
  if (const auto* object = node.if_object()) {
    for (const auto& [key, value] : *object) {
      path.emplace_back(std::string(key));
      if (key == ignore_key) {
        if (!value.is_array()) {
          context.report(source, path, "lint-unknown-rule",
                         "x-oaskit-ignore must be a list of rule ids, e.g. "
                         "[\"component-unused\"]; nothing is ignored here");
        } else {
          const auto& ids = value.get_array();
          for (std::size_t i = 0; i < ids.size(); ++i) {
            if (ids[i].is_string() && names_a_rule(ids[i].get_string())) continue;
            path.emplace_back(i);
            context.report(source, path, "lint-unknown-rule",
                           "x-oaskit-ignore names " + boost::json::serialize(ids[i]) +
                               ", which is not a lint rule; use one of the ids in docs/lint.md "
                               "(or `oaskit lint --help`)");
            path.pop_back();
          }
        }
      } else {
        check_lists_in(context, source, value, path);
      }
      path.pop_back();
    }
  } else if (const auto* array = node.if_array()) {
    for (std::size_t i = 0; i < array->size(); ++i) {
      path.emplace_back(i);
      check_lists_in(context, source, (*array)[i], path);
      path.pop_back();
    }
  }
}

}  // namespace

void drop_ignored(const Document& doc, Diagnostics& findings) {
  std::erase_if(findings, [&](const Diagnostic& d) { return is_ignored(doc, d); });
}

void check_ignore_lists(LintContext& context) {
  for (const auto& source : context.doc().sources()) {
    Path path;
    check_lists_in(context, *source, source->value(), path);
  }
}

}  // namespace oaskit::lint_detail
