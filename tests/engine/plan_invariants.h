// The engine's safety promises as one checker over a real plan JSON, shared by the invariant
// sweep (tests/engine/invariants_test.cpp), the vectors (tests/engine/vectors_test.cpp) and the
// fuzzer (tests/fuzz/).
#pragma once

#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "assessment.h"

namespace radiculo::test {

// The lines the invariants speak about.
const std::set<std::string>& medicineLines();  // nsaid, muscle relaxant, opioid, neuropathic agents
// Lines that tell the person they can wait, or that delay or rule out imaging.
const std::set<std::string>& waitLines();
// Self-care lines: what a person does alone at home.
const std::set<std::string>& selfCareLines();

// The red-flag tiers of the contract (issue 9), by key, written here independently of the engine.
const std::set<std::string>& emergencyFlags();  // cauda equina and cord signs
const std::set<std::string>& sameDayFlags();    // urgent tier
const std::set<std::string>& priorityFlags();   // within 2 weeks; assessable

// Everything wrong with `plan` (the output of evaluateJson for `assessment`, ok:true) against the
// invariants: the triage ladder (written again here from the contract, independent of the
// engine); the lines each triage must and must not have; "today" never in an emergency plan; the
// emergency number offered outside an emergency only in the safety net; "No red flags" never at
// 60 or over, with anything unanswered or any flag true; `unanswered`, `redFlagsPresent` and
// `assessedFindings` exactly; the opioid line only with pain >= 7 and <= 12 weeks and never of
// kind `do`; no 8-week recovery claim; no benzodiazepine recommended; an opioid with a relaxant
// always with the combination caution; review within 2 weeks with pain 7 or more or a sedating
// medicine, in whole weeks; come back early only for what can newly appear; every line citing at
// least one listed reference; `reassessInWeeks` only in conservative. Empty = all hold.
std::vector<std::string> planViolations(const Assessment& assessment, const nlohmann::json& plan);

// Everything wrong with an ok:false answer: at least one error, each a JSON-pointer string
// `field` ("" or starting with "/") and a non-empty `message`; nothing else beside ok and errors.
std::vector<std::string> errorViolations(const nlohmann::json& answer);

// The triage the contract's ladder gives ("emergency", "check-now", ...).
std::string expectedTriage(const Assessment& assessment);

}  // namespace radiculo::test
