#pragma once
// Small builders shared by the security tests.

#include <string_view>
#include <utility>
#include <vector>

#include "oaskit/security/request.hpp"

namespace oaskit::security::test {

using Headers = std::vector<std::pair<std::string_view, std::string_view>>;

inline RequestView request(Headers headers = {}, std::string_view target = "/") {
  return RequestView{.method = "GET", .target = target, .headers = std::move(headers)};
}

inline RequestView with_authorization(std::string_view value) {
  return request({{"Authorization", value}});
}

}  // namespace oaskit::security::test
