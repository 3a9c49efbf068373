// Compiling a schema: find every resource ($id), anchor and dialect first, then turn each
// schema object reached from the root into a Node, following references (into remote
// documents, the built-in meta-schemas and mapped folders too), and refuse references that go
// round without reading the value.

#include <boost/json.hpp>
#include <boost/url/parse.hpp>
#include <boost/url/url.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "document/json_pointer.hpp"
#include "oaskit/diagnostic.hpp"
#include "oaskit/document.hpp"
#include "oaskit/json.hpp"
#include "oaskit/models.hpp"
#include "oaskit/schema.hpp"
#include "schema/metaschemas.hpp"
#include "schema/program.hpp"
#include "util/file.hpp"

namespace oaskit::schema {
namespace detail {
namespace {

namespace json = boost::json;

constexpr std::string_view default_base = "oaskit:/schema.json";
constexpr std::string_view uri_2020_12 = "https://json-schema.org/draft/2020-12/schema";
constexpr std::string_view uri_2019_09 = "https://json-schema.org/draft/2019-09/schema";

// Vocabularies a meta-schema may leave out ($vocabulary); keywords of one that is off are
// ignored.
enum Vocabulary : std::uint16_t {
  vocab_core = 1,
  vocab_applicator = 2,
  vocab_unevaluated = 4,
  vocab_validation = 8,
  vocab_format_assertion = 16,
  vocab_all = 0xFFFF & ~vocab_format_assertion,
};

struct Dialectal {
  Dialect dialect = Dialect::draft2020_12;
  std::uint16_t vocabularies = vocab_all;
};

// What scanning learned about one schema (object or boolean) in a document.
struct SchemaInfo {
  std::string base;                       // base URI, without fragment
  Resource* resource = nullptr;           // the resource it belongs to
  std::string pointer;                    // from its resource's root
  std::string document_pointer;           // from its document's root (for error locations)
  const std::string* document = nullptr;  // the document's URI
  Dialectal dialect;
};

Path path_of_pointer(std::string_view pointer) {
  Path path;
  std::size_t i = 0;
  while (i < pointer.size()) {
    const std::size_t next = pointer.find('/', i + 1);
    const std::string_view token = pointer.substr(
        i + 1, next == std::string_view::npos ? std::string_view::npos : next - i - 1);
    std::string name;
    for (std::size_t k = 0; k < token.size(); ++k) {
      if (token[k] == '~' && k + 1 < token.size()) {
        name += token[k + 1] == '1' ? '/' : '~';
        ++k;
      } else {
        name += token[k];
      }
    }
    path.emplace_back(std::move(name));
    if (next == std::string_view::npos) break;
    i = next;
  }
  return path;
}

// An absolute URI and its fragment (decoded), as a reference resolves against a base.
struct ResolvedUri {
  std::string uri;  // without fragment
  std::string fragment;
  bool has_fragment = false;
};

std::optional<ResolvedUri> resolve_uri(std::string_view base, std::string_view reference) {
  auto ref = boost::urls::parse_uri_reference(reference);
  if (!ref) return std::nullopt;
  boost::urls::url target;
  if (ref->has_scheme()) {
    target = *ref;
  } else {
    auto base_url = boost::urls::parse_uri(base);
    if (!base_url) return std::nullopt;
    if (!boost::urls::resolve(*base_url, *ref, target)) return std::nullopt;
  }
  ResolvedUri out;
  out.has_fragment = target.has_fragment();
  if (out.has_fragment) {
    out.fragment = std::string(target.fragment());
    target.remove_fragment();
  }
  out.uri = std::string(target.buffer());
  return out;
}

class Compiler {
 public:
  Compiler(const CompileOptions& options, std::shared_ptr<Program> program)
      : options_(options), program_(std::move(program)) {
    program_->max_depth = options.max_depth;
  }

  // Registers `root` (owned by the caller or by the program) as the document at `uri`.
  void add_document(const std::string& uri, const json::value& root, Dialectal dialect) {
    program_->by_uri[uri] = &root;
    const std::string& stored = program_->by_uri.find(uri)->first;
    scan(root, uri, nullptr, "", "", &stored, dialect, 0);
  }

  // The node for the schema at `value`, which add_document or a later scan has seen.
  const Node* node_for(const json::value& value, std::size_t depth) {
    if (auto found = nodes_.find(&value); found != nodes_.end()) return found->second;
    const auto info_it = info_.find(&value);
    if (info_it == info_.end()) return nullptr;  // not scanned: a bug, reported as an error
    const SchemaInfo& info = info_it->second;
    Node& node = program_->nodes.emplace_back();
    nodes_.emplace(&value, &node);
    node.location = info.resource->uri + "#" + info.pointer;
    node.resource = info.resource;
    resources_with_nodes_.insert(info.resource);
    if (depth > options_.max_depth) {
      error(info, "",
            "schemas nest deeper than " + std::to_string(options_.max_depth) +
                " levels (CompileOptions::max_depth)");
      node.constant = false;
      return &node;
    }
    if (info.resource->root == nullptr && info.pointer.empty()) info.resource->root = &node;
    if (value.is_bool()) {
      node.constant = value.get_bool();
      return &node;
    }
    if (!value.is_object()) {
      error(info, "",
            "a schema must be an object or a boolean, not " + std::string(describe_type(value)));
      node.constant = false;
      return &node;
    }
    fill(node, value.get_object(), info, depth);
    return &node;
  }

  // Compiles every dynamic anchor of every resource that has nodes, until no new one appears,
  // so that a $dynamicRef can jump to any of them at run time.
  void compile_dynamic_anchors() {
    bool added = true;
    while (added) {
      added = false;
      for (auto& [resource, anchors] : dynamic_anchor_values_) {
        for (auto& [name, value] : anchors) {
          if (resource->dynamic_anchors.contains(name)) continue;
          if (resource->root == nullptr && !resources_with_nodes_.contains(resource)) continue;
          resource->dynamic_anchors[name] = node_for(*value, 0);
          added = true;
        }
      }
    }
  }

