// The engine's safety promises as exhaustive checks (issue 5).
//
// Every combination of the 12 red flags as true / false / unanswered (3^12 = 531,441) is crossed
// with a representative grid of the other answers (age 17 / 18 / absent, prior lumbar surgery,
// phase of care 0 / 6 weeks, improving, procedure candidate, prior MRI, spasm, pain 6 / 7,
// symptom weeks 12 / 13, both audiences) and checked against the decision function: the triage
// from decideTriage and the plan lines that content/rules.json's triage table gives through
// conditionHolds -- exactly what buildPlan does, without the wording, so the whole sweep fits in
// seconds. A covering subset (every 5th red-flag combination, every grid point many times,
// herniation variants included) then goes through the JSON entry evaluateJson, where the same
// invariants are checked on the real plan, together with the lines the fast path predicted.
//
// The invariants (issue 5):
//   - a cauda-equina flag true -> emergency at any age, with emergency-referral and mri-immediate
//     and no medicine line;
//   - otherwise under 18 or prior lumbar surgery -> out-of-scope, with no management line;
//   - otherwise any flag true -> urgent (mri-immediate): no medicine line, nothing that delays
//     imaging, no no-ct-myelography-bone-scan-pet;
//   - no flag true and some unanswered -> incomplete, listing exactly the unanswered ones, and no
//     line that says the person can wait;
//   - the opioid line only with pain >= 7 and at most 12 weeks of symptoms, never of kind `do`;
//   - every line cites at least one listed reference; both audiences give the same ids; the same
//     input twice gives the same bytes.
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
#include <mutex>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "content.h"
#include "engine.h"
#include "pathway.h"
#include "plan.h"
#include "plan_invariants.h"

