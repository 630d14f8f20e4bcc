// The shared test cases in tests/vectors/: one JSON file per case, used by the GoogleTest suite,
// the WebAssembly parity test and the browser test alike.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace radiculo::test {

struct VectorCase {
  std::string name;
  nlohmann::json file;  // {name, description, input | inputText, expect, [schemaExpressible]}
  std::string inputText() const;  // exactly what the engine is given
};

// Every case, sorted by name.
const std::vector<VectorCase>& vectorCases();

}  // namespace radiculo::test
