// A plan JSON -> the readable plan `radiculo evaluate --text` prints for a person.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace radiculo {

// `words` is the engine's content JSON for the plan's language (labels and disclaimer);
// `audience` is "clinician" or "patient".
std::string renderTextReport(const nlohmann::json& plan, const nlohmann::json& words, const std::string& audience);

// An error JSON -> one line per problem.
std::string renderTextErrors(const nlohmann::json& errors);

}  // namespace radiculo
