// load(): reads the root file into the models, then follows every `$ref` in a model position,
// reading the files they name and checking that each target is the model its place wants.
// Each (file, place, model) target is read once, so reference cycles end.

#include <algorithm>
#include <boost/json.hpp>
#include <boost/url.hpp>
#include <deque>
#include <map>
#include <set>
#include <string>
#include <system_error>
#include <tuple>
#include <utility>

#include "http/fetch.hpp"
#include "json/model_list.hpp"
#include "json_pointer.hpp"
#include "model_walk.hpp"
#include "oaskit/document.hpp"
#include "oaskit/json.hpp"
#include "parts.hpp"
#include "util/file.hpp"

namespace oaskit {

namespace fs = std::filesystem;

namespace detail {

namespace {

// Percent-encodes what may not appear in a URI reference, so that refs written with spaces,
// braces or non-ASCII characters (common in JSON-pointer fragments) still parse.
std::string encode_uri_reference(std::string_view text) {
  static constexpr std::string_view allowed =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~:/?#[]@!$&'()*+,;=%";
  return percent_encode(text, allowed);
}

std::optional<std::string> resolve_reference(std::string_view base, std::string_view reference) {
  const auto base_url = boost::urls::parse_uri(base);
  if (!base_url) return std::nullopt;
  const std::string encoded = encode_uri_reference(reference);
  const auto ref_url = boost::urls::parse_uri_reference(encoded);
  if (!ref_url) return std::nullopt;
  boost::urls::url out;
  if (!boost::urls::resolve(*base_url, *ref_url, out)) return std::nullopt;
  return std::string(out.buffer());
}

}  // namespace

std::string resolve_uri(std::string_view base, std::string_view id) {
  return resolve_reference(base, id).value_or(std::string(base));
}

}  // namespace detail

/// The loader's state, shared by the steps below.
class DocumentLoader {
 public:
  DocumentLoader(const LoadOptions& options, fs::path root_folder)
      : options_(options), root_folder_(std::move(root_folder)) {}

  /// Loads the document whose root is `root`, read from the file `root_file_uri` names.
  Result<Document, Diagnostics> run(std::unique_ptr<Source> root, const std::string& root_file_uri);

  /// Reads `value` (at `loc` in `source`) as `V`; on success walks it for more refs.
  template <class V>
  void read_target(const Source& source, const Path& loc);

 private:
  struct Pending {
    const Source* from;
    detail::FoundRef ref;
  };
  struct Resolution {
    const Source* source = nullptr;
    Path loc;
    std::string problem;
  };

  void add_found(const Source& source, detail::ModelWalker& walker);
  void add_identifiers(const Source& source, detail::ModelWalker& walker);
  void adopt_self(Source& source);
  void index_identifiers(const Source& source);
  bool read_given_documents(Diagnostics& errors);
  void resolve_extension_refs();
  void scan_extension(const Source& source, Path& at, const boost::json::value& value);
  void resolve_next(Pending pending);
  Resolution resolve(const Pending& pending);
  Resolution locate_fragment(const Source& source, Path resource, std::string_view document_uri,
                             std::string_view fragment);
  const Source* source_for(const std::string& uri, std::string& problem);
  const Source* read_file_source(const std::string& uri, std::string& problem);
  const Source* read_remote_source(const std::string& uri, std::string& problem);
  const Source* add_source(Result<std::unique_ptr<Source>, Diagnostics> read,
                           const std::string& uri, std::string& problem);
  std::string display_name(const fs::path& file) const;
  template <class V>
  std::optional<V> parse_substituting(const Source& source, const Path& loc, Diagnostics& errors);
  void report_not_allowed(const Source& source, const Path& loc, const std::string& ref,
                          const std::string& where) {
    report(source, loc, "ref-not-allowed",
           "OpenAPI allows no $ref " + where + "; oaskit reads what '" + ref +
               "' points at, as Redocly-style tools do, but other tools will not: write it "
               "here, or let `oaskit bundle` write it here");
  }
  static std::string article(std::string_view noun) {
    return std::string_view("AEIOU").find(noun.front()) != std::string_view::npos ? "an" : "a";
  }
  void report(const Source& source, const Path& loc, std::string rule, std::string message) {
    doc_.problems_.push_back(
        Document::diagnostic(source, loc, Severity::error, std::move(rule), std::move(message)));
  }

