// "What would change this plan", on the shared cases of tests/vectors/.
#include <gtest/gtest.h>

#include "engine.h"
#include "vector_cases.h"

namespace radiculo {
namespace {

using nlohmann::json;

json planOf(const std::string& name) {
  for (const test::VectorCase& vector : test::vectorCases())
    if (vector.name == name) return json::parse(evaluateJson(vector.inputText()));
  ADD_FAILURE() << "no vector " << name;
  return json::object();
}

json flagsOf(const json& askNext) {
  json flags = json::array();
  for (const json& entry : askNext) flags.push_back(entry.at("flag"));
  return flags;
}

TEST(WhatWouldChange, CheckNowAsksTheEmergencyQuestionsFirst) {
  const json change = planOf("check-now-no-red-flag-object").at("whatWouldChange");
  // Only the cauda equina and cord questions change the plan now: a yes to any other still
  // leaves a cauda equina sign to rule out within hours.
  EXPECT_EQ(flagsOf(change.at("askNext")),
            json::parse(R"(["saddleAnesthesia", "bladderBowelDysfunction", "bilateralLegWeakness",
                            "bilateralSciatica", "sexualDysfunction", "gaitDisturbance"])"));
  for (const json& entry : change.at("askNext")) EXPECT_EQ(entry.at("triageIfYes"), "emergency");
  EXPECT_EQ(change.at("bestTriage"), "conservative");
  EXPECT_EQ(change.at("worstTriage"), "emergency");
}

TEST(WhatWouldChange, NotSureAboutASameDayFlagRangesFromSimpleCareToToday) {
  const json change = planOf("urgent-fever-not-sure").at("whatWouldChange");
  EXPECT_TRUE(change.at("askNext").empty()) << "a yes would not change the plan: it is already today";
  EXPECT_EQ(change.at("bestTriage"), "conservative");
  EXPECT_EQ(change.at("worstTriage"), "urgent");
}

TEST(WhatWouldChange, IncompleteWithAPriorityQuestionOpen) {
  const json change = planOf("incomplete-night-pain-not-sure-es-patient").at("whatWouldChange");
  // Keyed for integrators, and worded for the person (here in Spanish, for a patient).
  EXPECT_EQ(change.at("askNext"), json::parse(R"([{"flag": "nightPain", "triageIfYes": "priority",
    "label": "dolor constante o nocturno, o dolor alrededor de la parte alta de la espalda",
    "triageIfYesLabel": "Vea a un médico antes de 2 semanas"}])"));
  EXPECT_EQ(change.at("range"), R"(Según esas respuestas, su plan podría ir de «Primero, cuidados sencillos» a «Vea a un médico antes de 2 semanas».)");
  EXPECT_EQ(change.at("bestTriage"), "conservative");
  EXPECT_EQ(change.at("worstTriage"), "priority");
}

TEST(WhatWouldChange, IncompleteWithTheAgeMissing) {
  const json change = planOf("incomplete-age-missing").at("whatWouldChange");
  EXPECT_TRUE(change.at("askNext").empty());
  EXPECT_EQ(change.at("bestTriage"), "conservative");
  EXPECT_EQ(change.at("worstTriage"), "priority");
}

TEST(WhatWouldChange, IncompleteAfterFailedCareWouldBeReassessment) {
  const json change = planOf("incomplete-even-after-failed-care").at("whatWouldChange");
  EXPECT_EQ(change.at("bestTriage"), "reassess");
}

TEST(WhatWouldChange, UrgentAsksOnlyTheQuestionsThatMakeItFaster) {
  // Past cancer, the rest open: constant or night pain, or a worsening deficit, would make it an
  // emergency; fever or one of its partners would be one side of a pair whose other side is still
  // open (examined within hours); weight loss, trauma and osteoporosis change nothing.
  const json change = planOf("urgent-cancer-history-others-unanswered").at("whatWouldChange");
  json flags = json::array(), triages = json::array();
  for (const json& entry : change.at("askNext")) {
    flags.push_back(entry.at("flag"));
    triages.push_back(entry.at("triageIfYes"));
  }
  EXPECT_EQ(flags, json::parse(R"(["nightPain", "progressiveNeuroDeficit", "fever", "immunocompromised",
    "intravenousDrugUse", "recentInfectionOrProcedure", "prolongedCorticosteroids"])"));
  EXPECT_EQ(triages, json::parse(R"(["emergency", "emergency", "check-now", "check-now", "check-now", "check-now", "check-now"])"));
  EXPECT_EQ(change.at("bestTriage"), "urgent");
  EXPECT_EQ(change.at("worstTriage"), "emergency");
}

TEST(WhatWouldChange, FullyAnsweredUrgentHasNothingToAsk) {
  const json change = planOf("urgent-infection-fever").at("whatWouldChange");
  EXPECT_TRUE(change.at("askNext").empty());
  EXPECT_EQ(change.at("bestTriage"), "urgent");
  EXPECT_EQ(change.at("worstTriage"), "urgent");
}

TEST(WhatWouldChange, ConservativeSaysWhenToReassessAndWhatBringsThePersonBackEarly) {
  const json plan = planOf("conservative-prior-mri-fractional-weeks");
  const json& change = plan.at("whatWouldChange");
  // When: the plan's own reassessInWeeks, said once, worded among what would change.
  EXPECT_EQ(plan.at("reassessInWeeks"), 4);
  EXPECT_FALSE(change.contains("reassessInWeeks"));
  EXPECT_NE(change.at("reassessIn").get<std::string>().find("4 weeks"), std::string::npos) << change.at("reassessIn");
  EXPECT_EQ(change.at("ifNotImprovingAt6Weeks"), "reassess");
  // Only what can newly appear: not past cancer, a weak immune system, injecting drugs,
  // osteoporosis or long-term steroids.
  ASSERT_EQ(change.at("returnEarlyIf").size(), 11u);
  EXPECT_EQ(change.at("returnEarlyIf").at(0).at("triageIfYes"), "emergency");
  EXPECT_EQ(change.at("returnEarlyIf").at(10).at("triageIfYes"), "priority");
  for (const json& entry : change.at("returnEarlyIf"))
    for (const char* history : {"cancerHistory", "immunocompromised", "intravenousDrugUse", "osteoporosis", "prolongedCorticosteroids"})
      EXPECT_NE(entry.at("flag"), history);
  EXPECT_FALSE(change.contains("whatIf"));
}

TEST(WhatWouldChange, ReassessShowsWhatACandidateWouldGet) {
  const json change = planOf("reassess-not-candidate-prior-mri").at("whatWouldChange");
  ASSERT_FALSE(change.at("whatIf").empty());
  const json& first = change.at("whatIf").at(0);
  EXPECT_EQ(first.at("change"), json::parse(R"({"procedureCandidate": true})"));
  EXPECT_EQ(first.at("adds"), json::parse(R"(["specialist-referral", "mri-after-failed-conservative"])"));
  EXPECT_EQ(first.at("removes"), json::parse(R"(["no-routine-imaging", "no-repeat-mri"])"));
  // With a contained herniation below L3 at 9 weeks, the injection line would also appear.
  const json& imaged = change.at("whatIf").at(1);
  EXPECT_NE(std::find(imaged.at("adds").begin(), imaged.at("adds").end(), "transforaminal-steroid-consider"),
            imaged.at("adds").end());
  EXPECT_FALSE(change.contains("returnEarlyIf"));
}

TEST(WhatWouldChange, ReassessBeyondSubacuteOffersNoInjectionAndSaysWhy) {
  const json change = planOf("reassess-candidate-13-weeks-no-injection").at("whatWouldChange");
  EXPECT_TRUE(change.at("whatIf").empty());
  EXPECT_EQ(change.at("injectionNotOffered"), json::parse(R"(["over12Weeks"])"));
  EXPECT_EQ(planOf("reassess-candidate-l3-l4-no-injection").at("whatWouldChange").at("injectionNotOffered"),
            json::parse(R"(["levelNotBelowL3"])"));
  EXPECT_FALSE(planOf("reassess-candidate-contained-l5-s1").at("whatWouldChange").contains("injectionNotOffered"));
}

TEST(WhatWouldChange, EmergencyHasNothingWorse) {
  const json change = planOf("emergency-saddle-anesthesia-only-answer").at("whatWouldChange");
  EXPECT_TRUE(change.at("askNext").empty());
  EXPECT_EQ(change.at("worstTriage"), "emergency");
  EXPECT_EQ(change.at("bestTriage"), "emergency");
}

TEST(WhatWouldChange, AChildWithSignsUnansweredIsCheckedFirstThenOutOfScope) {
  const json change = planOf("check-now-age-17-flags-unanswered").at("whatWouldChange");
  EXPECT_EQ(flagsOf(change.at("askNext")),
            json::parse(R"(["saddleAnesthesia", "bladderBowelDysfunction", "bilateralLegWeakness",
                            "bilateralSciatica", "sexualDysfunction", "gaitDisturbance"])"));
  EXPECT_EQ(change.at("bestTriage"), "out-of-scope");
}

}  // namespace
}  // namespace radiculo
