// An Assessment and the content -> the plan the person sees, as the public plan JSON.
#pragma once

#include <nlohmann/json.hpp>

#include "assessment.h"
#include "content.h"

namespace radiculo {

nlohmann::json buildPlan(const Assessment& assessment, const Content& content);

// The rows of the triage table that apply to this assessment, in order: {id, kind, when}.
std::vector<nlohmann::json> applicableRows(const Assessment& assessment, const nlohmann::json& rules);
std::vector<std::string> lineIds(const Assessment& assessment, const nlohmann::json& rules);

}  // namespace radiculo
