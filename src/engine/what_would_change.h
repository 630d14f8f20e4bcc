// "What would change this plan": computed by running the pathway on changed answers, never
// written by hand. For unanswered red flags, the triage a "yes" would bring; in the conservative
// phase, when to reassess and what brings the person back early; in reassessment, what would
// make someone a candidate for MRI and a procedure.
#pragma once

#include <nlohmann/json.hpp>

#include "assessment.h"
#include "pathway.h"

namespace radiculo {

// The triage a yes to `flag` would bring: the one re-triage behind "answer next", "come back early"
// and the person's safety net (plan.cpp), so that they never disagree.
Triage triageIfYes(const Assessment& assessment, RedFlag flag);

// `now` is the pathway's decision for `assessment`; `table` decides the changed answers.
nlohmann::json whatWouldChange(const Assessment& assessment, const Decision& now, const RuleTable& table);

}  // namespace radiculo
