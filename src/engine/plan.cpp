// Builds the plan from the pathway's decision (the triage, the headline row and the line rows that
// apply, pathway.h); the language file words it for the audience. No clinical decision is made
// here; pathway.cpp makes them all.
#include "plan.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "input_fields.h"
#include "options_grid.h"
#include "pathway.h"
#include "text.h"
#include "version.h"
#include "what_would_change.h"

namespace radiculo {

using nlohmann::json;

namespace {

// A duration as people say it: under 2 weeks in whole days ("3 days", "1 day"; "less than a day",
// never "0 days"); from 2 weeks in weeks, whole for patients ("3 weeks"), to two decimals for
// clinicians ("2.5 weeks"). Past 12 weeks a patient reads months, then years, as the duration
// picker offers them ("about 5 months", "about 2 years"): never fewer than 3 months, so the
// words never fall back across the 12-week line a plan draws.
std::string wordedDuration(double weeks, const json& units, const std::string& audience, bool daysBelowTwoWeeks = true) {
  // In days only when it is a whole number of days (1.5 weeks is not "11 days"): shown exactly.
  const bool wholeDays = std::abs(weeks * 7 - std::round(weeks * 7)) < 1e-9;
  if (daysBelowTwoWeeks && weeks < 2 && wholeDays) {
    const long days = std::lround(weeks * 7);
    if (days == 0) return units.at("lessThanADay").get<std::string>();
    return std::to_string(days) + " " + units.at(days == 1 ? "day" : "days").get<std::string>();
  }
  if (audience == "patient" && weeks > 12) {
    constexpr double kWeeksPerMonth = 365.25 / 12 / 7, kWeeksPerYear = 365.25 / 7;
    const long months = std::max(3L, std::lround(weeks / kWeeksPerMonth));
    if (months < 24) return units.at("about").get<std::string>() + std::to_string(months) + " " + units.at("months").get<std::string>();
    return units.at("about").get<std::string>() + std::to_string(std::lround(weeks / kWeeksPerYear)) + " " +
           units.at("years").get<std::string>();
  }
  std::string number = formatNumber(audience == "patient" && weeks >= 2 ? std::round(weeks) : weeks);
  if (const auto point = number.find('.'); point != std::string::npos)
    number.replace(point, 1, units.at("decimalSeparator").get<std::string>());
  return number + " " + units.at(number == "1" ? "week" : "weeks").get<std::string>();
}

// Does `text` open with `words`, ignoring the case of ASCII letters ("Other guidelines agree ...")?
bool opensWith(const std::string& text, const std::string& words) {
  if (text.size() < words.size()) return false;
  for (std::size_t i = 0; i < words.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(text[i])) != std::tolower(static_cast<unsigned char>(words[i]))) return false;
  return true;
}

// A label of content/ui or a template of content/lang "planText": worded for the audience, or the
// same for both.
std::string uiLabel(const json& ui, const std::string& key, const std::string& audience) {
  const json& value = ui.at(key);
  return value.is_object() ? value.at(audience).get<std::string>() : value.get<std::string>();
}

class PlanWriter {
 public:
  PlanWriter(const Assessment& assessment, const Decision& decision, json whatWouldChange, const Content& content)
      : a_(assessment),
        decision_(decision),
        rules_(content.rules),
        content_(content),
        reviewed_(content.reviewedOn(assessment.language, audienceId(assessment.audience))),
        lang_(content.languages.at(assessment.language)),
        ui_(content.interfaces.at(assessment.language)),
        audience_(audienceId(assessment.audience)),
        triage_(decision.triage),
        headlineKey_(decision.headline != nullptr ? decision.headline->id : std::string()),
        whatWouldChange_(std::move(whatWouldChange)) {
    fillValues();
  }

