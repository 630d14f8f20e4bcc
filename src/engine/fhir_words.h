// The words of Radiculo's FHIR resources, from the content (content/lang, content/ui) in one
// language and wording, and the FHIR shapes that carry them: a Coding, and the R4 translation
// extension that gives the same text in the content's other languages.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "assessment.h"
#include "content.h"
#include "fhir_items.h"
#include "fhir_terms.h"

namespace radiculo::fhir {

// One language and wording of the content.
class Words {
 public:
  Words(const Content& content, std::string language, Audience audience);

  const std::string& language() const { return language_; }
  Audience audience() const { return audience_; }
  const Content& content() const { return content_; }

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
// as an element to put beside the text ("_text", "_display", "_title"). Empty (null) when no other
// language has it.
nlohmann::json translations(const Words& words, const std::function<std::string(const Words&)>& textIn);

// Sets `key` to the text in `words`' language and "_<key>" to its translations.
void setText(nlohmann::json& into, const std::string& key, const Words& words,
             const std::function<std::string(const Words&)>& textIn);

}  // namespace radiculo::fhir
