#include "lint/lint_context.hpp"

#include <algorithm>

#include "lint/rules.hpp"

namespace oaskit::lint_detail {

namespace {

bool starts_with(const Path& path, const Path& prefix) {
  return prefix.size() <= path.size() && std::equal(prefix.begin(), prefix.end(), path.begin());
}

// The part's model, when it is one the rules look at.
std::optional<ExternalModel> external_model(const detail::PartModel& model) {
  std::optional<ExternalModel> out;
  [&]<std::size_t... I>(std::index_sequence<I...>) {
    auto try_alternative = [&]<class T>(const T*) {
      if (const auto* held = std::get_if<T>(&model)) out.emplace(held);
    };
    (try_alternative(std::variant_alternative_t<I, ExternalModel>{}), ...);
  }
  (std::make_index_sequence<std::variant_size_v<ExternalModel>>{});
  return out;
}

}  // namespace

LintContext::LintContext(const Document& doc) : doc_(doc) { read_external_parts(); }

void LintContext::read_external_parts() {
  struct Candidate {
    Place place;
    ExternalModel model;
  };
  std::vector<Candidate> candidates;
  for (const auto& part : doc_.parts().all()) {
    if (part.source == &doc_.root()) continue;
    if (auto model = external_model(part.model)) {
      candidates.push_back({{part.source, part.loc}, *model});
    }
  }
  // Outermost parts first, so that a part inside one already read is not read (and its
  // findings reported) twice.
  std::stable_sort(candidates.begin(), candidates.end(), [](const auto& a, const auto& b) {
    return a.place.loc.size() < b.place.loc.size();
  });
  for (auto& candidate : candidates) {
    const bool inside_another =
        std::any_of(external_parts_.begin(), external_parts_.end(), [&](const ExternalPart& part) {
          return part.place.source == candidate.place.source &&
                 starts_with(candidate.place.loc, part.place.loc);
        });
    if (inside_another) continue;
    external_parts_.push_back({std::move(candidate.place), candidate.model});
  }
}

void LintContext::report(const Source& source, const Path& loc, std::string_view rule,
                         std::string message) {
  const RuleInfo* info = find_rule(rule);
  const Severity severity = info != nullptr ? info->severity : Severity::error;
  // The position is found once the disabled and ignored findings are gone (place_findings):
  // finding it means reading the file's text up to it.
  findings_.push_back(
      {severity, std::string(rule), std::move(message), source.name(), loc, std::nullopt});
}

void LintContext::place_findings() {
  for (auto& finding : findings_) {
    if (finding.position) continue;
    for (const auto& source : doc_.sources()) {
      if (source->name() == finding.file) {
        finding.position = source->position_of(finding.loc);
        break;
      }
    }
  }
}

std::string LintContext::where(const Source& source, const Path& loc) {
  std::string out = source.name();
  if (auto position = source.position_of(loc)) {
    out += ':' + std::to_string(position->line) + ':' + std::to_string(position->column);
  }
  return out;
}

Place LintContext::follow(Place place) const {
  if (place.source == nullptr) return {};
  auto found = doc_.follow(*place.source, std::move(place.loc));
  if (!found) return {};
  return {found->first, std::move(found->second)};
}

}  // namespace oaskit::lint_detail
