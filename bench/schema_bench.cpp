// oaskit's side of bench/schema_bench.py: compiles the schema at a JSON pointer in a document,
// then validates a list of instances over and over for a while, and prints what it measured
// as one JSON line. The peers (ajv, python-jsonschema) print the same line for the same files.
//
//   oaskit_schema_bench DOCUMENT POINTER INSTANCES.json DIALECT SECONDS
//
// Output: {"compile_ms": ..., "first": {"valid": n, "invalid": n}, "fast_per_s": ...,
//          "all_errors_per_s": ..., "errors": n}
// fast_per_s: is_valid (stops at the first failure, ajv's allErrors: false);
// all_errors_per_s: validate (every error with its locations, ajv's allErrors: true).

#include <boost/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "oaskit/schema.hpp"

namespace {

boost::json::value read_json(const char* path) {
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

}  // namespace

int main(int argc, char** argv) {
  if (argc != 6 && argc != 7) {
    std::cerr << "usage: oaskit_schema_bench DOCUMENT POINTER INSTANCES.json DIALECT SECONDS "
                 "[fast|all]\n";
    return 2;
  }
  // One mode only (for a profiler); both by default.
  const std::string only = argc == 7 ? argv[6] : "";
  const auto document = read_json(argv[1]);
  const auto instances = read_json(argv[3]).as_array();
  oaskit::schema::CompileOptions options;
  options.dialect = *oaskit::schema::dialect_from_name(argv[4]);
  const double seconds = std::stod(argv[5]);

  using clock = std::chrono::steady_clock;
  const auto compile_start = clock::now();
  auto validator = oaskit::schema::Validator::compile(document, argv[2], options);
  const double compile_ms =
      std::chrono::duration<double, std::milli>(clock::now() - compile_start).count();
  if (!validator) {
    std::cerr << "does not compile: " << validator.errors().front().msg << "\n";
    return 1;
  }
  std::size_t valid = 0, errors = 0;
  for (const auto& instance : instances) {
    valid += validator->is_valid(instance) ? 1 : 0;
    errors += validator->validate(instance).size();
  }
  std::size_t sink = 0;
  const double fast = only == "all" ? 0 : per_second(seconds, instances.size(), [&] {
    for (const auto& instance : instances) sink += validator->is_valid(instance) ? 1 : 0;
  });
  const double all = only == "fast" ? 0 : per_second(seconds, instances.size(), [&] {
    for (const auto& instance : instances) sink += validator->validate(instance).size();
  });
  boost::json::object out{{"compile_ms", compile_ms},
                          {"valid", valid},
                          {"invalid", instances.size() - valid},
                          {"errors", errors},
                          {"fast_per_s", fast},
                          {"all_errors_per_s", all},
                          {"sink", sink}};
  std::cout << boost::json::serialize(out) << "\n";
  return 0;
}
