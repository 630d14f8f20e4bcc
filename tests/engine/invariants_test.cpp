// The engine's safety promises as exhaustive checks (issues 5 and 9).
//
// Every combination of the 16 red flags as true / false / unanswered (3^16 = 43,046,721) meets
// two points of the scope grid (age absent / 17 / 59 / 60, prior lumbar surgery, findings
// assessed: none / every one present / some), rotating, and is checked against the decision
// function: the triage from decideTriage, the headline row and the plan lines that
// content/rules.json gives through conditionHolds -- exactly what buildPlan decides, without the
// wording, so the whole sweep fits in seconds. The other answers (phase of care, improving,
// procedure candidate, prior MRI, spasm, pain 6 / 7, symptom weeks 12 / 13, audience, language)
// rotate through their grid, so each meets many flag combinations. A covering subset then goes
// through the JSON entry evaluateJson, where the words are checked too (test::planViolations).
//
// The promises:
//   - the ladder (issue 9), written again here from the contract with bit masks: an
//     emergency-group flag true, or a dangerous combination, is an emergency at any age; an
//     emergency-group flag unanswered is never below check-now; a same-day flag unanswered is never
//     below urgent (or out-of-scope with the same-day headline); a priority finding is priority
//     unless assessed;
//   - emergency: emergency-referral and emergency-mri, nothing that waits, no medicine, no
//     self-care; check-now: the examination within hours, no medicine, no self-care; out-of-scope:
//     only the safety net; urgent and priority: their assessment line, no medicine, nothing that
//     rules imaging out; incomplete: nothing that says wait;
//   - the safety net in every plan but emergency; the opioid line only with pain >= 7 and at most
//     12 weeks, never of kind `do`; every line cites a listed reference;
//   - through the JSON entry also: "today" never in an emergency plan; the emergency number
//     outside an emergency only in the safety net; "No red flags" only when true; the listed
//     unanswered, present and assessed keys; both audiences the same lines; the same bytes twice.
//
// Grid size: RADICULO_INVARIANT_GRID=full|small in the environment; the default is full, or small
// when the suite is built with RADICULO_INVARIANTS_SMALL_GRID (the sanitizer build).
#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <functional>
#include <iostream>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "content.h"
#include "engine.h"
#include "pathway.h"
#include "evaluate.h"
#include "plan_invariants.h"

