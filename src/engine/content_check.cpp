#include "content_check.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <set>
#include <string_view>

#include "assessment.h"
#include "error_codes.h"
#include "input_fields.h"
#include "options_grid.h"
#include "pathway.h"
#include "plan.h"
#include "text.h"

namespace radiculo {

using nlohmann::json;

namespace {

template <std::size_t size>
bool contains(const std::array<const char*, size>& names, std::string_view name) {
  return std::any_of(names.begin(), names.end(), [&](const char* known) { return name == known; });
}

// "2026-12-01": digits with dashes at 4 and 7 (no std::regex: it would cost the WebAssembly module KBs).
bool isIsoDate(const std::string& text) {
  if (text.size() != 10) return false;
  for (std::size_t i = 0; i < text.size(); ++i)
    if ((i == 4 || i == 7) ? text[i] != '-' : !std::isdigit(static_cast<unsigned char>(text[i]))) return false;
  return true;
}

// Every leaf of a JSON document as a pointer, to compare the shape of two languages.
void collectLeaves(const json& value, const std::string& pointer, std::set<std::string>& leaves) {
  if (value.is_object()) {
    for (const auto& [key, member] : value.items()) collectLeaves(member, pointer + "/" + key, leaves);
  } else {
    leaves.insert(pointer);
  }
}

class Checker {
 public:
  explicit Checker(std::vector<std::string>& problems) : problems_(problems) {}

  void problem(const std::string& what) { problems_.push_back(what); }

  // A non-empty string at `pointer`, using only the values the plan writer offers (kTemplateValues).
  void text(const json& document, const std::string& where, const std::string& pointer) {
    const json::json_pointer at(pointer);
    if (!document.contains(at) || !document.at(at).is_string() || document.at(at).get<std::string>().empty()) {
      problem(where + pointer + " is missing or empty");
      return;
    }
    for (const std::string& name : templateNames(document.at(at).get<std::string>()))
      if (!contains(kTemplateValues, name)) problem(where + pointer + " uses unknown placeholder {" + name + "}");
  }

  void inAudiences(const json& document, const std::string& where, const std::string& pointer) {
    for (const char* audience : kAudienceIds) text(document, where, pointer + "/" + audience);
  }

 private:
  std::vector<std::string>& problems_;
};

// The checks, one a kind of thing; run() calls them in order. The sets a later check needs (the
// reference numbers, evidence notes, headlines and conditions the rules use) are gathered by the
// earlier ones.
class ContentChecks {
 public:
  ContentChecks(const Content& content, std::vector<std::string>& problems)
      : content_(content), rules_(content.rules), problems_(problems), check_(problems) {}

  void run() {
    citations();
    triageRows();
    safetyNet();
    redFlagGroups();
    if (content_.languages.count(kDefaultLanguage) == 0)
      check_.problem(std::string("no words for the default language ") + kDefaultLanguage);
    for (const auto& [code, words] : content_.languages) wordsOfLanguage(code, words);
    dates();
    reviewRecords();
    checkOptionsGrid(content_, problems_);
    sameShape(content_.languages, "lang/");
    sameShape(content_.interfaces, "ui/");
  }

 private:
  void citationsOf(const json& citations, const std::string& where) {
    if (!citations.is_array() || citations.empty()) check_.problem(where + " cites no reference");
    for (const json& number : citations)
      if (!number.is_number_integer() || referenceNumbers_.count(number.get<int>()) == 0)
        check_.problem(where + " cites reference " + number.dump() + ", which is not listed");
  }

  // Every recommendation and evidence note cites listed references; each note is for a
  // recommendation, with a known stance and condition.
  void citations() {
    for (const json& reference : rules_.at("references")) referenceNumbers_.insert(reference.at("number").get<int>());
    for (const auto& [id, recommendation] : rules_.at("recommendations").items())
      citationsOf(recommendation.at("citations"), "recommendation " + id);
    for (const auto& [id, notes] : rules_.at("evidenceNotes").items()) {
      if (!rules_.at("recommendations").contains(id)) check_.problem("evidence notes for unknown recommendation " + id);
      for (const json& note : notes) {
        const std::string noteId = note.at("id").get<std::string>();
        noteIds_.insert(noteId);
        citationsOf(note.at("citations"), "evidence note " + noteId);
        if (!contains(kStances, note.at("stance").get<std::string>()))
          check_.problem("evidence note " + noteId + " has unknown stance");
        if (note.contains("when") && !isKnownCondition(note.at("when").get<std::string>()))
          check_.problem("evidence note " + noteId + " has unknown condition " + note.at("when").dump());
      }
    }
  }

