// Emscripten-specific, with records_bindings.cpp: the engine's JSON-text entry points, bound with
// Embind. Strings of JSON cross the boundary, nothing else (as UTF-8 bytes: text_boundary.h; the
// functions callers see take and give strings, well_formed.js); every function catches everything
// inside (see engine.cpp), so no C++ exception reaches JavaScript.
// These are what a plan needs, the module the page loads at start (web/engine/radiculo.wasm); the
// records module (radiculo-records.wasm) binds them too, beside the note and FHIR.
#include <emscripten/bind.h>

#include "engine.h"
#include "text_boundary.h"

namespace {
using emscripten::val;
using radiculo::wasm::answerOf;
using radiculo::wasm::textOf;

val evaluate(const val& assessmentJson) { return answerOf(radiculo::evaluateJson(textOf(assessmentJson))); }
val content(const val& language) { return answerOf(radiculo::contentJson(textOf(language))); }
val addLanguage(const val& languageFile) { return answerOf(radiculo::addLanguageJson(textOf(languageFile))); }
val schema() { return answerOf(radiculo::schemaJson()); }
val version() { return answerOf(radiculo::versionJson()); }
}  // namespace

EMSCRIPTEN_BINDINGS(radiculo_plan) {
  emscripten::function("evaluate", &evaluate);
  emscripten::function("content", &content);
  emscripten::function("addLanguage", &addLanguage);
  emscripten::function("schema", &schema);
  emscripten::function("version", &version);
}
