// Builds the plan: the triage decides which rows of content/rules.json's triage table apply,
// each row's condition decides whether its line appears, and the language file words it for the
// audience. No clinical decision is made here; pathway.cpp makes them all.
#include "plan.h"

#include <map>
#include <set>
#include <string>

#include "pathway.h"
#include "text.h"
#include "version.h"
#include "what_would_change.h"

namespace radiculo {

using nlohmann::json;

namespace {

class PlanWriter {
 public:
  PlanWriter(const Assessment& assessment, const Content& content)
      : a_(assessment),
        rules_(content.rules),
        words_(content.languages.at(assessment.language)),
        audience_(assessment.audience == Audience::patient ? "patient" : "clinician"),
        triage_(decideTriage(assessment)) {
    fillValues();
  }

  // Built member by member: nlohmann's initializer lists cost several KB of WebAssembly each.
  json plan() const {
    json lines = recommendations();
    json plan;
    plan["ok"] = true;
    plan["triage"] = triageId(triage_);
    plan["headline"] = worded(words_.at("headlines").at(headlineKey()));
    plan["redFlagsPresent"] = flagKeys(flagsPresent(a_));
    plan["unanswered"] = flagKeys(flagsUnanswered(a_));
    plan["references"] = references(lines);
    plan["engineVersion"] = kEngineVersion;
    plan["contentVersion"] = rules_.at("contentVersion");
    plan["contentReviewed"] = rules_.at("contentReviewed");
    if (triage_ == Triage::conservative) plan["reassessInWeeks"] = weeksJson(reassessInWeeks(a_));
    plan["whatWouldChange"] = whatWouldChange(a_, rules_);
    plan["recommendations"] = std::move(lines);
    return plan;
  }

  static json flagKeys(const std::vector<RedFlag>& flags) {
    json keys = json::array();
    for (RedFlag flag : flags) keys.push_back(infoOf(flag).key);
    return keys;
  }

  std::string worded(const json& byAudience) const {
    return fillTemplate(byAudience.at(audience_).get<std::string>(), values_);
  }

  // "a, b and c"; for alternatives ("if any of these is yes") "a, b or c".
  std::string shortNames(const std::vector<RedFlag>& flags, const char* lastSeparator = "listLastSeparator") const {
    std::vector<std::string> names;
    for (RedFlag flag : flags)
      names.push_back(words_.at("questions").at(infoOf(flag).key).at(audience_).at("short").get<std::string>());
    const json& units = words_.at("units");
    return joinList(names, units.at("listSeparator").get<std::string>(), units.at(lastSeparator).get<std::string>());
  }

  std::string duration(double weeks) const {
    const json& units = words_.at("units");
    std::string number = formatNumber(weeks);
    if (const auto point = number.find('.'); point != std::string::npos)
      number.replace(point, 1, units.at("decimalSeparator").get<std::string>());
    return number + " " + units.at(weeks == 1 ? "week" : "weeks").get<std::string>();
  }

  void fillValues() {
    std::vector<RedFlag> unansweredCaudaEquina;
    for (RedFlag flag : flagsUnanswered(a_))
      if (infoOf(flag).group == RedFlagGroup::caudaEquina) unansweredCaudaEquina.push_back(flag);
    values_["redFlags"] = shortNames(flagsPresent(a_));
    values_["unanswered"] = shortNames(flagsUnanswered(a_), "listLastSeparatorOr");
    values_["unansweredCaudaEquina"] = shortNames(unansweredCaudaEquina, "listLastSeparatorOr");
    values_["reassessIn"] = duration(reassessInWeeks(a_));
    values_["careDuration"] = duration(a_.conservativeCareWeeks);
    if (a_.symptomWeeks) values_["symptomDuration"] = duration(*a_.symptomWeeks);
    if (a_.painScore) values_["painScore"] = std::to_string(*a_.painScore);
    if (a_.herniation) {
      static constexpr const char* kLevels[] = {"L1-L2", "L2-L3", "L3-L4", "L4-L5", "L5-S1"};
      values_["herniationLevel"] = kLevels[static_cast<int>(a_.herniation->level)];
    }
  }

