#include "oaskit/oauth2/token_source.hpp"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <random>
#include <thread>
#include <utility>

namespace oaskit::oauth2 {
namespace {

using std::chrono::milliseconds;
using std::chrono::system_clock;
using Kind = GrantError::Kind;

// A token and when to replace it.
struct Entry {
  AccessToken token;
  system_clock::time_point refresh_at;
};

milliseconds jittered(milliseconds delay) {
  // Full jitter over the upper half: retries of many clients spread out, none comes too soon.
  thread_local std::mt19937_64 random{std::random_device{}()};
  std::uniform_int_distribution<milliseconds::rep> pick(delay.count() / 2, delay.count());
  return milliseconds(pick(random));
}

}  // namespace

struct TokenSource::State {
  enum class Grant { client_credentials, refresh };

  State(Client c, TokenSourceOptions o, Grant g)
      : client(std::move(c)), options(std::move(o)), grant(g) {}

  [[nodiscard]] system_clock::time_point now() const {
    return options.clock ? options.clock() : system_clock::now();
  }

  [[nodiscard]] std::shared_ptr<const Entry> entry_for(const TokenResponse& response) const {
    const auto obtained = now();
    const auto lifetime = response.expires_in.value_or(options.assumed_lifetime);
    const auto ahead = std::min<system_clock::duration>(options.refresh_ahead, lifetime / 2);
    auto entry = std::make_shared<Entry>();
    entry->token.value = response.access_token;
    entry->token.expires_at = obtained + lifetime;
    entry->token.scopes = response.scope.value_or(options.scopes);
    entry->refresh_at = entry->token.expires_at - ahead;
    return entry;
  }

  // One grant request, retried as the policy says. Called by one thread at a time.
  Result<std::shared_ptr<const Entry>, GrantError> fetch() {
    milliseconds delay = options.retry.initial_delay;
    for (int attempt = 1;; ++attempt) {
      requests.fetch_add(1, std::memory_order_relaxed);
      auto response = grant == Grant::client_credentials
                          ? client.client_credentials(options.scopes, options.resources)
                          : client.refresh(refresh_token, {}, options.resources);
      if (response) {
        // RFC 6749 §6: a new refresh token replaces the old one, which may stop working.
        if (response->refresh_token) refresh_token = *response->refresh_token;
        return entry_for(*response);
      }
      const auto& error = response.errors();
      if (error.kind != Kind::unavailable || attempt >= options.retry.attempts) return error;
      auto wait = jittered(delay);
      if (error.retry_after) {
        // The server's word goes, unless it asks for longer than the policy ever waits.
        if (*error.retry_after > options.retry.max_delay) return error;
        wait = std::max<milliseconds>(wait, *error.retry_after);
      }
      if (options.sleep) {
        options.sleep(wait);
      } else {
        std::this_thread::sleep_for(wait);
      }
      delay = std::min(delay * 2, options.retry.max_delay);
    }
  }

  // Fetches a token unless another thread is already at it; then waits for that one's result.
  Result<std::shared_ptr<const Entry>, GrantError> fetch_once() {
    std::unique_lock lock(mutex);
    if (fetching) {
      const auto flight = flights;
      finished.wait(lock, [&] { return flights != flight; });
      if (last_error) return *last_error;
      return load_current();
    }
    fetching = true;
    lock.unlock();
    auto result = fetch();
    lock.lock();
    fetching = false;
    ++flights;
    if (result) {
      publish(*result);
      last_error.reset();
    } else {
      last_error = result.errors();
    }
    finished.notify_all();
    return result;
  }

  Client client;
  TokenSourceOptions options;
  Grant grant;
  std::string refresh_token;  // only touched by the thread that fetches

  // Replaces the current entry; readers notice by the version (see cached()).
  void publish(std::shared_ptr<const Entry> entry) {
    const std::lock_guard lock(current_mutex);
    current = std::move(entry);
    version.fetch_add(1, std::memory_order_release);
  }

  std::shared_ptr<const Entry> load_current() const {
    const std::lock_guard lock(current_mutex);
    return current;
  }

