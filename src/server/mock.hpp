#pragma once
// What an operation without a handler answers: its documented example. The first 2xx
// response (in the order written; `2XX` answers 200), its first JSON media type (else its
// first one), and that media type's `example`, else its first `examples` entry (a Reference
// followed; `externalValue` is not fetched), else its schema's `example` or first `examples`
// item. A 2xx response without content answers its status with no body. Nothing usable:
// 501 {"detail":"Not Implemented"}.

#include "oaskit/model/paths.hpp"
#include "oaskit/server.hpp"
#include "server/resolver.hpp"

namespace oaskit::server::detail {

[[nodiscard]] Response mock_response(const Operation& operation, const Resolver& resolver);

}  // namespace oaskit::server::detail
