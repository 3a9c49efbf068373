// bundle(): copies the root file's value, turning every ref that leaves it into a local ref to
// a new components entry holding a copy of the target. All entry names are chosen before any
// content is copied, so a copy only ever needs a name, and cycles between files need nothing
// special.

#include "oaskit/bundle.hpp"

#include "json_pointer.hpp"
#include "oaskit/model/components.hpp"

#include <boost/json.hpp>
#include <boost/url/parse.hpp>

#include <algorithm>
#include <filesystem>
#include <iterator>
#include <map>
#include <ranges>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace oaskit {

namespace json = boost::json;

namespace {

/// The `components` member each model a ref may expect is kept under.
constexpr std::pair<std::string_view, std::string_view> component_kinds[] = {
    {"Schema", "schemas"},
    {"Parameter", "parameters"},
    {"Response", "responses"},
    {"RequestBody", "requestBodies"},
    {"Header", "headers"},
    {"Example", "examples"},
    {"Link", "links"},
    {"Callback", "callbacks"},
    {"SecurityScheme", "securitySchemes"},
    {"PathItem", "pathItems"},
    {"MediaType", "mediaTypes"}};

std::string_view component_kind_of(std::string_view expected_model) {
  for (const auto& [model, kind] : component_kinds) {
    if (model == expected_model) return kind;
  }
  return {};
}

/// The version that introduced a member of components, from its field table.
SpecVersion component_kind_since(std::string_view kind) {
  SpecVersion since = SpecVersion::v3_0;
  std::apply(
      [&](const auto&... field) { ((field.name == kind ? since = field.introduced : since), ...); },
      Components::fields());
  return since;
}

/// A value's place: which source (its index in Document::sources()) and where in it. An index
/// rather than the pointer so that places order the same way on every run.
struct Place {
  std::size_t source = 0;
  Path loc;
  // NOLINTNEXTLINE(modernize-use-nullptr): clang-tidy 14 misreads defaulted comparisons
  friend auto operator<=>(const Place&, const Place&) = default;
};

/// `#` and the JSON pointer of `loc`, with what a URI fragment may not hold %-escaped so that
/// any reader of URIs reads it back (the `{id}` of a path becomes `%7Bid%7D`).
std::string local_ref(const Path& loc) {
  static constexpr std::string_view allowed =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=:@/?";
  return "#" + detail::percent_encode(to_json_pointer(loc), allowed);
}

/// `text` in the component-name grammar `^[a-zA-Z0-9._-]+$`: every run of other bytes
/// becomes one `_`.
std::string component_name(std::string_view text) {
  std::string out;
  bool replacing = false;
  for (char c : text) {
    if (is_component_name_char(c)) {
      out += c;
      replacing = false;
    } else if (!replacing) {
      out += '_';
      replacing = true;
    }
  }
  return out.empty() || out == "_" ? std::string("Component") : out;
}

/// The name the author gave the target: `<Name>` for a file's `components/<kind>/<Name>`, the
/// last pointer token (`Pet` of `#/Pet`, `parameters_0` of `#/parameters/0`), else the file's
/// stem (`pet` of `schemas/pet.json`).
std::string preferred_name(const Source& source, const Path& loc) {
  std::string file_stem = std::filesystem::path(source.name()).stem().string();
  if (loc.empty()) return file_stem;
  const auto* last_name = std::get_if<std::string>(&loc.back());
  if (last_name != nullptr) return *last_name;
  const std::string index = std::to_string(std::get<std::size_t>(loc.back()));
  // Reverse iterators rather than views::reverse, which clang 14 (the fuzz build) cannot
  // compile with libstdc++ 12's ranges.
  // NOLINTNEXTLINE(modernize-loop-convert): a range-for over a reversed view is what fails
  for (auto step = loc.rbegin(); step != loc.rend(); ++step) {
    if (const auto* name = std::get_if<std::string>(&*step)) return *name + '_' + index;
  }
  return file_stem + '_' + index;
}

class Bundler {
 public:
  explicit Bundler(const Document& doc) : doc_(doc) {}

