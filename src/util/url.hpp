#pragma once
// URL rules written once for every module.

#include <boost/url/url_view.hpp>

#include "util/ascii.hpp"

namespace oaskit::detail {

/// True when `url`'s host is this machine: 127.0.0.0/8, ::1 or `localhost` (any case), where
/// plain http sends nothing over a network.
[[nodiscard]] inline bool is_loopback(const boost::urls::url_view& url) {
  switch (url.host_type()) {
    case boost::urls::host_type::ipv4:
      return url.host_ipv4_address().is_loopback();
    case boost::urls::host_type::ipv6:
      return url.host_ipv6_address().is_loopback();
    case boost::urls::host_type::name:
      return equals_ignoring_ascii_case(url.host(), "localhost");
    default:
      return false;
  }
}

}  // namespace oaskit::detail
