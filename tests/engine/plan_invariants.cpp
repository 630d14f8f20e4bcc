#include "plan_invariants.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <stdexcept>

#include "content.h"
#include "error_codes.h"
#include "pathway.h"

namespace radiculo::test {

using nlohmann::json;

const std::set<std::string>& medicineLines() {
  static const std::set<std::string> ids = {"nsaid-first-line",          "muscle-relaxant-for-spasm",
                                            "opioid-short-term-severe-pain", "neuropathic-agents-limited-benefit",
                                            "nsaid-higher-risk",         "sedation-combination-caution",
                                            "muscle-relaxant-older-adult", "opioid-older-adult",
                                            "no-oral-corticosteroids"};
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
                                             "prolongedCorticosteroids", "recentInfectionOrProcedure"};
  return keys;
}

namespace {

// The flags of an assessment as bits of their positions in kRedFlags.
struct FlagBits {
  std::uint32_t yes = 0, unknown = 0, assessed = 0;
};
FlagBits flagBits(const Assessment& a) {
  FlagBits bits;
  for (std::size_t i = 0; i < kRedFlagCount; ++i) {
    const Answer& answer = a.redFlags[i];
    if (!answer) bits.unknown |= 1u << i;
    else if (*answer) bits.yes |= 1u << i;
    if (a.assessedFindings.flags[i]) bits.assessed |= 1u << i;
  }
  return bits;
}

std::uint32_t maskOf(const std::set<std::string>& keys) {
  std::uint32_t mask = 0;
  for (const std::string& key : keys)
    for (std::size_t i = 0; i < kRedFlagCount; ++i)
      if (key == kRedFlags[i].key) mask |= 1u << i;
  return mask;
}

// The dangerous combinations of the contract: a worsening deficit with a cancer, infection or
// fracture flag; fever with injecting drugs, immunosuppression, long-term steroids or a recent
// infection or spinal procedure; past or current cancer with constant, night or thoracic pain.
// And the partial ones examined within hours: a worsening deficit yes with an infection or cancer
// partner unanswered; fever and one of its partners, one yes and the other unanswered.
struct Combinations {
  std::uint32_t deficit = maskOf({"progressiveNeuroDeficit"});
  std::uint32_t withDeficit = maskOf({"cancerHistory", "unexplainedWeightLoss", "nightPain", "fever", "immunocompromised",
                                      "intravenousDrugUse", "recentInfectionOrProcedure", "significantTrauma",
                                      "osteoporosis", "prolongedCorticosteroids"});
  std::uint32_t openWithDeficit = maskOf({"fever", "intravenousDrugUse", "immunocompromised", "prolongedCorticosteroids",
                                          "recentInfectionOrProcedure", "cancerHistory"});
  std::uint32_t fever = maskOf({"fever"});
  std::uint32_t withFever = maskOf({"intravenousDrugUse", "immunocompromised", "prolongedCorticosteroids",
                                    "recentInfectionOrProcedure"});
  std::uint32_t cancer = maskOf({"cancerHistory"});
  std::uint32_t withCancer = maskOf({"nightPain"});
  std::uint32_t caudaEquina = maskOf({"saddleAnesthesia", "bladderBowelDysfunction", "bilateralLegWeakness",
                                      "bilateralSciatica", "sexualDysfunction"});
  std::uint32_t gait = maskOf({"gaitDisturbance"});

