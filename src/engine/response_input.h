// Whether `evaluate` takes a FHIR R4 QuestionnaireResponse as well as an assessment. Two answers,
// one per build, chosen by which source file a target links (CMakeLists.txt):
// - response_input_taken.cpp (the native engine and the CLI, the WebAssembly records module): yes,
//   read as the note and FHIR read it (planOfResponse, engine.cpp);
// - response_input_not_taken.cpp (the WebAssembly plan module, the page's first download): no.
//   Such a text is read as an assessment and refused, its fields named. The page hands `evaluate`
//   assessments only; a saved file is read by the records module (fromQuestionnaireResponse), so
//   the FHIR reader is not part of the first download.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace radiculo {

// The answer of `evaluate` to a text that names a FHIR resourceType, where this build takes one;
// nullopt: read it as an assessment.
std::optional<std::string> responseAnswer(std::string_view text);

// engine.cpp: the plan (or the errors) for a text naming a resourceType, read as a
// QuestionnaireResponse; nullopt when it names none.
std::optional<std::string> planOfResponse(std::string_view text);

}  // namespace radiculo
