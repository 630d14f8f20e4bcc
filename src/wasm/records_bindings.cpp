// Emscripten-specific, with plan_bindings.cpp: the note for the clinical record and FHIR, bound
// only in the records module (web/engine/radiculo-records.wasm), which the page loads when a record
// is asked for: a patient who only wants a plan never downloads this code.
#include <emscripten/bind.h>

#include "engine.h"

namespace {
std::string note(const std::string& assessmentJson, const std::string& date, const std::string& address) {
  return radiculo::clinicalNoteJson(assessmentJson, date, address);
}
std::string fhirQuestionnaire(const std::string& audience, const std::string& language) {
  return radiculo::fhirQuestionnaireJson(audience, language);
}
std::string fhirCodeSystems() { return radiculo::fhirCodeSystemsJson(); }
std::string toQuestionnaireResponse(const std::string& assessmentJson, const std::string& authored) {
  return radiculo::questionnaireResponseJson(assessmentJson, authored);
}
std::string fromQuestionnaireResponse(const std::string& responseJson) {
  return radiculo::assessmentFromResponseJson(responseJson);
}
}  // namespace

EMSCRIPTEN_BINDINGS(radiculo_records) {
  emscripten::function("note", &note);
  emscripten::function("fhirQuestionnaire", &fhirQuestionnaire);
  emscripten::function("fhirCodeSystems", &fhirCodeSystems);
  emscripten::function("toQuestionnaireResponse", &toQuestionnaireResponse);
  emscripten::function("fromQuestionnaireResponse", &fromQuestionnaireResponse);
}