  // Built member by member: nlohmann's initializer lists cost several KB of WebAssembly each.
  json plan() const {
    json lines = recommendations();
    json plan;
    plan["ok"] = true;
    plan["triage"] = triageId(triage_);
    plan["triageLabel"] = planTriageLabel();
    plan["alert"] = infoOf(triage_).alert;  // action within the day: a surface announces it as an alert
    plan["language"] = a_.language;  // the words it was given in, for whoever places them
    plan["audience"] = audience_;
    plan["headline"] = worded(lang_.at("headlines").at(headlineKey_));
    // Why this plan: said once here; each line's rationale repeats it before its own reason (ownReason).
    plan["reason"] = worded(lang_.at("rationale").at("triage").at(headlineKey_));
    plan["redFlagsPresent"] = flagKeys(flagsPresent(a_));
    json unanswered = json::array();
    for (std::string_view key : unansweredKeys(a_)) unanswered.push_back(key);
    plan["unanswered"] = unanswered;
    plan["assessedFindings"] = assessedKeys();
    // The options comparison: only where the content shows it, on a rung no red flag decides.
    const bool options = showsOptionsGrid(a_, triage_, content_);
    if (options) plan["options"] = optionsGrid(content_, a_.language, audience_);
    plan["references"] = references(lines, options);
    plan["engineVersion"] = kEngineVersion;
    plan["contentVersion"] = rules_.at("contentVersion");
    plan["contentReviewed"] = reviewed_;
    plan["reviewStatus"] = reviewStatus(content_, a_.language, audience_);
    if (const auto weeks = reviewInWeeks(a_, triage_)) plan["reassessInWeeks"] = *weeks;
    plan["whatWouldChange"] = wordedChange();
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
      if (a_.assessedFindings.flags[static_cast<std::size_t>(info.flag)]) keys.push_back(info.key);
    if (a_.assessedFindings.olderAge) keys.push_back(kOlderAgeFinding);
    return keys;
  }

  std::string worded(const json& byAudience) const {
    return fillTemplate(byAudience.at(audience_).get<std::string>(), values_);
  }

  std::string ui(const std::string& key) const { return uiLabel(ui_, key, audience_); }

  // A sentence template of content/lang "planText", the words this writer fills into the plan.
  std::string planText(const std::string& key) const { return uiLabel(lang_.at("planText"), key, audience_); }

  std::string triageLabel(std::string_view id) const { return lang_.at("triages").at(std::string(id)).at(audience_).get<std::string>(); }

  // The plan's own triage label: its headline's, where the content gives that headline one (a
  // long-standing plan says "review and referral", as its headline does), else its triage's.
  std::string planTriageLabel() const {
    if (lang_.contains("headlineLabels") && lang_.at("headlineLabels").contains(headlineKey_))
      return worded(lang_.at("headlineLabels").at(headlineKey_));
    return triageLabel(triageId(triage_));
  }

  // "What would change this" (what_would_change.h), each part also worded: its structured keys stay
  // for integrators; every surface shows these words and composes none of its own.
  json wordedChange() const {
    json change = whatWouldChange_;
    for (json& entry : change.at("askNext")) {
      entry["label"] = shortName(entry.at("flag").get<std::string>());
      if (entry.contains("triageIfYes")) entry["triageIfYesLabel"] = triageLabel(entry.at("triageIfYes").get<std::string>());
    }
    // An incomplete plan waits for every open question, not only the red flags whose yes would
    // change it (askNext): the others (the age, a flag already at its speed) are listed too.
    if (triage_ == Triage::incomplete) change["alsoUnanswered"] = alsoUnanswered(change.at("askNext"));
    wordRange(change);
    // When to reassess is the plan's own reassessInWeeks (not repeated here); the conservative
    // plan says it among what would change.
    if (const auto weeks = reviewInWeeks(a_, triage_); weeks && triage_ == Triage::conservative)
      change["reassessIn"] = fillTemplate(planText("reassessIn"), {{"weeks", duration(*weeks, false)}});
    if (change.contains("ifNotImprovingAt6Weeks"))
      change["ifNotImproving"] =
          fillTemplate(planText("ifNotImproving"), {{"triage", triageLabel(change.at("ifNotImprovingAt6Weeks").get<std::string>())}});
    if (change.contains("returnEarlyIf")) change["returnEarly"] = returnEarly(change.at("returnEarlyIf"));
    if (change.contains("injectionNotOffered")) {
      json reasons = json::array();
      for (const json& reason : change.at("injectionNotOffered"))
        reasons.push_back(uiLabel(lang_.at("planText").at("injectionReasons"), reason.get<std::string>(), audience_));
      change["injectionReasons"] = reasons;
    }
    if (change.contains("whatIf"))
      for (json& entry : change.at("whatIf")) wordWhatIf(entry);
    return change;
  }

  // The open questions askNext does not list, each with its short name.
  json alsoUnanswered(const json& askNext) const {
    json others = json::array();
    for (std::string_view key : unansweredKeys(a_)) {
      const bool asked = std::any_of(askNext.begin(), askNext.end(), [&](const json& entry) { return entry.at("flag") == key; });
      if (asked) continue;
      json entry;
      entry["key"] = key;
      entry["label"] = shortName(key);
      others.push_back(std::move(entry));
    }
    return others;
  }

