// One person's answers, after validation. Built only by parseAssessment(), so every value here
// is already known to be in range; the pathway never re-checks input.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>

namespace radiculo {

// The source's red flags (ref 1, "Red Flags Requiring Immediate Imaging"), in the contract's
// order. The order matters: `unanswered` and `redFlagsPresent` list flags in this order.
enum class RedFlag : std::size_t {
  saddleAnesthesia,
  bladderBowelDysfunction,
  bilateralLegWeakness,
  cancerHistory,
  unexplainedWeightLoss,
  fever,
  immunocompromised,
  intravenousDrugUse,
  significantTrauma,
  osteoporosis,
  prolongedCorticosteroids,
  progressiveNeuroDeficit,
};
inline constexpr std::size_t kRedFlagCount = 12;

enum class RedFlagGroup { caudaEquina, malignancy, infection, fracture, neurologicalDeficit };

struct RedFlagInfo {
  RedFlag flag;
  const char* key;  // the JSON key, stable public contract
  RedFlagGroup group;
};

inline constexpr std::array<RedFlagInfo, kRedFlagCount> kRedFlags{{
    {RedFlag::saddleAnesthesia, "saddleAnesthesia", RedFlagGroup::caudaEquina},
    {RedFlag::bladderBowelDysfunction, "bladderBowelDysfunction", RedFlagGroup::caudaEquina},
    {RedFlag::bilateralLegWeakness, "bilateralLegWeakness", RedFlagGroup::caudaEquina},
    {RedFlag::cancerHistory, "cancerHistory", RedFlagGroup::malignancy},
    {RedFlag::unexplainedWeightLoss, "unexplainedWeightLoss", RedFlagGroup::malignancy},
    {RedFlag::fever, "fever", RedFlagGroup::infection},
    {RedFlag::immunocompromised, "immunocompromised", RedFlagGroup::infection},
    {RedFlag::intravenousDrugUse, "intravenousDrugUse", RedFlagGroup::infection},
    {RedFlag::significantTrauma, "significantTrauma", RedFlagGroup::fracture},
    {RedFlag::osteoporosis, "osteoporosis", RedFlagGroup::fracture},
    {RedFlag::prolongedCorticosteroids, "prolongedCorticosteroids", RedFlagGroup::fracture},
    {RedFlag::progressiveNeuroDeficit, "progressiveNeuroDeficit", RedFlagGroup::neurologicalDeficit},
}};

inline const RedFlagInfo& infoOf(RedFlag flag) { return kRedFlags[static_cast<std::size_t>(flag)]; }

// A red-flag answer. Unknown is not "no": std::nullopt means "not yet answered" (or "not
// sure"), and only an explicit false may clear a flag.
using Answer = std::optional<bool>;

enum class Audience { clinician, patient };

enum class HerniationLevel { L1L2, L2L3, L3L4, L4L5, L5S1 };

struct Herniation {
  bool contained = false;
  HerniationLevel level = HerniationLevel::L5S1;
};

struct Assessment {
  Audience audience = Audience::clinician;
  std::string language = "en";
  std::optional<int> ageYears;  // absent = adult
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

  Answer answer(RedFlag flag) const { return redFlags[static_cast<std::size_t>(flag)]; }
};

}  // namespace radiculo
