// FHIR R4 for integrators: the assessment as a Questionnaire, and answers to it as a
// QuestionnaireResponse, both generated from the same field table and content as the contract,
// so an electronic record can ask Radiculo's questions and hand the answers back.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "assessment_parser.h"
#include "content.h"

namespace radiculo {

// The canonical address of Radiculo's Questionnaire (a QuestionnaireResponse names it, with
// "|<content version>" or without).
inline constexpr std::string_view kQuestionnaireUrl = "https://radiculo.invalid/fhir/Questionnaire/radiculo-assessment";

// Every question, its answer options (yes / no / not sure for a red flag) and its help, in the
// audience's wording: English as the text, the other languages as translation extensions.
nlohmann::json fhirQuestionnaire(const Content& content, const std::string& audience);

// A QuestionnaireResponse for these answers (an assessment the parser accepts), holding exactly
// what the assessment holds: an absent answer stays absent, a null red flag is "not sure".
nlohmann::json questionnaireResponseFor(const nlohmann::json& assessment);

// The assessment a QuestionnaireResponse carries, or every problem with it, each naming its place
// in the response (/item/0/item/2/answer/0). Unknown questions, wrong answer types, a second
// answer to a one-answer question and answers to another questionnaire are errors.
struct ResponseReading {
  nlohmann::json assessment;        // the assessment JSON, when errors is empty
  std::vector<FieldError> errors;
  // Where in the response each assessment field was answered: to name the response's place when
  // the assessment itself is then found invalid ("/ageYears" -> "/item/1/item/0/answer/0").
  std::vector<std::pair<std::string, std::string>> places;
};
ResponseReading readQuestionnaireResponse(const nlohmann::json& response);

// True when the parsed input is a FHIR QuestionnaireResponse rather than an assessment.
bool isQuestionnaireResponse(const nlohmann::json& input);

}  // namespace radiculo
