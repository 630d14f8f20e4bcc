#!/usr/bin/env bash
# Installs what Radiculo needs on Debian 12 (only what is missing), then builds the native
# engine and the WebAssembly module. Safe to re-run: it skips what is already there.
#   scripts/setup.sh          everything (build, page and tests)
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages: compiler and build, engine libraries, WebAssembly, browser tests, fuzzing.
packages=(g++ cmake make nlohmann-json3-dev libgtest-dev libbenchmark-dev emscripten
          chromium python3 python3-jsonschema poppler-utils
          clang-14 libclang-rt-14-dev libfuzzer-14-dev)
# A Node.js from elsewhere is fine; Debian's is installed only when there is none.
command -v node >/dev/null && command -v npm >/dev/null || packages+=(nodejs npm)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# npm packages for the tests (playwright-core drives Debian's Chromium; it never downloads one).
# --ignore-scripts: no package's install hook ever runs (this script often runs as root); none of
# the locked packages needs one.
if [ ! -d node_modules/playwright-core ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
fi

jobs=$(nproc 2>/dev/null || echo 2)
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$jobs"
./build-wasm.sh
