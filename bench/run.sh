#!/usr/bin/env bash
# Engine benchmarks: prints numbers (medians), never pass/fail.
#   1. Google Benchmark, evaluateJson on typical / emergency / incomplete / invalid inputs:
#      median of 10 repetitions (build/bin/engine_bench, needs libbenchmark-dev).
#   2. Latency of single calls: median of 10,000 evaluate calls natively
#      (build/bin/evaluate_latency) and in the shipped WebAssembly module under Node
#      (bench/wasm_latency.mjs), and their ratio.
#   3. WebAssembly memory after 1,000 and 100,000 evaluations (tests/wasm/memory.test.mjs, which
#      also asserts that the two are equal).
#   4. The worst cases: time and peak heap of the nastiest inputs up to 64 KiB (deep nesting, many
#      keys, many errors, long strings), natively (build/bin/worst_case_bench) and in WebAssembly
#      (bench/worst_case.mjs).
# Numbers land in bench/results/ too. Run on an idle machine: other load skews every number.
#   bench/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)
mkdir -p bench/results

cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$jobs" --target evaluate_latency worst_case_bench radiculo >/dev/null
cmake --build build -j"$jobs" --target engine_bench >/dev/null 2>&1 || echo "(engine_bench not built: apt-get install libbenchmark-dev)"
./build-wasm.sh >/dev/null

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), load $(cut -d' ' -f1-3 /proc/loadavg)"
if [ -x build/bin/engine_bench ]; then
  echo
  echo "== Google Benchmark: evaluateJson, median of 10 repetitions"
  build/bin/engine_bench --benchmark_repetitions=10 --benchmark_report_aggregates_only=true \
    --benchmark_out=bench/results/engine_bench.json --benchmark_out_format=json 2>/dev/null \
    | grep -E '^Benchmark|_median' | sed 's/_median//'
fi

echo
echo "== native vs WebAssembly (Node $(node --version)): single-call latency"
build/bin/evaluate_latency 10000 > bench/results/native_latency.jsonl
node bench/wasm_latency.mjs --native bench/results/native_latency.jsonl | tee bench/results/latency.txt

echo
echo "== WebAssembly memory (tests/wasm/memory.test.mjs)"
node --test tests/wasm/memory.test.mjs 2>&1 | grep -E '^# wasm memory|^# (pass|fail) ' | sed 's/^# //' | tee bench/results/memory.txt

echo
echo "== worst cases, each input at most 64 KiB (bench/worst_case.mjs)"
node bench/worst_case.mjs | tee bench/results/worst_case.txt