  // The range of plans the open answers could give, worded; or, for a patient who must be seen,
  // no gentlest plan at all.
  void wordRange(json& change) const {
    const std::string best = change.at("bestTriage").get<std::string>(), worst = change.at("worstTriage").get<std::string>();
    // A patient who must be seen (today, within hours, now, or within 2 weeks) is never shown the
    // gentlest plan an answer could give: that reads as a way to a milder plan ("answer no and it
    // is simple care"). Only a clinician's examination can rule it out; clinicians keep the range.
    const bool mustBeSeen = triage_ == Triage::emergency || triage_ == Triage::checkNow || triage_ == Triage::urgent ||
                            triage_ == Triage::priority;
    if (audience_ == "patient" && mustBeSeen) {
      change.erase("bestTriage");
    } else if (best != worst) {
      change["range"] = fillTemplate(planText("triageRange"), {{"best", triageLabel(best)}, {"worst", triageLabel(worst)}});
    }
  }

  // When to come back sooner, by the triage a yes would bring, most serious (the engine's order)
  // first: "Emergency: a, b or c."
  json returnEarly(const json& returnEarlyIf) const {
    json groups = json::array();
    std::vector<std::pair<std::string, std::vector<std::string>>> byTriage;
    for (const json& entry : returnEarlyIf) {
      const std::string triage = entry.at("triageIfYes").get<std::string>();
      if (byTriage.empty() || byTriage.back().first != triage) byTriage.push_back({triage, {}});
      byTriage.back().second.push_back(shortName(entry.at("flag").get<std::string>()));
    }
    for (const auto& [triage, names] : byTriage) {
      json group;
      group["triage"] = triage;
      group["triageLabel"] = triageLabel(triage);
      group["flags"] = joined(names, "listLastSeparatorOr") + ".";
      groups.push_back(std::move(group));
    }
    return groups;
  }

  // One "what if": its changed answers as "name: answer" pairs, and the plan they would give.
  void wordWhatIf(json& entry) const {
    std::string pairs;
    const auto pair = [&](const std::string& key, const json& value) {
      const std::string answer = value.is_boolean() ? ui(value.get<bool>() ? "yes" : "no") : value.get<std::string>();
      pairs += (pairs.empty() ? "" : " · ") + shortName(key) + ": " + answer;
    };
    for (const auto& [key, value] : entry.at("change").items()) {
      if (key == "herniation") {
        pair("herniationContained", value.at("contained"));
        pair("herniationLevel", value.at("level"));
      } else if (key == "redFlags") {
        for (const auto& [flag, answer] : value.items()) pair(flag, answer);
      } else {
        pair(key, value);
      }
    }
    entry["text"] = fillTemplate(planText("whatIfChange"), {{"change", pairs}});
    if (entry.at("triage") != triageId(triage_))
      entry["triageText"] = fillTemplate(planText("whatIfTriage"), {{"triage", triageLabel(entry.at("triage").get<std::string>())}});
  }

  // The short name of a question ("fever", "your age") in this language and audience.
  std::string shortName(std::string_view key) const {
    return lang_.at("questions").at(std::string(key)).at(audience_).at("short").get<std::string>();
  }

  // "a, b and c"; for alternatives ("if any of these is yes") "a, b or c". When a name holds a
  // separator itself ("bladder or bowel disturbance"), the list is joined with semicolons
  // ("a; b or c; or d"; two names "a or b; or c"), whatever its length, so that no reader takes one
  // name for two: a comma before the "or" of a list of two names that hold "or" cannot show it.
  std::string joined(const std::vector<std::string>& names, const std::string& lastSeparator = "listLastSeparator") const {
    const json& units = lang_.at("units");
    bool nested = false;
    for (const std::string& name : names)
      for (const char* separator : {"listSeparator", "listLastSeparator", "listLastSeparatorOr"})
        nested = nested || name.find(units.at(separator).get<std::string>()) != std::string::npos;
    if (!nested) return joinList(names, units.at("listSeparator").get<std::string>(), units.at(lastSeparator).get<std::string>());
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
    if (olderAge) names.push_back(worded(lang_.at("phrases").at("olderAge")));
    return joined(names);
  }

  std::string duration(double weeks, bool daysBelowTwoWeeks = true) const {
    return wordedDuration(weeks, lang_.at("units"), audience_, daysBelowTwoWeeks);
  }