  // Every triage of the engine has its headline rows (the last always applies, so a plan always
  // has a headline) and its line rows, and the content names no triage the engine lacks.
  void triageRows() {
    for (const char* section : {"headlines", "triageTable"})
      for (const auto& entry : rules_.at(section).items()) {
        const std::string& triage = entry.key();  // a name, not a structured binding: Clang 14 cannot capture those
        if (std::none_of(kTriages.begin(), kTriages.end(), [&](const TriageInfo& info) { return triage == info.id; }))
          check_.problem(std::string(section) + " names " + triage + ", which is not a triage of the engine");
      }
    for (const TriageInfo& triage : kTriages) {
      const TriageRules& rows = content_.table[static_cast<std::size_t>(triage.triage)];
      if (rows.headlines.empty()) check_.problem(std::string("headlines has no rows for ") + triage.id);
      for (const RuleRow& row : rows.headlines) {
        headlineIds_.insert(row.id);
        if (row.holds == nullptr) check_.problem("headline " + row.id + " has unknown condition " + row.when);
      }
      if (!rows.headlines.empty() && rows.headlines.back().when != "always")
        check_.problem(std::string("the last headline of ") + triage.id + " is not 'always'");
      if (!rules_.at("triageTable").contains(triage.id))
        check_.problem(std::string("triage table has no row list for ") + triage.id);
      if (rows.lines.size() > kMaxLinesPerTriage)
        check_.problem(std::string("triage table ") + triage.id + " has more than " + std::to_string(kMaxLinesPerTriage) + " rows");
      for (const RuleRow& row : rows.lines) {
        const std::string where = std::string("triage table ") + triage.id + "/" + row.id;
        if (!rules_.at("recommendations").contains(row.id)) check_.problem(where + ": unknown recommendation");
        if (!contains(kLineKinds, row.kind)) check_.problem(where + ": unknown kind");
        if (row.holds == nullptr) check_.problem(where + ": unknown condition " + row.when);
        if (row.when != "always") conditionsUsed_.insert(row.when);
      }
    }
  }

  // The safety net: its line is a recommendation, each item has an id once and, when it has a
  // flag, a flag the engine knows that can newly appear (history cannot appear while someone waits).
  void safetyNet() {
    if (!rules_.contains("safetyNet")) {
      check_.problem("rules.json has no safetyNet");
      return;
    }
    const json& net = rules_.at("safetyNet");
    if (!rules_.at("recommendations").contains(net.at("line").get<std::string>()))
      check_.problem("safetyNet names line " + net.at("line").dump() + ", which is not a recommendation");
    std::set<std::string> itemIds;
    for (const json& item : net.at("items")) {
      if (!itemIds.insert(item.at("id").get<std::string>()).second) check_.problem("safetyNet lists item " + item.at("id").dump() + " twice");
      if (!item.contains("flag")) continue;
      const auto info = std::find_if(kRedFlags.begin(), kRedFlags.end(), [&](const RedFlagInfo& x) { return item.at("flag") == x.key; });
      if (info == kRedFlags.end()) check_.problem("safetyNet item " + item.at("id").dump() + " names an unknown flag");
      else if (!canNewlyAppear(info->flag)) check_.problem("safetyNet item " + item.at("id").dump() + " names history, which cannot newly appear");
    }
  }

