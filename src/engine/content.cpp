#include "content.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "assessment.h"
#include "embedded_content.h"
#include "input_fields.h"
#include "pathway.h"
#include "text.h"

namespace radiculo {

using nlohmann::json;

namespace {

std::string codeOf(const std::string& fileName) {
  const std::size_t slash = fileName.rfind('/');
  const std::size_t dot = fileName.rfind('.');
  return fileName.substr(slash + 1, dot - slash - 1);
}

// rules.json's `headlines` and `triageTable` for each triage, as rows with their conditions looked
// up. A triage or a condition the content lacks stays empty or null: the self-check reports it.
RuleTable ruleTable(const json& rules) {
  RuleTable table;
  const auto rows = [&](const char* section, const TriageInfo& triage, std::vector<RuleRow>& out) {
    const json& byTriage = rules.at(section);
    const auto found = byTriage.find(triage.id);
    if (found == byTriage.end()) return;
    for (const json& row : *found) {
      RuleRow read;
      read.id = row.at("id").get<std::string>();
      read.kind = row.value("kind", "");
      read.when = row.at("when").get<std::string>();
      read.holds = conditionPredicate(read.when);
      out.push_back(std::move(read));
    }
  };
  for (const TriageInfo& triage : kTriages) {
    TriageRules& rulesOf = table[static_cast<std::size_t>(triage.triage)];
    rows("headlines", triage, rulesOf.headlines);
    rows("triageTable", triage, rulesOf.lines);
  }
  return table;
}

Content parseEmbedded() {
  Content parsed;
  parsed.rules = json::parse(embedded::kRules.text);
  parsed.table = ruleTable(parsed.rules);
  parsed.review = json::parse(embedded::kReview.text);
  for (std::size_t i = 0; i < embedded::kLanguageCount; ++i)
    parsed.languages[codeOf(embedded::kLanguages[i].name)] = json::parse(embedded::kLanguages[i].text);
  for (std::size_t i = 0; i < embedded::kInterfaceCount; ++i)
    parsed.interfaces[codeOf(embedded::kInterfaces[i].name)] = json::parse(embedded::kInterfaces[i].text);
  return parsed;
}

const std::set<std::string> kKinds{"emergency", "urgent", "do", "consider", "avoid", "caution"};
const std::set<std::string> kStances{"agrees", "differs", "conflicts"};
const std::vector<std::string> kAudiences{"clinician", "patient"};
// The values plan.cpp offers to templates.
// Durations carry their unit ("1 week", "3.5 weeks"), so no template says "1 weeks".
const std::set<std::string> kTemplateValues{
    "reviewDate",
    "redFlags",         "unanswered",       "unansweredEmergency", "unansweredSameDay", "sameDayPending",
    "priorityFindings", "assessedFindings", "redFlagStatus",       "reassessIn",        "painScore",
    "symptomDuration",  "careDuration",     "herniationLevel"};

std::vector<std::string> triageIds() {
  std::vector<std::string> ids;
  for (const TriageInfo& triage : kTriages) ids.emplace_back(triage.id);
  return ids;
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

  // A non-empty string at `pointer`, using only the values plan.cpp provides.
  void text(const json& document, const std::string& where, const std::string& pointer) {
    const json::json_pointer at(pointer);
    if (!document.contains(at) || !document.at(at).is_string() || document.at(at).get<std::string>().empty()) {
      problem(where + pointer + " is missing or empty");
      return;
    }
    for (const std::string& name : templateNames(document.at(at).get<std::string>()))
      if (kTemplateValues.count(name) == 0) problem(where + pointer + " uses unknown placeholder {" + name + "}");
  }

  void inAudiences(const json& document, const std::string& where, const std::string& pointer) {
    for (const std::string& audience : kAudiences) text(document, where, pointer + "/" + audience);
  }

 private:
  std::vector<std::string>& problems_;
};

}  // namespace

std::vector<std::string> Content::languageCodes() const {
  std::vector<std::string> codes;
  for (const auto& [code, words] : languages) codes.push_back(code);
  return codes;
}

std::string reviewStatus(const Content& content, const std::string& language, const std::string& audience) {
  const json& phrases = content.languages.at(language).at("phrases");
  const json reviewed = content.reviewedOn(language);
  if (reviewed.is_null()) return phrases.at("reviewPending").at(audience).get<std::string>();
  return fillTemplate(phrases.at("reviewedOn").at(audience).get<std::string>(), {{"reviewDate", reviewed.get<std::string>()}});
}

json wordedReference(const json& reference, const json& rules, const json& words) {
  json entry = reference;
  entry["description"] = words.at("references").at(std::to_string(reference.at("number").get<int>())).at("description");
  entry["kind"] = words.at("referenceKinds").at(reference.at("kind").get<std::string>());
  entry["titleLanguage"] = rules.at("referenceTitleLanguage");
  return entry;
}

json Content::reviewedOn(const std::string& language) const {
  json latest = nullptr;
  for (const json& record : review.at("reviews")) {
    if (record.at("contentVersion") != rules.at("contentVersion")) continue;
    const json& covered = record.at("languages");
    if (std::find(covered.begin(), covered.end(), language) == covered.end()) continue;
    if (latest.is_null() || record.at("date").get<std::string>() > latest.get<std::string>()) latest = record.at("date");
  }
  return latest;
}

const Content& content() {
  static const Content parsed = parseEmbedded();
  return parsed;
}

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
      if (kStances.count(note.at("stance").get<std::string>()) == 0)
        check.problem("evidence note " + noteId + " has unknown stance");
      if (note.contains("when") && !isKnownCondition(note.at("when").get<std::string>()))
        check.problem("evidence note " + noteId + " has unknown condition " + note.at("when").dump());
    }
  }
  // Each triage has headline rows; the last always applies, so a plan always has a headline.
  std::set<std::string> headlineIds;
  for (const std::string& triage : triageIds()) {
    if (!rules.at("headlines").contains(triage) || rules.at("headlines").at(triage).empty()) {
      check.problem("headlines has no rows for " + triage);
      continue;
    }
    const json& rows = rules.at("headlines").at(triage);
    for (const json& row : rows) {
      headlineIds.insert(row.at("id").get<std::string>());
      if (!isKnownCondition(row.at("when").get<std::string>()))
        check.problem("headline " + row.at("id").get<std::string>() + " has unknown condition " + row.at("when").dump());
    }
    if (rows.back().at("when") != "always") check.problem("the last headline of " + triage + " is not 'always'");
  }
  for (const std::string& triage : triageIds()) {
    if (!rules.at("triageTable").contains(triage)) {
      check.problem("triage table has no row list for " + triage);
      continue;
    }
    for (const json& row : rules.at("triageTable").at(triage)) {
      const std::string id = row.at("id").get<std::string>();
      const std::string when = row.at("when").get<std::string>();
      const std::string where = "triage table " + triage + "/" + id;
      if (!rules.at("recommendations").contains(id)) check.problem(where + ": unknown recommendation");
      if (kKinds.count(row.at("kind").get<std::string>()) == 0) check.problem(where + ": unknown kind");
      if (!isKnownCondition(when)) check.problem(where + ": unknown condition " + when);
      if (when != "always") conditionsUsed.insert(when);
    }
  }

  for (const auto& [code, words] : content.languages) {
    const std::string where = "lang/" + code + ".json";
    check.text(words, where, "/languageName");
    check.text(words, where, "/translationReview");
    check.inAudiences(words, where, "/disclaimer");
    for (const auto& [id, recommendation] : rules.at("recommendations").items()) {
      check.inAudiences(words, where, "/recommendations/" + id);
      check.text(words, where, "/recommendations/" + id + "/basis");
    }
    for (const std::string& noteId : noteIds) check.inAudiences(words, where, "/evidenceNotes/" + noteId);
    for (const InputField& field : kInputFields)
      for (const std::string& question : questionKeys(field))
        for (const char* part : {"text", "help", "short"})
          for (const std::string& audience : kAudiences)
            check.text(words, where, "/questions/" + question + "/" + audience + "/" + part);
    for (const std::string& headline : headlineIds) {
      check.inAudiences(words, where, "/headlines/" + headline);
      check.inAudiences(words, where, "/rationale/triage/" + headline);
    }
    for (const char* phrase : {"noRedFlags", "assessedStatus", "olderAge", "reviewPending", "reviewedOn"})
      check.inAudiences(words, where, "/phrases/" + std::string(phrase));
    for (const std::string& condition : conditionsUsed)
      check.inAudiences(words, where, "/rationale/conditions/" + condition);
    for (const int number : referenceNumbers)
      check.text(words, where, "/references/" + std::to_string(number) + "/description");
    for (const json& reference : rules.at("references"))
      check.text(words, where, "/referenceKinds/" + reference.at("kind").get<std::string>());
    for (const std::string& kind : kKinds) check.inAudiences(words, where, "/kinds/" + kind);
    for (const std::string& stance : kStances) check.inAudiences(words, where, "/stances/" + stance);
    for (const std::string& triage : triageIds()) {
      check.inAudiences(words, where, "/triages/" + triage);
      check.inAudiences(words, where, "/triageRules/" + triage);
    }
    for (const std::string_view condition : knownConditions())
      check.inAudiences(words, where, "/conditionDescriptions/" + std::string(condition));
    for (const char* section : {"title", "purpose", "forWhom", "notFor", "inputsChecked", "limits", "developer",
                                "funding", "dataUse", "attributes"})
      check.inAudiences(words, where, "/intendedUse/" + std::string(section));
    for (const auto& group : rules.at("redFlagGroups"))
      check.inAudiences(words, where, "/groups/" + group.at("group").get<std::string>());
    check.text(words, where, "/units/listSeparator");
    check.text(words, where, "/units/listLastSeparator");
    check.text(words, where, "/units/listLastSeparatorOr");
    for (const char* unit : {"listSeparatorStrong", "listLastSeparatorStrong", "listLastSeparatorOrStrong"})
      check.text(words, where, "/units/" + std::string(unit));
    check.text(words, where, "/units/week");
    check.text(words, where, "/units/decimalSeparator");
    check.text(words, where, "/units/weeks");
    if (content.interfaces.count(code) == 0) check.problem("ui/" + code + ".json is missing");
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
  // Each review record is complete: who, in what role, when, what, which version and languages.
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
  }
  compareShapes(content.languages, "lang/");
  compareShapes(content.interfaces, "ui/");
  return problems;
}

}  // namespace radiculo