  const LoadOptions& options_;
  fs::path root_folder_;
  std::string root_display_folder_;
  Document doc_;
  std::map<std::string, const Source*, std::less<>> by_uri_;
  std::map<std::string, std::string, std::less<>> failed_uris_;  // uri -> why
  std::map<std::string, std::pair<const Source*, Path>, std::less<>> identifiers_;
  std::set<std::tuple<const Source*, std::string, std::string_view>> targets_read_;
  std::set<std::pair<const Source*, std::string>> refs_seen_;
  std::deque<Pending> queue_;
  std::vector<Pending> deferred_;  // unresolved on first try: retried once all ids are known
  bool retrying_ = false;
};

namespace detail {

/// What read_target<V> needs: the loader, and where the target is.
struct RefTargetReader {
  DocumentLoader& loader;
  const Source& source;
  Path loc;
};

template <class V>
void read_target(RefTargetReader& reader) {
  reader.loader.read_target<V>(reader.source, reader.loc);
}

}  // namespace detail

namespace {

// A Diagnostic for each error of reading part of `source` (at `base`) as a model; the errors'
// paths are relative to `base`. YAML scalars that only the quotes would have made strings get
// a hint.
Diagnostics model_errors(const Source& source, const Path& base, const Errors& errors) {
  Diagnostics out;
  for (const Error& e : errors) {
    Path loc = base;
    loc.insert(loc.end(), e.loc.begin(), e.loc.end());
    std::string msg = e.msg;
    if (e.type == "string_type") msg += source.quoting_hint(loc);
    out.push_back(Document::diagnostic(source, loc, Severity::error, e.type, std::move(msg)));
  }
  return out;
}

Diagnostics cannot_read(const fs::path& path, const std::string& why) {
  return {{Severity::error,
           "io",
           "cannot read '" + path.string() + "': " + why,
           path.string(),
           {},
           std::nullopt}};
}

std::optional<std::string> file_uri(const fs::path& absolute) {
  boost::urls::url url;
  url.set_scheme("file");
  url.set_encoded_host("");
  url.set_path(absolute.generic_string());
  return std::string(url.buffer());
}

bool is_within(const fs::path& file, const fs::path& folder) {
  const auto relative = file.lexically_relative(folder);
  return !relative.empty() && *relative.begin() != "..";
}

}  // namespace

template <class V>
void DocumentLoader::read_target(const Source& source, const Path& loc) {
  if (source.find(loc) == nullptr) return;
  // A place in the root model that holds a V was read, checked and walked with the root.
  if (&source == &doc_.root() && detail::model_at<V>(*doc_.model_, loc) != nullptr) return;
  Diagnostics errors;
  auto parsed = parse_substituting<V>(source, loc, errors);
  if (!parsed) {
    doc_.problems_.insert(doc_.problems_.end(), errors.begin(), errors.end());
    return;
  }
  detail::ModelWalker walker(loc, source.base_uri());
  walker.security_requirement_uris = doc_.version_ >= SpecVersion::v3_2;
  walker.walk(*parsed);
  add_found(source, walker);
  doc_.parts_->add(source, loc, std::move(*parsed));
}

namespace {

bool contains_ref(const boost::json::value& value) {
  if (const auto* object = value.if_object()) {
    if (object->contains("$ref")) return true;
    return std::any_of(object->begin(), object->end(),
                       [](const auto& member) { return contains_ref(member.value()); });
  }
  if (const auto* array = value.if_array()) {
    return std::any_of(array->begin(), array->end(), contains_ref);
  }
  return false;
}

boost::json::value* find_mutable(boost::json::value& root, const Path& path) {
  return const_cast<boost::json::value*>(detail::find_at(root, path));
}

}  // namespace

// Reads the value at `loc` as `V`. A `{"$ref": ...}` object where the model wants a string,
// number, boolean or array (a Redocly-style `description: {$ref: ...}`) is replaced by what
// it points at, when that holds no further refs, and reported; then the value is read again.
template <class V>
std::optional<V> DocumentLoader::parse_substituting(const Source& source, const Path& loc,
                                                    Diagnostics& errors) {
  const boost::json::value& original = *source.find(loc);
  std::optional<boost::json::value> patched;  // a copy, once something had to be replaced
  constexpr int max_rounds = 4;               // substituted values hold no refs: one suffices
  Errors last_errors;
  for (int round = 0; round < max_rounds; ++round) {
    auto parsed = from_value<V>(patched ? *patched : original, doc_.version_);
    if (parsed) return std::move(*parsed);
    last_errors = parsed.errors();
    bool replaced = false;
    for (const Error& e : parsed.errors()) {
      if (!e.type.ends_with("_type")) continue;
      // The `{"$ref": ...}` object itself where a value was wanted, or, where a map was
      // wanted (`properties: {$ref: ...}`), its `$ref` member read as an entry.
      Path place = e.loc;
      if (!place.empty() && place.back() == PathElement("$ref")) place.pop_back();
      const auto* at = detail::find_at(patched ? *patched : original, place);
      const auto* object = at != nullptr ? at->if_object() : nullptr;
      const auto* ref = object != nullptr ? object->if_contains("$ref") : nullptr;
      if (ref == nullptr || !ref->is_string()) continue;
      Path full = loc;
      full.insert(full.end(), place.begin(), place.end());
      const std::string written(ref->get_string());
      Pending pending{&source, {full, written, source.base_uri(), "value", nullptr, false}};
      Resolution resolution = resolve(pending);
      refs_seen_.emplace(&source, to_json_pointer(full));
      doc_.refs_.push_back(
          {&source, full, written, "value", resolution.source, resolution.loc, false});
      if (resolution.source == nullptr) {
        report(source, full, "ref-unresolved",
               "Cannot resolve $ref '" + written + "': " + resolution.problem);
        continue;
      }
      const auto* target = resolution.source->find(resolution.loc);
      if (contains_ref(*target)) continue;  // its refs would resolve against the wrong file
      if (!patched) patched = original;
      *find_mutable(*patched, place) = *target;
      report_not_allowed(source, full, written, "where a value is expected");
      replaced = true;
    }
    if (!replaced) {
      errors = model_errors(source, loc, parsed.errors());
      return std::nullopt;
    }
  }
  errors = model_errors(source, loc, last_errors);
  return std::nullopt;
}

void DocumentLoader::add_identifiers(const Source& source, detail::ModelWalker& walker) {
  for (auto& id : walker.identifiers) identifiers_.try_emplace(id.uri, &source, id.loc);
}

void DocumentLoader::add_found(const Source& source, detail::ModelWalker& walker) {
  add_identifiers(source, walker);
  for (auto& ref : walker.refs) {
    if (!refs_seen_.emplace(&source, to_json_pointer(ref.loc)).second) continue;
    queue_.push_back({&source, std::move(ref)});
  }
}

std::string DocumentLoader::display_name(const fs::path& file) const {
  const auto relative = file.lexically_relative(root_folder_);
  if (relative.empty() || *relative.begin() == "..") return file.string();
  return (fs::path(root_display_folder_) / relative).lexically_normal().string();
}

const Source* DocumentLoader::add_source(Result<std::unique_ptr<Source>, Diagnostics> read,
                                         const std::string& uri, std::string& problem) {
  if (!read) {
    for (const auto& d : read.errors()) doc_.problems_.push_back(d);
    problem = "the file it names has errors (reported at their place)";
    failed_uris_.emplace(uri, problem);
    return nullptr;
  }
  Source* source = read->get();
  doc_.sources_.push_back(std::move(*read));
  by_uri_.emplace(uri, source);
  adopt_self(*source);
  index_identifiers(*source);
  return source;
}

// §4.1.2.1: "each document in an OAD MUST be fully parsed in order to locate possible
// reference targets". Another OpenAPI document's schemas can be reached by their `$id`s before
// any reference has led into them, so its identifiers are collected up front (its references
// are followed only from the parts that are referred to, and errors are reported there).
void DocumentLoader::index_identifiers(const Source& source) {
  const auto* object = source.value().if_object();
  const auto* openapi = object != nullptr ? object->if_contains("openapi") : nullptr;
  if (openapi == nullptr || !openapi->is_string()) return;
  const auto version = spec_version_of(openapi->get_string());
  if (!version || *version < SpecVersion::v3_1) return;  // 3.0 schemas have no `$id`
  auto model = from_value<OpenAPI>(source.value(), *version);
  if (!model) return;
  detail::ModelWalker walker({}, source.base_uri());
  walker.walk(*model);
  add_identifiers(source, walker);
}

// OpenAPI 3.2.0 §4.1.1 and §4.1.2.2.1: a document's `$self`, resolved against its retrieval
// URI, is the base URI of its relative references and a URI that references reach it by.
// Earlier versions have no `$self` (the version lint reports one).
void DocumentLoader::adopt_self(Source& source) {
  const auto* object = source.value().if_object();
  const auto* openapi = object != nullptr ? object->if_contains("openapi") : nullptr;
  const auto* self = object != nullptr ? object->if_contains("$self") : nullptr;
  if (openapi == nullptr || !openapi->is_string() || self == nullptr || !self->is_string()) return;
  const auto version = spec_version_of(openapi->get_string());
  if (!version || *version < SpecVersion::v3_2) return;
  const std::string written(self->get_string());
  const auto reference = boost::urls::parse_uri_reference(written);
  if (!reference || reference->has_fragment()) {
    report(source, {"$self"}, "self-uri",
           "'$self' must be a URI reference without a fragment (RFC 3986 §4.1), not '" + written +
               "'; references in this document resolve against " + source.uri() + " instead");
    return;
  }
  auto resolved = detail::resolve_reference(source.uri(), written);
  if (!resolved) return;  // a valid reference against an absolute URI always resolves
  const auto [known, added] = by_uri_.emplace(*resolved, &source);
  if (!added && known->second != &source) {
    report(source, {"$self"}, "self-uri",
           "'$self' resolves to " + *resolved + ", which already names " + known->second->name() +
               "; each document of an API description needs a URI of its own");
    return;
  }
  source.base_uri_ = std::move(*resolved);
}

// LoadOptions::documents: read before any reference is followed, so that a reference can
// reach one by its `$self` (§4.1.2.1: no reference is unresolvable before every document
// given is parsed). False (with `errors`) when one cannot be read.
bool DocumentLoader::read_given_documents(Diagnostics& errors) {
  for (const auto& given : options_.documents) {
    auto text = detail::read_file(given.file);
    if (!text) {
      auto error = cannot_read(given.file, text.errors().message);
      errors.insert(errors.end(), error.begin(), error.end());
      continue;
    }
    std::error_code ec;
    const fs::path absolute = fs::weakly_canonical(fs::absolute(given.file, ec), ec);
    const std::string file = *file_uri(absolute);
    const std::string& uri = given.uri.empty() ? file : given.uri;
    if (by_uri_.contains(uri)) continue;  // given twice, or the root itself
    auto read = read_source(display_name(absolute), uri, std::move(*text));
    if (!read) {
      errors.insert(errors.end(), read.errors().begin(), read.errors().end());
      continue;
    }
    std::string problem;
    const Source* source = add_source(std::move(read), uri, problem);
    by_uri_.emplace(file, source);
  }
  return errors.empty();
}

const Source* DocumentLoader::read_file_source(const std::string& uri, std::string& problem) {
  const auto url = boost::urls::parse_uri(uri);
  fs::path file = std::string(url->path());
  std::error_code ec;
  const fs::path canonical = fs::weakly_canonical(file, ec);
  if (!ec) file = canonical;
  if (!options_.allow_outside_root && !is_within(file, root_folder_)) {
    problem = "'" + file.string() + "' is outside the root document's folder '" +
              root_folder_.string() +
              "'; references may not leave it unless allowed (--allow-outside-root)";
    return nullptr;
  }
  auto text = detail::read_file(file);
  if (!text) {
    problem = "cannot read '" + display_name(file) + "': " + text.errors().message;
    return nullptr;
  }
  return add_source(read_source(display_name(file), uri, std::move(*text)), uri, problem);
}

const Source* DocumentLoader::read_remote_source(const std::string& uri, std::string& problem) {
  if (!options_.allow_remote_refs) {
    problem = "remote references are not followed unless allowed (--allow-remote-refs)";
    return nullptr;
  }
  auto fetched = detail::fetch(
      uri, {.timeout = options_.remote_timeout, .max_bytes = options_.max_remote_bytes});
  if (!fetched) {
    problem = "fetching it failed: " + fetched.errors().message;
    return nullptr;
  }
  return add_source(read_source(uri, uri, std::move(*fetched)), uri, problem);
}

const Source* DocumentLoader::source_for(const std::string& uri, std::string& problem) {
  if (auto found = by_uri_.find(uri); found != by_uri_.end()) return found->second;
  if (auto failed = failed_uris_.find(uri); failed != failed_uris_.end()) {
    problem = failed->second;
    return nullptr;
  }
  const auto url = boost::urls::parse_uri(uri);
  const Source* source = nullptr;
  if (!url) {
    problem = "not a valid URI";
  } else if (url->scheme_id() == boost::urls::scheme::file) {
    source = read_file_source(uri, problem);
  } else if (url->scheme_id() == boost::urls::scheme::http ||
             url->scheme_id() == boost::urls::scheme::https) {
    source = read_remote_source(uri, problem);
  } else {
    problem = "the URI scheme '" + std::string(url->scheme()) + "' is not supported";
  }
  if (source == nullptr) failed_uris_.emplace(uri, problem);
  return source;
}

DocumentLoader::Resolution DocumentLoader::locate_fragment(const Source& source, Path resource,
                                                           std::string_view document_uri,
                                                           std::string_view fragment) {
  Resolution out;
  auto decoded = detail::percent_decode(fragment);
  if (!decoded) {
    out.problem = "the fragment '#" + std::string(fragment) + "' has a malformed %-escape";
    return out;
  }
  if (decoded->empty() || decoded->front() == '/') {
    const auto* base = source.find(resource);
    auto target = detail::follow_pointer(*base, *decoded);
    if (!target.value) {
      out.problem = target.problem + " of " + source.name();
      return out;
    }
    out.source = &source;
    out.loc = std::move(resource);
    out.loc.insert(out.loc.end(), target.path.begin(), target.path.end());
    return out;
  }
  // A plain name: a schema's $anchor.
  const auto anchor = identifiers_.find(std::string(document_uri) + '#' + *decoded);
  if (anchor == identifiers_.end()) {
    out.problem = "no schema in " + source.name() + R"( has "$anchor": ")" + *decoded + '"';
    return out;
  }
  out.source = anchor->second.first;
  out.loc = anchor->second.second;
  return out;
}

