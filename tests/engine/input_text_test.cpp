// What the assessment's text may carry: nothing but whitespace after the object and no
// NUL byte anywhere; numbers read from their literal text, so that no rounding can
// make a fraction whole or move a number across a threshold; and at most 100 errors listed.
#include <gtest/gtest.h>

#include <string>

#include "assessment_parser.h"
#include "error_words.h"

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

// kAllNo with `field` set to the literal `number` (added when kAllNo does not have it).
std::string withNumber(const std::string& field, const std::string& number) {
  std::string text = kAllNo;
  const std::string key = "\"" + field + "\": ";
  const std::size_t at = text.find(key);
  if (at == std::string::npos) return "{" + key + number + ", " + text.substr(1);
  const std::size_t value = at + key.size();
  return text.replace(value, text.find(',', value) - value, number);
}

TEST(InputText, TheBaseInputIsValid) {
  ASSERT_TRUE(parseAssessment(kAllNo, kEnglish).assessment.has_value());
  for (const char* field : {"symptomWeeks", "painScore", "ageYears", "conservativeCareWeeks"})
    ASSERT_TRUE(parseAssessment(withNumber(field, "2"), kEnglish).assessment.has_value()) << withNumber(field, "2");
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

TEST(InputText, ALiteralThatOnlyRoundsToAWholeNumberIsNotWhole) {
  for (const auto& [field, literal] : std::vector<std::pair<std::string, std::string>>{
           {"painScore", "6.9999999999999999"},      // would read as 7: severe pain
           {"painScore", "6.99999999999999999999"},
           {"ageYears", "17.9999999999999999"},      // would read as 18: an adult
           {"painScore", "1e-400"},                  // would read as 0
       }) {
    const ParseResult result = parseAssessment(withNumber(field, literal), kEnglish);
    EXPECT_FALSE(result.assessment.has_value()) << field << " " << literal;
    EXPECT_EQ(fieldsOf(result), std::vector<std::string>{"/" + field}) << field << " " << literal;
  }
}

TEST(InputText, NoRoundingMovesANumberAcrossAThresholdOrALimit) {
  for (const auto& [field, literal] : std::vector<std::pair<std::string, std::string>>{
           {"symptomWeeks", "12.0000000000000001"},            // would read as 12: within 12 weeks
           {"conservativeCareWeeks", "5.9999999999999999"},    // would read as 6: reassess
           {"symptomWeeks", "520.00000000000001"},             // would read as 520, the maximum
           {"symptomWeeks", "0.99999999999999999999999999"},   // would read as 1
           {"symptomWeeks", "1e-400"},                         // would read as 0
       }) {
    const ParseResult result = parseAssessment(withNumber(field, literal), kEnglish);
    EXPECT_FALSE(result.assessment.has_value()) << field << " " << literal;
    EXPECT_EQ(fieldsOf(result), std::vector<std::string>{"/" + field}) << field << " " << literal;
  }
}

TEST(InputText, NumbersWithAtMost15SignificantDigitsAreReadExactly) {
  const auto read = [](const std::string& field, const std::string& literal) {
    const ParseResult result = parseAssessment(withNumber(field, literal), kEnglish);
    EXPECT_TRUE(result.errors.empty()) << field << " " << literal << ": " << (result.errors.empty() ? "" : englishMessage(result.errors[0]));
    return result.assessment.value_or(Assessment{});
  };
  EXPECT_LT(*read("symptomWeeks", "5.99999999999999").symptomWeeks, 6.0);
  EXPECT_GT(*read("symptomWeeks", "12.0000000000001").symptomWeeks, 12.0);
  EXPECT_LT(read("conservativeCareWeeks", "0.00000000000001").conservativeCareWeeks, 1e-13);
  EXPECT_EQ(*read("painScore", "7.000000000000000000000000").painScore, 7);  // trailing zeros are not significant
  EXPECT_EQ(*read("painScore", "70e-1").painScore, 7);
  EXPECT_EQ(*read("painScore", "0.7e1").painScore, 7);
  EXPECT_EQ(*read("ageYears", "-0").ageYears, 0);
  EXPECT_EQ(*read("ageYears", "0.0e-999").ageYears, 0);  // zero however written
}

// What JSON.stringify, Python and nlohmann write for 10 days in weeks (10 / 7) has 17 digits;
// it is read. 1.4285714285714287 reads as the same double but is not its shortest form: an error.
TEST(InputText, TheShortestFormOfADoubleIsReadWhateverItsLength) {
  for (const char* literal : {"1.4285714285714286", "0.30000000000000004", "2.0000000000000004", "9007199254740992"}) {
    const ParseResult result = parseAssessment(withNumber("conservativeCareWeeks", literal), kEnglish);
    const bool inRange = std::string(literal) != "9007199254740992";
    EXPECT_EQ(result.errors.empty(), inRange) << literal;
    for (const FieldError& error : result.errors) EXPECT_EQ(englishMessage(error).find("exactly"), std::string::npos) << literal;
  }
  for (const char* literal : {"1.4285714285714287", "0.30000000000000005", "1.42857142857142860"}) {
    if (std::string(literal) == "1.42857142857142860") {  // a trailing zero is not a digit more
      EXPECT_TRUE(parseAssessment(withNumber("conservativeCareWeeks", literal), kEnglish).errors.empty());
      continue;
    }
    EXPECT_EQ(fieldsOf(parseAssessment(withNumber("conservativeCareWeeks", literal), kEnglish)),
              std::vector<std::string>{"/conservativeCareWeeks"})
        << literal;
  }
}

TEST(InputText, IntegersAreHeldToTheSameRule) {
  // 12345678901234567 becomes the double 12345678901234568: not read, and out of range too.
  const ParseResult inexact = parseAssessment(withNumber("painScore", "12345678901234567"), kEnglish);
  ASSERT_EQ(fieldsOf(inexact), (std::vector<std::string>{"/painScore", "/painScore"}));
  EXPECT_EQ(englishMessage(inexact.errors[0]), "has more significant digits than a number can hold exactly (15 always can)");
  EXPECT_EQ(englishMessage(inexact.errors[1]), "must be from 0 to 10");
  // 1234567890123456 is a double exactly: only out of range.
  const ParseResult exact = parseAssessment(withNumber("painScore", "1234567890123456"), kEnglish);
  ASSERT_EQ(exact.errors.size(), 1u);
  EXPECT_EQ(englishMessage(exact.errors[0]), "must be from 0 to 10");
}

// Inside an array a value's pointer ends in its index.
TEST(InputText, AnInexactNumberInAnArrayIsNamedByItsIndex) {
  const ParseResult result = parseAssessment(withNumber("extra", "[1, 6.9999999999999999]"), kEnglish);
  EXPECT_EQ(fieldsOf(result), (std::vector<std::string>{"/extra/1", "/extra"}));
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
  EXPECT_EQ(englishMessage(result.errors[100]), "and 200 more problems (only the first 100 are listed)");
}

}  // namespace
}  // namespace radiculo
