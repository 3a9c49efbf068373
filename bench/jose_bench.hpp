#pragma once
// The JOSE verify benchmarks' ratio table (jose_bench.cpp), printed by oaskit_bench's main.

#include <functional>
#include <optional>
#include <string>

namespace oaskit::bench {

/// Prints our verify time over raw OpenSSL's for each algorithm that ran; `per_second` gives
/// a benchmark's rate by name (nullopt when it did not run).
void print_verify_ratios(
    const std::function<std::optional<double>(const std::string&)>& per_second);

}  // namespace oaskit::bench
