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

// The review date a plan shows comes only from a record in content/review.json for this content
// version and language; without one, every surface says the review is pending.
TEST(Content, NoReviewDateWithoutARecord) {
  Content reviewed = content();
  const std::string version = reviewed.rules.at("contentVersion").get<std::string>();
  reviewed.review["reviews"] = json::array();
  EXPECT_TRUE(reviewed.reviewedOn("en").is_null());
  EXPECT_EQ(reviewStatus(reviewed, "en", "clinician"), "clinical review: pending");

  json record = json::parse(R"({"reviewer": "A. Clinician", "role": "GP", "date": "2027-01-10", "scope": "all",
                                 "languages": ["en"]})");
  record["contentVersion"] = "0.9.0";  // an older version's review does not count
  reviewed.review["reviews"].push_back(record);
  EXPECT_TRUE(reviewed.reviewedOn("en").is_null());
  record["contentVersion"] = version;
  reviewed.review["reviews"].push_back(record);
  EXPECT_EQ(reviewed.reviewedOn("en"), "2027-01-10");
  EXPECT_EQ(reviewStatus(reviewed, "en", "clinician"), "clinically reviewed on 2027-01-10");
  EXPECT_TRUE(reviewed.reviewedOn("es").is_null()) << "Spanish keeps its own review status";
  EXPECT_TRUE(checkContent(reviewed).empty());
  record.erase("reviewer");
  reviewed.review["reviews"].push_back(record);
  EXPECT_FALSE(checkContent(reviewed).empty()) << "an incomplete record is a content problem";
}

// The content as shipped: no review is on record yet, so no plan and no surface may show a date.
TEST(Content, ShipsWithReviewPendingWhereNoRecordExists) {
  for (const std::string& code : content().languageCodes()) {
    const json plan = json::parse(evaluateJson(R"({"symptomWeeks": 3, "painScore": 5, "language": ")" + code + R"("})"));
    EXPECT_EQ(plan.at("contentReviewed"), content().reviewedOn(code));
    if (content().reviewedOn(code).is_null())
      EXPECT_EQ(plan.at("reviewStatus"), content().languages.at(code).at("phrases").at("reviewPending").at("clinician"));
  }
}

}  // namespace
}  // namespace radiculo
