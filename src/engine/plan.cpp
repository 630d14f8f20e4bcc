// Builds the plan: the triage decides which rows of content/rules.json's triage table apply,
// each row's condition decides whether its line appears, and the language file words it for the
// audience. No clinical decision is made here; pathway.cpp makes them all.
#include "plan.h"

#include <cmath>
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
        content_(content),
        reviewed_(content.reviewedOn(assessment.language)),
        words_(content.languages.at(assessment.language)),
        audience_(assessment.audience == Audience::patient ? "patient" : "clinician"),
        triage_(decideTriage(assessment)),
        headlineKey_(chooseHeadline()) {
    fillValues();
  }

  // Built member by member: nlohmann's initializer lists cost several KB of WebAssembly each.
  json plan() const {
    json lines = recommendations();
    json plan;
    plan["ok"] = true;
    plan["triage"] = triageId(triage_);
    plan["language"] = a_.language;  // the words it was given in, for whoever places them
    plan["audience"] = audience_;
    plan["headline"] = worded(words_.at("headlines").at(headlineKey_));
    plan["redFlagsPresent"] = flagKeys(flagsPresent(a_));
    json unanswered = json::array();
    for (std::string_view key : unansweredKeys(a_)) unanswered.push_back(key);
    plan["unanswered"] = unanswered;
    plan["assessedFindings"] = assessedKeys();
    plan["references"] = references(lines);
    plan["engineVersion"] = kEngineVersion;
    plan["contentVersion"] = rules_.at("contentVersion");
    plan["contentReviewed"] = reviewed_;
    plan["reviewStatus"] = reviewStatus(content_, a_.language, audience_);
    if (triage_ == Triage::conservative) plan["reassessInWeeks"] = reassessInWeeks(a_);
    plan["whatWouldChange"] = whatWouldChange(a_, rules_);
    plan["recommendations"] = std::move(lines);
    return plan;
  }

  static json flagKeys(const std::vector<RedFlag>& flags) {
    json keys = json::array();
    for (RedFlag flag : flags) keys.push_back(infoOf(flag).key);
    return keys;
  }

  // The findings a clinician has assessed, in the contract's order, olderAge last.
  json assessedKeys() const {
    json keys = json::array();
    for (const RedFlagInfo& info : kRedFlags)
      if (a_.assessed.flags[static_cast<std::size_t>(info.flag)]) keys.push_back(info.key);
    if (a_.assessed.olderAge) keys.push_back(kOlderAgeFinding);
    return keys;
  }

  std::string worded(const json& byAudience) const {
    return fillTemplate(byAudience.at(audience_).get<std::string>(), values_);
  }

  // The short name of a question ("fever", "your age") in this language and audience.
  std::string shortName(std::string_view key) const {
    return words_.at("questions").at(std::string(key)).at(audience_).at("short").get<std::string>();
  }

  // "a, b and c"; for alternatives ("if any of these is yes") "a, b or c". When a name holds a
  // separator itself ("bladder or bowel disturbance"), the list is joined with semicolons
  // ("a; b or c; or d"), or for two names "a or b, and c", so that no reader takes one name for two.
  std::string joined(const std::vector<std::string>& names, const std::string& lastSeparator = "listLastSeparator") const {
    const json& units = words_.at("units");
    bool nested = false;
    for (const std::string& name : names)
      for (const char* separator : {"listSeparator", "listLastSeparator", "listLastSeparatorOr"})
        nested = nested || name.find(units.at(separator).get<std::string>()) != std::string::npos;
    if (!nested) return joinList(names, units.at("listSeparator").get<std::string>(), units.at(lastSeparator).get<std::string>());
    // Two names: "a, and b" (a semicolon before the only "and" reads as a mistake).
    if (names.size() == 2) {
      const std::string last = units.at(lastSeparator).get<std::string>();
      return names[0] + units.at("listSeparator").get<std::string>() + last.substr(last.find_first_not_of(' ')) + names[1];
    }
    return joinList(names, units.at("listSeparatorStrong").get<std::string>(),
                    units.at(lastSeparator + "Strong").get<std::string>());
  }

  std::string shortNames(const std::vector<RedFlag>& flags, const std::string& lastSeparator = "listLastSeparator") const {
    std::vector<std::string> names;
    for (RedFlag flag : flags) names.push_back(shortName(infoOf(flag).key));
    return joined(names, lastSeparator);
  }

  // Priority findings by name; older age is worded as a finding ("age 60 or over").
  std::string findingNames(const std::vector<RedFlag>& flags, bool olderAge) const {
    std::vector<std::string> names;
    for (RedFlag flag : flags) names.push_back(shortName(infoOf(flag).key));
    if (olderAge) names.push_back(worded(words_.at("phrases").at("olderAge")));
    return joined(names);
  }

  // A duration as people say it: under 2 weeks in whole days ("3 days", "1 day"); from 2 weeks
  // in weeks, whole for patients ("3 weeks"), to two decimals for clinicians ("2.5 weeks").
  std::string duration(double weeks, bool daysBelowTwoWeeks = true) const {
    const json& units = words_.at("units");
    if (daysBelowTwoWeeks && weeks < 2) {
      const long days = std::lround(weeks * 7);
      return std::to_string(days) + " " + units.at(days == 1 ? "day" : "days").get<std::string>();
    }
    std::string number = formatNumber(audience_ == "patient" ? std::round(weeks) : weeks);
    if (const auto point = number.find('.'); point != std::string::npos)
      number.replace(point, 1, units.at("decimalSeparator").get<std::string>());
    return number + " " + units.at(number == "1" ? "week" : "weeks").get<std::string>();
  }

  void fillValues() {
    std::vector<std::string> unanswered;
    for (std::string_view key : unansweredKeys(a_)) unanswered.push_back(shortName(key));
    std::vector<RedFlag> sameDayPending = flagsPresent(a_, Urgency::sameDay);
    for (RedFlag flag : flagsUnanswered(a_, Urgency::sameDay)) sameDayPending.push_back(flag);
    std::vector<RedFlag> assessed;
    for (const RedFlagInfo& info : kRedFlags)
      if (a_.assessed.flags[static_cast<std::size_t>(info.flag)]) assessed.push_back(info.flag);
    const PriorityFindings open = openPriorityFindings(a_);

    values_["redFlags"] = shortNames(flagsPresent(a_));
    values_["unanswered"] = joined(unanswered, "listLastSeparatorOr");
    values_["unansweredEmergency"] = shortNames(flagsUnanswered(a_, Urgency::emergency), "listLastSeparatorOr");
    values_["unansweredSameDay"] = shortNames(flagsUnanswered(a_, Urgency::sameDay), "listLastSeparatorOr");
    values_["sameDayPending"] = shortNames(sameDayPending);
    values_["priorityFindings"] = findingNames(open.flags, open.olderAge);
    values_["assessedFindings"] = findingNames(assessed, a_.assessed.olderAge);
    values_["reassessIn"] = duration(reassessInWeeks(a_), false);  // a review point: "1 week", not "7 days"
    values_["careDuration"] = duration(a_.conservativeCareWeeks);
    if (a_.symptomWeeks) values_["symptomDuration"] = duration(*a_.symptomWeeks);
    if (a_.painScore) values_["painScore"] = std::to_string(*a_.painScore);
    if (a_.herniation) {
      static constexpr const char* kLevels[] = {"L1-L2", "L2-L3", "L3-L4", "L4-L5", "L5-S1"};
      values_["herniationLevel"] = kLevels[static_cast<int>(a_.herniation->level)];
    }
    // "No red flags" is said only when it is true as it stands: never for a finding a clinician
    // has assessed (including older age).
    values_["redFlagStatus"] = worded(words_.at("phrases").at(a_.assessed.any() ? "assessedStatus" : "noRedFlags"));
  }

  // The first headline row of this triage whose condition holds (content/rules.json).
  std::string chooseHeadline() const {
    for (const json& row : rules_.at("headlines").at(std::string(triageId(triage_))))
      if (conditionHolds(row.at("when").get<std::string>(), a_)) return row.at("id").get<std::string>();
    return {};
  }

  // Why a line appears: the triage's reason, then the row's own condition when it has one.
  std::string rationale(const std::string& condition) const {
    std::string text = worded(words_.at("rationale").at("triage").at(headlineKey_));
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
      json entry = wordedReference(reference, rules_, words_);
      list.push_back(entry);
    }
    return list;
  }

  const Assessment& a_;
  const json& rules_;
  const Content& content_;
  json reviewed_;  // the clinical review date on record for this version and language, or null
  const json& words_;
  std::string audience_;
  Triage triage_;
  std::string headlineKey_;  // the headline row chosen, which also names the triage's rationale
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
