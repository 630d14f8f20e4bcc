#include "plan_invariants.h"

#include <algorithm>

namespace radiculo::test {

using nlohmann::json;

const std::set<std::string>& medicineLines() {
  static const std::set<std::string> ids = {"nsaid-first-line", "muscle-relaxant-for-spasm",
                                            "opioid-short-term-severe-pain", "neuropathic-agents-limited-benefit"};
  return ids;
}

const std::set<std::string>& waitLines() {
  static const std::set<std::string> ids = {"conservative-care-6-weeks",       "no-routine-imaging",
                                            "no-repeat-mri",                   "no-ct-myelography-bone-scan-pet",
                                            "continue-conservative",           "education-favorable-prognosis"};
  return ids;
}

std::string expectedTriage(const Assessment& a) {
  bool caudaEquina = false, anyTrue = false, anyUnanswered = false;
  for (const RedFlagInfo& info : kRedFlags) {
    const Answer answer = a.answer(info.flag);
    if (!answer) anyUnanswered = true;
    if (answer == true) {
      anyTrue = true;
      if (info.group == RedFlagGroup::caudaEquina) caudaEquina = true;
    }
  }
  if (caudaEquina) return "emergency";
  if ((a.ageYears && *a.ageYears < 18) || a.priorLumbarSurgery) return "out-of-scope";
  if (anyTrue) return "urgent";
  if (anyUnanswered) return "incomplete";
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
    for (const json& line : plan.at("recommendations")) {
      const std::string id = line.at("id").get<std::string>();
      if (!ids.insert(id).second) fail("line " + id + " appears twice");
      if (id == "opioid-short-term-severe-pain") opioidKind = line.at("kind").get<std::string>();
      const json& citations = line.at("citations");
      if (!citations.is_array() || citations.empty()) fail(id + " cites nothing");
      for (const json& number : citations)
        if (listed.count(number.get<int>()) == 0) fail(id + " cites a reference the plan does not list");
    }
    const auto has = [&](const char* id) { return ids.count(id) == 1; };
    const auto any = [&](const std::set<std::string>& group, const std::string& what) {
      for (const std::string& id : group)
        if (ids.count(id)) fail(triage + " plan with " + what + " " + id);
    };

    if (triage == "emergency") {
      if (!has("emergency-referral")) fail("emergency without emergency-referral");
      if (!has("mri-immediate")) fail("emergency without mri-immediate");
      any(medicineLines(), "a medicine line");
    } else if (triage == "out-of-scope") {
      if (!ids.empty()) fail("out-of-scope with management lines");
    } else if (triage == "urgent") {
      if (!has("mri-immediate")) fail("urgent without mri-immediate");
      any(medicineLines(), "a medicine line");
      any(waitLines(), "a line that delays imaging");
    } else if (triage == "incomplete") {
      any(waitLines(), "a line that says wait");
    }
    if (triage != "emergency" && triage != "out-of-scope" && !has("seek-care-if-red-flags"))
      fail(triage + " plan without seek-care-if-red-flags");
    if (has("opioid-short-term-severe-pain")) {
      if (!(a.painScore && *a.painScore >= 7 && a.symptomWeeks && *a.symptomWeeks <= 12))
        fail("opioid line without pain >= 7 and at most 12 weeks");
      if (opioidKind == "do") fail("opioid line of kind do");
    }

    json unanswered = json::array(), present = json::array();
    for (const RedFlagInfo& info : kRedFlags) {
      if (!a.answer(info.flag)) unanswered.push_back(info.key);
      if (a.answer(info.flag) == true) present.push_back(info.key);
    }
    if (plan.at("unanswered") != unanswered) fail("unanswered is " + plan.at("unanswered").dump());
    if (plan.at("redFlagsPresent") != present) fail("redFlagsPresent is " + plan.at("redFlagsPresent").dump());
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
