// The input contract as JSON Schema (draft 2020-12), generated from the same field table the
// parser checks against (input_fields.h). For integrators; the engine itself never uses it.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace radiculo {

nlohmann::json inputSchema(const std::vector<std::string>& languages);

}  // namespace radiculo