  // Cycles of in-place applicators ($ref, allOf, not, if, ...): validation would never end.
  // Visits only the nodes made since the last call: what was checked stays checked.
  void check_cycles() {
    std::vector<const Node*> stack;
    for (; checked_nodes_ < program_->nodes.size(); ++checked_nodes_) {
      visit(program_->nodes[checked_nodes_], cycle_state_, stack);
    }
  }

  [[nodiscard]] bool failed() const { return !errors_.empty(); }
  Errors take_errors() { return std::exchange(errors_, {}); }

 private:
  void visit(const Node& node, std::unordered_map<const Node*, int>& state,
             std::vector<const Node*>& stack) {
    int& s = state[&node];
    if (s == 2) return;
    if (s == 1) {
      auto start = std::find(stack.begin(), stack.end(), &node);
      // Named from a schema of the root document when the loop has one, so that the error
      // has a place there.
      const std::string root_prefix = root_uri_ + "#";
      const auto in_root = std::find_if(start, stack.end(), [&](const Node* n) {
        return n->location.compare(0, root_prefix.size(), root_prefix) == 0;
      });
      std::vector<const Node*> loop(start, stack.end());
      if (in_root != stack.end()) {
        std::rotate(loop.begin(), loop.begin() + (in_root - start), loop.end());
      }
      std::string cycle;
      for (const Node* n : loop) cycle += n->location + " → ";
      cycle += loop.front()->location;
      Error e;
      e.type = "ref_cycle";
      // Placed at the first schema of the loop when it is in the root document.
      const std::string_view first = loop.front()->location;
      if (const auto hash = first.find('#');
          hash != std::string_view::npos && first.substr(0, hash) == root_uri_) {
        e.loc = path_of_pointer(first.substr(hash + 1));
      }
      e.msg =
          "these schemas apply one another in place, without reading any of the value, so "
          "validating would never end: " +
          cycle;
      if (std::find_if(errors_.begin(), errors_.end(),
                       [&](const Error& x) { return x.type == "ref_cycle"; }) == errors_.end()) {
        errors_.push_back(std::move(e));
      }
      return;
    }
    s = 1;
    stack.push_back(&node);
    auto go = [&](const Node* child) {
      if (child != nullptr) visit(*child, state, stack);
    };
    for (const Keyword& keyword : node.keywords) {
      std::visit(
          [&](const auto& check) {
            using T = std::decay_t<decltype(check)>;
            if constexpr (std::is_same_v<T, Ref>) {
              go(check.target);
            } else if constexpr (std::is_same_v<T, DynamicRef>) {
              if (!check.dynamic && !check.recursive) go(check.target);
            } else if constexpr (std::is_same_v<T, Combine>) {
              for (const Node* n : check.schemas) go(n);
            } else if constexpr (std::is_same_v<T, Not>) {
              go(check.schema);
            } else if constexpr (std::is_same_v<T, IfThenElse>) {
              go(check.if_schema);
              go(check.then_schema);
              go(check.else_schema);
            } else if constexpr (std::is_same_v<T, DependentSchemas>) {
              for (const auto& [name, n] : check.schemas) go(n);
            }
          },
          keyword.check);
    }
    stack.pop_back();
    // Visiting may have grown the map: look the node up again.
    state[&node] = 2;
  }

  void error(const SchemaInfo& info, std::string_view keyword, std::string message) {
    std::string pointer = info.document_pointer;
    if (!keyword.empty()) append_json_pointer_token(pointer, keyword);
    Error e;
    e.loc = path_of_pointer(pointer);
    e.type = "schema_invalid";
    if (info.document != nullptr && *info.document != root_uri_) {
      e.msg = "in " + *info.document + "#" + pointer + ": " + message;
    } else {
      e.msg = std::move(message);
    }
    errors_.push_back(std::move(e));
  }

  // A keyword whose value the dialect does not allow: an error, or (CompileOptions::warnings)
  // a warning while the keyword is ignored.
  void keyword_error(const SchemaInfo& info, std::string_view keyword, std::string message) {
    if (options_.warnings == nullptr) return error(info, keyword, std::move(message));
    const std::size_t before = errors_.size();
    error(info, keyword, std::move(message) + "; the keyword is ignored");
    options_.warnings->push_back(std::move(errors_.back()));
    errors_.resize(before);
  }

  // --- scanning -----------------------------------------------------------------------------

  Dialectal dialect_of_metaschema(const std::string& uri, const SchemaInfo& at) {
    if (uri == uri_2020_12 || uri == std::string(uri_2020_12) + "#") return {};
    if (uri == uri_2019_09 || uri == std::string(uri_2019_09) + "#") {
      return {Dialect::draft2019_09, vocab_all};
    }
    // A custom meta-schema: its $vocabulary says which keywords count.
    const auto resolved = resolve_uri(at.base, uri);
    const json::value* meta = resolved ? load_document(resolved->uri) : nullptr;
    if (meta == nullptr || !meta->is_object()) {
      error(at, "$schema",
            "the meta-schema '" + uri +
                "' is not known: give its file with "
                "--map (CompileOptions::map)");
      return {};
    }
    Dialectal d;
    const auto& object = meta->get_object();
    if (const auto* s = object.if_contains("$schema");
        s != nullptr && s->is_string() && s->get_string() == uri_2019_09) {
      d.dialect = Dialect::draft2019_09;
    }
    if (const auto* v = object.if_contains("$vocabulary"); v != nullptr && v->is_object()) {
      d.vocabularies = 0;
      for (const auto& [name, required] : v->get_object()) {
        const std::string_view n = name;
        const auto slash = n.rfind('/');
        const std::string_view last = slash == std::string_view::npos ? n : n.substr(slash + 1);
        if (last == "core") {
          d.vocabularies |= vocab_core;
        } else if (last == "applicator") {
          d.vocabularies |= vocab_applicator;
        } else if (last == "unevaluated") {
          d.vocabularies |= vocab_unevaluated;
        } else if (last == "validation") {
          d.vocabularies |= vocab_validation;
        } else if (last == "format-assertion") {
          d.vocabularies |= vocab_format_assertion;
        } else if (last == "meta-data" || last == "content" || last == "format-annotation" ||
                   last == "format") {
          // Annotations only.
        } else if (required.is_bool() && required.get_bool()) {
          error(at, "$schema",
                "the meta-schema '" + uri + "' requires the vocabulary '" + std::string(n) +
                    "', which oaskit does not know");
        }
      }
      d.vocabularies |= vocab_core;
    }
    return d;
  }

