// FHIR R4 Questionnaire and QuestionnaireResponse, from the contract's own tables: the field table
// (input_fields.h), the red flags and their groups (assessment.h, content/rules.json) and the
// words (content/lang). Nothing here decides anything clinical; it only carries answers.
#include "fhir.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "input_fields.h"
#include "pathway.h"

namespace radiculo {

using nlohmann::json;

namespace {

constexpr std::string_view kAnswerSystem = "https://radiculo.invalid/fhir/CodeSystem/answer";
constexpr std::string_view kLevelSystem = "https://radiculo.invalid/fhir/CodeSystem/herniation-level";
constexpr std::string_view kFindingSystem = "https://radiculo.invalid/fhir/CodeSystem/assessed-finding";
constexpr std::string_view kAudienceExtension = "https://radiculo.invalid/fhir/StructureDefinition/audience";
constexpr std::string_view kTranslation = "http://hl7.org/fhir/StructureDefinition/translation";
constexpr std::string_view kItemControl = "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl";
// The three answers of a red-flag question; "not sure" is the contract's null (unanswered).
constexpr const char* kYes = "yes";
constexpr const char* kNo = "no";
constexpr const char* kNotSure = "not-sure";

// How each answerable item is asked and answered in FHIR.
enum class ItemKind { redFlag, boolean, integer, decimal, level, findings };

struct Question {
  std::string linkId;  // the contract's key (a red flag's key, or herniationContained / Level)
  ItemKind kind;
};

// The questions in the contract's order: the red flags by group, then every other field of the
// table (herniation as its two parts); audience and language travel on the resource itself.
std::vector<Question> questionsOf(const json& rules) {
  std::vector<Question> questions;
  for (const json& group : rules.at("redFlagGroups"))
    for (const json& flag : group.at("flags")) questions.push_back({flag.get<std::string>(), ItemKind::redFlag});
  for (const InputField& field : kInputFields) {
    switch (field.type) {
      case FieldType::boolean: questions.push_back({field.name, ItemKind::boolean}); break;
      case FieldType::integer: questions.push_back({field.name, ItemKind::integer}); break;
      case FieldType::number: questions.push_back({field.name, ItemKind::decimal}); break;
      case FieldType::herniation:
        // Its two parts, each asked by its own question (input_fields.h, kHerniationParts).
        for (const HerniationPart& part : kHerniationParts)
          questions.push_back({part.question, std::string_view(part.name) == "level" ? ItemKind::level : ItemKind::boolean});
        break;
      case FieldType::assessedFindings: questions.push_back({field.name, ItemKind::findings}); break;
      case FieldType::audience:
      case FieldType::language:
      case FieldType::redFlags:
        break;
    }
  }
  return questions;
}

const char* fhirType(ItemKind kind) {
  switch (kind) {
    case ItemKind::redFlag:
    case ItemKind::level:
    case ItemKind::findings: return "choice";
    case ItemKind::boolean: return "boolean";
    case ItemKind::integer: return "integer";
    case ItemKind::decimal: return "decimal";
  }
  return "string";
}

// A member that is a string, or "" (one function, so the module does not grow a copy of nlohmann's
// value() per literal length).
std::string stringAt(const json& object, const char* key) {
  if (!object.is_object()) return {};
  const auto found = object.find(key);
  return found != object.end() && found->is_string() ? found->get<std::string>() : std::string();
}

json arrayOf(json first, json second) {
  json list = json::array();
  list.push_back(std::move(first));
  list.push_back(std::move(second));
  return list;
}

json arrayOf(json only) {
  json list = json::array();
  list.push_back(std::move(only));
  return list;
}

// The FHIR answer value a choice item carries.
json coding(std::string_view system, const std::string& code, const std::string& display) {
  json value;
  value["system"] = system;
  value["code"] = code;
  if (!display.empty()) value["display"] = display;
  return value;
}

// The translation extension: the same text in every other language of the content.
template <typename TextOf>
json translations(const Content& content, const std::string& primary, const TextOf& textOf) {
  json extensions = json::array();
  for (const auto& [code, words] : content.languages) {
    if (code == primary) continue;
    const std::string text = textOf(words);
    if (text.empty()) continue;
    json lang;
    lang["url"] = "lang";
    lang["valueCode"] = code;
    json value;
    value["url"] = "content";
    value["valueString"] = text;
    json translation;
    translation["url"] = kTranslation;
    translation["extension"] = arrayOf(lang, value);
    extensions.push_back(translation);
  }
  json element;
  element["extension"] = extensions;
  return element;
}

std::string pick(const json& words, const std::vector<std::string>& path) {
  const json* node = &words;
  for (const std::string& key : path) {
    if (!node->is_object() || !node->contains(key)) return {};
    node = &node->at(key);
  }
  return node->is_string() ? node->get<std::string>() : std::string();
}

class QuestionnaireWriter {
 public:
  QuestionnaireWriter(const Content& content, const std::string& audience)
      : content_(content), audience_(audience), primary_(kDefaultLanguage) {}

