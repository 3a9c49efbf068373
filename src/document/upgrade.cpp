// upgrade_to_3_2: a 3.1 document as 3.2, changing only what has one meaning in both.

#include "oaskit/upgrade.hpp"

#include <boost/json.hpp>

#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "json_pointer.hpp"
#include "model_traversal.hpp"
#include "oaskit/models.hpp"

namespace oaskit {
namespace {

namespace json = boost::json;

// The places in the root model of what the upgrade changes or reports.
struct UpgradePlaces {
  std::vector<Path> xml;
  std::vector<Path> cookie_form_parameters;
  std::vector<Path> tags_with_display_name;

  template <class M>
  void enter(const M& model, const Path& at) {
    if constexpr (std::is_same_v<M, XML>) {
      if (model.attribute || model.wrapped) xml.push_back(at);
    } else if constexpr (std::is_same_v<M, Parameter>) {
      if (model.in == ParameterInType::cookie && model.style.value_or("form") == "form") {
        cookie_form_parameters.push_back(at);
      }
    } else if constexpr (std::is_same_v<M, Tag>) {
      if (model.extra.contains("x-displayName") && !model.summary) {
        tags_with_display_name.push_back(at);
      }
    }
  }
  template <class M>
  void leave(const M& /*model*/) {}
  template <class Target>
  void reference(const Reference& /*ref*/, const Path& /*at*/) {}
};

constexpr std::string_view oas_3_1_dialect = "https://spec.openapis.org/oas/3.1/dialect/base";

class Upgrader {
 public:
  explicit Upgrader(const Document& doc) : doc_(doc) { out_.document = doc.root().value(); }

  Upgrade run() {
    UpgradePlaces places;
    detail::ModelTraversal<UpgradePlaces>(places, {}).walk(doc_.model());
    auto& root = out_.document.as_object();
    const std::string was(root.at("openapi").as_string());
    root["openapi"] = "3.2.0";
    changed({"openapi"}, "'openapi: " + was + "' is now '3.2.0'");
    for (const auto& at : places.xml) upgrade_xml(at);
    for (const auto& at : places.cookie_form_parameters) {
      not_done(at,
               "this cookie parameter is serialized with style 'form' (percent-encoded); 3.2's "
               "'style: cookie' is how browsers send cookies: choose it if that is what the API "
               "does (it serializes differently, so it was not changed)");
    }
    for (const auto& at : places.tags_with_display_name) {
      not_done(at,
               "3.2's tag 'summary' is the short name to show, as Redoc's x-displayName "
               "is; x-displayName was kept (tools that know 3.2 read summary)");
    }
    if (root.contains("x-tagGroups")) {
      not_done({"x-tagGroups"},
               "3.2's tag 'parent' and 'kind' can say what Redoc's x-tagGroups says; the groups "
               "were kept as they are");
    }
    if (const auto* dialect = root.if_contains("jsonSchemaDialect");
        dialect != nullptr && dialect->is_string() && dialect->get_string() == oas_3_1_dialect) {
      not_done({"jsonSchemaDialect"},
               "the schemas' dialect is still OpenAPI 3.1's; 3.2 has its own "
               "(https://spec.openapis.org/oas/3.2/dialect/2025-09-17), with the same keywords");
    }
    if (doc_.sources().size() > 1) {
      not_done({}, "the " + std::to_string(doc_.sources().size() - 1) +
                       " other files that $refs reach were not changed (3.2 reads them as they "
                       "are); `oaskit bundle` first to upgrade one self-contained document");
    }
    return std::move(out_);
  }

 private:
  // `attribute: true` -> `nodeType: attribute`, `wrapped: true` -> `nodeType: element`, in the
  // place of the field replaced; false, the default of both, is dropped.
  void upgrade_xml(const Path& at) {
    auto* value = const_cast<json::value*>(detail::find_at(out_.document, at));
    auto* object = value != nullptr ? value->if_object() : nullptr;
    if (object == nullptr) return;  // the XML came from elsewhere through a $ref
    const auto is_true = [&](std::string_view key) {
      const auto* member = object->if_contains(key);
      return member != nullptr && member->is_bool() && member->get_bool();
    };
    if (object->contains("nodeType") || (is_true("attribute") && is_true("wrapped"))) {
      not_done(at, object->contains("nodeType")
                       ? "this XML Object has 'nodeType' and the fields it replaces; left as it is"
                       : "this XML Object is both an attribute and a wrapped array; left as it is");
      return;
    }
    json::object upgraded;
    for (const auto& member : *object) {
      const bool replaced = member.key() == "attribute" || member.key() == "wrapped";
      if (!replaced || !member.value().is_bool()) {
        upgraded.emplace(member.key(), member.value());
        continue;
      }
      if (!member.value().get_bool()) {
        changed(child(at, member.key()),
                "'" + std::string(member.key()) + ": false' is the default and was dropped");
        continue;
      }
      const std::string_view node_type = member.key() == "attribute" ? "attribute" : "element";
      upgraded.emplace("nodeType", node_type);
      changed(child(at, member.key()),
              "'" + std::string(member.key()) +
                  ": true' (deprecated in 3.2) is now 'nodeType: " + std::string(node_type) + "'");
    }
    *object = std::move(upgraded);
  }

  static Path child(Path at, std::string_view key) {
    at.emplace_back(std::string(key));
    return at;
  }
  void changed(const Path& at, std::string message) {
    out_.changed.push_back(
        Document::diagnostic(doc_.root(), at, Severity::info, "upgrade", std::move(message)));
  }
  void not_done(const Path& at, std::string message) {
    out_.not_done.push_back(Document::diagnostic(doc_.root(), at, Severity::warning,
                                                 "upgrade-not-done", std::move(message)));
  }

  const Document& doc_;
  Upgrade out_;
};

}  // namespace

Result<Upgrade, Diagnostics> upgrade_to_3_2(const Document& doc) {
  if (doc.version() == SpecVersion::v3_2) return Upgrade{doc.root().value(), {}, {}};
  if (doc.version() == SpecVersion::v3_0) {
    return Diagnostics{Document::diagnostic(
        doc.root(), {"openapi"}, Severity::error, "upgrade-from-3.0",
        "this is an OpenAPI 3.0 document; going to 3.1 is not mechanical (nullable, boolean "
        "exclusiveMinimum and exclusiveMaximum, example in schemas, file uploads): convert it "
        "to 3.1 first, then upgrade")};
  }
  return Upgrader(doc).run();
}

}  // namespace oaskit
