// Path rules: templates and their `in: path` parameters agree, parameter lists have no
// repeats, operation ids are unique, no two paths match the same requests, and no template
// (a path's or a server URL's) names an expression twice.

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "lint/lint_context.hpp"
#include "lint/rules.hpp"
#include "util/ascii.hpp"

namespace oaskit::lint_detail {

namespace {

// The names inside `{...}` of a path template, in order.
std::vector<std::string> template_names(std::string_view path) {
  std::vector<std::string> names;
  std::size_t open = path.find('{');
  while (open != std::string_view::npos) {
    const std::size_t close = path.find('}', open);
    if (close == std::string_view::npos) break;
    names.emplace_back(path.substr(open + 1, close - open - 1));
    open = path.find('{', close);
  }
  return names;
}

// A template expression written twice in `text` (a path template or a server URL, at `loc`):
// one request gives it one value, so 3.2 says each appears once.
void check_repeated_expressions(LintContext& context, const Source& source, const Path& loc,
                                std::string_view text, std::string_view what) {
  std::set<std::string> seen;
  std::set<std::string> reported;
  for (auto& name : template_names(text)) {
    if (seen.insert(name).second || !reported.insert(name).second) continue;
    context.report(source, loc, "template-expression-repeated",
                   std::string(what) + " '" + std::string(text) + "' has {" + name +
                       "} more than once; a request gives it one value, so write it once "
                       "(OpenAPI 3.2 says each template expression appears once)");
  }
}

// The path with every `{...}` replaced by `{}`: equal for paths that match the same requests.
std::string without_parameter_names(std::string_view path) {
  std::string out;
  bool in_braces = false;
  for (char c : path) {
    if (c == '{') {
      in_braces = true;
      out += "{}";
    } else if (c == '}') {
      in_braces = false;
    } else if (!in_braces) {
      out += c;
    }
  }
  return out;
}

// A parameter of a list, read through its reference, with the list element that names it.
struct ListedParameter {
  Parameter parameter;
  Path element;  // in the path item's file
};

std::vector<ListedParameter> read_list(const LintContext& context,
                                       const std::vector<OrReference<Parameter>>& list,
                                       const Source& source, const Path& loc) {
  std::vector<ListedParameter> out;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const Path element = child(loc, i);
    if (auto resolved = context.resolve(list[i], Place{&source, element})) {
      out.push_back({resolved->value, element});
    }
  }
  return out;
}

// HTTP header names are case-insensitive; other parameter names are not.
std::string identity_of(const Parameter& parameter) {
  const std::string name = parameter.in == ParameterInType::header
                               ? detail::ascii_lowercase(parameter.name)
                               : parameter.name;
  return std::string(enum_names(parameter.in)[static_cast<std::size_t>(parameter.in)]) + ':' + name;
}

void check_duplicates(LintContext& context, const Source& source,
                      const std::vector<ListedParameter>& list) {
  std::map<std::string, const ListedParameter*> first_of;
  for (const auto& item : list) {
    auto [first, is_new] = first_of.emplace(identity_of(item.parameter), &item);
    if (is_new) continue;
    const auto in = enum_names(item.parameter.in)[static_cast<std::size_t>(item.parameter.in)];
    context.report(source, item.element, "parameter-duplicate",
                   "Parameter '" + item.parameter.name + "' (in: " + std::string(in) +
                       ") is already in this list at " +
                       LintContext::where(source, first->second->element) +
                       (item.parameter.in == ParameterInType::header
                            ? " (header names compare case-insensitively)"
                            : "") +
                       "; remove one of them");
  }
}

void check_unused(LintContext& context, const Source& source,
                  const std::vector<ListedParameter>& list, const std::string& path,
                  const std::vector<std::string>& names) {
  for (const auto& item : list) {
    if (item.parameter.in != ParameterInType::path) continue;
    if (std::find(names.begin(), names.end(), item.parameter.name) != names.end()) continue;
    context.report(source, item.element, "path-parameter-unused",
                   "Path parameter '" + item.parameter.name + "' is not in the path template '" +
                       path + "'; rename it to one of the template's {names} or remove it");
  }
}

bool declares_path_parameter(const std::vector<ListedParameter>& list, const std::string& name) {
  return std::any_of(list.begin(), list.end(), [&](const ListedParameter& item) {
    return item.parameter.in == ParameterInType::path && item.parameter.name == name;
  });
}

// What the model at `place` stands for: itself, or, when it holds a `$ref` where OpenAPI
// allows none (an Operation written `get: {$ref: ...}`, as Redocly-style documents do), what
// the loader found it pointing at.
template <class M>
std::optional<Resolved<M>> followed(const LintContext& context, const M& model, Place place) {
  if (!model.extra.contains("$ref")) return Resolved<M>{model, std::move(place)};
  return context.read_at<M>(context.follow(std::move(place)));
}

// OpenAPI 3.2 §4.12.1: an operation has at most one `in: querystring` parameter (its own or
// its path's), never beside `in: query` ones, and describes it with `content`.
void check_querystring(LintContext& context, const Source& shared_source, const Source& own_source,
                       const std::vector<ListedParameter>& shared,
                       const std::vector<ListedParameter>& own) {
  const ListedParameter* first_querystring = nullptr;
  const ListedParameter* first_query = nullptr;
  auto visit = [&](const Source& source, const std::vector<ListedParameter>& list) {
    for (const auto& listed : list) {
      const Parameter& parameter = listed.parameter;
      if (parameter.in == ParameterInType::query && first_query == nullptr) first_query = &listed;
      if (parameter.in != ParameterInType::querystring) continue;
      if (parameter.schema || !parameter.content) {
        context.report(source, listed.element, "parameter-querystring",
                       "an 'in: querystring' parameter is the whole query string, described by "
                       "'content' (one media type, such as application/x-www-form-urlencoded), "
                       "not by 'schema'");
      }
      if (first_querystring != nullptr) {
        context.report(source, listed.element, "parameter-querystring",
                       "an operation has at most one 'in: querystring' parameter; '" +
                           first_querystring->parameter.name + "' is one already");
      } else {
        first_querystring = &listed;
      }
    }
  };
  visit(shared_source, shared);
  visit(own_source, own);
  if (first_querystring != nullptr && first_query != nullptr) {
    const bool query_is_shared =
        !shared.empty() && first_query >= &shared.front() && first_query <= &shared.back();
    context.report(
        query_is_shared ? shared_source : own_source, first_query->element, "parameter-querystring",
        "'in: query' parameter '" + first_query->parameter.name +
            "' beside the 'in: querystring' parameter '" + first_querystring->parameter.name +
            "': the querystring parameter is the whole query string");
  }
}

// An RFC 9110 token (§5.6.2), which a method is.
bool is_token(std::string_view text) {
  static constexpr std::string_view symbols = "!#$%&'*+-.^_`|~";
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return (u < 0x80 && std::isalnum(u) != 0) || symbols.find(c) != std::string_view::npos;
  });
}

