// The decision logic of Radiculo, in one place. Reference numbers [n] are those of
// content/rules.json: [1]-[5] from the source page; from [6] on, beyond the source (NICE NG59,
// ACR, NICE CKS, the UK red-flag pathways, the cauda equina and cord-compression guidance).
// Every rule the source does not make is marked "Radiculo's own rule" or names its source.
#include "pathway.h"

#include <algorithm>
#include <cmath>
#include <array>

namespace radiculo {

namespace {

bool isTrue(const Assessment& a, RedFlag flag) { return a.answer(flag) == true; }
bool isUnanswered(const Assessment& a, RedFlag flag) { return !a.answer(flag).has_value(); }

bool anyTrue(const Assessment& a, RedFlagGroup group) {
  return std::any_of(kRedFlags.begin(), kRedFlags.end(),
                     [&](const RedFlagInfo& info) { return info.group == group && isTrue(a, info.flag); });
}

bool anyOf(const Assessment& a, Urgency urgency, bool (*answerIs)(const Assessment&, RedFlag)) {
  return std::any_of(kRedFlags.begin(), kRedFlags.end(), [&](const RedFlagInfo& info) {
    return urgencyOf(info.flag) == urgency && answerIs(a, info.flag);
  });
}

// The cauda equina signs (the emergency group without gaitDisturbance, the cord sign).
bool isCaudaEquinaSign(RedFlag flag) { return urgencyOf(flag) == Urgency::emergency && flag != RedFlag::gaitDisturbance; }

bool isAdultFirstEpisodePathway(const Assessment& a) {
  return !(a.ageYears && *a.ageYears < kAdultAge) && !a.priorLumbarSurgery;
}

bool subacute(const Assessment& a) { return a.symptomWeeks && *a.symptomWeeks <= kSubacuteWeeks; }
// Long-standing sciatica: over 12 weeks and not getting better. Someone improving on care (or on
// their own) past 12 weeks carries on; UK referral guidance counts the weeks of care before a
// specialist referral, not the weeks of pain alone [23].
bool longStanding(const Assessment& a) {
  return a.symptomWeeks && *a.symptomWeeks > kLongStandingWeeks && !a.improving;
}
bool severePain(const Assessment& a) { return a.painScore && *a.painScore >= kSeverePain; }
// The opioid line [1, 2], up to 12 weeks [6].
bool opioidLine(const Assessment& a) { return severePain(a) && subacute(a); }
// An NSAID line only where there is pain to ease (Radiculo's own rule).
bool nsaidLine(const Assessment& a) { return a.painScore && *a.painScore > 0; }
// 65 or over, where the medicine cautions for older adults apply [20, 30]; an age not given is
// treated as older (a plan with medicine lines always has one).
bool medicineCautionAge(const Assessment& a) { return !a.ageYears || *a.ageYears >= kMedicineCautionAge; }
// Review within 2 weeks: severe pain, or an opioid or muscle-relaxant line (Radiculo's own rule).
bool closeReview(const Assessment& a) { return severePain(a) || a.muscleSpasm || opioidLine(a); }
// Long-standing sciatica is due its referral now: a review within 2 weeks to arrange it
// (Radiculo's own rule, from [23]).
bool reviewWithinTwoWeeks(const Assessment& a) { return closeReview(a) || longStanding(a); }

// The dangerous combinations: flags that alone are seen today (or within 2 weeks) and together
// need the emergency department. Few red flags are telling alone; combinations are [10].
//   - A worsening deficit with a cancer, infection or fracture flag: possible metastatic cord
//     compression [12, 13], spinal abscess [10, 14, 24] or unstable fracture (long-term steroids
//     and osteoporosis alike weaken bone [7, 10]). Radiculo's own grouping.
//   - Fever with a risk factor for spinal infection: injecting drugs, a weak immune system,
//     long-term steroids, or a recent infection or spinal procedure [10, 14, 24].
//   - Past or current cancer with constant, night or thoracic pain: with the radicular pain every
//     person here has, possible spinal metastasis with a neurological symptom, an oncological
//     emergency [12, 25].
// `yes(flag)` says whether a flag counts as yes, so that the same pairs answer "is it a
// combination now" and "would this one more yes make it one".
constexpr std::array<RedFlag, 4> kFeverPartners{RedFlag::intravenousDrugUse, RedFlag::immunocompromised,
                                                RedFlag::prolongedCorticosteroids, RedFlag::recentInfectionOrProcedure};

template <typename Yes>
bool deficitCombination(Yes yes) {
  if (!yes(RedFlag::progressiveNeuroDeficit)) return false;
  return std::any_of(kRedFlags.begin(), kRedFlags.end(), [&](const RedFlagInfo& info) {
    return (info.group == RedFlagGroup::malignancy || info.group == RedFlagGroup::infection ||
            info.group == RedFlagGroup::fracture) &&
           yes(info.flag);
  });
}
template <typename Yes>
bool feverCombination(Yes yes) {
  return yes(RedFlag::fever) && std::any_of(kFeverPartners.begin(), kFeverPartners.end(), yes);
}
template <typename Yes>
bool cancerSpinalPainCombination(Yes yes) {
  return yes(RedFlag::cancerHistory) && yes(RedFlag::nightPain);
}
template <typename Yes>
bool anyCombination(Yes yes) {
  return deficitCombination(yes) || feverCombination(yes) || cancerSpinalPainCombination(yes);
}

// Would a yes to `flag` (unanswered now) complete a dangerous combination?
bool completesCombination(const Assessment& a, RedFlag flag) {
  return anyCombination([&](RedFlag f) { return f == flag || isTrue(a, f); });
}
bool isOpenCombinationPartner(const Assessment& a, RedFlag flag) {
  return urgencyOf(flag) != Urgency::emergency && isUnanswered(a, flag) && completesCombination(a, flag);
}
bool hasOpenCombinationPartner(const Assessment& a) {
  return std::any_of(kRedFlags.begin(), kRedFlags.end(),
                     [&](const RedFlagInfo& info) { return isOpenCombinationPartner(a, info.flag); });
}

// Cancer with constant, night or thoracic pain, and no other reason for the emergency department.
bool cancerSpinalPainAlone(const Assessment& a) {
  const auto yes = [&](RedFlag f) { return isTrue(a, f); };
  return cancerSpinalPainCombination(yes) && !deficitCombination(yes) && !feverCombination(yes) &&
         !anyOf(a, Urgency::emergency, isTrue);
}

struct Condition {
  std::string_view name;
  ConditionPredicate holds;
};

// The `when` column of the triage table.
constexpr std::array<Condition, 43> kConditions{{
    {"always", [](const Assessment&) { return true; }},
    // Muscle relaxants for associated muscle spasm [1].
    {"muscleSpasm", [](const Assessment& a) { return a.muscleSpasm; }},
    // ... under 65 only: from 65 skeletal muscle relaxants are to be avoided (falls, sedation,
    // anticholinergic effects) [30], and a caution takes the line's place.
    {"muscleSpasmUnder65", [](const Assessment& a) { return a.muscleSpasm && !medicineCautionAge(a); }},
    {"muscleSpasmAt65OrOver", [](const Assessment& a) { return a.muscleSpasm && medicineCautionAge(a); }},
    // Short-term opioids judiciously for severe pain only [1, 2]; not for chronic sciatica [6].
    {"severePainUpTo12Weeks", opioidLine},
    // Every opioid line comes with the caution on other sedating medicines: a muscle relaxant, a
    // gabapentinoid or a benzodiazepine with an opioid slows breathing [19, 33].
    {"withOpioidLine", opioidLine},
    // At 65 or over an opioid also brings falls, delirium and constipation [30].
    {"opioidAt65OrOver", [](const Assessment& a) { return opioidLine(a) && medicineCautionAge(a); }},
    // NSAIDs only where there is pain (Radiculo's own rule); their harms are more likely at 65 or
    // over and with long-term steroids [20].
    {"painAboveZero", nsaidLine},
    {"nsaidHigherRisk",
     [](const Assessment& a) {
       return nsaidLine(a) &&
              ((a.ageYears && *a.ageYears >= kMedicineCautionAge) || isTrue(a, RedFlag::prolongedCorticosteroids));
     }},
    // Acute and severe sciatica: NICE's epidural option, beside the 6 weeks of conservative care [6].
    {"severePain", severePain},
    // Over 12 weeks: beyond initial management [16, 23]; the first weeks' statements are left out.
    {"longStanding", longStanding},
    {"notLongStanding", [](const Assessment& a) { return !longStanding(a); }},
    // Specialist assessment: procedure candidates after failed care [6, 7], and long-standing sciatica [23].
    {"procedureCandidateOrLongStanding", [](const Assessment& a) { return a.procedureCandidate || longStanding(a); }},
    {"notProcedureCandidateNotLongStanding", [](const Assessment& a) { return !a.procedureCandidate && !longStanding(a); }},
    // Do not repeat imaging for a new episode if a previous MRI exists [2].
    {"priorMri", [](const Assessment& a) { return a.priorMri; }},
    {"priorMriAndNotProcedureCandidate", [](const Assessment& a) { return a.priorMri && !a.procedureCandidate; }},
    // MRI after 6 weeks of failed conservative care in potential surgery/injection candidates [1, 7].
    {"procedureCandidate", [](const Assessment& a) { return a.procedureCandidate; }},
    {"notProcedureCandidate", [](const Assessment& a) { return !a.procedureCandidate; }},
    // Transforaminal corticosteroid for a contained herniation below L3, subacute, after failed
    // conservative care [4].
    {"injectionCriteriaMet",
     [](const Assessment& a) {
       return a.procedureCandidate && a.herniation && a.herniation->contained && belowL3(a.herniation->level) &&
              subacute(a);
     }},
    // Fracture is suspected: radiography and CT also have a place (ACR variant 6 [7, 8]; evidence
    // notes). The note is for the plan where fracture is the leading question: a fracture flag,
    // and no cancer or infection flag (then MRI is the test).
    {"fractureFlagPresent", [](const Assessment& a) { return anyTrue(a, RedFlagGroup::fracture); }},
    {"fractureLeading",
     [](const Assessment& a) {
       return anyTrue(a, RedFlagGroup::fracture) && !anyTrue(a, RedFlagGroup::malignancy) &&
              !anyTrue(a, RedFlagGroup::infection);
     }},
    // Cauda equina, cancer, infection or a deficit is suspected: MRI is the test [7, 8].
    {"nonFractureFlagPresent",
     [](const Assessment& a) {
       return std::any_of(kRedFlags.begin(), kRedFlags.end(), [&](const RedFlagInfo& info) {
         return info.group != RedFlagGroup::fracture && isTrue(a, info.flag);
       });
     }},
    // Past or current cancer with radicular pain: possible metastatic cord compression; the call
    // to the acute oncology service or MSCC coordinator is made now, the visit the same day [12, 13].
    {"cancerHistory", [](const Assessment& a) { return isTrue(a, RedFlag::cancerHistory); }},
    // Cancer with constant, night or thoracic pain and nothing else that makes an emergency: the
    // cancer team's 24-hour line (MSCC coordinator, acute oncology) is the route, the emergency
    // department if it cannot be reached [12, 25]. With any other emergency reason, the emergency
    // department is the route and the cancer team is told.
    {"cancerSpinalPainAlone", cancerSpinalPainAlone},
    {"notCancerSpinalPainAlone", [](const Assessment& a) { return !cancerSpinalPainAlone(a); }},
    {"cancerHistoryWithOtherEmergency",
     [](const Assessment& a) { return isTrue(a, RedFlag::cancerHistory) && !cancerSpinalPainAlone(a); }},
    // Which examination a check-now plan asks for: the cauda equina signs (saddle sensation,
    // bladder) [17], a cord sign (gait, tone, reflexes, plantars, Hoffmann's sign) [10], or the
    // dangerous combination whose partner is unanswered.
    {"caudaEquinaSignUnanswered",
     [](const Assessment& a) {
       return std::any_of(kRedFlags.begin(), kRedFlags.end(),
                          [&](const RedFlagInfo& info) { return isCaudaEquinaSign(info.flag) && isUnanswered(a, info.flag); });
     }},
    {"gaitDisturbanceUnanswered", [](const Assessment& a) { return isUnanswered(a, RedFlag::gaitDisturbance); }},
    {"partialCombination", partialCombination},
    // A partner of a dangerous combination is unanswered: its yes (emergency department now) is
    // said in the plan itself, not only under "what would change".
    {"openCombinationPartner", hasOpenCombinationPartner},
    // After lumbar surgery, the team that operated is the first contact (ACR variant 5 [7];
    // spinal procedures are a cause of spinal infection [24]).
    {"priorLumbarSurgery", [](const Assessment& a) { return a.priorLumbarSurgery; }},
    // The first weeks' statements (6 weeks of care first, recovery timing, no early imaging) are
    // said only while they have not passed [15, 21, 22]; after 12 weeks a specialist decides on
    // imaging [6, 23], whether or not the person is improving.
    {"upTo12Weeks", subacute},
    {"over12Weeks", [](const Assessment& a) { return a.symptomWeeks && *a.symptomWeeks > kSubacuteWeeks; }},
    // Significant trauma: seen today where imaging is available (Radiculo's own rule, with [7, 11]).
    {"significantTrauma", [](const Assessment& a) { return isTrue(a, RedFlag::significantTrauma); }},
    // Which headline a triage shows (content/rules.json's headlines): what the person reported
    // decides the wording, the triage has already decided the speed.
    {"emergencyFlagPresent", [](const Assessment& a) { return anyOf(a, Urgency::emergency, isTrue); }},
    {"caudaEquinaSignPresent",
     [](const Assessment& a) {
       return std::any_of(kRedFlags.begin(), kRedFlags.end(),
                          [&](const RedFlagInfo& info) { return isCaudaEquinaSign(info.flag) && isTrue(a, info.flag); });
     }},
    {"emergencyFlagUnanswered", [](const Assessment& a) { return anyOf(a, Urgency::emergency, isUnanswered); }},
    {"sameDayFlagPresent", [](const Assessment& a) { return anyOf(a, Urgency::sameDay, isTrue); }},
    {"sameDayFlagTrueOrUnanswered",
     [](const Assessment& a) { return anyOf(a, Urgency::sameDay, isTrue) || anyOf(a, Urgency::sameDay, isUnanswered); }},
    {"priorityFindingPossible",
     [](const Assessment& a) {
       return anyOf(a, Urgency::withinTwoWeeks, isTrue) || anyOf(a, Urgency::withinTwoWeeks, isUnanswered) ||
              isOlderAge(a) || !a.ageYears;
     }},
    {"improving", [](const Assessment& a) { return a.improving; }},
    {"improvingWithoutCare", [](const Assessment& a) { return a.improving && a.conservativeCareWeeks == 0; }},
    {"closeReview", closeReview},
}};

}  // namespace

// How soon each red flag must be seen when it is answered yes. The source asks for "MRI
// immediately" for all of them [1]; NICE CKS says a red flag calls for judgement on urgency, not
// always emergency admission [9], and the UK pathways sort them into tiers [10, 11].
Urgency urgencyOf(RedFlag flag) {
  switch (flag) {
    // Emergency department now: cauda equina syndrome [1], with its early signs (sciatica in both
    // legs, genital numbness or sexual dysfunction [11, 15, 16, 17]), and deteriorating spinal cord
    // function (gait disturbance, numb or weak hands [10]).
    case RedFlag::saddleAnesthesia:
    case RedFlag::bladderBowelDysfunction:
    case RedFlag::bilateralLegWeakness:
    case RedFlag::bilateralSciatica:
    case RedFlag::sexualDysfunction:
    case RedFlag::gaitDisturbance:
      return Urgency::emergency;
    // Seen today: a worsening deficit and suspected infection are same-day in the UK pathways [11];
    // past or current cancer with radicular pain cannot wait [12, 13]. Significant trauma and
    // injecting drugs without fever are same-day by Radiculo's own rule.
    case RedFlag::progressiveNeuroDeficit:
    case RedFlag::fever:
    case RedFlag::significantTrauma:
    case RedFlag::cancerHistory:
    case RedFlag::intravenousDrugUse:
      return Urgency::sameDay;
    // Seen within 2 weeks: the priority spine referrals of the UK community red flags [10]; a
    // recent bacterial infection is a risk factor for spinal infection [14], as are spinal
    // injections and operations [24] (the 3 months are Radiculo's own choice).
    case RedFlag::recentInfectionOrProcedure:
    case RedFlag::unexplainedWeightLoss:
    case RedFlag::nightPain:
    case RedFlag::immunocompromised:
    case RedFlag::osteoporosis:
    case RedFlag::prolongedCorticosteroids:
      return Urgency::withinTwoWeeks;
  }
  return Urgency::emergency;
}

// Below L3 [4]: Radiculo reads it as L4-L5 and L5-S1. L3-L4 is ambiguous, so it gets no line.
bool belowL3(HerniationLevel level) { return level == HerniationLevel::L4L5 || level == HerniationLevel::L5S1; }

bool isAssessable(RedFlag flag) { return urgencyOf(flag) == Urgency::withinTwoWeeks; }

bool isOlderAge(const Assessment& a) { return a.ageYears && *a.ageYears >= kOlderAge; }

bool dangerousCombination(const Assessment& a) {
  return anyCombination([&](RedFlag f) { return isTrue(a, f); });
}

// An unanswered partner is never read as "no" (Radiculo's own rule, checked by a second
// clinician): a worsening deficit answered yes with an infection or cancer partner unanswered, or
// a fever combination with one side yes and the other unanswered, may be a spinal abscess or cord
// compression: examined within hours, the emergency department if that cannot happen. Every
// other partial combination keeps its rung and says what a yes would mean.
bool partialCombination(const Assessment& a) {
  constexpr std::array<RedFlag, 6> deficitPartners{RedFlag::fever, RedFlag::intravenousDrugUse, RedFlag::immunocompromised,
                                                   RedFlag::prolongedCorticosteroids, RedFlag::recentInfectionOrProcedure,
                                                   RedFlag::cancerHistory};
  const auto unanswered = [&](RedFlag f) { return isUnanswered(a, f); };
  const auto yes = [&](RedFlag f) { return isTrue(a, f); };
  return (yes(RedFlag::progressiveNeuroDeficit) && std::any_of(deficitPartners.begin(), deficitPartners.end(), unanswered)) ||
         (yes(RedFlag::fever) && std::any_of(kFeverPartners.begin(), kFeverPartners.end(), unanswered)) ||
         (unanswered(RedFlag::fever) && std::any_of(kFeverPartners.begin(), kFeverPartners.end(), yes));
}

std::vector<RedFlag> openCombinationPartners(const Assessment& a) {
  std::vector<RedFlag> flags;
  for (const RedFlagInfo& info : kRedFlags)
    if (isOpenCombinationPartner(a, info.flag)) flags.push_back(info.flag);
  return flags;
}

namespace {
bool isOpenPriorityFlag(const Assessment& a, RedFlag flag) {
  return isAssessable(flag) && isTrue(a, flag) && !a.assessedFindings.flags[static_cast<std::size_t>(flag)];
}
// The same question as openPriorityFindings, without building the list (decideTriage runs
// billions of times in the invariant sweep).
bool anyOpenPriorityFinding(const Assessment& a) {
  return (isOlderAge(a) && !a.assessedFindings.olderAge) ||
         std::any_of(kRedFlags.begin(), kRedFlags.end(),
                     [&](const RedFlagInfo& info) { return isOpenPriorityFlag(a, info.flag); });
}
}  // namespace

PriorityFindings openPriorityFindings(const Assessment& a) {
  PriorityFindings open;
  for (const RedFlagInfo& info : kRedFlags)
    if (isOpenPriorityFlag(a, info.flag)) open.flags.push_back(info.flag);
  open.olderAge = isOlderAge(a) && !a.assessedFindings.olderAge;
  return open;
}

// First match wins. The order is the safety argument: an emergency is never hidden by scope or
// by missing answers; an unanswered question is treated as possible, at the speed its "yes"
// would need; and unknown answers never reach the routine path.
Triage decideTriage(const Assessment& a) {
  // 1. Cauda equina syndrome or cord compression, at any age [1, 10, 17]; or a dangerous
  //    combination, every partner answered yes.
  if (anyOf(a, Urgency::emergency, isTrue) || dangerousCombination(a)) return Triage::emergency;
  // 2. A sign of cauda equina syndrome that cannot be ruled out: examined within hours. Its
  //    signs come and go early; a tool cannot reassure someone who is unsure [17, 18]. Likewise a
  //    combination of spinal infection or cord compression whose partner is unanswered.
  if (anyOf(a, Urgency::emergency, isUnanswered) || partialCombination(a)) return Triage::checkNow;
  // 3. Children and people after lumbar surgery follow other pathways (ACR variant 5 [7]).
  if (!isAdultFirstEpisodePathway(a)) return Triage::outOfScope;
  // 4. Seen by a clinician today: a same-day flag answered yes, or not yet ruled out.
  if (anyOf(a, Urgency::sameDay, isTrue) || anyOf(a, Urgency::sameDay, isUnanswered)) return Triage::urgent;
  // 5. Seen within 2 weeks: a priority finding a clinician has not yet assessed [9, 10, 11].
  if (anyOpenPriorityFinding(a)) return Triage::priority;
  // 6. Unknown is not "no": a priority question or the age still unanswered.
  if (anyOf(a, Urgency::withinTwoWeeks, isUnanswered) || !a.ageYears) return Triage::incomplete;
  // 7. At least 6 weeks of conservative care without improvement: time to reconsider [1].
  if (a.conservativeCareWeeks >= kConservativeWeeks && !a.improving) return Triage::reassess;
  // 8. Conservative management for at least 6 weeks without routine imaging [1].
  return Triage::conservative;
}

Decision decide(const Assessment& a, const RuleTable& table) {
  Decision decision;
  decision.triage = decideTriage(a);
  decision.rules = &table[static_cast<std::size_t>(decision.triage)];
  for (const RuleRow& row : decision.rules->headlines)
    if (row.holds != nullptr && row.holds(a)) {
      decision.headline = &row;
      break;
    }
  const std::vector<RuleRow>& lines = decision.rules->lines;
  for (std::size_t i = 0; i < lines.size() && i < kMaxLinesPerTriage; ++i)
    if (lines[i].holds != nullptr && lines[i].holds(a)) decision.lines |= 1u << i;
  return decision;
}

std::vector<const RuleRow*> Decision::lineRows() const {
  std::vector<const RuleRow*> rows;
  for (std::size_t i = 0; i < rules->lines.size() && i < kMaxLinesPerTriage; ++i)
    if (applies(i)) rows.push_back(&rules->lines[i]);
  return rows;
}

std::vector<RedFlag> flagsPresent(const Assessment& a) {
  std::vector<RedFlag> flags;
  for (const RedFlagInfo& info : kRedFlags)
    if (isTrue(a, info.flag)) flags.push_back(info.flag);
  return flags;
}

std::vector<RedFlag> flagsUnanswered(const Assessment& a) {
  std::vector<RedFlag> flags;
  for (const RedFlagInfo& info : kRedFlags)
    if (isUnanswered(a, info.flag)) flags.push_back(info.flag);
  return flags;
}

std::vector<RedFlag> flagsPresent(const Assessment& a, Urgency urgency) {
  std::vector<RedFlag> flags;
  for (RedFlag flag : flagsPresent(a))
    if (urgencyOf(flag) == urgency) flags.push_back(flag);
  return flags;
}

std::vector<RedFlag> flagsUnanswered(const Assessment& a, Urgency urgency) {
  std::vector<RedFlag> flags;
  for (RedFlag flag : flagsUnanswered(a))
    if (urgencyOf(flag) == urgency) flags.push_back(flag);
  return flags;
}

std::vector<std::string_view> unansweredKeys(const Assessment& a) {
  std::vector<std::string_view> keys;
  for (RedFlag flag : flagsUnanswered(a)) keys.emplace_back(infoOf(flag).key);
  if (!a.ageYears) keys.emplace_back("ageYears");
  return keys;
}

ConditionPredicate conditionPredicate(std::string_view name) {
  for (const Condition& condition : kConditions)
    if (condition.name == name) return condition.holds;
  return nullptr;
}

bool conditionHolds(std::string_view name, const Assessment& a) {
  const ConditionPredicate holds = conditionPredicate(name);
  return holds != nullptr && holds(a);
}

bool isKnownCondition(std::string_view name) {
  return std::any_of(kConditions.begin(), kConditions.end(),
                     [&](const Condition& condition) { return condition.name == name; });
}

std::vector<std::string_view> knownConditions() {
  std::vector<std::string_view> names;
  for (const Condition& condition : kConditions) names.push_back(condition.name);
  return names;
}

// Whole weeks, at least 1: the 6-week mark of conservative care [1], rounded up; past it and
// improving, one more such period (Radiculo's own rule); never more than 2 weeks with severe pain,
// a sedating medicine or long-standing sciatica (Radiculo's own rule).
int reassessInWeeks(const Assessment& a) {
  const double toMark = kConservativeWeeks - a.conservativeCareWeeks;
  double weeks = toMark > 0 ? std::ceil(toMark) : kConservativeWeeks;
  if (reviewWithinTwoWeeks(a)) weeks = std::min(weeks, kCloseReviewWeeks);
  return static_cast<int>(weeks);
}

std::optional<int> reviewInWeeks(const Assessment& a, Triage triage) {
  switch (triage) {
    case Triage::conservative:
      return reassessInWeeks(a);
    case Triage::priority:
    case Triage::reassess:
      return static_cast<int>(severePain(a) ? kSeverePainReviewWeeks : kCloseReviewWeeks);
    default:
      return std::nullopt;
  }
}

bool usesDurationAndPain(Triage triage) {
  switch (triage) {
    case Triage::priority:
    case Triage::incomplete:
    case Triage::reassess:
    case Triage::conservative:
      return true;
    default:
      return false;
  }
}

std::vector<std::string_view> injectionCriteriaNotMet(const Assessment& a) {
  std::vector<std::string_view> reasons;
  if (!a.herniation) {
    reasons.emplace_back("herniationUnknown");
  } else {
    if (!a.herniation->contained) reasons.emplace_back("notContained");
    if (!belowL3(a.herniation->level)) reasons.emplace_back("levelNotBelowL3");
  }
  if (!subacute(a)) reasons.emplace_back("over12Weeks");
  return reasons;
}

// Static history (past cancer, a weak immune system, injecting drugs, osteoporosis, long-term
// steroids, an infection or a spinal procedure in the last 3 months) cannot newly appear while
// someone waits; the "come back early" list names only what can.
bool canNewlyAppear(RedFlag flag) {
  switch (flag) {
    case RedFlag::recentInfectionOrProcedure:
    case RedFlag::cancerHistory:
    case RedFlag::immunocompromised:
    case RedFlag::intravenousDrugUse:
    case RedFlag::osteoporosis:
    case RedFlag::prolongedCorticosteroids:
      return false;
    default:
      return true;
  }
}

}  // namespace radiculo
