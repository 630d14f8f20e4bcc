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

}  // namespace

std::vector<std::string> checkContent(const Content& content) {
  std::vector<std::string> problems;
  Checker check(problems);
  const json& rules = content.rules;

  std::set<int> referenceNumbers;
  for (const json& reference : rules.at("references")) referenceNumbers.insert(reference.at("number").get<int>());
  const auto checkCitations = [&](const json& citations, const std::string& where) {
    if (!citations.is_array() || citations.empty()) check.problem(where + " cites no reference");
    for (const json& number : citations)
      if (!number.is_number_integer() || referenceNumbers.count(number.get<int>()) == 0)
        check.problem(where + " cites reference " + number.dump() + ", which is not listed");
  };

  std::set<std::string> noteIds;
  std::set<std::string> conditionsUsed;
  for (const auto& [id, recommendation] : rules.at("recommendations").items())
    checkCitations(recommendation.at("citations"), "recommendation " + id);
  for (const auto& [id, notes] : rules.at("evidenceNotes").items()) {
    if (!rules.at("recommendations").contains(id)) check.problem("evidence notes for unknown recommendation " + id);
    for (const json& note : notes) {
      const std::string noteId = note.at("id").get<std::string>();
      noteIds.insert(noteId);
      checkCitations(note.at("citations"), "evidence note " + noteId);
      if (!contains(kStances, note.at("stance").get<std::string>()))
        check.problem("evidence note " + noteId + " has unknown stance");
      if (note.contains("when") && !isKnownCondition(note.at("when").get<std::string>()))
        check.problem("evidence note " + noteId + " has unknown condition " + note.at("when").dump());
    }
  }
  // Every triage of the engine has its headline rows (the last always applies, so a plan always
  // has a headline) and its line rows, and the content names no triage the engine lacks.
  for (const char* section : {"headlines", "triageTable"})
    for (const auto& entry : rules.at(section).items()) {
      const std::string& triage = entry.key();  // a name, not a structured binding: Clang 14 cannot capture those
      if (std::none_of(kTriages.begin(), kTriages.end(), [&](const TriageInfo& info) { return triage == info.id; }))
        check.problem(std::string(section) + " names " + triage + ", which is not a triage of the engine");
    }
  std::set<std::string> headlineIds;
  for (const TriageInfo& triage : kTriages) {
    const TriageRules& rows = content.table[static_cast<std::size_t>(triage.triage)];
    if (rows.headlines.empty()) check.problem(std::string("headlines has no rows for ") + triage.id);
    for (const RuleRow& row : rows.headlines) {
      headlineIds.insert(row.id);
      if (row.holds == nullptr) check.problem("headline " + row.id + " has unknown condition " + row.when);
    }
    if (!rows.headlines.empty() && rows.headlines.back().when != "always")
      check.problem(std::string("the last headline of ") + triage.id + " is not 'always'");
    if (!rules.at("triageTable").contains(triage.id))
      check.problem(std::string("triage table has no row list for ") + triage.id);
    if (rows.lines.size() > kMaxLinesPerTriage)
      check.problem(std::string("triage table ") + triage.id + " has more than " + std::to_string(kMaxLinesPerTriage) + " rows");
    for (const RuleRow& row : rows.lines) {
      const std::string where = std::string("triage table ") + triage.id + "/" + row.id;
      if (!rules.at("recommendations").contains(row.id)) check.problem(where + ": unknown recommendation");
      if (!contains(kLineKinds, row.kind)) check.problem(where + ": unknown kind");
      if (row.holds == nullptr) check.problem(where + ": unknown condition " + row.when);
      if (row.when != "always") conditionsUsed.insert(row.when);
    }
  }

  // The safety net: its line is a recommendation, each item has an id once and, when it has a
  // flag, a flag the engine knows that can newly appear (history cannot appear while someone waits).
  if (rules.contains("safetyNet")) {
    const json& net = rules.at("safetyNet");
    if (!rules.at("recommendations").contains(net.at("line").get<std::string>()))
      check.problem("safetyNet names line " + net.at("line").dump() + ", which is not a recommendation");
    std::set<std::string> itemIds;
    for (const json& item : net.at("items")) {
      if (!itemIds.insert(item.at("id").get<std::string>()).second) check.problem("safetyNet lists item " + item.at("id").dump() + " twice");
      if (!item.contains("flag")) continue;
      const auto info = std::find_if(kRedFlags.begin(), kRedFlags.end(), [&](const RedFlagInfo& x) { return item.at("flag") == x.key; });
      if (info == kRedFlags.end()) check.problem("safetyNet item " + item.at("id").dump() + " names an unknown flag");
      else if (!canNewlyAppear(info->flag)) check.problem("safetyNet item " + item.at("id").dump() + " names history, which cannot newly appear");
    }
  } else {
    check.problem("rules.json has no safetyNet");
  }

  // The red-flag groups the page asks by are the engine's flags: every flag once, in the
  // contract's order, each under the group the engine files it in, the groups in RedFlagGroup's order.
  std::size_t flagIndex = 0;
  int lastGroup = -1;
  for (const json& group : rules.at("redFlagGroups")) {
    const std::string id = group.at("group").get<std::string>();
    const auto known = std::find_if(kRedFlagGroupIds.begin(), kRedFlagGroupIds.end(),
                                    [&](const char* groupIdOf) { return id == groupIdOf; });
    const int index = static_cast<int>(known - kRedFlagGroupIds.begin());
    if (known == kRedFlagGroupIds.end()) check.problem("redFlagGroups names " + id + ", which is not a RedFlagGroup");
    else if (index <= lastGroup) check.problem("redFlagGroups lists " + id + " out of RedFlagGroup's order");
    lastGroup = std::max(lastGroup, index);
    for (const json& flag : group.at("flags")) {
      const std::string key = flag.get<std::string>();
      if (flagIndex >= kRedFlags.size()) {
        check.problem("redFlagGroups lists " + key + " beyond the engine's " + std::to_string(kRedFlagCount) + " flags");
        continue;
      }
      const RedFlagInfo& expected = kRedFlags[flagIndex++];
      if (key != expected.key) check.problem("redFlagGroups lists " + key + " where the engine has " + expected.key);
      else if (id != groupId(expected.group))
        check.problem("redFlagGroups files " + key + " under " + id + ", the engine under " + groupId(expected.group));
    }
  }
  if (flagIndex < kRedFlags.size())
    check.problem(std::string("redFlagGroups lacks ") + kRedFlags[flagIndex].key + " and every flag after it");
  if (content.languages.count(kDefaultLanguage) == 0) check.problem(std::string("no words for the default language ") + kDefaultLanguage);

  for (const auto& [code, words] : content.languages) {
    const std::string where = "lang/" + code + ".json";
    check.text(words, where, "/languageName");
    check.text(words, where, "/translationReview");
    check.inAudiences(words, where, "/disclaimer");
    for (const auto& [id, recommendation] : rules.at("recommendations").items()) {
      check.inAudiences(words, where, "/recommendations/" + id);
      check.text(words, where, "/recommendations/" + id + "/basis");
      // A line's short wording is optional per audience; where given, it is filled like the text.
      if (words.at("recommendations").contains(id) && words.at("recommendations").at(id).contains("short"))
        for (const auto& [audience, shortText] : words.at("recommendations").at(id).at("short").items()) {
          (void)shortText;
          check.text(words, where, "/recommendations/" + id + "/short/" + audience);
        }
    }
    // The safety net's words: a lead for every tier, a sign for every item of rules.json, per audience.
    if (rules.contains("safetyNet"))
      for (const char* audience : kAudienceIds) {
        const std::string net = "/recommendations/" + rules.at("safetyNet").at("line").get<std::string>() + "/safetyNet/" + audience;
        for (const char* tier : {"emergency", "emergencyRaised", "check-now", "urgent", "priority", "review"})
          check.text(words, where, net + "/leads/" + tier);
        for (const json& item : rules.at("safetyNet").at("items"))
          check.text(words, where, net + "/items/" + item.at("id").get<std::string>());
      }
    // A headline's own triage label, where given, is for a headline the content has, in both audiences.
    if (words.contains("headlineLabels"))
      for (const auto& [headline, label] : words.at("headlineLabels").items()) {
        (void)label;
        if (headlineIds.count(headline) == 0) check.problem(where + "/headlineLabels/" + headline + " is not a headline");
        check.inAudiences(words, where, "/headlineLabels/" + headline);
      }
    for (const std::string& noteId : noteIds) check.inAudiences(words, where, "/evidenceNotes/" + noteId);
    for (const InputField& field : kInputFields)
      for (const std::string& question : questionKeys(field))
        for (const char* part : {"text", "help", "short"})
          for (const char* audience : kAudienceIds)
            check.text(words, where, "/questions/" + question + "/" + audience + "/" + part);
    for (const std::string& headline : headlineIds) {
      check.inAudiences(words, where, "/headlines/" + headline);
      check.inAudiences(words, where, "/rationale/triage/" + headline);
    }
    for (const char* phrase :
         {"noRedFlags", "assessedStatus", "olderAge", "reviewPending", "reviewedOn", "careSoFar", "careNotStarted"})
      check.inAudiences(words, where, "/phrases/" + std::string(phrase));
    for (const std::string& condition : conditionsUsed)
      check.inAudiences(words, where, "/rationale/conditions/" + condition);
    for (const int number : referenceNumbers)
      check.text(words, where, "/references/" + std::to_string(number) + "/description");
    for (const json& reference : rules.at("references"))
      check.text(words, where, "/referenceKinds/" + reference.at("kind").get<std::string>());
    for (const char* kind : kLineKinds) check.inAudiences(words, where, "/kinds/" + std::string(kind));
    for (const char* stance : kStances) check.inAudiences(words, where, "/stances/" + std::string(stance));
    for (std::size_t rung = 0; rung < kTriages.size(); ++rung) {
      const TriageInfo& triage = kTriages[rung];
      check.inAudiences(words, where, "/triages/" + std::string(triage.id));
      check.inAudiences(words, where, "/triageRules/" + std::string(triage.id));
      // Each rule's words number it as the ladder does ("1. Emergency: ..."); the order itself
      // comes from the engine (contentJson's triageLadder), never from these numbers.
      const std::string number = std::to_string(rung + 1) + ". ";
      for (const char* audience : kAudienceIds) {
        const json::json_pointer at("/triageRules/" + std::string(triage.id) + "/" + audience);
        if (words.contains(at) && words.at(at).is_string() && words.at(at).get<std::string>().rfind(number, 0) != 0)
          check.problem(where + "/triageRules/" + triage.id + "/" + audience + " does not start with \"" + number +
                        "\", its rung on the engine's ladder");
      }
    }
    for (const std::string_view condition : knownConditions())
      check.inAudiences(words, where, "/conditionDescriptions/" + std::string(condition));
    for (const char* section : {"title", "purpose", "forWhom", "notFor", "pregnancy", "inputsChecked", "limits", "developer",
                                "funding", "dataUse", "attributes", "optionsComparison"})
      check.inAudiences(words, where, "/intendedUse/" + std::string(section));
    for (const char* group : kRedFlagGroupIds) check.inAudiences(words, where, "/groups/" + std::string(group));
    check.text(words, where, "/units/listSeparator");
    check.text(words, where, "/units/listLastSeparator");
    check.text(words, where, "/units/listLastSeparatorOr");
    for (const char* unit : {"listSeparatorStrong", "listLastSeparatorStrong", "listLastSeparatorOrStrong"})
      check.text(words, where, "/units/" + std::string(unit));
    check.text(words, where, "/units/week");
    check.text(words, where, "/units/decimalSeparator");
    check.text(words, where, "/units/weeks");
    for (const char* unit : {"lessThanADay", "about", "months", "years"}) check.text(words, where, "/units/" + std::string(unit));
    // The sentence templates the plan writer fills (planText): each worded once or per audience,
    // with only the values the plan writer offers that template; and each injection reason.
    for (const PlanTextTemplate& entry : kPlanTextTemplates) {
      const std::string pointer = "/planText/" + std::string(entry.key);
      const bool perAudience = words.contains(json::json_pointer(pointer)) && words.at(json::json_pointer(pointer)).is_object();
      for (const char* audience : kAudienceIds) {
        const std::string at = perAudience ? pointer + "/" + audience : pointer;
        if (!words.contains(json::json_pointer(at)) || !words.at(json::json_pointer(at)).is_string() ||
            words.at(json::json_pointer(at)).get<std::string>().empty()) {
          check.problem(where + at + " is missing or empty");
          break;
        }
        for (const std::string& name : templateNames(words.at(json::json_pointer(at)).get<std::string>()))
          if (name.empty() || !contains(entry.values, name))
            check.problem(where + at + " uses unknown placeholder {" + name + "}");
      }
    }
    for (const char* reason : kInjectionReasons) check.inAudiences(words, where, "/planText/injectionReasons/" + std::string(reason));
    check.text(words, where, "/sourceDocument");
    check.text(words, where, "/translationShort");
    if (content.interfaces.count(code) == 0) check.problem("ui/" + code + ".json is missing");
    // Every error the engine can report has its message, and no message is for a code it lacks.
    for (const ErrorCodeInfo& info : kErrorCodes) {
      const std::string_view error = info.name;
      // One message for both wordings, or one per wording.
      const std::string pointer = "/errors/" + std::string(error);
      const bool perAudience = words.contains(json::json_pointer(pointer)) && words.at(json::json_pointer(pointer)).is_object();
      for (const char* audience : kAudienceIds) {
        const std::string at = perAudience ? pointer + "/" + audience : pointer;
        if (!words.contains(json::json_pointer(at)) || !words.at(json::json_pointer(at)).is_string() ||
            words.at(json::json_pointer(at)).get<std::string>().empty()) {
          check.problem(where + at + " is missing or empty");
          break;
        }
        for (const std::string& name : templateNames(words.at(json::json_pointer(at)).get<std::string>()))
          if (!contains(kErrorValues, name)) check.problem(where + at + " uses unknown placeholder {" + name + "}");
      }
    }
    if (words.contains("errors"))
      for (const auto& item : words.at("errors").items())
        if (std::none_of(kErrorCodes.begin(), kErrorCodes.end(), [&](const ErrorCodeInfo& info) { return info.name == item.key(); }))
          check.problem(where + "/errors/" + item.key() + " is not an error code of the engine");
  }

  // Every language has exactly the keys of every other (a translation never silently falls short).
  const auto compareShapes = [&](const std::map<std::string, json>& files, const std::string& folder) {
    if (files.empty()) return;
    std::set<std::string> reference;
    collectLeaves(files.begin()->second, "", reference);
    for (const auto& [code, document] : files) {
      std::set<std::string> leaves;
      collectLeaves(document, "", leaves);
      for (const std::string& leaf : reference)
        if (leaves.count(leaf) == 0) check.problem(folder + code + ".json lacks " + leaf);
      for (const std::string& leaf : leaves)
        if (reference.count(leaf) == 0)
          check.problem(folder + code + ".json has " + leaf + ", which " + folder + files.begin()->first +
                        ".json lacks");
    }
  };
  // The release and review-due dates: real YYYY-MM-DD dates, the review due after the release.
  // (Whether the due date has passed is the page's to say, on the reader's day: the engine has no clock.)
  const auto dateOf = [&](const char* key) {
    const json* value = rules.contains(key) ? &rules.at(key) : nullptr;
    if (value == nullptr || !value->is_string() || !isIsoDate(value->get<std::string>())) {
      check.problem(std::string("rules.json ") + key + " is not a YYYY-MM-DD date");
      return std::string();
    }
    return value->get<std::string>();
  };
  const std::string released = dateOf("contentReleased"), due = dateOf("reviewDue");
  if (!released.empty() && !due.empty() && !(released < due))
    check.problem("rules.json reviewDue " + due + " is not after contentReleased " + released);
  // Each review record is complete: who, in what role, when, what, which version, and which
  // languages and wordings (clinician, patient) it covers.
  for (const json& record : content.review.at("reviews")) {
    for (const char* field : {"reviewer", "role", "scope", "contentVersion"})
      if (!record.contains(field) || !record.at(field).is_string() || record.at(field).get<std::string>().empty())
        check.problem(std::string("review record without ") + field);
    if (!record.contains("date") || !record.at("date").is_string() || !isIsoDate(record.at("date").get<std::string>()))
      check.problem("review record without a YYYY-MM-DD date");
    if (!record.contains("languages") || !record.at("languages").is_array() || record.at("languages").empty())
      check.problem("review record without languages");
    else
      for (const json& code : record.at("languages"))
        if (!code.is_string() || content.languages.count(code.get<std::string>()) == 0)
          check.problem("review record names a language the content lacks: " + code.dump());
    if (!record.contains("wordings") || !record.at("wordings").is_array() || record.at("wordings").empty())
      check.problem("review record without wordings");
    else
      for (const json& wording : record.at("wordings"))
        if (!wording.is_string() || !contains(kAudienceIds, wording.get<std::string>()))
          check.problem("review record names a wording that is not an audience: " + wording.dump());
  }
  checkOptionsGrid(content, problems);
  compareShapes(content.languages, "lang/");
  compareShapes(content.interfaces, "ui/");
  return problems;
}


}  // namespace radiculo