namespace radiculo {
namespace {

using nlohmann::json;

constexpr std::uint32_t kFlagCombinations = 43046721;  // 3^16
static_assert(kRedFlagCount == 16, "the sweep enumerates 3^16 red-flag states");

bool isGrid(const char* wanted) {
  const char* env = std::getenv("RADICULO_INVARIANT_GRID");
  if (env != nullptr && *env != '\0') return std::string(env) == wanted;
#ifdef RADICULO_INVARIANTS_SMALL_GRID
  return std::string("small") == wanted;
#else
  return std::string("full") == wanted;
#endif
}
bool smallGrid() { return isGrid("small"); }

// ---------------------------------------------------------------------------------------------
// Red flags: combination c in [0, 3^16) gives flag i the base-3 digit i of c:
// 0 = unanswered, 1 = false, 2 = true.

std::uint32_t bitOfKey(const std::string& key) {
  for (std::size_t i = 0; i < kRedFlagCount; ++i)
    if (key == kRedFlags[i].key) return 1u << i;
  ADD_FAILURE() << "no red flag " << key;
  return 0;
}
std::uint32_t maskOf(const std::set<std::string>& keys) {
  std::uint32_t mask = 0;
  for (const std::string& key : keys) mask |= bitOfKey(key);
  return mask;
}

// The tiers and the groups the combinations use, as bit masks, from the test's own lists.
struct Masks {
  std::uint32_t emergency = maskOf(test::emergencyFlags());
  std::uint32_t sameDay = maskOf(test::sameDayFlags());
  std::uint32_t priority = maskOf(test::priorityFlags());
  std::uint32_t deficit = bitOfKey("progressiveNeuroDeficit");
  std::uint32_t fever = bitOfKey("fever");
  std::uint32_t withDeficit = maskOf({"cancerHistory", "unexplainedWeightLoss", "nightPain", "fever", "immunocompromised",
                                      "intravenousDrugUse", "significantTrauma", "prolongedCorticosteroids"});
  std::uint32_t withFever = maskOf({"intravenousDrugUse", "immunocompromised", "prolongedCorticosteroids"});
};
const Masks& masks() {
  static const Masks built;
  return built;
}

struct FlagFacts {
  std::array<Answer, kRedFlagCount> answers{};
  std::uint32_t trueMask = 0;
  std::uint32_t unansweredMask = 0;
};

FlagFacts decodeFlags(std::uint32_t combination) {
  FlagFacts facts;
  for (std::size_t i = 0; i < kRedFlagCount; ++i, combination /= 3) {
    const std::uint32_t digit = combination % 3;
    if (digit == 0) {
      facts.unansweredMask |= 1u << i;
      continue;
    }
    facts.answers[i] = digit == 2;
    if (digit == 2) facts.trueMask |= 1u << i;
  }
  return facts;
}

// The combination with every flag answered from `trueMask`, the rest false.
std::uint32_t combinationOf(std::uint32_t trueMask) {
  std::uint32_t combination = 0;
  for (std::size_t i = kRedFlagCount; i-- > 0;) combination = combination * 3 + ((trueMask >> i) & 1u ? 2 : 1);
  return combination;
}

std::string flagsString(const FlagFacts& facts) {
  std::string text;
  for (const Answer& answer : facts.answers) text += !answer ? '?' : (*answer ? 'T' : 'F');
  return text;
}

// ---------------------------------------------------------------------------------------------
// The scope grid (decides the triage with the flags) and the grid of the other answers.

enum class AssessedVariant { none, everyPresent, some };

struct Scope {
  std::optional<int> age;
  bool priorSurgery = false;
  AssessedVariant assessed = AssessedVariant::none;
};

std::vector<Scope> scopeGrid() {
  std::vector<Scope> grid;
  // Ages: absent, a child, the last age before 60 and 60 (every adult age under 60 decides alike;
  // the 17/18 edge is in the vectors and the unit tests).
  for (std::optional<int> age : {std::optional<int>(), std::optional<int>(17), std::optional<int>(59),
                                 std::optional<int>(60)})
    for (bool surgery : {false, true})
      for (AssessedVariant assessed : {AssessedVariant::none, AssessedVariant::everyPresent, AssessedVariant::some})
        grid.push_back({age, surgery, assessed});
  return grid;
}

struct Others {
  double careWeeks = 0;
  bool improving = false;
  bool candidate = false;
  bool priorMri = false;
  bool spasm = false;
  int pain = 6;
  double symptomWeeks = 12;
  Audience audience = Audience::clinician;
  std::string language = "en";
  std::optional<Herniation> herniation;  // only in the JSON subset's variants
};

std::vector<Others> othersGrid() {
  std::vector<Others> grid;
  for (int bits = 0; bits < (1 << 9); ++bits) {
    Others o;
    o.careWeeks = (bits & 1) ? 6 : 0;
    o.improving = bits & 2;
    o.candidate = bits & 4;
    o.priorMri = bits & 8;
    o.spasm = bits & 16;
    o.pain = (bits & 32) ? 7 : 6;
    o.symptomWeeks = (bits & 64) ? 13 : 12;
    o.audience = (bits & 128) ? Audience::patient : Audience::clinician;
    o.language = (bits & 256) ? "es" : "en";
    grid.push_back(o);
  }
  return grid;
}

std::string describe(const Scope& s, const Others& o) {
  std::ostringstream out;
  out << "age=" << (s.age ? std::to_string(*s.age) : "absent") << " surgery=" << s.priorSurgery
      << " assessed=" << static_cast<int>(s.assessed) << " care=" << o.careWeeks << " improving=" << o.improving
      << " candidate=" << o.candidate << " priorMri=" << o.priorMri << " spasm=" << o.spasm << " pain=" << o.pain
      << " weeks=" << o.symptomWeeks << " audience=" << (o.audience == Audience::patient ? "patient" : "clinician")
      << " language=" << o.language;
  return out.str();
}

// The findings a scope's variant marks as assessed: only findings that are there (the parser
// rejects the others).
struct AssessedFacts {
  std::uint32_t flags = 0;
  bool olderAge = false;
};
AssessedFacts assessedOf(const Scope& s, const FlagFacts& flags) {
  const std::uint32_t present = flags.trueMask & masks().priority;
  const bool older = s.age && *s.age >= 60;
  switch (s.assessed) {
    case AssessedVariant::none: return {};
    case AssessedVariant::everyPresent: return {present, older};
    case AssessedVariant::some: {
      std::uint32_t some = 0;
      bool take = true;  // every other present finding, the first included
      for (std::size_t i = 0; i < kRedFlagCount; ++i)
        if (present & (1u << i)) {
          if (take) some |= 1u << i;
          take = !take;
        }
      return {some, false};
    }
  }
  return {};
}

void setScope(Assessment& a, const Scope& s) {
  a.ageYears = s.age;
  a.priorLumbarSurgery = s.priorSurgery;
}

void setOthers(Assessment& a, const Others& o) {
  a.audience = o.audience;
  if (a.language != o.language) a.language = o.language;
  a.symptomWeeks = o.symptomWeeks;
  a.painScore = o.pain;
  a.muscleSpasm = o.spasm;
  a.conservativeCareWeeks = o.careWeeks;
  a.improving = o.improving;
  a.procedureCandidate = o.candidate;
  a.priorMri = o.priorMri;
  a.herniation = o.herniation;
}

void setFlags(Assessment& a, const FlagFacts& flags, const AssessedFacts& assessed) {
  a.redFlags = flags.answers;
  for (std::size_t i = 0; i < kRedFlagCount; ++i) a.assessed.flags[i] = (assessed.flags >> i) & 1u;
  a.assessed.olderAge = assessed.olderAge;
}

// The triage ladder, written again from the contract (issue 9) on bit masks.
Triage expectedTriage(const FlagFacts& f, const Scope& s, const AssessedFacts& assessed, const Others& o) {
  const Masks& m = masks();
  const std::uint32_t t = f.trueMask, u = f.unansweredMask;
  const bool combination = ((t & m.deficit) && (t & m.withDeficit)) || ((t & m.fever) && (t & m.withFever));
  if ((t & m.emergency) || combination) return Triage::emergency;
  if (u & m.emergency) return Triage::checkNow;
  if ((s.age && *s.age < 18) || s.priorSurgery) return Triage::outOfScope;
  if ((t | u) & m.sameDay) return Triage::urgent;
  if ((t & m.priority & ~assessed.flags) || (s.age && *s.age >= 60 && !assessed.olderAge)) return Triage::priority;
  if ((u & m.priority) || !s.age) return Triage::incomplete;
  if (o.careWeeks >= 6 && !o.improving) return Triage::reassess;
  return Triage::conservative;
}

// ---------------------------------------------------------------------------------------------
// The triage table and the headlines, read once from the content.

struct Row {
  std::string id;
  std::string when;
  std::string kind;
  std::uint32_t bit = 0;  // this id's bit in a line mask
  ConditionPredicate holds = nullptr;  // `when`, looked up once: the sweep tests it 100 million times
  bool isDo = false;                    // kind `do`
};

constexpr std::size_t kTriageCount = kTriages.size();

struct Table {
  std::vector<std::string> ids;  // every recommendation id; bit i = ids[i]
  std::array<std::vector<Row>, kTriageCount> rows;
  std::array<std::vector<Row>, kTriageCount> headlines;  // id and when only
  std::uint32_t medicine = 0, wait = 0, selfCare = 0;
  std::uint32_t opioid = 0, relaxant = 0, sedationCaution = 0, emergencyReferral = 0, emergencyMri = 0, examine = 0, mriImmediate = 0,
                priorityAssessment = 0, seekCare = 0;
  std::uint32_t wellCited = 0;  // ids citing at least one listed reference, and only listed ones