DocumentLoader::Resolution DocumentLoader::resolve(const Pending& pending) {
  const std::string& ref = pending.ref.ref;
  const std::size_t hash = ref.find('#');
  const std::string_view document_part = std::string_view(ref).substr(0, hash);
  const std::string_view fragment =
      hash == std::string::npos ? std::string_view{} : std::string_view(ref).substr(hash + 1);
  std::string absolute = pending.ref.base;
  if (!document_part.empty()) {
    auto resolved = detail::resolve_reference(pending.ref.base, document_part);
    if (!resolved) return {nullptr, {}, "'" + ref + "' is not a valid URI reference"};
    absolute = std::move(*resolved);
  }
  absolute = absolute.substr(0, absolute.find('#'));
  // A schema resource named by its $id, else a file or URL.
  if (auto id = identifiers_.find(absolute); id != identifiers_.end()) {
    return locate_fragment(*id->second.first, id->second.second, absolute, fragment);
  }
  std::string problem;
  const Source* source = source_for(absolute, problem);
  if (source == nullptr) {
    const Source& from = *pending.from;
    if (from.base_uri() != from.uri() && pending.ref.base == from.base_uri()) {
      problem += " (it resolves against the document's $self, " + from.base_uri() + ", to " +
                 absolute + ": give the file published there with its URI, " +
                 "`--document FILE=URI`)";
    }
    return {nullptr, {}, std::move(problem)};
  }
  return locate_fragment(*source, {}, absolute, fragment);
}

