// Key::verify beside the raw OpenSSL calls it wraps, with the same key material and signing
// input in the same run: EVP_DigestVerifyInit + EVP_DigestVerify (for ECDSA on the DER
// signature OpenSSL takes; for HMAC, EVP_Q_mac + CRYPTO_memcmp).

#include "jose_bench.hpp"

#include <benchmark/benchmark.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

#include <cstdio>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

#include "oaskit/jose.hpp"

namespace oaskit::bench {
namespace {

using jose::Algorithm;
using jose::Key;

using PkeyPtr = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;

// A typical JWT's signing input: header and a handful of claims.
const std::string signing_input =
    jose::base64url_encode(R"({"alg":"RS256","typ":"JWT","kid":"2024-01"})") + "." +
    jose::base64url_encode(
        R"({"iss":"https://issuer.example","sub":"alice","aud":"api","exp":1900000000,)"
        R"("iat":1700000000,"scope":"pets:read pets:write"})");
const std::string hmac_secret(32, 's');

// A fresh key, and its public half read back from PEM by OpenSSL and by oaskit.
struct Fixture {
  PkeyPtr raw_public{nullptr, EVP_PKEY_free};
  std::optional<Key> key;
  std::string jose_signature;
  std::string raw_signature;  // what raw OpenSSL takes: DER for ECDSA
};

PkeyPtr generate(Algorithm alg) {
  switch (alg) {
    case Algorithm::RS256:
    case Algorithm::PS256:
      return {EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", size_t{2048}), EVP_PKEY_free};
    case Algorithm::ES256:
      return {EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"), EVP_PKEY_free};
    case Algorithm::ES384:
      return {EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-384"), EVP_PKEY_free};
    default:
      return {EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519"), EVP_PKEY_free};
  }
}

std::string pem_of(EVP_PKEY* pkey, bool private_part) {
  std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), BIO_free);
  if (private_part) {
    PEM_write_bio_PrivateKey(bio.get(), pkey, nullptr, nullptr, 0, nullptr, nullptr);
  } else {
    PEM_write_bio_PUBKEY(bio.get(), pkey);
  }
  char* data = nullptr;
  const long size = BIO_get_mem_data(bio.get(), &data);
  return {data, static_cast<std::size_t>(size)};
}

bool pss(Algorithm alg) { return alg == Algorithm::PS256; }

const EVP_MD* digest(Algorithm alg) {
  return alg == Algorithm::EdDSA ? nullptr : alg == Algorithm::ES384 ? EVP_sha384() : EVP_sha256();
}

bool raw_verify(EVP_PKEY* pkey, Algorithm alg, std::string_view sig) {
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  EVP_PKEY_CTX* pctx = nullptr;
  bool ok = EVP_DigestVerifyInit(ctx, &pctx, digest(alg), nullptr, pkey) == 1;
  if (ok && pss(alg)) {
    ok = EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING) == 1 &&
         EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, RSA_PSS_SALTLEN_DIGEST) == 1;
  }
  ok = ok && EVP_DigestVerify(ctx, reinterpret_cast<const unsigned char*>(sig.data()), sig.size(),
                              reinterpret_cast<const unsigned char*>(signing_input.data()),
                              signing_input.size()) == 1;
  EVP_MD_CTX_free(ctx);
  return ok;
}

std::string raw_sign(EVP_PKEY* pkey, Algorithm alg) {
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  EVP_PKEY_CTX* pctx = nullptr;
  EVP_DigestSignInit(ctx, &pctx, digest(alg), nullptr, pkey);
  if (pss(alg)) {
    EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING);
    EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, RSA_PSS_SALTLEN_DIGEST);
  }
  const auto* input = reinterpret_cast<const unsigned char*>(signing_input.data());
  std::size_t size = 0;
  EVP_DigestSign(ctx, nullptr, &size, input, signing_input.size());
  std::string sig(size, '\0');
  EVP_DigestSign(ctx, reinterpret_cast<unsigned char*>(sig.data()), &size, input,
                 signing_input.size());
  sig.resize(size);
  EVP_MD_CTX_free(ctx);
  return sig;
}

