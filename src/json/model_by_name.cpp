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

template <class T>
Result<bool> parse_and_write_to(std::string_view json, std::FILE* out, WriteOptions options) {
  auto model = parse<T>(json);
  if (!model) return model.errors();
  return write_json(*model, out, options);
}

template <class T>
Result<bool> read_and_write_to(const boost::json::value& value, std::FILE* out,
                               WriteOptions options) {
  auto model = from_value<T>(value);
  if (!model) return model.errors();
  return write_json(*model, out, options);
}

struct Entry {
  std::string_view name;
  Result<std::string> (*parse)(std::string_view, WriteOptions);
  Result<std::string> (*read)(const boost::json::value&, WriteOptions);
  Result<bool> (*parse_to)(std::string_view, std::FILE*, WriteOptions);
  Result<bool> (*read_to)(const boost::json::value&, std::FILE*, WriteOptions);
};

#define OASKIT_ENTRY(T) \
  Entry{#T, &parse_and_write<T>, &read_and_write<T>, &parse_and_write_to<T>, &read_and_write_to<T>},
constexpr std::array entries{OASKIT_FOR_EACH_MODEL(OASKIT_ENTRY)};
#undef OASKIT_ENTRY

constexpr auto names = [] {
  std::array<std::string_view, entries.size()> out{};
  for (std::size_t i = 0; i < entries.size(); ++i) out[i] = entries[i].name;
  return out;
}();

const Entry* find_entry(std::string_view model_name) {
  for (const auto& entry : entries) {
    if (entry.name == model_name) return &entry;
  }
  return nullptr;
}

}  // namespace

std::span<const std::string_view> model_names() { return names; }

std::optional<Result<std::string>> parse_as(std::string_view model_name, std::string_view json,
                                            WriteOptions options) {
  const Entry* entry = find_entry(model_name);
  if (entry == nullptr) return std::nullopt;
  return entry->parse(json, options);
}

std::optional<Result<std::string>> read_as(std::string_view model_name,
                                           const boost::json::value& value, WriteOptions options) {
  const Entry* entry = find_entry(model_name);
  if (entry == nullptr) return std::nullopt;
  return entry->read(value, options);
}

std::optional<Result<bool>> parse_as(std::string_view model_name, std::string_view json,
                                     std::FILE* out, WriteOptions options) {
  const Entry* entry = find_entry(model_name);
  if (entry == nullptr) return std::nullopt;
  return entry->parse_to(json, out, options);
}

std::optional<Result<bool>> read_as(std::string_view model_name, const boost::json::value& value,
                                    std::FILE* out, WriteOptions options) {
  const Entry* entry = find_entry(model_name);
  if (entry == nullptr) return std::nullopt;
  return entry->read_to(value, out, options);
}

}  // namespace oaskit
