// Latency of single evaluateJson calls, natively: for each benchmark input, 10,000 calls timed one
// by one (after 1,000 warm-up calls), then the median and the 90th and 99th percentiles in
// microseconds. bench/wasm_latency.mjs measures the same in WebAssembly under Node, so the two
// medians compare directly. Prints one JSON object per line, for bench/run.sh.
//   build/bin/evaluate_latency [calls]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "bench_inputs.h"
#include "engine.h"

int main(int argc, char** argv) {
  const int calls = argc > 1 ? std::atoi(argv[1]) : 10000;
  if (calls <= 0) return 1;
  std::size_t sink = 0;
  for (const radiculo::bench::BenchInput& bench : radiculo::bench::kBenchInputs) {
    const std::string input = radiculo::bench::inputText(bench.vector);
    for (int i = 0; i < 1000; ++i) sink += radiculo::evaluateJson(input).size();
    std::vector<double> micros(static_cast<std::size_t>(calls));
    for (double& m : micros) {
      const auto start = std::chrono::steady_clock::now();
      sink += radiculo::evaluateJson(input).size();
      m = std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start).count();
    }
    std::sort(micros.begin(), micros.end());
    const auto at = [&](double q) { return micros[static_cast<std::size_t>(q * (micros.size() - 1))]; };
    std::printf("{\"input\":\"%s\",\"vector\":\"%s\",\"calls\":%d,\"medianUs\":%.2f,\"p90Us\":%.2f,\"p99Us\":%.2f}\n",
                bench.label, bench.vector, calls, at(0.5), at(0.9), at(0.99));
  }
  return sink == 0;  // keeps the calls from being optimised away
}
