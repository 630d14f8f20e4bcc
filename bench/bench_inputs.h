// The inputs every engine benchmark uses: four shared cases of tests/vectors/, read at start-up
// with exactly the text the GoogleTest runner gives the engine (bench/wasm_latency.mjs uses the
// same four files).
#pragma once

#include <array>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

namespace radiculo::bench {

struct BenchInput {
  const char* label;   // typical, emergency, incomplete, invalid
  const char* vector;  // file name in tests/vectors/, without .json
};

inline constexpr std::array<BenchInput, 4> kBenchInputs{{
    {"typical", "conservative-typical"},
    {"emergency", "emergency-saddle-anesthesia-only-answer"},
    {"incomplete", "incomplete-age-missing"},
    {"invalid", "invalid-every-problem-at-once"},
}};

inline std::string inputText(const char* vector) {
  const std::string path = std::string(RADICULO_VECTOR_DIR) + "/" + vector + ".json";
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::stringstream text;
  text << in.rdbuf();
  const nlohmann::json file = nlohmann::json::parse(text.str());
  return file.contains("inputText") ? file.at("inputText").get<std::string>() : file.at("input").dump();
}

}  // namespace radiculo::bench