  Result<json::value, Diagnostics> run() {
    // A $ref where OpenAPI allows none is no obstacle: the bundle writes its target in place.
    Diagnostics blocking;
    std::copy_if(doc_.problems().begin(), doc_.problems().end(), std::back_inserter(blocking),
                 [](const Diagnostic& d) { return d.rule != "ref-not-allowed"; });
    if (!blocking.empty()) return blocking;
    for (std::size_t i = 0; i < doc_.sources().size(); ++i) {
      source_indices_.emplace(doc_.sources()[i].get(), i);
    }
    for (const auto& ref : doc_.refs()) {
      refs_by_place_.emplace(Place{index_of(ref.from), ref.loc}, &ref);
    }
    reserve_root_component_names();
    if (auto failed = name_entries(); !failed.empty()) return failed;

    Place root{0, {}};
    json::value out = copy(root, doc_.root().value());
    for (const Entry& entry : entries_) {
      Place target = entry.target;
      json::value content = copy(target, *doc_.sources()[target.source]->find(target.loc));
      auto& components = out.as_object()["components"];
      if (!components.is_object()) components = json::object();
      auto& of_kind = components.as_object()[entry.kind];
      if (!of_kind.is_object()) of_kind = json::object();
      of_kind.as_object().emplace(entry.name, std::move(content));
    }
    if (!errors_.empty()) return errors_;
    return out;
  }

 private:
  struct Entry {
    std::string_view kind;
    std::string name;
    Place target;
  };

  std::size_t index_of(const Source* source) const { return source_indices_.at(source); }

  // The root's own entries keep their names; new ones are made unique against them.
  void reserve_root_component_names() {
    const auto* root = doc_.root().value().if_object();
    const auto* components = root ? root->if_contains("components") : nullptr;
    if (components == nullptr || !components->is_object()) return;
    for (const auto& [kind, entries] : components->get_object()) {
      if (!entries.is_object()) continue;
      for (const auto& entry : entries.get_object()) {
        taken_names_[std::string(kind)].insert(std::string(entry.key()));
      }
    }
  }

  // Copied in at their place: a $ref where OpenAPI allows none, and a target whose kind of
  // component the document's version lacks (3.0 has no components.pathItems, 3.1 no
  // mediaTypes).
  bool inlined(const ResolvedRef& ref) const {
    return !ref.allowed || doc_.version() < component_kind_since(component_kind_of(ref.expected));
  }

  // Every target in another file gets an entry, except those inside another such target
  // (they are reached through that entry); in the order the loader reached them.
  Diagnostics name_entries() {
    Diagnostics failed;
    std::map<Place, std::string_view> targets;
    std::vector<const ResolvedRef*> in_order;
    for (const auto& ref : doc_.refs()) {
      if (ref.target == &doc_.root() || inlined(ref)) continue;
      const std::string_view kind = component_kind_of(ref.expected);
      if (kind.empty()) {
        failed.push_back(Document::diagnostic(
            *ref.from, ref.loc, Severity::error, "bundle-unknown-kind",
            "Cannot bundle $ref '" + ref.ref + "': no components member holds a " +
                std::string(ref.expected)));
        continue;
      }
      if (targets.emplace(Place{index_of(ref.target), ref.target_loc}, kind).second) {
        in_order.push_back(&ref);
      }
    }
    for (const ResolvedRef* ref : in_order) {
      Place target{index_of(ref->target), ref->target_loc};
      if (enclosing_target(targets, target)) continue;
      const std::string_view kind = targets.at(target);
      std::string name = unique_name(
          kind, component_name(preferred_name(*ref->target, named_loc(ref->target_loc))));
      entry_by_target_.emplace(target, entries_.size());
      entries_.push_back({kind, std::move(name), std::move(target)});
    }
    return failed;
  }

  // `components/<kind>/<Name>` of another file is named `<Name>` whatever the last token.
  static Path named_loc(const Path& loc) {
    if (loc.size() == 3 && loc[0] == PathElement("components")) return {loc[2]};
    return loc;
  }

