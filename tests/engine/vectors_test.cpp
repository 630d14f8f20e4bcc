// Every case in tests/vectors/ through the JSON entry point, checked against its `expect`, plus
// the properties every plan must have. A meta-test makes sure the cases cover every cell of the
// content's triage x recommendation table, both when the line appears and when it does not.
#include <algorithm>
#include <set>

#include <gtest/gtest.h>

#include "assessment_parser.h"
#include "content.h"
#include "engine.h"
#include "plan_invariants.h"
#include "vector_cases.h"

namespace radiculo {
namespace {

using nlohmann::json;
using test::VectorCase;
using test::vectorCases;

std::vector<std::string> idsOf(const json& plan) {
  std::vector<std::string> ids;
  for (const json& line : plan.at("recommendations")) ids.push_back(line.at("id").get<std::string>());
  return ids;
}

class Vector : public ::testing::TestWithParam<VectorCase> {};

TEST_P(Vector, GivesTheExpectedResult) {
  const VectorCase& vector = GetParam();
  const json& expect = vector.file.at("expect");
  const std::string output = evaluateJson(vector.inputText());
  const json result = json::parse(output);
  ASSERT_EQ(result.at("ok"), expect.at("ok")) << output;

  if (!expect.at("ok").get<bool>()) {
    EXPECT_EQ(result.size(), 4u) << "an invalid input gives only ok, errors, language and audience, never a partial plan";
    std::vector<std::string> fields;
    for (const json& error : result.at("errors")) {
      fields.push_back(error.at("field").get<std::string>());
      EXPECT_FALSE(error.at("message").get<std::string>().empty());
    }
    std::sort(fields.begin(), fields.end());
    EXPECT_EQ(json(fields), expect.at("errorFields")) << output;
    return;
  }

  EXPECT_EQ(result.at("triage"), expect.at("triage"));
  EXPECT_EQ(json(idsOf(result)), expect.at("ids"));
  for (const char* key : {"unanswered", "redFlagsPresent"})
    if (expect.contains(key)) {
      EXPECT_EQ(result.at(key), expect.at(key)) << key;
    }
  if (expect.contains("reassessInWeeks")) {
    EXPECT_EQ(result.at("reassessInWeeks"), expect.at("reassessInWeeks"));
  }
  const std::string triage = result.at("triage").get<std::string>();
  if (triage != "conservative" && triage != "priority" && triage != "reassess") {
    EXPECT_FALSE(result.contains("reassessInWeeks"));
  }
  // The words a case is about: in the headline, in a line's text, the plan's label, the safety
  // net's tiers (each with the flags under it), and the parts of "what would change" it must not show.
  for (const json& words : expect.value("headlineIncludes", json::array()))
    EXPECT_NE(result.at("headline").get<std::string>().find(words.get<std::string>()), std::string::npos)
        << "headline: " << result.at("headline") << " lacks " << words;
  if (expect.contains("triageLabel")) {
    EXPECT_EQ(result.at("triageLabel"), expect.at("triageLabel"));
  }
  const json textIncludes = expect.value("textIncludes", json::object());
  for (const auto& entry : textIncludes.items()) {
    // (A structured binding cannot be captured by a lambda before C++20.)
    const std::string id = entry.key();
    const json& phrases = entry.value();
    const auto line = std::find_if(result.at("recommendations").begin(), result.at("recommendations").end(),
                                   [&](const json& entry) { return entry.at("id") == id; });
    ASSERT_NE(line, result.at("recommendations").end()) << id << " is not in the plan";
    for (const json& words : phrases)
      EXPECT_NE(line->at("text").get<std::string>().find(words.get<std::string>()), std::string::npos)
          << id << ": " << line->at("text") << " lacks " << words;
  }
  if (expect.contains("safetyNet")) {
    json tiers = json::array();
    for (const json& line : result.at("recommendations"))
      if (line.contains("safetyNet"))
        for (const json& tier : line.at("safetyNet")) {
          json entry;
          entry["when"] = tier.at("when");
          entry["flags"] = tier.at("flags");
          tiers.push_back(entry);
        }
    EXPECT_EQ(tiers, expect.at("safetyNet"));
  }
  // The options comparison: whether the plan shows it, and words it must hold (any cell, the
  // not-a-choice line or a referral criterion).
  if (expect.contains("options")) {
    EXPECT_EQ(result.contains("options"), expect.at("options").get<bool>()) << "options";
  }
  if (expect.contains("optionsIncludes")) {
    ASSERT_TRUE(result.contains("options"));
    const json& options = result.at("options");
    std::string all = options.at("title").get<std::string>() + "\n" + options.at("notAChoice").at("text").get<std::string>();
    for (const json& row : options.at("rows"))
      for (const json& cell : row.at("cells")) all += "\n" + cell.at("text").get<std::string>() + " " + cell.value("certaintyLabel", "");
    if (options.contains("referralCriteria"))
      for (const json& item : options.at("referralCriteria").at("items")) all += "\n" + item.at("text").get<std::string>();
    for (const json& words : expect.at("optionsIncludes"))
      EXPECT_NE(all.find(words.get<std::string>()), std::string::npos) << "options lack " << words;
  }
  for (const json& key : expect.value("whatWouldChangeLacks", json::array()))
    EXPECT_FALSE(result.at("whatWouldChange").contains(key.get<std::string>())) << "whatWouldChange has " << key;
  for (const json& line : result.at("recommendations")) {
    const std::string id = line.at("id").get<std::string>();
    if (expect.contains("kinds") && expect.at("kinds").contains(id)) {
      EXPECT_EQ(line.at("kind"), expect.at("kinds").at(id)) << id;
    }
    if (expect.contains("notes") && expect.at("notes").contains(id)) {
      json stances = json::array();
      for (const json& note : line.at("evidenceNotes")) stances.push_back(note.at("stance"));
      EXPECT_EQ(stances, expect.at("notes").at(id)) << id;
    }
  }
}

TEST_P(Vector, EveryPlanLineIsWordedReasonedAndCited) {
  const json result = json::parse(evaluateJson(GetParam().inputText()));
  if (!result.at("ok").get<bool>()) return;
  std::set<int> listed;
  for (const json& reference : result.at("references")) listed.insert(reference.at("number").get<int>());
  EXPECT_FALSE(result.at("headline").get<std::string>().empty());
  for (const json& line : result.at("recommendations")) {
    for (const char* key : {"text", "rationale", "basis"})
      EXPECT_FALSE(line.at(key).get<std::string>().empty()) << line.at("id") << " " << key;
    ASSERT_FALSE(line.at("citations").empty()) << line.at("id");
    for (const json& number : line.at("citations")) EXPECT_EQ(listed.count(number.get<int>()), 1u) << line.at("id");
    for (const json& note : line.at("evidenceNotes"))
      for (const json& number : note.at("citations")) EXPECT_EQ(listed.count(number.get<int>()), 1u);
    EXPECT_EQ(line.at("text").get<std::string>().find('{'), std::string::npos) << "unfilled placeholder";
    EXPECT_EQ(line.at("rationale").get<std::string>().find('{'), std::string::npos) << "unfilled placeholder";
  }
  EXPECT_EQ(result.at("headline").get<std::string>().find('{'), std::string::npos) << "unfilled placeholder";
}

// The safety invariants the sweep and the fuzzer check, on every shared case too.
TEST_P(Vector, KeepsEverySafetyInvariant) {
  const std::string input = GetParam().inputText();
  const json result = json::parse(evaluateJson(input));
  if (!result.at("ok").get<bool>()) {
    for (const std::string& what : test::errorViolations(result)) ADD_FAILURE() << what;
    return;
  }
  const ParseResult parsed = parseAssessment(input, content().languageCodes());
  ASSERT_TRUE(parsed.assessment.has_value());
  for (const std::string& what : test::planViolations(*parsed.assessment, result)) ADD_FAILURE() << what;
}

TEST_P(Vector, SameInputGivesSameBytes) {
  const std::string input = GetParam().inputText();
  EXPECT_EQ(evaluateJson(input), evaluateJson(input));
}

TEST_P(Vector, BothAudiencesGiveTheSameLines) {
  if (!GetParam().file.contains("input") || !GetParam().file.at("input").is_object()) return;
  const json first = json::parse(evaluateJson(GetParam().inputText()));
  if (!first.at("ok").get<bool>()) return;
  json other = GetParam().file.at("input");
  other["audience"] = other.value("audience", "clinician") == "patient" ? "clinician" : "patient";
  const json second = json::parse(evaluateJson(other.dump()));
  // Assessed findings are a clinician's act: the same answers in a patient's words are refused.
  if (other.contains("assessedFindings") && other.at("audience") == "patient") {
    ASSERT_FALSE(second.at("ok").get<bool>());
    EXPECT_EQ(second.at("errors").at(0).at("field"), "/assessedFindings");
    return;
  }
  EXPECT_EQ(second.at("triage"), first.at("triage"));
  EXPECT_EQ(idsOf(second), idsOf(first));
  EXPECT_NE(second.at("headline"), first.at("headline")) << "the two audiences are worded differently";
}

INSTANTIATE_TEST_SUITE_P(Cases, Vector, ::testing::ValuesIn(vectorCases()),
                         [](const ::testing::TestParamInfo<VectorCase>& info) {
                           std::string name = info.param.name;
                           std::replace_if(name.begin(), name.end(), [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); }, '_');
                           return name;
                         });

// One case per cell of the triage x recommendation table: the line appears in some case of that
// triage, and (unless it always appears) is absent from another case of the same triage.
TEST(VectorCoverage, EveryTriageTableCellHasATriggerAndANonTrigger) {
  std::map<std::string, std::vector<std::vector<std::string>>> plansByTriage;
  for (const VectorCase& vector : vectorCases()) {
    const json result = json::parse(evaluateJson(vector.inputText()));
    if (result.at("ok").get<bool>()) plansByTriage[result.at("triage").get<std::string>()].push_back(idsOf(result));
  }
  for (const auto& [triage, rows] : content().rules.at("triageTable").items()) {
    const auto& plans = plansByTriage[triage];
    EXPECT_FALSE(plans.empty()) << "no case reaches " << triage;
    for (const json& row : rows) {
      const std::string id = row.at("id").get<std::string>();
      const auto has = [&](const std::vector<std::string>& ids) { return std::count(ids.begin(), ids.end(), id) > 0; };
      EXPECT_TRUE(std::any_of(plans.begin(), plans.end(), has)) << triage << "/" << id << ": no case triggers it";
      if (row.at("when") != "always") {
        EXPECT_TRUE(std::any_of(plans.begin(), plans.end(), [&](const auto& ids) { return !has(ids); }))
            << triage << "/" << id << ": no case of this triage leaves it out";
      }
    }
  }
}

TEST(VectorCoverage, EveryRecommendationIdAppearsInSomeCase) {
  std::set<std::string> seen;
  for (const VectorCase& vector : vectorCases()) {
    const json result = json::parse(evaluateJson(vector.inputText()));
    if (result.at("ok").get<bool>())
      for (const std::string& id : idsOf(result)) seen.insert(id);
  }
  for (const auto& [id, recommendation] : content().rules.at("recommendations").items())
    EXPECT_EQ(seen.count(id), 1u) << id;
}

}  // namespace
}  // namespace radiculo
