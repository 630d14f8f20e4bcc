# Writes a C++ file holding content/ as text (see src/engine/embedded_content.h).
# Run as a script so the native and the WebAssembly builds share it:
#   cmake -DCONTENT_DIR=content -DOUTPUT=build/embedded_content.cpp [-DEMBED_LANGUAGES=OFF] -P cmake/embed_content.cmake
# EMBED_LANGUAGES=OFF (the WebAssembly build): each language's words and labels are left out, only
# their names stay (the engine knows which languages exist); the page hands the engine the one it
# needs as a data file (web/engine/content-<code>.json, tools/content-files.mjs).
cmake_minimum_required(VERSION 3.18)
if(NOT DEFINED EMBED_LANGUAGES)
  set(EMBED_LANGUAGES ON)
endif()

set(delimiter "RADICULO_CONTENT")
function(embed_file path out_var)
  file(READ "${path}" text)
  # Drop line breaks and indentation: a JSON string never holds a raw line break, so this cannot
  # touch content, and the engine (and the WebAssembly download) gets ~10% fewer bytes.
  string(REGEX REPLACE "\n[ ]*" "" text "${text}")
  string(FIND "${text}" ")${delimiter}\"" clash)
  if(NOT clash EQUAL -1)
    message(FATAL_ERROR "${path} contains the raw-string delimiter ${delimiter}")
  endif()
  set(${out_var} "R\"${delimiter}(${text})${delimiter}\"" PARENT_SCOPE)
endfunction()

function(embed_list folder array_name count_name out_var)
  file(GLOB files RELATIVE "${CONTENT_DIR}" "${CONTENT_DIR}/${folder}/*.json")
  list(SORT files)
  list(LENGTH files count)
  set(body "const File ${array_name}[] = {\n")
  foreach(name IN LISTS files)
    if(EMBED_LANGUAGES)
      embed_file("${CONTENT_DIR}/${name}" literal)
    else()
      set(literal "nullptr")
    endif()
    string(APPEND body "    {\"${name}\", ${literal}},\n")
  endforeach()
  if(count EQUAL 0)
    string(APPEND body "    {\"\", nullptr},\n")
  endif()
  string(APPEND body "};\nconst std::size_t ${count_name} = ${count};\n")
  set(${out_var} "${body}" PARENT_SCOPE)
endfunction()

embed_file("${CONTENT_DIR}/rules.json" rules)
embed_file("${CONTENT_DIR}/review.json" review)
embed_list(lang kLanguages kLanguageCount languages)
embed_list(ui kInterfaces kInterfaceCount interfaces)

set(generated "// Generated from content/ by cmake/embed_content.cmake. Do not edit.
#include \"embedded_content.h\"

// Each file is one literal, longer than the 65,536 characters the standard requires compilers
// to accept; GCC and Clang (and so Emscripten) accept any length, and -Wpedantic would say so.
#pragma GCC diagnostic ignored \"-Woverlength-strings\"

namespace radiculo::embedded {

const File kRules = {\"rules.json\", ${rules}};
const File kReview = {\"review.json\", ${review}};
${languages}${interfaces}
}  // namespace radiculo::embedded
")
# Rewrite only on change, so a rebuild after an unrelated edit recompiles nothing.
if(EXISTS "${OUTPUT}")
  file(READ "${OUTPUT}" previous)
  if(previous STREQUAL generated)
    return()
  endif()
endif()
file(WRITE "${OUTPUT}" "${generated}")
