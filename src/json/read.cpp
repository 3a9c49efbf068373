// The parts of the reader that are not templates.

#include "read.hpp"

#include <boost/json/array.hpp>
#include <boost/json/string.hpp>

namespace oaskit::detail {

Path to_path(const PathNode& node) {
  std::size_t depth = 0;
  for (const PathNode* n = &node; n->kind != PathNode::Kind::root; n = n->parent) ++depth;
  Path path(depth);
  for (const PathNode* n = &node; n->kind != PathNode::Kind::root; n = n->parent) {
    --depth;
    if (n->kind == PathNode::Kind::member) {
      path[depth] = std::string(n->key);
    } else {
      path[depth] = n->index;
    }
  }
  return path;
}

bool accepts(JsonKind kind, dom::element_type t) {
  switch (kind) {
    case JsonKind::object:
      return t == dom::element_type::OBJECT;
    case JsonKind::array:
      return t == dom::element_type::ARRAY;
    case JsonKind::string:
      return t == dom::element_type::STRING;
    case JsonKind::boolean:
      return t == dom::element_type::BOOL;
    case JsonKind::number:
      return t == dom::element_type::INT64 || t == dom::element_type::UINT64 ||
             t == dom::element_type::DOUBLE;
    case JsonKind::any:
      return true;
  }
  return false;
}

std::string_view describe(JsonKind kind) {
  switch (kind) {
    case JsonKind::object:
      return "an object";
    case JsonKind::array:
      return "an array";
    case JsonKind::string:
      return "a string";
    case JsonKind::boolean:
      return "a boolean";
    case JsonKind::number:
      return "a number";
    case JsonKind::any:
      return "any value";
  }
  return "a value";
}

std::string describe(dom::element v) {
  switch (v.type()) {
    case dom::element_type::ARRAY:
      return "an array";
    case dom::element_type::OBJECT:
      return "an object";
    case dom::element_type::INT64:
      return "number " + std::to_string(int64_t(v));
    case dom::element_type::UINT64:
      return "number " + std::to_string(uint64_t(v));
    case dom::element_type::DOUBLE: {
      std::string text = simdjson::minify(v);
      return "number " + text;
    }
    case dom::element_type::STRING: {
      std::string_view s = v;
      constexpr std::size_t shown = 40;
      std::string out = "string \"";
      out.append(s.substr(0, shown));
      if (s.size() > shown) out += "...";
      out += '"';
      return out;
    }
    case dom::element_type::BOOL:
      return bool(v) ? "boolean true" : "boolean false";
    case dom::element_type::NULL_VALUE:
      return "null";
  }
  return "a value";
}

void ReadContext::error(const PathNode& at, std::string_view type, std::string msg) {
  errors_.push_back(Error{to_path(at), std::string(type), std::move(msg), std::nullopt});
}

void ReadContext::type_error(const PathNode& at, std::string_view type, std::string_view expected,
                             dom::element found) {
  std::string msg = "Input should be ";
  msg += expected;
  msg += ", got ";
  msg += describe(found);
  error(at, type, std::move(msg));
}

void ReadContext::missing(const PathNode& object, std::string_view name) {
  error(object.member(name), "missing", "Field required");
}

void ReadContext::duplicate_key(const PathNode& object, std::string_view key) {
  error(object.member(key), "duplicate_key",
        "Duplicate key '" + std::string(key) + "' in one object");
}

void read_extra(Extra& extra, std::string_view key, dom::element v, ReadContext& cx,
                const PathNode& at) {
  auto [it, inserted] = extra.emplace(key, nullptr);
  if (!inserted) {
    cx.duplicate_key(at, key);
    return;
  }
  it->value() = to_any(v, cx, at.member(key));
}

Any to_any(dom::element v, ReadContext& cx, const PathNode& at) {
  const auto type = v.type();
  if ((type == dom::element_type::ARRAY || type == dom::element_type::OBJECT) &&
      !cx.enter_container(at)) {
    return nullptr;
  }
  switch (type) {
    case dom::element_type::ARRAY: {
      dom::array items = v;
      boost::json::array out;
      out.reserve(items.size());
      std::size_t i = 0;
      for (dom::element item : items) out.push_back(to_any(item, cx, at.item(i++)));
      return out;
    }
    case dom::element_type::OBJECT: {
      dom::object members = v;
      boost::json::object out;
      out.reserve(members.size());
      for (auto [key, value] : members) read_extra(out, key, value, cx, at);
      return out;
    }
    case dom::element_type::INT64:
      return int64_t(v);
    case dom::element_type::UINT64:
      return uint64_t(v);
    case dom::element_type::DOUBLE:
      return double(v);
    case dom::element_type::STRING:
      return boost::json::string(std::string_view(v));
    case dom::element_type::BOOL:
      return bool(v);
    case dom::element_type::NULL_VALUE:
      return nullptr;
  }
  return nullptr;
}

void read_security_scheme(SecurityScheme& out, dom::element v, ReadContext& cx,
                          const PathNode& at) {
  dom::object object;
  if (v.get_object().get(object)) {
    cx.type_error(at, "model_type", "an object", v);
    return;
  }
  constexpr auto tags = names_of<SecuritySchemeType>();
  const std::string expected = "the expected tags: " + quoted_alternatives(tags);
  dom::element tag;
  if (object.at_key("type").get(tag)) {
    cx.error(at.member("type"), "union_tag_not_found",
             "Field required: a security scheme's type decides what it is; one of " + expected);
    return;
  }
  std::string_view type_name;
  if (tag.get_string().get(type_name)) {
    cx.error(at.member("type"), "union_tag_invalid",
             "Input should be a string naming the scheme type, one of " + expected + "; got " +
                 describe(tag));
    return;
  }
  auto read_as = [&]<class Scheme>(std::type_identity<Scheme>) {
    read_members(out.emplace<Scheme>(), object, cx, at);
  };
  if (type_name == "apiKey") {
    read_as(std::type_identity<APIKey>{});
  } else if (type_name == "http") {
    std::string_view scheme;
    const bool bearer = !object.at_key("scheme").get_string().get(scheme) &&
                        equals_ignoring_ascii_case(scheme, "bearer");
    if (bearer) {
      read_as(std::type_identity<HTTPBearer>{});
    } else {
      read_as(std::type_identity<HTTPBase>{});
    }
  } else if (type_name == "mutualTLS") {
    read_as(std::type_identity<MutualTLS>{});
  } else if (type_name == "oauth2") {
    read_as(std::type_identity<OAuth2>{});
  } else if (type_name == "openIdConnect") {
    read_as(std::type_identity<OpenIdConnect>{});
  } else {
    cx.error(at.member("type"), "union_tag_invalid",
             "Input tag '" + std::string(type_name) +
                 "' found using 'type' does not match any of " + expected);
  }
}

}  // namespace oaskit::detail
