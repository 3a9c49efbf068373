#pragma once
// What every rule family shares: the document, the findings so far, following `$ref`s to what
// they name, and walking every model object of the document (the root file's model and the
// parts of other files that references reach).

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "document/parts.hpp"
#include "lint/model_visit.hpp"
#include "oaskit/document.hpp"
#include "oaskit/json.hpp"
#include "oaskit/lint.hpp"

namespace oaskit::lint_detail {

/// `path` one step further: where a rule reports a member of the object at `path`.
inline Path child(Path path, PathElement step) {
  path.push_back(std::move(step));
  return path;
}

/// A place in one of the document's files.
struct Place {
  const Source* source = nullptr;
  Path loc;
};

/// A model a reference led to (the document holds it), with the place it was read from.
template <class T>
struct Resolved {
  const T& value;
  Place place;
};

/// A part of a file other than the root that a reference in a model position reaches, as the
/// loader read it (Document::parts()). Parts of the root are already in Document::model().
using ExternalModel =
    std::variant<const SchemaOrBool*, const OrReference<Response>*, const OrReference<Parameter>*,
                 const OrReference<Example>*, const OrReference<RequestBody>*,
                 const OrReference<Header>*, const OrReference<SecurityScheme>*,
                 const OrReference<Link>*, const OrReference<Callback>*,
                 const OrReference<PathItem>*, const PathItem*>;

struct ExternalPart {
  Place place;
  ExternalModel model;
};

class LintContext {
 public:
  explicit LintContext(const Document& doc);

  [[nodiscard]] const Document& doc() const { return doc_; }
  [[nodiscard]] bool is_30() const { return doc_.version() == SpecVersion::v3_0; }
  [[nodiscard]] SpecVersion version() const { return doc_.version(); }

  /// Adds a finding of `rule` (its severity from the registry) at `loc` in `source`.
  void report(const Source& source, const Path& loc, std::string_view rule, std::string message);
  /// The findings so far; lint() takes them.
  Diagnostics& findings() { return findings_; }
  /// Finds the line and column of every finding that has none yet.
  void place_findings();

  /// `file:line:column` of `loc` in `source`, for messages that point at another place.
  [[nodiscard]] static std::string where(const Source& source, const Path& loc);

  /// Follows the `$ref` held at `place` (and the `$ref`s its target holds, in turn) to the
  /// place that holds the value itself. `place` itself when it holds no `$ref`; a null source
  /// when a reference on the way is unresolved (the loader has reported it).
  [[nodiscard]] Place follow(Place place) const;

  /// `item` itself, or what its reference leads to read as `T`; nothing when the reference is
  /// unresolved or its target is not a `T` (both are load problems, reported already).
  template <class T>
  std::optional<Resolved<T>> resolve(const OrReference<T>& item, const Place& at) const {
    if (const T* value = std::get_if<T>(&item)) return Resolved<T>{*value, at};
    return read_at<T>(follow(at));
  }

  /// The model the loader read at `place` as `T` (where a `T` was wanted, or a `T` or a
  /// Reference), when it is a `T`.
  template <class T>
  std::optional<Resolved<T>> read_at(const Place& place) const {
    if (place.source == nullptr) return std::nullopt;
    const T* value = detail::model_read_at<T>(doc_, *place.source, place.loc);
    if constexpr (detail::is_part_model<OrReference<T>>) {
      if (value == nullptr) {
        const auto* either = detail::model_read_at<OrReference<T>>(doc_, *place.source, place.loc);
        value = either != nullptr ? std::get_if<T>(either) : nullptr;
      }
    }
    if (value == nullptr) return std::nullopt;
    return Resolved<T>{*value, place};
  }

  /// Calls `visitor(model, source, loc)` for every model object of the document: the root
  /// file's, then those of the parts of other files that references reach (each part once).
  template <class Visitor>
  void visit_models(Visitor&& visitor) const {
    visit_model(doc_.model(), doc_.root(), Path{}, visitor);
    for (const auto& part : external_parts_) {
      std::visit(
          [&](const auto* model) {
            visit_model(*model, *part.place.source, part.place.loc, visitor);
          },
          part.model);
    }
  }

 private:
  void read_external_parts();

  const Document& doc_;
  std::vector<ExternalPart> external_parts_;
  Diagnostics findings_;
};

}  // namespace oaskit::lint_detail
