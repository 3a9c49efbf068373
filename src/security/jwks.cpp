#include "oaskit/security/jwks.hpp"

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <optional>

#include "http/cache_control.hpp"
#include "http/client.hpp"
#include "security/discovery.hpp"

namespace oaskit::security {
namespace {

using Clock = std::chrono::steady_clock;
using KeysResult = Result<std::shared_ptr<const jose::KeySet>, TokenError>;

// Without any keys, a failed fetch is retried this soon at the latest: soon enough that a
// blip at start-up does not refuse every token for min_refetch_interval, late enough that a
// failing server is not asked once per incoming request.
constexpr std::chrono::seconds kRetryWithoutKeys{1};

struct Fetched {
  jose::KeySet keys;
  std::chrono::seconds max_age;
};

enum class Reason { stale, unknown_kid };

}  // namespace

struct JwksSource::State {
  JwksSourceOptions options;
  std::string issuer;  // for from_issuer: where to discover jwks_url

  std::mutex fetch_mutex;  // held by the one thread fetching; others wait for its outcome
  std::string jwks_url;    // guarded by fetch_mutex (set once discovered)

  mutable std::mutex mutex;  // guards what follows
  std::shared_ptr<const jose::KeySet> keys;
  Clock::time_point fresh_until{};
  std::optional<Clock::time_point> last_fetch;
  bool last_fetch_failed = false;
  std::string last_failure;
  std::uint64_t fetches_done = 0;  // tells a waiting thread that someone fetched meanwhile

  std::atomic<std::size_t> requests{0};

  [[nodiscard]] Clock::time_point now() const {
    return options.clock ? options.clock() : Clock::now();
  }

  // The last good keys, else why there are none. `mutex` held.
  [[nodiscard]] KeysResult current() const {
    if (keys) return keys;
    return TokenError{TokenCheck::unavailable, "signing keys are unavailable", last_failure};
  }

  // `mutex` held.
  [[nodiscard]] bool may_fetch(Reason reason, Clock::time_point time) const {
    if (!last_fetch) return true;
    const auto since = time - *last_fetch;
    if (reason == Reason::unknown_kid) return since >= options.min_refetch_interval;
    if (keys && time < fresh_until) return false;
    if (!last_fetch_failed) return true;
    return since >=
           (keys ? options.min_refetch_interval
                 : std::min<Clock::duration>(options.min_refetch_interval, kRetryWithoutKeys));
  }

  KeysResult refresh(Reason reason) {
    std::uint64_t seen = 0;
    {
      const std::lock_guard lock(mutex);
      seen = fetches_done;
    }
    const std::lock_guard flight(fetch_mutex);
    const auto started = now();
    {
      const std::lock_guard lock(mutex);
      if (fetches_done != seen || !may_fetch(reason, started)) return current();
    }
    auto fetched = fetch();
    const std::lock_guard lock(mutex);
    ++fetches_done;
    last_fetch = started;
    last_fetch_failed = !fetched;
    if (fetched) {
      keys = std::make_shared<const jose::KeySet>(std::move(fetched->keys));
      fresh_until = now() + fetched->max_age;
      last_failure.clear();
    } else {
      last_failure = fetched.errors().message;
    }
    return current();
  }

  // One fetch (with discovery first for from_issuer); a JWKS that does not parse, or has no key
  // oaskit can use, is a failed fetch. `fetch_mutex` held.
  Result<Fetched, detail::FetchError> fetch() {
    if (jwks_url.empty()) {
      auto metadata = detail::discover_counted(issuer, options.http, requests);
      if (!metadata) return detail::FetchError{metadata.errors().internal};
      if (metadata->jwks_uri.empty()) {
        return detail::FetchError{"the metadata of issuer '" + issuer + "' has no jwks_uri"};
      }
      jwks_url = metadata->jwks_uri;
    }
    ++requests;
    const auto response = detail::send(
        {.url = jwks_url, .headers = {{"Accept", "application/jwk-set+json, application/json"}}},
        options.http);
    const std::string where = "the JWKS at '" + jwks_url + "'";
    if (!response)
      return detail::FetchError{"fetching " + where + " failed: " + response.errors().message};
    if (response->status != 200) {
      return detail::FetchError{"fetching " + where + " answered HTTP status " +
                                std::to_string(response->status)};
    }
    auto parsed = jose::KeySet::from_jwks(response->body);
    if (!parsed) return detail::FetchError{where + " is not valid: " + parsed.errors().message};
    if (parsed->empty()) return detail::FetchError{where + " has no key oaskit can use"};
    const auto lifetime = detail::freshness_lifetime(*response, std::chrono::system_clock::now());
    const auto max_age =
        lifetime ? std::min(std::max(*lifetime, options.min_max_age), options.max_max_age)
                 : options.default_max_age;
    return Fetched{std::move(*parsed), max_age};
  }
};

std::shared_ptr<JwksSource> JwksSource::from_url(std::string jwks_url, JwksSourceOptions options) {
  auto state = std::make_unique<State>();
  state->options = std::move(options);
  state->jwks_url = std::move(jwks_url);
  return std::make_shared<JwksSource>(std::move(state));
}

std::shared_ptr<JwksSource> JwksSource::from_issuer(std::string issuer, JwksSourceOptions options) {
  auto state = std::make_unique<State>();
  state->options = std::move(options);
  state->issuer = std::move(issuer);
  return std::make_shared<JwksSource>(std::move(state));
}

JwksSource::JwksSource(std::unique_ptr<State> state) : state_(std::move(state)) {}
JwksSource::~JwksSource() = default;

Result<std::shared_ptr<const jose::KeySet>, TokenError> JwksSource::keys() {
  {
    const std::lock_guard lock(state_->mutex);
    if (state_->keys && state_->now() < state_->fresh_until) return state_->keys;
  }
  return state_->refresh(Reason::stale);
}

Result<std::shared_ptr<const jose::KeySet>, TokenError> JwksSource::refresh_for_unknown_kid() {
  return state_->refresh(Reason::unknown_kid);
}

std::size_t JwksSource::fetch_count() const { return state_->requests.load(); }

}  // namespace oaskit::security
