// The decision logic of Radiculo, in one place. Reference numbers [n] are those of
// content/rules.json: [1]-[5] from the source page, [6] NICE NG59, [7] ACR 2021.
#include "pathway.h"

#include <algorithm>
#include <array>

namespace radiculo {

namespace {

// Conservative care runs at least 6 weeks before advanced imaging or procedures are considered [1].
constexpr double kConservativeWeeks = 6;
// Severe pain for the opioid line. 7 is Radiculo's threshold on the 0-10 scale; the source only
// says "severe pain" [1].
constexpr int kSeverePain = 7;
// Up to 12 weeks of symptoms: opioids are not for chronic sciatica [6]; the injection is for
// subacute cases [4]. Radiculo reads both as "12 weeks or fewer".
constexpr double kSubacuteWeeks = 12;

bool isTrue(const Assessment& a, RedFlag flag) { return a.answer(flag) == true; }

bool anyTrue(const Assessment& a, bool (*inGroup)(RedFlagGroup)) {
  return std::any_of(kRedFlags.begin(), kRedFlags.end(),
                     [&](const RedFlagInfo& info) { return inGroup(info.group) && isTrue(a, info.flag); });
}

bool caudaEquina(RedFlagGroup group) { return group == RedFlagGroup::caudaEquina; }
bool anyGroup(RedFlagGroup) { return true; }
bool fracture(RedFlagGroup group) { return group == RedFlagGroup::fracture; }

bool anyUnanswered(const Assessment& a) {
  return std::any_of(a.redFlags.begin(), a.redFlags.end(), [](const Answer& answer) { return !answer.has_value(); });
}

bool isAdultFirstEpisodePathway(const Assessment& a) {
  return !(a.ageYears && *a.ageYears < 18) && !a.priorLumbarSurgery;
}

// Below L3 [4]: Radiculo reads it as L4-L5 and L5-S1. L3-L4 is ambiguous, so it gets no line.
bool belowL3(HerniationLevel level) { return level == HerniationLevel::L4L5 || level == HerniationLevel::L5S1; }

bool subacute(const Assessment& a) { return a.symptomWeeks && *a.symptomWeeks <= kSubacuteWeeks; }

using Predicate = bool (*)(const Assessment&);
struct Condition {
  std::string_view name;
  Predicate holds;
};

// The `when` column of the triage table.
constexpr std::array<Condition, 9> kConditions{{
    {"always", [](const Assessment&) { return true; }},
    // Muscle relaxants for associated muscle spasm [1].
    {"muscleSpasm", [](const Assessment& a) { return a.muscleSpasm; }},
    // Short-term opioids judiciously for severe pain only [1, 2]; not for chronic sciatica [6].
    {"severePainUpTo12Weeks",
     [](const Assessment& a) { return a.painScore && *a.painScore >= kSeverePain && subacute(a); }},
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
    // Fracture is suspected: CT also has a place [7, 8] (evidence note on the MRI line).
    {"fractureFlagPresent", [](const Assessment& a) { return anyTrue(a, fracture); }},
}};

}  // namespace

std::string_view triageId(Triage triage) {
  switch (triage) {
    case Triage::emergency: return "emergency";
    case Triage::outOfScope: return "out-of-scope";
    case Triage::urgent: return "urgent";
    case Triage::incomplete: return "incomplete";
    case Triage::reassess: return "reassess";
    case Triage::conservative: return "conservative";
  }
  return "conservative";
}

// First match wins. The order is the safety argument: an emergency is never hidden by scope,
// a red flag never by missing answers, and unknown answers never by the routine path.
Triage decideTriage(const Assessment& a) {
  // Cauda equina syndrome: immediate MRI [1]; a surgical emergency at any age.
  if (anyTrue(a, caudaEquina)) return Triage::emergency;
  // Children and people after lumbar surgery follow other pathways (ACR variant 5 [7]).
  if (!isAdultFirstEpisodePathway(a)) return Triage::outOfScope;
  // Suspected malignancy, infection, fracture or progressive deficit: MRI immediately [1].
  if (anyTrue(a, anyGroup)) return Triage::urgent;
  // Unknown is not "no": an unanswered red flag never clears anyone.
  if (anyUnanswered(a)) return Triage::incomplete;
  // At least 6 weeks of conservative care without improvement: time to reconsider [1].
  if (a.conservativeCareWeeks >= kConservativeWeeks && !a.improving) return Triage::reassess;
  // Conservative management for at least 6 weeks without routine imaging [1].
  return Triage::conservative;
}

bool moreSerious(Triage a, Triage b) {
  constexpr Triage kOrder[] = {Triage::emergency,  Triage::urgent,   Triage::outOfScope,
                               Triage::incomplete, Triage::reassess, Triage::conservative};
  const auto rank = [&](Triage t) { return std::find(std::begin(kOrder), std::end(kOrder), t) - std::begin(kOrder); };
  return rank(a) < rank(b);
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
    if (!a.answer(info.flag).has_value()) flags.push_back(info.flag);
  return flags;
}

bool conditionHolds(std::string_view name, const Assessment& a) {
  for (const Condition& condition : kConditions)
    if (condition.name == name) return condition.holds(a);
  return false;
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

double reassessInWeeks(const Assessment& a) { return std::max(0.0, kConservativeWeeks - a.conservativeCareWeeks); }

}  // namespace radiculo