  void scan(const json::value& value, std::string base, Resource* resource, std::string pointer,
            std::string document_pointer, const std::string* document, Dialectal dialect,
            std::size_t depth) {
    if (info_.contains(&value) || depth > options_.max_depth + 1) return;
    SchemaInfo info{std::move(base), resource, std::move(pointer), std::move(document_pointer),
                    document,        dialect};
    if (!value.is_object()) {
      if (resource == nullptr) info.resource = new_resource(info.base);
      info_.emplace(&value, std::move(info));
      return;
    }
    const auto& object = value.get_object();
    if (const auto* s = object.if_contains("$schema");
        s != nullptr && s->is_string() && dialect.dialect != Dialect::oas3_0) {
      info.dialect = dialect_of_metaschema(std::string(s->get_string()), info);
    }
    const bool has_ids = info.dialect.dialect != Dialect::oas3_0;
    if (const auto* id = object.if_contains("$id"); has_ids && id != nullptr && id->is_string()) {
      if (auto resolved = resolve_uri(info.base, id->get_string())) {
        info.base = resolved->uri;
        info.pointer.clear();
        info.resource = new_resource(info.base);
        program_->by_uri.emplace(info.base, &value);
      } else {
        error(info, "$id", "'" + std::string(id->get_string()) + "' is not a URI reference");
      }
    }
    if (info.resource == nullptr) info.resource = new_resource(info.base);
    Resource* res = info.resource;
    if (has_ids) {
      if (const auto* a = object.if_contains("$anchor"); a != nullptr && a->is_string()) {
        anchors_[res->uri + "#" + std::string(a->get_string())] = &value;
      }
      if (const auto* a = object.if_contains("$dynamicAnchor");
          a != nullptr && a->is_string() && info.dialect.dialect == Dialect::draft2020_12) {
        anchors_[res->uri + "#" + std::string(a->get_string())] = &value;
        dynamic_anchor_values_[res][std::string(a->get_string())] = &value;
      }
      if (const auto* a = object.if_contains("$recursiveAnchor");
          a != nullptr && a->is_bool() && a->get_bool() && info.pointer.empty()) {
        res->recursive_anchor = true;
      }
    }
    const SchemaInfo& stored = info_.emplace(&value, info).first->second;
    auto child = [&](const json::value& v, std::string_view keyword,
                     std::optional<std::string_view> sub) {
      std::string p;
      append_json_pointer_token(p, keyword);
      if (sub) append_json_pointer_token(p, *sub);
      scan(v, stored.base, stored.resource, stored.pointer + p, stored.document_pointer + p,
           document, stored.dialect, depth + 1);
    };
    for (const auto& [key, v] : object) {
      const std::string_view k = key;
      if (k == "additionalProperties" || k == "propertyNames" || k == "contains" || k == "not" ||
          k == "if" || k == "then" || k == "else" || k == "unevaluatedItems" ||
          k == "unevaluatedProperties" || k == "additionalItems" ||
          (k == "items" && !v.is_array())) {
        child(v, k, std::nullopt);
      } else if (k == "allOf" || k == "anyOf" || k == "oneOf" || k == "prefixItems" ||
                 (k == "items" && v.is_array())) {
        if (!v.is_array()) continue;
        for (std::size_t i = 0; i < v.get_array().size(); ++i) {
          const std::string index = std::to_string(i);
          child(v.get_array()[i], k, index);
        }
      } else if (k == "properties" || k == "patternProperties" || k == "$defs" ||
                 k == "definitions" || k == "dependentSchemas" || k == "dependencies") {
        if (!v.is_object()) continue;
        for (const auto& [name, sub] : v.get_object()) {
          if (k == "dependencies" && sub.is_array()) continue;
          child(sub, k, name);
        }
      }
    }
  }

  Resource* new_resource(const std::string& uri) {
    Resource& r = program_->resources.emplace_back();
    r.uri = uri;
    return &r;
  }

  // --- documents ------------------------------------------------------------------------------

  const json::value* load_document(const std::string& uri) {
    if (auto found = program_->by_uri.find(uri); found != program_->by_uri.end()) {
      return found->second;
    }
    const json::value* value = nullptr;
    if (const json::value* builtin = builtin_metaschema(uri)) {
      value = builtin;
    } else if (options_.resolve) {
      value = options_.resolve(uri);
    }
    if (value == nullptr) {
      for (const auto& [prefix, folder] : options_.map) {
        if (uri.compare(0, prefix.size(), prefix) != 0) continue;
        const std::filesystem::path file = folder / uri.substr(prefix.size());
        auto text = oaskit::detail::read_file(file);
        if (!text) {
          map_errors_.push_back(file.string() + ": " + text.errors().message);
          continue;
        }
        auto source = read_source(file.string(), uri, std::move(*text));
        if (!source) {
          map_errors_.push_back(source.errors().empty() ? file.string()
                                                        : to_string(source.errors().front()));
          continue;
        }
        value = &program_->documents.emplace_back((*source)->value());
        break;
      }
    }
    if (value == nullptr) return nullptr;
    add_document(uri, *value, {});
    return value;
  }

