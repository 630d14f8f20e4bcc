// The clinical pathway: which triage applies, how fast each red flag must be seen, and the named
// conditions under which a recommendation appears. Everything clinical that is decided (as
// opposed to worded) is here and in content/rules.json; pathway.cpp reads like the guideline.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "assessment.h"

namespace radiculo {

// The pathway's thresholds, each written once here and exported through contentJson()
// (`thresholds`), so the page, the intended-use page and the tests read them instead of copying.
// Radiculo is for adults; NICE NG59 covers over 16s [6], Radiculo keeps 18 (its own choice).
inline constexpr int kAdultAge = 18;
// A first episode at 60 or over is a priority finding (UK community red flags [10], regional
// pathways [11]).
inline constexpr int kOlderAge = 60;
// Conservative care runs at least 6 weeks before advanced imaging or procedures are considered [1].
inline constexpr double kConservativeWeeks = 6;
// Severe pain for the opioid line. 7 is Radiculo's threshold on the 0-10 scale; the source only
// says "severe pain" [1].
inline constexpr int kSeverePain = 7;
// Up to 12 weeks of symptoms: opioids are not for chronic sciatica [6]; the injection is for
// subacute cases [4]. Radiculo reads both as "12 weeks or fewer".
inline constexpr double kSubacuteWeeks = 12;
// Long-standing sciatica: over 12 weeks, beyond initial management. The NHS calls over 6 weeks
// "persistent" [16]; UK referral guidance expects about 12 weeks of community care before a
// specialist referral [23].
inline constexpr double kLongStandingWeeks = 12;
// Severe pain, a sedating medicine or long-standing sciatica: review within 2 weeks (Radiculo's own rule).
// A priority or reassess plan is reviewed within 2 weeks too, within 1 week with severe pain
// (Radiculo's own rule: a person left at home with a finding to check, or with failed care, and
// pain of 7 or more is not told 2 weeks).
inline constexpr double kCloseReviewWeeks = 2;
inline constexpr double kSeverePainReviewWeeks = 1;
// NSAID harms are more likely from 65 [20].
inline constexpr int kMedicineCautionAge = 65;

struct Threshold {
  const char* name;  // its key in contentJson()'s `thresholds`
  double value;
};
inline constexpr std::array<Threshold, 9> kThresholds{{
    {"adultAge", kAdultAge},
    {"olderAge", kOlderAge},
    {"conservativeWeeks", kConservativeWeeks},
    {"severePain", kSeverePain},
    {"subacuteWeeks", kSubacuteWeeks},
    {"longStandingWeeks", kLongStandingWeeks},
    {"closeReviewWeeks", kCloseReviewWeeks},
    {"severePainReviewWeeks", kSeverePainReviewWeeks},
    {"medicineCautionAge", kMedicineCautionAge},
}};

// The triage ladder, in the order of its rungs (first match wins; see decideTriage).
enum class Triage { emergency, checkNow, outOfScope, urgent, priority, incomplete, reassess, conservative };

struct TriageInfo {
  Triage triage;
  const char* id;   // the public id ("check-now"), as in the plan JSON and content/rules.json
  bool alert;       // action within the day: the page announces it as an alert
  int seriousness;  // 0 = the fastest action needed (see moreSerious)
};

// Every triage, in the ladder's order (the enum's), written once: exported through contentJson()
// (`triages`) for the page and checked against content/rules.json by the content self-check.
inline constexpr std::array<TriageInfo, 8> kTriages{{
    {Triage::emergency, "emergency", true, 0},
    {Triage::checkNow, "check-now", true, 1},
    {Triage::outOfScope, "out-of-scope", false, 4},  // see a clinician, at the speed its headline says
    {Triage::urgent, "urgent", true, 2},
    {Triage::priority, "priority", false, 3},
    {Triage::incomplete, "incomplete", false, 5},
    {Triage::reassess, "reassess", false, 6},
    {Triage::conservative, "conservative", false, 7},
}};

constexpr bool triagesInLadderOrder() {
  for (std::size_t i = 0; i < kTriages.size(); ++i)
    if (static_cast<std::size_t>(kTriages[i].triage) != i) return false;
  return true;
}
static_assert(triagesInLadderOrder(), "kTriages lists every triage once, in the enum's (the ladder's) order");

inline const TriageInfo& infoOf(Triage triage) { return kTriages[static_cast<std::size_t>(triage)]; }

// The public id of a triage ("check-now"), as in the plan JSON and content/rules.json.
inline std::string_view triageId(Triage triage) { return infoOf(triage).id; }

Triage decideTriage(const Assessment& assessment);

// The rungs no red flag decides (reassess, conservative): a red flag's plan is acted on, not
// chosen, so a comparison of elective options is only ever shown on these (options_grid.h).
inline bool noRedFlagDecides(Triage triage) { return triage == Triage::reassess || triage == Triage::conservative; }

// True when `a` needs faster action than `b`: emergency, check-now, urgent, priority,
// out-of-scope (see a clinician), incomplete, reassess, conservative.
inline bool moreSerious(Triage a, Triage b) { return infoOf(a).seriousness < infoOf(b).seriousness; }

// How soon a red flag answered yes must be seen: the tiers of the ladder.
enum class Urgency { emergency, sameDay, withinTwoWeeks };
Urgency urgencyOf(RedFlag flag);
// Each tier's public id, as contentJson() (`redFlagUrgency`) gives every flag's.
inline constexpr std::array<const char*, 3> kUrgencyIds{"emergency", "sameDay", "withinTwoWeeks"};
inline const char* urgencyId(Urgency urgency) { return kUrgencyIds[static_cast<std::size_t>(urgency)]; }

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
// True when flags that alone need a same-day check (or less) together need the emergency
// department: every partner of a dangerous combination answered yes.
bool dangerousCombination(const Assessment& assessment);
// True when one side of a dangerous combination of spinal infection or cord compression is yes and
// a partner is still unanswered (see pathway.cpp for the exact pairs): never read as "no", it is
// examined within hours (check-now).
bool partialCombination(const Assessment& assessment);
// The unanswered red flags, outside the emergency group, whose yes would complete a dangerous
// combination (make this plan an emergency), in the contract's order.
std::vector<RedFlag> openCombinationPartners(const Assessment& assessment);

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

// How strongly a line speaks, from the most pressing: a row's `kind` in the triage table.
inline constexpr std::array<const char*, 6> kLineKinds{"emergency", "urgent", "do", "consider", "avoid", "caution"};

// A row of content/rules.json's `headlines` or `triageTable`, its condition looked up once when
// the content is loaded (content.cpp).
struct RuleRow {
  std::string id;    // a headline key or a recommendation id
  std::string kind;  // a line's kind ("do", "avoid", ...); empty for a headline
  std::string when;  // the condition's name
  ConditionPredicate holds = nullptr;  // nullptr: a name the engine does not know, which never holds
};

// One triage's rows: the headline variants (the first that holds is shown) and the lines.
struct TriageRules {
  std::vector<RuleRow> headlines;
  std::vector<RuleRow> lines;
};
// Indexed by Triage.
using RuleTable = std::array<TriageRules, kTriages.size()>;
// A triage's lines are a set of at most this many rows (the content self-check holds it to that).
inline constexpr std::size_t kMaxLinesPerTriage = 32;

// What the pathway decides for one assessment, once: the triage, the headline row and the line
// rows that apply. The plan writer and "what would change" both read it. Line rows are a set of
// row indices as bits: the invariant sweep decides 90 million times, with no allocation.
struct Decision {
  Triage triage = Triage::conservative;
  const TriageRules* rules = nullptr;  // this triage's rows
  const RuleRow* headline = nullptr;   // the first headline row whose condition holds
  std::uint32_t lines = 0;             // bit i: rules->lines[i] applies

