// Google Benchmark for the engine's JSON entry, evaluateJson, on a typical, an emergency, an
// incomplete and an invalid input (bench/bench_inputs.h). bench/run.sh runs it with repetitions
// and prints the medians.
#include <benchmark/benchmark.h>

#include "bench_inputs.h"
#include "engine.h"

namespace {

void evaluate(benchmark::State& state, const char* vector) {
  const std::string input = radiculo::bench::inputText(vector);
  for (auto _ : state) {
    std::string output = radiculo::evaluateJson(input);
    benchmark::DoNotOptimize(output);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * input.size()));
}

// The content is parsed once, on first use; keep that out of the first benchmark.
const bool kWarm = !radiculo::evaluateJson("{}").empty();

}  // namespace

BENCHMARK_CAPTURE(evaluate, typical, radiculo::bench::kBenchInputs[0].vector)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(evaluate, emergency, radiculo::bench::kBenchInputs[1].vector)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(evaluate, incomplete, radiculo::bench::kBenchInputs[2].vector)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(evaluate, invalid, radiculo::bench::kBenchInputs[3].vector)->Unit(benchmark::kMicrosecond);

BENCHMARK_MAIN();
