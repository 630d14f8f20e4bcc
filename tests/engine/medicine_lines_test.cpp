// The medicine lines of a plan of simple care, swept over every answer they depend on, at and
// either side of each edge: the age (18, 64, 65, 92), the pain score (0, 1, 6, 7, 10), muscle
// spasm, the weeks of symptoms (0, 12, 12.5) and long-term steroids. Every case keeps the safety promises (plan_invariants.h: no
// relaxant offered at 65 or over, the older-adult cautions, the sedation caution with every
// opioid, no NSAID at pain 0), through the decision and through the JSON in both languages and
// wordings; and the medicine lines say what each person must hear first.
#include <gtest/gtest.h>

#include <iostream>
#include <string>
#include <vector>

#include "assessment.h"
#include "assessment_parser.h"
#include "content.h"
#include "engine.h"
#include "pathway.h"
#include "plan_invariants.h"

namespace radiculo {
namespace {

using nlohmann::json;

struct MedicineCase {
  int age;
  int pain;
  bool spasm;
  double weeks;
  bool steroids;
};

json assessmentJson(const MedicineCase& c, const char* language, const char* audience) {
  json a;
  a["language"] = language;
  a["audience"] = audience;
  a["ageYears"] = c.age;
  a["painScore"] = c.pain;
  a["muscleSpasm"] = c.spasm;
  a["symptomWeeks"] = c.weeks;
  json flags = json::object();
  for (const RedFlagInfo& info : kRedFlags) flags[info.key] = false;
  flags["prolongedCorticosteroids"] = c.steroids;
  a["redFlags"] = flags;
  // A clinician has assessed what would otherwise make this a priority plan: the conservative
  // plan and its medicine lines are what is swept.
  json assessed = json::array();
  if (c.steroids) assessed.push_back("prolongedCorticosteroids");
  if (c.age >= kOlderAge) assessed.push_back("olderAge");
  if (!assessed.empty()) a["assessedFindings"] = assessed;
  return a;
}

std::vector<MedicineCase> sweep() {
  std::vector<MedicineCase> cases;
  for (int age : {18, 64, 65, 92})
    for (int pain : {0, 1, 6, 7, 10})
      for (bool spasm : {false, true})
        for (double weeks : {0.0, 12.0, 12.5})
          for (bool steroids : {false, true}) cases.push_back({age, pain, spasm, weeks, steroids});
  return cases;
}

bool hasLine(const json& plan, const std::string& id) {
  for (const json& line : plan.at("recommendations"))
    if (line.at("id") == id) return true;
  return false;
}

TEST(MedicineLines, EveryAgePainSpasmAndDurationKeepsThePromises) {
  std::size_t checked = 0;
  for (const MedicineCase& c : sweep())
    for (const char* language : {"en", "es"})
      for (const char* audience : kAudienceIds) {
        // Marking a finding as assessed is a clinician's act (refused in a patient's plan): where
        // the plan needs one (long-term steroids, 60 or over), only the clinician's plan is swept.
        if (std::string_view(audience) == "patient" && (c.steroids || c.age >= kOlderAge)) continue;
        const std::string input = assessmentJson(c, language, audience).dump();
        const json plan = json::parse(evaluateJson(input));
        ASSERT_TRUE(plan.at("ok").get<bool>()) << input;
        ASSERT_EQ(plan.at("triage"), "conservative") << input;
        const ParseResult parsed = parseAssessment(input, content().languageCodes());
        ASSERT_TRUE(parsed.assessment.has_value()) << input;
        const std::vector<std::string> broken = test::planViolations(*parsed.assessment, plan);
        EXPECT_TRUE(broken.empty()) << input << ": " << broken.front();
        ++checked;
      }
  std::cout << "[ medicines ] " << checked << " plans of simple care checked" << std::endl;
}

// What the lines say, not only which: the examples, pregnancy, breastfeeding, driving and the
// gabapentinoids (English and Spanish, both wordings).
TEST(MedicineLines, SayWhatAPrescriberAndAPatientMustHearFirst) {
  const MedicineCase severe{40, 8, true, 3, false};
  struct Said {
    const char* id;
    const char* language;
    const char* audience;
    std::vector<std::string> words;
  };
  const std::vector<Said> expected = {
      {"nsaid-first-line", "en", "clinician", {"ibuprofen", "naproxen", "pregnancy", "breastfeeding", "20 weeks"}},
      {"nsaid-first-line", "en", "patient", {"ibuprofen", "naproxen", "pregnant", "breastfeeding", "never from 20 weeks"}},
      {"nsaid-first-line", "es", "patient", {"ibuprofeno", "naproxeno", "embarazada", "dando el pecho", "20 semanas"}},
      {"opioid-short-term-severe-pain", "en", "clinician", {"codeine", "breastfeeding", "driving"}},
      {"opioid-short-term-severe-pain", "en", "patient", {"codeine", "pregnant", "breastfeeding", "drive"}},
      {"opioid-short-term-severe-pain", "es", "patient", {"codeína", "embarazada", "dando el pecho", "conduzca"}},
      {"muscle-relaxant-for-spasm", "en", "clinician", {"pregnancy", "breastfeeding", "driving"}},
      {"muscle-relaxant-for-spasm", "en", "patient", {"pregnant", "breastfeeding", "drive"}},
      {"muscle-relaxant-for-spasm", "es", "clinician", {"embarazo", "lactancia", "conducción"}},
      {"sedation-combination-caution", "en", "clinician", {"gabapentinoid", "pregabalin"}},
      {"sedation-combination-caution", "en", "patient", {"gabapentin", "pregabalin"}},
      {"sedation-combination-caution", "es", "patient", {"gabapentina", "pregabalina"}},
      {"no-oral-corticosteroids", "en", "clinician", {"Do not offer oral corticosteroids"}},
      {"risk-stratification", "en", "clinician", {"STarT Back"}},
  };
  for (const Said& said : expected) {
    const json plan = json::parse(evaluateJson(assessmentJson(severe, said.language, said.audience).dump()));
    bool found = false;
    for (const json& line : plan.at("recommendations")) {
      if (line.at("id") != said.id) continue;
      found = true;
      for (const std::string& word : said.words)
        EXPECT_NE(line.at("text").get<std::string>().find(word), std::string::npos)
            << said.id << " (" << said.language << ", " << said.audience << ") lacks \"" << word << "\"";
    }
    EXPECT_TRUE(found) << said.id << " not in the plan";
  }
}

// The priority assessment asks for bloods, with NICE NG12's myeloma tests at 60 or over; the
// patient is told to mention their age in plain words ("tell them about: your age (60 or over)").
TEST(MedicineLines, PriorityAssessmentAsksForBloods) {
  const auto line = [](const char* language, const char* audience) {
    json input = assessmentJson({66, 6, false, 2, false}, language, audience);
    input.erase("assessedFindings");  // older age not yet assessed: a priority plan
    const json plan = json::parse(evaluateJson(input.dump()));
    for (const json& entry : plan.at("recommendations"))
      if (entry.at("id") == "priority-assessment") return entry.at("text").get<std::string>();
    return std::string();
  };
  for (const char* words : {"full blood count", "ESR or CRP", "calcium", "NICE NG12", "myeloma"})
    EXPECT_NE(line("en", "clinician").find(words), std::string::npos) << words;
  for (const char* words : {"hemograma", "VSG o PCR", "calcio", "mieloma"}) EXPECT_NE(line("es", "clinician").find(words), std::string::npos) << words;
  EXPECT_NE(line("en", "patient").find("tell them about: your age (60 or over)"), std::string::npos) << line("en", "patient");
  EXPECT_NE(line("es", "patient").find("su edad (60 años o más)"), std::string::npos) << line("es", "patient");
}

// The three ways the lines change with the person, at their edges.
TEST(MedicineLines, ChangeAtSixtyFiveAtPainZeroAndWithEveryOpioid) {
  const auto plan = [](const MedicineCase& c) {
    return json::parse(evaluateJson(assessmentJson(c, "en", "clinician").dump()));
  };
  // 64: the relaxant is offered; 65: a caution instead, and the opioid's older-adult caution.
  EXPECT_TRUE(hasLine(plan({64, 8, true, 3, false}), "muscle-relaxant-for-spasm"));
  EXPECT_FALSE(hasLine(plan({64, 8, true, 3, false}), "opioid-older-adult"));
  EXPECT_FALSE(hasLine(plan({65, 8, true, 3, false}), "muscle-relaxant-for-spasm"));
  EXPECT_TRUE(hasLine(plan({65, 8, true, 3, false}), "muscle-relaxant-older-adult"));
  EXPECT_TRUE(hasLine(plan({65, 8, true, 3, false}), "opioid-older-adult"));
  // Pain 0: no NSAID line, nor its higher-risk caution; pain 1: both where they apply.
  EXPECT_FALSE(hasLine(plan({70, 0, false, 3, false}), "nsaid-first-line"));
  EXPECT_FALSE(hasLine(plan({70, 0, false, 3, false}), "nsaid-higher-risk"));
  EXPECT_TRUE(hasLine(plan({70, 1, false, 3, false}), "nsaid-first-line"));
  EXPECT_TRUE(hasLine(plan({70, 1, false, 3, false}), "nsaid-higher-risk"));
  // The sedation caution with every opioid line, spasm or not.
  EXPECT_TRUE(hasLine(plan({40, 7, false, 3, false}), "sedation-combination-caution"));
  EXPECT_FALSE(hasLine(plan({40, 6, false, 3, false}), "sedation-combination-caution"));
}

}  // namespace
}  // namespace radiculo
