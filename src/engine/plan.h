// An Assessment and the content -> the plan the person sees, as the public plan JSON.
#pragma once

#include <nlohmann/json.hpp>

#include "assessment.h"
#include "content.h"

namespace radiculo {

nlohmann::json buildPlan(const Assessment& assessment, const Content& content);

}  // namespace radiculo
