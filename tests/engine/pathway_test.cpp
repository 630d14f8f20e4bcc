// The triage ladder on Assessment values directly: the order of the rungs is the safety argument.
#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <set>
#include <vector>

#include "pathway.h"

namespace radiculo {
namespace {

Assessment allClear() {
  Assessment a;
  a.redFlags.fill(false);
  a.ageYears = 40;
  a.symptomWeeks = 3;
  a.painScore = 5;
  return a;
}

void set(Assessment& a, RedFlag flag, Answer answer) { a.redFlags[static_cast<std::size_t>(flag)] = answer; }
void assess(Assessment& a, RedFlag flag) { a.assessedFindings.flags[static_cast<std::size_t>(flag)] = true; }

TEST(Triage, EmergencySignBeatsScope) {
  Assessment a = allClear();
  a.ageYears = 10;
  a.priorLumbarSurgery = true;
  set(a, RedFlag::bilateralLegWeakness, true);
  EXPECT_EQ(decideTriage(a), Triage::emergency);
}

TEST(Triage, EveryEmergencyGroupFlagIsAnEmergencyAndUnansweredIsCheckNow) {
  for (const RedFlagInfo& info : kRedFlags) {
    if (urgencyOf(info.flag) != Urgency::emergency) continue;
    Assessment a = allClear();
    set(a, info.flag, true);
    EXPECT_EQ(decideTriage(a), Triage::emergency) << info.key;
    set(a, info.flag, std::nullopt);
    EXPECT_EQ(decideTriage(a), Triage::checkNow) << info.key;
    a.priorLumbarSurgery = true;  // check-now comes before scope
    EXPECT_EQ(decideTriage(a), Triage::checkNow) << info.key;
  }
}

TEST(Triage, CombinationsAreEmergencies) {
  for (RedFlag partner : {RedFlag::cancerHistory, RedFlag::unexplainedWeightLoss, RedFlag::nightPain, RedFlag::fever,
                          RedFlag::immunocompromised, RedFlag::intravenousDrugUse, RedFlag::recentInfectionOrProcedure,
                          RedFlag::significantTrauma, RedFlag::osteoporosis, RedFlag::prolongedCorticosteroids}) {
    Assessment a = allClear();
    set(a, RedFlag::progressiveNeuroDeficit, true);
    set(a, partner, true);
    EXPECT_EQ(decideTriage(a), Triage::emergency) << infoOf(partner).key;
  }
  for (RedFlag partner : {RedFlag::intravenousDrugUse, RedFlag::immunocompromised, RedFlag::prolongedCorticosteroids,
                          RedFlag::recentInfectionOrProcedure}) {
    Assessment a = allClear();
    set(a, RedFlag::fever, true);
    set(a, partner, true);
    EXPECT_EQ(decideTriage(a), Triage::emergency) << infoOf(partner).key;
  }
  // Past or current cancer with constant, night or thoracic pain.
  Assessment cancer = allClear();
  set(cancer, RedFlag::cancerHistory, true);
  set(cancer, RedFlag::nightPain, true);
  EXPECT_EQ(decideTriage(cancer), Triage::emergency);
  // Not a combination: fever with trauma; fever with osteoporosis; cancer with weight loss.
  Assessment b = allClear();
  set(b, RedFlag::fever, true);
  set(b, RedFlag::significantTrauma, true);
  EXPECT_EQ(decideTriage(b), Triage::urgent);
  set(b, RedFlag::significantTrauma, false);
  set(b, RedFlag::osteoporosis, true);
  EXPECT_EQ(decideTriage(b), Triage::urgent);
  Assessment c = allClear();
  set(c, RedFlag::cancerHistory, true);
  set(c, RedFlag::unexplainedWeightLoss, true);
  EXPECT_EQ(decideTriage(c), Triage::urgent);
}

// An unanswered partner is never read as no: the pairs of spinal infection and cord compression are
// examined within hours; the other pairs keep their rung (and say what a yes would mean).
TEST(Triage, AnUnansweredPartnerIsExaminedWithinHours) {
  for (RedFlag partner : {RedFlag::fever, RedFlag::intravenousDrugUse, RedFlag::immunocompromised,
                          RedFlag::prolongedCorticosteroids, RedFlag::recentInfectionOrProcedure, RedFlag::cancerHistory}) {
    Assessment a = allClear();
    set(a, RedFlag::progressiveNeuroDeficit, true);
    set(a, partner, std::nullopt);
    EXPECT_EQ(decideTriage(a), Triage::checkNow) << "deficit yes, " << infoOf(partner).key << " unanswered";
    EXPECT_EQ(openCombinationPartners(a), std::vector<RedFlag>{partner});
  }
  for (RedFlag partner : {RedFlag::intravenousDrugUse, RedFlag::immunocompromised, RedFlag::prolongedCorticosteroids,
                          RedFlag::recentInfectionOrProcedure}) {
    Assessment a = allClear();
    set(a, RedFlag::fever, true);
    set(a, partner, std::nullopt);
    EXPECT_EQ(decideTriage(a), Triage::checkNow) << "fever yes, " << infoOf(partner).key << " unanswered";
    Assessment b = allClear();
    set(b, RedFlag::fever, std::nullopt);
    set(b, partner, true);
    EXPECT_EQ(decideTriage(b), Triage::checkNow) << "fever unanswered, " << infoOf(partner).key << " yes";
    b.ageYears = 17;  // before scope, as the cauda equina check is
    EXPECT_EQ(decideTriage(b), Triage::checkNow);
  }
  // Keep their rung: a deficit with a fracture or weight-loss partner unanswered; cancer with night
  // pain unanswered; fever with a deficit unanswered.
  for (RedFlag partner : {RedFlag::significantTrauma, RedFlag::osteoporosis, RedFlag::unexplainedWeightLoss, RedFlag::nightPain}) {
    Assessment a = allClear();
    set(a, RedFlag::progressiveNeuroDeficit, true);
    set(a, partner, std::nullopt);
    EXPECT_EQ(decideTriage(a), Triage::urgent) << infoOf(partner).key;
    EXPECT_EQ(openCombinationPartners(a), std::vector<RedFlag>{partner});
  }
  Assessment cancer = allClear();
  set(cancer, RedFlag::cancerHistory, true);
  set(cancer, RedFlag::nightPain, std::nullopt);
  EXPECT_EQ(decideTriage(cancer), Triage::urgent);
  Assessment fever = allClear();
  set(fever, RedFlag::fever, true);
  set(fever, RedFlag::progressiveNeuroDeficit, std::nullopt);
  EXPECT_EQ(decideTriage(fever), Triage::urgent);
  EXPECT_EQ(openCombinationPartners(fever), std::vector<RedFlag>{RedFlag::progressiveNeuroDeficit});
  // Nothing open, nothing to say; never an emergency without a yes.
  EXPECT_TRUE(openCombinationPartners(allClear()).empty());
  Assessment none;
  none.ageYears = 40;
  EXPECT_NE(decideTriage(none), Triage::emergency);
}

// The duration and the pain are needed exactly by the rungs a plan uses them in.
TEST(Triage, DurationAndPainOnlyForTheRoutineRungs) {
  for (const TriageInfo& info : kTriages) {
    const bool routine = info.triage == Triage::priority || info.triage == Triage::incomplete ||
                         info.triage == Triage::reassess || info.triage == Triage::conservative;
    EXPECT_EQ(usesDurationAndPain(info.triage), routine) << info.id;
  }
}

// Priority and reassess plans leave the person at home: a review within 2 weeks, 1 with severe pain.
TEST(Triage, EveryTierThatLeavesAPersonAtHomeHasAReview) {
  Assessment a = allClear();
  EXPECT_EQ(reviewInWeeks(a, Triage::priority), 2);
  EXPECT_EQ(reviewInWeeks(a, Triage::reassess), 2);
  EXPECT_EQ(reviewInWeeks(a, Triage::conservative), reassessInWeeks(a));
  a.painScore = 7;
  EXPECT_EQ(reviewInWeeks(a, Triage::priority), 1);
  EXPECT_EQ(reviewInWeeks(a, Triage::reassess), 1);
  EXPECT_EQ(reviewInWeeks(a, Triage::urgent), std::nullopt);
}

TEST(Triage, ScopeBeatsSameDayFlags) {
  Assessment a = allClear();
  a.priorLumbarSurgery = true;
  set(a, RedFlag::fever, true);
  EXPECT_EQ(decideTriage(a), Triage::outOfScope);
}

TEST(Triage, SameDayFlagTrueOrUnansweredIsUrgent) {
  for (const RedFlagInfo& info : kRedFlags) {
    if (urgencyOf(info.flag) != Urgency::sameDay) continue;
    Assessment a = allClear();
    set(a, info.flag, true);
    EXPECT_EQ(decideTriage(a), Triage::urgent) << info.key;
    set(a, info.flag, std::nullopt);
    EXPECT_EQ(decideTriage(a), Triage::urgent) << info.key;
  }
}

TEST(Triage, PriorityFindingIsPriorityUntilAssessed) {
  for (const RedFlagInfo& info : kRedFlags) {
    if (urgencyOf(info.flag) != Urgency::withinTwoWeeks) continue;
    EXPECT_TRUE(isAssessable(info.flag)) << info.key;
    Assessment a = allClear();
    set(a, info.flag, true);
    EXPECT_EQ(decideTriage(a), Triage::priority) << info.key;
    assess(a, info.flag);
    EXPECT_EQ(decideTriage(a), Triage::conservative) << info.key;
    set(a, info.flag, std::nullopt);
    a.assessedFindings = {};
    EXPECT_EQ(decideTriage(a), Triage::incomplete) << info.key;
  }
}

TEST(Triage, AgeSixtyIsPriorityFiftyNineIsNot) {
  Assessment a = allClear();
  a.ageYears = 59;
  EXPECT_EQ(decideTriage(a), Triage::conservative);
  a.ageYears = 60;
  EXPECT_EQ(decideTriage(a), Triage::priority);
  a.assessedFindings.olderAge = true;
  EXPECT_EQ(decideTriage(a), Triage::conservative);
  // An assessed finding never lowers the tiers above priority.
  set(a, RedFlag::fever, true);
  EXPECT_EQ(decideTriage(a), Triage::urgent);
}

TEST(Triage, MissingAgeIsIncompleteNeverConservative) {
  Assessment a = allClear();
  a.ageYears.reset();
  EXPECT_EQ(decideTriage(a), Triage::incomplete);
  set(a, RedFlag::osteoporosis, true);
  EXPECT_EQ(decideTriage(a), Triage::priority);
}

TEST(Triage, UnansweredIsNeverNo) {
  for (const RedFlagInfo& info : kRedFlags) {
    Assessment a = allClear();
    set(a, info.flag, std::nullopt);
    EXPECT_NE(decideTriage(a), Triage::conservative) << info.key;
    EXPECT_NE(decideTriage(a), Triage::reassess) << info.key;
  }
}

TEST(Triage, UnansweredKeysNameFlagsThenAge) {
  Assessment a = allClear();
  a.ageYears.reset();
  set(a, RedFlag::nightPain, std::nullopt);
  set(a, RedFlag::saddleAnesthesia, std::nullopt);
  const std::vector<std::string_view> keys = unansweredKeys(a);
  ASSERT_EQ(keys.size(), 3u);
  EXPECT_EQ(keys[0], "saddleAnesthesia");
  EXPECT_EQ(keys[1], "nightPain");
  EXPECT_EQ(keys[2], "ageYears");
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

TEST(Reassessment, CountsDownFromSixWeeksInWholeWeeks) {
  Assessment a = allClear();
  a.conservativeCareWeeks = 2.5;
  EXPECT_EQ(reassessInWeeks(a), 4);  // 3.5 rounded up
  a.conservativeCareWeeks = 5.99;
  EXPECT_EQ(reassessInWeeks(a), 1);  // never "in 0.01 weeks"
  a.conservativeCareWeeks = 0;
  EXPECT_EQ(reassessInWeeks(a), 6);
  a.improving = true;
  a.symptomWeeks = 10;
  a.conservativeCareWeeks = 9;  // past the mark and improving: one more period
  EXPECT_EQ(reassessInWeeks(a), 6);
}

TEST(Reassessment, WithinTwoWeeksForSeverePainSedatingMedicinesOrLongStandingSciatica) {
  Assessment a = allClear();
  a.painScore = 7;
  EXPECT_EQ(reassessInWeeks(a), 2);
  a.painScore = 6;
  a.muscleSpasm = true;  // the muscle-relaxant line
  EXPECT_EQ(reassessInWeeks(a), 2);
  a.muscleSpasm = false;
  a.symptomWeeks = 13;
  EXPECT_EQ(reassessInWeeks(a), 2);
  a.symptomWeeks = 12;
  EXPECT_EQ(reassessInWeeks(a), 6);
  a.conservativeCareWeeks = 5.5;
  a.painScore = 9;
  EXPECT_EQ(reassessInWeeks(a), 1);  // the sooner of the two
}

TEST(Conditions, LongStandingStartsAbove12Weeks) {
  Assessment a = allClear();
  a.symptomWeeks = 12;
  EXPECT_FALSE(conditionHolds("longStanding", a));
  EXPECT_TRUE(conditionHolds("upTo12Weeks", a));
  a.symptomWeeks = 12.5;
  EXPECT_TRUE(conditionHolds("longStanding", a));
  EXPECT_TRUE(conditionHolds("over12Weeks", a));
  // Improving past 12 weeks carries on: not long-standing, but past the first weeks' advice.
  a.improving = true;
  a.conservativeCareWeeks = 2;
  EXPECT_FALSE(conditionHolds("longStanding", a));
  EXPECT_TRUE(conditionHolds("over12Weeks", a));
}

// The CT or X-ray note is for the plan where fracture is the leading question.
TEST(Conditions, FractureLeadsOnlyWithoutACancerOrInfectionFlag) {
  Assessment a = allClear();
  a.ageYears = 70;
  EXPECT_FALSE(conditionHolds("fractureLeading", a));  // older age alone
  set(a, RedFlag::significantTrauma, true);
  EXPECT_TRUE(conditionHolds("fractureLeading", a));
  set(a, RedFlag::cancerHistory, true);
  EXPECT_FALSE(conditionHolds("fractureLeading", a));
  set(a, RedFlag::cancerHistory, false);
  set(a, RedFlag::fever, true);
  EXPECT_FALSE(conditionHolds("fractureLeading", a));
}

TEST(Conditions, NsaidRiskIsHigherFrom65OrWithLongTermSteroids) {
  Assessment a = allClear();
  a.ageYears = 64;
  EXPECT_FALSE(conditionHolds("nsaidHigherRisk", a));
  a.ageYears = 65;
  EXPECT_TRUE(conditionHolds("nsaidHigherRisk", a));
  a.ageYears = 40;
  set(a, RedFlag::prolongedCorticosteroids, true);
  EXPECT_TRUE(conditionHolds("nsaidHigherRisk", a));
}

TEST(Conditions, InjectionCriteriaNotMetSayWhy) {
  Assessment a = allClear();
  a.procedureCandidate = true;
  a.symptomWeeks = 13;
  EXPECT_EQ(injectionCriteriaNotMet(a), (std::vector<std::string_view>{"herniationUnknown", "over12Weeks"}));
  a.herniation = Herniation{false, HerniationLevel::L3L4};
  a.symptomWeeks = 8;
  EXPECT_EQ(injectionCriteriaNotMet(a), (std::vector<std::string_view>{"notContained", "levelNotBelowL3"}));
  a.herniation = Herniation{true, HerniationLevel::L5S1};
  EXPECT_TRUE(injectionCriteriaNotMet(a).empty());
  EXPECT_TRUE(conditionHolds("injectionCriteriaMet", a));
}

// Each reason the pathway can give is one of kInjectionReasons, the list the content words.
TEST(Conditions, InjectionReasonsAreTheListTheContentWords) {
  const std::vector<std::string_view> listed(kInjectionReasons.begin(), kInjectionReasons.end());
  Assessment a = allClear();
  a.procedureCandidate = true;
  std::set<std::string_view> given;
  for (double weeks : {8.0, 13.0})
    for (const std::optional<Herniation>& herniation : std::vector<std::optional<Herniation>>{
             std::nullopt, Herniation{false, HerniationLevel::L3L4}, Herniation{true, HerniationLevel::L5S1}}) {
      a.symptomWeeks = weeks;
      a.herniation = herniation;
      for (std::string_view reason : injectionCriteriaNotMet(a)) {
        EXPECT_NE(std::find(listed.begin(), listed.end(), reason), listed.end()) << reason;
        given.insert(reason);
      }
    }
  EXPECT_EQ(given.size(), kInjectionReasons.size());
}

TEST(WhatCanNewlyAppear, HistoryIsNotASymptom) {
  for (RedFlag flag : {RedFlag::cancerHistory, RedFlag::immunocompromised, RedFlag::intravenousDrugUse,
                       RedFlag::osteoporosis, RedFlag::prolongedCorticosteroids})
    EXPECT_FALSE(canNewlyAppear(flag)) << infoOf(flag).key;
  for (RedFlag flag : {RedFlag::saddleAnesthesia, RedFlag::fever, RedFlag::nightPain, RedFlag::significantTrauma})
    EXPECT_TRUE(canNewlyAppear(flag)) << infoOf(flag).key;
}

}  // namespace
}  // namespace radiculo
