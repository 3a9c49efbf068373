#pragma once
// Calls a visitor for every model object in a model tree, with the place of each: how rules
// see every Operation, Parameter, Schema or Reference of a document.

#include <tuple>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "document/model_traversal.hpp"
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

/// Calls `visitor(model, source, at)` for every model met, References included.
template <class Visitor>
struct VisitEveryModel {
  Visitor& visitor;
  const Source& source;
  template <class M>
  void enter(const M& model, const Path& at) {
    visitor(model, source, at);
  }
  template <class M>
  void leave(const M& /*model*/) {}
  template <class Target>
  void reference(const Reference& ref, const Path& at) {
    visitor(ref, source, at);
  }
};

/// Visits `model` (found at `start` in `source`) and every model inside it.
template <class T, class Visitor>
void visit_model(const T& model, const Source& source, Path start, Visitor& visitor) {
  VisitEveryModel<Visitor> hooks{visitor, source};
  detail::ModelTraversal traversal(hooks, std::move(start));
  traversal.walk(model);
}

}  // namespace oaskit::lint_detail
