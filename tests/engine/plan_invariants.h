// The engine's safety promises (issue 5) as one checker over a real plan JSON, shared by the
// invariant sweep (tests/engine/invariants_test.cpp) and the fuzzer (tests/fuzz/).
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

// Everything wrong with `plan` (the output of evaluateJson for `assessment`, ok:true) against the
// invariants: the triage ladder (written again here from the contract, independent of the
// engine), emergency / out-of-scope / urgent / incomplete lines, `unanswered` and
// `redFlagsPresent` exactly, seek-care in every plan but emergency and out-of-scope, the opioid
// line only with pain >= 7 and <= 12 weeks and never of kind `do`, every line citing at least one
// listed reference, `reassessInWeeks` only in conservative. Empty = all hold.
std::vector<std::string> planViolations(const Assessment& assessment, const nlohmann::json& plan);

// Everything wrong with an ok:false answer: at least one error, each a JSON-pointer string
// `field` ("" or starting with "/") and a non-empty `message`; nothing else beside ok and errors.
std::vector<std::string> errorViolations(const nlohmann::json& answer);

// The triage the contract's ladder gives ("emergency", "out-of-scope", ...).
std::string expectedTriage(const Assessment& assessment);

}  // namespace radiculo::test