  std::string headlineKey() const {
    switch (triage_) {
      case Triage::emergency: return "emergency";
      case Triage::outOfScope: return flagsPresent(a_).empty() ? "outOfScope" : "outOfScopeRedFlag";
      case Triage::urgent: return "urgent";
      case Triage::incomplete: {
        for (RedFlag flag : flagsUnanswered(a_))
          if (infoOf(flag).group == RedFlagGroup::caudaEquina) return "incompleteCaudaEquina";
        return "incomplete";
      }
      case Triage::reassess: return "reassess";
      case Triage::conservative: return a_.improving ? "conservativeImproving" : "conservative";
    }
    return "conservative";
  }

  // Why a line appears: the triage's reason, then the row's own condition when it has one.
  std::string rationale(const std::string& condition) const {
    std::string text = worded(words_.at("rationale").at("triage").at(headlineKey() == "incompleteCaudaEquina"
                                                                          ? "incomplete"
                                                                          : headlineKey()));
    if (condition != "always") text += " " + worded(words_.at("rationale").at("conditions").at(condition));
    return text;
  }

  json evidenceNotes(const std::string& id) const {
    json notes = json::array();
    if (!rules_.at("evidenceNotes").contains(id)) return notes;
    for (const json& note : rules_.at("evidenceNotes").at(id)) {
      if (note.contains("when") && !conditionHolds(note.at("when").get<std::string>(), a_)) continue;
      json entry;
      entry["stance"] = note.at("stance");
      entry["text"] = worded(words_.at("evidenceNotes").at(note.at("id").get<std::string>()));
      entry["citations"] = note.at("citations");
      notes.push_back(std::move(entry));
    }
    return notes;
  }

  json recommendations() const {
    json lines = json::array();
    for (const json& row : applicableRows(a_, rules_)) {
      const std::string condition = row.at("when").get<std::string>();
      const std::string id = row.at("id").get<std::string>();
      const json& recommendation = words_.at("recommendations").at(id);
      json line;
      line["id"] = id;
      line["kind"] = row.at("kind");
      line["text"] = worded(recommendation);
      line["rationale"] = rationale(condition);
      line["basis"] = fillTemplate(recommendation.at("basis").get<std::string>(), values_);
      line["citations"] = rules_.at("recommendations").at(id).at("citations");
      line["evidenceNotes"] = evidenceNotes(id);
      lines.push_back(std::move(line));
    }
    return lines;
  }

  // The references this plan cites (its lines and their evidence notes), in number order.
  json references(const json& lines) const {
    std::set<int> cited;
    for (const json& line : lines) {
      for (const json& number : line.at("citations")) cited.insert(number.get<int>());
      for (const json& note : line.at("evidenceNotes"))
        for (const json& number : note.at("citations")) cited.insert(number.get<int>());
    }
    json list = json::array();
    for (const json& reference : rules_.at("references")) {
      const int number = reference.at("number").get<int>();
      if (cited.count(number) == 0) continue;
      json entry = reference;
      entry["description"] = words_.at("references").at(std::to_string(number)).at("description");
      list.push_back(entry);
    }
    return list;
  }

  const Assessment& a_;
  const json& rules_;
  const json& words_;
  std::string audience_;
  Triage triage_;
  std::map<std::string, std::string> values_;
};

}  // namespace

json buildPlan(const Assessment& assessment, const Content& content) { return PlanWriter(assessment, content).plan(); }

std::vector<json> applicableRows(const Assessment& assessment, const json& rules) {
  std::vector<json> rows;
  for (const json& row : rules.at("triageTable").at(std::string(triageId(decideTriage(assessment)))))
    if (conditionHolds(row.at("when").get<std::string>(), assessment)) rows.push_back(row);
  return rows;
}

std::vector<std::string> lineIds(const Assessment& assessment, const json& rules) {
  std::vector<std::string> ids;
  for (const json& row : applicableRows(assessment, rules)) ids.push_back(row.at("id").get<std::string>());
  return ids;
}

}  // namespace radiculo