  // A template value: only one of kTemplateValues (plan.h), the names the content self-check allows.
  void offer(const char* name, std::string value) {
    if (std::find_if(kTemplateValues.begin(), kTemplateValues.end(),
                     [&](const char* known) { return std::string_view(known) == name; }) == kTemplateValues.end())
      throw std::logic_error(std::string("template value not in kTemplateValues: ") + name);
    values_[name] = std::move(value);
  }

  void fillValues() {
    std::vector<std::string> unanswered;
    for (std::string_view key : unansweredKeys(a_)) unanswered.push_back(shortName(key));
    std::vector<RedFlag> sameDayPending = flagsPresent(a_, Urgency::sameDay);
    for (RedFlag flag : flagsUnanswered(a_, Urgency::sameDay)) sameDayPending.push_back(flag);
    std::vector<RedFlag> assessed;
    for (const RedFlagInfo& info : kRedFlags)
      if (a_.assessedFindings.flags[static_cast<std::size_t>(info.flag)]) assessed.push_back(info.flag);
    const PriorityFindings open = openPriorityFindings(a_);

    offer("redFlags", shortNames(flagsPresent(a_)));
    offer("unanswered", joined(unanswered, "listLastSeparatorOr"));
    offer("unansweredEmergency", shortNames(flagsUnanswered(a_, Urgency::emergency), "listLastSeparatorOr"));
    offer("unansweredSameDay", shortNames(flagsUnanswered(a_, Urgency::sameDay), "listLastSeparatorOr"));
    offer("sameDayPending", shortNames(sameDayPending));
    offer("priorityFindings", findingNames(open.flags, open.olderAge));
    offer("assessedFindings", findingNames(assessed, a_.assessedFindings.olderAge));
    // A review point: "1 week", not "7 days".
    offer("reassessIn", duration(reviewInWeeks(a_, triage_).value_or(reassessInWeeks(a_)), false));
    offer("emergencyIfYes", shortNames(openCombinationPartners(a_), "listLastSeparatorOr"));
    offer("careDuration", duration(a_.conservativeCareWeeks));
    // Care not yet started is said in words, not as a duration ("less than a day of care").
    offer("careSoFar", worded(lang_.at("phrases").at(a_.conservativeCareWeeks > 0 ? "careSoFar" : "careNotStarted")));
    if (a_.symptomWeeks) offer("symptomDuration", duration(*a_.symptomWeeks));
    if (a_.painScore) offer("painScore", std::to_string(*a_.painScore));
    if (a_.herniation) offer("herniationLevel", herniationLevelId(a_.herniation->level));
    // "No red flags" is said only when it is true as it stands: never for a finding a clinician
    // has assessed (including older age).
    offer("redFlagStatus", worded(lang_.at("phrases").at(a_.assessedFindings.any() ? "assessedStatus" : "noRedFlags")));
  }

  // Why a line appears: the triage's reason, then the row's own condition when it has one.
  std::string rationale(const std::string& condition) const {
    std::string text = worded(lang_.at("rationale").at("triage").at(headlineKey_));
    if (condition != "always") text += " " + worded(lang_.at("rationale").at("conditions").at(condition));
    return text;
  }

  json evidenceNotes(const std::string& id) const {
    json notes = json::array();
    if (!rules_.at("evidenceNotes").contains(id)) return notes;
    for (const json& note : rules_.at("evidenceNotes").at(id)) {
      if (note.contains("when") && !conditionHolds(note.at("when").get<std::string>(), a_)) continue;
      json entry;
      entry["stance"] = note.at("stance");
      entry["text"] = worded(lang_.at("evidenceNotes").at(note.at("id").get<std::string>()));
      // The stance in words ("Guidelines differ"), to show before the text: left out where the
      // text already opens with it, and for patients always: each patient note says in its own
      // words how the guidelines stand ("A UK guideline goes further"), and a label before it
      // says the same thing twice.
      const std::string label = lang_.at("stances").at(note.at("stance").get<std::string>()).at(audience_).get<std::string>();
      if (audience_ != "patient" && !opensWith(entry["text"].get<std::string>(), label)) entry["label"] = label;
      entry["citations"] = note.at("citations");
      notes.push_back(std::move(entry));
    }
    return notes;
  }

