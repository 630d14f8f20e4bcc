# Checks the shared cases before any test runs: every tests/vectors/*.json is one JSON object whose
# `name` is its file name (the tests name each case by it). Run by the build (tests/CMakeLists.txt):
#   cmake -DVECTOR_DIR=tests/vectors -DSTAMP=build/tests/vectors-checked.stamp -P cmake/check_vectors.cmake
cmake_minimum_required(VERSION 3.19)  # string(JSON)

file(GLOB vectors "${VECTOR_DIR}/*.json")
list(LENGTH vectors count)
if(count EQUAL 0)
  message(FATAL_ERROR "no shared cases in ${VECTOR_DIR}")
endif()
set(problems "")
foreach(vector IN LISTS vectors)
  get_filename_component(file "${vector}" NAME)
  get_filename_component(stem "${vector}" NAME_WLE)
  file(READ "${vector}" text)
  # Some cases hold lone surrogate escapes on purpose (the engine reads them as U+FFFD); CMake's
  # reader rejects them, so every surrogate escape is read as U+FFFD here, pairs included.
  string(REGEX REPLACE "\\\\u[dD][89a-fA-F][0-9a-fA-F][0-9a-fA-F]" "\\\\ufffd" text "${text}")
  string(JSON name ERROR_VARIABLE error GET "${text}" name)
  if(error)
    string(APPEND problems "\n  tests/vectors/${file}: ${error}")
  elseif(NOT name STREQUAL stem)
    string(APPEND problems "\n  tests/vectors/${file}: \"name\" is \"${name}\", not its file name \"${stem}\"")
  endif()
endforeach()
if(problems)
  message(FATAL_ERROR "shared cases that no test can run:${problems}")
endif()
file(WRITE "${STAMP}" "${count} cases\n")
