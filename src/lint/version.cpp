// Version rules: keywords of another OpenAPI version. 3.1 and 3.2 documents still written with
// 3.0's nullable and boolean exclusive bounds; 3.0 documents using 3.1's webhooks, JSON Schema
// 2020-12 keywords and new fields, and 3.0 or 3.1 documents using 3.2's, which their tools
// ignore or reject. Which version introduced a field is read from the models' field tables.

#include <array>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>

#include "lint/lint_context.hpp"
#include "lint/rules.hpp"

namespace oaskit::lint_detail {

namespace {

// What a 3.0 document writes instead of a field that 3.1 introduced (which fields those are
// is read from the models' field tables). A field without a line here: "leave it out".
constexpr auto instead_of_31 = std::to_array<std::pair<std::string_view, std::string_view>>({
    {"webhooks", "describe them as callbacks of the operation that registers them"},
    {"info.summary", "use info.description"},
    {"license.identifier", "use license.url"},
    {"components.pathItems", "write the path items under paths"},
    {"$id", "refer to the schema by its components path"},
    {"$anchor", "refer to the schema by its components path"},
    {"$dynamicRef", "use $ref"},
    {"$defs", "move the definitions to components/schemas"},
    {"$comment", "use description, or an x- extension"},
    {"if", "use oneOf/anyOf"},
    {"then", "use oneOf/anyOf"},
    {"else", "use oneOf/anyOf"},
    {"prefixItems", "describe the items with one schema"},
    {"patternProperties", "use additionalProperties"},
    {"unevaluatedProperties", "use additionalProperties"},
    {"const", "use an enum with one value"},
    {"contentEncoding", "use format: byte or binary"},
    {"contentMediaType", "use format: binary with the media type in the content map"},
    {"examples", "use example (one value)"},
    {"$schema", "leave it out"},
    {"$vocabulary", "leave it out"},
    {"$dynamicAnchor", "leave it out"},
    {"dependentSchemas", "leave it out"},
    {"contains", "leave it out"},
    {"propertyNames", "leave it out"},
});

// How a message names a field: a schema keyword by itself, the root's fields by themselves,
// other objects' fields after the object ("info.summary").
template <class M>
std::string shown_field(std::string_view name) {
  std::string_view object;
  if constexpr (std::is_same_v<M, Info>) object = "info.";
  if constexpr (std::is_same_v<M, License>) object = "license.";
  if constexpr (std::is_same_v<M, Components>) object = "components.";
  if constexpr (std::is_same_v<M, XML>) object = "xml.";
  return std::string(object) + std::string(name);
}

// What a document writes instead of a field its version deprecates (which fields those are
// is read from the models' field tables).
constexpr auto instead_of_deprecated =
    std::to_array<std::pair<std::string_view, std::string_view>>({
        {"xml.attribute", R"(write "nodeType": "attribute" instead of "attribute": true)"},
        {"xml.wrapped", R"(write "nodeType": "element" instead of "wrapped": true)"},
        {"example", R"(write "examples": [<the example>])"},
    });

// What `table` says to write instead of the field shown as `shown`; "leave it out" when it has
// no line for it.
template <class Table>
std::string_view instead_of(const Table& table, std::string_view shown) {
  for (const auto& [field, instead] : table) {
    if (field == shown) return instead;
  }
  return "leave it out";
}

// Calls `visit(field)` for each line of model M's field table.
template <class M, class Visit>
void for_each_field(Visit&& visit) {
  std::apply([&](const auto&... field) { (visit(field), ...); }, M::fields());
}

template <class T>
bool is_written(const T& value) {
  if constexpr (requires { static_cast<bool>(value); }) {
    return static_cast<bool>(value);
  } else {
    return true;
  }
}

constexpr std::string_view switch_version = R"(, or make the document "openapi": "3.1.x")";

void report_31_keyword(LintContext& context, const Source& source, const Path& loc,
                       std::string_view what, std::string_view instead) {
  context.report(source, loc, "version-31-keyword-in-30",
                 std::string(what) +
                     " is OpenAPI 3.1; this document is 3.0, whose tools ignore "
                     "or reject it: " +
                     std::string(instead) + std::string(switch_version));
}

// "3.2" -> "32", for rule ids.
std::string digits(SpecVersion version) {
  std::string out(to_string(version));
  out.erase(out.find('.'), 1);
  return out;
}

// A 3.2 keyword or value in an older document: version-32-keyword-in-30 or -in-31.
void report_32_keyword(LintContext& context, const Source& source, const Path& loc,
                       std::string_view what) {
  const SpecVersion document = context.version();
  context.report(source, loc, "version-32-keyword-in-" + digits(document),
                 std::string(what) + " is OpenAPI 3.2; this document is " +
                     std::string(to_string(document)) +
                     ", whose tools ignore or reject it: leave it out, or make the document "
                     "\"openapi\": \"3.2.x\"");
}

// The fields of `model` that a later version than the document's introduced.
template <class M>
void check_newer_fields(LintContext& context, const M& model, const Source& source,
                        const Path& loc) {
  for_each_field<M>([&](const auto& f) {
    if (f.introduced <= context.version() || !is_written(model.*(f.member))) return;
    const std::string shown = shown_field<M>(f.name);
    const Path at = child(loc, std::string(f.name));
    if (f.introduced == SpecVersion::v3_1) {
      report_31_keyword(context, source, at, "'" + shown + "'", instead_of(instead_of_31, shown));
    } else {
      report_32_keyword(context, source, at, "'" + shown + "'");
    }
  });
}

// The fields of `model` that the document's version deprecates.
template <class M>
void check_deprecated_fields(LintContext& context, const M& model, const Source& source,
                             const Path& loc) {
  for_each_field<M>([&](const auto& f) {
    if (!f.deprecated_from || *f.deprecated_from > context.version() ||
        !is_written(model.*(f.member))) {
      return;
    }
    const std::string shown = shown_field<M>(f.name);
    context.report(source, child(loc, std::string(f.name)), "version-deprecated-field",
                   "'" + shown + "' is deprecated since OpenAPI " +
                       std::string(to_string(*f.deprecated_from)) +
                       " and later versions may remove it: " +
                       std::string(instead_of(instead_of_deprecated, shown)));
  });
}

void check_deprecated(LintContext& context) {
  context.visit_models(
      Overloaded{[&]<class M>(const M& model, const Source& source, const Path& loc) {
        if constexpr (Model<M>) check_deprecated_fields(context, model, source, loc);
      }});
}

// Values 3.2 added to fields every version has.
void check_newer_values(LintContext& context, const Parameter& parameter, const Source& source,
                        const Path& loc) {
  if (context.version() >= SpecVersion::v3_2) return;
  if (parameter.in == ParameterInType::querystring) {
    report_32_keyword(context, source, child(loc, "in"), "'in: querystring'");
  }
  if (parameter.style == "cookie") {
    report_32_keyword(context, source, child(loc, "style"), "'style: cookie'");
  }
}

void check_schema_in_30(LintContext& context, const Schema& schema, const Source& source,
                        const Path& loc) {
  if (schema.type && std::holds_alternative<std::vector<SchemaType>>(*schema.type)) {
    report_31_keyword(context, source, child(loc, "type"), "A list of types",
                      "use one type, with \"nullable\": true for null");
  }
  for (auto [name, bound] : {std::pair{"exclusiveMinimum", &schema.exclusiveMinimum},
                             std::pair{"exclusiveMaximum", &schema.exclusiveMaximum}}) {
    if (*bound && std::holds_alternative<Number>(**bound)) {
      report_31_keyword(context, source, child(loc, name), "A numeric '" + std::string(name) + "'",
                        "use minimum/maximum with a boolean " + std::string(name) + ": true");
    }
  }
}

void check_older_document(LintContext& context) {
  const bool is_30 = context.is_30();
  context.visit_models(Overloaded{
      [&](const Schema& schema, const Source& source, const Path& loc) {
        check_newer_fields(context, schema, source, loc);
        if (is_30) check_schema_in_30(context, schema, source, loc);
      },
      [&](const MutualTLS& scheme, const Source& source, const Path& loc) {
        check_newer_fields(context, scheme, source, loc);
        if (!is_30) return;
        report_31_keyword(context, source, child(loc, "type"), "Security scheme type 'mutualTLS'",
                          "describe it in the scheme's description");
      },
      [&](const Parameter& parameter, const Source& source, const Path& loc) {
        check_newer_fields(context, parameter, source, loc);
        check_newer_values(context, parameter, source, loc);
      },
      [&]<class M>(const M& model, const Source& source, const Path& loc) {
        // A 3.0 Reference's other keys are ignored, not invalid: ref-sibling-ignored says
        // so, as a warning.
        if constexpr (Model<M> && !std::is_same_v<M, Reference>) {
          check_newer_fields(context, model, source, loc);
        }
      }});
}

void check_31_document(LintContext& context) {
  context.visit_models(Overloaded{
      [&](const Schema& schema, const Source& source, const Path& loc) {
        if (schema.extra.contains("nullable")) {
          context.report(source, child(loc, "nullable"), "version-30-keyword-in-31",
                         "'nullable' is OpenAPI 3.0 and means nothing in 3.1; add \"null\" to "
                         "the type instead: \"type\": [\"string\", \"null\"]");
        }
        for (auto [name, bound] : {std::pair{"exclusiveMinimum", &schema.exclusiveMinimum},
                                   std::pair{"exclusiveMaximum", &schema.exclusiveMaximum}}) {
          if (*bound && std::holds_alternative<bool>(**bound)) {
            const bool is_minimum = std::string_view(name) == "exclusiveMinimum";
            context.report(source, child(loc, name), "version-30-keyword-in-31",
                           "A boolean '" + std::string(name) +
                               "' is OpenAPI 3.0; in 3.1 it is the bound itself: write \"" + name +
                               "\": <bound> instead of \"" + (is_minimum ? "minimum" : "maximum") +
                               "\": <bound> with \"" + name + "\": true");
          }
        }
      },
      [](const auto&, const Source&, const Path&) {}});
}

}  // namespace

void check_versions(LintContext& context) {
  if (context.version() < spec_versions.back()) check_older_document(context);
  if (!context.is_30()) check_31_document(context);
  check_deprecated(context);
}

}  // namespace oaskit::lint_detail
