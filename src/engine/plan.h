// An Assessment, the pathway's decision and the content -> the plan the person sees, as the public
// plan JSON. The plan writer only words what the pathway decided (pathway.h, decide()).
#pragma once

#include <nlohmann/json.hpp>

#include "assessment.h"
#include "content.h"
#include "pathway.h"

namespace radiculo {

// `whatWouldChange` is the plan's "what would change" part (what_would_change.h), written into it
// as it is.
nlohmann::json buildPlan(const Assessment& assessment, const Decision& decision, nlohmann::json whatWouldChange,
                         const Content& content);

}  // namespace radiculo
