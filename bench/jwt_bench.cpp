// JwtVerifier::verify on RS256 and ES256 access tokens, beside the raw limit: OpenSSL's
// EVP_DigestVerify of the same signing input with the same key, in the same run. Also the
// cached path (a repeated token) and the SHA-256 that keys the cache. Prints checks/s and the
// ratios at the end.
//
// --benchmark_filter=RS256 or --benchmark_filter=cached select a subset. The machines are
// shared and noisy: `./run bench` asks for repetitions in random order and the table uses their
// medians.

#include <benchmark/benchmark.h>
#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <unistd.h>

#include <cstdio>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "oaskit/security/jwt_verifier.hpp"
#include "security/jwt_test_support.hpp"
#include "security/token_cache.hpp"

namespace {

using oaskit::jose::Algorithm;
using namespace oaskit::security;
namespace test = oaskit::test;

using PKey = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;
using MdCtx = std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)>;

PKey read_private(const std::string& pem) {
  const std::unique_ptr<BIO, decltype(&BIO_free)> in(
      BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())), &BIO_free);
  return {PEM_read_bio_PrivateKey(in.get(), nullptr, nullptr, nullptr), &EVP_PKEY_free};
}

// Everything one algorithm's benchmarks need, made once.
struct Fixture {
  std::string token;
  std::string signing_input;
  std::string openssl_signature;             // what EVP_DigestSign makes (DER for ECDSA)
  PKey key{nullptr, &EVP_PKEY_free};         // signs openssl_signature
  PKey public_key{nullptr, &EVP_PKEY_free};  // verifies it: what a verifier has
  std::unique_ptr<JwtVerifier> verifier;
  std::unique_ptr<JwtVerifier> cached_verifier;
};

Fixture make_fixture(const test::KeyPair& pair, Algorithm alg) {
  Fixture f;
  auto claims = test::good_claims();
  claims["client_id"] = "benchmark-client";
  claims["jti"] = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";
  f.token = test::mint(pair.signing, alg, claims, {{"typ", "at+jwt"}});
  f.signing_input = f.token.substr(0, f.token.rfind('.'));
  f.key = read_private(pair.private_pem);
  {
    unsigned char* der = nullptr;
    const int size = i2d_PUBKEY(f.key.get(), &der);
    const unsigned char* at = der;
    f.public_key.reset(d2i_PUBKEY(nullptr, &at, size));
    OPENSSL_free(der);
  }
  const MdCtx ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
  std::size_t size = 0;
  EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, f.key.get());
  EVP_DigestSign(ctx.get(), nullptr, &size, nullptr, 0);
  f.openssl_signature.resize(size);
  EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(f.openssl_signature.data()), &size,
                 reinterpret_cast<const unsigned char*>(f.signing_input.data()),
                 f.signing_input.size());
  f.openssl_signature.resize(size);

  auto options = test::test_options();
  options.algorithms = {alg};
  options.keys = oaskit::jose::KeySet({pair.verifying});
  options.required_typ = "at+jwt";
  f.verifier = std::make_unique<JwtVerifier>(options);
  options.cache_capacity = 1024;
  f.cached_verifier = std::make_unique<JwtVerifier>(options);
  return f;
}

Fixture& fixture(Algorithm alg) {
  static Fixture rs256 = make_fixture(test::keys().rsa, Algorithm::RS256);
  static Fixture es256 = make_fixture(test::keys().p256, Algorithm::ES256);
  return alg == Algorithm::RS256 ? rs256 : es256;
}

void jwt_verify(benchmark::State& state, Algorithm alg) {
  auto& f = fixture(alg);
  for (auto _ : state) {
    auto result = f.verifier->verify(f.token);
    if (!result) state.SkipWithError(result.errors().message.c_str());
    benchmark::DoNotOptimize(result);
  }
  state.SetItemsProcessed(state.iterations());
}

void jwt_verify_cached(benchmark::State& state, Algorithm alg) {
  auto& f = fixture(alg);
  for (auto _ : state) {
    auto result = f.cached_verifier->verify(f.token);
    if (!result) state.SkipWithError(result.errors().message.c_str());
    benchmark::DoNotOptimize(result);
  }
  state.SetItemsProcessed(state.iterations());
}

