#pragma once
/// JOSE building blocks on OpenSSL 3 (RFC 7515, 7517, 7518, 8037): algorithms, keys from JWK
/// or PEM, signatures, strict base64url. The verifiers (oaskit/security/jwt_verifier.hpp) and
/// the OAuth 2.0 client's `private_key_jwt` are built on these.
///
/// \code
/// auto key = oaskit::jose::Key::from_pem(pem_text);
/// if (key && key->verify(oaskit::jose::Algorithm::RS256, signing_input, signature)) ...
/// \endcode

#include <boost/json/object.hpp>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "oaskit/result.hpp"

namespace oaskit::jose {

/// The JWS algorithms oaskit implements. `none` is deliberately not one of them.
enum class Algorithm {
  HS256,
  HS384,
  HS512,  // HMAC: only with a secret configured by the caller
  RS256,
  RS384,
  RS512,  // RSASSA-PKCS1-v1_5
  PS256,
  PS384,
  PS512,  // RSASSA-PSS
  ES256,
  ES384,
  ES512,  // ECDSA on P-256, P-384, P-521, signatures as JOSE raw r‖s
  EdDSA   // Ed25519 (RFC 8037)
};

/// "RS256", ...
[[nodiscard]] std::string_view to_string(Algorithm alg);
/// The algorithm spelled exactly `name` (names are case-sensitive, RFC 7515 §4.1.1); nullopt
/// for anything else, "none" included.
[[nodiscard]] std::optional<Algorithm> algorithm_from_string(std::string_view name);
[[nodiscard]] bool is_hmac(Algorithm alg);
/// Every asymmetric algorithm, in the enum's order.
[[nodiscard]] const std::vector<Algorithm>& asymmetric_algorithms();

/// Base64url without padding (RFC 7515 §2). Decoding is strict: no padding, no whitespace, no
/// characters outside the alphabet, a length that is not 1 mod 4, and the unused low bits of the
/// last character zero (so every byte string has exactly one encoding). nullopt otherwise.
[[nodiscard]] std::optional<std::string> base64url_decode(std::string_view text);
[[nodiscard]] std::string base64url_encode(std::string_view bytes);

/// A JWK key type ("kty").
enum class KeyType { RSA, EC, OKP, oct };

/// Why a key or key set could not be read: a message for a person (never the key material).
struct KeyError {
  std::string message;
};

/// A key: an OpenSSL public or private key, or an HMAC secret, with its JWK metadata
/// (`kid`, `alg`, `use`). Immutable and cheap to copy (the key material is shared).
class Key {
 public:
  /// A JWK (RFC 7517 §4, RFC 7518 §6, RFC 8037): RSA (n, e; private with d, p, q, dp, dq, qi),
  /// EC (crv P-256/P-384/P-521, x, y; private with d; the point must be on the curve), OKP
  /// (crv Ed25519, x; private with d). `oct` keys are refused here: secrets come only from
  /// `hmac_secret`. Members are strict base64url; RSA moduli under 2048 bits are refused.
  static Result<Key, KeyError> from_jwk(const boost::json::object& jwk);
  /// The same from JSON text (duplicate members refused).
  static Result<Key, KeyError> from_jwk(std::string_view json);
  /// A PEM public key ("PUBLIC KEY", "RSA PUBLIC KEY"), certificate (its public key) or private
  /// key ("PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY"), as the `openssl` CLI writes them.
  /// `kid` and `alg` may be given since PEM has no place for them.
  static Result<Key, KeyError> from_pem(std::string_view pem, std::optional<std::string> kid = {},
                                        std::optional<Algorithm> alg = {});
  /// A new private key for `alg` from OpenSSL's generator: RSA 2048 for RS*/PS*, the
  /// algorithm's curve for ES*, Ed25519 for EdDSA (HMAC secrets: use `hmac_secret` with random
  /// bytes). Its `alg` is set to `alg`, `use` to "sig", and `kid` to the RFC 7638 thumbprint
  /// unless given.
  static Result<Key, KeyError> generate(Algorithm alg, std::optional<std::string> kid = {});
  /// An HMAC secret for HS256/384/512. Secrets shorter than the hash output are refused
  /// (RFC 7518 §3.2).
  static Result<Key, KeyError> hmac_secret(std::string secret, std::optional<std::string> kid = {});