namespace radiculo {
namespace {

using nlohmann::json;

constexpr std::uint32_t kFlagCombinations = 531441;  // 3^12

// ---------------------------------------------------------------------------------------------
// The lines the invariants speak about (issue 5): test::medicineLines() and test::waitLines().

const std::string kOpioid = "opioid-short-term-severe-pain";

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
// Red flags: combination c in [0, 3^12) gives flag i the base-3 digit i of c:
// 0 = unanswered, 1 = false, 2 = true.

struct FlagFacts {
  std::array<Answer, kRedFlagCount> answers{};
  bool caudaEquinaTrue = false;
  bool anyTrue = false;
  std::uint32_t unansweredMask = 0;  // bit i = flag i unanswered
  bool fractureTrue = false;
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
    if (digit == 2) {
      facts.anyTrue = true;
      if (kRedFlags[i].group == RedFlagGroup::caudaEquina) facts.caudaEquinaTrue = true;
      if (kRedFlags[i].group == RedFlagGroup::fracture) facts.fractureTrue = true;
    }
  }
  return facts;
}

std::string flagsString(const FlagFacts& facts) {
  std::string text;
  for (const Answer& answer : facts.answers) text += !answer ? '?' : (*answer ? 'T' : 'F');
  return text;
}

// ---------------------------------------------------------------------------------------------
// The representative grid of the other answers.

struct Others {
  std::optional<int> age;
  bool priorSurgery = false;
  double careWeeks = 0;
  bool improving = false;
  bool candidate = false;
  bool priorMri = false;
  bool spasm = false;
  int pain = 6;
  double symptomWeeks = 12;
  Audience audience = Audience::clinician;
  std::optional<Herniation> herniation;  // only in the JSON subset's variants
};

std::string describe(const Others& o) {
  std::ostringstream out;
  out << "age=" << (o.age ? std::to_string(*o.age) : "absent") << " surgery=" << o.priorSurgery
      << " care=" << o.careWeeks << " improving=" << o.improving << " candidate=" << o.candidate
      << " priorMri=" << o.priorMri << " spasm=" << o.spasm << " pain=" << o.pain << " weeks=" << o.symptomWeeks
      << " audience=" << (o.audience == Audience::patient ? "patient" : "clinician")
      << " herniation=" << (o.herniation ? (o.herniation->contained ? "contained" : "not-contained") : "none");
  return out.str();
}

std::vector<Others> fullGrid() {
  std::vector<Others> grid;
  for (std::optional<int> age : {std::optional<int>(), std::optional<int>(17), std::optional<int>(18)})
    for (int bits = 0; bits < (1 << 9); ++bits) {
      Others o;
      o.age = age;
      o.priorSurgery = bits & 1;
      o.careWeeks = (bits & 2) ? 6 : 0;
      o.improving = bits & 4;
      o.candidate = bits & 8;
      o.priorMri = bits & 16;
      o.spasm = bits & 32;
      o.pain = (bits & 64) ? 7 : 6;
      o.symptomWeeks = (bits & 128) ? 13 : 12;
      o.audience = (bits & 256) ? Audience::patient : Audience::clinician;
      grid.push_back(o);
    }
  return grid;
}

// For the sanitizer build: every value of every dimension, and every pair of the dimensions that
// decide a line (phase x improving x candidate x prior MRI; pain x weeks), in 16 rows.
std::vector<Others> smallGridRows() {
  std::vector<Others> grid;
  for (int bits = 0; bits < 16; ++bits) {
    Others o;
    o.careWeeks = (bits & 1) ? 6 : 0;
    o.improving = bits & 2;
    o.candidate = bits & 4;
    o.priorMri = bits & 8;
    o.pain = (bits % 3 == 0) ? 7 : 6;
    o.symptomWeeks = (bits % 5 < 2) ? 13 : 12;
    o.spasm = bits % 2 == (bits >> 2) % 2;
    o.audience = bits % 3 == 1 ? Audience::patient : Audience::clinician;
    o.age = bits == 5 ? std::optional<int>(17) : bits == 9 ? std::optional<int>(18) : std::nullopt;
    o.priorSurgery = bits == 6 || bits == 14;
    grid.push_back(o);
  }
  return grid;
}

Assessment assessmentOf(const Others& o, const FlagFacts& flags) {
  Assessment a;
  a.audience = o.audience;
  a.ageYears = o.age;
  a.priorLumbarSurgery = o.priorSurgery;
  a.symptomWeeks = o.symptomWeeks;
  a.painScore = o.pain;
  a.muscleSpasm = o.spasm;
  a.redFlags = flags.answers;
  a.conservativeCareWeeks = o.careWeeks;
  a.improving = o.improving;
  a.procedureCandidate = o.candidate;
  a.priorMri = o.priorMri;
  a.herniation = o.herniation;
  return a;
}

// The triage ladder, written again from the contract (issue 2) without the engine's helpers.
Triage expectedTriage(const FlagFacts& flags, const Others& o) {
  if (flags.caudaEquinaTrue) return Triage::emergency;
  if ((o.age && *o.age < 18) || o.priorSurgery) return Triage::outOfScope;
  if (flags.anyTrue) return Triage::urgent;
  if (flags.unansweredMask != 0) return Triage::incomplete;
  if (o.careWeeks >= 6 && !o.improving) return Triage::reassess;
  return Triage::conservative;
}

// ---------------------------------------------------------------------------------------------
// The triage table, read once from the content, each row with what the invariants need to know.

struct Row {
  std::string id;
  std::string when;
  std::string kind;
  std::uint32_t bit = 0;  // this id's bit in a line mask
};

struct Table {
  std::vector<std::string> ids;  // every recommendation id; bit i = ids[i]
  std::array<std::vector<Row>, 6> rows;
  std::uint32_t medicine = 0, wait = 0;
  std::uint32_t opioid = 0, emergencyReferral = 0, mriImmediate = 0, seekCare = 0;
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

constexpr std::array<Triage, 6> kTriages{Triage::emergency, Triage::outOfScope, Triage::urgent,
                                         Triage::incomplete, Triage::reassess,   Triage::conservative};

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
    t.opioid = t.bitOf(kOpioid);
    t.emergencyReferral = t.bitOf("emergency-referral");
    t.mriImmediate = t.bitOf("mri-immediate");
    t.seekCare = t.bitOf("seek-care-if-red-flags");
    for (Triage triage : kTriages)
      for (const json& row : rules.at("triageTable").at(std::string(triageId(triage)))) {
        Row r{row.at("id").get<std::string>(), row.at("when").get<std::string>(), row.at("kind").get<std::string>()};
        r.bit = t.bitOf(r.id);
        t.rows[static_cast<std::size_t>(triage)].push_back(r);
      }
    return t;
  }();
  return built;
}

