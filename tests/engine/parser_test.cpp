// The strict parser: pointers, duplicates, nesting and the messages a person reads.
#include <gtest/gtest.h>

#include "assessment_parser.h"
#include "error_words.h"
#include "json_text_reader.h"

namespace radiculo {
namespace {

const std::vector<std::string> kEnglish{"en"};

std::vector<std::string> fieldsOf(const ParseResult& result) {
  std::vector<std::string> fields;
  for (const FieldError& error : result.errors) fields.push_back(error.field);
  return fields;
}

TEST(AssessmentParser, EscapesPointerTokens) {
  EXPECT_EQ(pointerToken("a/b~c"), "a~1b~0c");
  const ParseResult result = parseAssessment(R"({"a/b": 1, "symptomWeeks": 1, "painScore": 1})", kEnglish);
  EXPECT_EQ(fieldsOf(result), std::vector<std::string>{"/a~1b"});
}

TEST(AssessmentParser, ReportsADuplicateKeyInsideHerniation) {
  const ParseResult result = parseAssessment(
      R"({"symptomWeeks": 1, "painScore": 1, "herniation": {"contained": true, "level": "L5-S1", "level": "L3-L4"}})",
      kEnglish);
  EXPECT_EQ(fieldsOf(result), std::vector<std::string>{"/herniation/level"});
}

TEST(AssessmentParser, DuplicateInSeparateObjectsIsFine) {
  const ParseResult result = parseAssessment(
      R"({"redFlags": {"fever": false}, "herniation": {"contained": true, "level": "L5-S1"}, "symptomWeeks": 1, "painScore": 1})",
      kEnglish);
  EXPECT_TRUE(result.errors.empty());
}

TEST(AssessmentParser, RejectsNestingBelowARedFlag) {
  const ParseResult result =
      parseAssessment(R"({"symptomWeeks": 1, "painScore": 1, "redFlags": {"fever": [[true]]}})", kEnglish);
  ASSERT_FALSE(result.errors.empty());
  EXPECT_EQ(result.errors[0].field, "/redFlags/fever");
  EXPECT_FALSE(result.assessment.has_value());
}

TEST(AssessmentParser, NullRedFlagStaysUnanswered) {
  const ParseResult result =
      parseAssessment(R"({"symptomWeeks": 1, "painScore": 1, "redFlags": {"fever": null, "osteoporosis": false}})", kEnglish);
  ASSERT_TRUE(result.assessment.has_value());
  EXPECT_FALSE(result.assessment->answer(RedFlag::fever).has_value());
  EXPECT_EQ(result.assessment->answer(RedFlag::osteoporosis), false);
  EXPECT_FALSE(result.assessment->answer(RedFlag::cancerHistory).has_value());
}

TEST(AssessmentParser, MessagesNameTheRange) {
  const ParseResult result = parseAssessment(R"({"symptomWeeks": 1, "painScore": 12})", kEnglish);
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_EQ(englishMessage(result.errors[0]), "must be from 0 to 10");
}

// A value of the wrong kind and a number out of range have different codes: an integrator tells
// them apart by the code alone (both carry the range in params).
TEST(AssessmentParser, WrongKindAndOutOfRangeHaveTheirOwnCodes) {
  const auto codeOf = [](const char* field, const char* value) {
    const std::string text = std::string(R"({"symptomWeeks": 1, "painScore": 5, ")") + field + "\": " + value + "}";
    const ParseResult result = parseAssessment(text, kEnglish);
    return result.errors.size() == 1 ? std::string(errorCodeName(result.errors[0].code)) : std::string("?");
  };
  EXPECT_EQ(codeOf("ageYears", "7.5"), "notWholeNumber");
  EXPECT_EQ(codeOf("ageYears", "\"45\""), "notWholeNumber");
  EXPECT_EQ(codeOf("ageYears", "121"), "outOfRange");
  EXPECT_EQ(codeOf("ageYears", "-1"), "outOfRange");
  EXPECT_EQ(codeOf("conservativeCareWeeks", "\"3\""), "notNumber");
  EXPECT_EQ(codeOf("conservativeCareWeeks", "-1"), "outOfRange");
  const ParseResult high = parseAssessment(R"({"symptomWeeks": 521, "painScore": 5})", kEnglish);
  ASSERT_EQ(high.errors.size(), 1u);
  EXPECT_EQ(high.errors[0].code, ErrorCode::outOfRange);
  EXPECT_EQ(high.errors[0].params, (std::vector<std::pair<std::string, std::string>>{{"min", "0"}, {"max", "520"}}));
}

TEST(AssessmentParser, InvalidUtf8IsNotJson) {
  const ParseResult result = parseAssessment("{\"audience\": \"\xff\"}", kEnglish);
  EXPECT_EQ(fieldsOf(result), std::vector<std::string>{""});
}

TEST(AssessmentParser, HugeIntegerIsOutOfRangeNotACrash) {
  // Not read exactly (more digits than a double holds), and out of range.
  const ParseResult result = parseAssessment(R"({"symptomWeeks": 1, "painScore": 99999999999999999999999})", kEnglish);
  EXPECT_EQ(fieldsOf(result), (std::vector<std::string>{"/painScore", "/painScore"}));
}

TEST(AssessmentParser, ExactlyTheSizeLimitIsStillRead) {
  std::string text = R"({"symptomWeeks": 1, "painScore": 1})";
  text.insert(0, 64 * 1024 - text.size(), ' ');
  EXPECT_TRUE(parseAssessment(text, kEnglish).errors.empty());
  text.insert(0, " ");
  EXPECT_EQ(fieldsOf(parseAssessment(text, kEnglish)), std::vector<std::string>{""});
}

}  // namespace
}  // namespace radiculo
