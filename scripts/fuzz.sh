#!/usr/bin/env bash
# Fuzzes the engine's JSON entry (evaluateJson) with libFuzzer for a bounded time, with ASan and
# UBSan, checking the properties in tests/fuzz/evaluate_fuzzer.cpp on every input. Built in
# build-asan (scripts/sanitizer-build.sh: the same build as the sanitizer tests); the fuzzer's
# files are in build-asan/fuzz/.
#   scripts/fuzz.sh            60 seconds (what CI runs)
#   scripts/fuzz.sh 3600       an hour; the corpus in build-asan/fuzz/corpus grows across runs
#   FUZZ_JOBS=2 scripts/fuzz.sh 3600   two fuzzing processes sharing the corpus
# Needs clang-14, libclang-rt-14-dev and libfuzzer-14-dev (scripts/setup.sh installs them).
# A finding stops the run: the input is saved as build-asan/fuzz/artifacts/crash-* (or leak-*,
# timeout-*); replay it with build-asan/bin/evaluate_fuzzer build-asan/fuzz/artifacts/crash-...
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/sanitizer-build.sh
seconds=${1:-60}
sanitizer_build evaluate_fuzzer

# Seeds: the exact input text of every shared case, refreshed each run; the working corpus keeps
# what earlier runs found.
work=build-asan/fuzz
/usr/bin/python3 tests/fuzz/seed_corpus.py tests/vectors "$work/seeds"
mkdir -p "$work/corpus" "$work/artifacts"

options=(
  -max_total_time="$seconds"
  -dict=../../tests/fuzz/evaluate.dict
  -max_len=65536              # the engine's whole input limit (kMaxInputBytes): cost that grows with
                              # size, like deep nesting, only shows near it
  -timeout=10                 # an input taking 10 s is a finding
  -rss_limit_mb=2048
  -use_value_profile=1
  -print_final_stats=1
  -artifact_prefix=artifacts/
)
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:symbolize=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
fuzz_jobs=${FUZZ_JOBS:-1}
if [ "$fuzz_jobs" -gt 1 ]; then
  options+=(-jobs="$fuzz_jobs" -workers="$fuzz_jobs")   # each worker logs to build-asan/fuzz/fuzz-<n>.log
fi
cd "$work"
rm -f fuzz-*.log
echo "fuzz: evaluate_fuzzer for $seconds s ($fuzz_jobs process(es)); log in $work/fuzz.log"
status=0
../bin/evaluate_fuzzer "${options[@]}" corpus seeds > fuzz.log 2>&1 || status=$?
# The last coverage line and the final stats: executions, coverage (cov) and features (ft).
for log in fuzz.log fuzz-*.log; do
  [ -f "$log" ] || continue
  grep -E '^#[0-9]+.*(DONE|cov:)' "$log" | tail -n 1 || true
  grep -E '^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)' "$log" || true
done
if [ "$status" -ne 0 ]; then
  echo "fuzz: FAILED (exit $status); the reproducer is in $work/artifacts/:"
  ls -1 artifacts/
  tail -n 60 fuzz.log
  exit 1
fi
echo "fuzz: no finding"