  bool deficitPair(std::uint32_t yes) const { return (yes & deficit) && (yes & withDeficit); }
  bool feverPair(std::uint32_t yes) const { return (yes & fever) && (yes & withFever); }
  bool cancerPair(std::uint32_t yes) const { return (yes & cancer) && (yes & withCancer); }
  bool any(std::uint32_t yes) const { return deficitPair(yes) || feverPair(yes) || cancerPair(yes); }
  bool partial(std::uint32_t yes, std::uint32_t unknown) const {
    return ((yes & deficit) && (unknown & openWithDeficit)) || ((yes & fever) && (unknown & withFever)) ||
           ((unknown & fever) && (yes & withFever));
  }
  // The unanswered flags outside the emergency group whose yes would complete a combination.
  std::uint32_t openPartners(std::uint32_t yes, std::uint32_t unknown, std::uint32_t emergencyGroup) const {
    std::uint32_t open = 0;
    for (std::size_t i = 0; i < kRedFlagCount; ++i) {
      const std::uint32_t bit = 1u << i;
      if ((unknown & bit) && !(emergencyGroup & bit) && any(yes | bit)) open |= bit;
    }
    return open;
  }
};
const Combinations& combinations() {
  static const Combinations built;
  return built;
}

// The recommendation ids of the content as bits, with the groups the promises name and the ids
// that cite only listed references.
struct Lines {
  std::vector<std::string> ids;  // bit i = ids[i]
  std::uint64_t medicine = 0, wait = 0, selfCare = 0, wellCited = 0;
  std::uint64_t nsaid = 0, relaxantOlderAdult = 0, opioidOlderAdult = 0;
  std::uint64_t opioid = 0, relaxant = 0, sedationCaution = 0, emergencyReferral = 0, emergencyMri = 0, examine = 0,
                mriImmediate = 0, priorityAssessment = 0, seekCare = 0, msccNow = 0, examineCord = 0, assessCombination = 0,
                emergencyIfAlso = 0, contactTeam = 0;
  // For each triage, each line row's bit and kind `do`: the facts of a decision without a look-up.
  std::array<std::vector<std::uint64_t>, kTriages.size()> rowBits, rowDo;

  std::uint64_t bitOf(std::string_view id) const {
    for (std::size_t i = 0; i < ids.size(); ++i)
      if (ids[i] == id) return std::uint64_t{1} << i;
    return 0;
  }
  std::uint64_t groupOf(const std::set<std::string>& group) const {
    std::uint64_t mask = 0;
    for (const std::string& id : group) mask |= bitOf(id);
    return mask;
  }
};

const Lines& lines() {
  static const Lines built = [] {
    Lines t;
    const json& rules = content().rules;
    std::set<int> listed;
    for (const json& reference : rules.at("references")) listed.insert(reference.at("number").get<int>());
    for (const auto& [id, recommendation] : rules.at("recommendations").items()) {
      t.ids.push_back(id);
      const json& citations = recommendation.at("citations");
      const bool cited = !citations.empty() && std::all_of(citations.begin(), citations.end(), [&](const json& n) {
        return listed.count(n.get<int>()) == 1;
      });
      if (cited) t.wellCited |= std::uint64_t{1} << (t.ids.size() - 1);
    }
    if (t.ids.size() > 64) throw std::logic_error("more than 64 recommendation ids: widen PlanFacts::lines");
    t.medicine = t.groupOf(medicineLines());
    t.wait = t.groupOf(waitLines());
    t.selfCare = t.groupOf(selfCareLines());
    t.opioid = t.bitOf("opioid-short-term-severe-pain");
    t.relaxant = t.bitOf("muscle-relaxant-for-spasm");
    t.sedationCaution = t.bitOf("sedation-combination-caution");
    t.nsaid = t.bitOf("nsaid-first-line");
    t.relaxantOlderAdult = t.bitOf("muscle-relaxant-older-adult");
    t.opioidOlderAdult = t.bitOf("opioid-older-adult");
    t.emergencyReferral = t.bitOf("emergency-referral");
    t.emergencyMri = t.bitOf("emergency-mri");
    t.examine = t.bitOf("examine-within-hours");
    t.mriImmediate = t.bitOf("mri-immediate");
    t.priorityAssessment = t.bitOf("priority-assessment");
    t.seekCare = t.bitOf("seek-care-if-red-flags");
    t.msccNow = t.bitOf("mscc-contact-now");
    t.examineCord = t.bitOf("examine-cord-within-hours");
    t.assessCombination = t.bitOf("assess-within-hours-combination");
    t.emergencyIfAlso = t.bitOf("emergency-if-also");
    t.contactTeam = t.bitOf("contact-operating-team");
    for (std::size_t triage = 0; triage < kTriages.size(); ++triage)
      for (const RuleRow& row : content().table[triage].lines) {
        t.rowBits[triage].push_back(t.bitOf(row.id));
        t.rowDo[triage].push_back(row.kind == "do" ? t.bitOf(row.id) : 0);
      }
    return t;
  }();
  return built;
}

}  // namespace

