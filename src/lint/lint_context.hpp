#pragma once
// What every rule family shares: the document, the findings so far, following `$ref`s to what
// they name, and walking every model object of the document (the root file's model and the
// parts of other files that references reach).

#include <boost/json/serialize.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "lint/model_visit.hpp"
#include "oaskit/document.hpp"
#include "oaskit/json.hpp"
#include "oaskit/lint.hpp"

namespace oaskit::lint_detail {

/// A place in one of the document's files.
struct Place {
  const Source* source = nullptr;
  Path loc;
};

/// A model read from where a reference led, with the place it was read from.
template <class T>
struct Resolved {
  T value;
  Place place;
};

/// A part of a file other than the root that a reference reaches, read as the model its
/// reference wants. Parts of the root are already in Document::model().
using ExternalModel =
    std::variant<SchemaOrBool, OrReference<Response>, OrReference<Parameter>, OrReference<Example>,
                 OrReference<RequestBody>, OrReference<Header>, OrReference<SecurityScheme>,
                 OrReference<Link>, OrReference<Callback>, OrReference<PathItem>>;

struct ExternalPart {
  Place place;
  ExternalModel model;
};

class LintContext {
 public:
  explicit LintContext(const Document& doc);

  [[nodiscard]] const Document& doc() const { return doc_; }
  [[nodiscard]] bool is_30() const { return doc_.minor_version() == "3.0"; }

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

  /// The value at `place` read as `T`, when it is one.
  template <class T>
  static std::optional<Resolved<T>> read_at(const Place& place) {
    if (place.source == nullptr) return std::nullopt;
    const auto* value = place.source->find(place.loc);
    if (value == nullptr) return std::nullopt;
    auto parsed = parse<T>(boost::json::serialize(*value));
    if (!parsed) return std::nullopt;
    return Resolved<T>{std::move(*parsed), place};
  }

  /// Calls `visitor(model, source, loc)` for every model object of the document: the root
  /// file's, then those of the parts of other files that references reach (each part once).
  template <class Visitor>
  void visit_models(Visitor&& visitor) const {
    visit_model(doc_.model(), doc_.root(), Path{}, visitor);
    for (const auto& part : external_parts_) {
      std::visit(
          [&](const auto& model) {
            visit_model(model, *part.place.source, part.place.loc, visitor);
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
