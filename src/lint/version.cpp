// Version rules: keywords of the other OpenAPI version. 3.1 documents still written with
// 3.0's nullable and boolean exclusive bounds; 3.0 documents using 3.1's webhooks, JSON Schema
// 2020-12 keywords and new fields, which 3.0 tools ignore or reject.

#include <array>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>

#include "lint/lint_context.hpp"
#include "lint/rules.hpp"

namespace oaskit::lint_detail {

namespace {

Path child(Path path, PathElement step) {
  path.push_back(std::move(step));
  return path;
}

// Schema keywords that OpenAPI 3.1 (JSON Schema 2020-12) has and OpenAPI 3.0's Schema Object
// does not, with what a 3.0 document writes instead. `type` arrays and numeric exclusive
// bounds are checked on their own: the keywords exist in 3.0 with another form.
constexpr std::array<std::pair<std::string_view, std::string_view>, 26> schema_keywords_31{{
    {"$schema", "leave it out"},
    {"$vocabulary", "leave it out"},
    {"$id", "refer to the schema by its components path"},
    {"$anchor", "refer to the schema by its components path"},
    {"$dynamicAnchor", "leave it out"},
    {"$dynamicRef", "use $ref"},
    {"$defs", "move the definitions to components/schemas"},
    {"$comment", "use description, or an x- extension"},
    {"if", "use oneOf/anyOf"},
    {"then", "use oneOf/anyOf"},
    {"else", "use oneOf/anyOf"},
    {"dependentSchemas", "leave it out"},
    {"prefixItems", "describe the items with one schema"},
    {"contains", "leave it out"},
    {"patternProperties", "use additionalProperties"},
    {"propertyNames", "leave it out"},
    {"unevaluatedItems", "leave it out"},
    {"unevaluatedProperties", "use additionalProperties"},
    {"const", "use an enum with one value"},
    {"maxContains", "leave it out"},
    {"minContains", "leave it out"},
    {"dependentRequired", "leave it out"},
    {"contentEncoding", "use format: byte or binary"},
    {"contentMediaType", "use format: binary with the media type in the content map"},
    {"contentSchema", "leave it out"},
    {"examples", "use example (one value)"},
}};

constexpr std::string_view switch_version = R"(, or make the document "openapi": "3.1.x")";

void report_31_keyword(LintContext& context, const Source& source, const Path& loc,
                       std::string_view what, std::string_view instead) {
  context.report(source, loc, "version-31-keyword-in-30",
                 std::string(what) +
                     " is OpenAPI 3.1; this document is 3.0, whose tools ignore "
                     "or reject it: " +
                     std::string(instead) + std::string(switch_version));
}

void check_schema_in_30(LintContext& context, const Schema& schema, const Source& source,
                        const Path& loc) {
  std::apply(
      [&](const auto&... field) {
        auto check_field = [&](const auto& f) {
          for (const auto& [keyword, instead] : schema_keywords_31) {
            if (f.name == keyword && static_cast<bool>(schema.*(f.member))) {
              report_31_keyword(context, source, child(loc, std::string(keyword)),
                                "'" + std::string(keyword) + "'", instead);
            }
          }
        };
        (check_field(field), ...);
      },
      Schema::fields());
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

void check_30_document(LintContext& context) {
  const Source& root = context.doc().root();
  const OpenAPI& model = context.doc().model();
  if (model.webhooks) {
    report_31_keyword(context, root, {"webhooks"}, "'webhooks'",
                      "describe them as callbacks of the operation that registers them");
  }
  if (model.jsonSchemaDialect) {
    report_31_keyword(context, root, {"jsonSchemaDialect"}, "'jsonSchemaDialect'", "leave it out");
  }
  if (model.info.summary) {
    report_31_keyword(context, root, {"info", "summary"}, "'info.summary'", "use info.description");
  }
  if (model.info.license && model.info.license->identifier) {
    report_31_keyword(context, root, {"info", "license", "identifier"}, "'license.identifier'",
                      "use license.url");
  }
  if (model.components && model.components->pathItems) {
    report_31_keyword(context, root, {"components", "pathItems"}, "'components.pathItems'",
                      "write the path items under paths");
  }
  context.visit_models(Overloaded{[&](const Schema& schema, const Source& source, const Path& loc) {
                                    check_schema_in_30(context, schema, source, loc);
                                  },
                                  [&](const MutualTLS&, const Source& source, const Path& loc) {
                                    report_31_keyword(context, source, child(loc, "type"),
                                                      "Security scheme type 'mutualTLS'",
                                                      "describe it in the scheme's description");
                                  },
                                  [](const auto&, const Source&, const Path&) {}});
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
  if (context.is_30()) {
    check_30_document(context);
  } else {
    check_31_document(context);
  }
}

}  // namespace oaskit::lint_detail