  // The schema a reference names, scanned; null (with an error) when there is none.
  const json::value* resolve_reference(const SchemaInfo& at, std::string_view keyword,
                                       std::string_view reference) {
    const auto resolved = resolve_uri(at.base, reference);
    if (!resolved) {
      error(at, keyword, "'" + std::string(reference) + "' is not a URI reference");
      return nullptr;
    }
    const json::value* root = load_document(resolved->uri);
    if (root == nullptr) {
      std::string message = "'" + std::string(reference) +
                            "' leads nowhere: no schema is known as '" + resolved->uri + "'";
      if (!map_errors_.empty())
        message += " (" + map_errors_.back() + ")";
      else
        message +=
            "; remote references are not fetched: give a local copy with --map URL=DIR "
            "(CompileOptions::map)";
      error(at, keyword, std::move(message));
      return nullptr;
    }
    if (!resolved->fragment.empty() && resolved->fragment.front() != '/') {
      const auto anchor = anchors_.find(resolved->uri + "#" + resolved->fragment);
      if (anchor == anchors_.end()) {
        error(at, keyword,
              "'" + std::string(reference) + "' leads nowhere: no $anchor '" + resolved->fragment +
                  "' in '" + resolved->uri + "'");
        return nullptr;
      }
      return anchor->second;
    }
    const auto target = oaskit::detail::follow_pointer(*root, resolved->fragment);
    if (target.value == nullptr) {
      error(at, keyword, "'" + std::string(reference) + "' leads nowhere: " + target.problem);
      return nullptr;
    }
    if (!info_.contains(target.value)) {
      // A reference into something scanning did not take for a schema (an unknown keyword's
      // value, an OpenAPI document's components): it is one now, with the base and resource
      // of its nearest scanned ancestor.
      const json::value* ancestor = root;
      const SchemaInfo* ancestor_info = &info_.at(root);
      std::string pointer;
      const json::value* walk = root;
      for (const auto& step : target.path) {
        if (const auto* name = std::get_if<std::string>(&step)) {
          walk = walk->is_object() ? walk->get_object().if_contains(*name) : nullptr;
          append_json_pointer_token(pointer, *name);
        } else {
          const auto index = std::get<std::size_t>(step);
          walk = walk->is_array() ? walk->get_array().if_contains(index) : nullptr;
          pointer += "/" + std::to_string(index);
        }
        if (walk == nullptr) break;
        if (auto it = info_.find(walk); it != info_.end()) {
          ancestor = walk;
          ancestor_info = &it->second;
          pointer.clear();
        }
      }
      (void)ancestor;
      const SchemaInfo copy = *ancestor_info;
      scan(*target.value, copy.base, copy.resource, copy.pointer + pointer,
           copy.document_pointer + pointer, copy.document, copy.dialect, 0);
    }
    return target.value;
  }

  // --- keywords -------------------------------------------------------------------------------

  static std::optional<std::uint64_t> count_of(const json::value& v) {
    if (v.is_uint64()) return v.get_uint64();
    if (v.is_int64() && v.get_int64() >= 0) return static_cast<std::uint64_t>(v.get_int64());
    if (v.is_double() && v.get_double() >= 0 && v.get_double() == std::floor(v.get_double()) &&
        v.get_double() < 1.8e19) {
      return static_cast<std::uint64_t>(v.get_double());
    }
    return std::nullopt;
  }

  std::shared_ptr<const Regex> regex_of(const SchemaInfo& info, std::string_view keyword,
                                        std::string_view pattern) {
    auto compiled = Regex::compile(pattern);
    if (auto* message = std::get_if<std::string>(&compiled)) {
      keyword_error(info, keyword, *message);
      return nullptr;
    }
    return std::get<std::shared_ptr<const Regex>>(compiled);
  }

  const Node* sub(const json::value& v, std::size_t depth) { return node_for(v, depth + 1); }

  // `required` whose names are all in `properties` is checked by the same pass over the
  // object's members (ObjectMembers counts them): its own keyword goes.
  static void fold_required(Node& node) {
    auto required = std::find_if(node.keywords.begin(), node.keywords.end(), [](const Keyword& k) {
      return std::holds_alternative<Required>(k.check);
    });
    auto members = std::find_if(node.keywords.begin(), node.keywords.end(), [](const Keyword& k) {
      return std::holds_alternative<ObjectMembers>(k.check);
    });
    if (required == node.keywords.end() || members == node.keywords.end()) return;
    auto& object = std::get<ObjectMembers>(members->check);
    const auto& names = std::get<Required>(required->check).names;
    std::vector<bool> flags(object.properties.size(), false);
    for (const auto& name : names) {
      const auto* entry = object.find(name);
      if (entry == nullptr) return;  // a name without a property: Required checks them all
      flags[static_cast<std::size_t>(entry - object.entries.data())] = true;
    }
    object.set_required(flags);
    node.keywords.erase(required);
  }

  // The values, when every node of `nodes` is a `const` and nothing else (annotations aside),
  // and (for oneOf) no two are equal; nullopt otherwise.
  static std::optional<std::vector<json::value>> constants_of(const std::vector<const Node*>& nodes,
                                                              bool distinct) {
    std::vector<json::value> values;
    for (const Node* n : nodes) {
      if (n->constant || n->keywords.size() != 1) return std::nullopt;
      const auto* c = std::get_if<ConstCheck>(&n->keywords.front().check);
      if (c == nullptr) return std::nullopt;
      if (distinct) {
        for (const auto& seen : values) {
          if (json_equal(seen, c->value)) return std::nullopt;
        }
      }
      values.push_back(c->value);
    }
    return values;
  }

  static std::uint8_t type_bit(std::string_view name) {
    if (name == "null") return type_null;
    if (name == "boolean") return type_boolean;
    if (name == "object") return type_object;
    if (name == "array") return type_array;
    if (name == "number") return type_number | type_integer;
    if (name == "string") return type_string;
    if (name == "integer") return type_integer;
    return 0;
  }

