// Radiculo's own codes as CodeSystem resources, so a terminology-aware validator or record system
// can look up every code Radiculo writes that no standard terminology has: each made from the
// engine's own table or content, in English with the other languages as designations.
#include "fhir.h"
#include "fhir_items.h"
#include "fhir_terms.h"
#include "fhir_words.h"
#include "pathway.h"

namespace radiculo {

using nlohmann::json;
using namespace fhir;

namespace {

struct Concept {
  std::string code;
  Text display;
  Text definition;  // a literal "" for none
};

json designations(const Words& words, const Text& textOf) {
  json list = json::array();
  for (const auto& [code, unused] : words.content().languages) {
    if (code == words.language()) continue;
    const std::string text = words.in(code)(textOf);
    if (text.empty()) continue;
    json designation;
    designation["language"] = code;
    designation["value"] = text;
    list.push_back(std::move(designation));
  }
  return list;
}

json codeSystem(const Content& content, const std::string& url, const std::string& id, const std::string& name,
                const std::string& title, const std::string& description, const std::vector<Concept>& concepts) {
  const Words words(content, kDefaultLanguage, Audience::clinician);
  json system;
  system["resourceType"] = "CodeSystem";
  system["id"] = id;
  system["language"] = kDefaultLanguage;
  system["url"] = url;
  system["version"] = content.rules.at("contentVersion");
  system["name"] = name;
  system["title"] = title;
  system["status"] = content.reviewedOn(kDefaultLanguage, "clinician").is_null() ? "draft" : "active";
  system["experimental"] = false;
  system["date"] = content.rules.at("contentReleased");
  system["publisher"] = "Radiculo project";
  system["description"] = description;
  system["caseSensitive"] = true;
  system["content"] = "complete";
  system["count"] = concepts.size();
  json list = json::array();
  for (const Concept& each : concepts) {
    json entry;
    entry["code"] = each.code;
    entry["display"] = words(each.display);
    if (const std::string definition = words(each.definition); !definition.empty()) entry["definition"] = definition;
    json other = designations(words, each.display);
    if (!other.empty()) entry["designation"] = std::move(other);
    list.push_back(std::move(entry));
  }
  system["concept"] = std::move(list);
  return system;
}

json answers(const Content& content) {
  std::vector<Concept> concepts;
  const char* labels[] = {"yes", "no", "notSure"};
  for (std::size_t i = 0; i < kSavedAnswerCodes.size(); ++i) {
    const std::string label = labels[i];
    concepts.push_back({std::string(kSavedAnswerCodes[i]), Text::ui(label), Text::of("")});
  }
  // The url those files carry, whatever this build's base.
  return codeSystem(content, codeSystemUrl(kPlaceholderBase, kAnswerSystemName), "answer", "RadiculoAnswer",
                    "Radiculo 2.0.0 red-flag answers",
                    "The answers to a red-flag question in responses saved by Radiculo 2.0.0 (Questionnaire "
                    "radiculo-assessment, version 2.0.0). Later responses code them as LOINC LA33-6 (Yes), LA32-8 (No) "
                    "and data-absent-reason asked-unknown (not sure); Radiculo keeps reading these.",
                    concepts);
}

json levels(const Content& content) {
  std::vector<Concept> concepts;
  for (const char* level : kHerniationLevels) {
    const std::string code = level;
    concepts.push_back({code, Text::of(code), Text::of("A disc herniation at the " + code + " intervertebral level, as reported by imaging.")});
  }
  return codeSystem(content, codeSystemUrl(kLevelSystemName), kLevelSystemName.data(), "RadiculoHerniationLevel",
                    "Radiculo herniation levels", "The lumbar disc levels Radiculo asks for a known disc herniation.", concepts);
}

json findings(const Content& content) {
  std::vector<Concept> concepts;
  // Each in its item's own words: its finding's question (the description says what "assessed" means).
  const std::vector<Item> tree = itemTree(ItemSet::current, Audience::clinician);
  for (const Item& item : itemsByLinkId(tree).at("group-assessedFindings")->items) {
    concepts.push_back({item.member, Text::textOf(item), Text::of("")});
  }
  return codeSystem(content, codeSystemUrl(kFindingSystemName), kFindingSystemName.data(), "RadiculoAssessedFinding",
                    "Radiculo assessed priority findings",
                    "A priority finding a clinician has assessed (with examination and imaging as needed) and found no "
                    "serious cause for: a red flag of the within-2-weeks tier, or age 60 or over.",
                    concepts);
}

json triages(const Content& content) {
  std::vector<Concept> concepts;
  for (const TriageInfo& triage : kTriages) {
    const std::string id = triage.id;
    concepts.push_back({id, Text::lang({"triages", id}), Text::lang({"triageRules", id})});
  }
  return codeSystem(content, codeSystemUrl(kTriageSystemName), kTriageSystemName.data(), "RadiculoTriage", "Radiculo triages",
                    "How fast a plan says to act, in the order the engine decides them (the first that applies wins).",
                    concepts);
}

json kinds(const Content& content) {
  std::vector<Concept> concepts;
  for (const char* kind : kLineKinds) {
    const std::string code = kind;
    concepts.push_back({code, Text::lang({"kinds", code}), Text::of("")});
  }
  return codeSystem(content, codeSystemUrl(kKindSystemName), kKindSystemName.data(), "RadiculoLineKind",
                    "Radiculo kinds of plan line", "What a line of a plan asks: act now, do, consider, avoid or take care.",
                    concepts);
}

json recommendations(const Content& content) {
  std::vector<Concept> concepts;
  for (const auto& [id, unused] : content.rules.at("recommendations").items()) {
    const std::string code = id;
    concepts.push_back({code, Text::lang({"recommendations", code, "short"}), Text::lang({"recommendations", code})});
  }
  return codeSystem(content, codeSystemUrl(kRecommendationSystemName), kRecommendationSystemName.data(),
                    "RadiculoRecommendation", "Radiculo recommendations",
                    "The lines a Radiculo plan can hold, with their clinician wording (content/lang).", concepts);
}

}  // namespace

json fhirCodeSystems(const Content& content) {
  json bundle;
  bundle["resourceType"] = "Bundle";
  bundle["id"] = "radiculo-code-systems";
  bundle["type"] = "collection";
  bundle["entry"] = json::array();
  for (json system : {answers(content), levels(content), findings(content), triages(content), kinds(content),
                      recommendations(content)}) {
    json entry;
    entry["fullUrl"] = system.at("url");
    entry["resource"] = std::move(system);
    bundle["entry"].push_back(std::move(entry));
  }
  return bundle;
}

}  // namespace radiculo