  std::uint32_t bitOf(const std::string& id) const {
    const auto at = std::find(ids.begin(), ids.end(), id);
    return at == ids.end() ? 0 : 1u << (at - ids.begin());
  }
  std::string names(std::uint32_t mask) const {
    std::string text;
    for (std::size_t i = 0; i < ids.size(); ++i)
      if (mask & (1u << i)) text += (text.empty() ? "" : ",") + ids[i];
    return "[" + text + "]";
  }
};

const Table& table() {
  static const Table built = [] {
    Table t;
    const json& rules = content().rules;
    std::set<int> listed;
    for (const json& reference : rules.at("references")) listed.insert(reference.at("number").get<int>());
    for (const auto& [id, recommendation] : rules.at("recommendations").items()) {
      t.ids.push_back(id);
      const json& citations = recommendation.at("citations");
      const bool cited = !citations.empty() && std::all_of(citations.begin(), citations.end(), [&](const json& n) {
        return listed.count(n.get<int>()) == 1;
      });
      if (cited) t.wellCited |= 1u << (t.ids.size() - 1);
    }
    for (const std::string& id : test::medicineLines()) t.medicine |= t.bitOf(id);
    for (const std::string& id : test::waitLines()) t.wait |= t.bitOf(id);
    for (const std::string& id : test::selfCareLines()) t.selfCare |= t.bitOf(id);
    t.opioid = t.bitOf("opioid-short-term-severe-pain");
    t.relaxant = t.bitOf("muscle-relaxant-for-spasm");
    t.sedationCaution = t.bitOf("sedation-combination-caution");
    t.emergencyReferral = t.bitOf("emergency-referral");
    t.emergencyMri = t.bitOf("emergency-mri");
    t.examine = t.bitOf("examine-within-hours");
    t.mriImmediate = t.bitOf("mri-immediate");
    t.priorityAssessment = t.bitOf("priority-assessment");
    t.seekCare = t.bitOf("seek-care-if-red-flags");
    for (const TriageInfo& info : kTriages) {
      const Triage triage = info.triage;
      const std::string id(info.id);
      for (const json& row : rules.at("triageTable").at(id)) {
        Row r{row.at("id").get<std::string>(), row.at("when").get<std::string>(), row.at("kind").get<std::string>()};
        r.bit = t.bitOf(r.id);
        r.holds = conditionPredicate(r.when);
        r.isDo = r.kind == "do";
        t.rows[static_cast<std::size_t>(triage)].push_back(r);
      }
      for (const json& row : rules.at("headlines").at(id)) {
        Row r{row.at("id").get<std::string>(), row.at("when").get<std::string>(), ""};
        r.holds = conditionPredicate(r.when);
        t.headlines[static_cast<std::size_t>(triage)].push_back(r);
      }
    }
    return t;
  }();
  return built;
}

TEST(Invariants, TheTableNamesEveryLineTheInvariantsMention) {
  const Table& t = table();
  ASSERT_LE(t.ids.size(), 32u);
  for (const std::set<std::string>* group : {&test::medicineLines(), &test::waitLines(), &test::selfCareLines()})
    for (const std::string& id : *group) EXPECT_NE(t.bitOf(id), 0u) << id << " is not a recommendation id";
  for (const char* id : {"emergency-referral", "emergency-mri", "examine-within-hours", "mri-immediate",
                         "priority-assessment", "seek-care-if-red-flags", "muscle-relaxant-for-spasm",
                         "sedation-combination-caution"})
    EXPECT_NE(t.bitOf(id), 0u) << id;
  for (const TriageInfo& info : kTriages)
    for (const Row& row : t.rows[static_cast<std::size_t>(info.triage)]) {
      EXPECT_NE(row.bit, 0u) << row.id;
      EXPECT_NE(row.holds, nullptr) << row.when;
    }
  for (const TriageInfo& info : kTriages)
    for (const Row& row : t.headlines[static_cast<std::size_t>(info.triage)]) EXPECT_NE(row.holds, nullptr) << row.when;
  // The test's tiers cover the 16 flags exactly once.
  const Masks& m = masks();
  EXPECT_EQ(m.emergency | m.sameDay | m.priority, (1u << kRedFlagCount) - 1);
  EXPECT_EQ(m.emergency & m.sameDay, 0u);
  EXPECT_EQ(m.emergency & m.priority, 0u);
  EXPECT_EQ(m.sameDay & m.priority, 0u);
}

// ---------------------------------------------------------------------------------------------
// The invariants on one plan, given as triage + headline + line mask + kinds. Shared by the fast
// sweep and the JSON subset, so both check exactly the same promises.

struct PlanFacts {
  Triage triage = Triage::conservative;
  const std::string* headline = nullptr;  // the id of the headline row chosen
  std::uint32_t lines = 0;
  std::uint32_t doKinds = 0;  // lines of kind `do`
};

// Returns "" when every invariant holds, else what failed.
std::string violations(const PlanFacts& plan, const FlagFacts& flags, const Scope& s, const AssessedFacts& assessed,
                       const Others& o) {
  const Table& t = table();
  const Masks& m = masks();
  std::string out;
  const auto fail = [&](const std::string& what) { out += (out.empty() ? "" : "; ") + what; };
  const auto without = [&](std::uint32_t group, const char* what) {
    if (plan.lines & group) fail(std::string(triageId(plan.triage)) + " with " + what + " " + t.names(plan.lines & group));
  };
  const Triage expected = expectedTriage(flags, s, assessed, o);
  if (plan.triage != expected)
    fail("triage " + std::string(triageId(plan.triage)) + ", expected " + std::string(triageId(expected)));
  switch (plan.triage) {
    case Triage::emergency:
      if (!(plan.lines & t.emergencyReferral)) fail("emergency without emergency-referral");
      if (!(plan.lines & t.emergencyMri)) fail("emergency without emergency-mri");
      without(t.medicine, "a medicine line");
      without(t.wait, "a line that waits");
      without(t.selfCare, "a self-care line");
      break;
    case Triage::checkNow:
      if (!(plan.lines & t.examine)) fail("check-now without examine-within-hours");
      without(t.medicine, "a medicine line");
      without(t.wait, "a line that waits");
      without(t.selfCare, "a self-care line");
      break;
    case Triage::outOfScope:
      if (plan.lines != t.seekCare) fail("out-of-scope with lines " + t.names(plan.lines));
      if (((flags.trueMask | flags.unansweredMask) & m.sameDay) && *plan.headline != "outOfScopeToday")
        fail("out-of-scope with a same-day flag open, headline " + *plan.headline);
      break;
    case Triage::urgent:
      if (!(plan.lines & t.mriImmediate)) fail("urgent without mri-immediate");
      without(t.medicine, "a medicine line");
      without(t.wait, "a line that delays imaging");
      if ((*plan.headline == "urgent") != static_cast<bool>(flags.trueMask & m.sameDay))
        fail("urgent headline " + *plan.headline + " does not match the flags");
      break;
    case Triage::priority:
      if (!(plan.lines & t.priorityAssessment)) fail("priority without priority-assessment");
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
  if ((flags.unansweredMask & m.emergency) && plan.triage != Triage::emergency && plan.triage != Triage::checkNow)
    fail("an emergency-group flag is unanswered below check-now");
  if ((flags.unansweredMask & m.sameDay) && plan.triage != Triage::emergency && plan.triage != Triage::checkNow &&
      plan.triage != Triage::urgent && plan.triage != Triage::outOfScope)
    fail("a same-day flag is unanswered below urgent");
  if (plan.triage != Triage::emergency && !(plan.lines & t.seekCare)) fail("no seek-care-if-red-flags line");
  if (plan.lines & t.opioid) {
    if (!(o.pain >= 7 && o.symptomWeeks <= 12)) fail("opioid line without pain >= 7 and <= 12 weeks");
    if (plan.doKinds & t.opioid) fail("opioid line of kind do");
  }
  if ((plan.lines & t.opioid) && (plan.lines & t.relaxant) && !(plan.lines & t.sedationCaution))
    fail("an opioid with a relaxant, without the combination caution");
  if ((plan.lines & t.wellCited) != plan.lines)
    fail("a line without a listed citation " + t.names(plan.lines & ~t.wellCited));
  return out;
}

// The plan the decision function gives, without the words: triage, headline row and lines.
PlanFacts decide(const Assessment& a) {
  const Table& t = table();
  PlanFacts plan;
  plan.triage = decideTriage(a);
  const auto index = static_cast<std::size_t>(plan.triage);
  for (const Row& row : t.headlines[index])
    if (row.holds(a)) {
      plan.headline = &row.id;
      break;
    }
  for (const Row& row : t.rows[index])
    if (row.holds(a)) {
      plan.lines |= row.bit;
      if (row.isDo) plan.doKinds |= row.bit;
    }
  return plan;
}

// ---------------------------------------------------------------------------------------------
// Runs `work(begin, end, failures)` over [0, count) on every core; collects the failures.

struct Failures {
  std::uint64_t count = 0;
  std::vector<std::string> first;  // the first few, for the report
  void add(std::string what) {
    ++count;
    if (first.size() < 10) first.push_back(std::move(what));
  }
  void merge(const Failures& other) {
    count += other.count;
    for (const std::string& what : other.first)
      if (first.size() < 10) first.push_back(what);
  }
};

Failures inParallel(std::uint32_t count, const std::function<void(std::uint32_t, std::uint32_t, Failures&)>& work) {
  const unsigned threads = std::max(1u, std::min(8u, std::thread::hardware_concurrency()));
  std::vector<Failures> perThread(threads);
  std::vector<std::thread> pool;
  // Interleaved chunks, so a slow region of the space is shared between threads.
  std::atomic<std::uint32_t> next{0};
  constexpr std::uint32_t kChunk = 4096;
  for (unsigned i = 0; i < threads; ++i)
    pool.emplace_back([&, i] {
      for (std::uint32_t begin = next.fetch_add(kChunk); begin < count; begin = next.fetch_add(kChunk))
        work(begin, std::min(count, begin + kChunk), perThread[i]);
    });
  for (std::thread& thread : pool) thread.join();
  Failures all;
  for (const Failures& f : perThread) all.merge(f);
  return all;
}

void report(const Failures& failures) {
  for (const std::string& what : failures.first) ADD_FAILURE() << what;
  EXPECT_EQ(failures.count, 0u) << "cases that break an invariant (the first " << failures.first.size()
                                << " are listed above)";
}

double secondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// ---------------------------------------------------------------------------------------------
// 1. The full sweep on the decision function.

TEST(Invariants, EveryRedFlagCombinationHoldsThroughTheDecisionFunction) {
  const std::vector<Scope> scopes = scopeGrid();
  const std::vector<Others> others = othersGrid();
  // Each red-flag combination meets two scope points, rotating so that every scope point meets
  // millions of combinations (the full cross product would be a billion cases, too slow for CI).
  // The small grid (sanitizer build) takes every 97th combination and one scope point; 97 is
  // prime to 3, so every digit pattern of each flag still comes up.
  const std::uint32_t stride = smallGrid() ? 97 : 1;
  const std::size_t scopesPerCombination = smallGrid() ? 1 : 2;
  const auto start = std::chrono::steady_clock::now();
  std::atomic<std::uint64_t> checked{0};

  const Failures failures = inParallel(kFlagCombinations, [&](std::uint32_t begin, std::uint32_t end, Failures& out) {
    Assessment a;
    std::uint64_t count = 0;
    for (std::uint32_t combination = begin; combination < end; ++combination) {
      if (combination % stride != 0) continue;
      const FlagFacts flags = decodeFlags(combination);
      for (std::size_t k = 0; k < scopesPerCombination; ++k) {
        const std::size_t s = (std::size_t{combination} * 7 + k * 13) % scopes.size();
        const Others& o = others[(std::size_t{combination} * 31 + k) % others.size()];
        const AssessedFacts assessed = assessedOf(scopes[s], flags);
        setScope(a, scopes[s]);
        setOthers(a, o);
        setFlags(a, flags, assessed);
        const std::string failed = violations(decide(a), flags, scopes[s], assessed, o);
        if (!failed.empty()) out.add(flagsString(flags) + " " + describe(scopes[s], o) + ": " + failed);
        ++count;
      }
    }
    checked.fetch_add(count, std::memory_order_relaxed);
  });

  std::cout << "[ invariants ] decision function: " << checked.load() << " cases checked ("
            << (kFlagCombinations + stride - 1) / stride << " red-flag combinations x " << scopesPerCombination
            << " of " << scopes.size() << " scope points, the other answers rotating through " << others.size() << ", "
            << (smallGrid() ? "small" : "full") << " grid) in " << secondsSince(start) << " s" << std::endl;
  report(failures);
}

// The routine rungs (priority met by assessment, incomplete, reassess, conservative) need the
// emergency and same-day flags all answered no, which the sweep above reaches rarely: here every
// state of the priority flags crosses every scope point and every other answer.
TEST(Invariants, EveryPriorityStateAcrossAllOtherAnswersHoldsThroughTheDecisionFunction) {
  const std::vector<Scope> scopes = scopeGrid();
  const std::vector<Others> others = othersGrid();
  const Masks& m = masks();
  std::vector<std::uint32_t> combinations;
  // Emergency and same-day flags all false; each priority flag unanswered, false or true.
  for (std::uint32_t c = 0; c < kFlagCombinations; ++c) {
    const FlagFacts flags = decodeFlags(c);
    if ((flags.unansweredMask | flags.trueMask) & (m.emergency | m.sameDay)) continue;
    combinations.push_back(c);
  }
  ASSERT_EQ(combinations.size(), 243u);  // 3^5
  Failures failures;
  std::uint64_t checked = 0;
  Assessment a;
  for (std::uint32_t combination : combinations) {
    const FlagFacts flags = decodeFlags(combination);
    for (const Scope& scope : scopes)
      for (const Others& o : others) {
        const AssessedFacts assessed = assessedOf(scope, flags);
        setScope(a, scope);
        setOthers(a, o);
        setFlags(a, flags, assessed);
        const std::string failed = violations(decide(a), flags, scope, assessed, o);
        if (!failed.empty()) failures.add(flagsString(flags) + " " + describe(scope, o) + ": " + failed);
        ++checked;
      }
  }
  std::cout << "[ invariants ] routine rungs: " << checked << " cases checked" << std::endl;
  report(failures);
}

// ---------------------------------------------------------------------------------------------
// 2. The covering subset through the JSON entry.

std::string inputJson(const FlagFacts& flags, const Scope& s, const AssessedFacts& assessed, const Others& o,
                      std::uint32_t salt) {
  std::string text = "{";
  text += o.audience == Audience::patient ? "\"audience\":\"patient\"" : "\"audience\":\"clinician\"";
  text += ",\"language\":\"" + o.language + "\"";
  if (s.age) text += ",\"ageYears\":" + std::to_string(*s.age);
  if (s.priorSurgery || salt % 2) text += std::string(",\"priorLumbarSurgery\":") + (s.priorSurgery ? "true" : "false");
  text += ",\"symptomWeeks\":" + std::to_string(static_cast<int>(o.symptomWeeks));
  text += ",\"painScore\":" + std::to_string(o.pain);
  text += std::string(",\"muscleSpasm\":") + (o.spasm ? "true" : "false");
  text += ",\"conservativeCareWeeks\":" + std::to_string(static_cast<int>(o.careWeeks));
  text += std::string(",\"improving\":") + (o.improving ? "true" : "false");
  text += std::string(",\"procedureCandidate\":") + (o.candidate ? "true" : "false");
  text += std::string(",\"priorMri\":") + (o.priorMri ? "true" : "false");
  if (o.herniation) {
    text += std::string(",\"herniation\":{\"contained\":") + (o.herniation->contained ? "true" : "false") +
            ",\"level\":\"" + herniationLevelId(o.herniation->level) + "\"}";
  }
  if (assessed.flags != 0 || assessed.olderAge || salt % 5 == 0) {
    text += ",\"assessedFindings\":[";
    bool first = true;
    for (std::size_t i = 0; i < kRedFlagCount; ++i)
      if ((assessed.flags >> i) & 1u) {
        text += std::string(first ? "" : ",") + "\"" + kRedFlags[i].key + "\"";
        first = false;
      }
    if (assessed.olderAge) text += std::string(first ? "" : ",") + "\"olderAge\"";
    text += "]";
  }
  // Unanswered flags are written as null or left out (both mean "not yet answered"); with every
  // flag unanswered the object is sometimes left out altogether.
  if (!(flags.unansweredMask == (1u << kRedFlagCount) - 1 && salt % 3 == 0)) {
    text += ",\"redFlags\":{";
    bool first = true;
    for (std::size_t i = 0; i < kRedFlagCount; ++i) {
      const Answer& answer = flags.answers[i];
      if (!answer && (salt + i) % 2 == 0) continue;
      text += std::string(first ? "" : ",") + "\"" + kRedFlags[i].key + "\":" + (!answer ? "null" : (*answer ? "true" : "false"));
      first = false;
    }
    text += "}";
  }
  return text + "}";
}

std::vector<std::string> idsOf(const json& plan) {
  std::vector<std::string> ids;
  for (const json& line : plan.at("recommendations")) ids.push_back(line.at("id").get<std::string>());
  return ids;
}

// The plan facts read off a real plan JSON; the headline row is taken from the decision function
// (the JSON carries only its words), so it is checked against the words instead.
std::string readFacts(const json& plan, PlanFacts& facts) {
  const Table& t = table();
  if (!plan.value("ok", false)) return "not ok: " + plan.dump();
  const std::string triage = plan.at("triage").get<std::string>();
  const auto known = std::find_if(kTriages.begin(), kTriages.end(), [&](const TriageInfo& x) { return x.id == triage; });
  if (known == kTriages.end()) return "unknown triage " + triage;
  facts.triage = known->triage;
  std::string out;
  for (const json& line : plan.at("recommendations")) {
    const std::string id = line.at("id").get<std::string>();
    const std::uint32_t bit = t.bitOf(id);
    if (bit == 0) out += "; unknown id " + id;
    facts.lines |= bit;
    if (line.at("kind") == "do") facts.doKinds |= bit;
  }
  return out;
}

TEST(Invariants, ACoveringSubsetHoldsThroughTheJsonEntry) {
  const Table& t = table();
  const std::vector<Scope> scopes = scopeGrid();
  const std::vector<Others> others = othersGrid();
  // Herniation variants ride along: none, contained L4-L5 / L5-S1 (the injection line), contained
  // L3-L4 (no line), not contained.
  const std::array<std::optional<Herniation>, 5> herniations{
      std::nullopt, Herniation{true, HerniationLevel::L4L5}, Herniation{true, HerniationLevel::L5S1},
      Herniation{true, HerniationLevel::L3L4}, Herniation{false, HerniationLevel::L5S1}};
  // Every 863rd red-flag combination (every 20,011th in the small grid: the JSON entry costs
  // thousands of times the decision function), each with one scope point and one other-answers
  // point; and the routine combinations (emergency and same-day flags all no) with every scope
  // point.
  const std::uint32_t stride = smallGrid() ? 20011 : 863;
  const auto start = std::chrono::steady_clock::now();
  std::atomic<std::uint64_t> checked{0};

  const auto check = [&](std::uint32_t combination, const Scope& scope, std::size_t g, Failures& out) {
    const FlagFacts flags = decodeFlags(combination);
    Others o = others[g % others.size()];
    o.herniation = herniations[(combination + g) % herniations.size()];
    const AssessedFacts assessed = assessedOf(scope, flags);
    const std::string input = inputJson(flags, scope, assessed, o, combination + static_cast<std::uint32_t>(g));
    const std::string output = evaluateJson(input);
    const json plan = json::parse(output);
    Assessment a;
    setScope(a, scope);
    setOthers(a, o);
    setFlags(a, flags, assessed);
    PlanFacts facts;
    std::string failed = readFacts(plan, facts);
    if (failed.empty() && plan.value("ok", false)) {
      const PlanFacts predicted = decide(a);
      facts.headline = predicted.headline;
      failed += violations(facts, flags, scope, assessed, o);
      // The checker the fuzzer uses, on the same plan: the words' promises.
      for (const std::string& what : test::planViolations(a, plan)) failed += "; " + what;
      if (predicted.lines != facts.lines || predicted.triage != facts.triage)
        failed += "; lines " + t.names(facts.lines) + ", the decision function predicts " + t.names(predicted.lines);
      // buildPlan on the Assessment gives the same bytes as the JSON entry.
      if (combination % 4 == 2 && evaluateAssessment(a, content()).dump(-1, ' ', false, json::error_handler_t::replace) != output)
        failed += "; buildPlan and evaluateJson differ";
      if (combination % 4 == 0 && evaluateJson(input) != output) failed += "; the same input gave different bytes";
      if (combination % 4 == 1) {
        Others other = o;
        other.audience = o.audience == Audience::patient ? Audience::clinician : Audience::patient;
        const json second = json::parse(evaluateJson(inputJson(flags, scope, assessed, other, combination)));
        if (second.at("triage") != plan.at("triage") || idsOf(second) != idsOf(plan))
          failed += "; the other audience gives other lines";
        if (second.at("headline") == plan.at("headline")) failed += "; both audiences get the same headline";
      }
    } else if (failed.empty()) {
      failed = "not ok: " + output;
    }
    if (!failed.empty()) out.add(flagsString(flags) + " " + describe(scope, o) + ": " + failed + "\n  input: " + input);
    checked.fetch_add(1, std::memory_order_relaxed);
  };

  Failures failures = inParallel(kFlagCombinations, [&](std::uint32_t begin, std::uint32_t end, Failures& out) {
    for (std::uint32_t combination = begin; combination < end; ++combination)
      if (combination % stride == 0)
        check(combination, scopes[(std::size_t{combination} * 7) % scopes.size()], std::size_t{combination} * 13, out);
  });
  // The routine combinations: emergency and same-day flags all no, priority flags in every state.
  const Masks& m = masks();
  std::vector<std::uint32_t> routine;
  for (std::uint32_t trueBits = 0; trueBits < 32; ++trueBits) {
    std::uint32_t trueMask = 0;
    std::size_t bit = 0;
    for (std::size_t i = 0; i < kRedFlagCount; ++i)
      if (m.priority & (1u << i)) trueMask |= ((trueBits >> bit++) & 1u) << i;
    routine.push_back(combinationOf(trueMask));
  }
  const std::uint32_t routineCases = static_cast<std::uint32_t>(routine.size() * scopes.size() * (smallGrid() ? 2 : 8));
  const Failures routineFailures =
      inParallel(routineCases, [&](std::uint32_t begin, std::uint32_t end, Failures& out) {
        for (std::uint32_t i = begin; i < end; ++i)
          check(routine[i % routine.size()], scopes[(i / routine.size()) % scopes.size()], std::size_t{i} * 37, out);
      });
  failures.merge(routineFailures);

  std::cout << "[ invariants ] JSON entry: " << checked.load() << " cases checked through evaluateJson and buildPlan ("
            << (smallGrid() ? "small" : "full") << " grid) in " << secondsSince(start) << " s" << std::endl;
  report(failures);
}

// The first rung by itself, at the edges of the age range and after surgery, in the shortest input
// a page sends the moment the first emergency answer is yes.
TEST(Invariants, EveryEmergencyFlagAloneIsAnEmergencyAtAnyAge) {
  for (const std::string& key : test::emergencyFlags())
    for (const char* age : {"", ",\"ageYears\":0", ",\"ageYears\":17", ",\"ageYears\":120"})
      for (const char* surgery : {"", ",\"priorLumbarSurgery\":true"}) {
        const std::string input = "{\"redFlags\":{\"" + key + "\":true}" + age + surgery + "}";
        const json plan = json::parse(evaluateJson(input));
        ASSERT_TRUE(plan.at("ok").get<bool>()) << input;
        EXPECT_EQ(plan.at("triage"), "emergency") << input;
        const std::vector<std::string> ids = idsOf(plan);
        EXPECT_NE(std::find(ids.begin(), ids.end(), "emergency-referral"), ids.end()) << input;
        EXPECT_NE(std::find(ids.begin(), ids.end(), "emergency-mri"), ids.end()) << input;
      }
}

}  // namespace
}  // namespace radiculo