  void fill(Node& node, const json::object& object, const SchemaInfo& info, std::size_t depth) {
    const Dialect dialect = info.dialect.dialect;
    const std::uint16_t vocab = info.dialect.vocabularies;
    const bool is_2019 = dialect == Dialect::draft2019_09;
    const bool is_oas30 = dialect == Dialect::oas3_0;
    const bool core = (vocab & vocab_core) != 0;
    const bool applicator = (vocab & vocab_applicator) != 0;
    const bool validation = (vocab & vocab_validation) != 0;
    const bool unevaluated = (vocab & vocab_unevaluated) != 0 || (is_2019 && applicator);
    const bool asserts_format = options_.format_assertion || (vocab & vocab_format_assertion) != 0;
    auto add = [&](std::string_view name, Check check) {
      node.keywords.push_back(Keyword{name, std::move(check)});
    };
    auto schema_array = [&](std::string_view name,
                            const json::value& v) -> std::optional<std::vector<const Node*>> {
      if (!v.is_array() || v.get_array().empty()) {
        keyword_error(info, name,
                      name == "prefixItems" || name == "items"
                          ? std::string(name) + " must be an array of schemas"
                          : std::string(name) + " must be a non-empty array of schemas");
        return std::nullopt;
      }
      std::vector<const Node*> nodes;
      for (const auto& item : v.get_array()) nodes.push_back(sub(item, depth));
      return nodes;
    };
    auto keyword_text = [](std::string_view k) -> std::string_view {
      // The keyword names the Node keeps point at static strings, not into the schema.
      static const std::set<std::string, std::less<>> names = {"type",
                                                               "const",
                                                               "enum",
                                                               "multipleOf",
                                                               "minimum",
                                                               "maximum",
                                                               "exclusiveMinimum",
                                                               "exclusiveMaximum",
                                                               "minLength",
                                                               "maxLength",
                                                               "pattern",
                                                               "format",
                                                               "minItems",
                                                               "maxItems",
                                                               "minProperties",
                                                               "maxProperties",
                                                               "uniqueItems",
                                                               "required",
                                                               "dependentRequired",
                                                               "properties",
                                                               "patternProperties",
                                                               "additionalProperties",
                                                               "propertyNames",
                                                               "dependentSchemas",
                                                               "prefixItems",
                                                               "items",
                                                               "additionalItems",
                                                               "contains",
                                                               "allOf",
                                                               "anyOf",
                                                               "oneOf",
                                                               "not",
                                                               "if",
                                                               "$ref",
                                                               "$dynamicRef",
                                                               "$recursiveRef",
                                                               "unevaluatedProperties",
                                                               "unevaluatedItems",
                                                               "dependencies"};
      auto it = names.find(k);
      return it == names.end() ? std::string_view{} : std::string_view(*it);
    };

    // OpenAPI 3.0 (and drafts before 2019-09): a $ref replaces its siblings.
    if (const auto* ref = object.if_contains("$ref"); ref != nullptr && core) {
      if (!ref->is_string()) {
        keyword_error(info, "$ref", "$ref must be a string (a URI reference)");
      } else if (const json::value* target = resolve_reference(info, "$ref", ref->get_string())) {
        add(keyword_text("$ref"), Ref{sub(*target, depth)});
      }
      if (is_oas30) return;
    }

    const json::value* maximum = nullptr;
    const json::value* minimum = nullptr;
    bool members_added = false;
    bool items_added = false;
    for (const auto& [key, v] : object) {
      const std::string_view k = key;
      const std::string_view name = keyword_text(k);
      if (name.empty()) continue;
      if (k == "type" && validation) {
        std::uint8_t mask = 0;
        auto one = [&](const json::value& t) {
          const std::uint8_t bit = t.is_string() ? type_bit(t.get_string()) : 0;
          if (bit == 0) {
            keyword_error(info, "type",
                          "type must be one of null, boolean, object, array, number, "
                          "string, integer (or an array of them), not " +
                              json::serialize(t));
          }
          mask |= bit;
        };
        if (v.is_array() && !is_oas30) {
          for (const auto& t : v.get_array()) one(t);
        } else {
          one(v);
        }
        if (is_oas30) {
          if (const auto* n = object.if_contains("nullable");
              n != nullptr && n->is_bool() && n->get_bool()) {
            mask |= type_null;
          }
        }
        add(name, TypeCheck{mask});
      } else if (k == "const" && validation && !is_oas30) {
        add(name, ConstCheck{v});
      } else if (k == "enum" && validation) {
        if (!v.is_array()) {
          keyword_error(info, "enum", "enum must be an array of the allowed values");
          continue;
        }
        std::vector<json::value> values(v.get_array().begin(), v.get_array().end());
        if (is_oas30) {
          if (const auto* n = object.if_contains("nullable");
              n != nullptr && n->is_bool() && n->get_bool()) {
            values.emplace_back(nullptr);
          }
        }
        add(name, EnumCheck{std::move(values)});
      } else if (k == "multipleOf" && validation) {
        // A number beyond the range of doubles (1e400) reads as infinite: no divisor.
        if (!v.is_number() || compare_numbers(v, json::value(0)) <= 0 ||
            (v.is_double() && !std::isfinite(v.get_double()))) {
          keyword_error(info, "multipleOf", "multipleOf must be a finite number above 0");
          continue;
        }
        add(name, MultipleOf{to_decimal(v)});
      } else if ((k == "minimum" || k == "maximum") && validation) {
        if (!v.is_number()) {
          keyword_error(info, k, std::string(k) + " must be a number");
          continue;
        }
        (k == "minimum" ? minimum : maximum) = &v;
      } else if ((k == "exclusiveMinimum" || k == "exclusiveMaximum") && validation) {
        if (is_oas30) {
          if (!v.is_bool())
            keyword_error(info, k, std::string(k) + " must be a boolean in OpenAPI 3.0");
          continue;  // read with minimum/maximum below
        }
        if (!v.is_number()) {
          keyword_error(info, k, std::string(k) + " must be a number");
          continue;
        }
        add(name, NumberBound{k == "exclusiveMinimum" ? BoundKind::exclusive_minimum
                                                      : BoundKind::exclusive_maximum,
                              v, json::serialize(v)});
      } else if ((k == "minLength" || k == "maxLength") && validation) {
        const auto n = count_of(v);
        if (!n) {
          keyword_error(info, k, std::string(k) + " must be a non-negative integer");
          continue;
        }
        add(name, LengthBound{k == "maxLength", *n});
      } else if (k == "pattern" && validation) {
        if (!v.is_string()) {
          keyword_error(info, k, "pattern must be a string (a regular expression)");
          continue;
        }
        if (auto regex = regex_of(info, k, v.get_string())) add(name, PatternCheck{regex});
      } else if (k == "format") {
        if (!asserts_format || !v.is_string()) continue;
        if (const auto format = format_from_name(v.get_string())) add(name, FormatCheck{*format});
      } else if ((k == "minItems" || k == "maxItems" || k == "minProperties" ||
                  k == "maxProperties") &&
                 validation) {
        const auto n = count_of(v);
        if (!n) {
          keyword_error(info, k, std::string(k) + " must be a non-negative integer");
          continue;
        }
        add(name, CountBound{k.substr(0, 3) == "max", k.ends_with("Items"), *n});
      } else if (k == "uniqueItems" && validation) {
        if (!v.is_bool()) keyword_error(info, k, "uniqueItems must be a boolean");
        if (v.is_bool() && v.get_bool()) add(name, UniqueItems{});
      } else if (k == "required" && validation) {
        if (is_oas30 && object.contains("$ref")) continue;
        Required required;
        if (v.is_array()) {
          for (const auto& n : v.get_array()) {
            if (n.is_string()) required.names.emplace_back(n.get_string());
          }
        }
        if (!v.is_array() || required.names.size() != v.get_array().size()) {
          keyword_error(info, k, "required must be an array of property names");
          continue;
        }
        if (!required.names.empty()) add(name, std::move(required));
      } else if ((k == "dependentRequired" && validation) ||
                 (k == "dependencies" && !is_oas30 && applicator)) {
        if (!v.is_object()) {
          keyword_error(info, k, std::string(k) + " must be an object");
          continue;
        }
        DependentRequired dependent;
        DependentSchemas schemas;
        for (const auto& [property, names] : v.get_object()) {
          if (names.is_array()) {
            std::vector<std::string> list;
            for (const auto& n : names.get_array()) {
              if (n.is_string()) list.emplace_back(n.get_string());
            }
            dependent.dependencies.emplace_back(std::string(property), std::move(list));
          } else if (k == "dependencies") {
            schemas.schemas.emplace_back(std::string(property), sub(names, depth));
          } else {
            keyword_error(info, k, "each member of dependentRequired must be an array of names");
          }
        }
        if (!dependent.dependencies.empty()) add(name, std::move(dependent));
        if (!schemas.schemas.empty()) add(name, std::move(schemas));
      } else if ((k == "properties" || k == "patternProperties" || k == "additionalProperties") &&
                 applicator) {
        if (members_added) continue;
        members_added = true;
        ObjectMembers members;
        bool has_properties = false;
        bool has_patterns = false;
        if (const auto* p = object.if_contains("properties")) {
          if (!p->is_object()) {
            keyword_error(info, "properties", "properties must be an object of schemas");
          } else {
            has_properties = true;
            for (const auto& [property, schema] : p->get_object()) {
              members.properties.emplace_back(std::string(property), sub(schema, depth));
            }
          }
        }
        if (const auto* p = object.if_contains("patternProperties"); p != nullptr && !is_oas30) {
          if (!p->is_object()) {
            keyword_error(info, "patternProperties",
                          "patternProperties must be an object of schemas");
          } else {
            has_patterns = true;
            for (const auto& [pattern, schema] : p->get_object()) {
              if (auto regex = regex_of(info, "patternProperties", pattern)) {
                members.patterns.emplace_back(std::move(regex), sub(schema, depth));
              }
            }
          }
        }
        if (const auto* a = object.if_contains("additionalProperties")) {
          members.additional = sub(*a, depth);
        }
        members.index();
        add(keyword_text(has_properties
                             ? "properties"
                             : (has_patterns ? "patternProperties" : "additionalProperties")),
            std::move(members));
      } else if (k == "propertyNames" && applicator && !is_oas30) {
        add(name, PropertyNames{sub(v, depth)});
      } else if (k == "dependentSchemas" && applicator) {
        if (!v.is_object()) {
          keyword_error(info, k, "dependentSchemas must be an object of schemas");
          continue;
        }
        DependentSchemas schemas;
        for (const auto& [property, schema] : v.get_object()) {
          schemas.schemas.emplace_back(std::string(property), sub(schema, depth));
        }
        add(name, std::move(schemas));
      } else if ((k == "prefixItems" || k == "items" || k == "additionalItems") && applicator) {
        if (items_added) continue;
        items_added = true;
        ArrayItems items;
        const auto* prefix = is_2019 || is_oas30 ? nullptr : object.if_contains("prefixItems");
        const auto* rest = object.if_contains("items");
        if (is_2019 && rest != nullptr && rest->is_array()) {
          prefix = rest;
          rest = object.if_contains("additionalItems");
          items.prefix_keyword = keyword_text("items");
          items.rest_keyword = keyword_text("additionalItems");
        } else {
          items.prefix_keyword = keyword_text("prefixItems");
          items.rest_keyword = keyword_text("items");
          if (is_2019) {
            // additionalItems without an array `items` does nothing.
          }
        }
        if (prefix != nullptr) {
          if (auto nodes = schema_array(items.prefix_keyword, *prefix)) items.prefix = *nodes;
        }
        if (rest != nullptr) items.rest = sub(*rest, depth);
        if (prefix == nullptr && rest == nullptr) continue;
        add(prefix != nullptr ? items.prefix_keyword : items.rest_keyword, std::move(items));
      } else if (k == "contains" && applicator && !is_oas30) {
        Contains contains{sub(v, depth), 1, std::nullopt};
        if (validation) {
          if (const auto* m = object.if_contains("minContains")) {
            if (auto n = count_of(*m)) {
              contains.min = *n;
            } else {
              keyword_error(info, "minContains", "minContains must be a non-negative integer");
            }
          }
          if (const auto* m = object.if_contains("maxContains")) {
            if (auto n = count_of(*m)) {
              contains.max = *n;
            } else {
              keyword_error(info, "maxContains", "maxContains must be a non-negative integer");
            }
          }
        }
        add(name, contains);
      } else if ((k == "allOf" || k == "anyOf" || k == "oneOf") && applicator) {
        if (auto nodes = schema_array(k, v)) {
          if (auto values = constants_of(*nodes, k == "oneOf"); values && k != "allOf") {
            // A choice of constants (how enums with a description each are written) is an
            // enum: one lookup instead of a schema per value.
            add(name, EnumCheck{std::move(*values)});
            continue;
          }
          add(name, Combine{k == "allOf"   ? Combinator::all_of
                            : k == "anyOf" ? Combinator::any_of
                                           : Combinator::one_of,
                            std::move(*nodes)});
        }
      } else if (k == "not" && applicator) {
        add(name, Not{sub(v, depth)});
      } else if (k == "if" && applicator && !is_oas30) {
        IfThenElse conditional{sub(v, depth)};
        if (const auto* t = object.if_contains("then")) conditional.then_schema = sub(*t, depth);
        if (const auto* e = object.if_contains("else")) conditional.else_schema = sub(*e, depth);
        add(name, conditional);
      } else if (k == "$dynamicRef" && core && dialect == Dialect::draft2020_12) {
        if (!v.is_string()) {
          keyword_error(info, k, "$dynamicRef must be a string (a URI reference)");
          continue;
        }
        const json::value* target = resolve_reference(info, k, v.get_string());
        if (target == nullptr) continue;
        DynamicRef ref{sub(*target, depth), {}, false, false};
        const auto resolved = resolve_uri(info.base, v.get_string());
        if (resolved && !resolved->fragment.empty() && resolved->fragment.front() != '/') {
          const SchemaInfo& target_info = info_.at(target);
          const auto anchors = dynamic_anchor_values_.find(target_info.resource);
          if (anchors != dynamic_anchor_values_.end() &&
              anchors->second.contains(resolved->fragment)) {
            ref.anchor = resolved->fragment;
            ref.dynamic = true;
            program_->dynamic_scope = true;
          }
        }
        add(name, std::move(ref));
      } else if (k == "$recursiveRef" && core && is_2019) {
        if (!v.is_string()) {
          keyword_error(info, k, "$recursiveRef must be a string (a URI reference)");
          continue;
        }
        const json::value* target = resolve_reference(info, k, v.get_string());
        if (target == nullptr) continue;
        DynamicRef ref{sub(*target, depth), {}, false, false};
        ref.recursive = info_.at(target).resource->recursive_anchor;
        if (ref.recursive) program_->dynamic_scope = true;
        add(name, std::move(ref));
      }
    }
    if (validation && (minimum != nullptr || maximum != nullptr)) {
      auto exclusive = [&](std::string_view key) {
        const auto* e = object.if_contains(key);
        return is_oas30 && e != nullptr && e->is_bool() && e->get_bool();
      };
      // Kept in the schema's order relative to each other; placed after the others, which
      // changes only the order errors are listed in.
      if (minimum != nullptr) {
        add(keyword_text("minimum"),
            NumberBound{
                exclusive("exclusiveMinimum") ? BoundKind::exclusive_minimum : BoundKind::minimum,
                *minimum, json::serialize(*minimum)});
      }
      if (maximum != nullptr) {
        add(keyword_text("maximum"),
            NumberBound{
                exclusive("exclusiveMaximum") ? BoundKind::exclusive_maximum : BoundKind::maximum,
                *maximum, json::serialize(*maximum)});
      }
    }
    fold_required(node);
    // unevaluated* last: they need what every other keyword evaluated.
    if (unevaluated && !is_oas30) {
      if (const auto* u = object.if_contains("unevaluatedProperties")) {
        add(keyword_text("unevaluatedProperties"), Unevaluated{false, sub(*u, depth)});
        node.collects_annotations = true;
      }
      if (const auto* u = object.if_contains("unevaluatedItems")) {
        add(keyword_text("unevaluatedItems"), Unevaluated{true, sub(*u, depth)});
        node.collects_annotations = true;
      }
    }
    // Last, once every keyword is in.
    if (node.keywords.size() == 1) {
      if (const auto* type = std::get_if<TypeCheck>(&node.keywords.front().check)) {
        node.type_only = type->mask;
      }
    }
  }