  // The red-flag groups the page asks by are the engine's flags: every flag once, in the
  // contract's order, each under the group the engine files it in, the groups in RedFlagGroup's order.
  void redFlagGroups() {
    std::size_t flagIndex = 0;
    int lastGroup = -1;
    for (const json& group : rules_.at("redFlagGroups")) {
      const std::string id = group.at("group").get<std::string>();
      const auto known = std::find_if(kRedFlagGroupIds.begin(), kRedFlagGroupIds.end(),
                                      [&](const char* groupIdOf) { return id == groupIdOf; });
      const int index = static_cast<int>(known - kRedFlagGroupIds.begin());
      if (known == kRedFlagGroupIds.end()) check_.problem("redFlagGroups names " + id + ", which is not a RedFlagGroup");
      else if (index <= lastGroup) check_.problem("redFlagGroups lists " + id + " out of RedFlagGroup's order");
      lastGroup = std::max(lastGroup, index);
      for (const json& flag : group.at("flags")) {
        const std::string key = flag.get<std::string>();
        if (flagIndex >= kRedFlags.size()) {
          check_.problem("redFlagGroups lists " + key + " beyond the engine's " + std::to_string(kRedFlagCount) + " flags");
          continue;
        }
        const RedFlagInfo& expected = kRedFlags[flagIndex++];
        if (key != expected.key) check_.problem("redFlagGroups lists " + key + " where the engine has " + expected.key);
        else if (id != groupId(expected.group))
          check_.problem("redFlagGroups files " + key + " under " + id + ", the engine under " + groupId(expected.group));
      }
    }
    if (flagIndex < kRedFlags.size())
      check_.problem(std::string("redFlagGroups lacks ") + kRedFlags[flagIndex].key + " and every flag after it");
  }

  // One language's words: everything the rules, the contract and the ladder need worded.
  void wordsOfLanguage(const std::string& code, const json& lang) {
    const std::string where = "lang/" + code + ".json";
    check_.text(lang, where, "/languageName");
    check_.text(lang, where, "/translationReview");
    check_.inAudiences(lang, where, "/disclaimer");
    recommendationWords(lang, where);
    for (const std::string& noteId : noteIds_) check_.inAudiences(lang, where, "/evidenceNotes/" + noteId);
    for (const InputField& field : kInputFields)
      for (const std::string& question : questionKeys(field))
        for (const char* part : {"text", "help", "short"})
          for (const char* audience : kAudienceIds)
            check_.text(lang, where, "/questions/" + question + "/" + audience + "/" + part);
    for (const std::string& headline : headlineIds_) {
      check_.inAudiences(lang, where, "/headlines/" + headline);
      check_.inAudiences(lang, where, "/rationale/triage/" + headline);
    }
    for (const char* phrase :
         {"noRedFlags", "assessedStatus", "olderAge", "reviewPending", "reviewedOn", "careSoFar", "careNotStarted"})
      check_.inAudiences(lang, where, "/phrases/" + std::string(phrase));
    for (const std::string& condition : conditionsUsed_)
      check_.inAudiences(lang, where, "/rationale/conditions/" + condition);
    for (const int number : referenceNumbers_)
      check_.text(lang, where, "/references/" + std::to_string(number) + "/description");
    for (const json& reference : rules_.at("references"))
      check_.text(lang, where, "/referenceKinds/" + reference.at("kind").get<std::string>());
    for (const char* kind : kLineKinds) check_.inAudiences(lang, where, "/kinds/" + std::string(kind));
    for (const char* stance : kStances) check_.inAudiences(lang, where, "/stances/" + std::string(stance));
    ladderWords(lang, where);
    for (const std::string_view condition : knownConditions())
      check_.inAudiences(lang, where, "/conditionDescriptions/" + std::string(condition));
    for (const char* section : {"title", "purpose", "forWhom", "notFor", "pregnancy", "inputsChecked", "limits", "developer",
                                "funding", "dataUse", "attributes", "optionsComparison"})
      check_.inAudiences(lang, where, "/intendedUse/" + std::string(section));
    for (const char* group : kRedFlagGroupIds) check_.inAudiences(lang, where, "/groups/" + std::string(group));
    for (const char* unit : {"listSeparator", "listLastSeparator", "listLastSeparatorOr", "listSeparatorStrong",
                             "listLastSeparatorStrong", "listLastSeparatorOrStrong", "week", "decimalSeparator", "weeks",
                             "lessThanADay", "about", "months", "years"})
      check_.text(lang, where, "/units/" + std::string(unit));
    planTextWords(lang, where);
    check_.text(lang, where, "/sourceDocument");
    check_.text(lang, where, "/translationShort");
    if (content_.interfaces.count(code) == 0) check_.problem("ui/" + code + ".json is missing");
    errorWords(lang, where);
  }

