// Worst-case cost of one evaluateJson call, natively: for each of the nastiest inputs up to
// 64 KiB (tests/engine/worst_case_inputs.h, or the files of a folder, e.g. those
// bench/worst_case.mjs writes so that native and WebAssembly run the same bytes), the median time
// of up to 21 calls (one if a call takes over a second), the peak heap above what was in use
// before the call (operator new counted by tests/engine/heap_counter.cpp), the output's size and
// its number of errors. One JSON object per line.
//   build/bin/worst_case_bench [FOLDER]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine.h"
#include "heap_counter.h"
#include "worst_case_inputs.h"

namespace {

std::vector<radiculo::test::WorstCaseInput> inputsIn(const std::filesystem::path& folder) {
  std::vector<radiculo::test::WorstCaseInput> inputs;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    inputs.push_back({entry.path().stem().string(), text.str()});
  }
  std::sort(inputs.begin(), inputs.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  return inputs;
}

}  // namespace

int main(int argc, char** argv) {
  const auto inputs = argc > 1 ? inputsIn(argv[1]) : radiculo::test::worstCaseInputs();
  radiculo::evaluateJson("{}");  // the content is parsed once, on first use: not an input's cost
  for (const auto& input : inputs) {
    std::string output;
    const std::size_t peak = radiculo::test::peakHeapOf([&] { output = radiculo::evaluateJson(input.text); });
    std::vector<double> millis;
    for (int run = 0; run < 21; ++run) {
      const auto start = std::chrono::steady_clock::now();
      output = radiculo::evaluateJson(input.text);
      millis.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
      if (millis.back() > 1000) break;
    }
    std::sort(millis.begin(), millis.end());
    const nlohmann::json answer = nlohmann::json::parse(output);
    const std::size_t errors = answer.value("ok", false) ? 0 : answer.at("errors").size();
    std::printf("{\"input\":\"%s\",\"bytes\":%zu,\"runs\":%zu,\"medianMs\":%.3f,\"peakHeapBytes\":%zu,\"outputBytes\":%zu,\"errors\":%zu}\n",
                input.name.c_str(), input.text.size(), millis.size(), millis[millis.size() / 2], peak, output.size(), errors);
  }
  return 0;
}
