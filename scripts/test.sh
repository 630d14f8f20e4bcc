#!/usr/bin/env bash
# Sets everything up, then runs every test: the engine (GoogleTest, CLI, schema), WebAssembly
# parity in Node, and the real page in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$SECONDS
step() { echo; echo "== $1 ($((SECONDS - start)) s)"; }

step "setup"
scripts/setup.sh

step "engine: GoogleTest, CLI and schema"
ctest --test-dir build --output-on-failure -j2 > build/ctest.log || { cat build/ctest.log; exit 1; }
tail -n 3 build/ctest.log

step "engine under AddressSanitizer + UndefinedBehaviorSanitizer (build-asan)"
scripts/test-sanitizers.sh

step "fuzzing evaluateJson for 60 s (libFuzzer, ASan + UBSan, build-fuzz)"
scripts/fuzz.sh 60

step "content: plain language for patients; the shipped settings offer only reviewed content"
node --test tests/content/

step "WebAssembly parity with the native engine, and the build record"
node --test tests/wasm/

step "the WebAssembly build is reproducible (rebuilt from scratch in another folder)"
scripts/check-reproducible.sh

step "the page in headless Chromium"
node --test --test-concurrency=1 tests/web/

step "all tests passed in $((SECONDS - start)) s"
