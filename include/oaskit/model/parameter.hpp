#pragma once
/// Parameters, headers and the content they describe: Example, ParameterInType, ParameterBase,
/// Parameter, Header, Encoding and MediaType (one file because they refer to each other: a
/// MediaType's Encoding has Headers, and a Header has MediaTypes).

#include <array>
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
#include "oaskit/model/reference.hpp"
#include "oaskit/model/schema.hpp"

namespace oaskit {

/// An example value of a parameter, header or media type. OpenAPI 3.2 tells the value apart
/// from its serialized form: `dataValue` is the data (as the schema sees it), `serializedValue`
/// the text sent on the wire; `value` and `externalValue` are the older, ambiguous forms.
struct Example {
  std::optional<std::string> summary{};
  std::optional<std::string> description{};
  std::optional<Any> dataValue{};                // the data; an explicit null is kept (3.2)
  std::optional<std::string> serializedValue{};  // the serialized text (3.2)
  std::optional<Any> value{};                    // an explicit null is kept
  std::optional<std::string> externalValue{};    // a URL, kept as written
  Extra extra{};

  template <class Self = Example>
  static constexpr auto fields() {
    using E = Self;
    return std::tuple{field("summary", &E::summary),
                      field("description", &E::description),
                      field("dataValue", &E::dataValue).since(SpecVersion::v3_2),
                      field("serializedValue", &E::serializedValue).since(SpecVersion::v3_2),
                      field("value", &E::value),
                      field("externalValue", &E::externalValue)};
  }
  friend bool operator==(const Example&, const Example&) = default;
};

struct MediaType;

/// Where a parameter is sent. `querystring` (OpenAPI 3.2) is the whole query string as one
/// value, described by `content`.
enum class ParameterInType { query, header, path, cookie, querystring };
constexpr std::array<std::string_view, 5> enum_names(ParameterInType) {
  return {"query", "header", "path", "cookie", "querystring"};
}

namespace detail {
/// The fields Parameter and Header share (ParameterBase's), for any of the three structs.
template <class M>
constexpr auto parameter_base_fields() {
  return std::tuple{
      field("description", &M::description), field("required", &M::required),
      field("deprecated", &M::deprecated),   field("style", &M::style),
      field("explode", &M::explode),         field("allowReserved", &M::allowReserved),
      field("schema", &M::schema),           field("example", &M::example),
      field("examples", &M::examples),       field("content", &M::content)};
}
}  // namespace detail

/// What Parameter and Header have in common.
struct ParameterBase {
  std::optional<std::string> description{};
  std::optional<bool> required{};
  std::optional<bool> deprecated{};
  std::optional<std::string> style{};
  std::optional<bool> explode{};
  std::optional<bool> allowReserved{};
  Box<SchemaOrBool> schema{};
  std::optional<Any> example{};
  std::optional<Map<OrReference<Example>>> examples{};
  Box<Map<MediaType>> content{};  // a Box: MediaType is defined below
  Extra extra{};

  template <class Self = ParameterBase>
  static constexpr auto fields() {
    return detail::parameter_base_fields<Self>();
  }
  friend bool operator==(const ParameterBase&, const ParameterBase&) = default;
};

/// One parameter of an operation, identified by `name` and `in`.
struct Parameter {
  std::string name{};
  ParameterInType in = ParameterInType::query;
  std::optional<std::string> description{};
  std::optional<bool> required{};
  std::optional<bool> deprecated{};
  std::optional<bool> allowEmptyValue{};  // in the spec, missing from FastAPI
  std::optional<std::string> style{};
  std::optional<bool> explode{};
  std::optional<bool> allowReserved{};
  Box<SchemaOrBool> schema{};
  std::optional<Any> example{};
  std::optional<Map<OrReference<Example>>> examples{};
  Box<Map<MediaType>> content{};  // a Box: MediaType is defined below
  Extra extra{};

