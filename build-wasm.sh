#!/usr/bin/env bash
# Compiles the decision engine to WebAssembly and writes web/engine/radiculo.{js,wasm}, the
# files the page and the Node parity test load. Installs what is missing (Debian's
# emscripten and nlohmann-json3-dev). Re-running is fast: nothing is rebuilt when no input changed.
# It also writes web/engine/BUILD-INFO.json: the SHA-256 of both files, the toolchain and a hash
# of the inputs (tools/build-info.mjs), and prints them.
#   ./build-wasm.sh                the engine, then the pages, offline list and one-file copy
#   ./build-wasm.sh --record       the same, and stores the hashes for this toolchain in
#                                  tests/wasm/expected-build.json (commit it after an engine change)
#   ./build-wasm.sh --engine-only  the engine and BUILD-INFO.json only (scripts/check-reproducible.sh)
set -euo pipefail
cd "$(dirname "$0")"
record=() engine_only=0
for argument in "$@"; do
  case "$argument" in
    --record) record=(--record tests/wasm/expected-build.json) ;;
    --engine-only) engine_only=1 ;;
    *) echo "usage: ./build-wasm.sh [--record] [--engine-only]" >&2; exit 2 ;;
  esac
done

missing=()
command -v emcc >/dev/null || missing+=(emscripten)
[ -f /usr/include/nlohmann/json.hpp ] || missing+=(nlohmann-json3-dev)
command -v cmake >/dev/null || missing+=(cmake)
if [ ${#missing[@]} -gt 0 ]; then
  echo "build-wasm: installing ${missing[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

export NODE_PATH=/usr/share/nodejs   # Debian's emcc finds its own JS dependencies here
out=web/engine/radiculo.js   # and web/engine/radiculo.wasm beside it
work=build-wasm
mkdir -p "$work/include" web/engine
# nlohmann only, through a private folder: -I/usr/include would put the host's libc headers
# in front of Emscripten's sysroot and break the build.
ln -sfn /usr/include/nlohmann "$work/include/nlohmann"

# The same content embedding the native build uses (rewrites the file only when content changed).
cmake -DCONTENT_DIR="$PWD/content" -DOUTPUT="$PWD/$work/embedded_content.cpp" -P cmake/embed_content.cmake

sources=(src/engine/*.cpp "$work/embedded_content.cpp" src/wasm/bindings.cpp)

# Compile: speed where the engine spends its time, without the code growth of full -O2 inlining.
# Measured on the typical plan (median of 10,000 calls in Node, JS+wasm gzip), same engine source:
#   -Oz -flto -fexceptions               990 us, ratio to native 12x, 105 KB
#   -Oz -fwasm-exceptions                635 us,  7.7x, 116 KB
#   -O2 -fwasm-exceptions                245 us,  3.0x, 133 KB
#   -O2 -inline-threshold=25, link -Oz   292 us,  3.5x, 120 KB   <- chosen
# (after the engine stopped using nlohmann initializer lists: 242 us, 3.3x, 109 KB)
COMPILE_FLAGS=(
  -std=c++17
  -O2                                   # the -Oz pipeline makes nlohmann's per-byte loops ~2x slower
  -mllvm -inline-threshold=25           # ...but -O2's default inlining (225) adds 13 KB gzip for 15% speed
  -fwasm-exceptions                     # compile and link: nlohmann throws, the engine catches; native wasm
                                        # exceptions (any browser that has 'wasm-unsafe-eval' has them) are
                                        # 2x faster and smaller than the JS-based -fexceptions
  -Isrc/engine
  -I"$work/include"                     # nlohmann only (see above)
)
LINK_FLAGS=(
  -Oz                                   # binaryen's size passes on the linked module
  -fwasm-exceptions
  --bind                                # Embind (3.1.6 spelling)
  -sMODULARIZE=1                        # a factory returning a Promise, no globals but its name
  -sEXPORT_NAME=createRadiculo          # the factory's name in the page and in Node
  -sENVIRONMENT=web,node                # the page and the Node parity test load the very same file
  # No -sSINGLE_FILE: inlining the wasm as base64 defeats gzip (measured 132 KB vs 90 KB gzip).
  # Node loads the .wasm through the factory's wasmBinary option (3.1.6 cannot fetch a path).
  -sFILESYSTEM=0                        # the engine does no I/O
  -sDYNAMIC_EXECUTION=0                 # no eval/new Function: works under a CSP without 'unsafe-eval'
  -sALLOW_MEMORY_GROWTH=1               # a large input is an error message, never an out-of-memory abort
  -sNODEJS_CATCH_EXIT=0                 # a library: leave Node's process handlers alone
  -sNODEJS_CATCH_REJECTION=0
  -sINCOMING_MODULE_JS_API=[wasmBinary,locateFile]  # the only options callers pass (Node: bytes; page: path); drops the rest
)

# The toolchain, by its Debian package versions (else by what the tools say): a different
# compiler, optimizer or nlohmann may give different bytes, so it names the build record.
if command -v dpkg-query >/dev/null && toolchain=$(dpkg-query -W -f='${Package} ${Version}, ' emscripten clang-14 lld-14 binaryen nlohmann-json3-dev 2>/dev/null); then
  toolchain=${toolchain%, }
else
  toolchain="emcc $(emcc --version | head -n 1 | awk '{print $NF=="()" ? $(NF-1) : $NF}'), $(emcc -v 2>&1 | grep -m 1 'clang version'), $(wasm-opt --version), nlohmann $(grep -m 3 '#define NLOHMANN_JSON_VERSION_' /usr/include/nlohmann/json.hpp | awk '{print $3}' | paste -sd.)"
fi
# What determines the bytes: the sources, headers and embedded content, and the flags (not this
# script's comments). The record's key is the toolchain; its inputs hash tells an engine change
# (a new record is due) from a build that does not reproduce (a bug).
inputs=$( { cat "${sources[@]}" src/engine/*.h; printf '%s\n' "${COMPILE_FLAGS[@]}" -- "${LINK_FLAGS[@]}"; } | sha256sum | cut -d' ' -f1)

# Rebuild only when a source, the content, this script or the toolchain changed.
stamp="$work/inputs.sha256"
current=$( { cat "${sources[@]}" src/engine/*.h build-wasm.sh; echo "$toolchain"; } | sha256sum | cut -d' ' -f1)
if [ -f "$out" ] && [ -f "${out%.js}.wasm" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$current" ]; then
  echo "build-wasm: $out is up to date"
else
  rm -rf "$work/obj" && mkdir -p "$work/obj"
  objects=() pids=()
  for source in "${sources[@]}"; do       # compile in parallel; any failure stops the build
    object="$work/obj/$(basename "$source" .cpp).o"
    objects+=("$object")
    emcc "${COMPILE_FLAGS[@]}" -c "$source" -o "$object" & pids+=($!)
  done
  for pid in "${pids[@]}"; do wait "$pid"; done
  emcc "${LINK_FLAGS[@]}" "${objects[@]}" -o "$out"
  echo "$current" > "$stamp"
  wasm=${out%.js}.wasm
  echo "build-wasm: wrote $out and $wasm ($(cat "$out" "$wasm" | wc -c) bytes, $(cat "$out" "$wasm" | gzip -9 | wc -c) gzip)"
fi

# Provenance of the shipped engine (and, with --record, the committed record for this toolchain).
node tools/build-info.mjs web/engine "$toolchain" "$inputs" "${record[@]}"
[ "$engine_only" = 1 ] && exit 0

# Always (cheap, and any file in web/ may have changed): the pages with versioned file names, the
# offline worker's precache list with its content hash, and the one-file copy for file://.
node tools/third-party.mjs web && node tools/precache.mjs web && node tools/one-file.mjs web