// OpenAPI 3.2 §4.9.1: additionalOperations holds methods the fixed fields cannot.
void check_additional_operations(LintContext& context, const PathItem& item, const Source& source,
                                 const Path& loc) {
  if (!item.additionalOperations) return;
  for (const auto& [method, operation] : *item.additionalOperations) {
    const Path at = child(child(loc, "additionalOperations"), method);
    for (const auto& fixed : PathItem::method_fields()) {
      if (!oaskit::detail::equals_ignoring_ascii_case(fixed.name, method)) continue;
      context.report(source, at, "additional-operation-method",
                     "'" + method + "' has a field of its own: write the operation as '" +
                         std::string(fixed.name) + "', not under additionalOperations");
    }
    if (!is_token(method)) {
      context.report(source, at, "additional-operation-method",
                     "'" + method +
                         "' is not an HTTP method: a method is a token (letters, digits and "
                         "!#$%&'*+-.^_`|~), written as it is sent");
    }
  }
}

void check_path_item(LintContext& context, const std::string& path, const PathItem& item,
                     const Source& source, const Path& loc) {
  const auto names = template_names(path);
  std::vector<ListedParameter> shared;
  if (item.parameters)
    shared = read_list(context, *item.parameters, source, child(loc, "parameters"));
  check_duplicates(context, source, shared);
  check_unused(context, source, shared, path, names);
  check_additional_operations(context, item, source, loc);

  for (const auto& declared : item.operations()) {
    Path operation_loc = loc;
    declared.append_location(operation_loc);
    const Operation& written = declared.operation;
    auto operation = followed(context, written, Place{&source, operation_loc});
    if (!operation) continue;  // an unresolved or invalid target: reported by the loader
    const Source& at_source = *operation->place.source;
    std::vector<ListedParameter> own;
    if (operation->value.parameters) {
      own = read_list(context, *operation->value.parameters, at_source,
                      child(operation->place.loc, "parameters"));
    }
    check_duplicates(context, at_source, own);
    check_unused(context, at_source, own, path, names);
    check_querystring(context, source, at_source, shared, own);
    for (const auto& name : names) {
      if (declares_path_parameter(shared, name) || declares_path_parameter(own, name)) continue;
      std::string message = "The path template '" + path;
      message += "' has {" + name + "}, but this ";
      message += declared.method;
      message += " operation has no `in: path` parameter named '" + name + "'; add ";
      message += R"({"name": ")" + name;
      message += R"(", "in": "path", "required": true, "schema": {...}} to its parameters or )";
      message += "the path's";
      context.report(source, operation_loc, "path-parameter-undeclared", std::move(message));
    }
  }
}

}  // namespace

