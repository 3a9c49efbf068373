#pragma once
// The Authorization header field split as RFC 9110 §11.4 writes it:
// credentials = auth-scheme [ 1*SP ( token68 / #auth-param ) ].

#include <string_view>

#include "http/header_text.hpp"
#include "oaskit/security/request.hpp"

namespace oaskit::security::detail {

struct Authorization {
  enum class State {
    absent,     ///< no Authorization header
    repeated,   ///< more than one: the request uses more than one method (RFC 6750 §3.1)
    malformed,  ///< empty, or the auth-scheme is not a token followed by end or SP
    present,
  };
  State state = State::absent;
  std::string_view scheme{};  ///< the auth-scheme as sent
  std::string_view rest{};    ///< after the spaces that follow the scheme; may be empty
};

[[nodiscard]] Authorization authorization_of(const RequestView& request);

using oaskit::detail::is_token68;

}  // namespace oaskit::security::detail
