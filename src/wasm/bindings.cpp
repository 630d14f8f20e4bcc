// The only Emscripten-specific file: the engine's four JSON-text entry points, bound with Embind.
// Strings of JSON cross the boundary, nothing else; every function catches everything inside
// (see engine.cpp), so no C++ exception reaches JavaScript.
#include <emscripten/bind.h>

#include "engine.h"

namespace {
std::string evaluate(const std::string& assessmentJson) { return radiculo::evaluateJson(assessmentJson); }
std::string content(const std::string& language) { return radiculo::contentJson(language); }
}  // namespace

EMSCRIPTEN_BINDINGS(radiculo) {
  emscripten::function("evaluate", &evaluate);
  emscripten::function("content", &content);
  emscripten::function("schema", &radiculo::schemaJson);
  emscripten::function("version", &radiculo::versionJson);
}
