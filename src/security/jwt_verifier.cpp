#include "oaskit/security/jwt_verifier.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <ctime>
#include <stdexcept>
#include <utility>

#include "security/jwt_parts.hpp"
#include "security/object_summary.hpp"
#include "security/scope_tokens.hpp"
#include "security/shared_json_object_access.hpp"
#include "security/token_cache.hpp"
#include "util/ascii.hpp"
#include "util/time.hpp"

namespace oaskit::security {
namespace {

using detail::excerpt;
using detail::ObjectSummary;
using detail::SummaryMember;
using std::chrono::system_clock;

TokenError refuse(TokenCheck check, std::string message) { return {check, std::move(message), {}}; }

// RFC 7515 §4.1.9: media types compare case-insensitively, and "application/" may be left out
// when the rest has no other '/'.
std::string media_type(std::string_view text) {
  std::string type = oaskit::detail::ascii_lowercase(text);
  constexpr std::string_view prefix = "application/";
  if (type.starts_with(prefix) && type.find('/', prefix.size()) == std::string::npos) {
    type.erase(0, prefix.size());
  }
  return type;
}

double unix_seconds(system_clock::time_point time) {
  return std::chrono::duration<double>(time.time_since_epoch()).count();
}

// NumericDate (RFC 7519 §2): a JSON number of seconds since 1970, integer or not.
std::optional<double> numeric_date(const SummaryMember& member) {
  if (member.kind == SummaryMember::Kind::number) return member.number;
  return std::nullopt;
}

// "2026-11-29T10:00:00Z"
std::string utc_text(double seconds) {
  const auto whole = static_cast<std::time_t>(std::floor(oaskit::detail::clamped_seconds(seconds)));
  std::tm parts{};
  gmtime_r(&whole, &parts);
  char text[32];
  const auto size = std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &parts);
  return {text, size};
}

// Dates outside years 1970..2200 are clamped (util/time.hpp): they only appear in messages
// and expires_at.
system_clock::time_point time_point_of(double seconds) {
  return oaskit::detail::time_point_from_seconds(seconds);
}

// The scopes a token grants, as granted_scopes() reads them from a claims object.
std::vector<std::string> granted_scopes(const ObjectSummary& claims) {
  std::vector<std::string> scopes;
  if (const auto* scope = claims.find("scope")) {
    if (scope->kind == SummaryMember::Kind::string)
      detail::append_scope_tokens(scope->text, scopes);
  } else if (const auto* scp = claims.find("scp")) {
    const auto items = claims.items_of(*scp);
    scopes.assign(items.begin(), items.end());
  }
  return scopes;
}

void check_options(const JwtVerifierOptions& options) {
  if (options.issuer.empty() && !options.accept_any_issuer) {
    throw std::invalid_argument("JwtVerifierOptions::issuer must name the expected issuer");
  }
  if (options.audience.empty()) {
    throw std::invalid_argument("JwtVerifierOptions::audience must name this API's audience");
  }
  if (options.algorithms.empty()) {
    throw std::invalid_argument("JwtVerifierOptions::algorithms must list at least one algorithm");
  }
  auto sorted = options.algorithms;
  std::sort(sorted.begin(), sorted.end());
  if (std::adjacent_find(sorted.begin(), sorted.end()) != sorted.end()) {
    throw std::invalid_argument("JwtVerifierOptions::algorithms lists an algorithm twice");
  }
  if (options.leeway.count() < 0) {
    throw std::invalid_argument("JwtVerifierOptions::leeway must not be negative");
  }
}

// Each verifier's number, for AcceptedHeader (an address could be reused by a later verifier).
std::uint64_t next_verifier_id() {
  static std::atomic<std::uint64_t> last{0};
  return ++last;
}

// A header that passed check_header, as one thread last saw it for one verifier. The tokens of
// an issuer share a handful of headers, so the next token usually brings the same segment, and
// its checks (a pure function of the segment and the verifier's fixed options) need not be
// made again; its Identity shares the header object too.
struct HeaderVerdict {
  jose::Algorithm alg = jose::Algorithm::RS256;
  std::optional<std::string> kid;
  SharedJsonObject header;
};

struct AcceptedHeader {
  std::uint64_t verifier_id = 0;  // 0: none
  std::string segment;            // base64url, as in the token
  HeaderVerdict verdict;
};

// The keys that may check a token, and the remote key set they point into (kept alive).
struct Candidates {
  std::shared_ptr<const jose::KeySet> remote;
  std::vector<const jose::Key*> keys;
};

}  // namespace

