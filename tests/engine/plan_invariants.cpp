#include "plan_invariants.h"

#include <algorithm>
#include <cctype>

#include "content.h"

namespace radiculo::test {

using nlohmann::json;

const std::set<std::string>& medicineLines() {
  static const std::set<std::string> ids = {"nsaid-first-line", "muscle-relaxant-for-spasm",
                                            "opioid-short-term-severe-pain", "neuropathic-agents-limited-benefit",
                                            "nsaid-higher-risk", "sedation-combination-caution"};
  return ids;
}

const std::set<std::string>& waitLines() {
  static const std::set<std::string> ids = {"conservative-care-6-weeks",       "no-routine-imaging",
                                            "no-repeat-mri",                   "no-ct-myelography-bone-scan-pet",
                                            "continue-conservative",           "education-favorable-prognosis",
                                            "imaging-specialist-decides"};
  return ids;
}

const std::set<std::string>& selfCareLines() {
  static const std::set<std::string> ids = {"stay-active-no-bed-rest", "heat-or-cold", "pain-relief-ask",
                                            "core-stabilization-rehab"};
  return ids;
}

const std::set<std::string>& emergencyFlags() {
  static const std::set<std::string> keys = {"saddleAnesthesia",  "bladderBowelDysfunction", "bilateralLegWeakness",
                                             "bilateralSciatica", "sexualDysfunction",       "gaitDisturbance"};
  return keys;
}

const std::set<std::string>& sameDayFlags() {
  static const std::set<std::string> keys = {"progressiveNeuroDeficit", "fever", "significantTrauma", "cancerHistory",
                                             "intravenousDrugUse"};
  return keys;
}

const std::set<std::string>& priorityFlags() {
  static const std::set<std::string> keys = {"unexplainedWeightLoss", "nightPain", "immunocompromised", "osteoporosis",
                                             "prolongedCorticosteroids"};
  return keys;
}

namespace {

Answer answerOf(const Assessment& a, const std::string& key) {
  for (const RedFlagInfo& info : kRedFlags)
    if (key == info.key) return a.answer(info.flag);
  return std::nullopt;
}
bool yes(const Assessment& a, const std::string& key) { return answerOf(a, key) == true; }
bool unknown(const Assessment& a, const std::string& key) { return !answerOf(a, key).has_value(); }
bool assessed(const Assessment& a, const std::string& key) {
  for (const RedFlagInfo& info : kRedFlags)
    if (key == info.key) return a.assessed.flags[static_cast<std::size_t>(info.flag)];
  return false;
}
bool anyYes(const Assessment& a, const std::set<std::string>& keys) {
  return std::any_of(keys.begin(), keys.end(), [&](const std::string& key) { return yes(a, key); });
}
bool anyUnknown(const Assessment& a, const std::set<std::string>& keys) {
  return std::any_of(keys.begin(), keys.end(), [&](const std::string& key) { return unknown(a, key); });
}

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

// True when `word` appears in `text` as a whole word (case-insensitive, ASCII boundaries).
bool hasWord(const std::string& text, const std::string& word) {
  const std::string haystack = lower(text);
  for (std::size_t at = haystack.find(word); at != std::string::npos; at = haystack.find(word, at + 1)) {
    const bool startOk = at == 0 || !std::isalpha(static_cast<unsigned char>(haystack[at - 1]));
    const std::size_t end = at + word.size();
    const bool endOk = end >= haystack.size() || !std::isalpha(static_cast<unsigned char>(haystack[end]));
    if (startOk && endOk) return true;
  }
  return false;
}

// The words the promises are about, per language (the contract's languages).
struct LanguageWords {
  const char* today;
  const char* emergencyNumber;
  std::vector<const char*> eightWeeks;  // the source's unsupported regression timing, as it was worded
  const char* nonBenzodiazepine;  // how the clinician's relaxant line rules benzodiazepines out
};
LanguageWords wordsOf(const std::string& language) {
  if (language == "es") return {"hoy", "número local de emergencias", {"hacia las 8 semanas", "en unas 8 semanas"}, "que no sea una benzodiacepina"};
  return {"today", "emergency number", {"by 8 weeks", "by about 8 weeks"}, "non-benzodiazepine"};
}

}  // namespace

std::string expectedTriage(const Assessment& a) {
  const bool deficit = yes(a, "progressiveNeuroDeficit");
  const bool combination =
      (deficit && (yes(a, "cancerHistory") || yes(a, "unexplainedWeightLoss") || yes(a, "nightPain") ||
                   yes(a, "fever") || yes(a, "immunocompromised") || yes(a, "intravenousDrugUse") ||
                   yes(a, "significantTrauma") || yes(a, "prolongedCorticosteroids"))) ||
      (yes(a, "fever") && (yes(a, "intravenousDrugUse") || yes(a, "immunocompromised") || yes(a, "prolongedCorticosteroids")));
  if (anyYes(a, emergencyFlags()) || combination) return "emergency";
  if (anyUnknown(a, emergencyFlags())) return "check-now";
  if ((a.ageYears && *a.ageYears < 18) || a.priorLumbarSurgery) return "out-of-scope";
  if (anyYes(a, sameDayFlags()) || anyUnknown(a, sameDayFlags())) return "urgent";
  bool openPriority = a.ageYears && *a.ageYears >= 60 && !a.assessed.olderAge;
  for (const std::string& key : priorityFlags()) openPriority = openPriority || (yes(a, key) && !assessed(a, key));
  if (openPriority) return "priority";
  if (anyUnknown(a, priorityFlags()) || !a.ageYears) return "incomplete";
  if (a.conservativeCareWeeks >= 6 && !a.improving) return "reassess";
  return "conservative";
}

std::vector<std::string> planViolations(const Assessment& a, const json& plan) {
  std::vector<std::string> out;
  const auto fail = [&](std::string what) { out.push_back(std::move(what)); };
  try {
    if (!plan.is_object() || plan.value("ok", false) != true) return {"not an ok:true plan"};
    const std::string triage = plan.at("triage").get<std::string>();
    const std::string expected = expectedTriage(a);
    if (triage != expected) fail("triage " + triage + ", expected " + expected);

    std::set<int> listed;
    for (const json& reference : plan.at("references")) listed.insert(reference.at("number").get<int>());
    std::set<std::string> ids;
    std::string opioidKind;
    std::vector<std::string> texts{plan.at("headline").get<std::string>()};
    std::string emergencyNumberOutsideSafetyNet;
    const LanguageWords words = wordsOf(a.language);
    if (hasWord(plan.at("headline").get<std::string>(), words.emergencyNumber)) emergencyNumberOutsideSafetyNet = "headline";
    for (const json& line : plan.at("recommendations")) {
      const std::string id = line.at("id").get<std::string>();
      if (!ids.insert(id).second) fail("line " + id + " appears twice");
      if (id == "opioid-short-term-severe-pain") opioidKind = line.at("kind").get<std::string>();
      const json& citations = line.at("citations");
      if (!citations.is_array() || citations.empty()) fail(id + " cites nothing");
      for (const json& number : citations)
        if (listed.count(number.get<int>()) == 0) fail(id + " cites a reference the plan does not list");
      texts.push_back(line.at("text").get<std::string>());
      texts.push_back(line.at("rationale").get<std::string>());
      if (id != "seek-care-if-red-flags" && hasWord(line.at("text").get<std::string>(), words.emergencyNumber))
        emergencyNumberOutsideSafetyNet = id;
    }
    const auto has = [&](const char* id) { return ids.count(id) == 1; };
    const auto none = [&](const std::set<std::string>& group, const std::string& what) {
      for (const std::string& id : group)
        if (ids.count(id)) fail(triage + " plan with " + what + " " + id);
    };

    if (triage == "emergency") {
      if (!has("emergency-referral")) fail("emergency without emergency-referral");
      if (!has("emergency-mri")) fail("emergency without emergency-mri");
      none(medicineLines(), "a medicine line");
      none(waitLines(), "a line that waits");
      none(selfCareLines(), "a self-care line");
      for (const std::string& text : texts)
        if (hasWord(text, words.today)) fail("emergency plan says \"" + std::string(words.today) + "\": " + text);
    } else {
      if (!has("seek-care-if-red-flags")) fail(triage + " plan without seek-care-if-red-flags");
      if (!emergencyNumberOutsideSafetyNet.empty())
        fail(triage + " plan offers the emergency number outside the safety net: " + emergencyNumberOutsideSafetyNet);
    }
    if (triage == "check-now") {
      if (!has("examine-within-hours")) fail("check-now without examine-within-hours");
      none(medicineLines(), "a medicine line");
      none(waitLines(), "a line that waits");
      none(selfCareLines(), "a self-care line");
    } else if (triage == "out-of-scope") {
      if (ids != std::set<std::string>{"seek-care-if-red-flags"}) fail("out-of-scope with management lines");
    } else if (triage == "urgent") {
      if (!has("mri-immediate")) fail("urgent without mri-immediate");
      none(medicineLines(), "a medicine line");
      none(waitLines(), "a line that delays imaging");
    } else if (triage == "priority") {
      if (!has("priority-assessment")) fail("priority without priority-assessment");
      none(medicineLines(), "a medicine line");
      none(waitLines(), "a line that rules imaging out");
    } else if (triage == "incomplete") {
      none(waitLines(), "a line that says wait");
      none(medicineLines(), "a medicine line");
    }
    // Unknown is treated as possible, at the right speed.
    if (anyUnknown(a, emergencyFlags()) && triage != "emergency" && triage != "check-now")
      fail("an emergency-group flag is unanswered, but the triage is " + triage);
    if (anyUnknown(a, sameDayFlags()) && triage != "emergency" && triage != "check-now" && triage != "urgent" &&
        triage != "out-of-scope")
      fail("a same-day flag is unanswered, but the triage is " + triage);
    // "No red flags" only when it is true as it stands.
    json unanswered = json::array(), present = json::array(), assessedKeys = json::array();
    for (const RedFlagInfo& info : kRedFlags) {
      if (!a.answer(info.flag)) unanswered.push_back(info.key);
      if (a.answer(info.flag) == true) present.push_back(info.key);
      if (a.assessed.flags[static_cast<std::size_t>(info.flag)]) assessedKeys.push_back(info.key);
    }
    if (!a.ageYears) unanswered.push_back("ageYears");
    if (a.assessed.olderAge) assessedKeys.push_back("olderAge");
    const std::string audience = a.audience == Audience::patient ? "patient" : "clinician";
    const std::string noRedFlags =
        content().languages.at(a.language).at("phrases").at("noRedFlags").at(audience).get<std::string>();
    if ((a.ageYears && *a.ageYears >= 60) || !unanswered.empty() || !present.empty())
      for (const std::string& text : texts)
        if (text.find(noRedFlags) != std::string::npos) fail("says \"" + noRedFlags + "\" where it is not true");

    if (has("opioid-short-term-severe-pain")) {
      if (!(a.painScore && *a.painScore >= 7 && a.symptomWeeks && *a.symptomWeeks <= 12))
        fail("opioid line without pain >= 7 and at most 12 weeks");
      if (opioidKind == "do") fail("opioid line of kind do");
    }
    // Issue 10: no 8-week regression claim in a line or the headline; no benzodiazepine
    // recommended; an opioid with a relaxant always carries the combination caution; review within
    // 2 weeks whenever pain is 7 or more; whole weeks, at least 1.
    std::vector<std::string> said{plan.at("headline").get<std::string>()};
    for (const json& line : plan.at("recommendations")) said.push_back(line.at("text").get<std::string>());
    for (const std::string& text : said)
      for (const char* claim : words.eightWeeks)
        if (text.find(claim) != std::string::npos) fail("an 8-week recovery claim: " + text);
    for (const json& line : plan.at("recommendations")) {
      if (line.at("id") != "muscle-relaxant-for-spasm") continue;
      const std::string text = lower(line.at("text").get<std::string>());
      if (a.audience == Audience::clinician && text.find(words.nonBenzodiazepine) == std::string::npos)
        fail("the relaxant line does not rule benzodiazepines out");
      if (a.audience == Audience::patient && (text.find("diazepam") != std::string::npos || text.find("benzodiazep") != std::string::npos))
        fail("the patient's relaxant line names a benzodiazepine");
    }
    if (has("opioid-short-term-severe-pain") && has("muscle-relaxant-for-spasm") && !has("sedation-combination-caution"))
      fail("an opioid with a relaxant, without the combination caution");
    if (plan.contains("reassessInWeeks")) {
      const json& weeks = plan.at("reassessInWeeks");
      if (!weeks.is_number_integer() || weeks.get<int>() < 1) fail("reassessInWeeks is not a whole number of at least 1");
      const bool severe = a.painScore && *a.painScore >= 7;
      if ((severe || has("opioid-short-term-severe-pain") || has("muscle-relaxant-for-spasm")) && weeks.get<int>() > 2)
        fail("severe pain or a sedating medicine, reviewed in " + weeks.dump() + " weeks");
    }
    if (plan.contains("whatWouldChange") && plan.at("whatWouldChange").contains("returnEarlyIf"))
      for (const json& entry : plan.at("whatWouldChange").at("returnEarlyIf"))
        for (const char* history : {"cancerHistory", "immunocompromised", "intravenousDrugUse", "osteoporosis", "prolongedCorticosteroids"})
          if (entry.at("flag") == history) fail(std::string("come back early if ") + history + ", which cannot newly appear");
    if (plan.at("unanswered") != unanswered) fail("unanswered is " + plan.at("unanswered").dump());
    if (plan.at("redFlagsPresent") != present) fail("redFlagsPresent is " + plan.at("redFlagsPresent").dump());
    if (plan.at("assessedFindings") != assessedKeys) fail("assessedFindings is " + plan.at("assessedFindings").dump());
    if (plan.contains("reassessInWeeks") != (triage == "conservative")) fail("reassessInWeeks outside conservative");
    if (plan.contains("errors")) fail("a plan with errors");
  } catch (const std::exception& e) {
    fail(std::string("plan does not have the contract's shape: ") + e.what());
  }
  return out;
}

std::vector<std::string> errorViolations(const json& answer) {
  std::vector<std::string> out;
  if (!answer.is_object()) return {"not an object"};
  if (!answer.contains("ok") || !answer.at("ok").is_boolean() || answer.at("ok") != false) return {"ok is not false"};
  if (answer.size() != 2 || !answer.contains("errors")) out.push_back("an error answer has more than ok and errors");
  const auto errors = answer.find("errors");
  if (errors == answer.end() || !errors->is_array() || errors->empty()) {
    out.push_back("no errors listed");
    return out;
  }
  for (const json& error : *errors) {
    const auto field = error.find("field");
    const auto message = error.find("message");
    if (field == error.end() || !field->is_string()) {
      out.push_back("an error without a string field: " + error.dump());
      continue;
    }
    const std::string pointer = field->get<std::string>();
    if (!pointer.empty() && pointer.front() != '/') out.push_back("field is not a JSON pointer: " + pointer);
    if (message == error.end() || !message->is_string() || message->get<std::string>().empty())
      out.push_back("an error without a message: " + error.dump());
  }
  return out;
}

}  // namespace radiculo::test
