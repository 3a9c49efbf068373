#pragma once
// WWW-Authenticate (RFC 9110 §11.6.1): the challenges of a response, read and written.
//   WWW-Authenticate = #challenge
//   challenge  = auth-scheme [ 1*SP ( token68 / #auth-param ) ]
//   auth-param = token BWS "=" BWS ( token / quoted-string )
// Commas separate challenges and the parameters of one challenge alike: a list item that is a
// token with no "=" after it starts the next challenge.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "oaskit/result.hpp"

namespace oaskit::detail {

struct Challenge {
  std::string scheme;                    ///< as sent; compare case-insensitively
  std::optional<std::string> token68{};  ///< `Negotiate abc==`; then there are no params
  /// In order, names as sent, values unquoted (a quoted-pair is its second character).
  std::vector<std::pair<std::string, std::string>> params{};

  /// The first parameter called `name` (compared case-insensitively), if any.
  [[nodiscard]] std::optional<std::string_view> param(std::string_view name) const;
  friend bool operator==(const Challenge&, const Challenge&) = default;
};

/// Why a field value is not a list of challenges: the byte offset where reading stopped and
/// what was expected there.
struct ChallengeError {
  std::size_t offset = 0;
  std::string message;
};

/// The challenges of one WWW-Authenticate (or Proxy-Authenticate) field value. Empty list
/// items and the optional whitespace around them are allowed; anything else that the grammar
/// above does not allow is an error (a quoted-string with a control character in it, a
/// parameter without "=", text after a token68, ...).
[[nodiscard]] Result<std::vector<Challenge>, ChallengeError> parse_challenges(
    std::string_view field_value);

/// `challenge` as it is sent: the scheme, then its token68 or its parameters as
/// `name="value"` joined by ", ". Control characters in values become spaces (a
/// quoted-string cannot hold them); everything else reads back as it was.
[[nodiscard]] std::string to_string(const Challenge& challenge);

/// True when one of `field_value`'s challenges is a Bearer challenge whose `error` parameter
/// is `error` (RFC 6750 §3). A value that is not a list of challenges says nothing.
[[nodiscard]] bool bearer_error_is(std::string_view field_value, std::string_view error);

}  // namespace oaskit::detail
