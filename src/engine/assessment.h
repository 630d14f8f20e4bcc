// One person's answers, after validation. Built only by parseAssessment(), so every value here
// is already known to be in range; the pathway never re-checks input.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>

namespace radiculo {

// The red flags, in the contract's order: the source's twelve (ref 1, "Red Flags Requiring
// Immediate Imaging") and those beyond it (bilateralSciatica, sexualDysfunction, gaitDisturbance,
// nightPain, recentInfectionOrProcedure; see pathway.cpp for their sources). The order matters: `unanswered` and
// `redFlagsPresent` list flags in this order. Each flag sits in its group; how fast each must be
// seen is the pathway's decision (pathway.cpp), not this table's.
enum class RedFlag : std::size_t {
  saddleAnesthesia,
  bladderBowelDysfunction,
  bilateralLegWeakness,
  bilateralSciatica,
  sexualDysfunction,
  gaitDisturbance,
  cancerHistory,
  unexplainedWeightLoss,
  nightPain,
  fever,
  immunocompromised,
  intravenousDrugUse,
  recentInfectionOrProcedure,
  significantTrauma,
  osteoporosis,
  prolongedCorticosteroids,
  progressiveNeuroDeficit,
};
inline constexpr std::size_t kRedFlagCount = 17;

// caudaEquinaOrCord: the signs of cauda equina syndrome and of spinal cord compression. The ids
// are content/rules.json's `redFlagGroups` (the page asks the flags by group, in this order).
enum class RedFlagGroup { caudaEquinaOrCord, malignancy, infection, fracture, neurologicalDeficit };
inline constexpr std::array<const char*, 5> kRedFlagGroupIds{"caudaEquinaOrCord", "malignancy", "infection",
                                                             "fracture", "neurologicalDeficit"};
inline const char* groupId(RedFlagGroup group) { return kRedFlagGroupIds[static_cast<std::size_t>(group)]; }

struct RedFlagInfo {
  RedFlag flag;
  const char* key;  // the JSON key, stable public contract
  RedFlagGroup group;
};

inline constexpr std::array<RedFlagInfo, kRedFlagCount> kRedFlags{{
    {RedFlag::saddleAnesthesia, "saddleAnesthesia", RedFlagGroup::caudaEquinaOrCord},
    {RedFlag::bladderBowelDysfunction, "bladderBowelDysfunction", RedFlagGroup::caudaEquinaOrCord},
    {RedFlag::bilateralLegWeakness, "bilateralLegWeakness", RedFlagGroup::caudaEquinaOrCord},
    {RedFlag::bilateralSciatica, "bilateralSciatica", RedFlagGroup::caudaEquinaOrCord},
    {RedFlag::sexualDysfunction, "sexualDysfunction", RedFlagGroup::caudaEquinaOrCord},
    {RedFlag::gaitDisturbance, "gaitDisturbance", RedFlagGroup::caudaEquinaOrCord},
    {RedFlag::cancerHistory, "cancerHistory", RedFlagGroup::malignancy},
    {RedFlag::unexplainedWeightLoss, "unexplainedWeightLoss", RedFlagGroup::malignancy},
    {RedFlag::nightPain, "nightPain", RedFlagGroup::malignancy},
    {RedFlag::fever, "fever", RedFlagGroup::infection},
    {RedFlag::immunocompromised, "immunocompromised", RedFlagGroup::infection},
    {RedFlag::intravenousDrugUse, "intravenousDrugUse", RedFlagGroup::infection},
    {RedFlag::recentInfectionOrProcedure, "recentInfectionOrProcedure", RedFlagGroup::infection},
    {RedFlag::significantTrauma, "significantTrauma", RedFlagGroup::fracture},
    {RedFlag::osteoporosis, "osteoporosis", RedFlagGroup::fracture},
    {RedFlag::prolongedCorticosteroids, "prolongedCorticosteroids", RedFlagGroup::fracture},
    {RedFlag::progressiveNeuroDeficit, "progressiveNeuroDeficit", RedFlagGroup::neurologicalDeficit},
}};

inline const RedFlagInfo& infoOf(RedFlag flag) { return kRedFlags[static_cast<std::size_t>(flag)]; }

// A red-flag answer. Unknown is not "no": std::nullopt means "not yet answered" (or "not
// sure"), and only an explicit false may clear a flag.
using Answer = std::optional<bool>;

// Who the plan is worded for, and its public id. The default of the contract is the first.
enum class Audience { clinician, patient };
inline constexpr std::array<const char*, 2> kAudienceIds{"clinician", "patient"};
inline constexpr Audience kDefaultAudience = Audience::clinician;
inline const char* audienceId(Audience audience) { return kAudienceIds[static_cast<std::size_t>(audience)]; }

// The language of a plan when none is given (the content must have it).
inline constexpr const char* kDefaultLanguage = "en";

// The levels of a disc herniation, in the spine's order, and their public ids.
enum class HerniationLevel { L1L2, L2L3, L3L4, L4L5, L5S1 };
inline constexpr std::array<const char*, 5> kHerniationLevels{"L1-L2", "L2-L3", "L3-L4", "L4-L5", "L5-S1"};
inline const char* herniationLevelId(HerniationLevel level) { return kHerniationLevels[static_cast<std::size_t>(level)]; }

struct Herniation {
  bool contained = false;
  HerniationLevel level = HerniationLevel::L5S1;
};

// A finding of the priority tier that a clinician has assessed (with examination and imaging as
// needed) and found no serious cause for: `assessedFindings` in the contract. Either a red flag
// of that tier or older age.
struct AssessedFindings {
  std::array<bool, kRedFlagCount> flags{};
  bool olderAge = false;

  bool any() const {
    for (bool flag : flags)
      if (flag) return true;
    return olderAge;
  }
};

struct Assessment {
  Audience audience = kDefaultAudience;
  std::string language = kDefaultLanguage;
  std::optional<int> ageYears;  // absent = not yet answered
  bool priorLumbarSurgery = false;
  std::optional<double> symptomWeeks;  // required unless a red flag is true
  std::optional<int> painScore;        // required unless a red flag is true
  bool muscleSpasm = false;
  std::array<Answer, kRedFlagCount> redFlags{};  // all unanswered by default
  double conservativeCareWeeks = 0;
  bool improving = false;
  bool procedureCandidate = false;
  bool priorMri = false;
  std::optional<Herniation> herniation;
  AssessedFindings assessedFindings;

  Answer answer(RedFlag flag) const { return redFlags[static_cast<std::size_t>(flag)]; }
};

}  // namespace radiculo