void check_paths(LintContext& context) {
  const Source& root = context.doc().root();
  if (const auto& paths = context.doc().model().paths) {
    std::map<std::string, std::string> first_of_shape;
    for (const auto& [path, item] : paths->entries) {
      const Path loc{"paths", path};
      check_repeated_expressions(context, root, loc, path, "The path template");
      if (!item.ref) {
        check_path_item(context, path, item, root, loc);
      } else if (auto target = context.read_at<PathItem>(context.follow({&root, loc}))) {
        check_path_item(context, path, target->value, *target->place.source, target->place.loc);
      }
      auto [first, is_new] = first_of_shape.emplace(without_parameter_names(path), path);
      if (!is_new) {
        context.report(root, loc, "path-equivalent",
                       "Path '" + path + "' matches the same requests as '" + first->second +
                           "' (at " + LintContext::where(root, {"paths", first->second}) +
                           "): they differ only in parameter names; merge them into one path");
      }
    }
  }

  // Where each operationId is first used; the text position only for the message of a repeat.
  std::map<std::string, Place> first_operation_id;
  context.visit_models(Overloaded{
      [&](const Operation& operation, const Source& source, const Path& loc) {
        if (!operation.operationId) return;
        const Path id_loc = child(loc, "operationId");
        auto [first, is_new] =
            first_operation_id.emplace(*operation.operationId, Place{&source, id_loc});
        if (is_new) return;
        context.report(source, id_loc, "operation-id-duplicate",
                       "operationId '" + *operation.operationId + "' is already used at " +
                           LintContext::where(*first->second.source, first->second.loc) +
                           "; operation ids must be unique (code generators name functions "
                           "after them), rename one");
      },
      [&](const Parameter& parameter, const Source& source, const Path& loc) {
        if (parameter.in != ParameterInType::path || parameter.required == true) return;
        context.report(source, parameter.required ? child(loc, "required") : loc,
                       "path-parameter-not-required",
                       "Path parameter '" + parameter.name +
                           "' must have \"required\": true: a path cannot leave it out");
      },
      [&](const Server& server, const Source& source, const Path& loc) {
        check_repeated_expressions(context, source, child(loc, "url"), server.url,
                                   "The server URL");
      },
      [](const auto&, const Source&, const Path&) {}});
}

}  // namespace oaskit::lint_detail