  // Each recommendation's words (and its optional short ones), the safety net's, and the
  // headlines' own triage labels.
  void recommendationWords(const json& lang, const std::string& where) {
    for (const auto& [id, recommendation] : rules_.at("recommendations").items()) {
      check_.inAudiences(lang, where, "/recommendations/" + id);
      check_.text(lang, where, "/recommendations/" + id + "/basis");
      // A line's short wording is optional per audience; where given, it is filled like the text.
      if (lang.at("recommendations").contains(id) && lang.at("recommendations").at(id).contains("short"))
        for (const auto& [audience, shortText] : lang.at("recommendations").at(id).at("short").items()) {
          (void)shortText;
          check_.text(lang, where, "/recommendations/" + id + "/short/" + audience);
        }
    }
    // The safety net's words: a lead for every tier, a sign for every item of rules.json, per audience.
    if (rules_.contains("safetyNet"))
      for (const char* audience : kAudienceIds) {
        const std::string net = "/recommendations/" + rules_.at("safetyNet").at("line").get<std::string>() + "/safetyNet/" + audience;
        for (const char* tier : {"emergency", "emergencyRaised", "check-now", "urgent", "priority", "review"})
          check_.text(lang, where, net + "/leads/" + tier);
        for (const json& item : rules_.at("safetyNet").at("items"))
          check_.text(lang, where, net + "/items/" + item.at("id").get<std::string>());
      }
    // A headline's own triage label, where given, is for a headline the content has, in both audiences.
    if (lang.contains("headlineLabels"))
      for (const auto& [headline, label] : lang.at("headlineLabels").items()) {
        (void)label;
        if (headlineIds_.count(headline) == 0) check_.problem(where + "/headlineLabels/" + headline + " is not a headline");
        check_.inAudiences(lang, where, "/headlineLabels/" + headline);
      }
  }

  // Every rung's label and rule, each rule numbered as the ladder does ("1. Emergency: ..."); the
  // order itself comes from the engine (contentJson's triageLadder), never from these numbers.
  void ladderWords(const json& lang, const std::string& where) {
    for (std::size_t rung = 0; rung < kTriages.size(); ++rung) {
      const TriageInfo& triage = kTriages[rung];
      check_.inAudiences(lang, where, "/triages/" + std::string(triage.id));
      check_.inAudiences(lang, where, "/triageRules/" + std::string(triage.id));
      const std::string number = std::to_string(rung + 1) + ". ";
      for (const char* audience : kAudienceIds) {
        const json::json_pointer at("/triageRules/" + std::string(triage.id) + "/" + audience);
        if (lang.contains(at) && lang.at(at).is_string() && lang.at(at).get<std::string>().rfind(number, 0) != 0)
          check_.problem(where + "/triageRules/" + triage.id + "/" + audience + " does not start with \"" + number +
                         "\", its rung on the engine's ladder");
      }
    }
  }

  // A text worded once for both audiences, or once per audience (an object of patient and
  // clinician): each wording non-empty, with only the placeholders `known` accepts.
  template <typename Known>
  void onceOrPerAudience(const json& lang, const std::string& where, const std::string& pointer, const Known& known) {
    const bool perAudience = lang.contains(json::json_pointer(pointer)) && lang.at(json::json_pointer(pointer)).is_object();
    for (const char* audience : kAudienceIds) {
      const std::string at = perAudience ? pointer + "/" + audience : pointer;
      if (!lang.contains(json::json_pointer(at)) || !lang.at(json::json_pointer(at)).is_string() ||
          lang.at(json::json_pointer(at)).get<std::string>().empty()) {
        check_.problem(where + at + " is missing or empty");
        break;
      }
      for (const std::string& name : templateNames(lang.at(json::json_pointer(at)).get<std::string>()))
        if (!known(name)) check_.problem(where + at + " uses unknown placeholder {" + name + "}");
    }
  }

  // The sentence templates the plan writer fills (planText): each worded once or per audience,
  // with only the values the plan writer offers that template; and each injection reason.
  void planTextWords(const json& lang, const std::string& where) {
    for (const PlanTextTemplate& entry : kPlanTextTemplates)
      onceOrPerAudience(lang, where, "/planText/" + std::string(entry.key),
                        [&](const std::string& name) { return !name.empty() && contains(entry.values, name); });
    for (const char* reason : kInjectionReasons) check_.inAudiences(lang, where, "/planText/injectionReasons/" + std::string(reason));
  }