  static bool enclosing_target(const std::map<Place, std::string_view>& targets,
                               const Place& target) {
    Place prefix{target.source, {}};
    for (const auto& step : target.loc) {
      if (targets.contains(prefix)) return true;
      prefix.loc.push_back(step);
    }
    return false;
  }

  std::string unique_name(std::string_view kind, const std::string& wanted) {
    auto& taken = taken_names_[std::string(kind)];
    std::string name = wanted;
    for (int suffix = 2; taken.contains(name); ++suffix) {
      name = wanted + '_' + std::to_string(suffix);
    }
    taken.insert(name);
    return name;
  }

  // The local ref that reaches `target`: the root's own place, or the entry holding it.
  std::string ref_to(const Place& target) const {
    if (target.source == 0) return local_ref(target.loc);
    Place prefix{target.source, {}};
    for (std::size_t length = 0; length <= target.loc.size(); ++length) {
      if (auto found = entry_by_target_.find(prefix); found != entry_by_target_.end()) {
        const Entry& entry = entries_[found->second];
        Path loc{std::string("components"), std::string(entry.kind), entry.name};
        loc.insert(loc.end(), target.loc.begin() + static_cast<std::ptrdiff_t>(length),
                   target.loc.end());
        return local_ref(loc);
      }
      if (length < target.loc.size()) prefix.loc.push_back(target.loc[length]);
    }
    return local_ref(target.loc);  // not reached: every target has an entry
  }

  // A copy of `value` (at `at`, which is restored on return) with its refs rewritten.
  json::value copy(Place& at, const json::value& value) {
    if (const auto* array = value.if_array()) {
      json::array out;
      out.reserve(array->size());
      for (std::size_t i = 0; i < array->size(); ++i) {
        at.loc.emplace_back(i);
        out.push_back(copy(at, (*array)[i]));
        at.loc.pop_back();
      }
      return out;
    }
    const auto* object = value.if_object();
    if (object == nullptr) return value;
    const ResolvedRef* ref = nullptr;
    if (object->contains("$ref")) {
      if (auto found = refs_by_place_.find(at); found != refs_by_place_.end()) {
        ref = found->second;
      }
    }
    if (ref != nullptr && ref->target != nullptr &&
        (ref->target != &doc_.root() || !ref->allowed) && inlined(*ref)) {
      return inline_target(at, *object, *ref);
    }
    const auto* id = object->if_contains("$id");
    const bool sets_base = id != nullptr && id->is_string();
    if (sets_base) schema_resources_.push_back(at);
    json::object out;
    out.reserve(object->size());
    for (const auto& member : *object) {
      if (ref != nullptr && member.key() == "$ref") {
        const bool keep = (ref->target == &doc_.root() && at.source == 0) ||
                          inside_enclosing_schema_resource(*ref) || refers_by_absolute_id(*ref);
        if (!keep && !schema_resources_.empty()) report_ref_under_schema_id(*ref);
        out.emplace(
            member.key(),
            keep ? member.value() : json::value(ref_to({index_of(ref->target), ref->target_loc})));
        continue;
      }
      at.loc.emplace_back(std::string(member.key()));
      const std::string key = security_requirement_key(at, member);
      out.emplace(key, copy(at, member.value()));
      at.loc.pop_back();
    }
    if (sets_base) schema_resources_.pop_back();
    return out;
  }

  // A 3.2 Security Requirement key that is a URI reference to a scheme (the loader records it
  // as a reference held at the key's place, `at`) names, in the bundle, the components entry
  // of its target; the root's own keys to the root stay as written.
  std::string security_requirement_key(const Place& at, const json::key_value_pair& member) const {
    const auto found = refs_by_place_.find(at);
    if (found == refs_by_place_.end() || !member.value().is_array()) return member.key();
    const ResolvedRef& ref = *found->second;
    if (ref.expected != "SecurityScheme" || ref.target == nullptr ||
        (ref.target == &doc_.root() && at.source == 0)) {
      return member.key();
    }
    const std::string local = ref_to({index_of(ref.target), ref.target_loc});
    constexpr std::string_view schemes = "#/components/securitySchemes/";
    const std::string_view name =
        std::string_view(local).substr(local.starts_with(schemes) ? schemes.size() : local.size());
    return !name.empty() && is_component_name(name) ? std::string(name) : local;
  }

