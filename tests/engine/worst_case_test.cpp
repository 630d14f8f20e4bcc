// Any input up to 64 KiB costs little: the nastiest inputs we know
// (worst_case_inputs.h) and every shared vector are answered with at most 2 MiB of heap at the
// peak, a bounded list of errors and a bounded output. Memory is counted, not timed, so the test
// is deterministic; bench/worst_case.cpp prints the times.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "engine.h"
#include "heap_counter.h"
#include "vector_cases.h"
#include "worst_case_inputs.h"

namespace radiculo {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxExtraHeap = 2 * 1024 * 1024;
constexpr std::size_t kMaxListedErrors = 100;  // and one more that says how many were left out

struct Case {
  std::string name;
  std::string text;
};
void PrintTo(const Case& c, std::ostream* out) { *out << c.name << " (" << c.text.size() << " bytes)"; }

std::vector<Case> allCases() {
  std::vector<Case> cases;
  for (const test::WorstCaseInput& input : test::worstCaseInputs()) cases.push_back({input.name, input.text});
  for (const test::VectorCase& vector : test::vectorCases()) cases.push_back({"vector-" + vector.name, vector.inputText()});
  return cases;
}

class WorstCase : public ::testing::TestWithParam<Case> {
 protected:
  // The content is parsed once, on first use, and kept: that is not the cost of one input.
  static void SetUpTestSuite() { evaluateJson("{}"); }
};

// Inputs over the 64 KiB limit too: they are rejected by their size, before any reading.
TEST_P(WorstCase, NeedsAtMost2MiBOfHeap) {
  std::string output;
  const std::size_t peak = test::peakHeapOf([&] { output = evaluateJson(GetParam().text); });
  EXPECT_LE(peak, kMaxExtraHeap) << GetParam().name << ": " << peak << " bytes at the peak";
}

TEST_P(WorstCase, GivesABoundedAnswer) {
  const std::string& text = GetParam().text;
  const std::string output = evaluateJson(text);
  // A plan is bounded by the content (the longest of the vectors is
  // about 25 KB); an error answer by the error cap. Neither grows with a hostile input.
  EXPECT_LE(output.size(), 2 * text.size() + 64 * 1024) << GetParam().name;
  const json answer = json::parse(output);
  if (!answer.at("ok").get<bool>()) {
    EXPECT_LE(answer.at("errors").size(), kMaxListedErrors + 1) << GetParam().name;
  }
}

INSTANTIATE_TEST_SUITE_P(Inputs, WorstCase, ::testing::ValuesIn(allCases()), [](const auto& info) {
  std::string name = info.param.name;
  for (char& c : name)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return name;
});

std::string inputNamed(const std::string& name) {
  for (const test::WorstCaseInput& input : test::worstCaseInputs())
    if (input.name == name) return input.text;
  throw std::runtime_error("no worst-case input " + name);
}

// One error, at the first container that is too deep; reading stops there.
TEST(WorstCase, DeepNestingIsOneErrorAtTheFirstLevelTooDeep) {
  const std::vector<std::pair<std::string, std::string>> expected{
      {"deep-objects", "/a/a"},
      {"deep-objects-tilde-keys", "/~0/~0"},
      {"deep-objects-unclosed", "/a/a"},
      {"deep-arrays-in-a-member", "/redFlags/0"},
  };
  for (const auto& [name, field] : expected) {
    const json answer = json::parse(evaluateJson(inputNamed(name)));
    ASSERT_EQ(answer.at("errors").size(), 1u) << name;
    EXPECT_EQ(answer.at("errors")[0].at("field"), field) << name;
    EXPECT_EQ(answer.at("errors")[0].at("message"), "is nested deeper than the assessment allows") << name;
  }
}

TEST(WorstCase, ATopLevelArrayIsOneError) {
  const json answer = json::parse(evaluateJson(inputNamed("deep-arrays")));
  ASSERT_EQ(answer.at("errors").size(), 1u);
  EXPECT_EQ(answer.at("errors")[0].at("field"), "");
}

}  // namespace
}  // namespace radiculo