  json write() const {
    const json& rules = content_.rules;
    json q;
    q["resourceType"] = "Questionnaire";
    q["id"] = "radiculo-assessment";
    q["url"] = kQuestionnaireUrl;
    q["version"] = rules.at("contentVersion");
    q["name"] = "RadiculoAssessment";
    q["title"] = pick(words(), {"intendedUse", "title", audience_});
    // Draft until a clinician has reviewed the content (content/review.json).
    q["status"] = content_.reviewedOn(primary_, audience_).is_null() ? "draft" : "active";
    q["language"] = primary_;
    q["subjectType"] = arrayOf("Patient");
    q["date"] = rules.at("contentReleased");
    q["publisher"] = "Radiculo project";
    q["description"] = pick(words(), {"intendedUse", "purpose", audience_});
    json items = json::array();
    items.push_back(redFlagGroup());
    json others = group("answers", {"ui", "questionsTitle", audience_});
    for (const Question& question : questionsOf(rules))
      if (question.kind != ItemKind::redFlag) others["item"].push_back(item(question));
    items.push_back(others);
    q["item"] = items;
    return q;
  }

 private:
  const json& words() const { return content_.languages.at(primary_); }

  // A text in the primary language, with its translations beside it (`_text`).
  void text(json& into, const char* key, const std::vector<std::string>& path) const {
    into[key] = pick(words(), path);
    const json other = translations(content_, primary_, [&](const json& w) { return pick(w, path); });
    if (!other.at("extension").empty()) into[std::string("_") + key] = other;
  }

  // The page's labels (content/ui) sit in Content::interfaces; the language files in languages.
  json group(const std::string& linkId, const std::vector<std::string>& uiPath) const {
    json g;
    g["linkId"] = "group-" + linkId;
    g["type"] = "group";
    const std::vector<std::string> path(uiPath.begin() + 1, uiPath.end());
    g["text"] = uiText(primary_, path);
    const json extension = uiTranslations(path);
    if (!extension.at("extension").empty()) g["_text"] = extension;
    g["item"] = json::array();
    return g;
  }

  std::string uiText(const std::string& language, const std::vector<std::string>& path) const {
    const json& ui = content_.interfaces.at(language);
    const json* node = &ui;
    for (const std::string& key : path) {
      if (!node->contains(key)) return {};
      node = &node->at(key);
    }
    if (node->is_object()) node = node->contains(audience_) ? &node->at(audience_) : &node->at("clinician");
    return node->is_string() ? node->get<std::string>() : std::string();
  }

