#!/usr/bin/env bash
# The whole GoogleTest suite (and the CLI, schema, safety and trace tests) once more, built with
# AddressSanitizer + UndefinedBehaviorSanitizer: the RADICULO_SANITIZE option of CMakeLists.txt,
# in its own build directory (build-asan). Any sanitizer report fails the run. The invariant
# sweep uses its small grid here (tests/engine/invariants_test.cpp).
#   scripts/test-sanitizers.sh
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)

# -O1 -g1 (line tables only): the compile is most of this stage, and per file it costs about a third
# less CPU than -O2 -g (18.3 s -> 11.8 s for what_would_change.cpp); reports still name file and line.
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1 -DNDEBUG" \
  -DRADICULO_SANITIZE=ON -DRADICULO_BENCH=OFF >/dev/null
cmake --build build-asan -j"$jobs" > build-asan/build.log 2>&1 || { cat build-asan/build.log; exit 1; }

# Leaks count as failures; UB stops the test (the build also says -fno-sanitize-recover=all).
export ASAN_OPTIONS=detect_leaks=1:detect_stack_use_after_return=1:strict_string_checks=1:abort_on_error=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
# Each GoogleTest binary runs as one process (ctest would start one per test: 1,100+ sanitized
# start-ups, about 4 minutes of a 2-core CI run), the two small ones side by side; the invariant
# sweep uses every core, so it runs alone. Then the CLI and the scripts' tests through ctest.
log=build-asan/ctest.log
: > "$log"
run() { "build-asan/bin/$1" --gtest_brief=1 > "build-asan/$1.log" 2>&1; }
run engine_tests & engine=$!
run worst_case_tests & worst=$!
status=0
wait "$engine" || status=1
wait "$worst" || status=1
run invariant_tests || status=1
cat build-asan/engine_tests.log build-asan/worst_case_tests.log build-asan/invariant_tests.log >> "$log"
ctest --test-dir build-asan --output-on-failure -j"$jobs" -R '^(cli|schema|safety|trace)[.]' >> "$log" 2>&1 || status=1
if [ "$status" -ne 0 ] || grep -qE 'ERROR: (AddressSanitizer|LeakSanitizer)|runtime error:' "$log"; then
  cat "$log"
  exit 1
fi
grep -hE '^\[  PASSED  \]|tests passed' "$log"
