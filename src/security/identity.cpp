#include "oaskit/security/identity.hpp"

#include <algorithm>
#include <boost/json/array.hpp>
#include <boost/json/string.hpp>

#include "security/scope_tokens.hpp"

namespace oaskit::security {

namespace detail {

void append_scope_tokens(std::string_view text, std::vector<std::string>& scopes) {
  // RFC 6749 §3.3: scope-token *( SP scope-token ); be lenient about repeated spaces.
  scopes.reserve(scopes.size() +
                 static_cast<std::size_t>(std::count(text.begin(), text.end(), ' ')) + 1);
  while (!text.empty()) {
    const auto space = text.find(' ');
    if (space != 0) scopes.emplace_back(text.substr(0, space));
    if (space == std::string_view::npos) break;
    text.remove_prefix(space + 1);
  }
}

}  // namespace detail

std::string_view to_string(TokenCheck check) {
  switch (check) {
    case TokenCheck::format:
      return "format";
    case TokenCheck::alg:
      return "alg";
    case TokenCheck::kid:
      return "kid";
    case TokenCheck::signature:
      return "signature";
    case TokenCheck::crit:
      return "crit";
    case TokenCheck::typ:
      return "typ";
    case TokenCheck::exp:
      return "exp";
    case TokenCheck::nbf:
      return "nbf";
    case TokenCheck::iat:
      return "iat";
    case TokenCheck::iss:
      return "iss";
    case TokenCheck::aud:
      return "aud";
    case TokenCheck::scope:
      return "scope";
    case TokenCheck::inactive:
      return "inactive";
    case TokenCheck::unavailable:
      return "unavailable";
    case TokenCheck::rejected:
      return "rejected";
  }
  return "unknown";
}

std::vector<std::string> granted_scopes(const boost::json::object& claims) {
  std::vector<std::string> scopes;
  if (const auto* scope = claims.if_contains("scope")) {
    if (const auto* text = scope->if_string()) {
      detail::append_scope_tokens(*text, scopes);
    }
    return scopes;
  }
  if (const auto* scp = claims.if_contains("scp")) {
    if (const auto* array = scp->if_array()) {
      for (const auto& item : *array) {
        if (const auto* text = item.if_string()) scopes.emplace_back(*text);
      }
    }
  }
  return scopes;
}

}  // namespace oaskit::security
