#!/usr/bin/env bash
# The one sanitizer build (build-asan), for the sanitizer tests and the fuzzer alike: clang-14 with
# AddressSanitizer + UndefinedBehaviorSanitizer and libFuzzer's coverage instrumentation (the
# RADICULO_FUZZ option of CMakeLists.txt), at -O1 with line tables (as OSS-Fuzz builds fuzz targets:
# reports still name file and line). One build instead of two: the engine is compiled once for
# both (the slow part of each stage). Sourced by scripts/test-sanitizers.sh and scripts/fuzz.sh,
# which give the targets to build.
#   sanitizer_build [target...]
sanitizer_build() {
  local jobs
  jobs=$(nproc 2>/dev/null || echo 2)
  # A build-asan configured earlier with another compiler (gcc) keeps it whatever CXX says: start over.
  if [ -f build-asan/CMakeCache.txt ] && ! grep -q '^CMAKE_CXX_COMPILER:[A-Z]*=.*clang++-14$' build-asan/CMakeCache.txt; then
    rm -rf build-asan/CMakeCache.txt build-asan/CMakeFiles
  fi
  CXX=clang++-14 CC=clang-14 cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1 -DNDEBUG" -DRADICULO_FUZZ=ON -DRADICULO_TESTS=ON -DRADICULO_BENCH=OFF > /dev/null
  local targets=()
  for target in "$@"; do targets+=(--target "$target"); done
  cmake --build build-asan -j"$jobs" "${targets[@]}" > build-asan/build.log 2>&1 || { cat build-asan/build.log; return 1; }
}
