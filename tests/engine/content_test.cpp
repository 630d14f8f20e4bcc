// The content as a whole: consistent, complete in every language, and served to the page.
#include <gtest/gtest.h>

#include "content.h"
#include "engine.h"

namespace radiculo {
namespace {

using nlohmann::json;

TEST(Content, IsConsistentAndCompleteInEveryLanguage) {
  const std::vector<std::string> problems = checkContent(content());
  for (const std::string& problem : problems) ADD_FAILURE() << problem;
  EXPECT_TRUE(problems.empty());
}

TEST(Content, HasEnglish) {
  const auto codes = content().languageCodes();
  EXPECT_NE(std::find(codes.begin(), codes.end(), "en"), codes.end());
}

TEST(Content, ReferencesBeyondTheSourceAreMarked) {
  for (const json& reference : content().rules.at("references"))
    EXPECT_EQ(reference.at("beyondSource").get<bool>(), reference.at("number").get<int>() > 5) << reference.dump();
}

TEST(ContentJson, ServesEveryLanguageWithQuestionsAndVersions) {
  for (const std::string& code : content().languageCodes()) {
    const json words = json::parse(contentJson(code));
    EXPECT_TRUE(words.at("ok").get<bool>());
    EXPECT_EQ(words.at("language"), code);
    EXPECT_TRUE(words.at("questions").contains("fever"));
    EXPECT_EQ(words.at("engineVersion"), json::parse(versionJson()).at("engineVersion"));
    EXPECT_EQ(words.at("references").size(), content().rules.at("references").size());
  }
}

TEST(ContentJson, UnknownLanguageIsAnErrorNamingTheField) {
  const json result = json::parse(contentJson("xx"));
  EXPECT_FALSE(result.at("ok").get<bool>());
  EXPECT_EQ(result.at("errors").at(0).at("field"), "/language");
}

TEST(Content, ReviewDateIsNotPast) {
  // A passed review date is a warning, not a failure: the page and printout say it plainly.
  const std::string due = content().rules.at("reviewDue").get<std::string>();
  std::time_t now = std::time(nullptr);
  char today[11];
  std::strftime(today, sizeof today, "%Y-%m-%d", std::gmtime(&now));
  if (due < today) std::cout << "WARNING: content review was due on " << due << "\n";
  SUCCEED();
}

}  // namespace
}  // namespace radiculo
