// The triage ladder on Assessment values directly: the order of the rungs is the safety argument.
#include <gtest/gtest.h>

#include "pathway.h"

namespace radiculo {
namespace {

Assessment allClear() {
  Assessment a;
  a.redFlags.fill(false);
  a.symptomWeeks = 3;
  a.painScore = 5;
  return a;
}

void set(Assessment& a, RedFlag flag, Answer answer) { a.redFlags[static_cast<std::size_t>(flag)] = answer; }

TEST(Triage, CaudaEquinaBeatsScope) {
  Assessment a = allClear();
  a.ageYears = 10;
  a.priorLumbarSurgery = true;
  set(a, RedFlag::bilateralLegWeakness, true);
  EXPECT_EQ(decideTriage(a), Triage::emergency);
}

TEST(Triage, ScopeBeatsOtherRedFlags) {
  Assessment a = allClear();
  a.priorLumbarSurgery = true;
  set(a, RedFlag::fever, true);
  EXPECT_EQ(decideTriage(a), Triage::outOfScope);
}

TEST(Triage, RedFlagBeatsUnanswered) {
  Assessment a;  // everything unanswered
  set(a, RedFlag::significantTrauma, true);
  EXPECT_EQ(decideTriage(a), Triage::urgent);
}

TEST(Triage, UnansweredIsNeverNo) {
  for (const RedFlagInfo& info : kRedFlags) {
    Assessment a = allClear();
    set(a, info.flag, std::nullopt);
    EXPECT_EQ(decideTriage(a), Triage::incomplete) << info.key;
  }
}

TEST(Triage, EveryNonCaudaEquinaFlagIsUrgent) {
  for (const RedFlagInfo& info : kRedFlags) {
    Assessment a = allClear();
    set(a, info.flag, true);
    EXPECT_EQ(decideTriage(a), info.group == RedFlagGroup::caudaEquina ? Triage::emergency : Triage::urgent) << info.key;
  }
}

TEST(Triage, SixWeeksWithoutImprovementIsReassess) {
  Assessment a = allClear();
  a.symptomWeeks = 8;
  a.conservativeCareWeeks = 6;
  EXPECT_EQ(decideTriage(a), Triage::reassess);
  a.improving = true;
  EXPECT_EQ(decideTriage(a), Triage::conservative);
  a.improving = false;
  a.conservativeCareWeeks = 5.99;
  EXPECT_EQ(decideTriage(a), Triage::conservative);
}

TEST(Conditions, UnknownNameNeverHolds) {
  EXPECT_FALSE(isKnownCondition("sometimes"));
  EXPECT_FALSE(conditionHolds("sometimes", allClear()));
}

TEST(Conditions, InjectionNeedsEveryCriterion) {
  Assessment a = allClear();
  a.symptomWeeks = 8;
  a.procedureCandidate = true;
  a.herniation = Herniation{true, HerniationLevel::L5S1};
  EXPECT_TRUE(conditionHolds("injectionCriteriaMet", a));
  a.herniation->level = HerniationLevel::L3L4;
  EXPECT_FALSE(conditionHolds("injectionCriteriaMet", a));
  a.herniation->level = HerniationLevel::L4L5;
  a.procedureCandidate = false;
  EXPECT_FALSE(conditionHolds("injectionCriteriaMet", a));
}

TEST(Reassessment, CountsDownFromSixWeeks) {
  Assessment a = allClear();
  a.conservativeCareWeeks = 2.5;
  EXPECT_DOUBLE_EQ(reassessInWeeks(a), 3.5);
  a.conservativeCareWeeks = 9;
  EXPECT_DOUBLE_EQ(reassessInWeeks(a), 0);
}

}  // namespace
}  // namespace radiculo
