#!/usr/bin/env bash
# The whole ctest suite (GoogleTest, CLI, schema, safety, trace) once more, built with
# AddressSanitizer + UndefinedBehaviorSanitizer (build-asan, scripts/sanitizer-build.sh: the same
# build the fuzzer uses). Any sanitizer report fails the run. The invariant sweep uses its small
# grid here (tests/engine/invariants_test.cpp).
#   scripts/test-sanitizers.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/sanitizer-build.sh
jobs=$(nproc 2>/dev/null || echo 2)
sanitizer_build

# Leaks count as failures; UB stops the test (the build also says -fno-sanitize-recover=all).
export ASAN_OPTIONS=detect_leaks=1:detect_stack_use_after_return=1:strict_string_checks=1:abort_on_error=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export RADICULO_INVARIANT_GRID=small
# One ctest entry per test program (tests/CMakeLists.txt): the invariant sweep alone (it uses every
# core), the others side by side.
log=build-asan/ctest.log
status=0
ctest --test-dir build-asan --output-on-failure -j"$jobs" > "$log" 2>&1 || status=1
if [ "$status" -ne 0 ] || grep -qE 'ERROR: (AddressSanitizer|LeakSanitizer)|runtime error:' "$log"; then
  cat "$log"
  exit 1
fi
sed -n '/tests passed/,$p' "$log"
