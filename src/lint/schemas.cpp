// Schema rules: what a JSON Schema meta-schema checks and the models do not. `required` names
// are unique (JSON Schema says so, and validators built on the meta-schema refuse repeats);
// a `default` has a type the schema allows (otherwise a client that fills in the default
// sends what the server must refuse).

#include <algorithm>
#include <boost/json.hpp>
#include <cmath>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "lint/lint_context.hpp"
#include "lint/rules.hpp"
#include "oaskit/diagnostic.hpp"
#include "oaskit/schema.hpp"

namespace oaskit::lint_detail {

namespace {

bool is_integral(const boost::json::value& value) {
  if (value.is_int64() || value.is_uint64()) return true;
  if (!value.is_double()) return false;
  const double d = value.get_double();
  return std::isfinite(d) && std::floor(d) == d;
}

bool has_type(const boost::json::value& value, SchemaType type) {
  switch (type) {
    case SchemaType::array:
      return value.is_array();
    case SchemaType::boolean:
      return value.is_bool();
    case SchemaType::integer:
      return is_integral(value);
    case SchemaType::null:
      return value.is_null();
    case SchemaType::number:
      return value.is_number();
    case SchemaType::object:
      return value.is_object();
    case SchemaType::string:
      return value.is_string();
  }
  return true;
}

std::string_view json_type_of(const boost::json::value& value) {
  switch (value.kind()) {
    case boost::json::kind::array:
      return "an array";
    case boost::json::kind::object:
      return "an object";
    case boost::json::kind::string:
      return "a string";
    case boost::json::kind::bool_:
      return "a boolean";
    case boost::json::kind::null:
      return "null";
    default:
      return "a number";
  }
}

void check_required(LintContext& context, const Schema& schema, const Source& source,
                    const Path& loc) {
  if (!schema.required) return;
  std::set<std::string_view> seen;
  for (std::size_t i = 0; i < schema.required->size(); ++i) {
    const std::string& name = (*schema.required)[i];
    if (!seen.insert(name).second) {
      context.report(source, child(child(loc, "required"), i), "schema-required-duplicate",
                     "'" + name +
                         "' is listed twice in `required`; JSON Schema wants each name once: "
                         "remove the repeat");
    }
  }
}

// Whether every value `schema` (at `at`) accepts has the property `name`: listed in its
// `required`, or required by its `$ref`'s target or a member of its `allOf`, or by every
// alternative of its `oneOf` or `anyOf`. `depth` bounds the references followed (loops end).
bool requires_property(const LintContext& context, const Schema& schema, const Place& at,
                       std::string_view name, int depth = 0) {
  constexpr int max_depth = 16;
  if (depth > max_depth) return false;
  if (schema.required &&
      std::find(schema.required->begin(), schema.required->end(), name) != schema.required->end()) {
    return true;
  }
  if (schema.ref) {
    auto target = context.read_at<Schema>(context.follow(at));
    if (target && requires_property(context, target->value, target->place, name, depth + 1)) {
      return true;
    }
  }
  auto member_requires = [&](std::string_view keyword, const std::vector<SchemaOrBool>& members,
                             std::size_t i) {
    const auto* member = std::get_if<Schema>(&members[i]);
    return member != nullptr &&
           requires_property(context, *member,
                             {at.source, child(child(at.loc, std::string(keyword)), i)}, name,
                             depth + 1);
  };
  if (schema.allOf) {
    for (std::size_t i = 0; i < schema.allOf->size(); ++i) {
      if (member_requires("allOf", *schema.allOf, i)) return true;
    }
  }
  for (const auto& [keyword, alternatives] :
       {std::pair{"oneOf", &schema.oneOf}, std::pair{"anyOf", &schema.anyOf}}) {
    if (!*alternatives || (*alternatives)->empty()) continue;
    bool every = true;
    for (std::size_t i = 0; every && i < (*alternatives)->size(); ++i) {
      every = member_requires(keyword, **alternatives, i);
    }
    if (every) return true;
  }
  return false;
}

// 3.2: a discriminating property that may be absent needs `defaultMapping`, the schema for
// payloads without it.
void check_discriminator(LintContext& context, const Schema& schema, const Source& source,
                         const Path& loc) {
  if (!schema.discriminator || schema.discriminator->defaultMapping ||
      context.version() < SpecVersion::v3_2) {
    return;
  }
  const std::string& name = schema.discriminator->propertyName;
  if (requires_property(context, schema, {&source, loc}, name)) return;
  context.report(source, child(loc, "discriminator"), "discriminator-default-mapping",
                 "The discriminating property '" + name +
                     "' is optional here (no `required` of this schema, its allOf members or "
                     "every oneOf/anyOf alternative lists it), so OpenAPI 3.2 requires "
                     "`defaultMapping`: name the schema for payloads without it, or make '" +
                     name + "' required");
}

void check_default(LintContext& context, const Schema& schema, const Source& source,
                   const Path& loc) {
  if (!schema.default_ || !schema.type) return;
  const auto* type = std::get_if<SchemaType>(&*schema.type);
  if (type == nullptr) return;  // a list of types: any of them; left to a full validator
  const boost::json::value& value = *schema.default_;
  if (has_type(value, *type)) return;
  // OpenAPI 3.0's `nullable: true` admits null.
  const auto* nullable = schema.extra.if_contains("nullable");
  if (value.is_null() && nullable != nullptr && nullable->is_bool() && nullable->get_bool()) {
    return;
  }
  const std::string type_name(enum_names(*type)[static_cast<std::size_t>(*type)]);
  std::string hint;
  if (value.is_string() && *type != SchemaType::string) {
    hint = ": write it without quotes";
  } else {
    const bool vowel =
        *type == SchemaType::integer || *type == SchemaType::object || *type == SchemaType::array;
    hint = ": make it " + std::string(vowel ? "an " : "a ") + type_name + ", or change the type";
  }
  context.report(source, child(loc, "default"), "schema-default-type",
                 "The default is " + std::string(json_type_of(value)) +
                     " but the schema's type is '" + type_name + "'" + hint);
}

}  // namespace

// The root file's schemas compiled by the JSON Schema validator (the other files reached
// through the document's sources): reference loops that would never end, and examples that
// the schema refuses.
class SchemaChecks {
 public:
  explicit SchemaChecks(LintContext& context) : context_(context) {
    const Document& doc = context.doc();
    schema::CompileOptions options;
    options.base_uri = doc.root().base_uri();
    options.dialect =
        schema::openapi_dialect(doc.root().value()).value_or(schema::Dialect::draft2020_12);
    options.warnings = &ignored_;  // malformed keywords are the meta-schema rules' business
    options.resolve = [&doc](std::string_view uri) -> const boost::json::value* {
      for (const auto& source : doc.sources()) {
        if (source->uri() == uri || source->base_uri() == uri) return &source->value();
      }
      return nullptr;
    };
    schemas_.emplace(doc.root().value(), std::move(options));
  }