const TierMasks& tierMasks() {
  static const TierMasks built{maskOf(emergencyFlags()), maskOf(sameDayFlags()), maskOf(priorityFlags())};
  return built;
}

std::uint64_t lineBit(std::string_view id) { return lines().bitOf(id); }

std::string lineNames(std::uint64_t mask) {
  const Lines& t = lines();
  std::string text;
  for (std::size_t i = 0; i < t.ids.size(); ++i)
    if ((mask >> i) & 1u) text += (text.empty() ? "" : ",") + t.ids[i];
  return "[" + text + "]";
}

Triage expectedTriage(const Assessment& a) {
  const TierMasks& m = tierMasks();
  const Combinations& c = combinations();
  const FlagBits f = flagBits(a);
  if ((f.yes & m.emergency) || c.any(f.yes)) return Triage::emergency;
  if ((f.unknown & m.emergency) || c.partial(f.yes, f.unknown)) return Triage::checkNow;
  if ((a.ageYears && *a.ageYears < 18) || a.priorLumbarSurgery) return Triage::outOfScope;
  if ((f.yes | f.unknown) & m.sameDay) return Triage::urgent;
  if ((f.yes & m.priority & ~f.assessed) || (a.ageYears && *a.ageYears >= 60 && !a.assessedFindings.olderAge)) return Triage::priority;
  if ((f.unknown & m.priority) || !a.ageYears) return Triage::incomplete;
  if (a.conservativeCareWeeks >= 6 && !a.improving) return Triage::reassess;
  return Triage::conservative;
}

PlanFacts factsOf(const Decision& decision) {
  const Lines& t = lines();
  const auto triage = static_cast<std::size_t>(decision.triage);
  PlanFacts facts;
  facts.triage = decision.triage;
  if (decision.headline != nullptr) facts.headline = decision.headline->id;
  const bool ours = decision.rules == &content().table[triage];
  for (std::size_t i = 0; i < decision.rules->lines.size(); ++i) {
    if (!decision.applies(i)) continue;
    facts.lines |= ours ? t.rowBits[triage][i] : t.bitOf(decision.rules->lines[i].id);
    if (decision.rules->lines[i].kind == "do") facts.doKinds |= ours ? t.rowDo[triage][i] : t.bitOf(decision.rules->lines[i].id);
  }
  return facts;
}

std::string readFacts(const json& plan, PlanFacts& facts) {
  const std::string triage = plan.at("triage").get<std::string>();
  const auto known = std::find_if(kTriages.begin(), kTriages.end(), [&](const TriageInfo& x) { return triage == x.id; });
  if (known == kTriages.end()) return "unknown triage " + triage;
  facts.triage = known->triage;
  std::string out;
  for (const json& line : plan.at("recommendations")) {
    const std::string id = line.at("id").get<std::string>();
    const std::uint64_t bit = lineBit(id);
    if (bit == 0) out += (out.empty() ? "" : "; ") + ("unknown id " + id);
    facts.lines |= bit;
    if (line.at("kind") == "do") facts.doKinds |= bit;
  }
  return out;
}

