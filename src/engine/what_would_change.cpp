#include "what_would_change.h"

#include <algorithm>
#include <string>
#include <vector>

#include "pathway.h"
#include "text.h"

namespace radiculo {

using nlohmann::json;

namespace {

Assessment withAnswer(Assessment a, RedFlag flag, bool answer) {
  a.redFlags[static_cast<std::size_t>(flag)] = answer;
  return a;
}

}  // namespace

Triage triageIfYes(const Assessment& a, RedFlag flag) { return decideTriage(withAnswer(a, flag, true)); }

namespace {

// For each red flag in `flags`: the triage a "yes" would bring, when it differs from now, the
// most serious first (ties keep the contract's order).
json ifYes(const Assessment& a, Triage now, const std::vector<RedFlag>& flags) {
  std::vector<std::pair<RedFlag, Triage>> changes;
  for (RedFlag flag : flags) {
    const Triage then = triageIfYes(a, flag);
    if (then != now) changes.emplace_back(flag, then);
  }
  std::stable_sort(changes.begin(), changes.end(),
                   [](const auto& x, const auto& y) { return moreSerious(x.second, y.second); });
  json list = json::array();
  for (const auto& [flag, then] : changes) {
    json entry;
    entry["flag"] = infoOf(flag).key;
    entry["triageIfYes"] = triageId(then);
    list.push_back(std::move(entry));
  }
  return list;
}

// The flags answered no that could turn yes while the person waits: symptoms, not history.
std::vector<RedFlag> couldAppear(const Assessment& a) {
  std::vector<RedFlag> flags;
  for (const RedFlagInfo& info : kRedFlags)
    if (a.answer(info.flag) == false && canNewlyAppear(info.flag)) flags.push_back(info.flag);
  return flags;
}

std::vector<std::string> lineIds(const Decision& decision) {
  std::vector<std::string> ids;
  for (const RuleRow* row : decision.lineRows()) ids.push_back(row->id);
  return ids;
}

// The lines a change of answers would add and remove; nothing when it changes no line.
json lineChange(const Decision& now, const Assessment& then, const json& change, const RuleTable& table) {
  const Decision next = decide(then, table);
  const std::vector<std::string> before = lineIds(now);
  const std::vector<std::string> after = lineIds(next);
  json adds = json::array();
  json removes = json::array();
  for (const std::string& id : after)
    if (std::find(before.begin(), before.end(), id) == before.end()) adds.push_back(id);
  for (const std::string& id : before)
    if (std::find(after.begin(), after.end(), id) == after.end()) removes.push_back(id);
  if (adds.empty() && removes.empty()) return nullptr;
  json result;
  result["change"] = change;
  result["triage"] = triageId(next.triage);
  result["adds"] = adds;
  result["removes"] = removes;
  return result;
}

}  // namespace

json whatWouldChange(const Assessment& a, const Decision& decision, const RuleTable& table) {
  const Triage now = decision.triage;
  const std::vector<RedFlag> unanswered = flagsUnanswered(a);

  // Best and worst case of the open answers: every unanswered flag no / yes, and a missing age
  // the youngest adult / the first older age.
  Assessment allNo = a;
  Assessment allYes = a;
  for (RedFlag flag : unanswered) {
    allNo = withAnswer(allNo, flag, false);
    allYes = withAnswer(allYes, flag, true);
  }
  if (!a.ageYears) {
    allNo.ageYears = kAdultAge;
    allYes.ageYears = kOlderAge;
  }
  json result;
  result["askNext"] = ifYes(a, now, unanswered);
  result["bestTriage"] = triageId(decideTriage(allNo));
  result["worstTriage"] = triageId(decideTriage(allYes));

  if (now == Triage::conservative) {
    result["returnEarlyIf"] = ifYes(a, now, couldAppear(a));
    // Not improving by the 6-week mark: what the plan becomes then (the key keeps the number of
    // kConservativeWeeks in its name: it is part of the public plan JSON).
    Assessment later = a;
    later.improving = false;
    later.conservativeCareWeeks = std::max(a.conservativeCareWeeks, kConservativeWeeks);
    if (later.symptomWeeks) later.symptomWeeks = std::max(*later.symptomWeeks, later.conservativeCareWeeks);
    result["ifNotImprovingAt6Weeks"] = triageId(decideTriage(later));
  }

  if (now == Triage::reassess) {
    json whatIf = json::array();
    Assessment candidate = a;
    candidate.procedureCandidate = true;
    json becomesCandidate;
    becomesCandidate["procedureCandidate"] = true;
    if (!a.procedureCandidate) whatIf.push_back(lineChange(decision, candidate, becomesCandidate, table));
    // A contained herniation below L3 on imaging, for a candidate (the injection's criteria [4]).
    for (std::size_t i = 0; i < kHerniationLevels.size(); ++i) {
      const auto level = static_cast<HerniationLevel>(i);
      if (!belowL3(level)) continue;
      Assessment imaged = candidate;
      imaged.herniation = Herniation{true, level};
      json change = becomesCandidate;
      change["herniation"]["contained"] = true;
      change["herniation"]["level"] = herniationLevelId(level);
      whatIf.push_back(lineChange(decision, imaged, change, table));
    }
    json kept = json::array();
    for (json& entry : whatIf)
      if (!entry.is_null() && std::find(kept.begin(), kept.end(), entry) == kept.end()) kept.push_back(entry);
    result["whatIf"] = kept;
    // For a candidate without the injection line, the criteria it misses (for clinicians).
    if (a.procedureCandidate) {
      json reasons = json::array();
      for (std::string_view reason : injectionCriteriaNotMet(a)) reasons.push_back(reason);
      if (!reasons.empty()) result["injectionNotOffered"] = reasons;
    }
  }
  return result;
}

}  // namespace radiculo