  // A schema with `$id` is copied whole, so a ref in it that reaches into it still does as
  // written.
  bool inside_enclosing_schema_resource(const ResolvedRef& ref) const {
    if (schema_resources_.empty()) return false;
    const Place& resource = schema_resources_.back();
    return index_of(ref.target) == resource.source &&
           ref.target_loc.size() >= resource.loc.size() &&
           std::equal(resource.loc.begin(), resource.loc.end(), ref.target_loc.begin());
  }

  // A ref to a schema by its absolute `$id`, inside a schema whose `$id` is absolute: both
  // `$id`s are copied as written, so it resolves as written in the bundle too (OpenAPI 3.2.0
  // Appendix F.1's `$ref: bar`).
  bool refers_by_absolute_id(const ResolvedRef& ref) const {
    if (schema_resources_.empty() || ref.ref.starts_with('#')) return false;
    const auto absolute_id = [](const json::value* schema) {
      const auto* object = schema != nullptr ? schema->if_object() : nullptr;
      const auto* id = object != nullptr ? object->if_contains("$id") : nullptr;
      return id != nullptr && id->is_string() && boost::urls::parse_uri(id->get_string());
    };
    const Place& resource = schema_resources_.back();
    return absolute_id(doc_.sources()[resource.source]->find(resource.loc)) &&
           absolute_id(ref.target->find(ref.target_loc));
  }

  // Any other ref inside a schema with `$id` resolves against that `$id`, not the bundled
  // document, so a local ref would reach nothing: refuse rather than write a broken bundle.
  void report_ref_under_schema_id(const ResolvedRef& ref) {
    errors_.push_back(Document::diagnostic(
        *ref.from, ref.loc, Severity::error, "bundle-ref-under-schema-id",
        "Cannot bundle $ref '" + ref.ref +
            "': it is inside a schema with \"$id\", against which a local ref to the bundled "
            "copy would resolve; refer to the target by its \"$id\" or move the \"$id\""));
  }

  // The target copied in place of the ref; members written beside `$ref` that the target
  // lacks are kept.
  json::value inline_target(Place& at, const json::object& ref_object, const ResolvedRef& ref) {
    Place target{index_of(ref.target), ref.target_loc};
    if (std::find(inlining_.begin(), inlining_.end(), target) != inlining_.end()) {
      errors_.push_back(Document::diagnostic(
          *ref.from, ref.loc, Severity::error, "bundle-inline-cycle",
          "Cannot bundle $ref '" + ref.ref + "': it must be written in place (" +
              (ref.allowed ? std::string("OpenAPI 3.0 has no components.pathItems")
                           : std::string("OpenAPI allows no $ref there")) +
              "), but these targets refer to each other in a cycle; break the cycle"));
      return json::object();
    }
    inlining_.push_back(target);
    json::value out = copy(target, *ref.target->find(ref.target_loc));
    inlining_.pop_back();
    if (auto* members = out.if_object()) {
      for (const auto& member : ref_object) {
        if (member.key() == "$ref" || members->contains(member.key())) continue;
        at.loc.emplace_back(std::string(member.key()));
        members->emplace(member.key(), copy(at, member.value()));
        at.loc.pop_back();
      }
    }
    return out;
  }

  const Document& doc_;
  std::map<Place, const ResolvedRef*> refs_by_place_;  // by the object holding `$ref`
  std::map<Place, std::size_t> entry_by_target_;       // index into entries_
  std::vector<Entry> entries_;
  std::map<std::string, std::set<std::string>, std::less<>> taken_names_;  // by kind
  std::map<const Source*, std::size_t> source_indices_;
  std::vector<Place> inlining_;          // the Path Items being copied in, to stop at a cycle
  std::vector<Place> schema_resources_;  // the schemas with `$id` enclosing what is copied
  Diagnostics errors_;
};

}  // namespace

Result<json::value, Diagnostics> bundle(const Document& doc, const BundleOptions& /*options*/) {
  Bundler bundler(doc);
  return bundler.run();
}

}  // namespace oaskit
