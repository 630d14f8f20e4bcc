// The shared test cases in tests/vectors/: one JSON file per case, used by the GoogleTest suite,
// the WebAssembly parity test and the browser test alike.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace radiculo::test {

struct VectorCase {
  std::string name;     // its file name without .json (the build checks they agree)
  nlohmann::json file;  // {name, description, input | inputText, expect, [schemaExpressible]}
  std::string inputText() const;  // exactly what the engine is given
};

// How GoogleTest names a case in a failure: its file, not the bytes of the struct.
inline void PrintTo(const VectorCase& vector, std::ostream* out) { *out << "tests/vectors/" << vector.name << ".json"; }

// Every case, sorted by name.
const std::vector<VectorCase>& vectorCases();

}  // namespace radiculo::test
