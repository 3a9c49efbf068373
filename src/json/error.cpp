#include <boost/json/array.hpp>

#include <string>
#include <variant>

#include "oaskit/error.hpp"
#include "oaskit/json.hpp"

namespace oaskit {

std::string to_string(const Path& path) {
  std::string out;
  for (const auto& step : path) {
    if (!out.empty()) out += " \xE2\x86\x92 ";  // →
    if (const auto* name = std::get_if<std::string>(&step)) {
      out += *name;
    } else {
      out += std::to_string(std::get<std::size_t>(step));
    }
  }
  return out;
}

boost::json::array to_json_array(const Path& loc) {
  boost::json::array out;
  out.reserve(loc.size());
  for (const auto& step : loc) {
    if (const auto* name = std::get_if<std::string>(&step)) {
      out.emplace_back(*name);
    } else {
      out.emplace_back(std::get<std::size_t>(step));
    }
  }
  return out;
}

std::string to_string(const Error& error) {
  std::string out;
  if (error.position) {
    out +=
        std::to_string(error.position->line) + ':' + std::to_string(error.position->column) + ": ";
  }
  if (!error.loc.empty()) out += to_string(error.loc) + ": ";
  out += error.msg;
  out += " [" + error.type + ']';
  return out;
}

}  // namespace oaskit
