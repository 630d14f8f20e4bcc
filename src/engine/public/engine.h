// Radiculo's public entry points: JSON text in, JSON text out. The CLI, the tests and the
// WebAssembly bindings all call these, so the three differ only in transport.
#pragma once

#include <string>
#include <string_view>

namespace radiculo {

// Assessment JSON -> plan JSON ({"ok": true, ...}) or {"ok": false, "errors": [...]}.
// Never throws; deterministic (same input, same bytes).
std::string evaluateJson(std::string_view assessmentJson);

// What the page needs to render the questionnaire and the plan in one language: questions,
// labels, texts, references, versions. An unknown language gives {"ok": false, ...}.
std::string contentJson(std::string_view language);

// Hands the engine one language of its build that it does not embed (the WebAssembly engine embeds
// none): {"language": "en", "words": content/lang/en.json, "ui": content/ui/en.json}. Added only if
// the content with it passes the content self-check: {"ok": true, "language"}, else
// {"ok": false, "problems": [...]} and nothing changes. Until a language is added, an input asking
// for it gets the notLanguage error naming the languages loaded.
std::string addLanguageJson(std::string_view languageFile);

// The input's JSON Schema (draft 2020-12).
std::string schemaJson();

// {"engineVersion", "contentVersion", "contentReviewed", "reviewDue", "languages"}.
std::string versionJson();

// FHIR R4 (fhir.h). evaluateJson and clinicalNoteJson also take a QuestionnaireResponse to one of
// Radiculo's Questionnaires in place of an assessment; when the response says its answers were
// still being given (status in-progress) the answer has "notices": [{"code", "message"}].
// The Questionnaire in one language ("en", "es") and wording ("clinician", "patient").
std::string fhirQuestionnaireJson(std::string_view audience, std::string_view language);
// Assessment JSON -> the QuestionnaireResponse carrying exactly its answers, or its errors.
// `authored` (a FHIR dateTime from the caller's clock, or "") is when the answers were given.
std::string questionnaireResponseJson(std::string_view assessmentJson, std::string_view authored);
// Assessment (or QuestionnaireResponse) JSON -> {"ok": true, "note": "..."}: the plain-text note
// for the clinical record (clinical_note.h), dated `date` (YYYY-MM-DD, the caller's clock),
// naming `address` (where the aid runs; may be empty); or the input's errors.
std::string clinicalNoteJson(std::string_view assessmentJson, std::string_view date, std::string_view address);
// QuestionnaireResponse JSON -> {"ok": true, "assessment": {...}} (with "notices" as above), or its errors.
std::string assessmentFromResponseJson(std::string_view responseJson);
// Radiculo's own code systems as FHIR CodeSystem resources, in a Bundle.
std::string fhirCodeSystemsJson();
// Assessment (or QuestionnaireResponse) JSON -> the plan as a FHIR GuidanceResponse made at
// `authored` (YYYY-MM-DD or a FHIR dateTime, the caller's clock), or the input's errors.
std::string fhirPlanJson(std::string_view assessmentJson, std::string_view authored);

}  // namespace radiculo