std::string decisionViolations(const Assessment& a, const PlanFacts& plan) {
  const Lines& t = lines();
  const TierMasks& m = tierMasks();
  const FlagBits flags = flagBits(a);
  std::string out;
  const auto fail = [&](const std::string& what) { out += (out.empty() ? "" : "; ") + what; };
  const auto id = [](Triage triage) { return std::string(triageId(triage)); };
  const auto has = [&](std::uint64_t line) { return (plan.lines & line) != 0; };
  const auto without = [&](std::uint64_t group, const char* what) {
    if (plan.lines & group) fail(id(plan.triage) + " with " + what + " " + lineNames(plan.lines & group));
  };
  const Combinations& c = combinations();
  const Triage expected = expectedTriage(a);
  if (plan.triage != expected) fail("triage " + id(plan.triage) + ", expected " + id(expected));
  // Never an emergency without a yes; an unanswered partner of a combination of spinal infection
  // or cord compression is at least an examination within hours.
  if (plan.triage == Triage::emergency && flags.yes == 0) fail("emergency without any red flag answered yes");
  if (c.partial(flags.yes, flags.unknown) && plan.triage != Triage::emergency && plan.triage != Triage::checkNow)
    fail("a dangerous combination with an unanswered partner, but the triage is " + id(plan.triage));
  // A partner whose yes would make an emergency is said in the plan itself, wherever the plan is
  // not already an emergency and names a speed of its own.
  const bool openPartner = c.openPartners(flags.yes, flags.unknown, m.emergency) != 0;
  const bool saysIfYes = plan.triage == Triage::checkNow || plan.triage == Triage::outOfScope || plan.triage == Triage::urgent;
  if (has(t.emergencyIfAlso) != (saysIfYes && openPartner))
    fail(id(plan.triage) + (has(t.emergencyIfAlso) ? " with" : " without") + " emergency-if-also, an open partner: " +
         (openPartner ? "yes" : "no"));
  switch (plan.triage) {
    case Triage::emergency: {
      // Cancer with constant or night pain and nothing else: the cancer team's line now; any other
      // emergency: the emergency department, with its MRI.
      const bool cancerPainAlone = c.cancerPair(flags.yes) && !c.deficitPair(flags.yes) && !c.feverPair(flags.yes) &&
                                   !(flags.yes & m.emergency);
      if (cancerPainAlone) {
        if (!has(t.msccNow)) fail("cancer with constant or night pain without mscc-contact-now");
        without(t.emergencyReferral | t.emergencyMri, "the emergency department's lines, where the cancer team is the route");
      } else {
        if (!has(t.emergencyReferral)) fail("emergency without emergency-referral");
        if (!has(t.emergencyMri)) fail("emergency without emergency-mri");
        without(t.msccNow, "the cancer team as the route");
      }
      without(t.medicine, "a medicine line");
      without(t.wait, "a line that waits");
      without(t.selfCare, "a self-care line");
      break;
    }
    case Triage::checkNow:
      // Each open question has its examination within hours.
      if (has(t.examine) != static_cast<bool>(flags.unknown & c.caudaEquina))
        fail("check-now: examine-within-hours does not match the cauda equina questions open");
      if (has(t.examineCord) != static_cast<bool>(flags.unknown & c.gait))
        fail("check-now: examine-cord-within-hours does not match the gait question open");
      if (has(t.assessCombination) != c.partial(flags.yes, flags.unknown))
        fail("check-now: assess-within-hours-combination does not match a partial combination");
      without(t.medicine, "a medicine line");
      without(t.wait, "a line that waits");
      without(t.selfCare, "a self-care line");
      break;
    case Triage::outOfScope:
      if (!has(t.seekCare) || (plan.lines & ~(t.seekCare | t.emergencyIfAlso | t.contactTeam)))
        fail("out-of-scope with lines " + lineNames(plan.lines));
      if (has(t.contactTeam) != a.priorLumbarSurgery) fail("out-of-scope: contact-operating-team does not match previous surgery");
      if (((flags.yes | flags.unknown) & m.sameDay) && !plan.headline.empty() && plan.headline != "outOfScopeToday")
        fail("out-of-scope with a same-day flag open, headline " + std::string(plan.headline));
      break;
    case Triage::urgent:
      if (!has(t.mriImmediate)) fail("urgent without mri-immediate");
      without(t.medicine, "a medicine line");
      without(t.wait, "a line that delays imaging");
      if (!plan.headline.empty() && (plan.headline == "urgent") != static_cast<bool>(flags.yes & m.sameDay))
        fail("urgent headline " + std::string(plan.headline) + " does not match the flags");
      break;
    case Triage::priority:
      if (!has(t.priorityAssessment)) fail("priority without priority-assessment");
      without(t.medicine, "a medicine line");
      without(t.wait, "a line that rules imaging out");
      break;
    case Triage::incomplete:
      without(t.wait, "a line that says wait");
      without(t.medicine, "a medicine line");
      break;
    default:
      break;
  }
  // Unknown is treated as possible, at the right speed (stated on its own, beside the ladder).
  if ((flags.unknown & m.emergency) && plan.triage != Triage::emergency && plan.triage != Triage::checkNow)
    fail("an emergency-group flag is unanswered, but the triage is " + id(plan.triage));
  if ((flags.unknown & m.sameDay) && plan.triage != Triage::emergency && plan.triage != Triage::checkNow &&
      plan.triage != Triage::urgent && plan.triage != Triage::outOfScope)
    fail("a same-day flag is unanswered, but the triage is " + id(plan.triage));
  if (plan.triage != Triage::emergency && !has(t.seekCare)) fail(id(plan.triage) + " plan without seek-care-if-red-flags");
  if (has(t.opioid)) {
    if (!(a.painScore && *a.painScore >= 7 && a.symptomWeeks && *a.symptomWeeks <= 12))
      fail("opioid line without pain >= 7 and at most 12 weeks");
    if (plan.doKinds & t.opioid) fail("opioid line of kind do");
  }
  if (has(t.opioid) && has(t.relaxant) && !has(t.sedationCaution))
    fail("an opioid with a relaxant, without the combination caution");
  // Every opioid line with its caution on other sedating medicines (relaxants, gabapentinoids).
  if (has(t.opioid) != has(t.sedationCaution)) fail("the opioid line and the sedation caution apart");
  // Older adults (65 or over, or the age not given): no muscle relaxant offered, a caution in its
  // place; an opioid always with its falls, confusion and constipation caution.
  const bool olderAdult = !a.ageYears || *a.ageYears >= 65;
  if (has(t.relaxant) && (olderAdult || !a.muscleSpasm)) fail("a muscle relaxant line at 65 or over, or without spasm");
  if (has(t.relaxantOlderAdult) && !(olderAdult && a.muscleSpasm)) fail("the older-adult relaxant caution under 65 or without spasm");
  if (plan.triage == Triage::conservative && a.muscleSpasm && !has(t.relaxant) && !has(t.relaxantOlderAdult))
    fail("spasm without a relaxant line or its older-adult caution");
  if (has(t.opioid) && olderAdult && !has(t.opioidOlderAdult)) fail("an opioid at 65 or over without the older-adult caution");
  if (has(t.opioidOlderAdult) && !(has(t.opioid) && olderAdult)) fail("the older-adult opioid caution without an opioid at 65 or over");
  // No NSAID line at pain 0.
  if (has(t.nsaid) && !(a.painScore && *a.painScore > 0)) fail("an NSAID line at pain 0");
  if ((plan.lines & t.wellCited) != plan.lines) fail("a line without a listed citation " + lineNames(plan.lines & ~t.wellCited));
  return out;
}

