#!/usr/bin/env bash
# Shows that the shipped WebAssembly engine is reproducible: builds it again from scratch in a fresh
# folder elsewhere (another absolute path, no build cache), then compares the SHA-256 of
# radiculo.js and radiculo.wasm with web/engine/BUILD-INFO.json (this checkout's build) and with
# the committed record for this toolchain (tests/wasm/expected-build.json). Any difference fails.
# Takes about as long as one engine build (about 75 s on 2 cores).
#   scripts/check-reproducible.sh
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f web/engine/BUILD-INFO.json ] || { echo "reproducible: run ./build-wasm.sh first"; exit 1; }
fresh=$(mktemp -d "${TMPDIR:-/tmp}/radiculo-rebuild.XXXXXX")
trap 'rm -rf "$fresh"' EXIT
cp -r src content cmake tools build-wasm.sh CMakeLists.txt "$fresh/"
mkdir -p "$fresh/web" "$fresh/tests/wasm"
(cd "$fresh" && ./build-wasm.sh --engine-only > build.log 2>&1) || { cat "$fresh/build.log"; exit 1; }
node - "$fresh/web/engine/BUILD-INFO.json" web/engine/BUILD-INFO.json tests/wasm/expected-build.json <<'JS'
const { readFileSync, existsSync } = require('node:fs');
const [rebuilt, shipped, recordFile] = process.argv.slice(2).map((file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null));
let failed = false;
const compare = (label, other) => {
  for (const file of Object.keys(rebuilt.files)) {
    const same = other.files[file] === rebuilt.files[file];
    console.log(`reproducible: ${file} ${same ? 'same as' : 'DIFFERS from'} ${label}: ${rebuilt.files[file]}${same ? '' : ` vs ${other.files[file]}`}`);
    failed ||= !same;
  }
};
console.log(`reproducible: toolchain ${rebuilt.toolchain}`);
if (rebuilt.inputs !== shipped.inputs) {
  console.log('reproducible: web/engine was built from other inputs: run ./build-wasm.sh, then this again');
  process.exit(1);
}
compare('this checkout\'s build (web/engine/BUILD-INFO.json)', shipped);
const record = recordFile && recordFile[rebuilt.toolchain];
if (!record) console.log('reproducible: no committed record for this toolchain (./build-wasm.sh --record adds one)');
else if (record.inputs !== rebuilt.inputs) console.log('reproducible: the committed record is for other engine inputs (./build-wasm.sh --record updates it)');
else compare('the committed record (tests/wasm/expected-build.json)', record);
process.exit(failed ? 1 : 0);
JS
