// Parse and write throughput of oaskit on the largest JSON documents of the shared corpus,
// side by side with the raw limit on the same bytes: simdjson's DOM parse and Boost.JSON's
// parse and serialize. All run in one process, and the table at the end gives ratios (the
// machine is noisy; ratios within one run are what we report, not absolute times).
//
// Benchmarks are named <document>/<parse|write>/<library>, so
// --benchmark_filter=openai/ or --benchmark_filter=/parse/ or
// --benchmark_filter='discord/.*/write' select a subset.

#include <benchmark/benchmark.h>
#include <unistd.h>

#include <simdjson.h>
#include <algorithm>
#include <boost/json.hpp>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "jose_bench.hpp"
#include "oaskit/json.hpp"
#include "oaskit/models.hpp"

namespace {

constexpr std::size_t documents_to_run = 4;

/// One corpus document and everything the benchmarks need prepared from it.
struct Document {
  std::string name;  // its path under docs/, e.g. "openai/openapi.json"
  std::string text;
  // The bytes simdjson reads: `text`, or `text` with big integers widened (see below).
  simdjson::padded_string simdjson_input;
  bool widened = false;
  boost::json::value boost_value;
  std::optional<oaskit::OpenAPI> model;  // absent when oaskit reports errors
  std::string oaskit_error;              // the first error then
  std::size_t compact_size = 0;          // boost::json::serialize(boost_value).size()
  std::size_t oaskit_output_size = 0;    // oaskit::to_json(*model).size()
};

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open " + path);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// True for an integer literal (no fraction, no exponent) that fits neither int64 nor uint64.
bool out_of_range_integer(std::string_view token) {
  if (token.find_first_of(".eE") != std::string_view::npos) return false;
  const char* first = token.data();
  const char* last = token.data() + token.size();
  if (token.starts_with('-')) {
    std::int64_t value = 0;
    return std::from_chars(first, last, value).ec == std::errc::result_out_of_range;
  }
  std::uint64_t value = 0;
  return std::from_chars(first, last, value).ec == std::errc::result_out_of_range;
}

// simdjson 3.0.1 rejects integer literals outside the 64-bit range, which are valid JSON: the
// openai document has e.g. -9223372036854776000 (-2^63 as JavaScript prints it). For the raw
// baseline we append ".0" to each such literal, as oaskit does internally on that document,
// so simdjson reads the same digits as a double (what Boost.JSON makes of them too).
// Returns the number of literals widened.
std::size_t widen_big_integers(std::string_view text, std::string& out) {
  std::size_t widened = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (c == '"') {  // copy the string, escapes included
      const std::size_t start = i;
      for (++i; i < text.size() && text[i] != '"'; ++i) {
        if (text[i] == '\\') ++i;
      }
      ++i;
      out.append(text.substr(start, i - start));
      continue;
    }
    if (c == '-' || is_digit(c)) {
      const std::size_t start = i;
      for (++i; i < text.size() && (is_digit(text[i]) || text[i] == '.' || text[i] == 'e' ||
                                    text[i] == 'E' || text[i] == '+' || text[i] == '-');
           ++i) {
      }
      const std::string_view token = text.substr(start, i - start);
      out.append(token);
      if (out_of_range_integer(token)) {
        out += ".0";
        ++widened;
      }
      continue;
    }
    out += c;
    ++i;
  }
  return widened;
}

std::vector<std::string> split(const std::string& line, char separator) {
  std::vector<std::string> fields;
  std::stringstream in(line);
  for (std::string field; std::getline(in, field, separator);) fields.push_back(field);
  return fields;
}

// The `count` largest JSON documents listed in the corpus's MANIFEST.tsv, largest first, as
// paths relative to the corpus root (docs/...).
std::vector<std::string> largest_json_documents(const std::string& corpus, std::size_t count) {
  std::istringstream manifest(read_file(corpus + "/MANIFEST.tsv"));
  std::string line;
  std::getline(manifest, line);
  const std::vector<std::string> header = split(line, '\t');
  const auto column = [&](std::string_view name) {
    const auto it = std::find(header.begin(), header.end(), name);
    if (it == header.end()) throw std::runtime_error("MANIFEST.tsv has no column " + line);
    return static_cast<std::size_t>(it - header.begin());
  };
  const std::size_t path_column = column("path");
  const std::size_t format_column = column("format");
  const std::size_t bytes_column = column("bytes");

  std::vector<std::pair<std::size_t, std::string>> rows;  // (bytes, path)
  while (std::getline(manifest, line)) {
    const std::vector<std::string> fields = split(line, '\t');
    if (fields.size() < header.size() || fields[format_column] != "json") continue;
    rows.emplace_back(std::stoull(fields[bytes_column]), fields[path_column]);
  }
  std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a > b; });
  rows.resize(std::min(rows.size(), count));
  std::vector<std::string> paths;
  for (auto& row : rows) paths.push_back(std::move(row.second));
  return paths;
}

