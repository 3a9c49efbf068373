#pragma once
// Calls a visitor for every model object in a model tree, with the place of each, as the
// field tables describe the tree. Unlike the loader's walk it does not stop at anything: it
// is how rules see every Operation, Parameter, Schema or Reference of a document.

#include <tuple>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "json/type_traits.hpp"
#include "oaskit/document.hpp"
#include "oaskit/models.hpp"

namespace oaskit::lint_detail {

/// A visitor made of lambdas; the generic one catches the models a rule does not look at.
template <class... Lambdas>
struct Overloaded : Lambdas... {
  using Lambdas::operator()...;
};
template <class... Lambdas>
Overloaded(Lambdas...) -> Overloaded<Lambdas...>;

template <class Visitor>
class ModelVisit {
 public:
  ModelVisit(Visitor& visitor, const Source& source, Path start)
      : visitor_(visitor), source_(source), path_(std::move(start)) {}

  template <class T>
  void walk(const T& value) {
    using detail::is_instance_v;
    if constexpr (Model<T>) {
      visitor_(value, source_, std::as_const(path_));
      walk_fields(value);
    } else if constexpr (is_instance_v<T, std::optional> || is_instance_v<T, Box>) {
      if (value) walk(*value);
    } else if constexpr (is_instance_v<T, std::vector>) {
      for (std::size_t i = 0; i < value.size(); ++i) {
        path_.emplace_back(i);
        walk(value[i]);
        path_.pop_back();
      }
    } else if constexpr (is_instance_v<T, Map>) {
      for (const auto& [key, item] : value) {
        path_.emplace_back(key);
        walk(item);
        path_.pop_back();
      }
    } else if constexpr (is_instance_v<T, MapWithExtensions>) {
      walk(value.entries);
    } else if constexpr (is_instance_v<T, std::variant>) {
      std::visit([&](const auto& held) { walk(held); }, value);
    }
    // Strings, numbers, enums and any-valued data hold no models.
  }

 private:
  template <class M>
  void walk_fields(const M& model) {
    std::apply(
        [&](const auto&... field) {
          ((path_.emplace_back(std::string(field.name)), walk(model.*(field.member)),
            path_.pop_back()),
           ...);
        },
        M::fields());
  }

  Visitor& visitor_;
  const Source& source_;
  Path path_;
};

/// Visits `model` (found at `start` in `source`) and every model inside it.
template <class T, class Visitor>
void visit_model(const T& model, const Source& source, Path start, Visitor& visitor) {
  ModelVisit<Visitor> visit(visitor, source, std::move(start));
  visit.walk(model);
}

}  // namespace oaskit::lint_detail