void DocumentLoader::resolve_next(Pending pending) {
  Resolution resolution = resolve(pending);
  ResolvedRef resolved{pending.from,      pending.ref.loc, pending.ref.ref,    pending.ref.expected,
                       resolution.source, resolution.loc,  pending.ref.allowed};
  if (!pending.ref.allowed && (resolution.source != nullptr || retrying_)) {
    report_not_allowed(
        *pending.from, pending.ref.loc, pending.ref.ref,
        "in " + article(pending.ref.expected) + " " + std::string(pending.ref.expected));
  }
  if (resolution.source == nullptr) {
    if (!retrying_) {
      deferred_.push_back(std::move(pending));
      return;
    }
    report(*pending.from, pending.ref.loc, "ref-unresolved",
           "Cannot resolve $ref '" + pending.ref.ref + "': " + resolution.problem);
  } else if (targets_read_
                 .emplace(resolution.source, to_json_pointer(resolution.loc), pending.ref.expected)
                 .second) {
    detail::RefTargetReader reader{*this, *resolution.source, resolution.loc};
    pending.ref.read_target(reader);
  }
  doc_.refs_.push_back(std::move(resolved));
}

// `$ref`s in any-valued data: inside specification extensions (`x-codeSamples: [{$ref: ...}]`,
// as Redocly writes them) they are the extension's business, elsewhere (`example: {$ref:
// ...}`) OpenAPI reads them as data. Those that resolve are recorded (and reported outside
// extensions), so that `bundle` writes their targets in place and a bundle needs no other
// file; the rest are data.
void DocumentLoader::resolve_extension_refs() {
  std::vector<std::pair<const Source*, Path>> read_places{{&doc_.root(), {}}};
  for (const auto& [source, pointer, expected] : targets_read_) {
    const auto* value = source->find({});
    auto target = detail::follow_pointer(*value, pointer);
    if (target.value != nullptr) read_places.emplace_back(source, std::move(target.path));
  }
  for (auto& [source, loc] : read_places) {
    if (const auto* value = source->find(loc)) scan_extension(*source, loc, *value);
  }
}

