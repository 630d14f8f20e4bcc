// The engine's safety promises, written once and used by every runner: the invariant sweep
// (tests/engine/invariants_test.cpp) on the pathway's decision for 90 million assessments, and the
// vectors (tests/engine/vectors_test.cpp) and the fuzzer (tests/fuzz/) on real plan JSON.
//
// Two layers, so that the sweep stays fast without a second copy of any promise:
//   - decisionViolations: the promises about what is decided (the triage ladder, which lines each
//     triage must and must not have, unknown answers at the speed a "yes" would need, the opioid
//     line, citations, the headline variant), on a PlanFacts: line ids as bits, no strings built.
//   - planViolations: the same facts read from a plan JSON, checked by decisionViolations, plus
//     the promises about the words and the lists a plan JSON carries.
// The tiers, the ladder and the line groups are written here from the contract (README),
// independently of the engine's tables.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "assessment.h"
#include "pathway.h"

namespace radiculo::test {

// The lines the invariants speak about.
const std::set<std::string>& medicineLines();  // nsaid, muscle relaxant, opioid, neuropathic agents
// Lines that tell the person they can wait, or that delay or rule out imaging.
const std::set<std::string>& waitLines();
// Self-care lines: what a person does alone at home.
const std::set<std::string>& selfCareLines();

// The red-flag tiers of the contract, by key.
const std::set<std::string>& emergencyFlags();  // cauda equina and cord signs
const std::set<std::string>& sameDayFlags();    // urgent tier
const std::set<std::string>& priorityFlags();   // within 2 weeks; assessable

// The same tiers as bits of the flags' positions in kRedFlags (the contract's order).
struct TierMasks {
  std::uint32_t emergency = 0;
  std::uint32_t sameDay = 0;
  std::uint32_t priority = 0;
};
const TierMasks& tierMasks();

// The triage the contract's ladder gives.
Triage expectedTriage(const Assessment& assessment);

// A plan as the promises about its decision see it.
struct PlanFacts {
  Triage triage = Triage::conservative;
  std::string_view headline;  // the headline row's id; empty when unknown (a plan JSON carries only words)
  std::uint64_t lines = 0;    // the line ids, as lineBit() bits
  std::uint64_t doKinds = 0;  // the lines of kind "do"
};

// A recommendation id's bit (one per id of content/rules.json); 0 for an id the content lacks.
std::uint64_t lineBit(std::string_view id);
// The ids of a set of bits, for messages: "[a,b]".
std::string lineNames(std::uint64_t lines);

// The facts of the pathway's decision (decide() on content().table).
PlanFacts factsOf(const Decision& decision);
// The facts of a plan JSON; "" or what cannot be read from it (an unknown triage or id).
std::string readFacts(const nlohmann::json& plan, PlanFacts& facts);

// Everything wrong with `plan`, decided for `assessment`: the triage ladder (with the dangerous
// combinations, every partner yes, and the partial ones, a partner unanswered, never below
// check-now); never an emergency without a yes; emergency with the referral and the MRI (or, for
// cancer with constant or night pain alone, the cancer team's line now) and nothing that waits, no
// medicine and no self-care; check-now with the examination within hours of each open question
// (cauda equina, cord, a combination's partner) and likewise; out-of-scope with only the safety net
// (the team that operated after surgery, and what an open partner's yes means) and the same-day
// headline while a same-day flag is open; urgent with immediate MRI and priority with its
// assessment, neither with a medicine or a line that waits; incomplete with neither; an open
// partner's yes said in every check-now, out-of-scope and urgent plan that has one; an unanswered
// emergency-group flag never below check-now, an unanswered same-day flag never below urgent (or
// out-of-scope); the safety net in every plan but an emergency; the opioid line only with pain >= 7
// and at most 12 weeks, never of kind `do`; with a relaxant, always the combination caution; every
// line citing at least one listed reference and no unlisted one; the urgent headline naming a flag
// only when one is answered yes. "" when all hold.
std::string decisionViolations(const Assessment& assessment, const PlanFacts& plan);

// Everything wrong with `plan` (the output of evaluateJson for `assessment`, ok:true): its facts
// against decisionViolations (with the headline promises when `headline` names the row), then the
// words and the lists: no line twice; every line citing references the plan lists; "today" never
// in an emergency plan; the emergency number outside an emergency only in the safety net; "No red
// flags" never at 60 or over, with anything unanswered or any flag true; no 8-week recovery claim;
// no benzodiazepine recommended; review within 2 weeks with pain 7 or more or a sedating medicine,
// in whole weeks, and within 2 weeks (1 with severe pain) in priority and reassess plans; no best
// case for a patient who must be seen; the safety net's tiers by the same re-triage as "what would
// change"; come back early only for what can newly appear; `unanswered`, `redFlagsPresent` and
// `assessedFindings` exactly; `reassessInWeeks` in the conservative, priority and reassess plans only.
// Empty = all hold.
std::vector<std::string> planViolations(const Assessment& assessment, const nlohmann::json& plan,
                                        std::string_view headline = {});

// Everything wrong with an ok:false answer: at least one error, each a JSON-pointer string
// `field` ("" or starting with "/") and a non-empty `message`; nothing else beside ok and errors.
std::vector<std::string> errorViolations(const nlohmann::json& answer);

}  // namespace radiculo::test
