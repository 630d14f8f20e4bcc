#include "content.h"

#include <algorithm>

#include "assessment.h"
#include "embedded_content.h"
#include "language_acceptance.h"
#include "pathway.h"
#include "text.h"

namespace radiculo {

using nlohmann::json;

namespace {

std::string codeOf(const std::string& fileName) {
  const std::size_t slash = fileName.rfind('/');
  const std::size_t dot = fileName.rfind('.');
  return fileName.substr(slash + 1, dot - slash - 1);
}

Content parseEmbedded() {
  Content parsed;
  parsed.rules = json::parse(embedded::kRules.text);
  parsed.table = ruleTable(parsed.rules);
  parsed.review = json::parse(embedded::kReview.text);
  for (std::size_t i = 0; i < embedded::kLanguageCount; ++i) {
    parsed.known.push_back(codeOf(embedded::kLanguages[i].name));
    if (embedded::kLanguages[i].text != nullptr)
      parsed.languages[codeOf(embedded::kLanguages[i].name)] = json::parse(embedded::kLanguages[i].text);
  }
  for (std::size_t i = 0; i < embedded::kInterfaceCount; ++i)
    if (embedded::kInterfaces[i].text != nullptr)
      parsed.interfaces[codeOf(embedded::kInterfaces[i].name)] = json::parse(embedded::kInterfaces[i].text);
  return parsed;
}

Content& parsedContent() {
  static Content parsed = parseEmbedded();
  return parsed;
}

}  // namespace

RuleTable ruleTable(const json& rules) {
  RuleTable table;
  const auto rows = [&](const char* section, const TriageInfo& triage, std::vector<RuleRow>& out) {
    const json& byTriage = rules.at(section);
    const auto found = byTriage.find(triage.id);
    if (found == byTriage.end()) return;
    for (const json& row : *found) {
      RuleRow read;
      read.id = row.at("id").get<std::string>();
      read.kind = row.value("kind", "");
      read.when = row.at("when").get<std::string>();
      read.holds = conditionPredicate(read.when);
      out.push_back(std::move(read));
    }
  };
  for (const TriageInfo& triage : kTriages) {
    TriageRules& rulesOf = table[static_cast<std::size_t>(triage.triage)];
    rows("headlines", triage, rulesOf.headlines);
    rows("triageTable", triage, rulesOf.lines);
  }
  return table;
}

std::vector<std::string> Content::languageCodes() const { return known; }

std::vector<std::string> Content::loadedLanguageCodes() const {
  std::vector<std::string> codes;
  for (const auto& [code, words] : languages) codes.push_back(code);
  return codes;
}

std::string reviewStatus(const Content& content, const std::string& language, const std::string& audience) {
  const json& phrases = content.languages.at(language).at("phrases");
  const json reviewed = content.reviewedOn(language, audience);
  if (reviewed.is_null()) return phrases.at("reviewPending").at(audience).get<std::string>();
  return fillTemplate(phrases.at("reviewedOn").at(audience).get<std::string>(), {{"reviewDate", reviewed.get<std::string>()}});
}

json wordedReference(const json& reference, const json& rules, const json& lang) {
  json entry = reference;
  entry["description"] = lang.at("references").at(std::to_string(reference.at("number").get<int>())).at("description");
  entry["kind"] = lang.at("referenceKinds").at(reference.at("kind").get<std::string>());
  entry["titleLanguage"] = rules.at("referenceTitleLanguage");
  return entry;
}

json Content::reviewedOn(const std::string& language, const std::string& audience) const {
  json latest = nullptr;
  const auto names = [](const json& list, const std::string& item) {
    return list.is_array() && std::find(list.begin(), list.end(), item) != list.end();
  };
  for (const json& record : review.at("reviews")) {
    if (record.at("contentVersion") != rules.at("contentVersion")) continue;
    if (!names(record.at("languages"), language) || !names(record.value("wordings", json()), audience)) continue;
    if (latest.is_null() || record.at("date").get<std::string>() > latest.get<std::string>()) latest = record.at("date");
  }
  return latest;
}

const Content& content() { return parsedContent(); }

std::vector<std::string> addLanguage(const std::string& code, json words, json labels, std::string_view fileText) {
  Content& current = parsedContent();
  if (std::find(current.known.begin(), current.known.end(), code) == current.known.end())
    return {"\"" + code + "\" is not a language of this build"};
  if (current.languages.count(code) != 0) {
    if (current.languages.at(code) == words && current.interfaces.count(code) != 0 && current.interfaces.at(code) == labels) return {};
    return {"\"" + code + "\" is loaded already, with other words"};
  }
  std::vector<std::string> problems = languageProblems(current, code, words, labels, fileText);
  if (!problems.empty()) return problems;
  // Moved in, not copied: a language's words are the largest thing the engine holds.
  current.languages[code] = std::move(words);
  current.interfaces[code] = std::move(labels);
  return {};
}

}  // namespace radiculo