std::unique_ptr<Document> load(const std::string& corpus, const std::string& path) {
  auto doc = std::make_unique<Document>();
  doc->name = path.starts_with("docs/") ? path.substr(5) : path;
  doc->text = read_file(corpus + "/" + path);

  std::string widened;
  widened.reserve(doc->text.size() + 64);
  doc->widened = widen_big_integers(doc->text, widened) > 0;
  doc->simdjson_input = simdjson::padded_string(doc->widened ? widened : doc->text);

  doc->boost_value = boost::json::parse(doc->text);
  doc->compact_size = boost::json::serialize(doc->boost_value).size();

  auto parsed = oaskit::parse<oaskit::OpenAPI>(doc->text);
  if (parsed) {
    doc->model = std::move(*parsed);
    doc->oaskit_output_size = oaskit::to_json(*doc->model).size();
  } else {
    doc->oaskit_error = oaskit::to_string(parsed.errors().front());
  }
  return doc;
}

// The benchmarks. Each counts the same bytes as its rival, so MB/s ratios are time ratios:
// parses count the document's size, writes the size of its compact serialization.

void parse_simdjson(benchmark::State& state, const Document* doc) {
  simdjson::dom::parser parser;  // reused: its buffers are allocated once, as simdjson intends
  for (auto _ : state) {
    simdjson::dom::element root;
    if (auto error = parser.parse(doc->simdjson_input).get(root)) {
      state.SkipWithError(simdjson::error_message(error));
      return;
    }
    benchmark::DoNotOptimize(root);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * doc->text.size()));
}

void parse_boost_json(benchmark::State& state, const Document* doc) {
  for (auto _ : state) {
    boost::json::value value = boost::json::parse(doc->text);  // destroyed in the loop
    benchmark::DoNotOptimize(value);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * doc->text.size()));
}

void parse_oaskit(benchmark::State& state, const Document* doc) {
  if (!doc->model) state.SetLabel("parse reports errors: " + doc->oaskit_error);
  for (auto _ : state) {
    // Parse and validate into models; the result is destroyed in the loop, as for Boost.JSON.
    auto result = oaskit::parse<oaskit::OpenAPI>(doc->text);
    benchmark::DoNotOptimize(result);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * doc->text.size()));
}

// The same parse with the model's destruction left out of the timing: what a caller waits
// for before it has the model (simdjson's reused parser has nothing to destroy either).
void parse_oaskit_model_ready(benchmark::State& state, const Document* doc) {
  for (auto _ : state) {
    auto result = oaskit::parse<oaskit::OpenAPI>(doc->text);
    benchmark::DoNotOptimize(result);
    state.PauseTiming();
    result = oaskit::Errors{};
    state.ResumeTiming();
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * doc->text.size()));
}

// Copying the parsed model and destroying the copy: no JSON, no lookups, no validation, only
// building the model's strings, vectors and boxes. Bytes counted as for the parses, so this is
// the floor any parser into these models pays.
void copy_oaskit(benchmark::State& state, const Document* doc) {
  if (!doc->model) {
    state.SkipWithError(("no model to copy: " + doc->oaskit_error).c_str());
    return;
  }
  for (auto _ : state) {
    oaskit::OpenAPI copy = *doc->model;
    benchmark::DoNotOptimize(copy);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * doc->text.size()));
}

void write_oaskit(benchmark::State& state, const Document* doc) {
  if (!doc->model) {
    state.SkipWithError(("no model to write: " + doc->oaskit_error).c_str());
    return;
  }
  for (auto _ : state) {
    std::string out = oaskit::to_json(*doc->model);
    benchmark::DoNotOptimize(out);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * doc->compact_size));
}

void write_boost_json(benchmark::State& state, const Document* doc) {
  for (auto _ : state) {
    std::string out = boost::json::serialize(doc->boost_value);
    benchmark::DoNotOptimize(out);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * doc->compact_size));
}

struct Case {
  const char* name;
  void (*run)(benchmark::State&, const Document*);
};
constexpr Case cases[] = {
    {"parse/simdjson", parse_simdjson},     {"parse/boost_json", parse_boost_json},
    {"parse/oaskit", parse_oaskit},         {"parse/oaskit_ready", parse_oaskit_model_ready},
    {"parse/copy_model", copy_oaskit},      {"write/oaskit", write_oaskit},
    {"write/boost_json", write_boost_json},
};

/// Prints the usual console output and keeps each benchmark's bytes per second.
class CollectingReporter : public benchmark::ConsoleReporter {
 public:
  using ConsoleReporter::ConsoleReporter;

  void ReportRuns(const std::vector<Run>& runs) override {
    ConsoleReporter::ReportRuns(runs);
    for (const Run& run : runs) {
      // With --benchmark_repetitions, the median stands for the benchmark.
      const bool counts = run.run_type == Run::RT_Iteration ||
                          (run.run_type == Run::RT_Aggregate && run.aggregate_name == "median");
      if (!counts || run.error_occurred) continue;
      const auto it = run.counters.find("bytes_per_second");
      if (it == run.counters.end()) continue;
      bytes_per_second_[run.run_name.function_name] = it->second.value;
    }
  }