// The raw limit: a fresh digest context per check, as any verifier of independent tokens
// needs; the public key is parsed once, as oaskit's is.
void openssl_verify(benchmark::State& state, Algorithm alg) {
  auto& f = fixture(alg);
  for (auto _ : state) {
    const MdCtx ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    int ok = EVP_DigestVerifyInit(ctx.get(), nullptr, EVP_sha256(), nullptr, f.public_key.get());
    ok = ok == 1 &&
         EVP_DigestVerify(ctx.get(),
                          reinterpret_cast<const unsigned char*>(f.openssl_signature.data()),
                          f.openssl_signature.size(),
                          reinterpret_cast<const unsigned char*>(f.signing_input.data()),
                          f.signing_input.size()) == 1;
    if (!ok) state.SkipWithError("OpenSSL did not verify");
  }
  state.SetItemsProcessed(state.iterations());
}

void token_sha256(benchmark::State& state) {
  const auto& f = fixture(Algorithm::RS256);
  for (auto _ : state) benchmark::DoNotOptimize(detail::sha256(f.token));
  state.SetItemsProcessed(state.iterations());
}

void identity_copy(benchmark::State& state) {
  const auto identity = fixture(Algorithm::RS256).verifier->verify(fixture(Algorithm::RS256).token);
  for (auto _ : state) {
    Identity copy(*identity);
    benchmark::DoNotOptimize(copy);
  }
  state.SetItemsProcessed(state.iterations());
}

// Console output as usual, plus items/s per benchmark for the table.
class CollectingReporter : public benchmark::ConsoleReporter {
 public:
  using ConsoleReporter::ConsoleReporter;
  void ReportRuns(const std::vector<Run>& runs) override {
    for (const auto& run : runs) {
      if (run.error_occurred) continue;
      // One run each, or the median of repetitions (--benchmark_repetitions).
      const bool single = run.run_type == Run::RT_Iteration && run.repetitions <= 1;
      const bool median = run.run_type == Run::RT_Aggregate && run.aggregate_name == "median";
      if (!single && !median) continue;
      const auto it = run.counters.find("items_per_second");
      if (it != run.counters.end()) per_second[run.run_name.function_name] = it->second.value;
    }
    ConsoleReporter::ReportRuns(runs);
  }
  std::map<std::string, double> per_second;
};

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  for (const auto alg : {Algorithm::RS256, Algorithm::ES256}) {
    const std::string name(oaskit::jose::to_string(alg));
    benchmark::RegisterBenchmark(("jwt_verify/" + name).c_str(), jwt_verify, alg);
    benchmark::RegisterBenchmark(("openssl_verify/" + name).c_str(), openssl_verify, alg);
    benchmark::RegisterBenchmark(("jwt_verify_cached/" + name).c_str(), jwt_verify_cached, alg);
  }
  benchmark::RegisterBenchmark("cache_key_sha256/RS256_token", token_sha256);
  benchmark::RegisterBenchmark("identity_copy/RS256_token", identity_copy);

  CollectingReporter reporter(isatty(STDOUT_FILENO) ? benchmark::ConsoleReporter::OO_Color
                                                    : benchmark::ConsoleReporter::OO_None);
  if (benchmark::RunSpecifiedBenchmarks(&reporter) > 0) {
    std::printf("\nChecks per second, and JwtVerifier::verify against OpenSSL alone, this run\n");
    std::printf("%-8s %14s %16s %12s %20s\n", "alg", "jwt_verify", "openssl_verify", "ratio",
                "jwt_verify_cached");
    for (const char* alg : {"RS256", "ES256"}) {
      const auto get = [&](const std::string& name) {
        const auto it =
            reporter.per_second.find(name + "/" + alg);  // function_name: "jwt_verify/RS256"
        return it == reporter.per_second.end() ? 0.0 : it->second;
      };
      const double ours = get("jwt_verify"), raw = get("openssl_verify");
      std::printf("%-8s %14.0f %16.0f %12.3f %20.0f\n", alg, ours, raw, raw > 0 ? ours / raw : 0.0,
                  get("jwt_verify_cached"));
    }
  }
  benchmark::Shutdown();
  return 0;
}