  template <class Self = Parameter>
  static constexpr auto fields() {
    return std::tuple_cat(std::tuple{field("name", &Self::name), field("in", &Self::in),
                                     field("allowEmptyValue", &Self::allowEmptyValue)},
                          detail::parameter_base_fields<Self>());
  }
  friend bool operator==(const Parameter&, const Parameter&) = default;
};

/// A response or encoding header: a Parameter without `name` and `in`.
struct Header {
  std::optional<std::string> description{};
  std::optional<bool> required{};
  std::optional<bool> deprecated{};
  std::optional<std::string> style{};
  std::optional<bool> explode{};
  std::optional<bool> allowReserved{};
  Box<SchemaOrBool> schema{};
  std::optional<Any> example{};
  std::optional<Map<OrReference<Example>>> examples{};
  Box<Map<MediaType>> content{};  // a Box: MediaType is defined below
  Extra extra{};

  template <class Self = Header>
  static constexpr auto fields() {
    return detail::parameter_base_fields<Self>();
  }
  friend bool operator==(const Header&, const Header&) = default;
};

/// How one property of a multipart or form body is encoded. OpenAPI 3.2 nests encodings for
/// a part that is itself multipart: by property (`encoding`), by position (`prefixEncoding`)
/// or for every item (`itemEncoding`).
struct Encoding {
  std::optional<std::string> contentType{};
  std::optional<Map<OrReference<Header>>> headers{};
  Box<Map<Encoding>> encoding{};  // Boxes: an Encoding holds Encodings (3.2)
  Box<std::vector<Encoding>> prefixEncoding{};
  Box<Encoding> itemEncoding{};
  std::optional<std::string> style{};
  std::optional<bool> explode{};
  std::optional<bool> allowReserved{};
  Extra extra{};

  template <class Self = Encoding>
  static constexpr auto fields() {
    using E = Self;
    return std::tuple{field("contentType", &E::contentType),
                      field("headers", &E::headers),
                      field("encoding", &E::encoding).since(SpecVersion::v3_2),
                      field("prefixEncoding", &E::prefixEncoding).since(SpecVersion::v3_2),
                      field("itemEncoding", &E::itemEncoding).since(SpecVersion::v3_2),
                      field("style", &E::style),
                      field("explode", &E::explode),
                      field("allowReserved", &E::allowReserved)};
  }
  // Defaulted after the class: clang must not compare the Boxes while Encoding is incomplete
  // (clang 14 would then take Encoding for not default-constructible).
  friend bool operator==(const Encoding&, const Encoding&);
};

inline bool operator==(const Encoding&, const Encoding&) = default;

/// The schema and examples of one media type (`application/json`, ...). In OpenAPI 3.1 a
/// Schema Object carries `$ref` itself, so `schema` is a Schema (or boolean schema) even when
/// it only refers to another.
///
/// OpenAPI 3.2 describes sequential media types (JSON Lines, server-sent events, multipart
/// parts by position) item by item: `itemSchema` for each item, `prefixEncoding` and
/// `itemEncoding` for the parts of a multipart body, in place of `encoding`'s by-name map. It
/// also lets a `content` map refer to a Media Type elsewhere (components/mediaTypes): like a
/// Path Item's, that `$ref` is a field here, so that `content` stays a map of MediaTypes.
struct MediaType {
  std::optional<std::string> ref{};  // JSON: $ref (3.2)
  Box<SchemaOrBool> schema{};
  Box<SchemaOrBool> itemSchema{};  // (3.2)
  std::optional<Any> example{};
  std::optional<Map<OrReference<Example>>> examples{};
  std::optional<Map<Encoding>> encoding{};
  std::optional<std::vector<Encoding>> prefixEncoding{};  // (3.2)
  std::optional<Encoding> itemEncoding{};                 // (3.2)
  Extra extra{};

  template <class Self = MediaType>
  static constexpr auto fields() {
    using M = Self;
    return std::tuple{field("$ref", &M::ref).since(SpecVersion::v3_2),
                      field("schema", &M::schema),
                      field("itemSchema", &M::itemSchema).since(SpecVersion::v3_2),
                      field("example", &M::example),
                      field("examples", &M::examples),
                      field("encoding", &M::encoding),
                      field("prefixEncoding", &M::prefixEncoding).since(SpecVersion::v3_2),
                      field("itemEncoding", &M::itemEncoding).since(SpecVersion::v3_2)};
  }
  friend bool operator==(const MediaType&, const MediaType&) = default;
};

}  // namespace oaskit