  [[nodiscard]] KeyType type() const;
  [[nodiscard]] const std::optional<std::string>& kid() const;
  /// The JWK "alg" the key is restricted to, when it says.
  [[nodiscard]] std::optional<Algorithm> alg() const;
  /// The JWK "use" ("sig", "enc"), when it says.
  [[nodiscard]] const std::optional<std::string>& use() const;
  [[nodiscard]] bool has_private_part() const;

  /// Whether this key may check (or make) `alg` signatures: the key type and curve/size match
  /// the algorithm (RSA for RS/PS, the algorithm's curve for ES, Ed25519 for EdDSA, a secret
  /// for HS — never an RSA/EC/OKP key for HS), the key's own `alg` (if any) is `alg`, and its
  /// `use` (if any) is "sig".
  [[nodiscard]] bool fits(Algorithm alg) const;

  /// Whether `signature` is a valid `alg` signature of `signing_input` by this key. False when
  /// the key does not fit `alg`, and for malformed signatures: ECDSA signatures must be raw
  /// r‖s of exactly twice the curve size with 0 < r, s < n (DER is refused; CVE-2022-21449);
  /// HMAC tags are compared in constant time.
  [[nodiscard]] bool verify(Algorithm alg, std::string_view signing_input,
                            std::string_view signature) const;
  /// Signs `signing_input` (private keys and secrets only); ECDSA signatures come out raw r‖s.
  [[nodiscard]] Result<std::string, KeyError> sign(Algorithm alg,
                                                   std::string_view signing_input) const;

  /// The public JWK (with kid/alg/use when set); for a secret, the oct JWK with `k`.
  [[nodiscard]] boost::json::object to_jwk() const;
  /// The RFC 7638 JWK thumbprint: base64url of the SHA-256 of the key's required public
  /// members in lexicographic order, without whitespace. Stable across kid/alg/use.
  [[nodiscard]] std::string thumbprint() const;
  /// The private key as PKCS#8 PEM ("PRIVATE KEY"), so a generated key can be kept; an error
  /// for public keys and secrets.
  [[nodiscard]] Result<std::string, KeyError> private_pem() const;

  struct State;  // OpenSSL handles; defined in src/jose

 private:
  explicit Key(std::shared_ptr<const State> state) : state_(std::move(state)) {}
  std::shared_ptr<const State> state_;
};

/// A JWK Set (RFC 7517 §5).
class KeySet {
 public:
  KeySet() = default;
  explicit KeySet(std::vector<Key> keys) : keys_(std::move(keys)) {}

  /// Reads `{"keys": [...]}`. Keys of a type or curve oaskit does not know, `oct` keys, and
  /// keys with `use` other than "sig" are skipped (RFC 7517 §5 says to ignore what is not
  /// understood); a known key that is malformed is an error naming its index. Duplicate
  /// members anywhere are refused.
  static Result<KeySet, KeyError> from_jwks(std::string_view json);

  void add(Key key) { keys_.push_back(std::move(key)); }
  [[nodiscard]] const std::vector<Key>& keys() const { return keys_; }
  [[nodiscard]] bool empty() const { return keys_.empty(); }

  /// Keys that may verify a token signed with `alg` whose header names `kid` (any key that
  /// fits when the token has no kid). `kid` is compared exactly and is never used as a path.
  [[nodiscard]] std::vector<const Key*> candidates(const std::optional<std::string>& kid,
                                                   Algorithm alg) const;
  /// Whether some key has this kid.
  [[nodiscard]] bool has_kid(std::string_view kid) const;

 private:
  std::vector<Key> keys_;
};

/// `bytes` random bytes from OpenSSL's generator, base64url: tokens, codes, nonces, PKCE
/// verifiers (32 bytes make 43 characters). Throws std::runtime_error if OpenSSL cannot.
[[nodiscard]] std::string random_base64url(std::size_t bytes);

/// A compact JWS: base64url(header) "." base64url(payload) "." base64url(signature). `header`
/// gets "alg" set to `alg` (and "kid" from the key when it has one and the header has none).
/// Used to mint test tokens and `private_key_jwt` client assertions.
[[nodiscard]] Result<std::string, KeyError> sign_compact(boost::json::object header,
                                                         std::string_view payload, const Key& key,
                                                         Algorithm alg);

}  // namespace oaskit::jose
