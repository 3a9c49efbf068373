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

#include <cstdio>
#include <iostream>
#include <string>

#include "oaskit/schema.hpp"
#include "schema_timing.hpp"

using oaskit::bench::per_second;
using oaskit::bench::read_json;

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