  /// The throughput of benchmark `name` in MB/s (10^6 bytes), if it ran.
  [[nodiscard]] std::optional<double> mb_per_second(const std::string& name) const {
    const auto bytes = per_second(name);
    if (!bytes) return std::nullopt;
    return *bytes / 1e6;
  }

  /// The bytes (or, for benchmarks that count them so, operations) per second of `name`.
  [[nodiscard]] std::optional<double> per_second(const std::string& name) const {
    const auto it = bytes_per_second_.find(name);
    if (it == bytes_per_second_.end()) return std::nullopt;
    return it->second;
  }

 private:
  std::map<std::string, double> bytes_per_second_;
};

std::string cell(std::optional<double> value, const char* format) {
  if (!value) return "-";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, format, *value);
  return buffer;
}

std::optional<double> ratio(std::optional<double> a, std::optional<double> b) {
  if (!a || !b || *b == 0) return std::nullopt;
  return *a / *b;
}

void print_tables(const CollectingReporter& reporter,
                  const std::vector<std::unique_ptr<Document>>& docs) {
  const auto mb = [&](const Document& doc, const char* name) {
    return reporter.mb_per_second(doc.name + "/" + name);
  };
  std::printf("\nParse, MB/s (10^6 bytes of the document per second) and ratios, from this run\n");
  std::printf("%-36s %9s %10s %9s %12s %12s %14s %12s\n", "document", "simdjson", "boost_json",
              "oaskit", "oaskit/simd", "oaskit/boost", "ready/simd", "copy/simd");
  std::printf("%-36s %9s %10s %9s %12s %12s %14s %12s\n", "", "", "", "", "(goal>=0.33)", "",
              "(no destroy)", "(floor)");
  for (const auto& doc : docs) {
    const auto simd = mb(*doc, "parse/simdjson");
    const auto boost = mb(*doc, "parse/boost_json");
    const auto oaskit = mb(*doc, "parse/oaskit");
    const auto ready = mb(*doc, "parse/oaskit_ready");
    const auto copy = mb(*doc, "parse/copy_model");
    std::printf("%-36s %9s %10s %9s %12s %12s %14s %12s\n", doc->name.c_str(),
                cell(simd, "%.1f").c_str(), cell(boost, "%.1f").c_str(),
                cell(oaskit, "%.1f").c_str(), cell(ratio(oaskit, simd), "%.3f").c_str(),
                cell(ratio(oaskit, boost), "%.3f").c_str(),
                cell(ratio(ready, simd), "%.3f").c_str(), cell(ratio(copy, simd), "%.3f").c_str());
  }

  std::printf("\nWrite, MB/s (10^6 bytes of compact JSON per second) and ratio, from this run\n");
  std::printf("%-36s %9s %10s %12s %14s\n", "document", "oaskit", "boost_json", "oaskit/boost",
              "bytes out");
  std::printf("%-36s %9s %10s %12s %14s\n", "", "", "", "(goal>=0.5)", "oaskit/boost");
  for (const auto& doc : docs) {
    const auto oaskit = mb(*doc, "write/oaskit");
    const auto boost = mb(*doc, "write/boost_json");
    const std::string sizes =
        std::to_string(doc->oaskit_output_size) + "/" + std::to_string(doc->compact_size);
    std::printf("%-36s %9s %10s %12s %14s\n", doc->name.c_str(), cell(oaskit, "%.1f").c_str(),
                cell(boost, "%.1f").c_str(), cell(ratio(oaskit, boost), "%.3f").c_str(),
                sizes.c_str());
  }

  for (const auto& doc : docs) {
    if (doc->widened) {
      std::printf(
          "\n%s: simdjson read it with integers beyond 64 bits written as doubles "
          "(\".0\" appended)\n",
          doc->name.c_str());
    }
    if (!doc->model) {
      std::printf("%s: oaskit reports errors, first: %s\n", doc->name.c_str(),
                  doc->oaskit_error.c_str());
    }
  }
  std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;

  std::vector<std::unique_ptr<Document>> docs;
  try {
    for (const std::string& path : largest_json_documents(OASKIT_CORPUS, documents_to_run)) {
      docs.push_back(load(OASKIT_CORPUS, path));
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "oaskit_bench: %s\n", e.what());
    return 1;
  }

  for (const auto& doc : docs) {
    for (const Case& c : cases) {
      benchmark::RegisterBenchmark((doc->name + "/" + c.name).c_str(), c.run, doc.get())
          ->Unit(benchmark::kMillisecond);
    }
  }

  // Our reporter replaces the console one, so --benchmark_format is not honoured; use
  // --benchmark_out=<file> --benchmark_out_format=json for machine-readable results.
  CollectingReporter reporter(isatty(STDOUT_FILENO) ? benchmark::ConsoleReporter::OO_Color
                                                    : benchmark::ConsoleReporter::OO_None);
  if (benchmark::RunSpecifiedBenchmarks(&reporter) > 0) {
    print_tables(reporter, docs);
    oaskit::bench::print_verify_ratios(
        [&](const std::string& name) { return reporter.per_second(name); });
  }
  benchmark::Shutdown();
  return 0;
}
