#include "security/auth_error.hpp"

#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include "http/header_text.hpp"

namespace oaskit::security {

std::string AuthError::body() const {
  return boost::json::serialize(boost::json::object{{"detail", detail}});
}

std::string AuthError::www_authenticate() const {
  std::string joined;
  for (const auto& challenge : challenges) {
    if (!joined.empty()) joined += ", ";
    joined += challenge;
  }
  return joined;
}

namespace detail {

std::string rfc6750_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '"') {
      out += '\'';
    } else if (c == '\\') {
      out += '/';
    } else if (byte < 0x20) {
      out += ' ';
    } else if (byte < 0x7F) {
      out += c;
    }
  }
  return out;
}

std::string with_parameters(std::string challenge,
                            const std::vector<std::pair<std::string_view, std::string>>& params) {
  // A challenge that already has parameters (`Basic realm="x"`) continues after a comma.
  bool first = challenge.find(' ') == std::string::npos;
  for (const auto& [name, value] : params) {
    challenge += first ? " " : ", ";
    first = false;
    challenge += name;
    challenge += '=';
    challenge += oaskit::detail::quoted_string(value);
  }
  return challenge;
}

AuthError not_authenticated(std::vector<std::string> challenges) {
  return {.status = 401,
          .challenges = std::move(challenges),
          .error = {},
          .error_description = {},
          .detail = std::string(not_authenticated_detail)};
}

AuthError invalid_request(const std::string& bearer_challenge, std::string_view description) {
  std::string text = rfc6750_text(description);
  return {.status = 401,
          .challenges = {with_parameters(
              bearer_challenge, {{"error", "invalid_request"}, {"error_description", text}})},
          .error = "invalid_request",
          .error_description = text,
          .detail = std::string(invalid_credentials_detail)};
}

AuthError invalid_credentials(std::string challenge) {
  return {.status = 401,
          .challenges = {std::move(challenge)},
          .error = {},
          .error_description = {},
          .detail = std::string(invalid_credentials_detail)};
}

Scheme::Extracted fail(bool auto_error, AuthError error) {
  if (auto_error) return error;
  return std::optional<Credential>{};
}

bool reports_missing(const AuthError& error) {
  return error.status == 401 && error.error.empty() && error.detail == not_authenticated_detail;
}

}  // namespace detail
}  // namespace oaskit::security
