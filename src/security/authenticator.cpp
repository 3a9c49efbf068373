#include "oaskit/security/authenticator.hpp"

#include <algorithm>
#include <stdexcept>

#include "oaskit/model/openapi.hpp"
#include "security/auth_error.hpp"

namespace oaskit::security {

bool Principal::has_scope(std::string_view scope) const {
  return std::find(scopes.begin(), scopes.end(), scope) != scopes.end();
}

Authenticator& Authenticator::add(std::shared_ptr<const Scheme> scheme, Verifier verifier) {
  if (!scheme) throw std::invalid_argument("Authenticator::add: the scheme is null");
  if (!verifier) {
    throw std::invalid_argument("Authenticator::add: scheme '" + scheme->name() +
                                "' has no verifier");
  }
  if (find(scheme->name()) != nullptr) {
    throw std::invalid_argument("Authenticator::add: a scheme named '" + scheme->name() +
                                "' is already registered");
  }
  entries_.push_back({std::move(scheme), std::move(verifier)});
  return *this;
}

const Scheme* Authenticator::find(std::string_view name) const {
  for (const auto& entry : entries_) {
    if (entry.scheme->name() == name) return entry.scheme.get();
  }
  return nullptr;
}

void Authenticator::document(OpenAPI& document) const {
  if (!document.components) document.components.emplace();
  auto& schemes = document.components->securitySchemes;
  if (!schemes) schemes.emplace();
  for (const auto& entry : entries_) {
    schemes->insert_or_assign(entry.scheme->name(), entry.scheme->model());
  }
}

namespace {

// What one scheme made of the request (each scheme is asked once per request, however many
// alternatives name it).
struct Outcome {
  enum class State { missing, malformed, refused, scope_refused, unavailable, verified };
  State state = State::missing;
  CredentialKind kind = CredentialKind::bearer;
  AuthError malformed;  // as the scheme reported it
  TokenError refusal;
  Identity identity;
};

Outcome evaluate(const Scheme& scheme, const Verifier& verifier, const RequestView& request) {
  using State = Outcome::State;
  Outcome outcome;
  auto extracted = scheme.extract(request);
  if (!extracted) {
    if (!detail::reports_missing(extracted.errors())) {
      outcome.state = State::malformed;
      outcome.malformed = extracted.errors();
    }
    return outcome;
  }
  if (!extracted.value()) return outcome;  // auto_error is off: no credential
  const Credential& credential = *extracted.value();
  outcome.kind = credential.kind;
  auto verified = verifier(credential);
  if (verified) {
    outcome.state = State::verified;
    outcome.identity = std::move(verified.value());
    return outcome;
  }
  outcome.refusal = verified.errors();
  switch (outcome.refusal.check) {
    case TokenCheck::scope:
      outcome.state = State::scope_refused;
      break;
    case TokenCheck::unavailable:
      outcome.state = State::unavailable;
      break;
    default:
      outcome.state = State::refused;
  }
  return outcome;
}

bool grants(const std::vector<std::string>& granted, const std::vector<std::string>& required) {
  return std::all_of(required.begin(), required.end(), [&](const std::string& scope) {
    return std::find(granted.begin(), granted.end(), scope) != granted.end();
  });
}

void add_unique(std::vector<std::string>& to, const std::vector<std::string>& items) {
  for (const auto& item : items) {
    if (std::find(to.begin(), to.end(), item) == to.end()) to.push_back(item);
  }
}

std::string joined(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& word : words) out += (out.empty() ? "" : " ") + word;
  return out;
}

AuthError insufficient_scope(const Scheme& scheme, CredentialKind kind,
                             const std::vector<std::string>& required) {
  AuthError error{.status = 403,
                  .challenges = {},
                  .error = {},
                  .error_description = {},
                  .detail = std::string(detail::not_enough_permissions_detail)};
  // RFC 6750 §3.1 defines insufficient_scope for bearer tokens only; for API keys and Basic
  // the 403 stands alone.
  if (kind == CredentialKind::bearer) {
    std::vector<std::pair<std::string_view, std::string>> params{{"error", "insufficient_scope"}};
    if (!required.empty()) params.emplace_back("scope", detail::rfc6750_text(joined(required)));
    error.error = "insufficient_scope";
    error.challenges.push_back(detail::with_parameters(scheme.challenge(), params));
  }
  return error;
}

AuthError invalid_token(const Scheme& scheme, CredentialKind kind, const TokenError& refusal) {
  std::string message =
      refusal.message.empty() ? std::string("The credentials were not accepted") : refusal.message;
  if (kind != CredentialKind::bearer) {
    return {.status = 401,
            .challenges = {scheme.challenge()},
            .error = {},
            .error_description = {},
            .detail = std::move(message)};
  }
  std::string description = detail::rfc6750_text(message);
  return {
      .status = 401,
      .challenges = {detail::with_parameters(
          scheme.challenge(), {{"error", "invalid_token"}, {"error_description", description}})},
      .error = "invalid_token",
      .error_description = description,
      .detail = std::move(message)};
}

AuthError unavailable() {
  return {.status = 503,
          .challenges = {},
          .error = {},
          .error_description = {},
          .detail = std::string(detail::unavailable_detail)};
}

}  // namespace

