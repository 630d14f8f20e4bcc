#include "fhir_items.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "content.h"
#include "fhir_terms.h"
#include "pathway.h"

namespace radiculo::fhir {

using nlohmann::json;

namespace {

Item group(std::string linkId, WordsAt wordsAt, std::string wordsKey) {
  Item item;
  item.linkId = std::move(linkId);
  item.kind = ItemKind::group;
  item.wordsAt = wordsAt;
  item.wordsKey = std::move(wordsKey);
  return item;
}

Item question(const std::string& key, ItemKind kind, std::string field, std::string member = {}, const InputField* row = nullptr) {
  Item item;
  item.linkId = key;
  item.kind = kind;
  item.wordsAt = WordsAt::question;
  item.wordsKey = key;
  item.field = std::move(field);
  item.member = std::move(member);
  item.row = row;
  return item;
}

// The red flags by group, in the page's order (content/rules.json redFlagGroups).
Item redFlagItems(ItemSet set) {
  (void)set;  // the same questions in both sets; their answer codes differ (the writer and reader)
  Item all = group("group-redFlags", WordsAt::uiLabel, "sectionRedFlags");
  for (const json& flagGroup : content().rules.at("redFlagGroups")) {
    const std::string name = flagGroup.at("group").get<std::string>();
    Item each = group("group-" + name, WordsAt::flagGroup, name);
    for (const json& flag : flagGroup.at("flags")) {
      const std::string key = flag.get<std::string>();
      each.items.push_back(question(key, ItemKind::redFlag, "redFlags", key));
    }
    all.items.push_back(std::move(each));
  }
  return all;
}

// One boolean item per priority finding a clinician may mark as assessed, each shown only when its
// finding is present: the red flag answered yes, or the age 60 or over (the engine refuses a
// finding that is not present: findingNotYes, olderAgeUnder).
Item findingItems() {
  Item findings = group("group-assessedFindings", WordsAt::question, "assessedFindings");
  for (const RedFlagInfo& flag : kRedFlags) {
    if (!isAssessable(flag.flag)) continue;
    Item item = question("assessed-" + std::string(flag.key), ItemKind::finding, "assessedFindings", flag.key);
    item.wordsKey = flag.key;  // the same words as the finding's own question
    item.enabledByFlag = flag.key;
    findings.items.push_back(std::move(item));
  }
  Item older = question("assessed-" + std::string(kOlderAgeFinding), ItemKind::finding, "assessedFindings",
                        std::string(kOlderAgeFinding));
  older.wordsAt = WordsAt::phrase;
  older.wordsKey = std::string(kOlderAgeFinding);
  older.enabledByOlderAge = true;
  findings.items.push_back(std::move(older));
  return findings;
}

// Every other field of the contract, in the table's order; audience and language travel on the
// resource itself.
Item answerItems(ItemSet set, Audience audience) {
  Item answers = group("group-answers", WordsAt::uiLabel, "questionsTitle");
  for (const InputField& field : kInputFields) {
    const std::string name = field.name;
    switch (field.type) {
      case FieldType::boolean: answers.items.push_back(question(name, ItemKind::boolean, name)); break;
      case FieldType::integer: answers.items.push_back(question(name, ItemKind::integer, name, {}, &field)); break;
      case FieldType::number:
        answers.items.push_back(question(name, set == ItemSet::current ? ItemKind::duration : ItemKind::weeks, name, {}, &field));
        break;
      case FieldType::herniation:
        for (const HerniationPart& part : kHerniationParts) {
          const bool level = std::string_view(part.name) == "level";
          answers.items.push_back(question(part.question, level ? ItemKind::level : ItemKind::boolean, name, part.name));
        }
        break;
      case FieldType::assessedFindings:
        if (set == ItemSet::saved200) answers.items.push_back(question(name, ItemKind::findings, name));
        else if (audience == Audience::clinician) answers.items.push_back(findingItems());
        break;
      case FieldType::audience:
      case FieldType::language:
      case FieldType::redFlags:
        break;
    }
  }
  return answers;
}

void index(const std::vector<Item>& items, std::map<std::string, const Item*>& out) {
  for (const Item& item : items) {
    out.emplace(item.linkId, &item);
    index(item.items, out);
  }
}

// FNV-1a, 32 bits: the same small hash as the take-home code's fingerprint (web/handover.js).
std::string base36Hash(const std::string& text, std::size_t length) {
  std::uint32_t value = 0x811c9dc5u;
  for (const unsigned char c : text) {
    value ^= c;
    value *= 0x01000193u;
  }
  std::uint64_t modulus = 1;
  for (std::size_t i = 0; i < length; ++i) modulus *= 36;
  std::uint64_t rest = value % modulus;
  std::string out(length, '0');
  for (std::size_t i = length; i-- > 0; rest /= 36) out[i] = "0123456789abcdefghijklmnopqrstuvwxyz"[rest % 36];
  return out;
}

// What an item means for the fingerprint: its place, its kind and what its answers can be.
void describe(const std::vector<Item>& items, const std::string& parent, std::string& out) {
  for (const Item& item : items) {
    out += parent + "/" + item.linkId + ":" + std::to_string(static_cast<int>(item.kind)) + ":" + item.target();
    switch (item.kind) {
      case ItemKind::redFlag:
        for (const StandardCode& code : {kYes, kNo, kNotSure}) out += ":" + std::string(code.system) + "#" + std::string(code.code);
        break;
      case ItemKind::level:
        for (const char* level : kHerniationLevels) out += ":" + std::string(kLevelSystemName) + "#" + level;
        break;
      case ItemKind::duration:
        out += ":" + std::string(kDays.code) + "," + std::string(kWeeks.code);
        break;
      default:
        break;
    }
    out += ";";
    describe(item.items, parent + "/" + item.linkId, out);
  }
}

}  // namespace

std::vector<Item> itemTree(ItemSet set, Audience audience) {
  std::vector<Item> tree;
  tree.push_back(redFlagItems(set));
  tree.push_back(answerItems(set, audience));
  return tree;
}

std::map<std::string, const Item*> itemsByLinkId(const std::vector<Item>& tree) {
  std::map<std::string, const Item*> out;
  index(tree, out);
  return out;
}

std::string itemSetFingerprint() {
  std::string text;
  describe(itemTree(ItemSet::current, Audience::clinician), "", text);
  return base36Hash(text, 6);
}

std::string questionnaireVersion() {
  return content().rules.at("contentVersion").get<std::string>() + "+" + itemSetFingerprint();
}

std::string questionnaireId(Audience audience, const std::string& language) {
  return "radiculo-" + std::string(audienceId(audience)) + "-" + language;
}

std::string questionnaireUrl(Audience audience, const std::string& language) {
  return std::string(kCanonicalBase) + "/Questionnaire/" + questionnaireId(audience, language);
}

std::optional<NamedQuestionnaire> namedQuestionnaire(const std::string& canonical, const std::vector<std::string>& languages) {
  NamedQuestionnaire named;
  const std::size_t bar = canonical.find('|');
  const std::string url = canonical.substr(0, bar);
  if (bar != std::string::npos) named.version = canonical.substr(bar + 1);
  if (url == kSavedQuestionnaireUrl) {
    named.set = ItemSet::saved200;
    return named;
  }
  for (const std::string_view base : {kCanonicalBase, kPlaceholderBase})
    for (std::size_t a = 0; a < kAudienceIds.size(); ++a)
      for (const std::string& language : languages) {
        const Audience audience = static_cast<Audience>(a);
        if (url != std::string(base) + "/Questionnaire/" + questionnaireId(audience, language)) continue;
        named.audience = audience;
        named.language = language;
        return named;
      }
  return std::nullopt;
}

bool readableVersion(const NamedQuestionnaire& named) {
  if (named.version.empty()) return true;
  if (named.set == ItemSet::saved200) return named.version == kSavedQuestionnaireVersion;
  const std::size_t plus = named.version.rfind('+');
  return plus != std::string::npos && named.version.substr(plus + 1) == itemSetFingerprint();
}

}  // namespace radiculo::fhir
