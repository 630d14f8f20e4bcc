// The field table drives the parser: every row, set through JSON, lands in its own member of the
// Assessment and nowhere else, and every member is reached by some row. A row whose reader did
// nothing, or wrote into another row's member, fails here; so does a member no row can set.
#include <map>
#include <set>
#include <string>

#include <gtest/gtest.h>

#include "assessment_parser.h"
#include "error_words.h"
#include "content.h"
#include "engine.h"
#include "input_fields.h"

namespace radiculo {
namespace {

using nlohmann::json;

// The Assessment read back member by member, written here by hand, independently of the table:
// the test's own view of what the parser produced.
std::map<std::string, json> readBack(const Assessment& a) {
  std::map<std::string, json> members;
  members["audience"] = a.audience == Audience::patient ? "patient" : "clinician";
  members["language"] = a.language;
  members["ageYears"] = a.ageYears ? json(*a.ageYears) : json(nullptr);
  members["priorLumbarSurgery"] = a.priorLumbarSurgery;
  members["symptomWeeks"] = a.symptomWeeks ? json(*a.symptomWeeks) : json(nullptr);
  members["painScore"] = a.painScore ? json(*a.painScore) : json(nullptr);
  members["muscleSpasm"] = a.muscleSpasm;
  json flags = json::object();
  for (const RedFlagInfo& info : kRedFlags)
    if (a.answer(info.flag)) flags[info.key] = *a.answer(info.flag);
  members["redFlags"] = flags;
  members["conservativeCareWeeks"] = a.conservativeCareWeeks;
  members["improving"] = a.improving;
  members["procedureCandidate"] = a.procedureCandidate;
  members["priorMri"] = a.priorMri;
  members["herniation"] = a.herniation ? json{{"contained", a.herniation->contained},
                                              {"level", kHerniationLevels[static_cast<int>(a.herniation->level)]}}
                                       : json(nullptr);
  json assessed = json::array();
  for (const RedFlagInfo& info : kRedFlags)
    if (a.assessedFindings.flags[static_cast<std::size_t>(info.flag)]) assessed.push_back(info.key);
  if (a.assessedFindings.olderAge) assessed.push_back("olderAge");
  members["assessedFindings"] = assessed;
  return members;
}

// A value of the field's type that no default has, and the input around it that makes it valid.
json sampleValue(const InputField& field, json& input) {
  switch (field.type) {
    case FieldType::boolean: return true;  // every boolean defaults to false
    case FieldType::integer: return static_cast<int>(field.minimum) + 2;
    case FieldType::number: return field.minimum + 2.5;  // below the base's symptomWeeks
    case FieldType::audience: return "patient";
    case FieldType::language: return content().languageCodes().back();
    case FieldType::redFlags: return json{{"nightPain", false}};
    case FieldType::herniation: return json{{"contained", true}, {"level", "L4-L5"}};
    case FieldType::assessedFindings:
      input["redFlags"] = json{{"nightPain", true}};  // a finding can be assessed only when present
      return json::array({"nightPain"});
  }
  return nullptr;
}

Assessment parse(const json& input) {
  const ParseResult result = parseAssessment(input.dump(), content().languageCodes());
  EXPECT_TRUE(result.errors.empty()) << input.dump() << " -> " << result.errors.front().field << " "
                                     << englishMessage(result.errors.front());
  return result.assessment.value_or(Assessment{});
}

TEST(InputFields, EveryRowSetThroughJsonIsReadBackFromItsOwnMember) {
  const json base = json::parse(R"({"symptomWeeks": 3, "painScore": 5})");
  std::set<std::string> reached;
  for (const InputField& field : kInputFields) {
    json input = base;
    const json value = sampleValue(field, input);
    const std::map<std::string, json> before = readBack(parse(input));
    input[field.name] = value;
    const std::map<std::string, json> after = readBack(parse(input));
    ASSERT_EQ(before.count(field.name), 1u)
        << field.name << " is a row of kInputFields that this test's readBack() does not read: add its member to "
        << "readBack() at the top of this file";
    EXPECT_EQ(after.at(field.name), value) << field.name << " was not read into its member";
    for (const auto& [member, read] : after)
      if (member != field.name) {
        EXPECT_EQ(read, before.at(member)) << field.name << " also changed " << member;
      }
    reached.insert(field.name);
  }
  for (const auto& [member, value] : readBack(Assessment{}))
    EXPECT_EQ(reached.count(member), 1u) << "no row of kInputFields sets " << member
                                         << " (readBack() reads it: a row in input_fields.h, or drop it from readBack())";
}

TEST(InputFields, TheTypeComesFromTheMember) {
  for (const InputField& field : kInputFields) {
    EXPECT_NE(field.read, nullptr) << field.name;
    EXPECT_FALSE(fieldTypeName(field.type).empty()) << field.name;
    if (field.type == FieldType::integer || field.type == FieldType::number) {
      EXPECT_LT(field.minimum, field.maximum);
    }
  }
}

// The schema and the page's copy of the table (contentJson's inputFields) list the same fields.
TEST(InputFields, SchemaAndContentListEveryRow) {
  const json schema = json::parse(schemaJson());
  const json fields = json::parse(contentJson(kDefaultLanguage)).at("inputFields");
  ASSERT_EQ(fields.size(), kInputFields.size());
  ASSERT_EQ(schema.at("properties").size(), kInputFields.size());
  for (std::size_t i = 0; i < kInputFields.size(); ++i) {
    EXPECT_EQ(fields[i].at("name"), kInputFields[i].name);
    EXPECT_TRUE(schema.at("properties").contains(kInputFields[i].name)) << kInputFields[i].name;
    EXPECT_EQ(fields[i].at("questions"), json(questionKeys(kInputFields[i]))) << kInputFields[i].name;
    if (kInputFields[i].type == FieldType::herniation) {
      // Asked part by part: each part's name (its key in the field) and its question.
      ASSERT_EQ(fields[i].at("parts").size(), kHerniationParts.size());
      for (std::size_t p = 0; p < kHerniationParts.size(); ++p) {
        EXPECT_EQ(fields[i].at("parts")[p].at("name"), kHerniationParts[p].name);
        EXPECT_EQ(fields[i].at("parts")[p].at("question"), kHerniationParts[p].question);
      }
    } else {
      EXPECT_FALSE(fields[i].contains("parts")) << kInputFields[i].name;
    }
  }
}

}  // namespace
}  // namespace radiculo
