// The parts of the reader that are not templates.

#include "read.hpp"

#include <boost/json/array.hpp>
#include <boost/json/string.hpp>
#include <cmath>

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

bool accepts(JsonKind kind, JsonType t) {
  switch (kind) {
    case JsonKind::object:
      return t == JsonType::object;
    case JsonKind::array:
      return t == JsonType::array;
    case JsonKind::string:
      return t == JsonType::string;
    case JsonKind::boolean:
      return t == JsonType::boolean;
    case JsonKind::number:
      return t == JsonType::int64 || t == JsonType::uint64 || t == JsonType::double_;
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

template <class V>
std::string describe(V v) {
  switch (v.type()) {
    case JsonType::array:
      return "an array";
    case JsonType::object:
      return "an object";
    case JsonType::int64:
      return "number " + std::to_string(v.int64());
    case JsonType::uint64:
      return "number " + std::to_string(v.uint64());
    case JsonType::double_:
      return "number " + format_number(v.double_());
    case JsonType::string: {
      std::string_view s;
      v.get(s);
      constexpr std::size_t shown = 40;
      std::string out = "string \"";
      out.append(s.substr(0, shown));
      if (s.size() > shown) out += "...";
      out += '"';
      return out;
    }
    case JsonType::boolean: {
      bool b = false;
      v.get(b);
      return b ? "boolean true" : "boolean false";
    }
    case JsonType::null:
      return "null";
  }
  return "a value";
}

template <class V>
void read_integer(std::int64_t& out, V v, ReadContext& cx, const PathNode& at) {
  switch (v.type()) {
    case JsonType::int64:
      out = v.int64();
      return;
    case JsonType::uint64:
      cx.error(at, "int_type",
               "Input should be an integer no larger than 9223372036854775807, got " + describe(v));
      return;
    case JsonType::double_: {
      // JSON Schema: a number with a zero fractional part is an integer (2.0 is 2).
      const double d = v.double_();
      constexpr double limit = 9223372036854775808.0;  // 2^63
      if (std::trunc(d) == d && d >= -limit && d < limit) {
        out = static_cast<std::int64_t>(d);
      } else {
        cx.error(at, "int_from_float",
                 "Input should be a valid integer, got a number with a fractional part (" +
                     format_number(d) + ")");
      }
      return;
    }
    default:
      type_error(cx, at, "int_type", "a valid integer", v);
  }
}

template <class V>
void read_number(Number& out, V v, ReadContext& cx, const PathNode& at) {
  switch (v.type()) {
    case JsonType::int64:
      out = v.int64();
      return;
    case JsonType::uint64:
      out = v.uint64();
      return;
    case JsonType::double_:
      out = v.double_();
      return;
    default:
      type_error(cx, at, "float_type", "a valid number", v);
  }
}

void ReadContext::error(const PathNode& at, std::string_view type, std::string msg) {
  errors_.push_back(Error{to_path(at), std::string(type), std::move(msg), std::nullopt});
}

void ReadContext::type_error(const PathNode& at, std::string_view type, std::string_view expected,
                             std::string_view found) {
  std::string msg = "Input should be ";
  msg += expected;
  msg += ", got ";
  msg += found;
  error(at, type, std::move(msg));
}

void ReadContext::missing(const PathNode& object, std::string_view name) {
  error(object.member(name), "missing", "Field required");
}

void ReadContext::missing_before(const PathNode& object, std::string_view name, SpecVersion since) {
  pending_missing_.push_back(
      {Error{to_path(object.member(name)), "missing", "Field required", std::nullopt}, since});
}

void ReadContext::finish() {
  for (auto& pending : pending_missing_) {
    if (version_ < pending.since) errors_.push_back(std::move(pending.error));
  }
  pending_missing_.clear();
}

void ReadContext::duplicate_key(const PathNode& object, std::string_view key) {
  error(object.member(key), "duplicate_key",
        "Duplicate key '" + std::string(key) + "' in one object");
}

template <class V>
void read_extra(Extra& extra, std::string_view key, V v, ReadContext& cx, const PathNode& at) {
  auto [it, inserted] = extra.emplace(key, nullptr);
  if (!inserted) {
    cx.duplicate_key(at, key);
    return;
  }
  it->value() = to_any(v, cx, at.member(key));
}

Any to_any(BoostValue v, ReadContext& /*cx*/, const PathNode& /*at*/) {
  // A Source's value: read with the depth limit and duplicate-key checks already.
  return v.value();
}

Any to_any(DomValue v, ReadContext& cx, const PathNode& at) {
  const auto type = v.type();
  if ((type == JsonType::array || type == JsonType::object) && !cx.enter_container(at)) {
    return nullptr;
  }
  switch (type) {
    case JsonType::array: {
      const auto items = *v.array();
      boost::json::array out;
      out.reserve(items.size());
      std::size_t i = 0;
      for (DomValue item : items) out.push_back(to_any(item, cx, at.item(i++)));
      return out;
    }
    case JsonType::object: {
      const auto members = *v.object();
      boost::json::object out;
      out.reserve(members.size());
      for (auto [key, value] : members) read_extra(out, key, value, cx, at);
      return out;
    }
    case JsonType::int64:
      return v.int64();
    case JsonType::uint64:
      return v.uint64();
    case JsonType::double_:
      return v.double_();
    case JsonType::string: {
      std::string_view s;
      v.get(s);
      return boost::json::string(s);
    }
    case JsonType::boolean: {
      bool b = false;
      v.get(b);
      return b;
    }
    case JsonType::null:
      return nullptr;
  }
  return nullptr;
}

template <class V>
void read_security_scheme(SecurityScheme& out, V v, ReadContext& cx, const PathNode& at) {
  const auto object = v.object();
  if (!object) {
    type_error(cx, at, "model_type", "an object", v);
    return;
  }
  constexpr auto tags = names_of<SecuritySchemeType>();
  const std::string expected = "the expected tags: " + quoted_alternatives(tags);
  const auto tag = object->find("type");
  if (!tag) {
    cx.error(at.member("type"), "union_tag_not_found",
             "Field required: a security scheme's type decides what it is; one of " + expected);
    return;
  }
  std::string_view type_name;
  if (!tag->get(type_name)) {
    cx.error(at.member("type"), "union_tag_invalid",
             "Input should be a string naming the scheme type, one of " + expected + "; got " +
                 describe(*tag));
    return;
  }
  auto read_as = [&]<class Scheme>(std::type_identity<Scheme>) {
    read_members<V>(out.emplace<Scheme>(), *object, cx, at);
  };
  if (type_name == "apiKey") {
    read_as(std::type_identity<APIKey>{});
  } else if (type_name == "http") {
    std::string_view scheme;
    const auto scheme_value = object->find("scheme");
    const bool bearer =
        scheme_value && scheme_value->get(scheme) && equals_ignoring_ascii_case(scheme, "bearer");
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

// The two trees the reader reads.
#define OASKIT_INSTANTIATE_READ_PARTS(V)                                                   \
  template std::string describe<V>(V);                                                     \
  template void read_integer<V>(std::int64_t&, V, ReadContext&, const PathNode&);          \
  template void read_number<V>(Number&, V, ReadContext&, const PathNode&);                 \
  template void read_extra<V>(Extra&, std::string_view, V, ReadContext&, const PathNode&); \
  template void read_security_scheme<V>(SecurityScheme&, V, ReadContext&, const PathNode&);
OASKIT_INSTANTIATE_READ_PARTS(DomValue)
OASKIT_INSTANTIATE_READ_PARTS(BoostValue)
#undef OASKIT_INSTANTIATE_READ_PARTS

}  // namespace oaskit::detail
