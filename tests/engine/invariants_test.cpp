// The engine's safety promises as exhaustive checks.
//
// Every combination of the red flags as true / false / unanswered (3^n for n flags, kFlagCombinations) meets
// two points of the scope grid (age absent / 17 / 59 / 60, prior lumbar surgery, findings
// assessed: none / every one present / some), rotating, and goes through the pathway's decision
// (decide(): the triage, the headline row and the line rows, exactly what the plan writer words),
// so the whole sweep fits in seconds. The other answers (phase of care, improving, procedure
// candidate, prior MRI, spasm, pain 6 / 7, symptom weeks 12 / 13, audience, language) rotate
// through their grid, so each meets many flag combinations. A covering subset then goes through
// the JSON entry evaluateJson, where the words are checked too.
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
        const std::string failed = test::decisionViolations(a, decided(a));
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
  const test::TierMasks& m = test::tierMasks();
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

TEST(Invariants, ACoveringSubsetHoldsThroughTheJsonEntry) {
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
        const json second = json::parse(evaluateJson(inputJson(flags, scope, assessed, other, combination)));
        if (second.at("triage") != plan.at("triage") || idsOf(second) != idsOf(plan))
          failed += "; the other audience gives other lines";
        if (second.at("headline") == plan.at("headline")) failed += "; both audiences get the same headline";
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