TEST(Invariants, TheTableNamesEveryLineTheInvariantsMention) {
  const Table& t = table();
  ASSERT_LE(t.ids.size(), 32u);
  for (const std::set<std::string>* group : {&test::medicineLines(), &test::waitLines()})
    for (const std::string& id : *group) EXPECT_NE(t.bitOf(id), 0u) << id << " is not a recommendation id";
  for (const char* id : {"emergency-referral", "mri-immediate", "seek-care-if-red-flags"})
    EXPECT_NE(t.bitOf(id), 0u) << id;
  for (const Triage triage : kTriages)
    for (const Row& row : t.rows[static_cast<std::size_t>(triage)]) {
      EXPECT_NE(row.bit, 0u) << row.id;
      EXPECT_TRUE(isKnownCondition(row.when)) << row.when;
    }
}

// ---------------------------------------------------------------------------------------------
// The invariants on one plan, given as triage + line mask + kinds. Shared by the fast sweep and
// the JSON subset, so both check exactly the same promises.

struct PlanFacts {
  Triage triage;
  std::uint32_t lines = 0;
  std::uint32_t doKinds = 0;  // lines of kind `do`
};

// Returns "" when every invariant holds, else what failed.
std::string violations(const PlanFacts& plan, const FlagFacts& flags, const Others& o) {
  const Table& t = table();
  std::string out;
  const auto fail = [&](const std::string& what) { out += (out.empty() ? "" : "; ") + what; };
  const Triage expected = expectedTriage(flags, o);
  if (plan.triage != expected)
    fail("triage " + std::string(triageId(plan.triage)) + ", expected " + std::string(triageId(expected)));
  switch (plan.triage) {
    case Triage::emergency:
      if (!(plan.lines & t.emergencyReferral)) fail("emergency without emergency-referral");
      if (!(plan.lines & t.mriImmediate)) fail("emergency without mri-immediate");
      if (plan.lines & t.medicine) fail("emergency with a medicine line " + t.names(plan.lines & t.medicine));
      break;
    case Triage::outOfScope:
      if (plan.lines != 0) fail("out-of-scope with management lines " + t.names(plan.lines));
      break;
    case Triage::urgent:
      if (!(plan.lines & t.mriImmediate)) fail("urgent without mri-immediate");
      if (plan.lines & t.medicine) fail("urgent with a medicine line " + t.names(plan.lines & t.medicine));
      if (plan.lines & t.wait) fail("urgent with a line that delays imaging " + t.names(plan.lines & t.wait));
      break;
    case Triage::incomplete:
      if (plan.lines & t.wait) fail("incomplete with a line that says wait " + t.names(plan.lines & t.wait));
      break;
    default:
      break;
  }
  if (plan.triage != Triage::emergency && plan.triage != Triage::outOfScope && !(plan.lines & t.seekCare))
    fail("no seek-care-if-red-flags line");
  if (plan.lines & t.opioid) {
    if (!(o.pain >= 7 && o.symptomWeeks <= 12)) fail("opioid line without pain >= 7 and <= 12 weeks");
    if (plan.doKinds & t.opioid) fail("opioid line of kind do");
  }
  if ((plan.lines & t.wellCited) != plan.lines)
    fail("a line without a listed citation " + t.names(plan.lines & ~t.wellCited));
  return out;
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

TEST(Invariants, EveryRedFlagCombinationAcrossTheGridHoldsThroughTheDecisionFunction) {
  const Table& t = table();
  const std::vector<Others> grid = smallGrid() ? smallGridRows() : fullGrid();
  const auto start = std::chrono::steady_clock::now();

  const Failures failures = inParallel(kFlagCombinations, [&](std::uint32_t begin, std::uint32_t end, Failures& out) {
    std::vector<Assessment> assessments;
    for (const Others& o : grid) assessments.push_back(assessmentOf(o, FlagFacts{}));
    for (std::uint32_t combination = begin; combination < end; ++combination) {
      const FlagFacts flags = decodeFlags(combination);
      for (std::size_t g = 0; g < grid.size(); ++g) {
        Assessment& a = assessments[g];
        a.redFlags = flags.answers;
        PlanFacts plan{decideTriage(a)};
        for (const Row& row : t.rows[static_cast<std::size_t>(plan.triage)])
          if (conditionHolds(row.when, a)) {
            plan.lines |= row.bit;
            if (row.kind == "do") plan.doKinds |= row.bit;
          }
        std::string failed = violations(plan, flags, grid[g]);
        // incomplete lists exactly the unanswered flags, in the contract's order.
        if (plan.triage == Triage::incomplete) {
          std::uint32_t listed = 0;
          std::size_t last = 0;
          bool ordered = true;
          for (RedFlag flag : flagsUnanswered(a)) {
            const auto index = static_cast<std::size_t>(flag);
            ordered = ordered && (listed == 0 || index > last);
            listed |= 1u << index;
            last = index;
          }
          if (listed != flags.unansweredMask || !ordered) failed += "; unanswered lists the wrong flags";
        }
        if (!failed.empty()) out.add(flagsString(flags) + " " + describe(grid[g]) + ": " + failed);
      }
    }
  });

  const std::uint64_t cases = std::uint64_t{kFlagCombinations} * grid.size();
  std::cout << "[ invariants ] decision function: " << cases << " cases checked (" << kFlagCombinations
            << " red-flag combinations x " << grid.size() << " other-answer combinations, "
            << (smallGrid() ? "small" : "full") << " grid) in " << secondsSince(start) << " s" << std::endl;
  report(failures);
}

// ---------------------------------------------------------------------------------------------
// 2. The covering subset through the JSON entry.

std::string inputJson(const FlagFacts& flags, const Others& o, std::uint32_t salt) {
  std::string text = "{";
  text += o.audience == Audience::patient ? "\"audience\":\"patient\"" : "\"audience\":\"clinician\"";
  if (o.age) text += ",\"ageYears\":" + std::to_string(*o.age);
  if (o.priorSurgery || salt % 2) text += std::string(",\"priorLumbarSurgery\":") + (o.priorSurgery ? "true" : "false");
  text += ",\"symptomWeeks\":" + std::to_string(static_cast<int>(o.symptomWeeks));
  text += ",\"painScore\":" + std::to_string(o.pain);
  text += std::string(",\"muscleSpasm\":") + (o.spasm ? "true" : "false");
  text += ",\"conservativeCareWeeks\":" + std::to_string(static_cast<int>(o.careWeeks));
  text += std::string(",\"improving\":") + (o.improving ? "true" : "false");
  text += std::string(",\"procedureCandidate\":") + (o.candidate ? "true" : "false");
  text += std::string(",\"priorMri\":") + (o.priorMri ? "true" : "false");
  if (o.herniation) {
    static constexpr const char* kLevels[] = {"L1-L2", "L2-L3", "L3-L4", "L4-L5", "L5-S1"};
    text += std::string(",\"herniation\":{\"contained\":") + (o.herniation->contained ? "true" : "false") +
            ",\"level\":\"" + kLevels[static_cast<int>(o.herniation->level)] + "\"}";
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

// The invariants read off a real plan JSON, plus the fields only the JSON has.
std::string jsonViolations(const json& plan, const FlagFacts& flags, const Others& o, PlanFacts& facts) {
  const Table& t = table();
  std::string out;
  const auto fail = [&](const std::string& what) { out += (out.empty() ? "" : "; ") + what; };
  if (!plan.value("ok", false)) return "not ok: " + plan.dump();
  const std::string triage = plan.at("triage").get<std::string>();
  const auto known = std::find_if(kTriages.begin(), kTriages.end(), [&](Triage x) { return triageId(x) == triage; });
  if (known == kTriages.end()) return "unknown triage " + triage;
  facts.triage = *known;
  std::set<int> listed;
  for (const json& reference : plan.at("references")) listed.insert(reference.at("number").get<int>());
  for (const json& line : plan.at("recommendations")) {
    const std::string id = line.at("id").get<std::string>();
    const std::uint32_t bit = t.bitOf(id);
    if (bit == 0) fail("unknown id " + id);
    if (facts.lines & bit) fail("id twice " + id);
    facts.lines |= bit;
    if (line.at("kind") == "do") facts.doKinds |= bit;
    const json& citations = line.at("citations");
    if (citations.empty()) fail(id + " cites nothing");
    for (const json& number : citations)
      if (listed.count(number.get<int>()) == 0) fail(id + " cites a reference that is not listed");
  }
  std::string failed = violations(facts, flags, o);
  // The JSON-only fields.
  json unanswered = json::array(), present = json::array();
  for (std::size_t i = 0; i < kRedFlagCount; ++i) {
    if (flags.unansweredMask & (1u << i)) unanswered.push_back(kRedFlags[i].key);
    if (flags.answers[i] == true) present.push_back(kRedFlags[i].key);
  }
  if (plan.at("unanswered") != unanswered) fail("unanswered is " + plan.at("unanswered").dump());
  if (plan.at("redFlagsPresent") != present) fail("redFlagsPresent is " + plan.at("redFlagsPresent").dump());
  if (plan.contains("reassessInWeeks") != (facts.triage == Triage::conservative))
    fail("reassessInWeeks only in conservative");
  if (!failed.empty()) fail(failed);
  return out;
}

TEST(Invariants, ACoveringSubsetHoldsThroughTheJsonEntry) {
  const Table& t = table();
  const std::vector<Others> grid = fullGrid();
  // Herniation variants ride along: none, contained L4-L5 / L5-S1 (the injection line), contained
  // L3-L4 (no line), not contained.
  const std::array<std::optional<Herniation>, 5> herniations{
      std::nullopt, Herniation{true, HerniationLevel::L4L5}, Herniation{true, HerniationLevel::L5S1},
      Herniation{true, HerniationLevel::L3L4}, Herniation{false, HerniationLevel::L5S1}};
  // Every 5th red-flag combination (every 127th in the small grid: the JSON entry costs about
  // 10,000 times the decision function), with grid point (combination * 7) mod grid size; 35 and
  // 889 are prime to the grid size (1536 = 2^9 * 3), so every grid point comes up (about 69 times
  // in the full run). On top, the all-answered-no combination, the only one where the conservative
  // and reassess rows apply, goes through every grid point.
  const std::uint32_t stride = smallGrid() ? 127 : 5;
  const auto start = std::chrono::steady_clock::now();
  std::atomic<std::uint64_t> checked{0};

  const auto check = [&](std::uint32_t combination, std::size_t g, Failures& out) {
    const FlagFacts flags = decodeFlags(combination);
    Others o = grid[g];
    o.herniation = herniations[(combination + g) % herniations.size()];
    const std::string input = inputJson(flags, o, combination);
    const std::string output = evaluateJson(input);
    const json plan = json::parse(output);
    PlanFacts facts{Triage::conservative};
    std::string failed = jsonViolations(plan, flags, o, facts);
    // The checker the fuzzer uses, on the same plan.
    for (const std::string& what : test::planViolations(assessmentOf(o, flags), plan)) failed += "; " + what;
    // The fast path predicts exactly these lines.
    const Assessment a = assessmentOf(o, flags);
    std::uint32_t predicted = 0;
    for (const Row& row : t.rows[static_cast<std::size_t>(decideTriage(a))])
      if (conditionHolds(row.when, a)) predicted |= row.bit;
    if (predicted != facts.lines) failed += "; lines " + t.names(facts.lines) + ", table predicts " + t.names(predicted);
    // buildPlan on the Assessment gives the same bytes as the JSON entry.
    if (buildPlan(a, content()).dump(-1, ' ', false, json::error_handler_t::replace) != output)
      failed += "; buildPlan and evaluateJson differ";
    // Same input, same bytes; the other audience, the same triage and ids.
    if (combination % 4 == 0 && evaluateJson(input) != output) failed += "; the same input gave different bytes";
    if (combination % 4 == 1) {
      Others other = o;
      other.audience = o.audience == Audience::patient ? Audience::clinician : Audience::patient;
      const json second = json::parse(evaluateJson(inputJson(flags, other, combination)));
      if (second.at("triage") != plan.at("triage") || idsOf(second) != idsOf(plan))
        failed += "; the other audience gives other lines";
      if (second.at("headline") == plan.at("headline")) failed += "; both audiences get the same headline";
    }
    if (!failed.empty()) out.add(flagsString(flags) + " " + describe(o) + ": " + failed + "\n  input: " + input);
    checked.fetch_add(1, std::memory_order_relaxed);
  };

  Failures failures = inParallel(kFlagCombinations, [&](std::uint32_t begin, std::uint32_t end, Failures& out) {
    for (std::uint32_t combination = begin; combination < end; ++combination)
      if (combination % stride == 0) check(combination, (std::size_t{combination} * 7) % grid.size(), out);
  });
  // All 12 flags answered false: every base-3 digit 1, that is (3^12 - 1) / 2.
  const std::uint32_t allFalse = (kFlagCombinations - 1) / 2;
  ASSERT_EQ(decodeFlags(allFalse).unansweredMask, 0u);
  ASSERT_FALSE(decodeFlags(allFalse).anyTrue);
  const Failures allClear = inParallel(static_cast<std::uint32_t>(grid.size()),
                                       [&](std::uint32_t begin, std::uint32_t end, Failures& out) {
                                         for (std::uint32_t g = begin; g < end; ++g) check(allFalse, g, out);
                                       });
  failures.merge(allClear);

  std::cout << "[ invariants ] JSON entry: " << checked.load() << " cases checked through evaluateJson and buildPlan ("
            << (smallGrid() ? "small" : "full") << " grid) in " << secondsSince(start) << " s" << std::endl;
  report(failures);
}

// The first rung by itself, at the edges of the age range and after surgery, in the shortest input
// a page sends the moment the first cauda-equina answer is yes.
TEST(Invariants, EveryCaudaEquinaFlagAloneIsAnEmergencyAtAnyAge) {
  for (const RedFlagInfo& info : kRedFlags) {
    if (info.group != RedFlagGroup::caudaEquina) continue;
    for (const char* age : {"", ",\"ageYears\":0", ",\"ageYears\":17", ",\"ageYears\":120"})
      for (const char* surgery : {"", ",\"priorLumbarSurgery\":true"}) {
        const std::string input =
            std::string("{\"redFlags\":{\"") + info.key + "\":true}" + age + surgery + "}";
        const json plan = json::parse(evaluateJson(input));
        ASSERT_TRUE(plan.at("ok").get<bool>()) << input;
        EXPECT_EQ(plan.at("triage"), "emergency") << input;
        const std::vector<std::string> ids = idsOf(plan);
        EXPECT_NE(std::find(ids.begin(), ids.end(), "emergency-referral"), ids.end()) << input;
        EXPECT_NE(std::find(ids.begin(), ids.end(), "mri-immediate"), ids.end()) << input;
      }
  }
}

}  // namespace
}  // namespace radiculo
