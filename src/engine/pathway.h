// The clinical pathway: which triage applies, how fast each red flag must be seen, and the named
// conditions under which a recommendation appears. Everything clinical that is decided (as
// opposed to worded) is here and in content/rules.json; pathway.cpp reads like the guideline.
#pragma once

#include <string_view>
#include <vector>

#include "assessment.h"

namespace radiculo {

// Radiculo is for adults; NICE NG59 covers over 16s [6], Radiculo keeps 18 (its own choice).
inline constexpr int kAdultAge = 18;
// A first episode at 60 or over is a priority finding (UK community red flags [10], regional
// pathways [11]).
inline constexpr int kOlderAge = 60;

// The triage ladder, in the order of its rungs (first match wins; see decideTriage).
enum class Triage { emergency, checkNow, outOfScope, urgent, priority, incomplete, reassess, conservative };

inline constexpr Triage kTriageLadder[] = {Triage::emergency,  Triage::checkNow,   Triage::outOfScope,
                                           Triage::urgent,     Triage::priority,   Triage::incomplete,
                                           Triage::reassess,   Triage::conservative};

// The public id of a triage ("check-now"), as in the plan JSON and content/rules.json.
std::string_view triageId(Triage triage);

Triage decideTriage(const Assessment& assessment);

// True when `a` needs faster action than `b`: emergency, check-now, urgent, priority,
// out-of-scope (see a clinician), incomplete, reassess, conservative.
bool moreSerious(Triage a, Triage b);

// How soon a red flag answered yes must be seen: the tiers of the ladder.
enum class Urgency { emergency, sameDay, withinTwoWeeks };
Urgency urgencyOf(RedFlag flag);

// A priority finding a clinician may mark as assessed (`assessedFindings`): the red flags of the
// within-2-weeks tier, and older age.
bool isAssessable(RedFlag flag);
inline constexpr std::string_view kOlderAgeFinding = "olderAge";
// Age from which a first episode is a priority finding.
bool isOlderAge(const Assessment& assessment);

// The red flags answered true / not yet answered, in the contract's order.
std::vector<RedFlag> flagsPresent(const Assessment& assessment);
std::vector<RedFlag> flagsUnanswered(const Assessment& assessment);
// The same, of one urgency tier only.
std::vector<RedFlag> flagsPresent(const Assessment& assessment, Urgency urgency);
std::vector<RedFlag> flagsUnanswered(const Assessment& assessment, Urgency urgency);
// True when flags that alone need a same-day check together need the emergency department.
bool dangerousCombination(const Assessment& assessment);

// The priority findings that still need a clinician within 2 weeks: within-2-weeks flags answered
// yes and not assessed, and older age unless assessed.
struct PriorityFindings {
  std::vector<RedFlag> flags;
  bool olderAge = false;
  bool empty() const { return flags.empty() && !olderAge; }
};
PriorityFindings openPriorityFindings(const Assessment& assessment);

// The questions still unanswered that can change the triage, as their contract keys, in the
// contract's order: the red-flag keys, then "ageYears". One convention for the plan's `unanswered`.
std::vector<std::string_view> unansweredKeys(const Assessment& assessment);

// A condition of content/rules.json's triage table ("muscleSpasm"). Returns false for a name
// the engine does not know; isKnownCondition tells them apart (the content self-check uses it).
bool conditionHolds(std::string_view condition, const Assessment& assessment);
// The same condition as a function, looked up once (for callers that test it many times);
// nullptr for a name the engine does not know.
using ConditionPredicate = bool (*)(const Assessment&);
ConditionPredicate conditionPredicate(std::string_view condition);
bool isKnownCondition(std::string_view condition);
std::vector<std::string_view> knownConditions();

// Whole weeks (at least 1) until the conservative plan's review: the 6-week mark, sooner with
// severe pain or a sedating medicine.
int reassessInWeeks(const Assessment& assessment);

// Why a procedure candidate's plan has no injection line: each criterion of the transforaminal
// injection [4] that is not met ("herniationUnknown", "notContained", "levelNotBelowL3",
// "over12Weeks"). Empty when the criteria are met.
std::vector<std::string_view> injectionCriteriaNotMet(const Assessment& assessment);

// Whether a red flag answered no can turn yes while someone waits (a symptom), as opposed to
// history that cannot newly appear.
bool canNewlyAppear(RedFlag flag);

}  // namespace radiculo
