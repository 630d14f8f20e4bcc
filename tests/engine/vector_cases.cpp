#include "vector_cases.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace radiculo::test {

std::string VectorCase::inputText() const {
  if (file.contains("inputText")) return file.at("inputText").get<std::string>();
  return file.at("input").dump();
}

const std::vector<VectorCase>& vectorCases() {
  static const std::vector<VectorCase> cases = [] {
    std::vector<VectorCase> loaded;
    for (const auto& entry : std::filesystem::directory_iterator(RADICULO_VECTOR_DIR)) {
      if (entry.path().extension() != ".json") continue;
      std::ifstream in(entry.path());
      std::stringstream text;
      text << in.rdbuf();
      nlohmann::json file = nlohmann::json::parse(text.str());
      loaded.push_back({file.at("name").get<std::string>(), file});
    }
    std::sort(loaded.begin(), loaded.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    return loaded;
  }();
  return cases;
}

}  // namespace radiculo::test
