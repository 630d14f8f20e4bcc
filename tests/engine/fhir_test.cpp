// FHIR R4, at the engine: the QuestionnaireResponse cases of tests/vectors/fhir (nested answers,
// statuses, versions, units, codes, findings), every input field asked by an item, every plan case
// through a response and back to the same plan, and what the writers put in the resources.
// (tests/wasm/fhir*.test.mjs validate every resource against HL7's R4 JSON Schema and invariants.)
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <gtest/gtest.h>

#include "content.h"
#include "engine.h"
#include "fhir.h"
#include "fhir_items.h"
#include "fhir_terms.h"
#include "input_fields.h"
#include "input_limits.h"
#include "pathway.h"
#include "vector_cases.h"

namespace radiculo {
namespace {

using nlohmann::json;

struct FhirCase {
  std::string name;
  json file;
};

std::vector<FhirCase> fhirCases() {
  std::vector<FhirCase> cases;
  for (const auto& entry : std::filesystem::directory_iterator(std::string(RADICULO_VECTOR_DIR) + "/fhir")) {
    if (entry.path().extension() != ".json") continue;
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    const json file = json::parse(text.str());
    cases.push_back({file.at("name").get<std::string>(), file});
  }
  std::sort(cases.begin(), cases.end(), [](const FhirCase& a, const FhirCase& b) { return a.name < b.name; });
  return cases;
}

std::vector<std::string> idsOf(const json& plan) {
  std::vector<std::string> ids;
  for (const json& line : plan.at("recommendations")) ids.push_back(line.at("id").get<std::string>());
  return ids;
}

class FhirVector : public ::testing::TestWithParam<FhirCase> {};

TEST_P(FhirVector, GivesTheExpectedResult) {
  const json& expect = GetParam().file.at("expect");
  const std::string input = GetParam().file.at("input").dump();
  const json plan = json::parse(evaluateJson(input));
  const json read = json::parse(assessmentFromResponseJson(input));
  ASSERT_EQ(plan.at("ok"), expect.at("ok")) << plan.dump();
  EXPECT_EQ(read.at("ok"), expect.at("ok")) << "the reader and evaluate agree";
  if (!expect.at("ok").get<bool>()) {
    std::vector<std::string> fields, codes;
    for (const json& error : plan.at("errors")) {
      fields.push_back(error.at("field").get<std::string>());
      codes.push_back(error.at("code").get<std::string>());
    }
    EXPECT_EQ(json(fields), expect.at("errorFields")) << plan.dump();
    if (expect.contains("errorCodes")) {
      EXPECT_EQ(json(codes), expect.at("errorCodes"));
    }
    EXPECT_EQ(plan.size(), 4u) << "never a partial plan";
    return;
  }
  EXPECT_EQ(plan.at("triage"), expect.at("triage"));
  const std::vector<std::string> ids = idsOf(plan);
  for (const json& id : expect.value("idsInclude", json::array()))
    EXPECT_NE(std::find(ids.begin(), ids.end(), id.get<std::string>()), ids.end()) << id;
  for (const json& id : expect.value("idsExclude", json::array()))
    EXPECT_EQ(std::find(ids.begin(), ids.end(), id.get<std::string>()), ids.end()) << id;
  for (const char* key : {"language", "audience", "unanswered"})
    if (expect.contains(key)) {
      EXPECT_EQ(plan.at(key), expect.at(key)) << key;
    }
  json notices = json::array();
  for (const json& notice : plan.value("notices", json::array())) notices.push_back(notice.at("code"));
  EXPECT_EQ(notices, expect.value("notices", json::array()));
  EXPECT_EQ(read.value("notices", json::array()), plan.value("notices", json::array()));
}

INSTANTIATE_TEST_SUITE_P(Cases, FhirVector, ::testing::ValuesIn(fhirCases()),
                         [](const auto& info) {
                           std::string name = info.param.name;
                           std::replace_if(name.begin(), name.end(), [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); }, '_');
                           return name;
                         });

// Every item of a Questionnaire (any depth), by linkId.
void collect(const json& items, std::map<std::string, json>& out) {
  for (const json& item : items) {
    out[item.at("linkId").get<std::string>()] = item;
    if (item.contains("item")) collect(item.at("item"), out);
  }
}
std::map<std::string, json> itemsOf(const json& questionnaire) {
  std::map<std::string, json> out;
  collect(questionnaire.at("item"), out);
  return out;
}

// A field added to the contract (a red flag, a number) is asked with no FHIR edit: the items are
// made from the field table, and this lists what the table asks for.
TEST(FhirQuestionnaire, EveryInputFieldHasAnItem) {
  const std::vector<fhir::Item> tree = fhir::itemTree(fhir::ItemSet::current, Audience::clinician);
  std::set<std::string> targets;
  for (const auto& [linkId, item] : fhir::itemsByLinkId(tree))
    if (!item->target().empty()) targets.insert(item->target());
  std::set<std::string> expected;
  for (const InputField& field : kInputFields) {
    switch (field.type) {
      case FieldType::audience:
      case FieldType::language: break;  // on the resource: language, the audience extension
      case FieldType::redFlags:
        for (const RedFlagInfo& flag : kRedFlags) expected.insert("/redFlags/" + std::string(flag.key));
        break;
      case FieldType::herniation:
        for (const HerniationPart& part : kHerniationParts) expected.insert("/herniation/" + std::string(part.name));
        break;
      case FieldType::assessedFindings:
        for (const RedFlagInfo& flag : kRedFlags)
          if (isAssessable(flag.flag)) expected.insert("/assessedFindings/" + std::string(flag.key));
        expected.insert("/assessedFindings/" + std::string(kOlderAgeFinding));
        break;
      default: expected.insert("/" + std::string(field.name));
    }
  }
  EXPECT_EQ(targets, expected);
  // And the Questionnaire the engine writes has them, in every language and wording.
  for (const std::string& language : content().languageCodes())
    for (const char* audience : kAudienceIds) {
      const json questionnaire = json::parse(fhirQuestionnaireJson(audience, language));
      const auto items = itemsOf(questionnaire);
      for (const RedFlagInfo& flag : kRedFlags) EXPECT_TRUE(items.count(flag.key)) << flag.key;
      EXPECT_EQ(items.count("group-assessedFindings"), std::string(audience) == "clinician" ? 1u : 0u)
          << "the clinician-only findings are not in the patient's Questionnaire";
      EXPECT_EQ(questionnaire.at("language"), language);
      EXPECT_NE(questionnaire.at("url").get<std::string>().find(std::string(audience) + "-" + language), std::string::npos);
    }
}

// Every number carries the engine's own limits; durations a unit (days or weeks) and their limits in weeks.
TEST(FhirQuestionnaire, NumbersCarryTheContractsLimitsAndUnits) {
  const auto items = itemsOf(json::parse(fhirQuestionnaireJson("clinician", "en")));
  const auto extension = [](const json& item, std::string_view url) {
    for (const json& e : item.value("extension", json::array()))
      if (e.at("url") == url) return e;
    return json();
  };
  for (const InputField& field : kInputFields) {
    if (field.type != FieldType::integer && field.type != FieldType::number) continue;
    const json& item = items.at(field.name);
    if (field.type == FieldType::integer) {
      EXPECT_EQ(item.at("type"), "integer");
      EXPECT_EQ(extension(item, fhir::kMinValue).at("valueInteger"), field.minimum) << field.name;
      EXPECT_EQ(extension(item, fhir::kMaxValue).at("valueInteger"), field.maximum) << field.name;
    } else {
      EXPECT_EQ(item.at("type"), "quantity") << field.name;
      EXPECT_EQ(extension(item, fhir::kMinQuantity).at("valueQuantity").at("value"), field.minimum);
      EXPECT_EQ(extension(item, fhir::kMaxQuantity).at("valueQuantity").at("value"), field.maximum);
      EXPECT_EQ(extension(item, fhir::kMaxQuantity).at("valueQuantity").at("code"), "wk");
      std::vector<std::string> units;
      for (const json& e : item.at("extension"))
        if (e.at("url") == fhir::kUnitOption) units.push_back(e.at("valueCoding").at("code").get<std::string>());
      EXPECT_EQ(units, (std::vector<std::string>{"wk", "d"}));
    }
  }
  EXPECT_EQ(items.at("ageYears").at("code").at(0).at("code"), "30525-0");
  EXPECT_EQ(items.at("painScore").at("code").at(0).at("code"), "72514-3");
  // A finding is asked only when present; its words are its question's.
  const json& osteoporosis = items.at("assessed-osteoporosis");
  EXPECT_EQ(osteoporosis.at("enableWhen").at(0).at("question"), "osteoporosis");
  EXPECT_EQ(osteoporosis.at("text"), items.at("osteoporosis").at("text"));
  EXPECT_EQ(items.at("assessed-olderAge").at("enableWhen").at(0).at("answerInteger"), kOlderAge);
}

TEST(FhirQuestionnaire, OnePerLanguageAndWordingWithItsMetadata) {
  std::set<std::string> urls;
  for (const std::string& language : content().languageCodes())
    for (const char* audience : kAudienceIds) {
      const json q = json::parse(fhirQuestionnaireJson(audience, language));
      urls.insert(q.at("url").get<std::string>() + "|" + q.at("version").get<std::string>());
      EXPECT_EQ(q.at("title"), content().languages.at(language).at("questionnaire").at("title").at(audience));
      for (const char* key : {"publisher", "contact", "copyright", "description", "date"}) EXPECT_TRUE(q.contains(key)) << key;
      // Draft until a clinician has reviewed this content version in this language and wording.
      EXPECT_EQ(q.at("status"), content().reviewedOn(language, audience).is_null() ? "draft" : "active");
      EXPECT_EQ(q.at("version"), content().rules.at("contentVersion").get<std::string>() + "+" + fhir::itemSetFingerprint());
    }
  EXPECT_EQ(urls.size(), content().languageCodes().size() * kAudienceIds.size());
  EXPECT_EQ(json::parse(fhirQuestionnaireJson("patient", "xx")).at("errors").at(0).at("field"), "/language");
  EXPECT_EQ(json::parse(fhirQuestionnaireJson("nurse", "en")).at("errors").at(0).at("field"), "/audience");
}

// The contract's defaults, written out (a response always names its language and wording).
json withDefaults(json assessment) {
  if (!assessment.contains("language")) assessment["language"] = kDefaultLanguage;
  if (!assessment.contains("audience")) assessment["audience"] = audienceId(kDefaultAudience);
  if (assessment.contains("assessedFindings") && assessment.at("assessedFindings").empty()) assessment.erase("assessedFindings");
  return assessment;
}

// Whole numbers as whole numbers (7.0 -> 7), as the page and a form filler send them: a
// response's valueInteger is an integer, and the plan words answers as they were written.
json asSent(json value) {
  if (value.is_number_float() && std::floor(value.get<double>()) == value.get<double>()) return static_cast<long long>(value.get<double>());
  if (value.is_object() || value.is_array())
    for (auto& member : value) member = asSent(member);
  return value;
}

json withoutNotices(json plan) {
  plan.erase("notices");
  return plan;
}

// Every plan case: assessment -> QuestionnaireResponse -> assessment gives the same answers and
// the same plan; the response is in progress exactly while a question the plan needs is open.
TEST(FhirResponse, EveryPlanCaseGoesThereAndBack) {
  int cases = 0;
  for (const test::VectorCase& vector : test::vectorCases()) {
    if (!vector.file.at("expect").at("ok").get<bool>() || !vector.file.contains("input") || !vector.file.at("input").is_object())
      continue;
    ++cases;
    const std::string input = vector.inputText();
    const json response = json::parse(questionnaireResponseJson(input, "2026-12-01T09:30:00+01:00"));
    ASSERT_EQ(response.at("resourceType"), "QuestionnaireResponse") << vector.name << response.dump();
    EXPECT_EQ(response.at("authored"), "2026-12-01T09:30:00+01:00");
    const json back = json::parse(assessmentFromResponseJson(response.dump()));
    ASSERT_TRUE(back.at("ok").get<bool>()) << vector.name << back.dump();
    EXPECT_EQ(back.at("assessment"), withDefaults(vector.file.at("input"))) << vector.name;
    const json plan = json::parse(evaluateJson(response.dump()));
    EXPECT_EQ(withoutNotices(plan), json::parse(evaluateJson(asSent(vector.file.at("input")).dump()))) << vector.name;
    const json& given = vector.file.at("input");
    bool open = !given.contains("ageYears") || !given.contains("symptomWeeks") || !given.contains("painScore");
    for (const RedFlagInfo& flag : kRedFlags) open = open || !given.contains("redFlags") || !given.at("redFlags").contains(flag.key);
    EXPECT_EQ(response.at("status"), open ? "in-progress" : "completed") << vector.name;
    EXPECT_EQ(plan.contains("notices"), open) << vector.name;
  }
  EXPECT_GT(cases, 60);
}

json responseFor(const json& assessment) { return json::parse(questionnaireResponseJson(assessment.dump(), "")); }

const json* find(const json& items, const std::string& linkId) {
  for (const json& item : items) {
    if (item.at("linkId") == linkId) return &item;
    if (item.contains("item"))
      if (const json* found = find(item.at("item"), linkId)) return found;
  }
  return nullptr;
}

// "Not asked" and "not sure" stay apart in the stored record: an open red flag has no item, the
// person's "not sure" is data-absent-reason asked-unknown; coded answers carry their display.
TEST(FhirResponse, NotAskedAndNotSureStayApart) {
  json assessment = json::parse(R"({"ageYears": 45, "symptomWeeks": 3, "painScore": 5, "redFlags": {"fever": null, "saddleAnesthesia": false}})");
  const json response = responseFor(assessment);
  EXPECT_EQ(response.at("status"), "in-progress");
  EXPECT_FALSE(response.contains("authored"));
  const json* fever = find(response.at("item"), "fever");
  ASSERT_NE(fever, nullptr);
  EXPECT_EQ(fever->at("answer").at(0).at("valueCoding"),
            json::parse(R"({"system": "http://terminology.hl7.org/CodeSystem/data-absent-reason", "code": "asked-unknown", "display": "Not sure"})"));
  EXPECT_EQ(find(response.at("item"), "saddleAnesthesia")->at("answer").at(0).at("valueCoding").at("display"), "No");
  EXPECT_EQ(find(response.at("item"), "bladderBowelDysfunction"), nullptr) << "not asked: no item";
  EXPECT_EQ(fever->at("text"), content().languages.at("en").at("questions").at("fever").at("clinician").at("text"));
  // Both are possible for the plan.
  const json plan = json::parse(evaluateJson(response.dump()));
  const json unanswered = plan.at("unanswered");
  for (const char* open : {"fever", "bladderBowelDysfunction"})
    EXPECT_NE(std::find(unanswered.begin(), unanswered.end(), open), unanswered.end()) << open;
}

// Days that are whole days are written as days (as the page sends them), and read back exactly.
TEST(FhirResponse, DurationsKeepTheirUnitAndValue) {
  const json tenDays = responseFor(json::parse(R"({"ageYears": 45, "symptomWeeks": 1.4285714285714286, "painScore": 5})"));
  EXPECT_EQ(find(tenDays.at("item"), "symptomWeeks")->at("answer").at(0).at("valueQuantity"),
            json::parse(R"({"value": 10, "unit": "days", "system": "http://unitsofmeasure.org", "code": "d"})"));
  const json back = json::parse(assessmentFromResponseJson(tenDays.dump()));
  EXPECT_EQ(back.at("assessment").at("symptomWeeks").get<double>(), 10.0 / 7);
  const json weeks = responseFor(json::parse(R"({"ageYears": 45, "symptomWeeks": 2.5, "painScore": 5})"));
  EXPECT_EQ(find(weeks.at("item"), "symptomWeeks")->at("answer").at(0).at("valueQuantity").at("code"), "wk");
}

// A patient's answers go to the patient's Questionnaire, unless they hold a finding a clinician
// assessed: that is asked only in the clinician's, which the response then names.
TEST(FhirResponse, NamesTheQuestionnaireThatAsksItsAnswers) {
  const json patient = responseFor(json::parse(R"({"audience": "patient", "language": "es", "ageYears": 45, "symptomWeeks": 3, "painScore": 5})"));
  EXPECT_EQ(patient.at("questionnaire"), fhir::questionnaireUrl(Audience::patient, "es") + "|" + fhir::questionnaireVersion());
  // Marking a finding as assessed is a clinician's act: the clinician's Questionnaire carries it,
  // and a patient-audience assessment with it is refused, as evaluate refuses it.
  const json assessed = responseFor(json::parse(
      R"({"audience": "clinician", "ageYears": 70, "symptomWeeks": 3, "painScore": 5, "assessedFindings": ["olderAge"]})"));
  EXPECT_EQ(assessed.at("questionnaire"), fhir::questionnaireUrl(Audience::clinician, "en") + "|" + fhir::questionnaireVersion());
  EXPECT_EQ(find(assessed.at("item"), "assessed-olderAge")->at("answer").at(0).at("valueBoolean"), true);
  EXPECT_EQ(json::parse(questionnaireResponseJson(
                R"({"audience": "patient", "ageYears": 70, "symptomWeeks": 3, "painScore": 5, "assessedFindings": ["olderAge"]})", "2026-12-07"))
                .at("errors").at(0).at("code"),
            "clinicianOnly");
  EXPECT_EQ(json::parse(questionnaireResponseJson(R"({"ageYears": 45, "symptomWeeks": 3, "painScore": 5})", "yesterday"))
                .at("errors").at(0).at("code"),
            "notDateTime");
}

TEST(FhirResponse, AuthoredIsAFhirDateTime) {
  for (const char* good : {"2026", "2026-12", "2026-12-01", "2026-12-01T09:30:00Z", "2026-12-01T09:30:00.123+01:00", "2026-12-01T23:59:60-14:00"})
    EXPECT_TRUE(isFhirDateTime(good)) << good;
  for (const char* bad : {"", "26-12-01", "2026-13-01", "2026-12-01T09:30", "2026-12-01T09:30:00", "2026-12-01 09:30:00Z",
                          "2026-12-01T09:30:00+1:00", "2026-12-01T25:00:00Z", "2026-12-01T09:30:00.Z"})
    EXPECT_FALSE(isFhirDateTime(bad)) << bad;
}

// Files saved by Radiculo 2.0.0 (its one Questionnaire, its own answer codes, weeks as a plain
// decimal, findings as one repeating choice) stay readable.
TEST(FhirResponse, FilesSavedBy200StayReadable) {
  const json saved = json::parse(R"({"resourceType": "QuestionnaireResponse",
    "questionnaire": "https://radiculo.invalid/fhir/Questionnaire/radiculo-assessment|2.0.0", "status": "completed", "language": "en",
    "extension": [{"url": "https://radiculo.invalid/fhir/StructureDefinition/audience", "valueCode": "clinician"}],
    "item": [{"linkId": "group-redFlags", "item": [{"linkId": "group-fracture", "item": [
      {"linkId": "osteoporosis", "answer": [{"valueCoding": {"system": "https://radiculo.invalid/fhir/CodeSystem/answer", "code": "yes"}}]},
      {"linkId": "significantTrauma", "answer": [{"valueCoding": {"system": "https://radiculo.invalid/fhir/CodeSystem/answer", "code": "not-sure"}}]}]}]},
      {"linkId": "group-answers", "item": [{"linkId": "ageYears", "answer": [{"valueInteger": 70}]},
        {"linkId": "symptomWeeks", "answer": [{"valueDecimal": 2.5}]}, {"linkId": "painScore", "answer": [{"valueInteger": 4}]},
        {"linkId": "herniationContained", "answer": [{"valueBoolean": true}]},
        {"linkId": "herniationLevel", "answer": [{"valueCoding": {"system": "https://radiculo.invalid/fhir/CodeSystem/herniation-level", "code": "L4-L5"}}]},
        {"linkId": "assessedFindings", "answer": [{"valueCoding": {"system": "https://radiculo.invalid/fhir/CodeSystem/assessed-finding", "code": "osteoporosis"}},
          {"valueCoding": {"system": "https://radiculo.invalid/fhir/CodeSystem/assessed-finding", "code": "olderAge"}}]}]}]})");
  const json read = json::parse(assessmentFromResponseJson(saved.dump()));
  ASSERT_TRUE(read.at("ok").get<bool>()) << read.dump();
  EXPECT_EQ(read.at("assessment"), json::parse(R"({"language": "en", "audience": "clinician", "ageYears": 70, "symptomWeeks": 2.5,
    "painScore": 4, "redFlags": {"osteoporosis": true, "significantTrauma": null}, "herniation": {"contained": true, "level": "L4-L5"},
    "assessedFindings": ["osteoporosis", "olderAge"]})"));
}

// A response is held to the same size limit as an assessment, before any of it is read: one byte
// over is refused as too large, and the same text at the limit is read (and refused for what it says).
TEST(FhirResponse, NothingLongerThanTheInputLimitIsRead) {
  const std::string head = R"({"resourceType": "QuestionnaireResponse", "status": "completed")";
  const auto atLength = [&](std::size_t length) { return head + std::string(length - head.size() - 1, ' ') + "}"; };
  const json over = json::parse(assessmentFromResponseJson(atLength(kMaxInputBytes + 1)));
  ASSERT_FALSE(over.at("ok").get<bool>()) << over.dump();
  EXPECT_EQ(over.at("errors").at(0).at("code"), "tooLarge") << over.dump();
  const json at = json::parse(assessmentFromResponseJson(atLength(kMaxInputBytes)));
  for (const json& error : at.value("errors", json::array())) EXPECT_NE(error.at("code"), "tooLarge") << at.dump();
}

// Every code the writers put in a response or a plan is defined in the CodeSystem of its system.
TEST(FhirCodeSystems, DefineEveryCodeRadiculoWrites) {
  const json bundle = json::parse(fhirCodeSystemsJson());
  std::map<std::string, std::set<std::string>> defined;
  for (const json& entry : bundle.at("entry")) {
    const json& system = entry.at("resource");
    EXPECT_EQ(entry.at("fullUrl"), system.at("url"));
    for (const json& concept : system.at("concept")) defined[system.at("url")].insert(concept.at("code").get<std::string>());
    EXPECT_EQ(system.at("count").get<std::size_t>(), system.at("concept").size());
  }
  std::function<void(const json&)> check = [&](const json& node) {
    if (node.is_object()) {
      if (node.contains("system") && node.contains("code") && node.at("system").is_string() &&
          node.at("system").get<std::string>().rfind(std::string(fhir::kCanonicalBase) + "/CodeSystem/", 0) == 0) {
        EXPECT_TRUE(defined[node.at("system").get<std::string>()].count(node.at("code").get<std::string>()))
            << node.dump();
      }
      for (const auto& [key, value] : node.items()) check(value);
    } else if (node.is_array()) {
      for (const json& value : node) check(value);
    }
  };
  for (const test::VectorCase& vector : test::vectorCases()) {
    if (!vector.file.at("expect").at("ok").get<bool>() || !vector.file.contains("input") || !vector.file.at("input").is_object())
      continue;
    check(json::parse(fhirPlanJson(vector.inputText(), "2026-12-01")));
  }
  for (const char* audience : kAudienceIds) check(json::parse(fhirQuestionnaireJson(audience, "en")));
  for (const TriageInfo& triage : kTriages)
    EXPECT_TRUE(defined[fhir::codeSystemUrl(fhir::kTriageSystemName)].count(triage.id)) << triage.id;
  EXPECT_TRUE(defined.count(fhir::codeSystemUrl(fhir::kPlaceholderBase, fhir::kAnswerSystemName)));
}

// The plan as FHIR: a GuidanceResponse with each line's text, kind and citations, the answers it
// came from, the note; its status says whether questions are open.
TEST(FhirPlan, HoldsEveryLineAndTheAnswers) {
  const std::string input = R"({"ageYears": 45, "symptomWeeks": 3, "painScore": 8, "redFlags": {"fever": false}})";
  const json plan = json::parse(evaluateJson(input));
  const json guidance = json::parse(fhirPlanJson(input, "2026-12-01"));
  EXPECT_EQ(guidance.at("resourceType"), "GuidanceResponse");
  EXPECT_EQ(guidance.at("status"), "data-requested") << "red flags are open";
  EXPECT_EQ(guidance.at("occurrenceDateTime"), "2026-12-01");
  const json& answers = guidance.at("contained").at(0);
  EXPECT_EQ(answers.at("resourceType"), "QuestionnaireResponse");
  EXPECT_EQ(json::parse(assessmentFromResponseJson(answers.dump())).at("assessment"), withDefaults(json::parse(input)));
  const json& parameters = guidance.at("contained").at(1);
  EXPECT_EQ(guidance.at("outputParameters").at("reference"), "#" + parameters.at("id").get<std::string>());
  std::vector<json> lines;
  for (const json& p : parameters.at("parameter"))
    if (p.at("name") == "line") lines.push_back(p);
  ASSERT_EQ(lines.size(), plan.at("recommendations").size());
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const json& line = plan.at("recommendations").at(i);
    json citations = json::array();
    std::map<std::string, json> parts;
    for (const json& part : lines[i].at("part")) {
      if (part.at("name") == "citation") citations.push_back(part.at("valueInteger"));
      else parts[part.at("name").get<std::string>()] = part;
    }
    EXPECT_EQ(parts.at("id").at("valueCoding").at("code"), line.at("id"));
    EXPECT_EQ(parts.at("kind").at("valueCoding").at("code"), line.at("kind"));
    EXPECT_EQ(parts.at("text").at("valueString"), line.at("text"));
    EXPECT_EQ(citations, line.at("citations"));
  }
  EXPECT_EQ(guidance.at("note").at(0).at("text"), json::parse(clinicalNoteJson(input, "2026-12-01", "")).at("note"));
  EXPECT_EQ(json::parse(fhirPlanJson(input, "today")).at("errors").at(0).at("code"), "notDateTime");
  for (const test::VectorCase& vector : test::vectorCases()) {
    if (vector.name == "incomplete-age-missing") {
      EXPECT_EQ(json::parse(fhirPlanJson(vector.inputText(), "2026-12-01")).at("status"), "data-required");
    }
  }
}

}  // namespace
}  // namespace radiculo
