// The engine's safety promises as exhaustive checks.
//
// Every state of the red flags as true / false / unanswered, up to the interchange of the cauda
// equina signs (the multisets of their answers x every state of the other flags; the interchange
// itself checked below), meets four points of the scope grid (age absent / 17 /
// 59 / 60, prior lumbar surgery, findings assessed: none / every one present / some), rotating, and
// goes through the pathway's decision (decide(): the triage, the headline row and the line rows,
// exactly what the plan writer words), so the whole sweep fits in seconds. The other answers (phase
// of care, improving, procedure candidate, prior MRI, spasm, pain 6 / 7, symptom weeks 12 / 13,
// audience, language) rotate through their grid, so each meets many flag states. A covering subset
// then goes through the JSON entry evaluateJson, where the words are checked too.
//
// The promises are not written here: they are tests/engine/plan_invariants.h's
// decisionViolations (on the decision) and planViolations (on the plan JSON, the same decision
// promises plus the words'), the checker the vectors and the fuzzer use too. This file only
// generates the cases.
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
#include <map>
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

constexpr std::uint32_t kFlagCombinations = 129140163;  // 3^17
static_assert(kRedFlagCount == 17, "the sweep enumerates 3^17 red-flag states");

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
// Red flags: combination c in [0, 3^17) gives flag i the base-3 digit i of c:
// 0 = unanswered, 1 = false, 2 = true.

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
AssessedFacts assessedOf(const Scope& s, const FlagFacts& flags, Audience audience = Audience::clinician) {
  // Marking a finding as assessed is a clinician's act: a patient's assessment never has one.
  if (audience == Audience::patient) return {};
  const std::uint32_t present = flags.trueMask & test::tierMasks().priority;
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
  for (std::size_t i = 0; i < kRedFlagCount; ++i) a.assessedFindings.flags[i] = (assessed.flags >> i) & 1u;
  a.assessedFindings.olderAge = assessed.olderAge;
}

// The pathway's decision for the assessment, as the promises see it.
test::PlanFacts decided(const Assessment& a) { return test::factsOf(decide(a, content().table)); }

// The red flags of a mask of their positions in kRedFlags, by key ("[fever,nightPain]").
std::string flagNames(std::uint32_t mask) {
  std::string text;
  for (const RedFlagInfo& info : kRedFlags)
    if ((mask >> static_cast<std::size_t>(info.flag)) & 1u) text += (text.empty() ? "" : ",") + std::string(info.key);
  return "[" + text + "]";
}

