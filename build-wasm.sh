#!/usr/bin/env bash
# Builds the WebAssembly engine and the page: the one entry for everything web/ ships.
# 1. The decision engine compiled to WebAssembly as two modules (the files the page and the Node
#    tests load): web/engine/radiculo.{js,wasm}, the plan, loaded at start, and
#    web/engine/radiculo-records.{js,wasm}, the same engine with the note and FHIR, loaded when a
#    record is asked for. CMake under Emscripten (emcmake cmake, the radiculo_wasm and
#    radiculo-records_wasm targets of CMakeLists.txt, the same source list as the native build), with
#    the flags below. Re-running is fast: CMake rebuilds only what changed. web/engine/BUILD-INFO.json
#    records the SHA-256 of every file, the toolchain and a hash of the inputs (tools/build-info.mjs).
# 2. The page's generated files (tools/: third-party.mjs, precache.mjs with pages.mjs, one-file.mjs,
#    precompress.mjs): web/lib/, web/index.html and about.html with their minified bundles, the
#    offline list, the one-file copy, and .gz/.br copies for hosts that serve precompressed files.
# Installs nothing: scripts/setup.sh installs what it needs (emscripten, nlohmann-json3-dev, cmake).
#   ./build-wasm.sh                the engine, then the page's generated files
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
command -v node >/dev/null || missing+=(nodejs)
if [ ${#missing[@]} -gt 0 ]; then
  echo "build-wasm: ${missing[*]} missing: run scripts/setup.sh (it installs them)" >&2
  exit 1
fi

export NODE_PATH=/usr/share/nodejs   # Debian's emcc finds its own JS dependencies here
work=build-wasm
mkdir -p "$work/include" web/engine
# nlohmann only, through a private folder: -I/usr/include would put the host's libc headers
# in front of Emscripten's sysroot and break the build.
ln -sfn /usr/include/nlohmann "$work/include/nlohmann"


# Compile: speed where the engine spends its time, without the code growth of full -O2 inlining.
# Measured on the typical plan (median of 10,000 calls in Node, JS+wasm gzip), same engine source:
#   -Oz -flto -fexceptions               990 us, ratio to native 12x, 105 KB
#   -Oz -fwasm-exceptions                635 us,  7.7x, 116 KB
#   -O2 -fwasm-exceptions                245 us,  3.0x, 133 KB
#   -O2 -inline-threshold=25, link -Oz   292 us,  3.5x, 120 KB   <- chosen
# (after the engine stopped using nlohmann initializer lists: 242 us, 3.3x, 109 KB)
# (-std=c++17, the warnings and the include folders come from CMakeLists.txt, as for every target.)
COMPILE_FLAGS=(
  -O2                                   # the -Oz pipeline makes nlohmann's per-byte loops ~2x slower
  "SHELL:-mllvm -inline-threshold=25"   # ...but -O2's default inlining (225) adds 13 KB gzip for 15% speed
  -D_LIBCPP_DISABLE_EXTERN_TEMPLATE     # std::string's members compiled here, with these flags: Debian's prebuilt
                                        # libc++ (emscripten 3.1.6) calls even size() and std::min out of line.
                                        # Measured on the typical plan in Node: 555 -> 415 us, and 400 B gzip smaller
  -fwasm-exceptions                     # compile and link: nlohmann throws, the engine catches; native wasm
                                        # exceptions (any browser that has 'wasm-unsafe-eval' has them) are
                                        # 2x faster and smaller than the JS-based -fexceptions
)
LINK_FLAGS=(
  -Os                                   # binaryen's size passes on the linked module. Not -Oz: at -Oz Emscripten
                                        # links its size-optimised libc, whose memcpy copies byte by byte
                                        # (measured: -Os makes evaluate about 8 % faster for 2 KB gzip more)
  -fwasm-exceptions
  --bind                                # Embind (3.1.6 spelling)
  -sMODULARIZE=1                        # a factory returning a Promise, no globals but its name
                                        # -sEXPORT_NAME (the factory's name) per module: CMakeLists.txt
  -sENVIRONMENT=web,node                # the page and the Node parity test load the very same file
  # No -sSINGLE_FILE: inlining the wasm as base64 defeats gzip (measured 132 KB vs 90 KB gzip).
  # Node loads the .wasm through the factory's wasmBinary option (3.1.6 cannot fetch a path).
  -sFILESYSTEM=0                        # the engine does no I/O
  -sDYNAMIC_EXECUTION=0                 # no eval/new Function: works under a CSP without 'unsafe-eval'
  -sALLOW_MEMORY_GROWTH=1               # a large input is an error message, never an out-of-memory abort
  -sNODEJS_CATCH_EXIT=0                 # a library: leave Node's process handlers alone
  -sNODEJS_CATCH_REJECTION=0
  -sINCOMING_MODULE_JS_API=[wasmBinary,locateFile]  # the only options callers pass (Node: bytes; page: path); drops the rest
  "SHELL:--post-js $PWD/src/wasm/well_formed.js"  # every string reaches the engine as well-formed UTF-8 (lone surrogates -> U+FFFD)
)

# The toolchain, by its Debian package versions (else by what the tools say): a different
# compiler, optimizer or nlohmann may give different bytes, so it names the build record.
if command -v dpkg-query >/dev/null && toolchain=$(dpkg-query -W -f='${Package} ${Version}, ' emscripten clang-14 lld-14 binaryen nlohmann-json3-dev 2>/dev/null); then
  toolchain=${toolchain%, }
else
  toolchain="emcc $(emcc --version | head -n 1 | awk '{print $NF=="()" ? $(NF-1) : $NF}'), $(emcc -v 2>&1 | grep -m 1 'clang version'), $(wasm-opt --version), nlohmann $(grep -m 3 '#define NLOHMANN_JSON_VERSION_' /usr/include/nlohmann/json.hpp | awk '{print $3}' | paste -sd.)"
fi
# The canonical base of Radiculo's FHIR artefacts (CMakeLists.txt RADICULO_FHIR_BASE): a
# deployment sets it in the environment; else the placeholder. Passed every time, so a cached
# build never keeps an earlier one.
fhir_base=${RADICULO_FHIR_BASE:-https://radiculo.invalid/fhir}
# What determines the bytes: the sources, headers and content, the build description, the
# flags and the FHIR base (not this script's comments). The record's key is the toolchain; its inputs hash tells an
# engine change (a new record is due) from a build that does not reproduce (a bug).
inputs=$( { cat src/engine/*.cpp src/engine/*.h src/engine/public/*.h src/wasm/*.cpp src/wasm/well_formed.js content/*.json content/*/*.json \
              cmake/embed_content.cmake CMakeLists.txt tools/content-files.mjs; printf '%s\n' "${COMPILE_FLAGS[@]}" -- "${LINK_FLAGS[@]}" -- "$fhir_base"; } \
          | sed "s|$PWD/||g" | sha256sum | cut -d' ' -f1)

# CMake's lists are ';'-separated; the flags hold no ';'.
cmake_list() { local IFS=';'; echo "$*"; }
# A build folder configured now (no cache) builds from scratch: noted, so that the reproducibility
# check can tell a from-scratch build from an incremental one (scripts/check-reproducible.sh).
from_scratch=0
[ -f "$work/CMakeCache.txt" ] || from_scratch=1
rm -f "$work/from-scratch.json"
emcmake cmake -S . -B "$work" -DRADICULO_NLOHMANN_INCLUDE="$PWD/$work/include" -DRADICULO_WASM_OUTPUT_DIR="$PWD/web/engine" \
  -DRADICULO_WASM_COMPILE_FLAGS="$(cmake_list "${COMPILE_FLAGS[@]}")" -DRADICULO_WASM_LINK_FLAGS="$(cmake_list "${LINK_FLAGS[@]}")" \
  -DRADICULO_FHIR_BASE="$fhir_base" > "$work/configure.log" \
  || { cat "$work/configure.log"; exit 1; }
cmake --build "$work" -j"$(nproc 2>/dev/null || echo 2)" > "$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
for module in radiculo radiculo-records; do
  echo "build-wasm: web/engine/$module.js and .wasm ($(cat web/engine/$module.js web/engine/$module.wasm | wc -c) bytes, $(gzip -9c web/engine/$module.wasm | wc -c) + $(gzip -9c web/engine/$module.js | wc -c) gzip)"
done

# Each language's data file (written by the build, CMakeLists.txt) through the records module's
# whole content self-check: the plan module takes these very files without checking them again.
node tools/check-language-files.mjs web/engine

# Provenance of the shipped engine (and, with --record, the committed record for this toolchain).
node tools/build-info.mjs web/engine "$toolchain" "$inputs" "${record[@]}"
[ "$from_scratch" = 1 ] && cp web/engine/BUILD-INFO.json "$work/from-scratch.json"
[ "$engine_only" = 1 ] && exit 0

# Always (cheap, and any file in web/ may have changed): the pages with versioned file names, the
# offline worker's precache list with its content hash, and the one-file copy for file://.
node tools/third-party.mjs web && node tools/precache.mjs web && node tools/one-file.mjs web && node tools/precompress.mjs web
# The byte budget, for information here (scripts/test.sh fails over a limit): page, first visit, one-file copy.
node tools/budget.mjs web || true