  json recommendations() const {
    json lines = json::array();
    for (const RuleRow* row : decision_.lineRows()) {
      const std::string& id = row->id;
      const json& recommendation = lang_.at("recommendations").at(id);
      json line;
      line["id"] = id;
      line["kind"] = row->kind;
      if (id == safetyNetLine()) {
        // The safety net is this person's: its tiers and its text are one computation.
        json tiers = safetyNet();
        line["text"] = safetyNetText(tiers);
        line["safetyNet"] = std::move(tiers);
      } else {
        line["text"] = worded(recommendation);
      }
      // The line's short wording, filled like its text (the page's actions and summary place it).
      if (recommendation.contains("short") && recommendation.at("short").contains(audience_))
        line["short"] = fillTemplate(recommendation.at("short").at(audience_).get<std::string>(), values_);
      line["rationale"] = rationale(row->when);
      if (row->when != "always") line["ownReason"] = worded(lang_.at("rationale").at("conditions").at(row->when));
      line["basis"] = fillTemplate(recommendation.at("basis").get<std::string>(), values_);
      line["citations"] = rules_.at("recommendations").at(id).at("citations");
      line["evidenceNotes"] = evidenceNotes(id);
      lines.push_back(std::move(line));
    }
    return lines;
  }

  std::string safetyNetLine() const { return rules_.at("safetyNet").at("line").get<std::string>(); }

  // Which tier of the safety net a sign goes under, for this person: its own tier (the speed its
  // yes needs alone), or the faster one a yes would bring with the other answers (the same
  // re-triage as "answer next" and "come back early", what_would_change.h). A weak immune system
  // makes a new fever an emergency; the list says so where the person reads it.
  std::string safetyTier(RedFlag flag) const {
    const Urgency own = urgencyOf(flag);
    const Triage ownTriage = own == Urgency::emergency ? Triage::emergency : own == Urgency::sameDay ? Triage::urgent : Triage::priority;
    const Triage then = triageIfYes(a_, flag);
    const Triage tier = then != triage_ && moreSerious(then, ownTriage) ? then : ownTriage;
    if (tier == Triage::emergency) return own == Urgency::emergency ? "emergency" : "emergencyRaised";
    return std::string(triageId(tier));
  }

  // The safety net's tiers, fastest first: [{when, lead, items, flags, note?}], each sign worded for
  // the audience under the tier safetyTier gives it; the signs with no red flag last ("review").
  json safetyNet() const {
    static const std::array<const char*, 6> kOrder{"emergency", "emergencyRaised", "check-now", "urgent", "priority", "review"};
    const json& words = lang_.at("recommendations").at(safetyNetLine()).at("safetyNet").at(audience_);
    struct Tier {
      std::vector<std::string> items;
      json flags = json::array();
    };
    std::map<std::string, Tier> byTier;
    for (const json& item : rules_.at("safetyNet").at("items")) {
      std::string tier = "review";
      if (item.contains("flag")) {
        const std::string key = item.at("flag").get<std::string>();
        const auto info = std::find_if(kRedFlags.begin(), kRedFlags.end(), [&](const RedFlagInfo& x) { return key == x.key; });
        tier = safetyTier(info->flag);  // the content self-check holds every flag to a known key
      }
      Tier& group = byTier[tier];
      group.items.push_back(words.at("items").at(item.at("id").get<std::string>()).get<std::string>());
      if (item.contains("flag") && std::find(group.flags.begin(), group.flags.end(), item.at("flag")) == group.flags.end())
        group.flags.push_back(item.at("flag"));
    }
    json tiers = json::array();
    for (const char* tier : kOrder) {
      const auto found = byTier.find(tier);
      if (found == byTier.end()) continue;
      json entry;
      entry["when"] = std::string(tier) == "emergencyRaised" ? "emergency" : tier;
      entry["lead"] = words.at("leads").at(tier);
      entry["items"] = found->second.items;
      entry["flags"] = found->second.flags;
      if (words.contains("notes") && words.at("notes").contains(tier)) entry["note"] = words.at("notes").at(tier);
      tiers.push_back(std::move(entry));
    }
    return tiers;
  }

  // The safety net as one text (the line's text: --text, the note, print): each tier's lead, its
  // signs as one list (joined with semicolons: a sign often holds a comma or an "or" itself), its note.
  std::string safetyNetText(const json& tiers) const {
    const json& units = lang_.at("units");
    std::string text;
    for (const json& tier : tiers) {
      std::vector<std::string> items;
      for (const json& item : tier.at("items")) items.push_back(item.get<std::string>());
      const std::string list = joinList(items, units.at("listSeparatorStrong").get<std::string>(),
                                        units.at("listLastSeparatorOrStrong").get<std::string>());
      text += (text.empty() ? "" : " ") + tier.at("lead").get<std::string>() + " " + list + ".";
      if (tier.contains("note")) text += " " + tier.at("note").get<std::string>();
    }
    return text;
  }

