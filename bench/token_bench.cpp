// The cost of TokenSource::token() when the token is cached (the goal: at most 100 ns
// a read), from one thread and from several at once, beside its two parts that are not the
// source's own: reading the clock, and copying a shared_ptr (a reference count).

#include <benchmark/benchmark.h>

#include <chrono>
#include <memory>

#include "oaskit/oauth2/token_source.hpp"

namespace {

using namespace oaskit::oauth2;

std::shared_ptr<TokenSource> cached_source() {
  // A token valid for a day: every read is a cache hit; the endpoint is never called.
  auto client = Client::from_endpoints({.token_url = "http://127.0.0.1:9/token"}, {"bench"});
  TokenResponse initial;
  initial.access_token = "cached-access-token-0123456789abcdefghijklmnopqrstuvwxyz";
  initial.token_type = "Bearer";
  initial.expires_in = std::chrono::hours(24);
  return TokenSource::refreshing(std::move(*client), initial);
}

void token_cached(benchmark::State& state) {
  static const auto source = cached_source();
  for (auto _ : state) {
    auto token = source->token();
    benchmark::DoNotOptimize(token);
  }
  state.SetItemsProcessed(state.iterations());
}

void clock_now(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(std::chrono::system_clock::now());
}

void shared_ptr_copy(benchmark::State& state) {
  static const auto shared = std::make_shared<const AccessToken>();
  for (auto _ : state) {
    auto copy = shared;
    benchmark::DoNotOptimize(copy);
  }
}

}  // namespace

BENCHMARK(token_cached)->Threads(1)->Threads(2)->UseRealTime();
BENCHMARK(clock_now);
BENCHMARK(shared_ptr_copy)->Threads(1)->Threads(2)->UseRealTime();
BENCHMARK_MAIN();
