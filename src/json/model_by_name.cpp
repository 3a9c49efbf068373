#include "oaskit/model_by_name.hpp"

#include <array>

#include "model_list.hpp"
#include "oaskit/models.hpp"

namespace oaskit {
namespace {

template <class T>
Result<std::string> parse_and_write(std::string_view json, WriteOptions options) {
  auto model = parse<T>(json);
  if (!model) return model.errors();
  return to_json(*model, options);
}

template <class T>
Result<std::string> read_and_write(const boost::json::value& value, WriteOptions options) {
  auto model = from_value<T>(value);
  if (!model) return model.errors();
  return to_json(*model, options);
}

struct Entry {
  std::string_view name;
  Result<std::string> (*parse)(std::string_view, WriteOptions);
  Result<std::string> (*read)(const boost::json::value&, WriteOptions);
};

#define OASKIT_ENTRY(T) Entry{#T, &parse_and_write<T>, &read_and_write<T>},
constexpr std::array entries{OASKIT_FOR_EACH_MODEL(OASKIT_ENTRY)};
#undef OASKIT_ENTRY

constexpr auto names = [] {
  std::array<std::string_view, entries.size()> out{};
  for (std::size_t i = 0; i < entries.size(); ++i) out[i] = entries[i].name;
  return out;
}();

}  // namespace

std::span<const std::string_view> model_names() { return names; }

std::optional<Result<std::string>> parse_as(std::string_view model_name, std::string_view json,
                                            WriteOptions options) {
  for (const auto& entry : entries) {
    if (entry.name == model_name) return entry.parse(json, options);
  }
  return std::nullopt;
}

std::optional<Result<std::string>> read_as(std::string_view model_name,
                                           const boost::json::value& value, WriteOptions options) {
  for (const auto& entry : entries) {
    if (entry.name == model_name) return entry.read(value, options);
  }
  return std::nullopt;
}

}  // namespace oaskit