void DocumentLoader::scan_extension(const Source& source, Path& at,
                                    const boost::json::value& value) {
  if (const auto* array = value.if_array()) {
    for (std::size_t i = 0; i < array->size(); ++i) {
      at.emplace_back(i);
      scan_extension(source, at, (*array)[i]);
      at.pop_back();
    }
    return;
  }
  const auto* object = value.if_object();
  if (object == nullptr) return;
  const bool inside_extension = std::any_of(at.begin(), at.end(), [](const PathElement& step) {
    const auto* name = std::get_if<std::string>(&step);
    return name != nullptr && name->starts_with("x-");
  });
  const auto* ref = object->if_contains("$ref");
  if (ref != nullptr && ref->is_string() &&
      refs_seen_.emplace(&source, to_json_pointer(at)).second) {
    const std::string written(ref->get_string());
    Pending pending{&source, {at, written, source.base_uri(), "value", nullptr, false}};
    Resolution resolution = resolve(pending);
    if (resolution.source != nullptr) {
      doc_.refs_.push_back(
          {&source, at, written, "value", resolution.source, resolution.loc, false});
      if (!inside_extension) report_not_allowed(source, at, written, "in example or other data");
    }
    return;
  }
  for (const auto& member : *object) {
    at.emplace_back(std::string(member.key()));
    scan_extension(source, at, member.value());
    at.pop_back();
  }
}

