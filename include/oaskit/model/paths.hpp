#pragma once
/// Paths and operations: RequestBody, Link, Response, Responses, Callback, Operation, PathItem
/// and Paths (one file because an Operation's callbacks hold PathItems again).

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <variant>
#include <vector>

#include "oaskit/any.hpp"
#include "oaskit/box.hpp"
#include "oaskit/field.hpp"
#include "oaskit/map.hpp"
#include "oaskit/map_with_extensions.hpp"
#include "oaskit/model/external_docs.hpp"
#include "oaskit/model/parameter.hpp"
#include "oaskit/model/reference.hpp"
#include "oaskit/model/security.hpp"
#include "oaskit/model/server.hpp"

namespace oaskit {

/// The body an operation accepts.
struct RequestBody {
  std::optional<std::string> description{};
  Map<MediaType> content{};
  std::optional<bool> required{};
  Extra extra{};

  template <class Self = RequestBody>
  static constexpr auto fields() {
    return std::tuple{field("description", &Self::description), field("content", &Self::content),
                      field("required", &Self::required)};
  }
  friend bool operator==(const RequestBody&, const RequestBody&) = default;
};

/// A design-time link from a response to another operation.
struct Link {
  std::optional<std::string> operationRef{};
  std::optional<std::string> operationId{};
  std::optional<Map<Any>> parameters{};  // values are constants or runtime expressions
  std::optional<Any> requestBody{};
  std::optional<std::string> description{};
  std::optional<Server> server{};
  Extra extra{};

  template <class Self = Link>
  static constexpr auto fields() {
    return std::tuple{
        field("operationRef", &Self::operationRef), field("operationId", &Self::operationId),
        field("parameters", &Self::parameters),     field("requestBody", &Self::requestBody),
        field("description", &Self::description),   field("server", &Self::server)};
  }
  friend bool operator==(const Link&, const Link&) = default;
};

/// One response of an operation. Its `description` is required before OpenAPI 3.2 (lint's
/// `field-missing` says so for 3.0 and 3.1 documents), optional since.
struct Response {
  std::optional<std::string> summary{};  // (3.2)
  std::optional<std::string> description{};
  std::optional<Map<OrReference<Header>>> headers{};
  std::optional<Map<MediaType>> content{};
  std::optional<Map<OrReference<Link>>> links{};
  Extra extra{};

  template <class Self = Response>
  static constexpr auto fields() {
    using R = Self;
    return std::tuple{field("summary", &R::summary).since(SpecVersion::v3_2),
                      field("description", &R::description).required_before(SpecVersion::v3_2),
                      field("headers", &R::headers), field("content", &R::content),
                      field("links", &R::links)};
  }
  friend bool operator==(const Response&, const Response&) = default;
};

/// An operation's responses by status code (`"200"`, `"4XX"`, `"default"`), plus `x-`
/// extensions.
using Responses = MapWithExtensions<OrReference<Response>>;

struct PathItem;
/// Requests the API may send back, by runtime expression, plus `x-` extensions.
using Callback = MapWithExtensions<PathItem>;

/// One API operation on a path.
struct Operation {
  std::optional<std::vector<std::string>> tags{};
  std::optional<std::string> summary{};
  std::optional<std::string> description{};
  std::optional<ExternalDocumentation> externalDocs{};
  std::optional<std::string> operationId{};
  std::optional<std::vector<OrReference<Parameter>>> parameters{};
  std::optional<OrReference<RequestBody>> requestBody{};
  std::optional<Responses> responses{};
  Box<Map<OrReference<Callback>>> callbacks{};  // a Box: PathItem is defined below
  std::optional<bool> deprecated{};
  /// Alternatives (any one suffices), each naming schemes (all needed) and their scopes.
  std::optional<std::vector<SecurityRequirement>> security{};
  std::optional<std::vector<Server>> servers{};
  Extra extra{};

  template <class Self = Operation>
  static constexpr auto fields() {
    using O = Self;
    return std::tuple{field("tags", &O::tags),
                      field("summary", &O::summary),
                      field("description", &O::description),
                      field("externalDocs", &O::externalDocs),
                      field("operationId", &O::operationId),
                      field("parameters", &O::parameters),
                      field("requestBody", &O::requestBody),
                      field("responses", &O::responses, check::ResponseKeys{}),
                      field("callbacks", &O::callbacks),
                      field("deprecated", &O::deprecated),
                      field("security", &O::security),
                      field("servers", &O::servers)};
  }
  // Defaulted below PathItem: comparing callbacks needs PathItem complete.
  friend bool operator==(const Operation&, const Operation&);
};

/// The operations on one path. Its own `$ref` may point to a Path Item elsewhere.
struct PathItem {
  std::optional<std::string> ref{};  // JSON: $ref
  std::optional<std::string> summary{};
  std::optional<std::string> description{};
  Box<Operation> get{};
  Box<Operation> put{};
  Box<Operation> post{};
  Box<Operation> delete_{};  // JSON: delete
  Box<Operation> options{};
  Box<Operation> head{};
  Box<Operation> patch{};
  Box<Operation> trace{};
  Box<Operation> query{};  // the QUERY method (3.2)
  /// Operations of other methods, by the method as it is sent ("COPY"): never one of the
  /// fields above (3.2).
  std::optional<Map<Operation>> additionalOperations{};
  std::optional<std::vector<Server>> servers{};
  std::optional<std::vector<OrReference<Parameter>>> parameters{};
  Extra extra{};