  // Every error the engine can report has its message, and no message is for a code it lacks.
  // One message for both wordings, or one per wording.
  void errorWords(const json& lang, const std::string& where) {
    for (const ErrorCodeInfo& info : kErrorCodes)
      onceOrPerAudience(lang, where, "/errors/" + std::string(info.name),
                        [](const std::string& name) { return contains(kErrorValues, name); });
    if (lang.contains("errors"))
      for (const auto& item : lang.at("errors").items())
        if (std::none_of(kErrorCodes.begin(), kErrorCodes.end(), [&](const ErrorCodeInfo& info) { return info.name == item.key(); }))
          check_.problem(where + "/errors/" + item.key() + " is not an error code of the engine");
  }

  // A rules.json date: a real YYYY-MM-DD date, or "" (said as a problem).
  std::string dateOf(const char* key) {
    const json* value = rules_.contains(key) ? &rules_.at(key) : nullptr;
    if (value == nullptr || !value->is_string() || !isIsoDate(value->get<std::string>())) {
      check_.problem(std::string("rules.json ") + key + " is not a YYYY-MM-DD date");
      return std::string();
    }
    return value->get<std::string>();
  }

  // The release and review-due dates: real YYYY-MM-DD dates, the review due after the release.
  // (Whether the due date has passed is the page's to say, on the reader's day: the engine has no clock.)
  void dates() {
    const std::string released = dateOf("contentReleased"), due = dateOf("reviewDue");
    if (!released.empty() && !due.empty() && !(released < due))
      check_.problem("rules.json reviewDue " + due + " is not after contentReleased " + released);
  }

  // Each review record is complete: who, in what role, when, what, which version, and which
  // languages and wordings (clinician, patient) it covers.
  void reviewRecords() {
    for (const json& record : content_.review.at("reviews")) {
      for (const char* field : {"reviewer", "role", "scope", "contentVersion"})
        if (!record.contains(field) || !record.at(field).is_string() || record.at(field).get<std::string>().empty())
          check_.problem(std::string("review record without ") + field);
      if (!record.contains("date") || !record.at("date").is_string() || !isIsoDate(record.at("date").get<std::string>()))
        check_.problem("review record without a YYYY-MM-DD date");
      if (!record.contains("languages") || !record.at("languages").is_array() || record.at("languages").empty())
        check_.problem("review record without languages");
      else
        for (const json& code : record.at("languages"))
          if (!code.is_string() || (content_.languages.count(code.get<std::string>()) == 0 &&
                                    std::find(content_.known.begin(), content_.known.end(), code.get<std::string>()) == content_.known.end()))
            check_.problem("review record names a language the content lacks: " + code.dump());
      if (!record.contains("wordings") || !record.at("wordings").is_array() || record.at("wordings").empty())
        check_.problem("review record without wordings");
      else
        for (const json& wording : record.at("wordings"))
          if (!wording.is_string() || !contains(kAudienceIds, wording.get<std::string>()))
            check_.problem("review record names a wording that is not an audience: " + wording.dump());
    }
  }

  // Every language has exactly the keys of every other (a translation never silently falls short).
  void sameShape(const std::map<std::string, json>& files, const std::string& folder) {
    if (files.empty()) return;
    std::set<std::string> reference;
    collectLeaves(files.begin()->second, "", reference);
    for (const auto& [code, document] : files) {
      std::set<std::string> leaves;
      collectLeaves(document, "", leaves);
      for (const std::string& leaf : reference)
        if (leaves.count(leaf) == 0) check_.problem(folder + code + ".json lacks " + leaf);
      for (const std::string& leaf : leaves)
        if (reference.count(leaf) == 0)
          check_.problem(folder + code + ".json has " + leaf + ", which " + folder + files.begin()->first + ".json lacks");
    }
  }

  const Content& content_;
  const json& rules_;
  std::vector<std::string>& problems_;
  Checker check_;
  std::set<int> referenceNumbers_;
  std::set<std::string> noteIds_;
  std::set<std::string> conditionsUsed_;
  std::set<std::string> headlineIds_;
};

}  // namespace

std::vector<std::string> checkContent(const Content& content) {
  std::vector<std::string> problems;
  ContentChecks(content, problems).run();
  return problems;
}

}  // namespace radiculo
