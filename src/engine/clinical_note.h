// "Copy for the record": the plan as a plain-text note that pastes cleanly into any record
// system, worded by the engine in the assessment's language and audience: the answers, the
// triage, each line with its kind and reference numbers, what would change it, the references,
// the date, the versions and the aid's address.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "content.h"

namespace radiculo {

// `plan` is the plan with its answers (engine.cpp); `date` is the day the note is made
// (YYYY-MM-DD, the caller's clock: the engine has none); `address` where the aid runs (empty for
// the CLI).
std::string clinicalNote(const nlohmann::json& plan, const Content& content, const std::string& date,
                         const std::string& address);

}  // namespace radiculo