struct JwtVerifier::State {
  explicit State(JwtVerifierOptions opts) : options(std::move(opts)) {
    check_options(options);
    has_secret = std::any_of(options.keys.keys().begin(), options.keys.keys().end(),
                             [](const jose::Key& key) { return key.type() == jose::KeyType::oct; });
    if (options.required_typ) required_typ = media_type(*options.required_typ);
    if (options.cache_capacity > 0) {
      cache = std::make_unique<detail::TokenCache>(options.cache_capacity);
    }
  }

  [[nodiscard]] double now() const {
    return unix_seconds(options.clock ? options.clock() : system_clock::now());
  }

  [[nodiscard]] VerifyResult verify(std::string_view token) const;
  [[nodiscard]] Result<jose::Algorithm, TokenError> check_header(const ObjectSummary& header) const;
  [[nodiscard]] Result<jose::Algorithm, TokenError> check_alg(const ObjectSummary& header) const;
  [[nodiscard]] Result<Candidates, TokenError> find_keys(const std::optional<std::string>& kid,
                                                         jose::Algorithm alg) const;
  [[nodiscard]] std::optional<TokenError> check_claims(
      const ObjectSummary& claims, double now, const std::vector<std::string>& granted) const;

  [[nodiscard]] Result<HeaderVerdict, TokenError> accept_header(
      const detail::CompactJws& parts) const;

  const std::uint64_t id = next_verifier_id();
  JwtVerifierOptions options;
  bool has_secret = false;
  std::optional<std::string> required_typ;  // as media_type() spells it
  std::unique_ptr<detail::TokenCache> cache;
};

Result<jose::Algorithm, TokenError> JwtVerifier::State::check_alg(
    const ObjectSummary& header) const {
  const auto* name = header.string("alg");
  if (name == nullptr) return refuse(TokenCheck::alg, "the token's header has no \"alg\" string");
  if (oaskit::detail::equals_ignoring_ascii_case(*name, "none")) {
    return refuse(TokenCheck::alg, "unsecured tokens (alg \"none\") are never accepted");
  }
  const auto alg = jose::algorithm_from_string(*name);
  if (!alg || std::find(options.algorithms.begin(), options.algorithms.end(), *alg) ==
                  options.algorithms.end()) {
    std::string accepted;
    for (const auto allowed : options.algorithms) {
      if (!accepted.empty()) accepted += ", ";
      accepted += jose::to_string(allowed);
    }
    return refuse(TokenCheck::alg, "the algorithm \"" + excerpt(*name) +
                                       "\" is not accepted here (accepted: " + accepted + ")");
  }
  if (jose::is_hmac(*alg) && !has_secret) {
    return refuse(TokenCheck::alg, "the algorithm " + std::string(jose::to_string(*alg)) +
                                       " needs a shared secret, and none is configured");
  }
  return *alg;
}

Result<jose::Algorithm, TokenError> JwtVerifier::State::check_header(
    const ObjectSummary& header) const {
  // RFC 7515 §4.1.11: a non-empty array of names, all of which the recipient must understand.
  // oaskit understands no extension, so any valid "crit" is refused as well.
  if (const auto* crit = header.find("crit")) {
    const auto names = header.items_of(*crit);
    if (crit->kind != SummaryMember::Kind::array || names.empty() || !crit->only_strings) {
      return refuse(TokenCheck::crit, "\"crit\" must be a non-empty array of parameter names");
    }
    return refuse(TokenCheck::crit, "the token requires the header parameter \"" +
                                        excerpt(names.front()) + "\", which is not supported");
  }
  auto alg = check_alg(header);
  if (!alg) return alg;
  if (required_typ) {
    const auto* typ = header.string("typ");
    if (typ == nullptr) {
      return refuse(TokenCheck::typ,
                    R"(the token has no "typ"; expected ")" + *options.required_typ + "\"");
    }
    if (media_type(*typ) != *required_typ) {
      return refuse(TokenCheck::typ, "the token's type \"" + excerpt(*typ) +
                                         "\" is not the expected \"" + *options.required_typ +
                                         "\"");
    }
  }
  if (const auto* cty = header.string("cty"); cty != nullptr && media_type(*cty) == "jwt") {
    return refuse(TokenCheck::format, "nested JWTs are not accepted");
  }
  return alg;
}