  json uiTranslations(const std::vector<std::string>& path) const {
    json extensions = json::array();
    for (const auto& [code, ui] : content_.interfaces) {
      if (code == primary_) continue;
      const std::string value = uiText(code, path);
      if (value.empty()) continue;
      json lang;
      lang["url"] = "lang";
      lang["valueCode"] = code;
      json content;
      content["url"] = "content";
      content["valueString"] = value;
      json translation;
      translation["url"] = kTranslation;
      translation["extension"] = arrayOf(lang, content);
      extensions.push_back(translation);
    }
    json element;
    element["extension"] = extensions;
    return element;
  }

  json redFlagGroup() const {
    json all = group("redFlags", {"ui", "sectionRedFlags"});
    for (const json& flagGroup : content_.rules.at("redFlagGroups")) {
      const std::string name = flagGroup.at("group").get<std::string>();
      json g;
      g["linkId"] = "group-" + name;
      g["type"] = "group";
      text(g, "text", {"groups", name, audience_});
      g["item"] = json::array();
      for (const json& flag : flagGroup.at("flags")) g["item"].push_back(item({flag.get<std::string>(), ItemKind::redFlag}));
      all["item"].push_back(g);
    }
    return all;
  }

  json answerOption(std::string_view system, const std::string& code, const std::vector<std::string>& uiPath) const {
    json option;
    option["valueCoding"] = coding(system, code, uiText(primary_, uiPath));
    const json extension = uiTranslations(uiPath);
    if (!extension.at("extension").empty()) option["valueCoding"]["_display"] = extension;
    return option;
  }

  json item(const Question& question) const {
    json i;
    i["linkId"] = question.linkId;
    text(i, "text", {"questions", question.linkId, audience_, "text"});
    i["type"] = fhirType(question.kind);
    switch (question.kind) {
      case ItemKind::redFlag:
        i["answerOption"] = arrayOf(answerOption(kAnswerSystem, kYes, {"yes"}), answerOption(kAnswerSystem, kNo, {"no"}));
        i["answerOption"].push_back(answerOption(kAnswerSystem, kNotSure, {"notSure"}));
        break;
      case ItemKind::level:
        i["answerOption"] = json::array();
        for (const char* level : kHerniationLevels) {
          json option;
          option["valueCoding"] = coding(kLevelSystem, level, level);
          i["answerOption"].push_back(option);
        }
        break;
      case ItemKind::findings:
        i["repeats"] = true;
        i["answerOption"] = json::array();
        for (const RedFlagInfo& flag : kRedFlags)
          if (isAssessable(flag.flag)) {
            json option;
            option["valueCoding"] = coding(kFindingSystem, flag.key, pick(words(), {"questions", flag.key, audience_, "short"}));
            i["answerOption"].push_back(option);
          }
        {
          json option;
          option["valueCoding"] = coding(kFindingSystem, std::string(kOlderAgeFinding),
                                         pick(words(), {"phrases", std::string(kOlderAgeFinding), audience_}));
          i["answerOption"].push_back(option);
        }
        break;
      default:
        break;
    }
    // The help text as a display item the form shows as help.
    const std::vector<std::string> helpPath{"questions", question.linkId, audience_, "help"};
    if (!pick(words(), helpPath).empty()) {
      json help;
      help["linkId"] = question.linkId + ".help";
      help["type"] = "display";
      text(help, "text", helpPath);
      json control;
      control["url"] = kItemControl;
      control["valueCodeableConcept"]["coding"] =
          arrayOf(coding("http://hl7.org/fhir/questionnaire-item-control", "help", "Help-Button"));
      help["extension"] = arrayOf(control);
      i["item"] = arrayOf(help);
    }
    return i;
  }

  const Content& content_;
  std::string audience_;
  std::string primary_;
};

// ---------------------------------------------------------------------------------------------
// Reading a QuestionnaireResponse.

std::string child(const std::string& pointer, const std::string& key) { return pointer + "/" + key; }
std::string child(const std::string& pointer, std::size_t index) { return pointer + "/" + std::to_string(index); }

class ResponseReader {
 public:
  explicit ResponseReader(ResponseReading& out) : out_(out) {
    for (const Question& question : questionsOf(content().rules)) known_.emplace(question.linkId, question.kind);
  }

