// One valid assessment -> its plan JSON: the pathway decides once (pathway.h, decide()), "what
// would change" reads that decision (what_would_change.h), and the plan writer words it (plan.h).
// The core of evaluateJson (engine.h), for the tests and the fuzzer that start from an Assessment.
#pragma once

#include <nlohmann/json.hpp>

#include "assessment.h"
#include "content.h"

namespace radiculo {

nlohmann::json evaluateAssessment(const Assessment& assessment, const Content& content);

}  // namespace radiculo
