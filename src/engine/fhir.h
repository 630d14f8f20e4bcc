// FHIR R4 for integrators, with no server: the questions as a Questionnaire (one per language and
// wording), answers as a QuestionnaireResponse both ways, Radiculo's own codes as CodeSystems, and
// the plan as a GuidanceResponse. All of it is made from the contract's own tables and content
// (fhir_items.h), so an electronic record can ask Radiculo's questions and take the plan back.
// The files, by job: fhir_questionnaire.cpp, fhir_response_writer.cpp, fhir_response_reader.cpp,
// fhir_code_systems.cpp, fhir_plan.cpp; the codes they use: fhir_terms.h.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "assessment_parser.h"
#include "content.h"

namespace radiculo {

// Every question in `language` and the audience's wording, with its answer options, limits, units,
// conditions and help; the content's other languages as translation extensions.
nlohmann::json fhirQuestionnaire(const Content& content, Audience audience, const std::string& language);

// A QuestionnaireResponse to the Questionnaire of the assessment's language and wording, holding
// exactly what the assessment holds: a red flag not asked is no item, a red flag answered null
// ("not sure") is the answer "not sure"; status in-progress while a question the plan needs is
// open. `authored` (a FHIR dateTime, the caller's clock) is written when not empty. The
// assessment must be one the parser accepts.
nlohmann::json questionnaireResponseFor(const nlohmann::json& assessment, const std::string& authored);

// The assessment a QuestionnaireResponse carries, or every problem with it, each naming its place
// in the response (/item/0/item/2/answer/0). Read: a response of status completed, amended or
// in-progress (inProgress then says so) to one of Radiculo's Questionnaires, in a version whose
// items this engine reads; every item wherever it is nested. Refused: any other status or
// questionnaire, an unknown or unreadable item, an item answered twice anywhere, an answer to a
// group or a help text, a wrong answer type or code, a modifier extension.
struct ResponseReading {
  nlohmann::json assessment;  // the assessment JSON, when errors is empty
  std::vector<FieldError> errors;
  // Where in the response each assessment field was answered: to name the response's place when
  // the assessment itself is then found invalid ("/ageYears" -> "/item/1/item/0/answer/0/valueInteger").
  std::vector<std::pair<std::string, std::string>> places;
  bool inProgress = false;  // the response says its answers were still being given
};
ResponseReading readQuestionnaireResponse(const nlohmann::json& response);

// Radiculo's own code systems (answers of 2.0.0, herniation levels, assessed findings, triages,
// kinds of line, recommendations) as CodeSystem resources, in one Bundle of type collection.
nlohmann::json fhirCodeSystems(const Content& content);

// The plan as a GuidanceResponse: the triage, the headline and every line with its text, kind and
// citations, and the references, in a contained Parameters resource; the answers it came from as a
// contained QuestionnaireResponse; the plain-text note for the record as its note. `plan` is the
// plan with its answers (engine.cpp), `assessment` the assessment it was made from, `authored`
// the caller's date or dateTime.
nlohmann::json fhirPlan(const nlohmann::json& plan, const nlohmann::json& assessment, const std::string& authored,
                        const std::string& note);

// A FHIR dateTime: YYYY, YYYY-MM, YYYY-MM-DD, or YYYY-MM-DDThh:mm:ss[.fff] with Z or +hh:mm.
bool isFhirDateTime(const std::string& text);

}  // namespace radiculo