  // The current entry. Each thread keeps the last one it read with the version it had, so a
  // read is one load of a version that changes only when the token does: no lock and no
  // write to memory other threads read. (A lock, or std::atomic<shared_ptr>, which takes one
  // inside, turns two threads reading at once into a contended cache line.)
  std::shared_ptr<const Entry> cached() const {
    struct Seen {
      std::uint64_t source = 0;
      std::uint64_t version = 0;
      std::shared_ptr<const Entry> entry;
    };
    thread_local Seen seen;
    if (seen.source != id || seen.version != version.load(std::memory_order_acquire)) {
      const std::lock_guard lock(current_mutex);
      seen = {id, version.load(std::memory_order_relaxed), current};
    }
    return seen.entry;
  }

  static std::uint64_t next_id() {
    static std::atomic<std::uint64_t> last{0};
    return ++last;
  }

  const std::uint64_t id = next_id();  // for the threads' cached() slots
  mutable std::mutex current_mutex;
  std::shared_ptr<const Entry> current;   // guarded by current_mutex
  std::atomic<std::uint64_t> version{0};  // changed with current, under current_mutex
  std::atomic<bool> refreshing_ahead{false};
  std::atomic<std::size_t> requests{0};

  std::mutex mutex;
  std::condition_variable finished;
  bool fetching = false;
  std::uint64_t flights = 0;
  std::optional<GrantError> last_error;
};

TokenSource::TokenSource(std::unique_ptr<State> state) : state_(std::move(state)) {}
TokenSource::~TokenSource() = default;

std::shared_ptr<TokenSource> TokenSource::client_credentials(Client client,
                                                             TokenSourceOptions options) {
  return std::shared_ptr<TokenSource>(new TokenSource(std::make_unique<State>(
      std::move(client), std::move(options), State::Grant::client_credentials)));
}

std::shared_ptr<TokenSource> TokenSource::refreshing(Client client, const TokenResponse& initial,
                                                     TokenSourceOptions options) {
  auto state =
      std::make_unique<State>(std::move(client), std::move(options), State::Grant::refresh);
  state->refresh_token = initial.refresh_token.value_or("");
  state->publish(state->entry_for(initial));
  return std::shared_ptr<TokenSource>(new TokenSource(std::move(state)));
}

Result<std::shared_ptr<const AccessToken>, GrantError> TokenSource::token() {
  auto& state = *state_;
  // The token inside an entry, sharing its ownership (no reference count is taken twice).
  const auto as_token = [](std::shared_ptr<const Entry> entry) {
    const AccessToken* token = &entry->token;
    return std::shared_ptr<const AccessToken>(std::move(entry), token);
  };
  auto entry = state.cached();
  if (entry) {
    const auto now = state.now();
    if (now < entry->refresh_at) return as_token(std::move(entry));
    if (now < entry->token.expires_at) {
      // Due, not expired: one caller replaces it; the others go on with the valid one, as does
      // that caller when the refresh fails.
      bool expected = false;
      if (state.refreshing_ahead.compare_exchange_strong(expected, true)) {
        auto fresh = state.fetch_once();
        state.refreshing_ahead.store(false);
        if (fresh && *fresh) return as_token(std::move(*fresh));
      }
      return as_token(std::move(entry));
    }
  }
  // A waiter can find the new token already withdrawn (invalidate) when it wakes: it fetches
  // again, once.
  for (int round = 0;; ++round) {
    auto fresh = state.fetch_once();
    if (!fresh) return fresh.errors();
    if (*fresh || round == 1) {
      if (!*fresh) {
        return GrantError{.kind = Kind::unavailable,
                          .message = "the new token was withdrawn before it could be used"};
      }
      return as_token(std::move(*fresh));
    }
  }
}

void TokenSource::invalidate(const AccessToken& rejected) {
  auto& state = *state_;
  const std::lock_guard lock(state.current_mutex);
  if (state.current && state.current->token.value == rejected.value) {
    state.current = nullptr;
    state.version.fetch_add(1, std::memory_order_release);
  }
}

std::size_t TokenSource::request_count() const {
  return state_->requests.load(std::memory_order_relaxed);
}

}  // namespace oaskit::oauth2
