// The content's self-check against the engine's own tables: run by the tests (Content.* in
// tests/engine/content_test.cpp), never by a plan. Loading the content is content.h.
#pragma once

#include <string>
#include <vector>

#include "content.h"

namespace radiculo {

// Everything wrong with the content as a whole, checked from the engine's side: every triage of
// kTriages has its headline rows (the last one always applies) and its line rows, and no other
// triage is named; every row names a known condition (pathway.cpp), a kind of kLineKinds and a
// listed recommendation; every stance is one of kStances; `redFlagGroups` holds exactly kRedFlags,
// in their order, each under its RedFlagGroup; every question the field table asks
// (questionKeys), every headline, condition, kind, stance and triage has words in every language
// and audience, with only kTemplateValues as placeholders; every citation names a listed
// reference; every language has exactly the keys of every other; every review record is complete.
// Empty = consistent.
std::vector<std::string> checkContent(const Content& content);

}  // namespace radiculo
