#pragma once
// The models a Document holds besides its root's: each part of a file that a `$ref` reaches,
// read once by the loader as what that reference wants. Lint and Document::security_scheme use
// them as they are; nothing reads those values again.

#include <cstddef>
#include <deque>
#include <map>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <variant>

#include "document/model_at.hpp"
#include "json/model_list.hpp"
#include "oaskit/document.hpp"
#include "oaskit/models.hpp"

namespace oaskit::detail {

#define OASKIT_COMMA_TYPE(T) , T
/// Every type the loader may read a `$ref`'s target as (model_walk.hpp's read_target<V>).
using PartModel = std::variant<std::monostate OASKIT_FOR_EACH_REF_TARGET(OASKIT_COMMA_TYPE)>;
#undef OASKIT_COMMA_TYPE

/// True when the loader may read a target as `T`.
template <class T>
inline constexpr bool is_part_model = []<class... Ts>(std::type_identity<std::variant<Ts...>>) {
  return (std::is_same_v<T, Ts> || ...);
}(std::type_identity<PartModel>{});

/// The index of `T` in PartModel.
template <class T, std::size_t I = 0>
constexpr std::size_t part_index() {
  if constexpr (std::is_same_v<std::variant_alternative_t<I, PartModel>, T>) {
    return I;
  } else {
    return part_index<T, I + 1>();
  }
}

/// A part of a file read as a model.
struct DocumentPart {
  const Source* source = nullptr;
  Path loc;
  PartModel model;
};

class DocumentParts {
 public:
  /// Adds `model`, read at `loc` in `source`; the first one read at a place as a type stays.
  template <class T>
  void add(const Source& source, Path loc, T model) {
    auto key = std::tuple{&source, to_json_pointer(loc), part_index<T>()};
    if (index_.contains(key)) return;
    index_.emplace(std::move(key), parts_.size());
    parts_.push_back({&source, std::move(loc), PartModel(std::in_place_type<T>, std::move(model))});
  }

  /// The model read as `T` at `loc` in `source`, or null when none was.
  template <class T>
  [[nodiscard]] const T* find(const Source& source, const Path& loc) const {
    const auto found = index_.find({&source, to_json_pointer(loc), part_index<T>()});
    if (found == index_.end()) return nullptr;
    return std::get_if<T>(&parts_[found->second].model);
  }

  /// Every part, in the order read.
  [[nodiscard]] const std::deque<DocumentPart>& all() const noexcept { return parts_; }

 private:
  std::deque<DocumentPart> parts_;  // stable addresses
  std::map<std::tuple<const Source*, std::string, std::size_t>, std::size_t> index_;
};

/// What the document read at `loc` in `source` as `T`: in the root file, the root model's own
/// object there (the loader reads no part of the root twice); elsewhere, the part the loader
/// read. Null when nothing there was read as a `T`.
template <class T>
const T* model_read_at(const Document& doc, const Source& source, const Path& loc) {
  if (&source == &doc.root()) {
    if (const T* in_model = model_at<T>(doc.model(), loc)) return in_model;
  }
  return doc.parts().find<T>(source, loc);
}

}  // namespace oaskit::detail