  bool applies(std::size_t line) const { return (lines >> line) & 1u; }
  std::vector<const RuleRow*> lineRows() const;  // the rows that apply, in the table's order
};

Decision decide(const Assessment& assessment, const RuleTable& table);

// Whole weeks (at least 1) until the conservative plan's review: the 6-week mark, sooner with
// severe pain or a sedating medicine.
int reassessInWeeks(const Assessment& assessment);
// The plan's review in whole weeks for the tiers that leave a person at home and name one
// (conservative: reassessInWeeks; priority and reassess: within 2 weeks, 1 with severe pain);
// nothing for the others.
std::optional<int> reviewInWeeks(const Assessment& assessment, Triage triage);

// Whether a plan at this triage uses the duration of the episode and the pain score (the review
// interval, long-standing sciatica, the medicine lines): only the routine rungs. A red-flag answer
// that decides a faster tier gives its plan without them.
bool usesDurationAndPain(Triage triage);

// A herniation level below L3, where the transforaminal injection applies [4].
bool belowL3(HerniationLevel level);

// Why a procedure candidate's plan has no injection line: each criterion of the transforaminal
// injection [4] that is not met ("herniationUnknown", "notContained", "levelNotBelowL3",
// "over12Weeks"). Empty when the criteria are met.
std::vector<std::string_view> injectionCriteriaNotMet(const Assessment& assessment);
// Every reason injectionCriteriaNotMet can give: each is worded in content/lang "planText".
inline constexpr std::array<const char*, 4> kInjectionReasons{"herniationUnknown", "notContained", "levelNotBelowL3",
                                                              "over12Weeks"};

// Whether a red flag answered no can turn yes while someone waits (a symptom), as opposed to
// history that cannot newly appear.
bool canNewlyAppear(RedFlag flag);

}  // namespace radiculo
