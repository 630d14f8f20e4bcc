#include "fhir_words.h"

namespace radiculo::fhir {

using nlohmann::json;

namespace {

// The string at a path, choosing this wording where the node is one object per audience.
std::string at(const json& root, const std::vector<std::string>& path, Audience audience) {
  const json* node = &root;
  for (const std::string& key : path) {
    if (!node->is_object() || !node->contains(key)) return {};
    node = &node->at(key);
  }
  if (node->is_object()) {
    const char* wording = audienceId(audience);
    if (!node->contains(wording)) return {};
    node = &node->at(wording);
  }
  return node->is_string() ? node->get<std::string>() : std::string();
}

}  // namespace

Words::Words(const Content& content, std::string language, Audience audience)
    : content_(content), language_(std::move(language)), audience_(audience) {}

std::string Words::operator()(const Text& text) const {
  std::string words;
  switch (text.kind) {
    case Text::Kind::literal: words = text.literal; break;
    case Text::Kind::ui: words = ui(text.path.at(0)); break;
    case Text::Kind::lang: words = lang(text.path); break;
    case Text::Kind::itemText: words = this->text(*text.item); break;
    case Text::Kind::itemHelp: words = help(*text.item); break;
  }
  return words.empty() || text.suffix.empty() ? words : words + " " + text.suffix;
}

std::string Words::ui(const std::string& key) const { return at(content_.interfaces.at(language_), {key}, audience_); }

std::string Words::lang(const std::vector<std::string>& path) const { return at(content_.languages.at(language_), path, audience_); }

std::string Words::text(const Item& item) const {
  switch (item.wordsAt) {
    case WordsAt::uiLabel: return ui(item.wordsKey);
    case WordsAt::flagGroup: return lang({"groups", item.wordsKey});
    case WordsAt::question: return lang({"questions", item.wordsKey, audienceId(audience_), "text"});
    case WordsAt::phrase: return lang({"phrases", item.wordsKey});
  }
  return {};
}

std::string Words::help(const Item& item) const {
  if (item.wordsAt != WordsAt::question || item.kind == ItemKind::finding) return {};
  const std::string own = lang({"questionnaire", "help", item.wordsKey});
  return own.empty() ? lang({"questions", item.wordsKey, audienceId(audience_), "help"}) : own;
}

json coding(std::string_view system, std::string_view code, const std::string& display) {
  json value;
  value["system"] = system;
  value["code"] = code;
  if (!display.empty()) value["display"] = display;
  return value;
}

json translations(const Words& words, const Text& textOf) {
  json extensions = json::array();
  for (const auto& [code, unused] : words.content().languages) {
    if (code == words.language()) continue;
    const std::string text = words.in(code)(textOf);
    if (text.empty()) continue;
    json lang;
    lang["url"] = "lang";
    lang["valueCode"] = code;
    json content;
    content["url"] = "content";
    content["valueString"] = text;
    json translation;
    translation["url"] = kTranslation;
    translation["extension"] = json::array();
    translation["extension"].push_back(std::move(lang));
    translation["extension"].push_back(std::move(content));
    extensions.push_back(std::move(translation));
  }
  if (extensions.empty()) return nullptr;
  json element;
  element["extension"] = std::move(extensions);
  return element;
}

void setText(json& into, const std::string& key, const Words& words, const Text& text) {
  into[key] = words(text);
  json other = translations(words, text);
  if (!other.is_null()) into["_" + key] = std::move(other);
}

}  // namespace radiculo::fhir
