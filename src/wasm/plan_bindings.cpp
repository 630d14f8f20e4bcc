// Emscripten-specific, with records_bindings.cpp: the engine's JSON-text entry points, bound with
// Embind. Strings of JSON cross the boundary, nothing else; every function catches everything
// inside (see engine.cpp), so no C++ exception reaches JavaScript.
// These are what a plan needs, the module the page loads at start (web/engine/radiculo.wasm); the
// records module (radiculo-records.wasm) binds them too, beside the note and FHIR.
#include <emscripten/bind.h>

#include "engine.h"

namespace {
std::string evaluate(const std::string& assessmentJson) { return radiculo::evaluateJson(assessmentJson); }
std::string content(const std::string& language) { return radiculo::contentJson(language); }
std::string addLanguage(const std::string& languageFile) { return radiculo::addLanguageJson(languageFile); }
}  // namespace

EMSCRIPTEN_BINDINGS(radiculo_plan) {
  emscripten::function("evaluate", &evaluate);
  emscripten::function("content", &content);
  emscripten::function("addLanguage", &addLanguage);
  emscripten::function("schema", &radiculo::schemaJson);
  emscripten::function("version", &radiculo::versionJson);
}
