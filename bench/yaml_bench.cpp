// read_yaml throughput on the largest YAML documents of the shared corpus, beside libyaml
// building its own document tree from the same bytes (the raw library parse), in one run;
// the table at the end gives MB/s and the ratio. bench/yaml_python.py times PyYAML's
// CSafeLoader on the same files for comparison.

#include <benchmark/benchmark.h>
#include <yaml.h>

#include <cstdio>
#include <fstream>
#include <iterator>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "oaskit/document.hpp"
#include "yaml/read_yaml.hpp"

namespace {

const std::vector<std::string> documents = {
    "openai/openapi.yaml", "twilio-yaml/twilio_api_v2010.yaml", "xero/xero_accounting.yaml"};

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open " + path);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void oaskit_read_yaml(benchmark::State& state, const std::string& text) {
  for (auto _ : state) {
    auto result = oaskit::detail::read_yaml(text);
    if (!result) state.SkipWithError("read_yaml failed");
    benchmark::DoNotOptimize(result);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}

// The whole of oaskit::load: YAML read with positions, the document read into the models and
// validated, every $ref resolved and its target validated. The file is read from disk each
// time, as a tool does.
void oaskit_load(benchmark::State& state, const std::string& path, std::size_t bytes) {
  for (auto _ : state) {
    auto doc = oaskit::load(path);
    if (!doc) state.SkipWithError("load failed");
    benchmark::DoNotOptimize(doc);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
}

void libyaml_document(benchmark::State& state, const std::string& text) {
  for (auto _ : state) {
    yaml_parser_t parser;
    yaml_parser_initialize(&parser);
    yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char*>(text.data()),
                                 text.size());
    yaml_document_t document;
    if (yaml_parser_load(&parser, &document) == 0) state.SkipWithError("libyaml failed");
    benchmark::DoNotOptimize(document);
    yaml_document_delete(&document);
    yaml_parser_delete(&parser);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}

// Keeps each benchmark's MB/s for the table printed after the run.
class RatioReporter : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override {
    ConsoleReporter::ReportRuns(runs);
    for (const auto& run : runs) {
      const auto found = run.counters.find("bytes_per_second");
      if (found != run.counters.end()) mb_per_s[run.benchmark_name()] = found->second / 1e6;
    }
  }
  std::map<std::string, double> mb_per_s;
};

}  // namespace

int main(int argc, char** argv) {
  std::map<std::string, std::string> texts;
  for (const auto& name : documents) {
    texts[name] = read_file(std::string(OASKIT_CORPUS) + "/docs/" + name);
    const std::string& text = texts[name];
    benchmark::RegisterBenchmark((name + "/read_yaml").c_str(), oaskit_read_yaml, text)
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark((name + "/libyaml_document").c_str(), libyaml_document, text)
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark((name + "/load").c_str(), oaskit_load,
                                 std::string(OASKIT_CORPUS) + "/docs/" + name, text.size())
        ->Unit(benchmark::kMillisecond);
  }
  benchmark::Initialize(&argc, argv);
  RatioReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  std::printf("\nMB/s (10^6 bytes of YAML per second) and ratios, from this run\n");
  std::printf("%-36s %10s %10s %10s %14s %14s\n", "document", "read_yaml", "libyaml", "load",
              "read/libyaml", "load/libyaml");
  for (const auto& name : documents) {
    const double ours = reporter.mb_per_s[name + "/read_yaml"];
    const double raw = reporter.mb_per_s[name + "/libyaml_document"];
    const double load = reporter.mb_per_s[name + "/load"];
    if (ours == 0 || raw == 0) continue;
    std::printf("%-36s %10.1f %10.1f %10.1f %13.2fx %13.2fx\n", name.c_str(), ours, raw, load,
                ours / raw, load / raw);
  }
  benchmark::Shutdown();
}
