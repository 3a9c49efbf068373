#pragma once
// References inside one (bundled) document: `#/components/parameters/limit` and other local
// JSON pointers, followed through chains of `$ref`s, and read into the model the place
// expects. The server bundles a loaded Document first, so every reference it meets is local.

#include <boost/json/value.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "oaskit/model/reference.hpp"
#include "oaskit/model/schema.hpp"
#include "oaskit/result.hpp"

namespace oaskit::server::detail {

class Resolver {
 public:
  explicit Resolver(const boost::json::value& document) : document_(document) {}

  /// The value `ref` points at, with `$ref`s there followed in turn; an error message when a
  /// reference is not local, points nowhere or goes round in a loop.
  [[nodiscard]] Result<const boost::json::value*, std::string> follow(std::string_view ref) const;

  /// Where `ref`'s chain of references ends: the JSON pointer (decoded, RFC 6901) of the value
  /// follow() returns; nullopt when follow() fails.
  [[nodiscard]] std::optional<std::string> location(std::string_view ref) const;

  /// `T` itself, or the T its reference leads to.
  template <class T>
  [[nodiscard]] Result<T, std::string> resolve(const OrReference<T>& item) const {
    if (const T* value = std::get_if<T>(&item)) return *value;
    return read<T>(std::get<Reference>(item).ref);
  }

  /// The schema `schema` stands for: its `$ref` target when it has one (sibling keywords are
  /// ignored, as OpenAPI 3.0 says; this server reads only types and simple constraints).
  [[nodiscard]] Result<Schema, std::string> schema(const SchemaOrBool& schema) const;

  /// The value at `ref`, read as model T.
  template <class T>
  [[nodiscard]] Result<T, std::string> read(std::string_view ref) const;

 private:
  // follow(), saying in `last` the reference that reached the value.
  Result<const boost::json::value*, std::string> follow(std::string_view ref,
                                                        std::string& last) const;
  const boost::json::value& document_;
};

}  // namespace oaskit::server::detail
