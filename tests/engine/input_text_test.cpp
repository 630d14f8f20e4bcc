// What the assessment's text may carry (issue 11): at most 100 errors are listed.
#include <gtest/gtest.h>

#include <string>

#include "assessment_parser.h"

namespace radiculo {
namespace {

const std::vector<std::string> kEnglish{"en"};

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
