// libFuzzer target: bearer tokens and keys, any bytes. Each input is read four ways:
// - as a compact token, through decode_unverified and a JwtVerifier with fixed keys and clock;
// - split at its first newline into a JOSE header and a payload, which the target signs with
//   the verifier's HMAC secret, so that the payload and claim checks behind the signature are
//   reached too (a fuzzer cannot forge a signature);
// - as a JWK and as a JWKS (a key that reads writes a JWK that reads back to the same key);
// - as PEM.
// Never a crash, a hang or a sanitizer report; a token signed here with a header whose "alg"
// is not HS256, or with claims that fail a check, is never accepted.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "oaskit/jose.hpp"
#include "oaskit/security/jwt_verifier.hpp"

namespace {

using oaskit::jose::Algorithm;
using oaskit::jose::Key;
using oaskit::jose::KeySet;

// 2026-01-01T00:00:00Z: claims compare against a fixed time, so a run can be replayed.
constexpr std::chrono::sys_seconds fixed_now{std::chrono::seconds{1767225600}};

const Key& secret() {
  static const Key key = *Key::hmac_secret("oaskit-fuzz-secret-of-32-bytes!!", "hs");
  return key;
}

const oaskit::security::JwtVerifier& verifier() {
  static const oaskit::security::JwtVerifier instance([] {
    oaskit::security::JwtVerifierOptions options;
    options.issuer = "https://issuer.example";
    options.audience = "api";
    options.algorithms = {Algorithm::HS256, Algorithm::RS256, Algorithm::ES256};
    options.required_scopes = {"read"};
    options.keys = KeySet({secret()});
    options.clock = [] { return std::chrono::system_clock::time_point(fixed_now); };
    return options;
  }());
  return instance;
}

void read_token(std::string_view token) {
  (void)oaskit::security::decode_unverified(token);
  (void)verifier().verify(token);
}

// The header and payload bytes as written, signed with the verifier's secret.
void read_signed(std::string_view header, std::string_view payload) {
  const std::string signing_input =
      oaskit::jose::base64url_encode(header) + "." + oaskit::jose::base64url_encode(payload);
  const auto signature = secret().sign(Algorithm::HS256, signing_input);
  if (!signature) std::abort();
  const std::string token = signing_input + "." + oaskit::jose::base64url_encode(*signature);
  if (!verifier().verify(token)) return;
  // Accepted: then it says HS256 and names the issuer and audience the verifier expects.
  const auto read = oaskit::security::decode_unverified(token);
  if (!read) std::abort();
  const auto* alg = read->header.if_contains("alg");
  const auto* iss = read->claims.if_contains("iss");
  if (alg == nullptr || *alg != "HS256" || iss == nullptr || *iss != "https://issuer.example" ||
      !read->claims.contains("aud")) {
    std::abort();
  }
}

void read_keys(std::string_view text) {
  if (auto key = Key::from_jwk(text)) {
    const auto again = Key::from_jwk(key->to_jwk());
    if (!again || again->thumbprint() != key->thumbprint()) std::abort();
  }
  (void)KeySet::from_jwks(text);
  (void)Key::from_pem(text);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  read_token(text);
  if (const auto newline = text.find('\n'); newline != std::string_view::npos) {
    read_signed(text.substr(0, newline), text.substr(newline + 1));
  }
  read_keys(text);
  return 0;
}