  // The references this plan cites (its lines, their evidence notes and its options comparison),
  // in number order.
  json references(const json& lines, bool options) const {
    std::set<int> cited;
    if (options)
      for (const int number : optionsGridCitations(content_)) cited.insert(number);
    for (const json& line : lines) {
      for (const json& number : line.at("citations")) cited.insert(number.get<int>());
      for (const json& note : line.at("evidenceNotes"))
        for (const json& number : note.at("citations")) cited.insert(number.get<int>());
    }
    json list = json::array();
    for (const json& reference : rules_.at("references")) {
      const int number = reference.at("number").get<int>();
      if (cited.count(number) == 0) continue;
      json entry = wordedReference(reference, rules_, lang_);
      list.push_back(entry);
    }
    return list;
  }

  const Assessment& a_;
  const Decision& decision_;
  const json& rules_;
  const Content& content_;
  json reviewed_;  // the clinical review date on record for this version, language and wording, or null
  const json& lang_;
  const json& ui_;
  std::string audience_;
  Triage triage_;
  std::string headlineKey_;  // the headline row chosen, which also names the triage's rationale
  json whatWouldChange_;
  std::map<std::string, std::string> values_;
};

}  // namespace

json buildPlan(const Assessment& assessment, const Decision& decision, json whatWouldChange, const Content& content) {
  return PlanWriter(assessment, decision, std::move(whatWouldChange), content).plan();
}

json answerRows(const json& assessment, const Content& content, const std::string& language, const std::string& audience) {
  const json& lang = content.languages.at(language);
  const json& ui = content.interfaces.at(language);
  const auto shortName = [&](const std::string& key) {
    return lang.at("questions").at(key).at(audience).at("short").get<std::string>();
  };
  const auto yesNo = [&](const json& value) { return uiLabel(ui, value.is_null() ? "notSure" : value.get<bool>() ? "yes" : "no", audience); };
  json rows = json::array();
  const auto row = [&](const std::string& key, std::string value) {
    json entry;
    entry["key"] = key;
    entry["label"] = shortName(key);
    entry["value"] = std::move(value);
    rows.push_back(std::move(entry));
  };
  // Every red flag, in the questionnaire's order, answered or not; then each other answer given.
  const json flags = assessment.value("redFlags", json::object());
  for (const json& group : content.rules.at("redFlagGroups"))
    for (const json& flag : group.at("flags")) {
      const std::string key = flag.get<std::string>();
      row(key, flags.contains(key) ? yesNo(flags.at(key)) : uiLabel(ui, "printNotAnswered", audience));
    }
  for (const InputField& field : kInputFields) {
    const std::string key = field.name;
    if (!assessment.contains(key)) {
      // An unanswered age is a possible 60 or over in the plan: the answers say it was not answered.
      if (field.type == FieldType::integer && key == "ageYears") row(key, uiLabel(ui, "printNotAnswered", audience));
      continue;
    }
    const json& value = assessment.at(key);
    switch (field.type) {
      case FieldType::boolean: row(key, yesNo(value)); break;
      case FieldType::integer:
        row(key, key == "painScore" ? fillTemplate(uiLabel(lang.at("planText"), "painOutOf10", audience), {{"score", value.dump()}}) : value.dump());
        break;
      case FieldType::number: row(key, wordedDuration(value.get<double>(), lang.at("units"), audience)); break;
      case FieldType::herniation:
        row("herniationContained", yesNo(value.at("contained")));
        row("herniationLevel", value.at("level").get<std::string>());
        break;
      case FieldType::assessedFindings: {
        std::vector<std::string> names;
        for (const json& finding : value)
          names.push_back(finding == kOlderAgeFinding ? lang.at("phrases").at(std::string(kOlderAgeFinding)).at(audience).get<std::string>()
                                                      : shortName(finding.get<std::string>()));
        row(key, joinList(names, lang.at("units").at("listSeparatorStrong").get<std::string>(),
                          lang.at("units").at("listLastSeparatorStrong").get<std::string>()));
        break;
      }
      case FieldType::audience:
      case FieldType::language:
      case FieldType::redFlags:
        break;
    }
  }
  return rows;
}

}  // namespace radiculo