  void read(const json& response) {
    if (stringAt(response, "resourceType") != "QuestionnaireResponse") {
      error("/resourceType", ErrorCode::notQuestionnaireResponse);
      return;
    }
    // Answers to Radiculo's questionnaire only: its address, with or without "|version".
    const std::string questionnaire = stringAt(response, "questionnaire");
    const std::string url(kQuestionnaireUrl);
    if (questionnaire != url && questionnaire.rfind(url + "|", 0) != 0)
      error("/questionnaire", ErrorCode::otherQuestionnaire, {{"url", url}});
    if (response.contains("language")) {
      if (!response.at("language").is_string()) error("/language", ErrorCode::notLanguageCode);
      else assessment_["language"] = response.at("language");
    }
    if (response.contains("extension")) readExtensions(response.at("extension"));
    if (response.contains("item")) readItems(response.at("item"), "/item");
    if (!out_.errors.empty()) return;
    if (!redFlags_.empty()) assessment_["redFlags"] = redFlags_;
    if (herniationContained_.has_value() || herniationLevel_.has_value()) {
      json herniation;
      if (herniationContained_) herniation["contained"] = *herniationContained_;
      if (herniationLevel_) herniation["level"] = *herniationLevel_;
      assessment_["herniation"] = herniation;
    }
    out_.assessment = assessment_;
  }

 private:
  void error(std::string field, ErrorCode code, std::vector<std::pair<std::string, std::string>> params = {}) {
    out_.errors.push_back({std::move(field), code, std::move(params)});
  }

  void readExtensions(const json& extensions) {
    if (!extensions.is_array()) return error("/extension", ErrorCode::notList);
    for (std::size_t i = 0; i < extensions.size(); ++i) {
      const json& extension = extensions[i];
      if (stringAt(extension, "url") != kAudienceExtension) continue;  // others are not Radiculo's to read
      if (!extension.contains("valueCode") || !extension.at("valueCode").is_string())
        error(child(child("/extension", i), "valueCode"), ErrorCode::notAudience);
      else
        assessment_["audience"] = extension.at("valueCode");
    }
  }

  void readItems(const json& items, const std::string& pointer) {
    if (!items.is_array()) return error(pointer, ErrorCode::notList);
    for (std::size_t i = 0; i < items.size(); ++i) readItem(items[i], child(pointer, i));
  }

