// A plan JSON -> the readable plan `radiculo evaluate --text` prints for a person.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace radiculo {

// It places the plan's own words (the engine words every sentence, in the plan's language and
// audience); `words` is the engine's content JSON for that language, for headings and labels.
std::string renderTextReport(const nlohmann::json& plan, const nlohmann::json& words);

// An error JSON -> one line per problem, under a heading in the errors' language (`words`).
std::string renderTextErrors(const nlohmann::json& errors, const nlohmann::json& words);

}  // namespace radiculo
