#!/usr/bin/env bash
# Sets everything up, then runs every test: the engine (GoogleTest, CLI, schema, safety, trace),
# the engine again under sanitizers and a fuzzer, the content checks, the page's logic in Node, the
# WebAssembly build in Node and its reproducibility, and the real page in headless Chromium.
#   bash scripts/test.sh            everything (what CI runs)
#   bash scripts/test.sh --quick    the quick lane, about 2 minutes on 2 cores after setup: the
#                                   builds (incremental), the byte budget, lint, the engine's tests with the small
#                                   invariant grid, the content checks, the page's logic and the
#                                   WebAssembly tests in Node (memory: 10,000 calls). No sanitizers,
#                                   fuzzing, reproducibility rebuild or browser.
# Each stage prints its time; the last line sums them up.
set -euo pipefail
cd "$(dirname "$0")/.."
quick=0
case "${1:-}" in
  --quick) quick=1 ;;
  "") ;;
  *) echo "usage: bash scripts/test.sh [--quick]" >&2; exit 2 ;;
esac
jobs=$(nproc 2>/dev/null || echo 2)
start=$SECONDS
stage_start=$SECONDS
stage_name=""
times=()
step() {
  if [ -n "$stage_name" ]; then times+=("$stage_name $((SECONDS - stage_start)) s"); fi
  stage_name=$1
  stage_start=$SECONDS
  echo
  echo "== $1 ($((SECONDS - start)) s)"
}
finish() {
  times+=("$stage_name $((SECONDS - stage_start)) s")
  echo
  echo "== stage times: $(IFS=';'; echo "${times[*]}" | sed 's/;/; /g')"
  echo "== all tests passed in $((SECONDS - start)) s$([ "$quick" = 1 ] && echo ' (quick lane)')"
}

# ctest with its summary; a test it did not run (skipped) is named, never counted as passed.
engine_tests() {
  ctest --test-dir build --output-on-failure -j"$jobs" > build/ctest.log || { cat build/ctest.log; exit 1; }
  sed -n '/tests passed/,$p' build/ctest.log
}

if [ "$quick" = 1 ]; then
  step "build: native engine and tests, then the WebAssembly and the page (incremental)"
  if [ ! -d node_modules/playwright-core ] || [ package-lock.json -nt node_modules/.package-lock.json ] || [ ! -f build/CMakeCache.txt ]; then scripts/setup.sh; fi
  cmake -S . -B build -DCMAKE_BUILD_TYPE=Release > /dev/null
  cmake --build build -j"$jobs" > build/build.log 2>&1 || { cat build/build.log; exit 1; }
  ./build-wasm.sh > build/build-wasm.log 2>&1 || { cat build/build-wasm.log; exit 1; }

  step "budget: the page's bytes within their limits (tools/budget.mjs)"
  node tools/budget.mjs web

  step "lint: .editorconfig on every tracked file"
  node tools/lint.mjs

  step "engine: GoogleTest (invariants on the small grid), CLI, schema, safety, trace"
  RADICULO_INVARIANT_GRID=small engine_tests

  step "content: plain language for patients"
  node --test tests/content/

  step "the page's logic in Node: the questions from the engine's contract"
  node --test tests/page/

  step "WebAssembly in Node: parity with the native engine, the build record (memory: 10,000 calls)"
  RADICULO_MEMORY_CALLS=10000 node --test tests/wasm/
  finish
  exit 0
fi

step "setup"
scripts/setup.sh

step "budget: the page's bytes within their limits (tools/budget.mjs)"
node tools/budget.mjs web

step "lint: .editorconfig on every tracked file"
node tools/lint.mjs

step "engine: GoogleTest, CLI, schema, safety, trace"
engine_tests

step "engine under AddressSanitizer + UndefinedBehaviorSanitizer (build-asan)"
scripts/test-sanitizers.sh

step "fuzzing evaluateJson for 60 s (libFuzzer, ASan + UBSan, build-asan)"
scripts/fuzz.sh 60

step "content: plain language for patients; the shipped settings offer only reviewed content"
node --test tests/content/

step "the page's logic in Node: the questions from the engine's contract"
node --test tests/page/

step "WebAssembly parity with the native engine, and the build record"
node --test tests/wasm/

step "the WebAssembly build is reproducible"
scripts/check-reproducible.sh

step "the page in headless Chromium"
node --test --test-concurrency=1 tests/web/
finish
