#include "lint/lint_context.hpp"

#include <algorithm>

#include "lint/rules.hpp"

namespace oaskit::lint_detail {

namespace {

bool starts_with(const Path& path, const Path& prefix) {
  return prefix.size() <= path.size() && std::equal(prefix.begin(), prefix.end(), path.begin());
}

// The target of a reference that expects `expected`, read as the model the reference's place
// holds; nothing when it is not one (the loader has reported why).
std::optional<ExternalModel> read_expected(const Place& place, std::string_view expected) {
  auto read = [&]<class T>() -> std::optional<ExternalModel> {
    auto resolved = LintContext::read_at<T>(place);
    if (!resolved) return std::nullopt;
    return ExternalModel(std::move(resolved->value));
  };
  if (expected == "Schema") return read.operator()<SchemaOrBool>();
  if (expected == "Response") return read.operator()<OrReference<Response>>();
  if (expected == "Parameter") return read.operator()<OrReference<Parameter>>();
  if (expected == "Example") return read.operator()<OrReference<Example>>();
  if (expected == "RequestBody") return read.operator()<OrReference<RequestBody>>();
  if (expected == "Header") return read.operator()<OrReference<Header>>();
  if (expected == "SecurityScheme") return read.operator()<OrReference<SecurityScheme>>();
  if (expected == "Link") return read.operator()<OrReference<Link>>();
  if (expected == "Callback") return read.operator()<OrReference<Callback>>();
  if (expected == "PathItem") return read.operator()<OrReference<PathItem>>();
  return std::nullopt;
}

}  // namespace

LintContext::LintContext(const Document& doc) : doc_(doc) { read_external_parts(); }

void LintContext::read_external_parts() {
  struct Candidate {
    Place place;
    std::string_view expected;
  };
  std::vector<Candidate> candidates;
  for (const auto& ref : doc_.refs()) {
    if (ref.target == nullptr || ref.target == &doc_.root()) continue;
    candidates.push_back({{ref.target, ref.target_loc}, ref.expected});
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
    if (auto model = read_expected(candidate.place, candidate.expected)) {
      external_parts_.push_back({std::move(candidate.place), std::move(*model)});
    }
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
