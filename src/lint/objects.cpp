// Rules the OpenAPI schemas (3.0 and 3.1, src/schemas/validation/schema.yaml) state about one
// object's fields together: members that exclude each other, a parameter's schema or content,
// and what each parameter location allows.

#include <algorithm>
#include <array>
#include <span>
#include <string>
#include <string_view>
#include <utility>

#include "lint/lint_context.hpp"
#include "lint/rules.hpp"

namespace oaskit::lint_detail {

namespace {

// example and examples (Parameter, Header, MediaType): `not: {required: [example, examples]}`.
template <class M>
void check_example_pair(LintContext& context, const M& model, const Source& source,
                        const Path& loc) {
  if (model.example && model.examples) {
    context.report(source, child(loc, "examples"), "example-with-examples",
                   "'example' and 'examples' exclude each other; keep one (several examples "
                   "go in 'examples')");
  }
}

// Parameter and Header: exactly one of schema and content, and content with one entry.
template <class M>
void check_schema_or_content(LintContext& context, const M& model, const Source& source,
                             const Path& loc, std::string_view what) {
  if (model.schema && model.content) {
    context.report(source, child(loc, "content"), "parameter-schema-or-content",
                   std::string(what) +
                       " has both 'schema' and 'content'; it takes one: 'schema' for a simple "
                       "value, 'content' for a serialized one");
  } else if (!model.schema && !model.content) {
    context.report(source, loc, "parameter-schema-or-content",
                   std::string(what) + " has neither 'schema' nor 'content'; it needs one");
  }
  if (model.content && model.content->size() != 1) {
    context.report(source, child(loc, "content"), "parameter-content-not-one",
                   std::string(what) + "'s 'content' must have exactly one media type, not " +
                       std::to_string(model.content->size()));
  }
}

// The styles each location allows (3.0 §4.7.12.4, 3.1 §4.8.12.4, 3.2 §4.12.2.5): 3.2 adds
// `cookie`, a cookie's own syntax; a `querystring` parameter has `content`, never a style.
std::span<const std::string_view> styles_for(ParameterInType in, SpecVersion version) {
  static constexpr std::array<std::string_view, 3> path{"matrix", "label", "simple"};
  static constexpr std::array<std::string_view, 4> query{"form", "spaceDelimited", "pipeDelimited",
                                                         "deepObject"};
  static constexpr std::array<std::string_view, 1> header{"simple"};
  static constexpr std::array<std::string_view, 2> cookie{"form", "cookie"};
  switch (in) {
    case ParameterInType::path:
      return path;
    case ParameterInType::query:
      return query;
    case ParameterInType::header:
      return header;
    case ParameterInType::cookie:
      return std::span(cookie).first(version >= SpecVersion::v3_2 ? 2 : 1);
    case ParameterInType::querystring:
      return {};
  }
  return {};
}

bool allows(std::span<const std::string_view> styles, std::string_view style) {
  return std::find(styles.begin(), styles.end(), style) != styles.end();
}

std::string listed(std::span<const std::string_view> styles) {
  std::string out;
  for (const auto style : styles) {
    if (!out.empty()) out += ", ";
    out += std::string(style);
  }
  return out;
}

// OpenAPI 3.2 §4.14.1: encoding by name (`encoding`) or by position (`prefixEncoding`,
// `itemEncoding`), not both; an Encoding's nested fields follow the same rule (§4.15.1).
template <class M>
void check_encoding_kinds(LintContext& context, const M& model, const Source& source,
                          const Path& loc) {
  if (!model.encoding) return;
  for (auto [name, written] : {std::pair{"prefixEncoding", static_cast<bool>(model.prefixEncoding)},
                               std::pair{"itemEncoding", static_cast<bool>(model.itemEncoding)}}) {
    if (!written) continue;
    context.report(source, child(loc, name), "encoding-by-name-and-position",
                   "'" + std::string(name) +
                       "' encodes parts by position, 'encoding' by name: use one or the other");
  }
}

// Beside `content`, a parameter's style, explode and allowReserved mean nothing: the schemas
// evaluate them only beside `schema` (dependentSchemas).
template <class M>
void check_serialization_with_content(LintContext& context, const M& model, const Source& source,
                                      const Path& loc) {
  if (!model.content) return;
  for (const auto& [name, written] :
       {std::pair{"style", model.style.has_value()},
        std::pair{"explode", model.explode.has_value()},
        std::pair{"allowReserved", model.allowReserved.has_value()}}) {
    if (!written) continue;
    context.report(source, child(loc, name), "parameter-style-with-content",
                   "'" + std::string(name) +
                       "' applies to a value described by 'schema'; with 'content' the media "
                       "type says how the value is written");
  }
}

void check_location(LintContext& context, const Parameter& parameter, const Source& source,
                    const Path& loc) {
  const std::string_view in = enum_names(parameter.in)[static_cast<std::size_t>(parameter.in)];
  const auto styles = styles_for(parameter.in, context.version());
  if (parameter.style && !allows(styles, *parameter.style)) {
    context.report(source, child(loc, "style"), "parameter-style-for-location",
                   "style '" + *parameter.style + "' is not one of those for 'in: " +
                       std::string(in) + "' parameters: " + listed(styles));
  }
  if (parameter.allowEmptyValue && parameter.in != ParameterInType::query) {
    context.report(source, child(loc, "allowEmptyValue"), "parameter-allow-reserved-not-query",
                   "'allowEmptyValue' applies to 'in: query' parameters only, not 'in: " +
                       std::string(in) + "'");
  }
  // 3.2 §4.12.2.2 widens allowReserved to every location and style that percent-encodes:
  // path, query, and form-style cookies.
  const bool percent_encoded =
      parameter.in == ParameterInType::query ||
      (context.version() >= SpecVersion::v3_2 &&
       (parameter.in == ParameterInType::path ||
        (parameter.in == ParameterInType::cookie && parameter.style.value_or("form") == "form")));
  if (parameter.allowReserved && !percent_encoded) {
    context.report(source, child(loc, "allowReserved"), "parameter-allow-reserved-not-query",
                   context.version() >= SpecVersion::v3_2
                       ? "'allowReserved' applies to values that are percent-encoded (in path, "
                         "query, or a form-style cookie), not 'in: " +
                             std::string(in) + "'"
                       : "'allowReserved' applies to 'in: query' parameters only, not 'in: " +
                             std::string(in) + "'");
  }
}

void check_header(LintContext& context, const Header& header, const Source& source,
                  const Path& loc) {
  if (header.style && *header.style != "simple") {
    context.report(source, child(loc, "style"), "parameter-style-for-location",
                   "a header's style is 'simple', not '" + *header.style + "'");
  }
  if (header.allowReserved) {
    context.report(source, child(loc, "allowReserved"), "parameter-allow-reserved-not-query",
                   "'allowReserved' applies to 'in: query' parameters only, not to a header");
  }
}

void check_component_names(LintContext& context, const Components& components, const Source& source,
                           const Path& loc) {
  std::apply(
      [&](const auto&... field) {
        auto check_map = [&](const auto& f) {
          const auto& map = components.*(f.member);
          if (!map) return;
          for (const auto& [name, value] : *map) {
            if (is_component_name(name)) continue;
            context.report(
                source, child(child(loc, std::string(f.name)), name), "component-name-invalid",
                "a components name has only letters, digits, '.', '_' and '-'; '" + name +
                    "' does not (a $ref to it needs escaping, and tools refuse it)");
          }
        };
        (check_map(field), ...);
      },
      Components::fields());
}

// What a document describes: 3.0 requires `paths`; 3.1 at least one of `paths`, `components`
// and `webhooks` (its schema's anyOf of three `required`s).
void check_document(LintContext& context) {
  const OpenAPI& model = context.doc().model();
  if (context.is_30()) {
    if (!model.paths) {
      context.report(context.doc().root(), {}, "document-empty",
                     "An OpenAPI 3.0 document needs 'paths' (an empty object, {}, when the API "
                     "has none yet)");
    }
  } else if (!model.paths && !model.components && !model.webhooks) {
    context.report(context.doc().root(), {}, "document-empty",
                   "An OpenAPI 3.1 document needs at least one of 'paths', 'components' and "
                   "'webhooks'");
  }
}

// OpenAPI 3.2 §4.22.1: a tag's `parent` names a tag of the document, and parents never lead
// back to the tag they start from.
void check_tag_parents(LintContext& context) {
  const auto& tags = context.doc().model().tags;
  if (!tags) return;
  auto index_of = [&](std::string_view name) -> std::optional<std::size_t> {
    for (std::size_t i = 0; i < tags->size(); ++i) {
      if ((*tags)[i].name == name) return i;
    }
    return std::nullopt;
  };
  const Source& root = context.doc().root();
  for (std::size_t i = 0; i < tags->size(); ++i) {
    const Tag& tag = (*tags)[i];
    if (!tag.parent) continue;
    const Path at{"tags", i, "parent"};
    auto parent = index_of(*tag.parent);
    if (!parent) {
      context.report(root, at, "tag-parent",
                     "tag '" + tag.name + "' has parent '" + *tag.parent +
                         "', which is not a tag of this document: add it to 'tags'");
      continue;
    }
    // Follow the parents at most as many steps as there are tags: coming back is a cycle.
    std::string chain = tag.name;
    for (std::size_t steps = 0; parent && steps < tags->size(); ++steps) {
      const Tag& up = (*tags)[*parent];
      chain += " -> " + up.name;
      if (*parent == i) {
        context.report(root, at, "tag-parent",
                       "tag parents go round in a cycle: " + chain +
                           "; a tag cannot be its own "
                           "ancestor");
        break;
      }
      parent = up.parent ? index_of(*up.parent) : std::nullopt;
    }
  }
}

}  // namespace

void check_objects(LintContext& context) {
  check_document(context);
  check_tag_parents(context);
  context.visit_models(Overloaded{
      [&](const Parameter& parameter, const Source& source, const Path& loc) {
        check_example_pair(context, parameter, source, loc);
        check_schema_or_content(context, parameter, source, loc, "A parameter");
        check_location(context, parameter, source, loc);
        check_serialization_with_content(context, parameter, source, loc);
      },
      [&](const Header& header, const Source& source, const Path& loc) {
        check_example_pair(context, header, source, loc);
        check_schema_or_content(context, header, source, loc, "A header");
        check_header(context, header, source, loc);
        check_serialization_with_content(context, header, source, loc);
      },
      [&](const MediaType& media_type, const Source& source, const Path& loc) {
        check_example_pair(context, media_type, source, loc);
        check_encoding_kinds(context, media_type, source, loc);
      },
      [&](const Encoding& encoding, const Source& source, const Path& loc) {
        check_encoding_kinds(context, encoding, source, loc);
        // An Encoding describes a form field: the query styles, as the schemas list them.
        const auto allowed = styles_for(ParameterInType::query, context.version());
        if (encoding.style && !allows(allowed, *encoding.style)) {
          context.report(source, child(loc, "style"), "parameter-style-for-location",
                         "an encoding's style '" + *encoding.style +
                             "' is not one of those of a form field: " + listed(allowed));
        }
      },
      [&](const Operation& operation, const Source& source, const Path& loc) {
        if (operation.responses && operation.responses->entries.empty()) {
          context.report(source, child(loc, "responses"), "responses-empty",
                         "'responses' lists no response: give at least one status code, or "
                         "'default'");
        }
      },
      [&](const Components& components, const Source& source, const Path& loc) {
        check_component_names(context, components, source, loc);
      },
      [&](const License& license, const Source& source, const Path& loc) {
        if (license.identifier && license.url) {
          context.report(source, child(loc, "url"), "license-identifier-with-url",
                         "a license has an SPDX 'identifier' or a 'url', not both");
        }
      },
      [&](const Link& link, const Source& source, const Path& loc) {
        if (link.operationRef.has_value() == link.operationId.has_value()) {
          context.report(source, loc, "link-operation",
                         link.operationRef ? "a link names its operation by 'operationRef' or "
                                             "'operationId', not both"
                                           : "a link needs 'operationRef' or 'operationId' to "
                                             "name its operation");
        }
      },
      [&](const Example& example, const Source& source, const Path& loc) {
        // 3.2 §4.19.1: value excludes the three others; serializedValue and externalValue
        // exclude each other (dataValue goes with either of those).
        const std::pair<std::string_view, bool> fields[] = {
            {"value", example.value.has_value()},
            {"dataValue", example.dataValue.has_value()},
            {"serializedValue", example.serializedValue.has_value()},
            {"externalValue", example.externalValue.has_value()}};
        auto excludes = [](std::string_view a, std::string_view b) {
          return a == "value" || (a == "serializedValue" && b == "externalValue");
        };
        for (std::size_t i = 0; i < std::size(fields); ++i) {
          for (std::size_t j = i + 1; j < std::size(fields); ++j) {
            if (!fields[i].second || !fields[j].second) continue;
            if (!excludes(fields[i].first, fields[j].first)) continue;
            context.report(source, child(loc, std::string(fields[j].first)),
                           "example-values-exclusive",
                           "'" + std::string(fields[i].first) + "' and '" +
                               std::string(fields[j].first) + "' exclude each other; keep one");
          }
        }
      },
      [&](const XML& xml, const Source& source, const Path& loc) {
        if (!xml.nodeType) return;
        for (auto [name, written] : {std::pair{"attribute", xml.attribute.has_value()},
                                     std::pair{"wrapped", xml.wrapped.has_value()}}) {
          if (!written) continue;
          context.report(source, child(loc, name), "xml-node-type-exclusive",
                         "'" + std::string(name) +
                             "' is the deprecated form of 'nodeType', which this XML object "
                             "already has; remove it");
        }
      },
      [](const auto&, const Source&, const Path&) {}});
}

}  // namespace oaskit::lint_detail
