#pragma once
/// The Schema Object: JSON Schema 2020-12 with OpenAPI's Discriminator, XML, externalDocs and
/// example; and OpenAPI 3.0's boolean exclusiveMinimum/exclusiveMaximum.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <variant>
#include <vector>

#include "oaskit/any.hpp"
#include "oaskit/box.hpp"
#include "oaskit/field.hpp"
#include "oaskit/map.hpp"
#include "oaskit/model/external_docs.hpp"
#include "oaskit/number.hpp"

namespace oaskit {

/// Which schema a payload uses, chosen by the value of one of its properties.
struct Discriminator {
  std::string propertyName{};
  std::optional<Map<std::string>> mapping{};
  /// The schema for a value that `mapping` does not name, or for no value at all (3.2).
  std::optional<std::string> defaultMapping{};
  Extra extra{};

  template <class Self = Discriminator>
  static constexpr auto fields() {
    return std::tuple{field("propertyName", &Self::propertyName), field("mapping", &Self::mapping),
                      field("defaultMapping", &Self::defaultMapping).since(SpecVersion::v3_2)};
  }
  friend bool operator==(const Discriminator&, const Discriminator&) = default;
};

/// The XML node a schema's value becomes (OpenAPI 3.2): `none` writes the value's children
/// without a node of its own.
enum class XMLNodeType { element, attribute, text, cdata, none };
constexpr std::array<std::string_view, 5> enum_names(XMLNodeType) {
  return {"element", "attribute", "text", "cdata", "none"};
}

/// How a property is written as XML. OpenAPI 3.2 says it with `nodeType`, which replaces
/// `attribute` and `wrapped` (deprecated; not to be written beside it).
struct XML {
  std::optional<XMLNodeType> nodeType{};
  std::optional<std::string> name{};
  std::optional<std::string> namespace_{};  // JSON: namespace
  std::optional<std::string> prefix{};
  std::optional<bool> attribute{};
  std::optional<bool> wrapped{};
  Extra extra{};

  template <class Self = XML>
  static constexpr auto fields() {
    return std::tuple{field("nodeType", &Self::nodeType).since(SpecVersion::v3_2),
                      field("name", &Self::name),
                      field("namespace", &Self::namespace_),
                      field("prefix", &Self::prefix),
                      field("attribute", &Self::attribute).deprecated_since(SpecVersion::v3_2),
                      field("wrapped", &Self::wrapped).deprecated_since(SpecVersion::v3_2)};
  }
  friend bool operator==(const XML&, const XML&) = default;
};

/// JSON Schema's primitive types.
enum class SchemaType { array, boolean, integer, null, number, object, string };
constexpr std::array<std::string_view, 7> enum_names(SchemaType) {
  return {"array", "boolean", "integer", "null", "number", "object", "string"};
}

struct Schema;
/// A JSON Schema is an object or a boolean (`true` accepts anything, `false` nothing).
using SchemaOrBool = std::variant<Schema, bool>;
/// `items`: a schema, or (JSON Schema draft 4 to 2019-09, OpenAPI 3.0 tools) a list of them.
using SchemaItems = std::variant<Schema, bool, std::vector<SchemaOrBool>>;
/// `type`: one type or a list of them.
using SchemaTypes = std::variant<SchemaType, std::vector<SchemaType>>;
/// `exclusiveMinimum`/`exclusiveMaximum`: a number (JSON Schema 2020-12, OpenAPI 3.1) or a
/// boolean modifying `minimum`/`maximum` (OpenAPI 3.0), kept as written.
using NumberOrBool = std::variant<Number, bool>;

/// A Schema Object. Fields follow JSON Schema 2020-12's vocabularies in order, then OpenAPI's.
/// Every member that holds schemas again is a `Box` (an optional on the heap), since a Schema
/// contains itself; so are the rarely used keywords, which keeps a Schema small: documents
/// hold thousands of them, and the memory each one touches is most of the cost of reading it.
struct Schema {
  // Core vocabulary
  Box<std::string> schema_{};        // JSON: $schema
  Box<Map<bool>> vocabulary{};       // JSON: $vocabulary
  Box<std::string> id{};             // JSON: $id
  Box<std::string> anchor{};         // JSON: $anchor
  Box<std::string> dynamicAnchor{};  // JSON: $dynamicAnchor
  std::optional<std::string> ref{};  // JSON: $ref
  Box<std::string> dynamicRef{};     // JSON: $dynamicRef
  Box<Map<SchemaOrBool>> defs{};     // JSON: $defs
  Box<std::string> comment{};        // JSON: $comment
  // Applying subschemas
  Box<std::vector<SchemaOrBool>> allOf{};
  Box<std::vector<SchemaOrBool>> anyOf{};
  Box<std::vector<SchemaOrBool>> oneOf{};
  Box<SchemaOrBool> not_{};  // JSON: not
  Box<SchemaOrBool> if_{};   // JSON: if
  Box<SchemaOrBool> then{};
  Box<SchemaOrBool> else_{};  // JSON: else
  Box<Map<SchemaOrBool>> dependentSchemas{};
  Box<std::vector<SchemaOrBool>> prefixItems{};
  Box<SchemaItems> items{};
  Box<SchemaOrBool> contains{};
  Box<Map<SchemaOrBool>> properties{};
  Box<Map<SchemaOrBool>> patternProperties{};
  Box<SchemaOrBool> additionalProperties{};
  Box<SchemaOrBool> propertyNames{};
  Box<SchemaOrBool> unevaluatedItems{};
  Box<SchemaOrBool> unevaluatedProperties{};
  // Structural validation
  std::optional<SchemaTypes> type{};
  Box<std::vector<Any>> enum_{};  // JSON: enum
  Box<Any> const_{};              // JSON: const
  Box<Number> multipleOf{};       // > 0
  Box<Number> maximum{};
  Box<NumberOrBool> exclusiveMaximum{};
  Box<Number> minimum{};
  Box<NumberOrBool> exclusiveMinimum{};
  Box<std::int64_t> maxLength{};  // >= 0, and likewise the counts below
  Box<std::int64_t> minLength{};
  Box<std::string> pattern{};
  Box<std::int64_t> maxItems{};
  Box<std::int64_t> minItems{};
  std::optional<bool> uniqueItems{};
  Box<std::int64_t> maxContains{};
  Box<std::int64_t> minContains{};
  Box<std::int64_t> maxProperties{};
  Box<std::int64_t> minProperties{};
  Box<std::vector<std::string>> required{};
  Box<Map<std::vector<std::string>>> dependentRequired{};
  // Format and string-encoded content
  Box<std::string> format{};
  Box<std::string> contentEncoding{};
  Box<std::string> contentMediaType{};
  Box<SchemaOrBool> contentSchema{};
  // Meta-data annotations
  Box<std::string> title{};
  std::optional<std::string> description{};
  Box<Any> default_{};  // JSON: default; an explicit null is kept
  std::optional<bool> deprecated{};
  std::optional<bool> readOnly{};
  std::optional<bool> writeOnly{};
  Box<std::vector<Any>> examples{};
  // OpenAPI
  Box<Discriminator> discriminator{};
  Box<XML> xml{};
  Box<ExternalDocumentation> externalDocs{};
  Box<Any> example{};  // deprecated in OpenAPI 3.1 in favour of examples
  Extra extra{};