TEST(Invariants, TheContractTiersCoverEveryFlagOnce) {
  const test::TierMasks& m = test::tierMasks();
  const std::uint32_t all = (1u << kRedFlagCount) - 1;
  EXPECT_EQ(all & ~(m.emergency | m.sameDay | m.priority), 0u)
      << "flags in no tier of plan_invariants.cpp (emergencyFlags, sameDayFlags or priorityFlags): "
      << flagNames(all & ~(m.emergency | m.sameDay | m.priority));
  EXPECT_EQ(m.emergency & m.sameDay, 0u) << "flags both emergency and same-day: " << flagNames(m.emergency & m.sameDay);
  EXPECT_EQ(m.emergency & m.priority, 0u) << "flags both emergency and priority: " << flagNames(m.emergency & m.priority);
  EXPECT_EQ(m.sameDay & m.priority, 0u) << "flags both same-day and priority: " << flagNames(m.sameDay & m.priority);
  for (const std::set<std::string>* group : {&test::medicineLines(), &test::waitLines(), &test::selfCareLines()})
    for (const std::string& id : *group) EXPECT_NE(test::lineBit(id), 0u) << id << " is not a recommendation id";
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
// 1. The sweep on the decision function.
//
// The five cauda equina signs (saddle, bladder or bowel, weakness in both legs, sciatica in both
// legs, sexual function) are interchangeable in the contract: each is an emergency when yes and an
// examination within hours when unanswered, and every line and headline speaks of them as a group
// ("a cauda equina sign is yes / unanswered"). So a state of the red flags is decided by how many of
// the five are unanswered, no and yes (21 multisets of their 3^5 = 243 states), not by which.
// The sweep takes every multiset of the five with every state of the other 12 flags (3^12 =
// 531,441): 11,160,261 red-flag states, each through four scope points. Each multiset is stood for
// by one of its arrangements, rotating with the state of the other flags, so every one of the 243
// arrangements meets tens of thousands of those states; TheFiveCaudaEquinaSignsAreInterchangeable
// then checks the interchange itself, every arrangement against its multiset's stand-in.
// (3^17 states through two scope points measured 88 s of CPU with the plan's new rules, three
// times the sweep over 3^16 before; this covers the same distinct states in a tenth of the time.)

struct CaudaEquinaClasses {
  std::array<std::size_t, 5> positions{};  // the five signs' places in kRedFlags
  std::array<std::size_t, kRedFlagCount - 5> others{};  // the other 12 flags' places
  std::vector<std::vector<std::array<std::uint32_t, 5>>> arrangements;  // by multiset: every arrangement of digits
  std::vector<std::size_t> classOf;  // for each of the 243 states of the five (base 3), its multiset
};

const CaudaEquinaClasses& caudaEquinaClasses() {
  static const CaudaEquinaClasses built = [] {
    CaudaEquinaClasses c;
    const std::set<std::string> five = {"saddleAnesthesia", "bladderBowelDysfunction", "bilateralLegWeakness",
                                        "bilateralSciatica", "sexualDysfunction"};
    std::size_t p = 0, q = 0;
    for (std::size_t i = 0; i < kRedFlagCount; ++i) {
      if (five.count(kRedFlags[i].key)) c.positions[p++] = i;
      else c.others[q++] = i;
    }
    std::map<std::array<int, 3>, std::size_t> index;  // counts of unanswered, no, yes -> multiset
    for (std::uint32_t state = 0; state < 243; ++state) {
      std::array<std::uint32_t, 5> digits{};
      std::array<int, 3> counts{};
      for (std::uint32_t k = 0, rest = state; k < 5; ++k, rest /= 3) {
        digits[k] = rest % 3;
        ++counts[digits[k]];
      }
      const auto found = index.emplace(counts, index.size()).first;
      if (found->second == c.arrangements.size()) c.arrangements.emplace_back();
      c.arrangements[found->second].push_back(digits);
      c.classOf.push_back(found->second);
    }
    return c;
  }();
  return built;
}

// The combination with the five signs given by `five` (a digit each) and the other 12 flags by the
// base-3 digits of `rest`.
std::uint32_t combineFlags(const CaudaEquinaClasses& c, const std::array<std::uint32_t, 5>& five, std::uint32_t rest) {
  std::array<std::uint32_t, kRedFlagCount> digits{};
  for (std::size_t k = 0; k < 5; ++k) digits[c.positions[k]] = five[k];
  for (std::size_t k = 0; k < c.others.size(); ++k, rest /= 3) digits[c.others[k]] = rest % 3;
  std::uint32_t combination = 0;
  for (std::size_t i = kRedFlagCount; i-- > 0;) combination = combination * 3 + digits[i];
  return combination;
}

constexpr std::uint32_t kOtherFlagStates = 531441;  // 3^12
static_assert(kRedFlagCount - 5 == 12, "3^12 states of the flags other than the five cauda equina signs");

TEST(Invariants, EveryRedFlagStateHoldsThroughTheDecisionFunction) {
  const std::vector<Scope> scopes = scopeGrid();
  const std::vector<Others> others = othersGrid();
  const CaudaEquinaClasses& classes = caudaEquinaClasses();
  ASSERT_EQ(classes.arrangements.size(), 21u);
  const std::uint32_t states = kOtherFlagStates * static_cast<std::uint32_t>(classes.arrangements.size());
  // The small grid (sanitizer build) takes every 97th state and one scope point; 97 is prime to 3
  // and to 21, so every digit pattern of each flag still comes up.
  const std::uint32_t stride = smallGrid() ? 97 : 1;
  const std::size_t scopesPerState = smallGrid() ? 1 : 4;
  const auto start = std::chrono::steady_clock::now();
  std::atomic<std::uint64_t> checked{0};

  const Failures failures = inParallel(states, [&](std::uint32_t begin, std::uint32_t end, Failures& out) {
    Assessment a;
    std::uint64_t count = 0;
    for (std::uint32_t state = begin; state < end; ++state) {
      if (state % stride != 0) continue;
      const std::uint32_t rest = state / 21, multiset = state % 21;
      const auto& arrangements = classes.arrangements[multiset];
      const std::uint32_t combination = combineFlags(classes, arrangements[(rest * 7 + multiset) % arrangements.size()], rest);
      const FlagFacts flags = decodeFlags(combination);
      for (std::size_t k = 0; k < scopesPerState; ++k) {
        const std::size_t s = (std::size_t{state} * 7 + k * 13) % scopes.size();
        const Others& o = others[(std::size_t{state} * 31 + k) % others.size()];
        const AssessedFacts assessed = assessedOf(scopes[s], flags);
        setScope(a, scopes[s]);
        setOthers(a, o);
        setFlags(a, flags, assessed);
        const std::string failed = test::decisionViolations(a, decided(a));
        if (!failed.empty()) out.add(flagsString(flags) + " " + describe(scopes[s], o) + ": " + failed);
        ++count;
      }
    }
    checked.fetch_add(count, std::memory_order_relaxed);
  });

  std::cout << "[ invariants ] decision function: " << checked.load() << " cases checked ("
            << (states + stride - 1) / stride << " red-flag states: 21 multisets of the five cauda equina signs x 3^12 "
            << "states of the other flags; x " << scopesPerState << " of " << scopes.size()
            << " scope points, the other answers rotating through " << others.size() << ", "
            << (smallGrid() ? "small" : "full") << " grid) in " << secondsSince(start) << " s" << std::endl;
  report(failures);
}

// The reduction above rests on the five cauda equina signs being interchangeable: every one of
// their 243 arrangements gives the decision (triage, headline, lines) its multiset's stand-in gives,
// for every 41st state of the other flags (41 is prime to 3), at two scope points.
TEST(Invariants, TheFiveCaudaEquinaSignsAreInterchangeable) {
  const std::vector<Scope> scopes = scopeGrid();
  const std::vector<Others> others = othersGrid();
  const CaudaEquinaClasses& classes = caudaEquinaClasses();
  const std::uint32_t step = smallGrid() ? 997 : 41;
  Failures failures;
  std::uint64_t checked = 0;
  Assessment a, b;
  for (std::uint32_t rest = 0; rest < kOtherFlagStates; rest += step)
    for (std::uint32_t state = 0; state < 243; ++state) {
      std::array<std::uint32_t, 5> five{};
      for (std::uint32_t k = 0, r = state; k < 5; ++k, r /= 3) five[k] = r % 3;
      const FlagFacts flags = decodeFlags(combineFlags(classes, five, rest));
      const FlagFacts standIn = decodeFlags(combineFlags(classes, classes.arrangements[classes.classOf[state]].front(), rest));
      const Scope& scope = scopes[(rest + state) % scopes.size()];
      const Others& o = others[(rest * 31 + state) % others.size()];
      setScope(a, scope);
      setOthers(a, o);
      setFlags(a, flags, assessedOf(scope, flags));
      setScope(b, scope);
      setOthers(b, o);
      setFlags(b, standIn, assessedOf(scope, standIn));
      const test::PlanFacts x = decided(a), y = decided(b);
      if (x.triage != y.triage || x.headline != y.headline || x.lines != y.lines)
        failures.add(flagsString(flags) + " decides otherwise than " + flagsString(standIn) + " " + describe(scope, o));
      ++checked;
    }
  std::cout << "[ invariants ] the five cauda equina signs interchangeable: " << checked << " arrangements checked" << std::endl;
  report(failures);
}

// The routine rungs (priority met by assessment, incomplete, reassess, conservative) need the
// emergency and same-day flags all answered no, which the sweep above reaches rarely: here every
// state of the priority flags crosses every scope point and every other answer.
TEST(Invariants, EveryPriorityStateAcrossAllOtherAnswersHoldsThroughTheDecisionFunction) {
  const std::vector<Scope> scopes = scopeGrid();
  const std::vector<Others> others = othersGrid();
  const test::TierMasks& m = test::tierMasks();
  // Emergency and same-day flags all false; each priority flag unanswered, false or true: every
  // digit pattern over the priority flags' positions, the other digits 1 (false).
  std::vector<std::size_t> priority;
  for (std::size_t i = 0; i < kRedFlagCount; ++i)
    if (m.priority & (1u << i)) priority.push_back(i);
  std::vector<std::uint32_t> combinations;
  std::uint32_t states = 1;
  for (std::size_t k = 0; k < priority.size(); ++k) states *= 3;
  for (std::uint32_t state = 0; state < states; ++state) {
    std::array<std::uint32_t, kRedFlagCount> digits;
    digits.fill(1);
    for (std::uint32_t k = 0, rest = state; k < priority.size(); ++k, rest /= 3) digits[priority[k]] = rest % 3;
    std::uint32_t combination = 0;
    for (std::size_t i = kRedFlagCount; i-- > 0;) combination = combination * 3 + digits[i];
    combinations.push_back(combination);
  }
  ASSERT_EQ(combinations.size(), 729u);  // 3^6
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
        const std::string failed = test::decisionViolations(a, decided(a));
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
  if (assessed.flags != 0 || assessed.olderAge || (salt % 5 == 0 && o.audience == Audience::clinician)) {
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

TEST(Invariants, ACoveringSubsetHoldsThroughTheJsonEntry) {
  const std::vector<Scope> scopes = scopeGrid();
  const std::vector<Others> others = othersGrid();
  // Herniation variants ride along: none, contained L4-L5 / L5-S1 (the injection line), contained
  // L3-L4 (no line), not contained.
  const std::array<std::optional<Herniation>, 5> herniations{
      std::nullopt, Herniation{true, HerniationLevel::L4L5}, Herniation{true, HerniationLevel::L5S1},
      Herniation{true, HerniationLevel::L3L4}, Herniation{false, HerniationLevel::L5S1}};
  // Every 3,301st red-flag combination (every 60,013th in the small grid: the JSON entry costs
  // thousands of times the decision function), each with one scope point and one other-answers
  // point; and the routine combinations (emergency and same-day flags all no) with every scope
  // point.
  const std::uint32_t stride = smallGrid() ? 60013 : 3301;
  const auto start = std::chrono::steady_clock::now();
  std::atomic<std::uint64_t> checked{0};

  const auto check = [&](std::uint32_t combination, const Scope& scope, std::size_t g, Failures& out) {
    const FlagFacts flags = decodeFlags(combination);
    Others o = others[g % others.size()];
    o.herniation = herniations[(combination + g) % herniations.size()];
    const AssessedFacts assessed = assessedOf(scope, flags, o.audience);
    const std::string input = inputJson(flags, scope, assessed, o, combination + static_cast<std::uint32_t>(g));
    const std::string output = evaluateJson(input);
    const json plan = json::parse(output);
    Assessment a;
    setScope(a, scope);
    setOthers(a, o);
    setFlags(a, flags, assessed);
    std::string failed;
    if (plan.value("ok", false)) {
      // Every promise, on the plan JSON, with the headline row the decision chose (the JSON
      // carries only its words).
      const test::PlanFacts predicted = decided(a);
      for (const std::string& what : test::planViolations(a, plan, predicted.headline)) failed += "; " + what;
      // The plan writes exactly the decision's lines.
      test::PlanFacts written;
      failed += test::readFacts(plan, written);
      if (predicted.lines != written.lines || predicted.triage != written.triage)
        failed += "; lines " + test::lineNames(written.lines) + ", the decision has " + test::lineNames(predicted.lines);
      // evaluateAssessment on the Assessment gives the same bytes as the JSON entry.
      // (evaluateJson adds the answers it read, worded: answerRows.)
      if (combination % 4 == 2) {
        json withoutAnswers = plan;
        withoutAnswers.erase("answers");
        if (evaluateAssessment(a, content()) != withoutAnswers) failed += "; evaluateAssessment and evaluateJson differ";
      }
      if (combination % 4 == 0 && evaluateJson(input) != output) failed += "; the same input gave different bytes";
      if (combination % 4 == 1) {
        Others other = o;
        other.audience = o.audience == Audience::patient ? Audience::clinician : Audience::patient;
        const std::string otherInput = inputJson(flags, scope, assessed, other, combination);
        const json second = json::parse(evaluateJson(otherInput));
        if (other.audience == Audience::patient && otherInput.find("\"assessedFindings\"") != std::string::npos) {
          // A clinician's assessed findings in a patient's words: refused, naming the field.
          if (second.value("ok", true) || second.at("errors").at(0).at("field") != "/assessedFindings")
            failed += "; assessed findings in a patient's assessment were not refused";
        } else {
          if (second.at("triage") != plan.at("triage") || idsOf(second) != idsOf(plan))
            failed += "; the other audience gives other lines";
          if (second.at("headline") == plan.at("headline")) failed += "; both audiences get the same headline";
        }
      }
    } else {
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
  const test::TierMasks& m = test::tierMasks();
  std::vector<std::uint32_t> routine;
  for (std::uint32_t trueBits = 0; trueBits < (1u << 6); ++trueBits) {  // the 6 priority flags
    std::uint32_t trueMask = 0;
    std::size_t bit = 0;
    for (std::size_t i = 0; i < kRedFlagCount; ++i)
      if (m.priority & (1u << i)) trueMask |= ((trueBits >> bit++) & 1u) << i;
    routine.push_back(combinationOf(trueMask));
  }
  const std::uint32_t routineCases = static_cast<std::uint32_t>(routine.size() * scopes.size() * (smallGrid() ? 1 : 4));
  const Failures routineFailures =
      inParallel(routineCases, [&](std::uint32_t begin, std::uint32_t end, Failures& out) {
        for (std::uint32_t i = begin; i < end; ++i)
          check(routine[i % routine.size()], scopes[(i / routine.size()) % scopes.size()], std::size_t{i} * 37, out);
      });
  failures.merge(routineFailures);

  std::cout << "[ invariants ] JSON entry: " << checked.load() << " cases checked through evaluateJson and evaluateAssessment ("
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
