// The clinical content: content/rules.json (what appears when, citations, stances) and one
// words file per language (content/lang/<code>.json). Parsed once from the embedded text; its
// self-check against the engine's own tables is content_check.h.
#pragma once

#include <array>
#include <map>
#include <string>
#include <string_view>
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
  std::map<std::string, nlohmann::json> languages;   // "en" -> content/lang/en.json, for each language loaded
  std::map<std::string, nlohmann::json> interfaces;  // "en" -> content/ui/en.json, for each language loaded
  // Every language the build has, loaded or not: natively all are embedded and loaded; the
  // WebAssembly engine embeds none and is handed the ones its page shows (addLanguage).
  std::vector<std::string> known;

  // The languages the contract names (the input schema, the version): every language of the build.
  std::vector<std::string> languageCodes() const;
  // The languages an input may ask for here: those loaded. Asking for another is an error
  // naming these, never a plan in another language.
  std::vector<std::string> loadedLanguageCodes() const;

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

// Adds one language of the build that is not embedded: its words (content/lang/<code>.json) and
// labels (content/ui/<code>.json), read from `fileText`. They are added only if the build's policy
// accepts them (language_acceptance.h: the whole self-check, content_check.h, the default language
// first, as every other is compared with it; or, in the page's plan module, the very file the build
// made); else nothing changes. Returns the problems, empty when added (or already there, identical).
std::vector<std::string> addLanguage(const std::string& code, nlohmann::json words, nlohmann::json labels, std::string_view fileText);

// "clinical review: pending", or "clinically reviewed on <date>" when a record covers this
// version, language and wording: what every surface shows, in the language and audience's words.
std::string reviewStatus(const Content& content, const std::string& language, const std::string& audience);

// A reference of content/rules.json as a plan or the page shows it: its description and kind in
// the language of `words`, and the language its title is written in (titleLanguage).
nlohmann::json wordedReference(const nlohmann::json& reference, const nlohmann::json& rules, const nlohmann::json& lang);

}  // namespace radiculo