Result<Principal, AuthError> Authenticator::authenticate(
    const RequestView& request, const std::vector<SecurityRequirement>& requirements) const {
  using State = Outcome::State;
  const auto index_of = [&](std::string_view name) {
    for (std::size_t i = 0; i < entries_.size(); ++i) {
      if (entries_[i].scheme->name() == name) return i;
    }
    throw std::invalid_argument("Authenticator::authenticate: no scheme named '" +
                                std::string(name) + "' was added");
  };
  // Every name is checked up front, so a typo fails even when an earlier alternative passes.
  std::vector<std::string> challenges;
  for (const auto& requirement : requirements) {
    for (const auto& member : requirement) {
      const auto challenge = entries_[index_of(member.first)].scheme->challenge();
      if (std::find(challenges.begin(), challenges.end(), challenge) == challenges.end()) {
        challenges.push_back(challenge);
      }
    }
  }
  if (requirements.empty()) return Principal{};

  std::vector<std::optional<Outcome>> outcomes(entries_.size());
  const auto outcome_of = [&](std::size_t index) -> const Outcome& {
    auto& outcome = outcomes[index];
    if (!outcome) outcome = evaluate(*entries_[index].scheme, entries_[index].verifier, request);
    return *outcome;
  };

  // The first failure of each kind, to answer with the most telling one.
  std::optional<AuthError> lacking_scope;
  std::optional<AuthError> refused;
  std::optional<AuthError> malformed;
  bool was_unavailable = false;

  for (const auto& requirement : requirements) {
    if (requirement.empty()) return Principal{};
    bool passed = true;
    for (const auto& [name, scopes] : requirement) {
      const auto index = index_of(name);
      const Outcome& outcome = outcome_of(index);
      const Scheme& scheme = *entries_[index].scheme;
      if (outcome.state == State::verified && grants(outcome.identity.scopes, scopes)) continue;
      passed = false;
      switch (outcome.state) {
        case State::verified:
        case State::scope_refused:
          if (!lacking_scope) lacking_scope = insufficient_scope(scheme, outcome.kind, scopes);
          break;
        case State::refused:
          if (!refused) refused = invalid_token(scheme, outcome.kind, outcome.refusal);
          break;
        case State::malformed:
          if (!malformed) malformed = outcome.malformed;
          break;
        case State::unavailable:
          was_unavailable = true;
          break;
        case State::missing:
          break;
      }
      break;  // the alternative has failed: its other schemes need not be asked
    }
    if (!passed) continue;

    Principal principal;
    for (const auto& [name, scopes] : requirement) {
      const Identity& identity = outcome_of(index_of(name)).identity;
      if (principal.subject.empty()) principal.subject = identity.subject;
      if (!principal.client_id) principal.client_id = identity.client_id;
      if (principal.claims.empty()) principal.claims = identity.claims;
      add_unique(principal.scopes, identity.scopes);
      add_unique(principal.required_scopes, scopes);
      principal.schemes.push_back(name);
    }
    return principal;
  }

  // A check that could not be made might have passed: let the caller retry rather than
  // discard a good credential.
  if (was_unavailable) return unavailable();
  if (lacking_scope) return *std::move(lacking_scope);
  if (refused) return *std::move(refused);
  if (malformed) return *std::move(malformed);
  return detail::not_authenticated(std::move(challenges));
}

}  // namespace oaskit::security
