#pragma once
// The Authorization header field split as RFC 9110 §11.4 writes it:
// credentials = auth-scheme [ 1*SP ( token68 / #auth-param ) ].

#include <string_view>

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

/// True when `text` is a token68 (RFC 9110 §11.2), which is also RFC 6750's b64token:
/// 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"=".
[[nodiscard]] bool is_token68(std::string_view text);

}  // namespace oaskit::security::detail
