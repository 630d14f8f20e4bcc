// The clinical pathway: which triage applies, and the named conditions under which a
// recommendation appears. Everything clinical that is decided (as opposed to worded) is here
// and in content/rules.json; pathway.cpp reads like the guideline.
#pragma once

#include <string_view>
#include <vector>

#include "assessment.h"

namespace radiculo {

enum class Triage { emergency, outOfScope, urgent, incomplete, reassess, conservative };

// The public id of a triage ("out-of-scope"), as in the plan JSON and content/rules.json.
std::string_view triageId(Triage triage);

Triage decideTriage(const Assessment& assessment);

// True when `a` needs faster action than `b`: emergency, urgent, out-of-scope (see a clinician),
// incomplete, reassess, conservative.
bool moreSerious(Triage a, Triage b);

// The red flags answered true / not yet answered, in the contract's order.
std::vector<RedFlag> flagsPresent(const Assessment& assessment);
std::vector<RedFlag> flagsUnanswered(const Assessment& assessment);

// A condition of content/rules.json's triage table ("muscleSpasm"). Returns false for a name
// the engine does not know; isKnownCondition tells them apart (the content self-check uses it).
bool conditionHolds(std::string_view condition, const Assessment& assessment);
bool isKnownCondition(std::string_view condition);
std::vector<std::string_view> knownConditions();

// Weeks until the 6-week reassessment, for the conservative phase: max(0, 6 - care so far).
double reassessInWeeks(const Assessment& assessment);

}  // namespace radiculo
