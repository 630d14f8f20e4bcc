// The only Emscripten-specific file: the engine's JSON-text entry points, bound with Embind.
// Strings of JSON cross the boundary, nothing else; every function catches everything inside
// (see engine.cpp), so no C++ exception reaches JavaScript.
#include <emscripten/bind.h>

#include "engine.h"

namespace {
std::string evaluate(const std::string& assessmentJson) { return radiculo::evaluateJson(assessmentJson); }
std::string content(const std::string& language) { return radiculo::contentJson(language); }
std::string addLanguage(const std::string& languageFile) { return radiculo::addLanguageJson(languageFile); }
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

EMSCRIPTEN_BINDINGS(radiculo) {
  emscripten::function("evaluate", &evaluate);
  emscripten::function("content", &content);
  emscripten::function("addLanguage", &addLanguage);
  emscripten::function("schema", &radiculo::schemaJson);
  emscripten::function("version", &radiculo::versionJson);
  emscripten::function("note", &note);
  emscripten::function("fhirQuestionnaire", &fhirQuestionnaire);
  emscripten::function("fhirCodeSystems", &fhirCodeSystems);
  emscripten::function("toQuestionnaireResponse", &toQuestionnaireResponse);
  emscripten::function("fromQuestionnaireResponse", &fromQuestionnaireResponse);
}
