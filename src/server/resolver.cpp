#include "server/resolver.hpp"

#include <boost/json/serialize.hpp>
#include <set>

#include "oaskit/json.hpp"
#include "oaskit/models.hpp"

namespace oaskit::server::detail {

namespace {

// The JSON pointer of a `#/...` reference, its %-escapes decoded (RFC 6901 §6).
std::string pointer_of(std::string_view ref) {
  std::string pointer;
  // The fragment is percent-encoded (RFC 6901 §6).
  for (std::size_t i = 1; i < ref.size(); ++i) {
    if (ref[i] == '%' && i + 2 < ref.size()) {
      pointer += static_cast<char>(std::stoi(std::string(ref.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      pointer += ref[i];
    }
  }
  return pointer;
}

// RFC 6901 with the `#` fragment form of RFC 3986: `#/components/schemas/Pet%20Type`.
const boost::json::value* at_pointer(const boost::json::value& root, std::string_view ref) {
  if (ref.empty() || ref.front() != '#') return nullptr;
  const std::string pointer = pointer_of(ref);
  boost::system::error_code ec;
  const auto* found = root.find_pointer(pointer, ec);
  return ec ? nullptr : found;
}

}  // namespace

Result<const boost::json::value*, std::string> Resolver::follow(std::string_view ref) const {
  std::string ignored;
  return follow(ref, ignored);
}

std::optional<std::string> Resolver::location(std::string_view ref) const {
  std::string last;
  if (!follow(ref, last)) return std::nullopt;
  return pointer_of(last);
}

Result<const boost::json::value*, std::string> Resolver::follow(std::string_view ref,
                                                                std::string& last) const {
  std::set<std::string, std::less<>> seen;
  std::string current(ref);
  for (;;) {
    if (!seen.insert(current).second) return "the reference " + std::string(ref) + " is a loop";
    const boost::json::value* target = nullptr;
    try {
      target = at_pointer(document_, current);
    } catch (const std::exception&) {  // a bad %-escape in the fragment
      target = nullptr;
    }
    if (target == nullptr) {
      return "the reference " + current + " points at nothing in this document";
    }
    const auto* object = target->if_object();
    const auto* next = object != nullptr ? object->if_contains("$ref") : nullptr;
    if (next == nullptr || !next->is_string()) {
      last = current;
      return target;
    }
    current = std::string(next->get_string());
  }
}

template <class T>
Result<T, std::string> Resolver::read(std::string_view ref) const {
  auto target = follow(ref);
  if (!target) return target.errors();
  auto model = parse<T>(boost::json::serialize(**target));
  if (!model) {
    return "the reference " + std::string(ref) +
           " does not lead to a valid object: " + to_string(model.errors().front());
  }
  return std::move(*model);
}

Result<Schema, std::string> Resolver::schema(const SchemaOrBool& schema) const {
  const auto* object = std::get_if<Schema>(&schema);
  if (object == nullptr) return Schema{};  // `true` (and `false`, refused elsewhere)
  if (!object->ref) return *object;
  return read<Schema>(*object->ref);
}

template Result<Parameter, std::string> Resolver::read<Parameter>(std::string_view) const;
template Result<RequestBody, std::string> Resolver::read<RequestBody>(std::string_view) const;
template Result<Response, std::string> Resolver::read<Response>(std::string_view) const;
template Result<Example, std::string> Resolver::read<Example>(std::string_view) const;
template Result<Schema, std::string> Resolver::read<Schema>(std::string_view) const;
template Result<SecurityScheme, std::string> Resolver::read<SecurityScheme>(std::string_view) const;

}  // namespace oaskit::server::detail
