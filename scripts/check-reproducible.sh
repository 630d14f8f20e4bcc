#!/usr/bin/env bash
# Shows that the shipped WebAssembly engine is reproducible: the same bytes from a build from
# scratch (no build cache) in another folder (another absolute path), compared by the SHA-256 of
# both modules (.js and .wasm) and the data files with web/engine/BUILD-INFO.json (this checkout's build) and with
# the committed record for this toolchain (tests/wasm/expected-build.json). Any difference fails.
#   scripts/check-reproducible.sh            rebuilds in a fresh folder, unless this checkout's
#                                            build already shows it (below)
#   scripts/check-reproducible.sh --rebuild  always rebuilds (about as long as one engine build)
# When ./build-wasm.sh built web/engine from scratch (no build folder before: a fresh clone, as in
# CI) and those bytes are the committed record's for the same inputs, the record having been made
# in another checkout (the developer's who ran --record), that is already a from-scratch build in
# another folder giving the same bytes: the second build is skipped, and the run says so.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f web/engine/BUILD-INFO.json ] || { echo "reproducible: run ./build-wasm.sh first"; exit 1; }
if [ "${1:-}" != "--rebuild" ] && [ -f build-wasm/from-scratch.json ] && cmp -s build-wasm/from-scratch.json web/engine/BUILD-INFO.json; then
  if node - web/engine/BUILD-INFO.json tests/wasm/expected-build.json <<'JS'
const { readFileSync } = require('node:fs');
const [built, records] = process.argv.slice(2).map((file) => JSON.parse(readFileSync(file, 'utf8')));
const record = records[built.toolchain];
const same = record && record.inputs === built.inputs && JSON.stringify(record.files) === JSON.stringify(built.files);
if (same) for (const [file, hash] of Object.entries(built.files)) console.log(`reproducible: ${file} built from scratch here = the committed record: ${hash}`);
process.exit(same ? 0 : 1);
JS
  then
    echo "reproducible: this checkout's from-scratch build gives the committed record's bytes: no second build (--rebuild to build again)"
    exit 0
  fi
fi
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
