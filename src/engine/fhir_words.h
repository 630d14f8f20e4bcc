// The words of Radiculo's FHIR resources, from the content (content/lang, content/ui) in one
// language and wording, and the FHIR shapes that carry them: a Coding, and the R4 translation
// extension that gives the same text in the content's other languages.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "assessment.h"
#include "content.h"
#include "fhir_items.h"
#include "fhir_terms.h"

namespace radiculo::fhir {

// Which words: said once, then looked up in any language (for the translations and designations).
struct Text {
  enum class Kind {
    literal,   // `literal` itself, the same in every language
    ui,        // content/ui <path[0]>
    lang,      // content/lang at `path`
    itemText,  // an item's text
    itemHelp,  // an item's help
  };
  Kind kind = Kind::literal;
  std::vector<std::string> path;
  const Item* item = nullptr;
  std::string literal;
  std::string suffix;  // added after the words, in every language (LOINC's notice, in its own words)

  static Text of(std::string text) { return {Kind::literal, {}, nullptr, std::move(text), {}}; }
  static Text ui(std::string key) { return {Kind::ui, {std::move(key)}, nullptr, {}, {}}; }
  static Text lang(std::vector<std::string> path) { return {Kind::lang, std::move(path), nullptr, {}, {}}; }
  static Text textOf(const Item& item) { return {Kind::itemText, {}, &item, {}, {}}; }
  static Text helpOf(const Item& item) { return {Kind::itemHelp, {}, &item, {}, {}}; }
};

// One language and wording of the content.
class Words {
 public:
  Words(const Content& content, std::string language, Audience audience);

  const std::string& language() const { return language_; }
  Audience audience() const { return audience_; }
  const Content& content() const { return content_; }

  // The words in this language ("" when there are none).
  std::string operator()(const Text& text) const;
  // An item's text and help ("" when it has none). The Questionnaire's own help
  // (content/lang questionnaire/help) replaces the page's where the page's assumes its own controls.
  std::string text(const Item& item) const;
  std::string help(const Item& item) const;
  // A label of the page (content/ui), in this wording where it has two.
  std::string ui(const std::string& key) const;
  // content/lang at a path of keys, in this wording where the last object has one per audience.
  std::string lang(const std::vector<std::string>& path) const;

  // The same words in another language of the content.
  Words in(const std::string& language) const { return Words(content_, language, audience_); }

 private:
  const Content& content_;
  std::string language_;
  Audience audience_;
};

// {"system", "code", "display"} (no display when it is empty).
nlohmann::json coding(std::string_view system, std::string_view code, const std::string& display);

// The translation extension of one text: the same text in every other language of the content,
// as an element to put beside the text ("_text", "_display", "_title"). Null when no other
// language has it.
nlohmann::json translations(const Words& words, const Text& text);

// Sets `key` to the text in `words`' language and "_<key>" to its translations.
void setText(nlohmann::json& into, const std::string& key, const Words& words, const Text& text);

}  // namespace radiculo::fhir