// Keys come only from the configuration and the JWKS: "jku", "x5u", "jwk" and "x5c" in the
// header are never looked at (RFC 8725 §3.10).
Result<Candidates, TokenError> JwtVerifier::State::find_keys(const std::optional<std::string>& kid,
                                                             jose::Algorithm alg) const {
  Candidates found{nullptr, options.keys.candidates(kid, alg)};
  if (found.keys.empty() && options.jwks) {
    auto remote = options.jwks->keys();
    if (!remote) return remote.errors();
    found = {*remote, (*remote)->candidates(kid, alg)};
    if (found.keys.empty() && kid && !options.keys.has_kid(*kid) && !found.remote->has_kid(*kid)) {
      // Perhaps the server rotated its keys; the source limits how often this refetches.
      auto refreshed = options.jwks->refresh_for_unknown_kid();
      if (!refreshed) return refreshed.errors();
      found = {*refreshed, (*refreshed)->candidates(kid, alg)};
    }
  }
  if (!found.keys.empty()) return found;
  const bool kid_known =
      kid ? options.keys.has_kid(*kid) || (found.remote && found.remote->has_kid(*kid))
          : !options.keys.empty() || (found.remote && !found.remote->empty());
  if (!kid_known) {
    return refuse(TokenCheck::kid, kid ? "no key with this kid" : "no keys are available");
  }
  const std::string alg_name(jose::to_string(alg));
  return refuse(TokenCheck::alg,
                kid ? "the key with this kid does not fit the algorithm " + alg_name
                    : "no key fits the algorithm " + alg_name);
}

std::optional<TokenError> JwtVerifier::State::check_claims(
    const ObjectSummary& claims, double now, const std::vector<std::string>& granted) const {
  const auto leeway = static_cast<double>(options.leeway.count());
  const auto* exp_value = claims.find("exp");
  if (exp_value == nullptr) return refuse(TokenCheck::exp, "the token has no \"exp\" (expiry)");
  const auto exp = numeric_date(*exp_value);
  if (!exp) return refuse(TokenCheck::exp, "\"exp\" must be a number of seconds since 1970");
  // RFC 7519 §4.1.4: the current time must be before exp (plus the leeway).
  if (now >= *exp + leeway)
    return refuse(TokenCheck::exp, "the token expired at " + utc_text(*exp));
  if (const auto* nbf_value = claims.find("nbf")) {
    const auto nbf = numeric_date(*nbf_value);
    if (!nbf) return refuse(TokenCheck::nbf, "\"nbf\" must be a number of seconds since 1970");
    if (now + leeway < *nbf) {
      return refuse(TokenCheck::nbf, "the token is not valid before " + utc_text(*nbf));
    }
  }
  if (const auto* iat_value = claims.find("iat")) {
    const auto iat = numeric_date(*iat_value);
    if (!iat) return refuse(TokenCheck::iat, "\"iat\" must be a number of seconds since 1970");
    if (*iat > now + leeway) {
      return refuse(TokenCheck::iat,
                    "the token says it was issued in the future, at " + utc_text(*iat));
    }
  }
  const auto* iss = claims.string("iss");
  if (iss == nullptr) return refuse(TokenCheck::iss, "the token has no issuer (\"iss\")");
  if (!options.accept_any_issuer && *iss != options.issuer) {
    return refuse(TokenCheck::iss, "the token's issuer is not the expected one");
  }
  const auto* aud = claims.find("aud");
  if (aud == nullptr) return refuse(TokenCheck::aud, "the token has no audience (\"aud\")");
  bool meant_for_us = false;
  if (aud->kind == SummaryMember::Kind::string) {
    meant_for_us = aud->text == options.audience;
  } else if (aud->kind == SummaryMember::Kind::array && aud->only_strings) {
    const auto many = claims.items_of(*aud);
    meant_for_us = std::find(many.begin(), many.end(), options.audience) != many.end();
  } else {
    return refuse(TokenCheck::aud, "\"aud\" must be a string or an array of strings");
  }
  if (!meant_for_us) return refuse(TokenCheck::aud, "the token is not meant for this audience");
  for (const auto& scope : options.required_scopes) {
    if (std::find(granted.begin(), granted.end(), scope) == granted.end()) {
      return refuse(TokenCheck::scope, "the token does not grant the scope \"" + scope + "\"");
    }
  }
  return std::nullopt;
}

