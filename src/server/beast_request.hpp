#pragma once
// What a connection hands to the application: a view of a request Beast has read. Shared by
// the server's sessions and the request-path fuzz target, so the fuzzer sees what a socket
// would deliver.
#include <boost/beast/http/message.hpp>

#include "oaskit/server.hpp"

namespace oaskit::server::detail {

template <class Body, class Fields>
Server::RawRequest raw_request(const boost::beast::http::request<Body, Fields>& request) {
  Server::RawRequest raw{.method = request.method_string(),
                         .target = request.target(),
                         .headers = {},
                         .body = request.body()};
  raw.headers.reserve(16);
  for (const auto& field : request) raw.headers.emplace_back(field.name_string(), field.value());
  return raw;
}

}  // namespace oaskit::server::detail