namespace {

// "3.0.x, 3.1.x and 3.2.x": the versions oaskit reads, for messages.
std::string supported_versions() {
  std::string out;
  for (std::size_t i = 0; i < spec_versions.size(); ++i) {
    if (i > 0) out += i + 1 == spec_versions.size() ? " and " : ", ";
    out += to_string(spec_versions[i]);
    out += ".x";
  }
  return out;
}

// The version the `openapi` field declares; the diagnostics when oaskit does not read it. A
// missing or mistyped field is the model's to report: then the latest version, so that the
// model's errors come out.
std::optional<SpecVersion> check_version(const Source& root, Diagnostics& out) {
  const auto* object = root.value().if_object();
  if (object == nullptr) {
    out.push_back(Document::diagnostic(root, {}, Severity::error, "model_type",
                                       "An OpenAPI document must be an object"));
    return std::nullopt;
  }
  if (object->contains("swagger")) {
    out.push_back(Document::diagnostic(
        root, {"swagger"}, Severity::error, "unsupported_version",
        "This is a Swagger 2.0 document; oaskit reads OpenAPI " + supported_versions() +
            ". Convert it first (for example with swagger2openapi)"));
    return std::nullopt;
  }
  const auto* version = object->if_contains("openapi");
  if (version == nullptr || !version->is_string()) return spec_versions.back();
  const std::string_view text = version->get_string();
  if (auto known = spec_version_of(text)) return known;
  out.push_back(Document::diagnostic(root, {"openapi"}, Severity::error, "unsupported_version",
                                     "OpenAPI version '" + std::string(text) +
                                         "' is not supported: oaskit reads " +
                                         supported_versions()));
  return std::nullopt;
}

}  // namespace

