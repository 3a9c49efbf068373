#pragma once
// What the schema benchmarks (oaskit_schema_bench, oaskit_schema_bound) share: reading their
// JSON inputs and timing a batch of validations.

#include <boost/json.hpp>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <sstream>

namespace oaskit::bench {

inline boost::json::value read_json(const char* path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return boost::json::parse(text.str());
}

// Runs `body` (which validates `batch` instances) over and over for `seconds`. The clock is
// read once per `repeat` runs, so that a batch of a few instances of a small schema measures
// the validator and not the clock (reading it cost a sixth of such a batch); the peers do the
// same.
template <class Body>
double per_second(double seconds, std::size_t batch, Body&& body) {
  using clock = std::chrono::steady_clock;
  const std::size_t repeat = std::max<std::size_t>(1, (256 + batch - 1) / batch);
  std::size_t rounds = 0;
  const auto start = clock::now();
  auto now = start;
  do {
    for (std::size_t r = 0; r < repeat; ++r) body();
    rounds += repeat;
    now = clock::now();
  } while (std::chrono::duration<double>(now - start).count() < seconds);
  return static_cast<double>(rounds * batch) / std::chrono::duration<double>(now - start).count();
}

}  // namespace oaskit::bench
