// What the assessment's text may carry (issue 11): nothing but whitespace after the object and no
// NUL byte anywhere (review F2); and at most 100 errors listed.
#include <gtest/gtest.h>

#include <string>

#include "assessment_parser.h"

namespace radiculo {
namespace {

const std::vector<std::string> kEnglish{"en"};

// Every red flag answered "no": a conservative plan when read.
const std::string kAllNo =
    R"({"ageYears": 40, "symptomWeeks": 10, "painScore": 5, "redFlags": {"saddleAnesthesia": false, "bladderBowelDysfunction": false,)"
    R"( "bilateralLegWeakness": false, "cancerHistory": false, "unexplainedWeightLoss": false, "fever": false,)"
    R"( "immunocompromised": false, "intravenousDrugUse": false, "significantTrauma": false, "osteoporosis": false,)"
    R"( "prolongedCorticosteroids": false, "progressiveNeuroDeficit": false}})";

std::vector<std::string> fieldsOf(const ParseResult& result) {
  std::vector<std::string> fields;
  for (const FieldError& error : result.errors) fields.push_back(error.field);
  return fields;
}

TEST(InputText, TheBaseInputIsValid) {
  ASSERT_TRUE(parseAssessment(kAllNo, kEnglish).assessment.has_value());
}

TEST(InputText, ANulByteDoesNotEndTheInput) {
  const std::string text = kAllNo + std::string(1, '\0') + R"({"redFlags": {"saddleAnesthesia": true}})";
  const ParseResult result = parseAssessment(text, kEnglish);
  EXPECT_FALSE(result.assessment.has_value());
  EXPECT_EQ(fieldsOf(result), std::vector<std::string>{""});
}

TEST(InputText, ANulByteAnywhereIsAnError) {
  for (std::size_t at = 0; at <= kAllNo.size(); ++at) {
    std::string text = kAllNo;
    text.insert(at, 1, '\0');
    const ParseResult result = parseAssessment(text, kEnglish);
    EXPECT_FALSE(result.assessment.has_value()) << "NUL at byte " << at;
    EXPECT_EQ(fieldsOf(result), std::vector<std::string>{""}) << "NUL at byte " << at;
  }
}

// Every byte value after the object, alone and followed by more text: only JSON's four
// whitespace bytes may follow it.
TEST(InputText, OnlyWhitespaceMayFollowTheObject) {
  for (int byte = 0; byte < 256; ++byte) {
    const bool whitespace = byte == ' ' || byte == '\t' || byte == '\n' || byte == '\r';
    for (const std::string& after : {std::string(), std::string(" "), std::string("{}")}) {
      const std::string text = kAllNo + static_cast<char>(byte) + after;
      const bool read = parseAssessment(text, kEnglish).assessment.has_value();
      EXPECT_EQ(read, whitespace && after != "{}") << "byte " << byte << " then '" << after << "'";
    }
  }
}

TEST(InputText, AtMost100ErrorsAreListedAndTheRestCounted) {
  std::string text = R"({"symptomWeeks": 3, "painScore": 5)";
  for (int i = 0; i < 300; ++i) text += ", \"unknown" + std::to_string(1000 + i) + "\": 0";
  text += "}";
  const ParseResult result = parseAssessment(text, kEnglish);
  ASSERT_EQ(result.errors.size(), 101u);
  EXPECT_EQ(result.errors[0].field, "/unknown1000");
  EXPECT_EQ(result.errors[99].field, "/unknown1099");
  EXPECT_EQ(result.errors[100].field, "");
  EXPECT_EQ(result.errors[100].message, "and 200 more problems (only the first 100 are listed)");
}

}  // namespace
}  // namespace radiculo
