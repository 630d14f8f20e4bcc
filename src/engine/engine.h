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

// The input's JSON Schema (draft 2020-12).
std::string schemaJson();

// {"engineVersion", "contentVersion", "contentReviewed", "reviewDue", "languages"}.
std::string versionJson();

// FHIR R4 (fhir.h). evaluateJson also takes a QuestionnaireResponse for Radiculo's questionnaire
// in place of an assessment.
// The Questionnaire, worded for "clinician" or "patient", every language in translation extensions.
std::string fhirQuestionnaireJson(std::string_view audience);
// Assessment JSON -> the QuestionnaireResponse carrying exactly its answers, or its errors.
std::string questionnaireResponseJson(std::string_view assessmentJson);
// Assessment (or QuestionnaireResponse) JSON -> {"ok": true, "note": "..."}: the plain-text note
// for the clinical record (clinical_note.h), dated `date` (YYYY-MM-DD, the caller's clock),
// naming `address` (where the aid runs; may be empty); or the input's errors.
std::string clinicalNoteJson(std::string_view assessmentJson, std::string_view date, std::string_view address);
// QuestionnaireResponse JSON -> {"ok": true, "assessment": {...}}, or its errors.
std::string assessmentFromResponseJson(std::string_view responseJson);

}  // namespace radiculo
