#pragma once
// What the endpoints share: answers in RFC 6749's shapes, and the client and scope checks.

#include "devauth/state.hpp"

namespace oaskit::devauth::detail {

/// A JSON answer with CORS for browser clients; `no_store` for anything with a token or
/// about one (RFC 6749 §5.1).
[[nodiscard]] server::Response json_answer(const boost::json::value& body, int status,
                                           bool no_store);
/// An RFC 6749 §5.2 error answer (401 with a Basic challenge for invalid_client; 429 with
/// Retry-After).
[[nodiscard]] server::Response error_answer(const OAuthError& error);

/// Whether the body is application/x-www-form-urlencoded (parameters and case aside).
[[nodiscard]] bool is_form_body(const server::Server::RawRequest& request);

/// invalid_target for an RFC 8707 `resource` other than the tokens' audience (one is served).
[[nodiscard]] std::optional<OAuthError> check_resource(const AuthorizationServer::State& state,
                                                       const std::string& resource);

[[nodiscard]] const Client* find_client(const Config& config, std::string_view client_id);
/// The scope a client gets for `requested` (space-separated): every name must be declared by
/// the API and allowed to the client (else invalid_scope); nothing requested gives the client's
/// allowed scopes (every declared one when it is not restricted).
[[nodiscard]] Result<std::vector<std::string>, OAuthError> granted_scope(
    const Config& config, const Client& client, std::string_view requested);

/// The token endpoint (RFC 6749 §3.2) and its grants.
[[nodiscard]] server::Response token_endpoint(AuthorizationServer::State& state,
                                              const server::Server::RawRequest& request);
/// RFC 7662 introspection, for confidential clients.
[[nodiscard]] server::Response introspection_endpoint(AuthorizationServer::State& state,
                                                      const server::Server::RawRequest& request);
/// RFC 7009 revocation.
[[nodiscard]] server::Response revocation_endpoint(AuthorizationServer::State& state,
                                                   const server::Server::RawRequest& request);

/// The authorization endpoint: the sign-in and consent page (GET) and its form (POST).
[[nodiscard]] server::Response authorization_endpoint(AuthorizationServer::State& state,
                                                      const server::Server::RawRequest& request);

/// RFC 8628 §3.1: a device code and a user code for a client.
[[nodiscard]] server::Response device_authorization_endpoint(
    AuthorizationServer::State& state, const server::Server::RawRequest& request);
/// RFC 8628 §3.3: the page where the user enters the user code and allows or denies (GET shows
/// it, POST is its form).
[[nodiscard]] server::Response device_verification_endpoint(
    AuthorizationServer::State& state, const server::Server::RawRequest& request);
/// A user code as compared: upper case, without dashes or spaces.
[[nodiscard]] std::string normalised_user_code(std::string_view typed);

}  // namespace oaskit::devauth::detail
