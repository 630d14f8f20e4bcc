// Emscripten-specific, with plan_bindings.cpp: the note for the clinical record and FHIR, bound
// only in the records module (web/engine/radiculo-records.wasm), which the page loads when a record
// is asked for: a patient who only wants a plan never downloads this code. Texts cross as UTF-8
// bytes (text_boundary.h); callers see strings (well_formed.js).
#include <emscripten/bind.h>

#include "engine.h"
#include "text_boundary.h"

namespace {
using emscripten::val;
using radiculo::wasm::answerOf;
using radiculo::wasm::textOf;

val note(const val& assessmentJson, const val& date, const val& address) {
  return answerOf(radiculo::clinicalNoteJson(textOf(assessmentJson), textOf(date), textOf(address)));
}
val fhirQuestionnaire(const val& audience, const val& language) {
  return answerOf(radiculo::fhirQuestionnaireJson(textOf(audience), textOf(language)));
}
val fhirCodeSystems() { return answerOf(radiculo::fhirCodeSystemsJson()); }
val toQuestionnaireResponse(const val& assessmentJson, const val& authored) {
  return answerOf(radiculo::questionnaireResponseJson(textOf(assessmentJson), textOf(authored)));
}
val fromQuestionnaireResponse(const val& responseJson) { return answerOf(radiculo::assessmentFromResponseJson(textOf(responseJson))); }
}  // namespace

EMSCRIPTEN_BINDINGS(radiculo_records) {
  emscripten::function("note", &note);
  emscripten::function("fhirQuestionnaire", &fhirQuestionnaire);
  emscripten::function("fhirCodeSystems", &fhirCodeSystems);
  emscripten::function("toQuestionnaireResponse", &toQuestionnaireResponse);
  emscripten::function("fromQuestionnaireResponse", &fromQuestionnaireResponse);
}