  template <class Self = Schema>
  static constexpr auto fields() {
    using S = Self;
    constexpr check::GreaterEqual non_negative{0};
    return std::tuple{
        field("$schema", &S::schema_).since(SpecVersion::v3_1),
        field("$vocabulary", &S::vocabulary).since(SpecVersion::v3_1),
        field("$id", &S::id).since(SpecVersion::v3_1),
        field("$anchor", &S::anchor).since(SpecVersion::v3_1),
        field("$dynamicAnchor", &S::dynamicAnchor).since(SpecVersion::v3_1),
        field("$ref", &S::ref),
        field("$dynamicRef", &S::dynamicRef).since(SpecVersion::v3_1),
        field("$defs", &S::defs).since(SpecVersion::v3_1),
        field("$comment", &S::comment).since(SpecVersion::v3_1),
        field("allOf", &S::allOf),
        field("anyOf", &S::anyOf),
        field("oneOf", &S::oneOf),
        field("not", &S::not_),
        field("if", &S::if_).since(SpecVersion::v3_1),
        field("then", &S::then).since(SpecVersion::v3_1),
        field("else", &S::else_).since(SpecVersion::v3_1),
        field("dependentSchemas", &S::dependentSchemas).since(SpecVersion::v3_1),
        field("prefixItems", &S::prefixItems).since(SpecVersion::v3_1),
        field("items", &S::items),
        field("contains", &S::contains).since(SpecVersion::v3_1),
        field("properties", &S::properties),
        field("patternProperties", &S::patternProperties).since(SpecVersion::v3_1),
        field("additionalProperties", &S::additionalProperties),
        field("propertyNames", &S::propertyNames).since(SpecVersion::v3_1),
        field("unevaluatedItems", &S::unevaluatedItems).since(SpecVersion::v3_1),
        field("unevaluatedProperties", &S::unevaluatedProperties).since(SpecVersion::v3_1),
        field("type", &S::type),
        field("enum", &S::enum_),
        field("const", &S::const_).since(SpecVersion::v3_1),
        field("multipleOf", &S::multipleOf, check::GreaterThan{0}),
        field("maximum", &S::maximum),
        field("exclusiveMaximum", &S::exclusiveMaximum),
        field("minimum", &S::minimum),
        field("exclusiveMinimum", &S::exclusiveMinimum),
        field("maxLength", &S::maxLength, non_negative),
        field("minLength", &S::minLength, non_negative),
        field("pattern", &S::pattern),
        field("maxItems", &S::maxItems, non_negative),
        field("minItems", &S::minItems, non_negative),
        field("uniqueItems", &S::uniqueItems),
        field("maxContains", &S::maxContains, non_negative).since(SpecVersion::v3_1),
        field("minContains", &S::minContains, non_negative).since(SpecVersion::v3_1),
        field("maxProperties", &S::maxProperties, non_negative),
        field("minProperties", &S::minProperties, non_negative),
        field("required", &S::required),
        field("dependentRequired", &S::dependentRequired).since(SpecVersion::v3_1),
        field("format", &S::format),
        field("contentEncoding", &S::contentEncoding).since(SpecVersion::v3_1),
        field("contentMediaType", &S::contentMediaType).since(SpecVersion::v3_1),
        field("contentSchema", &S::contentSchema).since(SpecVersion::v3_1),
        field("title", &S::title),
        field("description", &S::description),
        field("default", &S::default_),
        field("deprecated", &S::deprecated),
        field("readOnly", &S::readOnly),
        field("writeOnly", &S::writeOnly),
        field("examples", &S::examples).since(SpecVersion::v3_1),
        field("discriminator", &S::discriminator),
        field("xml", &S::xml),
        field("externalDocs", &S::externalDocs),
        field("example", &S::example).deprecated_since(SpecVersion::v3_1),
    };
  }
  // Defaulted after the class: clang must not look at SchemaOrBool while Schema is incomplete.
  friend bool operator==(const Schema&, const Schema&);
};

inline bool operator==(const Schema&, const Schema&) = default;

}  // namespace oaskit