Result<Document, Diagnostics> DocumentLoader::run(std::unique_ptr<Source> root,
                                                  const std::string& root_file_uri) {
  Source& source = *root;
  root_display_folder_ = fs::path(source.name()).parent_path().string();
  by_uri_.emplace(source.uri(), &source);
  by_uri_.emplace(root_file_uri, &source);
  doc_.sources_.push_back(std::move(root));

  Diagnostics errors;
  auto version = check_version(source, errors);
  if (!version) return errors;
  doc_.version_ = *version;
  adopt_self(source);
  if (!read_given_documents(errors)) return errors;
  auto model = parse_substituting<OpenAPI>(source, {}, errors);
  if (!model) {
    errors.insert(errors.begin(), doc_.problems_.begin(), doc_.problems_.end());
    return errors;
  }
  *doc_.model_ = std::move(*model);

  detail::ModelWalker walker({}, source.base_uri());
  walker.security_requirement_uris = doc_.version_ >= SpecVersion::v3_2;
  walker.walk(*doc_.model_);
  add_found(source, walker);
  while (true) {
    while (!queue_.empty()) {
      Pending next = std::move(queue_.front());
      queue_.pop_front();
      resolve_next(std::move(next));
    }
    if (deferred_.empty()) break;
    retrying_ = true;
    for (auto& pending : std::exchange(deferred_, {})) queue_.push_back(std::move(pending));
  }
  resolve_extension_refs();
  for (std::size_t i = 0; i < doc_.refs_.size(); ++i) {
    const auto& ref = doc_.refs_[i];
    doc_.refs_by_place_.try_emplace({ref.from, to_json_pointer(ref.loc)}, i);
  }
  return std::move(doc_);
}

namespace {

// The root `text`, read from `file` (absolute) and named `name`: its URI is options.root_uri
// when given, else the file's.
Result<Document, Diagnostics> load_root(std::string name, std::string text, const fs::path& file,
                                        const LoadOptions& options) {
  const std::string file_uri_text = *file_uri(file);
  if (!options.root_uri.empty() && !boost::urls::parse_uri(options.root_uri)) {
    return Diagnostics{{Severity::error,
                        "root-uri",
                        "the root's URI must be an absolute URI, not '" + options.root_uri + "'",
                        name,
                        {},
                        std::nullopt}};
  }
  auto source =
      read_source(std::move(name), options.root_uri.empty() ? file_uri_text : options.root_uri,
                  std::move(text));
  if (!source) return source.errors();
  DocumentLoader loader(options, file.parent_path());
  return loader.run(std::move(*source), file_uri_text);
}

}  // namespace

Result<Document, Diagnostics> load_text(std::string name, std::string text,
                                        const fs::path& base_folder, const LoadOptions& options) {
  std::error_code ec;
  const fs::path folder = fs::weakly_canonical(fs::absolute(base_folder, ec), ec);
  const fs::path file = folder / fs::path(name).filename();
  return load_root(std::move(name), std::move(text), file, options);
}

Result<Document, Diagnostics> load(const fs::path& path, const LoadOptions& options) {
  auto text = detail::read_file(path);
  if (!text) return cannot_read(path, text.errors().message);
  std::error_code ec;
  const fs::path absolute = fs::weakly_canonical(fs::absolute(path, ec), ec);
  return load_root(path.string(), std::move(*text), absolute, options);
}

}  // namespace oaskit
