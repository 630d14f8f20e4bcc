// The content as a whole: consistent, complete in every language, and served to the page.
#include <gtest/gtest.h>

#include "content.h"
#include "content_check.h"
#include "engine.h"
#include "pathway.h"

namespace radiculo {
namespace {

using nlohmann::json;

TEST(Content, IsConsistentAndCompleteInEveryLanguage) {
  const std::vector<std::string> problems = checkContent(content());
  for (const std::string& problem : problems) ADD_FAILURE() << problem;
  EXPECT_TRUE(problems.empty());
}

// Each check of the self-check can fail: one broken copy of the content per kind of problem.
bool reports(const Content& broken, const std::string& words) {
  for (const std::string& problem : checkContent(broken))
    if (problem.find(words) != std::string::npos) return true;
  ADD_FAILURE() << "no problem mentions \"" << words << "\"";
  return false;
}

TEST(ContentCheck, RedFlagGroupsMatchTheEngineFlagsOrderAndGroups) {
  Content swapped = content();
  json& caudaEquina = swapped.rules["redFlagGroups"][0]["flags"];
  std::swap(caudaEquina[0], caudaEquina[1]);
  EXPECT_TRUE(reports(swapped, "where the engine has saddleAnesthesia"));

  Content moved = content();
  moved.rules["redFlagGroups"][1]["flags"].push_back(moved.rules["redFlagGroups"][2]["flags"][0]);
  moved.rules["redFlagGroups"][2]["flags"].erase(0);
  EXPECT_TRUE(reports(moved, "files fever under malignancy"));

  Content missing = content();
  missing.rules["redFlagGroups"].erase(4);
  EXPECT_TRUE(reports(missing, "lacks progressiveNeuroDeficit"));

  Content unknown = content();
  unknown.rules["redFlagGroups"][0]["group"] = "caudaEquina";
  EXPECT_TRUE(reports(unknown, "not a RedFlagGroup"));
}

TEST(ContentCheck, TriagesAreTheEngineTriages) {
  Content extra = content();
  extra.rules["headlines"]["routine"] = extra.rules["headlines"]["conservative"];
  EXPECT_TRUE(reports(extra, "headlines names routine"));

  Content lacking = content();
  lacking.rules["triageTable"].erase("priority");
  lacking.table = ruleTable(lacking.rules);
  EXPECT_TRUE(reports(lacking, "triage table has no row list for priority"));
}

TEST(ContentCheck, RowsNameKnownConditionsAndKinds) {
  Content broken = content();
  broken.rules["triageTable"]["conservative"][0]["when"] = "muscleSpasms";
  broken.rules["triageTable"]["conservative"][1]["kind"] = "suggest";
  broken.rules["headlines"]["urgent"][0]["when"] = "sameDayFlag";
  broken.table = ruleTable(broken.rules);
  EXPECT_TRUE(reports(broken, "unknown condition muscleSpasms"));
  EXPECT_TRUE(reports(broken, "unknown kind"));
  EXPECT_TRUE(reports(broken, "headline urgent has unknown condition sameDayFlag"));
}

// The review-due date is a date, after the release (replaces a test that only printed a warning:
// whether the date has passed is the page's to say, on the reader's day).
TEST(ContentCheck, ReviewDueIsADateAfterTheRelease) {
  Content early = content();
  early.rules["reviewDue"] = early.rules.at("contentReleased");
  EXPECT_TRUE(reports(early, "is not after contentReleased"));

  Content garbled = content();
  garbled.rules["reviewDue"] = "25/05/2027";
  EXPECT_TRUE(reports(garbled, "reviewDue is not a YYYY-MM-DD date"));

  Content missing = content();
  missing.rules.erase("contentReleased");
  EXPECT_TRUE(reports(missing, "contentReleased is not a YYYY-MM-DD date"));
}

TEST(ContentCheck, TriageRulesAreNumberedAsTheLadder) {
  Content swapped = content();
  swapped.languages.at("en")["triageRules"]["urgent"]["patient"] = "3. Get seen today.";
  EXPECT_TRUE(reports(swapped, "triageRules/urgent/patient does not start with \"4. \""));
}

TEST(ContentCheck, EveryQuestionOfTheFieldTableHasWords) {
  Content broken = content();
  broken.languages["es"]["questions"].erase("procedureCandidate");
  EXPECT_TRUE(reports(broken, "lang/es.json/questions/procedureCandidate/clinician/text is missing"));
}

// The options comparison: every number on screen has its source, lives once in rules.json, and the
// comparison is never placed on a rung a red flag decides.
TEST(ContentCheck, OptionsGridCellsCiteListedReferencesAndUseTheirOwnNumbers) {
  Content uncited = content();
  uncited.rules["options"]["rows"][0]["cells"]["operation"]["citations"] = json::array();
  EXPECT_TRUE(reports(uncited, "options cell soon/operation cites no reference"));

  Content unlisted = content();
  unlisted.rules["options"]["rows"][1]["cells"]["conservative"]["citations"].push_back(99);
  EXPECT_TRUE(reports(unlisted, "options cell oneYear/conservative cites reference 99, which is not listed"));

  Content gapCiting = content();
  gapCiting.rules["options"]["rows"][4]["cells"]["conservative"]["citations"].push_back(50);
  EXPECT_TRUE(reports(gapCiting, "marked as having no figure, yet cites references"));

  Content unused = content();
  unused.rules["options"]["rows"][0]["cells"]["conservative"]["numbers"]["extra"] = 7;
  EXPECT_TRUE(reports(unused, "never uses its number extra"));

  Content foreign = content();
  foreign.languages["es"]["options"]["cells"]["soon"]["operation"]["patient"] = "En {semanas} semanas.";
  EXPECT_TRUE(reports(foreign, "uses {semanas}, which is not one of its numbers"));

  Content grade = content();
  grade.rules["options"]["rows"][0]["cells"]["injection"]["certainty"] = "high";
  EXPECT_TRUE(reports(grade, "has unknown certainty"));

  Content redFlagRung = content();
  redFlagRung.rules["options"]["shownIn"].push_back(json::parse(R"({"triage": "urgent", "when": "always"})"));
  EXPECT_TRUE(reports(redFlagRung, "a rung a red flag decides"));
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

// What the page reads instead of copies: the ladder with its alerts, the thresholds, the defaults
// and the field table, from the engine's own tables.
TEST(ContentJson, ServesTheEngineTablesThePageNeeds) {
  const json served = json::parse(contentJson("en"));
  ASSERT_EQ(served.at("triageLadder").size(), kTriages.size());
  for (std::size_t i = 0; i < kTriages.size(); ++i) {
    EXPECT_EQ(served.at("triageLadder")[i].at("id"), kTriages[i].id);
    EXPECT_EQ(served.at("triageLadder")[i].at("alert"), kTriages[i].alert);
  }
  json alerts = json::array();
  for (const json& triage : served.at("triageLadder"))
    if (triage.at("alert").get<bool>()) alerts.push_back(triage.at("id"));
  EXPECT_EQ(alerts, json::parse(R"(["emergency", "check-now", "urgent"])"));
  EXPECT_EQ(served.at("thresholds"), json::parse(R"({"adultAge": 18, "olderAge": 60, "conservativeWeeks": 6,
      "severePain": 7, "subacuteWeeks": 12, "longStandingWeeks": 12, "closeReviewWeeks": 2, "severePainReviewWeeks": 1,
      "medicineCautionAge": 65})"));
  EXPECT_EQ(served.at("defaults"), json::parse(R"({"audience": "clinician", "language": "en"})"));
  EXPECT_EQ(served.at("herniationLevels"), json::parse(R"(["L1-L2", "L2-L3", "L3-L4", "L4-L5", "L5-S1"])"));
  // Every red flag with the pathway's tier (the page raises its cards from these, never from the
  // order of the groups), and nothing else.
  ASSERT_EQ(served.at("redFlagUrgency").size(), kRedFlagCount);
  for (const RedFlagInfo& flag : kRedFlags)
    EXPECT_EQ(served.at("redFlagUrgency").at(flag.key), urgencyId(urgencyOf(flag.flag))) << flag.key;
  EXPECT_EQ(served.at("redFlagUrgency").at("saddleAnesthesia"), "emergency");
  EXPECT_EQ(served.at("redFlagUrgency").at("fever"), "sameDay");
  EXPECT_EQ(served.at("redFlagUrgency").at("nightPain"), "withinTwoWeeks");
}

// contentJson adds the engine's tables beside the language file's own keys: it never replaces one.
TEST(ContentJson, KeepsEveryKeyOfTheLanguageFile) {
  for (const std::string& code : content().languageCodes()) {
    const json served = json::parse(contentJson(code));
    for (const auto& [key, value] : content().languages.at(code).items())
      if (key != "recommendations" && key != "references") {
        EXPECT_EQ(served.at(key), value) << code << " " << key;
      }
  }
}

TEST(ContentJson, UnknownLanguageIsAnErrorNamingTheField) {
  const json result = json::parse(contentJson("xx"));
  EXPECT_FALSE(result.at("ok").get<bool>());
  EXPECT_EQ(result.at("errors").at(0).at("field"), "/language");
}

// The review date a plan shows comes only from a record in content/review.json for this content
// version, language and wording; without one, every surface says the review is pending.
TEST(Content, NoReviewDateWithoutARecord) {
  Content reviewed = content();
  const std::string version = reviewed.rules.at("contentVersion").get<std::string>();
  reviewed.review["reviews"] = json::array();
  EXPECT_TRUE(reviewed.reviewedOn("en", "clinician").is_null());
  EXPECT_EQ(reviewStatus(reviewed, "en", "clinician"), "clinical review: pending");

  json record = json::parse(R"({"reviewer": "A. Clinician", "role": "GP", "date": "2027-01-10", "scope": "all",
                                 "languages": ["en"], "wordings": ["clinician"]})");
  record["contentVersion"] = "0.9.0";  // an older version's review does not count
  reviewed.review["reviews"].push_back(record);
  EXPECT_TRUE(reviewed.reviewedOn("en", "clinician").is_null());
  record["contentVersion"] = version;
  reviewed.review["reviews"].push_back(record);
  EXPECT_EQ(reviewed.reviewedOn("en", "clinician"), "2027-01-10");
  EXPECT_EQ(reviewStatus(reviewed, "en", "clinician"), "clinically reviewed on 2027-01-10");
  EXPECT_TRUE(reviewed.reviewedOn("es", "clinician").is_null()) << "Spanish keeps its own review status";
  EXPECT_TRUE(reviewed.reviewedOn("en", "patient").is_null()) << "the patient wording keeps its own review status";
  EXPECT_EQ(reviewStatus(reviewed, "en", "patient"), "not yet checked by a clinician");
  EXPECT_TRUE(checkContent(reviewed).empty());
  json noWordings = record;
  noWordings.erase("wordings");
  Content incomplete = reviewed;
  incomplete.review["reviews"].push_back(noWordings);
  EXPECT_FALSE(checkContent(incomplete).empty()) << "a record must name the wordings it covers";
  json oddWording = record;
  oddWording["wordings"] = json::array({"nurse"});
  incomplete = reviewed;
  incomplete.review["reviews"].push_back(oddWording);
  EXPECT_FALSE(checkContent(incomplete).empty()) << "a wording is an audience of the engine";
  record.erase("reviewer");
  reviewed.review["reviews"].push_back(record);
  EXPECT_FALSE(checkContent(reviewed).empty()) << "an incomplete record is a content problem";
}

// The content as shipped: no review is on record yet, so no plan and no surface may show a date.
TEST(Content, ShipsWithReviewPendingWhereNoRecordExists) {
  for (const std::string& code : content().languageCodes())
    for (const char* audience : kAudienceIds) {
      const json plan = json::parse(evaluateJson(R"({"symptomWeeks": 3, "painScore": 5, "language": ")" + code +
                                                 R"(", "audience": ")" + audience + R"("})"));
      EXPECT_EQ(plan.at("contentReviewed"), content().reviewedOn(code, audience));
      if (content().reviewedOn(code, audience).is_null()) {
        EXPECT_EQ(plan.at("reviewStatus"), content().languages.at(code).at("phrases").at("reviewPending").at(audience));
      }
    }
}

}  // namespace
}  // namespace radiculo