const Fixture& fixture(Algorithm alg) {
  static std::map<Algorithm, Fixture> made;
  auto [it, inserted] = made.try_emplace(alg);
  Fixture& f = it->second;
  if (!inserted) return f;
  if (alg == Algorithm::HS256) {
    f.key = *Key::hmac_secret(hmac_secret);
    f.jose_signature = f.raw_signature = *f.key->sign(alg, signing_input);
    return f;
  }
  const PkeyPtr pair = generate(alg);
  const auto private_key = Key::from_pem(pem_of(pair.get(), true));
  const std::string public_pem = pem_of(pair.get(), false);
  auto public_key = Key::from_pem(public_pem);
  if (!private_key || !public_key) throw std::runtime_error("jose_bench: a key did not load");
  f.key = *public_key;
  std::unique_ptr<BIO, decltype(&BIO_free)> bio(
      BIO_new_mem_buf(public_pem.data(), static_cast<int>(public_pem.size())), BIO_free);
  f.raw_public.reset(PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr));
  f.jose_signature = *private_key->sign(alg, signing_input);
  f.raw_signature = raw_sign(pair.get(), alg);
  if (!f.key->verify(alg, signing_input, f.jose_signature) ||
      !raw_verify(f.raw_public.get(), alg, f.raw_signature)) {
    throw std::runtime_error("jose_bench: a signature did not verify");
  }
  return f;
}

void jose_verify(benchmark::State& state, Algorithm alg) {
  const Fixture& f = fixture(alg);
  for (auto _ : state) {
    benchmark::DoNotOptimize(f.key->verify(alg, signing_input, f.jose_signature));
  }
  state.SetBytesProcessed(state.iterations());  // read back as verifications per second
}

void openssl_raw_verify(benchmark::State& state, Algorithm alg) {
  const Fixture& f = fixture(alg);
  for (auto _ : state) {
    if (alg == Algorithm::HS256) {
      unsigned char mac[EVP_MAX_MD_SIZE];
      std::size_t size = 0;
      EVP_Q_mac(nullptr, "HMAC", nullptr, "SHA256", nullptr, hmac_secret.data(), hmac_secret.size(),
                reinterpret_cast<const unsigned char*>(signing_input.data()), signing_input.size(),
                mac, sizeof mac, &size);
      benchmark::DoNotOptimize(CRYPTO_memcmp(mac, f.raw_signature.data(), size) == 0);
    } else {
      benchmark::DoNotOptimize(raw_verify(f.raw_public.get(), alg, f.raw_signature));
    }
  }
  state.SetBytesProcessed(state.iterations());
}

#define OASKIT_VERIFY_BENCH(ALG)                                                      \
  BENCHMARK_CAPTURE(jose_verify, ALG, Algorithm::ALG)->Unit(benchmark::kMicrosecond); \
  BENCHMARK_CAPTURE(openssl_raw_verify, ALG, Algorithm::ALG)->Unit(benchmark::kMicrosecond);

OASKIT_VERIFY_BENCH(RS256)
OASKIT_VERIFY_BENCH(PS256)
OASKIT_VERIFY_BENCH(ES256)
OASKIT_VERIFY_BENCH(ES384)
OASKIT_VERIFY_BENCH(EdDSA)
OASKIT_VERIFY_BENCH(HS256)

}  // namespace

void print_verify_ratios(
    const std::function<std::optional<double>(const std::string&)>& per_second) {
  bool header = false;
  for (const char* alg : {"RS256", "PS256", "ES256", "ES384", "EdDSA", "HS256"}) {
    const auto ours = per_second(std::string("jose_verify/") + alg);
    const auto raw = per_second(std::string("openssl_raw_verify/") + alg);
    if (!ours || !raw || *ours <= 0) continue;
    if (!header) {
      std::printf(
          "\nJOSE verify, microseconds per signature, and ours/raw (goal <= 1.10 for "
          "RS256, ES256)\n%-8s %10s %10s %9s\n",
          "alg", "oaskit", "openssl", "ratio");
      header = true;
    }
    std::printf("%-8s %10.2f %10.2f %9.3f\n", alg, 1e6 / *ours, 1e6 / *raw, *raw / *ours);
  }
  std::fflush(stdout);
}

}  // namespace oaskit::bench
