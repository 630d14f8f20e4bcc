// An Assessment, the pathway's decision and the content -> the plan the person sees, as the public
// plan JSON. The plan writer only words what the pathway decided (pathway.h, decide()).
#pragma once

#include <array>
#include <string>

#include <nlohmann/json.hpp>

#include "assessment.h"
#include "content.h"
#include "pathway.h"

namespace radiculo {

// The values the plan writer offers to the content's templates ("{redFlags}"), and reviewDate
// (reviewStatus, content.cpp). The plan writer offers no other; the content self-check allows no
// other placeholder. Durations carry their unit ("1 week", "3.5 weeks"), so no template says "1 weeks".
inline constexpr std::array<const char*, 16> kTemplateValues{
    "reviewDate",       "redFlags",         "unanswered",    "unansweredEmergency", "unansweredSameDay",
    "sameDayPending",   "priorityFindings", "assessedFindings", "redFlagStatus",    "reassessIn",
    "painScore",        "symptomDuration",  "careDuration",  "careSoFar",           "herniationLevel",
    "emergencyIfYes"};

// The sentence templates of content/lang "planText" that the plan writer fills, each with the only
// values it offers that template (the content self-check allows no other placeholder). Beside them,
// "injectionReasons" words each of kInjectionReasons (pathway.h).
struct PlanTextTemplate {
  const char* key;
  std::array<const char*, 2> values;  // unused slots are empty
};
inline constexpr std::array<PlanTextTemplate, 6> kPlanTextTemplates{{{"triageRange", {"best", "worst"}},
                                                                      {"reassessIn", {"weeks", ""}},
                                                                      {"ifNotImproving", {"triage", ""}},
                                                                      {"whatIfChange", {"change", ""}},
                                                                      {"whatIfTriage", {"triage", ""}},
                                                                      {"painOutOf10", {"score", ""}}}};

// `whatWouldChange` is the plan's "what would change" part (what_would_change.h), written into it
// as it is.
nlohmann::json buildPlan(const Assessment& assessment, const Decision& decision, nlohmann::json whatWouldChange,
                         const Content& content);

// Every answer a plan came from, worded for the person, in the questionnaire's order: each red flag
// (answered or not) then each other field the assessment (valid, as JSON) holds, as
// [{"key", "label", "value"}]: the printout's and the note's "Your answers".
nlohmann::json answerRows(const nlohmann::json& assessment, const Content& content, const std::string& language,
                          const std::string& audience);

}  // namespace radiculo
