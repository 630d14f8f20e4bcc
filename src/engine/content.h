// The clinical content: content/rules.json (what appears when, citations, stances) and one
// words file per language (content/lang/<code>.json). Parsed once from the embedded text; its
// self-check against the engine's own tables is content_check.h.
#pragma once

#include <array>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "pathway.h"

namespace radiculo {

// How an evidence note stands to the line it qualifies (content/rules.json `evidenceNotes`).
inline constexpr std::array<const char*, 3> kStances{"agrees", "differs", "conflicts"};

struct Content {
  nlohmann::json rules;
  RuleTable table;  // rules.json's headlines and triage table, conditions looked up (pathway.h)
  nlohmann::json review;                             // content/review.json
  std::map<std::string, nlohmann::json> languages;   // "en" -> content/lang/en.json
  std::map<std::string, nlohmann::json> interfaces;  // "en" -> content/ui/en.json

  std::vector<std::string> languageCodes() const;

  // The date of the latest clinical review recorded for this content version, language and
  // wording (audience), or null: no date is ever shown without a record behind it. A review of the
  // clinician wording says nothing of the patient wording, nor one language of another.
  nlohmann::json reviewedOn(const std::string& language, const std::string& audience) const;
};

// rules.json's `headlines` and `triageTable` for each triage, as rows with their conditions looked
// up. A triage or a condition the content lacks stays empty or null: the self-check reports it.
RuleTable ruleTable(const nlohmann::json& rules);

// The embedded content, parsed on first use. Throws only if the build embedded broken JSON,
// which the content self-check test rules out.
const Content& content();

// "clinical review: pending", or "clinically reviewed on <date>" when a record covers this
// version, language and wording: what every surface shows, in the language and audience's words.
std::string reviewStatus(const Content& content, const std::string& language, const std::string& audience);

// A reference of content/rules.json as a plan or the page shows it: its description and kind in
// the language of `words`, and the language its title is written in (titleLanguage).
nlohmann::json wordedReference(const nlohmann::json& reference, const nlohmann::json& rules, const nlohmann::json& lang);

}  // namespace radiculo