  void readItem(const json& item, const std::string& pointer) {
    if (!item.is_object() || !item.contains("linkId") || !item.at("linkId").is_string())
      return error(child(pointer, "linkId"), ErrorCode::required);
    const std::string linkId = item.at("linkId").get<std::string>();
    if (linkId.rfind("group-", 0) == 0) {
      if (item.contains("answer")) error(child(pointer, "answer"), ErrorCode::groupAnswered);
      if (item.contains("item")) readItems(item.at("item"), child(pointer, "item"));
      return;
    }
    const auto question = known_.find(linkId);
    if (question == known_.end())
      return error(child(pointer, "linkId"), ErrorCode::unknownQuestion, {{"linkId", linkId}});
    if (!seen_.insert(linkId).second) return error(child(pointer, "linkId"), ErrorCode::answeredTwice, {{"linkId", linkId}});
    if (!item.contains("answer")) {  // asked, not answered (an empty list of findings is an answer)
      if (question->second == ItemKind::findings) assessment_["assessedFindings"] = json::array();
      return;
    }
    const json& answers = item.at("answer");
    if (!answers.is_array()) return error(child(pointer, "answer"), ErrorCode::notList);
    const std::string answersPointer = child(pointer, "answer");
    if (question->second != ItemKind::findings && answers.size() > 1)
      return error(child(answersPointer, 1), ErrorCode::secondAnswer);
    std::vector<std::string> findings;
    for (std::size_t a = 0; a < answers.size(); ++a) {
      const std::string at = child(answersPointer, a);
      const json& answer = answers[a];
      switch (question->second) {
        case ItemKind::redFlag: {
          const auto code = codeOf(answer, kAnswerSystem, at);
          if (!code) return;
          if (*code == kYes) redFlags_[linkId] = true;
          else if (*code == kNo) redFlags_[linkId] = false;
          else if (*code == kNotSure) redFlags_[linkId] = nullptr;
          else return error(child(at, "valueCoding"), ErrorCode::notYesNoNotSure);
          break;
        }
        case ItemKind::boolean:
          if (!answer.contains("valueBoolean") || !answer.at("valueBoolean").is_boolean())
            return error(child(at, "valueBoolean"), ErrorCode::needsBoolean);
          setField(linkId, answer.at("valueBoolean"), child(at, "valueBoolean"));
          break;
        case ItemKind::integer:
          if (!answer.contains("valueInteger") || !answer.at("valueInteger").is_number_integer())
            return error(child(at, "valueInteger"), ErrorCode::needsInteger);
          setField(linkId, answer.at("valueInteger"), child(at, "valueInteger"));
          break;
        case ItemKind::decimal:
          if (!answer.contains("valueDecimal") || !answer.at("valueDecimal").is_number())
            return error(child(at, "valueDecimal"), ErrorCode::needsDecimal);
          setField(linkId, answer.at("valueDecimal"), child(at, "valueDecimal"));
          break;
        case ItemKind::level: {
          const auto code = codeOf(answer, kLevelSystem, at);
          if (!code) return;
          herniationLevel_ = *code;
          out_.places.emplace_back("/herniation/level", child(at, "valueCoding"));
          break;
        }
        case ItemKind::findings: {
          const auto code = codeOf(answer, kFindingSystem, at);
          if (!code) return;
          findings.push_back(*code);
          break;
        }
      }
    }
    if (question->second == ItemKind::findings) {
      assessment_["assessedFindings"] = findings;
      out_.places.emplace_back("/assessedFindings", answersPointer);
    }
  }

  void setField(const std::string& linkId, const json& value, const std::string& place) {
    if (linkId == "herniationContained") {
      herniationContained_ = value.get<bool>();
      out_.places.emplace_back("/herniation/contained", place);
      return;
    }
    assessment_[linkId] = value;
    out_.places.emplace_back("/" + linkId, place);
  }

  std::optional<std::string> codeOf(const json& answer, std::string_view system, const std::string& at) {
    const std::string place = child(at, "valueCoding");
    if (!answer.contains("valueCoding") || !answer.at("valueCoding").is_object()) {
      error(place, ErrorCode::needsCode);
      return std::nullopt;
    }
    const json& value = answer.at("valueCoding");
    if (stringAt(value, "system") != system) {
      error(child(place, "system"), ErrorCode::otherSystem, {{"system", std::string(system)}});
      return std::nullopt;
    }
    if (!value.contains("code") || !value.at("code").is_string()) {
      error(child(place, "code"), ErrorCode::required);
      return std::nullopt;
    }
    return value.at("code").get<std::string>();
  }