namespace {

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

std::vector<std::string> planViolations(const Assessment& a, const json& plan, std::string_view headline) {
  std::vector<std::string> out;
  const auto fail = [&](std::string what) { out.push_back(std::move(what)); };
  try {
    if (!plan.is_object() || plan.value("ok", false) != true) return {"not an ok:true plan"};
    // The decision's promises, on the facts the plan JSON carries.
    PlanFacts facts;
    facts.headline = headline;
    const std::string unreadable = readFacts(plan, facts);
    if (!unreadable.empty()) fail(unreadable);
    const std::string decided = decisionViolations(a, facts);
    if (!decided.empty()) fail(decided);

    // The words' promises.
    const std::string triage = plan.at("triage").get<std::string>();
    std::set<int> listed;
    for (const json& reference : plan.at("references")) listed.insert(reference.at("number").get<int>());
    std::set<std::string> ids;
    std::vector<std::string> texts{plan.at("headline").get<std::string>()};
    std::string emergencyNumberOutsideSafetyNet;
    const LanguageWords words = wordsOf(a.language);
    if (hasWord(plan.at("headline").get<std::string>(), words.emergencyNumber)) emergencyNumberOutsideSafetyNet = "headline";
    for (const json& line : plan.at("recommendations")) {
      const std::string id = line.at("id").get<std::string>();
      if (!ids.insert(id).second) fail("line " + id + " appears twice");
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
    if (triage == "emergency") {
      for (const std::string& text : texts)
        if (hasWord(text, words.today)) fail("emergency plan says \"" + std::string(words.today) + "\": " + text);
    } else if (!emergencyNumberOutsideSafetyNet.empty()) {
      fail(triage + " plan offers the emergency number outside the safety net: " + emergencyNumberOutsideSafetyNet);
    }
    // "No red flags" only when it is true as it stands.
    json unanswered = json::array(), present = json::array(), assessedKeys = json::array();
    for (const RedFlagInfo& info : kRedFlags) {
      if (!a.answer(info.flag)) unanswered.push_back(info.key);
      if (a.answer(info.flag) == true) present.push_back(info.key);
      if (a.assessedFindings.flags[static_cast<std::size_t>(info.flag)]) assessedKeys.push_back(info.key);
    }
    if (!a.ageYears) unanswered.push_back("ageYears");
    if (a.assessedFindings.olderAge) assessedKeys.push_back("olderAge");
    const std::string audience = a.audience == Audience::patient ? "patient" : "clinician";
    const std::string noRedFlags =
        content().languages.at(a.language).at("phrases").at("noRedFlags").at(audience).get<std::string>();
    if ((a.ageYears && *a.ageYears >= 60) || !unanswered.empty() || !present.empty())
      for (const std::string& text : texts)
        if (text.find(noRedFlags) != std::string::npos) fail("says \"" + noRedFlags + "\" where it is not true");

    // No 8-week regression claim in a line or the headline; no benzodiazepine recommended; review
    // within 2 weeks whenever pain is 7 or more; whole weeks, at least 1.
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
    if (plan.contains("reassessInWeeks")) {
      const json& weeks = plan.at("reassessInWeeks");
      if (!weeks.is_number_integer() || weeks.get<int>() < 1) fail("reassessInWeeks is not a whole number of at least 1");
      const bool severe = a.painScore && *a.painScore >= 7;
      if ((severe || has("opioid-short-term-severe-pain") || has("muscle-relaxant-for-spasm")) && weeks.get<int>() > 2)
        fail("severe pain or a sedating medicine, reviewed in " + weeks.dump() + " weeks");
      // A priority or reassess plan leaves the person at home: seen within 2 weeks, 1 with severe pain.
      if ((triage == "priority" || triage == "reassess") && weeks.get<int>() > (severe ? 1 : 2))
        fail(triage + " plan reviewed in " + weeks.dump() + " weeks" + (severe ? " with severe pain" : ""));
    }
    // A patient who must be seen is never shown the gentlest plan an answer could give.
    if (a.audience == Audience::patient &&
        (triage == "emergency" || triage == "check-now" || triage == "urgent" || triage == "priority") &&
        (plan.at("whatWouldChange").contains("range") || plan.at("whatWouldChange").contains("bestTriage")))
      fail("a " + triage + " patient plan shows the best case");
    // The safety net is this person's: each sign under the tier a yes would bring (never slower
    // than its own), the same re-triage as "what would change"; each sign once.
    for (const json& line : plan.at("recommendations")) {
      if (line.at("id") != "seek-care-if-red-flags") continue;
      if (!line.contains("safetyNet") || !line.at("safetyNet").is_array() || line.at("safetyNet").empty()) {
        fail("the safety net line has no tiers");
        continue;
      }
      const TierMasks& m = tierMasks();
      const auto rank = [](Triage x) {
        switch (x) {
          case Triage::emergency: return 0;
          case Triage::checkNow: return 1;
          case Triage::urgent: return 2;
          case Triage::priority: return 3;
          default: return 4;
        }
      };
      std::set<std::string> seen;
      for (const json& tier : line.at("safetyNet")) {
        const std::string when = tier.at("when").get<std::string>();
        for (const json& key : tier.at("flags")) {
          const std::string flag = key.get<std::string>();
          if (!seen.insert(flag).second) fail("the safety net lists " + flag + " under two tiers");
          std::size_t index = 0;
          while (index < kRedFlagCount && flag != kRedFlags[index].key) ++index;
          if (index == kRedFlagCount) {
            fail("the safety net names an unknown flag " + flag);
            continue;
          }
          const std::uint32_t bit = 1u << index;
          const Triage own = (m.emergency & bit) ? Triage::emergency : (m.sameDay & bit) ? Triage::urgent : Triage::priority;
          Assessment yes = a;
          yes.redFlags[index] = true;
          const Triage then = expectedTriage(yes);
          const Triage expectedTier = then != facts.triage && rank(then) < rank(own) ? then : own;
          if (when != triageId(expectedTier))
            fail("the safety net puts " + flag + " under " + when + ", a yes brings " + std::string(triageId(expectedTier)));
        }
      }
    }
    if (plan.contains("whatWouldChange") && plan.at("whatWouldChange").contains("returnEarlyIf"))
      for (const json& entry : plan.at("whatWouldChange").at("returnEarlyIf"))
        for (const char* history : {"cancerHistory", "immunocompromised", "intravenousDrugUse", "osteoporosis",
                                    "prolongedCorticosteroids", "recentInfectionOrProcedure"})
          if (entry.at("flag") == history) fail(std::string("come back early if ") + history + ", which cannot newly appear");
    if (plan.at("unanswered") != unanswered) fail("unanswered is " + plan.at("unanswered").dump());
    if (plan.at("redFlagsPresent") != present) fail("redFlagsPresent is " + plan.at("redFlagsPresent").dump());
    if (plan.at("assessedFindings") != assessedKeys) fail("assessedFindings is " + plan.at("assessedFindings").dump());
    if (plan.contains("reassessInWeeks") != (triage == "conservative" || triage == "priority" || triage == "reassess"))
      fail("reassessInWeeks " + std::string(plan.contains("reassessInWeeks") ? "in" : "missing from") + " a " + triage + " plan");
    if (plan.contains("errors")) fail("a plan with errors");
    // The options comparison: in a reassess plan, and a long-standing conservative one (over 12
    // weeks, not improving); never where a red flag decides the tier. Every cell that gives a
    // figure cites references the plan lists; a cell without one says so and cites none.
    const bool longStanding = a.symptomWeeks && *a.symptomWeeks > 12 && !a.improving;
    const bool optionsExpected = triage == "reassess" || (triage == "conservative" && longStanding);
    if (plan.contains("options") != optionsExpected)
      fail("options " + std::string(plan.contains("options") ? "in" : "missing from") + " a " + triage + " plan");
    if (plan.contains("options")) {
      const json& options = plan.at("options");
      if (options.at("notAChoice").at("text").get<std::string>().empty()) fail("options without the not-a-choice line");
      for (const json& row : options.at("rows"))
        for (const json& cell : row.at("cells")) {
          const std::string where = "options cell " + row.at("id").get<std::string>() + "/" + cell.at("column").get<std::string>();
          if (cell.at("text").get<std::string>().empty()) fail(where + " has no text");
          if (cell.at("text").get<std::string>().find('{') != std::string::npos) fail(where + " has an unfilled number");
          // Absolute numbers as "N in 100": a percentage would be the form people misread most.
          if (cell.at("text").get<std::string>().find('%') != std::string::npos) fail(where + " gives a percentage, not N in 100");
          if (cell.at("citations").empty() != cell.value("gap", false)) fail(where + ": citations and figure disagree");
          for (const json& number : cell.at("citations"))
            if (listed.count(number.get<int>()) == 0) fail(where + " cites a reference the plan does not list");
        }
    }
  } catch (const std::exception& e) {
    fail(std::string("plan does not have the contract's shape: ") + e.what());
  }
  return out;
}

std::vector<std::string> errorViolations(const json& answer) {
  std::vector<std::string> out;
  if (!answer.is_object()) return {"not an object"};
  if (!answer.contains("ok") || !answer.at("ok").is_boolean() || answer.at("ok") != false) return {"ok is not false"};
  // ok, the errors, and the language and audience their messages are worded in: never a partial plan.
  if (answer.size() != 4 || !answer.contains("errors") || !answer.contains("language") || !answer.contains("audience"))
    out.push_back("an error answer has more than ok, errors, language and audience");
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
    const auto code = error.find("code");
    if (code == error.end() || !code->is_string() ||
        std::none_of(kErrorCodes.begin(), kErrorCodes.end(),
                     [&](const ErrorCodeInfo& info) { return info.name == code->get<std::string>(); }))
      out.push_back("an error without a known code: " + error.dump());
    if (!error.contains("params") || !error.at("params").is_object())
      out.push_back("an error without its params: " + error.dump());
    if (error.size() != 4) out.push_back("an error with more than field, code, params and message: " + error.dump());
  }
  return out;
}

}  // namespace radiculo::test