Result<HeaderVerdict, TokenError> JwtVerifier::State::accept_header(
    const detail::CompactJws& parts) const {
  thread_local AcceptedHeader last;
  const std::string_view segment = parts.signing_input.substr(0, parts.signing_input.find('.'));
  if (last.verifier_id == id && last.segment == segment) return last.verdict;

  // The checks read the header and claims without building JSON trees (see object_summary.hpp);
  // Identity builds them from the text if and when they are read.
  const auto header = detail::summarize_object(parts.header, "header");
  if (!header) return header.errors();
  const auto alg = check_header(*header);
  if (!alg) return alg.errors();
  std::optional<std::string> kid;
  if (const auto* kid_member = header->find("kid")) {
    if (kid_member->kind != SummaryMember::Kind::string) {
      return refuse(TokenCheck::kid, "\"kid\" must be a string");
    }
    kid.emplace(kid_member->text);
  }
  HeaderVerdict verdict{*alg, std::move(kid),
                        SharedJsonObjectAccess::from_checked_text(parts.header)};
  last.verifier_id = 0;  // an exception below leaves no half-made entry
  last.segment.assign(segment);
  last.verdict = verdict;
  last.verifier_id = id;
  return verdict;
}

VerifyResult JwtVerifier::State::verify(std::string_view token) const {
  const double now_seconds = now();
  std::optional<detail::TokenDigest> digest;
  // Only verified tokens are cached, so an oversize one is never found there.
  if (cache && token.size() <= options.max_token_bytes) {
    digest = detail::sha256(token);
    // Entries leave at exp + leeway; nothing else can change for the same bytes and options
    // (nbf and iat held then and still do; the required scopes are fixed).
    if (auto hit = cache->find(*digest, now_seconds)) return *hit;
  }

  auto parts = detail::split_compact(token, options.max_token_bytes);
  if (!parts) return parts.errors();
  const auto accepted = accept_header(*parts);
  if (!accepted) return accepted.errors();
  const jose::Algorithm alg = accepted->alg;
  const auto keys = find_keys(accepted->kid, alg);
  if (!keys) return keys.errors();
  if (parts->signature.empty()) return refuse(TokenCheck::signature, "the token is not signed");
  const bool verified =
      std::any_of(keys->keys.begin(), keys->keys.end(), [&](const jose::Key* key) {
        return key->verify(alg, parts->signing_input, parts->signature);
      });
  if (!verified) return refuse(TokenCheck::signature, "the signature does not verify");

  const auto claims = detail::summarize_object(parts->payload, "claims");
  if (!claims) return claims.errors();
  auto scopes = granted_scopes(*claims);
  if (auto refused = check_claims(*claims, now_seconds, scopes)) return std::move(*refused);

  Identity identity;
  if (const auto* sub = claims->string("sub")) identity.subject = *sub;
  const auto* client_id = claims->string("client_id");
  if (client_id == nullptr) client_id = claims->string("azp");
  if (client_id != nullptr) identity.client_id.emplace(*client_id);
  identity.scopes = std::move(scopes);
  const double exp = *numeric_date(*claims->find("exp"));
  identity.expires_at = time_point_of(exp);
  identity.header = accepted->header;
  // `claims` views the payload text: it is not read after this.
  identity.claims = SharedJsonObjectAccess::from_checked_text(std::move(parts->payload));
  if (cache) {
    auto stored = std::make_shared<const VerifyResult>(std::move(identity));
    cache->insert(*digest, stored, exp + static_cast<double>(options.leeway.count()), now_seconds);
    return *stored;
  }
  return identity;
}

JwtVerifier::JwtVerifier(JwtVerifierOptions options)
    : state_(std::make_unique<State>(std::move(options))) {}
JwtVerifier::~JwtVerifier() = default;
JwtVerifier::JwtVerifier(JwtVerifier&&) noexcept = default;
JwtVerifier& JwtVerifier::operator=(JwtVerifier&&) noexcept = default;

VerifyResult JwtVerifier::verify(std::string_view token) const { return state_->verify(token); }

Result<UnverifiedJwt, TokenError> decode_unverified(std::string_view token) {
  auto parts = detail::split_compact(token, JwtVerifierOptions{}.max_token_bytes);
  if (!parts) return parts.errors();
  auto header = detail::parse_object(parts->header, "header");
  if (!header) return header.errors();
  auto claims = detail::parse_object(parts->payload, "claims");
  if (!claims) return claims.errors();
  return UnverifiedJwt{std::move(*header), std::move(*claims)};
}

}  // namespace oaskit::security
