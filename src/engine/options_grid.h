// The options comparison at the reassess step: continuing conservative care, an epidural steroid
// injection and an operation, side by side with the trials' own numbers (an Option-Grid-style
// table). Its words, numbers and citations are content (rules.json and lang `options`); which
// plans show it is content too, limited to the rungs no red flag decides (pathway.h).
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "assessment.h"
#include "content.h"
#include "pathway.h"

namespace radiculo {

// Whether a plan at this triage, for this assessment, shows the comparison: a rung of
// rules.json `options.shownIn` whose condition holds. Never a rung a red flag decides.
bool showsOptionsGrid(const Assessment& assessment, Triage triage, const Content& content);

// The comparison worded for the language and audience: {title, frame, frameCitations, notAChoice:
// {text, citations}, columns: [{id, label}], rows: [{id, label, cells: [{column, text, citations,
// certainty?, certaintyLabel?}]}], referralCriteria (clinicians: {title, items: [{id, text,
// citations}]}), preference: {question, help, choices: [{id, label}]}, noteLine}.
nlohmann::json optionsGrid(const Content& content, const std::string& language, const std::string& audience);

// Every reference number the comparison cites.
std::vector<int> optionsGridCitations(const Content& content);

// The comparison's self-check, added to `problems`: shown only on rungs no red flag decides, under
// conditions the engine knows; every cell cites listed references (a cell with no figure says so:
// "gap", citing none), grades certainty only with a known word; every wording of a cell uses only
// its own numbers, and each number in every language.
void checkOptionsGrid(const Content& content, std::vector<std::string>& problems);

}  // namespace radiculo
