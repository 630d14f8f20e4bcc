// The 61 cases of the round-2 clinical review (tests/cases/round-2-clinical-cases.json), migrated
// to the current contract as the round-3 review re-ran them, each with the triage that is
// clinically right today. Every plan also keeps the safety invariants (plan_invariants.h).
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <fstream>
#include <sstream>
#include <string>

#include "assessment_parser.h"
#include "content.h"
#include "engine.h"
#include "pathway.h"
#include "plan_invariants.h"

namespace radiculo {
namespace {

using nlohmann::json;

// The red flags of the round-2 contract: a case that answered every one of them had answered all
// the questions of its day.
constexpr std::array<const char*, 12> kRoundTwoFlags{
    "saddleAnesthesia", "bladderBowelDysfunction", "bilateralLegWeakness", "cancerHistory",
    "unexplainedWeightLoss", "fever", "immunocompromised", "intravenousDrugUse",
    "significantTrauma", "osteoporosis", "prolongedCorticosteroids", "progressiveNeuroDeficit"};

const json& table() {
  static const json cases = [] {
    std::ifstream in(RADICULO_CASES_DIR "/round-2-clinical-cases.json");
    std::stringstream text;
    text << in.rdbuf();
    return json::parse(text.str());
  }();
  return cases;
}

// A case's input in today's contract: every red flag added since is "no" where the case answered
// all of its day's flags (and those the case lists under alsoNo); age 40 where it gave none.
json migrated(const json& row) {
  json input = row.at("input");
  const bool answeredAll = input.contains("redFlags") && std::all_of(kRoundTwoFlags.begin(), kRoundTwoFlags.end(), [&](const char* flag) {
                             return input.at("redFlags").contains(flag);
                           });
  if (answeredAll)
    for (const RedFlagInfo& info : kRedFlags)
      if (!input.at("redFlags").contains(info.key)) input["redFlags"][info.key] = false;
  for (const json& flag : row.value("alsoNo", json::array())) input["redFlags"][flag.get<std::string>()] = false;
  if (!input.contains("ageYears")) input["ageYears"] = 40;
  return input;
}

TEST(RoundTwoCases, AllSixtyOneGiveTheClinicallyRightTriage) {
  const json& cases = table().at("cases");
  ASSERT_EQ(cases.size(), 61u) << "the round-2 review's 61 cases";
  for (const json& row : cases) {
    const std::string label = row.at("case").get<std::string>() + " " + row.at("name").get<std::string>();
    const std::string input = migrated(row).dump();
    const json plan = json::parse(evaluateJson(input));
    ASSERT_TRUE(plan.at("ok").get<bool>()) << label << ": " << plan.dump();
    EXPECT_EQ(plan.at("triage"), row.at("triage")) << label << " (" << row.at("why").get<std::string>() << ")";
    const ParseResult parsed = parseAssessment(input, content().languageCodes());
    ASSERT_TRUE(parsed.assessment.has_value()) << label;
    for (const std::string& broken : test::planViolations(*parsed.assessment, plan)) ADD_FAILURE() << label << ": " << broken;
  }
}

// The migration itself: a case that answered every flag of its day gets today's added flags as
// "no"; one that left some open keeps them open (they stay unanswered, never read as "no").
TEST(RoundTwoCases, MigrationAnswersOnlyWhatTheCaseHadAnswered) {
  for (const json& row : table().at("cases")) {
    const json input = migrated(row);
    const std::string number = row.at("case").get<std::string>();
    if (number == "19") {
      EXPECT_FALSE(input.contains("redFlags")) << "case 19 gave no red-flag answers";
    }
    if (number == "54") {
      EXPECT_FALSE(input.at("redFlags").contains("saddleAnesthesia")) << "case 54 left the rest open";
    }
    if (number == "01") {
      for (const RedFlagInfo& info : kRedFlags) EXPECT_TRUE(input.at("redFlags").contains(info.key)) << info.key;
    }
  }
}

}  // namespace
}  // namespace radiculo