  ResponseReading& out_;
  std::map<std::string, ItemKind> known_;
  std::set<std::string> seen_;
  json assessment_ = json::object();
  json redFlags_ = json::object();
  std::optional<bool> herniationContained_;
  std::optional<std::string> herniationLevel_;
};

// One answer item of the response, mirroring the questionnaire's item.
json answered(const std::string& linkId, const json& answers) {
  json item;
  item["linkId"] = linkId;
  item["answer"] = answers;
  return item;
}

json oneAnswer(const char* key, const json& value) {
  json answer;
  answer[key] = value;
  return arrayOf(answer);
}

}  // namespace

json fhirQuestionnaire(const Content& content, const std::string& audience) {
  return QuestionnaireWriter(content, audience).write();
}

bool isQuestionnaireResponse(const json& input) {
  return input.is_object() && input.contains("resourceType");
}

ResponseReading readQuestionnaireResponse(const json& response) {
  ResponseReading reading;
  ResponseReader(reading).read(response);
  return reading;
}

json questionnaireResponseFor(const json& assessment) {
  json response;
  response["resourceType"] = "QuestionnaireResponse";
  response["questionnaire"] = std::string(kQuestionnaireUrl) + "|" + content().rules.at("contentVersion").get<std::string>();
  response["status"] = "completed";
  if (assessment.contains("language")) response["language"] = assessment.at("language");
  if (assessment.contains("audience")) {
    json extension;
    extension["url"] = kAudienceExtension;
    extension["valueCode"] = assessment.at("audience");
    response["extension"] = arrayOf(extension);
  }
  // The same groups as the questionnaire: the red flags by group, then the other answers.
  json items = json::array();
  json flags;
  flags["linkId"] = "group-redFlags";
  flags["item"] = json::array();
  const json answers = assessment.contains("redFlags") ? assessment.at("redFlags") : json::object();
  for (const json& flagGroup : content().rules.at("redFlagGroups")) {
    json group;
    group["linkId"] = "group-" + flagGroup.at("group").get<std::string>();
    group["item"] = json::array();
    for (const json& flag : flagGroup.at("flags")) {
      const std::string key = flag.get<std::string>();
      if (!answers.contains(key)) continue;
      const json& value = answers.at(key);
      const char* code = value.is_null() ? kNotSure : value.get<bool>() ? kYes : kNo;
      json answer;
      answer["valueCoding"] = coding(kAnswerSystem, code, "");
      group["item"].push_back(answered(key, arrayOf(answer)));
    }
    if (!group["item"].empty()) flags["item"].push_back(group);
  }
  if (!flags["item"].empty()) items.push_back(flags);
  json others;
  others["linkId"] = "group-answers";
  others["item"] = json::array();
  for (const Question& question : questionsOf(content().rules)) {
    const std::string& key = question.linkId;
    switch (question.kind) {
      case ItemKind::redFlag: break;
      case ItemKind::boolean:
        if (key == "herniationContained") {
          if (assessment.contains("herniation"))
            others["item"].push_back(answered(key, oneAnswer("valueBoolean", assessment.at("herniation").at("contained"))));
        } else if (assessment.contains(key)) {
          others["item"].push_back(answered(key, oneAnswer("valueBoolean", assessment.at(key))));
        }
        break;
      case ItemKind::integer:
        if (assessment.contains(key)) others["item"].push_back(answered(key, oneAnswer("valueInteger", assessment.at(key))));
        break;
      case ItemKind::decimal:
        if (assessment.contains(key)) others["item"].push_back(answered(key, oneAnswer("valueDecimal", assessment.at(key))));
        break;
      case ItemKind::level:
        if (assessment.contains("herniation")) {
          json answer;
          answer["valueCoding"] = coding(kLevelSystem, assessment.at("herniation").at("level").get<std::string>(), "");
          others["item"].push_back(answered(key, arrayOf(answer)));
        }
        break;
      case ItemKind::findings:
        if (assessment.contains(key)) {
          json list = json::array();
          for (const json& finding : assessment.at(key)) {
            json answer;
            answer["valueCoding"] = coding(kFindingSystem, finding.get<std::string>(), "");
            list.push_back(answer);
          }
          if (!list.empty()) {
            others["item"].push_back(answered(key, list));
          } else {  // an empty list: the question, with no answer
            json item;
            item["linkId"] = key;
            others["item"].push_back(item);
          }
        }
        break;
    }
  }
  if (!others["item"].empty()) items.push_back(others);
  if (!items.empty()) response["item"] = items;
  return response;
}

}  // namespace radiculo
