#include "oaskit/yaml.hpp"
#include "yaml/write_yaml.hpp"

namespace oaskit {

std::string to_yaml(const Any& value) { return detail::write_yaml(value); }

}  // namespace oaskit