  template <class Self = PathItem>
  static constexpr auto fields() {
    using P = Self;
    return std::tuple{
        field("$ref", &P::ref),
        field("summary", &P::summary),
        field("description", &P::description),
        field("get", &P::get),
        field("put", &P::put),
        field("post", &P::post),
        field("delete", &P::delete_),
        field("options", &P::options),
        field("head", &P::head),
        field("patch", &P::patch),
        field("trace", &P::trace),
        field("query", &P::query).since(SpecVersion::v3_2),
        field("additionalOperations", &P::additionalOperations).since(SpecVersion::v3_2),
        field("servers", &P::servers),
        field("parameters", &P::parameters)};
  }

  /// An HTTP method a Path Item has a field for: its name as the document writes it ("get",
  /// "delete") and the member.
  struct MethodField {
    std::string_view name;
    Box<Operation> PathItem::*member;
  };
  /// Every method field, in the specification's order: the fields of type `Box<Operation>`,
  /// taken from fields() (src/json/path_item.cpp), so that a method is declared once.
  static std::span<const MethodField> method_fields();

  /// One declared operation: its method as the document writes it ("get" for a field, the
  /// key of `additionalOperations` such as "COPY" otherwise), the operation, and whether it is
  /// one of `additionalOperations` (then it is written at additionalOperations/<method>).
  struct MethodOperation {
    std::string_view method;
    const Operation& operation;
    bool additional;

    /// Appends where the operation is written, relative to its Path Item, to a location
    /// (`oaskit::Path`): "get", or "additionalOperations" then "COPY".
    template <class Location>
    void append_location(Location& location) const {
      if (additional) location.emplace_back(std::string("additionalOperations"));
      location.emplace_back(std::string(method));
    }
  };

  /// The operations this Path Item declares: its method fields in the specification's order,
  /// then `additionalOperations` in the order written. A view
  /// (`for (const auto& [method, operation, additional] : item.operations())`) that allocates
  /// nothing.
  class Operations {
   public:
    class iterator {
     public:
      using value_type = MethodOperation;
      using difference_type = std::ptrdiff_t;

      iterator() = default;
      iterator(const PathItem* item, std::size_t at) : item_(item), at_(at) { skip_absent(); }

      MethodOperation operator*() const {
        const auto methods = method_fields();
        if (at_ < methods.size()) {
          const MethodField& method = methods[at_];
          return {method.name, *(item_->*method.member), false};
        }
        const auto& [name, operation] = *(item_->additionalOperations->begin() +
                                          static_cast<std::ptrdiff_t>(at_ - methods.size()));
        return {name, operation, true};
      }
      iterator& operator++() {
        ++at_;
        skip_absent();
        return *this;
      }
      iterator operator++(int) {
        iterator before = *this;
        ++*this;
        return before;
      }
      friend bool operator==(const iterator& a, const iterator& b) { return a.at_ == b.at_; }

     private:
      void skip_absent() {
        const auto methods = method_fields();
        while (at_ < methods.size() && !(item_->*(methods[at_].member))) ++at_;
      }
      const PathItem* item_ = nullptr;
      std::size_t at_ = 0;
    };

    explicit Operations(const PathItem& item) : item_(&item) {}
    [[nodiscard]] iterator begin() const { return {item_, 0}; }
    [[nodiscard]] iterator end() const {
      const std::size_t additional =
          item_->additionalOperations ? item_->additionalOperations->size() : 0;
      return {item_, method_fields().size() + additional};
    }

   private:
    const PathItem* item_;
  };
  [[nodiscard]] Operations operations() const { return Operations(*this); }

  /// The operation for an HTTP `method` ("GET", "get", "COPY"), or null: a method field's
  /// name matches in any case, an `additionalOperations` key exactly (methods are
  /// case-sensitive; the fields' lower-case names are the specification's spelling of them).
  [[nodiscard]] const Operation* operation_for(std::string_view method) const;

  friend bool operator==(const PathItem&, const PathItem&) = default;
};

inline bool operator==(const Operation&, const Operation&) = default;

/// The API's paths (`"/pets/{id}"`), plus `x-` extensions.
using Paths = MapWithExtensions<PathItem>;

}  // namespace oaskit