  const CompileOptions& options_;
  std::shared_ptr<Program> program_;
  std::string root_uri_;
  std::unordered_map<std::string, const json::value*> anchors_;
  std::unordered_map<const json::value*, SchemaInfo> info_;
  std::unordered_map<const json::value*, const Node*> nodes_;
  std::map<Resource*, std::map<std::string, const json::value*>> dynamic_anchor_values_;
  std::vector<std::string> map_errors_;
  Errors errors_;
  std::unordered_map<const Node*, int> cycle_state_;  // 1 on the stack, 2 done
  std::unordered_set<const Resource*> resources_with_nodes_;
  std::size_t checked_nodes_ = 0;

 public:
  void set_root_uri(std::string uri) { root_uri_ = std::move(uri); }

  // The node for the schema at `pointer` in the document `root` (added before): reached as a
  // reference from the root would reach it, so that its base URI and dialect are found.
  const Node* entry_at(const json::value& root, std::string_view pointer) {
    if (pointer.empty()) return node_for(root, 0);
    const std::string reference =
        "#" +
        oaskit::detail::percent_encode(
            pointer,
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/~-._!$&'()*+,;=:@");
    const json::value* target = resolve_reference(info_.at(&root), "", reference);
    return target == nullptr ? nullptr : node_for(*target, 0);
  }
};

Dialectal dialectal(Dialect d) { return Dialectal{d, vocab_all}; }

}  // namespace
}  // namespace detail

std::optional<Dialect> dialect_from_name(std::string_view name) {
  if (name == "2020-12") return Dialect::draft2020_12;
  if (name == "2019-09") return Dialect::draft2019_09;
  if (name == "oas3.0") return Dialect::oas3_0;
  return std::nullopt;
}

struct SchemaSet::Impl {
  CompileOptions options;
  std::shared_ptr<detail::Program> program = std::make_shared<detail::Program>();
  const boost::json::value* root = nullptr;
  std::unique_ptr<detail::Compiler> compiler;
};

SchemaSet::SchemaSet(boost::json::value document, CompileOptions options)
    : impl_(std::make_unique<Impl>()) {
  impl_->options = std::move(options);
  // The program keeps the document, so validators outlive the set and the caller's value.
  impl_->root = &impl_->program->documents.emplace_back(std::move(document));
  impl_->compiler = std::make_unique<detail::Compiler>(impl_->options, impl_->program);
  const std::string base =
      impl_->options.base_uri.empty() ? std::string(detail::default_base) : impl_->options.base_uri;
  impl_->compiler->set_root_uri(base);
  impl_->compiler->add_document(base, *impl_->root, detail::dialectal(impl_->options.dialect));
}

SchemaSet::~SchemaSet() = default;
SchemaSet::SchemaSet(SchemaSet&&) noexcept = default;
SchemaSet& SchemaSet::operator=(SchemaSet&&) noexcept = default;

const boost::json::value& SchemaSet::document() const { return *impl_->root; }

Result<Validator> SchemaSet::compile(std::string_view pointer) {
  auto& compiler = *impl_->compiler;
  const auto target = oaskit::detail::follow_pointer(*impl_->root, pointer);
  if (target.value == nullptr) {
    return Errors{Error{detail::path_of_pointer(pointer),
                        "schema_invalid",
                        "no schema at '" + std::string(pointer) + "': " + target.problem,
                        {}}};
  }
  const detail::Node* entry = compiler.entry_at(*impl_->root, pointer);
  compiler.compile_dynamic_anchors();
  compiler.check_cycles();
  if (compiler.failed() || entry == nullptr) return compiler.take_errors();
  return Validator(impl_->program, entry);
}

Result<Validator> Validator::compile(const boost::json::value& document, std::string_view pointer,
                                     const CompileOptions& options) {
  return SchemaSet(document, options).compile(pointer);
}

std::optional<Dialect> openapi_dialect(const boost::json::value& document) {
  if (!document.is_object()) return std::nullopt;
  const auto* openapi = document.get_object().if_contains("openapi");
  if (openapi == nullptr || !openapi->is_string()) return std::nullopt;
  const auto version = spec_version_of(openapi->get_string());
  if (!version) return std::nullopt;
  if (*version == SpecVersion::v3_0) return Dialect::oas3_0;
  if (const auto* d = document.get_object().if_contains("jsonSchemaDialect");
      d != nullptr && d->is_string() && d->get_string().starts_with(detail::uri_2019_09)) {
    return Dialect::draft2019_09;
  }
  return Dialect::draft2020_12;
}

Result<ValidationErrors> check_against_metaschema(const boost::json::value& document,
                                                  std::string_view pointer,
                                                  const CompileOptions& options) {
  const auto target = oaskit::detail::follow_pointer(document, pointer);
  if (target.value == nullptr) {
    return Errors{Error{detail::path_of_pointer(pointer),
                        "schema_invalid",
                        "no schema at '" + std::string(pointer) + "': " + target.problem,
                        {}}};
  }
  std::string metaschema;
  if (target.value->is_object()) {
    if (const auto* s = target.value->get_object().if_contains("$schema");
        s != nullptr && s->is_string()) {
      metaschema = std::string(s->get_string());
    }
  }
  if (metaschema.empty()) {
    switch (options.dialect) {
      case Dialect::draft2020_12:
        metaschema = detail::uri_2020_12;
        break;
      case Dialect::draft2019_09:
        metaschema = detail::uri_2019_09;
        break;
      case Dialect::oas3_0:
        return ValidationErrors{};
    }
  }
  // The meta-schema through a reference, so that --map and resolve reach custom ones.
  CompileOptions meta_options = options;
  meta_options.base_uri.clear();
  meta_options.dialect = Dialect::draft2020_12;
  meta_options.format_assertion = false;
  auto validator = Validator::compile(boost::json::object{{"$ref", metaschema}}, meta_options);
  if (!validator) {
    Errors errors = validator.errors();
    for (auto& e : errors) e.loc = detail::path_of_pointer(std::string(pointer) + "/$schema");
    return errors;
  }
  // Places in the document, not in the schema: each location after `pointer`.
  ValidationErrors errors;
  for (auto e : validator->validate(*target.value)) {
    const std::string location = std::string(pointer) + std::string(e.instance_location);
    e.instance_location = location;
    errors.push_back(e);
  }
  return errors;
}

Result<Validator> Validator::compile(const boost::json::value& schema,
                                     const CompileOptions& options) {
  return compile(schema, "", options);
}

Result<Validator> Validator::compile(const Schema& schema, const CompileOptions& options) {
  return compile(boost::json::parse(to_json(schema)), "", options);
}

}  // namespace oaskit::schema
