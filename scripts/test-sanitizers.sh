#!/usr/bin/env bash
# The whole GoogleTest suite (and the CLI and schema tests) once more, built with
# AddressSanitizer + UndefinedBehaviorSanitizer: the RADICULO_SANITIZE option of CMakeLists.txt,
# in its own build directory (build-asan). Any sanitizer report fails the run. The invariant
# sweep uses its small grid here (tests/engine/invariants_test.cpp).
#   scripts/test-sanitizers.sh
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)

cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DRADICULO_SANITIZE=ON -DRADICULO_BENCH=OFF >/dev/null
cmake --build build-asan -j"$jobs" > build-asan/build.log 2>&1 || { cat build-asan/build.log; exit 1; }

# Leaks count as failures; UB stops the test (the build also says -fno-sanitize-recover=all).
export ASAN_OPTIONS=detect_leaks=1:detect_stack_use_after_return=1:strict_string_checks=1:abort_on_error=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
ctest --test-dir build-asan --output-on-failure -j"$jobs" > build-asan/ctest.log 2>&1 || { cat build-asan/ctest.log; exit 1; }
if grep -qE 'ERROR: (AddressSanitizer|LeakSanitizer)|runtime error:' build-asan/ctest.log; then
  cat build-asan/ctest.log
  exit 1
fi
tail -n 3 build-asan/ctest.log
