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

#include "oaskit/any.hpp"
#include "oaskit/box.hpp"
#include "oaskit/field.hpp"
#include "oaskit/map.hpp"
#include "oaskit/model/reference.hpp"
#include "oaskit/model/schema.hpp"

namespace oaskit {

/// An example value of a parameter, header or media type.
struct Example {
  std::optional<std::string> summary{};
  std::optional<std::string> description{};
  std::optional<Any> value{};                  // an explicit null is kept
  std::optional<std::string> externalValue{};  // an absolute URL, kept as written
  Extra extra{};

  template <class Self = Example>
  static constexpr auto fields() {
    return std::tuple{field("summary", &Self::summary), field("description", &Self::description),
                      field("value", &Self::value),
                      field("externalValue", &Self::externalValue, check::Url{})};
  }
  friend bool operator==(const Example&, const Example&) = default;
};

struct MediaType;

/// Where a parameter is sent.
enum class ParameterInType { query, header, path, cookie };
constexpr std::array<std::string_view, 4> enum_names(ParameterInType) {
  return {"query", "header", "path", "cookie"};
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

/// How one property of a multipart or form body is encoded.
struct Encoding {
  std::optional<std::string> contentType{};
  std::optional<Map<OrReference<Header>>> headers{};
  std::optional<std::string> style{};
  std::optional<bool> explode{};
  std::optional<bool> allowReserved{};
  Extra extra{};

  template <class Self = Encoding>
  static constexpr auto fields() {
    return std::tuple{field("contentType", &Self::contentType), field("headers", &Self::headers),
                      field("style", &Self::style), field("explode", &Self::explode),
                      field("allowReserved", &Self::allowReserved)};
  }
  friend bool operator==(const Encoding&, const Encoding&) = default;
};

/// The schema and examples of one media type (`application/json`, ...). In OpenAPI 3.1 a
/// Schema Object carries `$ref` itself, so `schema` is a Schema (or boolean schema) even when
/// it only refers to another.
struct MediaType {
  Box<SchemaOrBool> schema{};
  std::optional<Any> example{};
  std::optional<Map<OrReference<Example>>> examples{};
  std::optional<Map<Encoding>> encoding{};
  Extra extra{};

  template <class Self = MediaType>
  static constexpr auto fields() {
    return std::tuple{field("schema", &Self::schema), field("example", &Self::example),
                      field("examples", &Self::examples), field("encoding", &Self::encoding)};
  }
  friend bool operator==(const MediaType&, const MediaType&) = default;
};

}  // namespace oaskit
