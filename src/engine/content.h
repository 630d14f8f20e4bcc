// The clinical content: content/rules.json (what appears when, citations, stances) and one
// words file per language (content/lang/<code>.json). Parsed once from the embedded text.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace radiculo {

struct Content {
  nlohmann::json rules;
  std::map<std::string, nlohmann::json> languages;   // "en" -> content/lang/en.json
  std::map<std::string, nlohmann::json> interfaces;  // "en" -> content/ui/en.json

  std::vector<std::string> languageCodes() const;
};

// The embedded content, parsed on first use. Throws only if the build embedded broken JSON,
// which the content self-check test rules out.
const Content& content();

// A reference of content/rules.json as a plan or the page shows it: its description and kind in
// the language of `words`, and the language its title is written in (titleLanguage).
nlohmann::json wordedReference(const nlohmann::json& reference, const nlohmann::json& rules, const nlohmann::json& words);

// Everything wrong with the content as a whole: a table row naming an unknown condition or id,
// a recommendation without words in some language and audience, a citation of an unlisted
// reference, a key present in one language and missing in another. Empty = consistent.
std::vector<std::string> checkContent(const Content& content);

}  // namespace radiculo