  void check(const Source& source, const Path& loc) {
    if (&source != &context_.doc().root()) return;
    const auto* value = source.find(loc);
    if (value == nullptr || !value->is_object()) return;
    const auto& object = value->get_object();
    const auto* example = object.if_contains("example");
    const auto* examples = object.if_contains("examples");
    // A loop of references goes through a component (its only way to be named twice), and
    // compiling a component compiles all it contains: other schemas are compiled only for
    // their examples.
    const bool component =
        loc.size() == 3 && loc[0] == PathElement("components") && loc[1] == PathElement("schemas");
    if (!component && example == nullptr && examples == nullptr) return;
    auto validator = schemas_->compile(to_json_pointer(loc));
    if (!validator) {
      for (const auto& e : validator.errors()) {
        if (e.type != "ref_cycle") continue;  // unresolved references: the loader's finding
        context_.report(source, e.loc.empty() ? loc : e.loc, "schema-ref-cycle", e.msg);
      }
      return;
    }
    if (example != nullptr) check_example(*validator, *example, source, child(loc, "example"));
    if (examples != nullptr && examples->is_array() && !context_.is_30()) {
      for (std::size_t i = 0; i < examples->get_array().size(); ++i) {
        check_example(*validator, examples->get_array()[i], source,
                      child(child(loc, "examples"), i));
      }
    }
  }

 private:
  void check_example(const schema::Validator& validator, const boost::json::value& example,
                     const Source& source, const Path& loc) {
    const auto errors = validator.validate(example);
    if (errors.empty()) return;
    std::string why;
    for (std::size_t i = 0; i < errors.size() && i < 3; ++i) {
      if (i > 0) why += "; ";
      why += errors[i].instance_location.empty() ? "it" : errors[i].instance_location;
      why += ' ';
      why += errors[i].message;
    }
    if (errors.size() > 3) why += "; and " + std::to_string(errors.size() - 3) + " more";
    context_.report(source, loc, "schema-example-invalid",
                    "This example does not validate against its schema: " + why);
  }

  LintContext& context_;
  Errors ignored_;
  std::optional<schema::SchemaSet> schemas_;
};

void check_schemas(LintContext& context) {
  SchemaChecks checks(context);
  context.visit_models(Overloaded{[&](const Schema& schema, const Source& source, const Path& loc) {
                                    check_required(context, schema, source, loc);
                                    check_default(context, schema, source, loc);
                                    check_discriminator(context, schema, source, loc);
                                    checks.check(source, loc);
                                  },
                                  [](const auto&, const Source&, const Path&) {}});
}

}  // namespace oaskit::lint_detail
