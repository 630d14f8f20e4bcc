// Reading a QuestionnaireResponse into an assessment. Only what can be read without doubt is read:
// a response of a status that stands, to a Questionnaire whose items this engine knows, every item
// looked up wherever it is nested (under a group, a question or an answer). Anything it cannot
// place is refused with its place named, never skipped: a "yes" this reader left unread would
// become "no" or "not answered" in the plan.
#include <algorithm>
#include <cmath>
#include <set>

#include "fhir.h"
#include "fhir_items.h"
#include "fhir_terms.h"
#include "text.h"

namespace radiculo {

using nlohmann::json;
using namespace fhir;

namespace {

std::string child(const std::string& pointer, const std::string& key) { return pointer + "/" + key; }
std::string child(const std::string& pointer, std::size_t index) { return pointer + "/" + std::to_string(index); }

// A member that is a string, or "".
std::string stringAt(const json& object, const char* key) {
  if (!object.is_object()) return {};
  const auto found = object.find(key);
  return found != object.end() && found->is_string() ? found->get<std::string>() : std::string();
}

class ResponseReader {
 public:
  explicit ResponseReader(ResponseReading& out) : out_(out) {}

  void read(const json& response) {
    if (stringAt(response, "resourceType") != "QuestionnaireResponse") {
      error("/resourceType", ErrorCode::notQuestionnaireResponse);
      return;
    }
    readStatus(response);
    const auto named = readQuestionnaire(response);
    if (!named) return;
    set_ = named->set;
    tree_ = itemTree(named->set, named->audience.value_or(Audience::clinician));
    known_ = itemsByLinkId(tree_);
    // Language and wording: the response's own, else those of the Questionnaire it names (a form
    // filler may drop them), else the contract's defaults (English, the clinician's wording).
    if (response.contains("language")) {
      if (!response.at("language").is_string()) error("/language", ErrorCode::notLanguageCode);
      else assessment_["language"] = response.at("language");
    } else if (!named->language.empty()) {
      assessment_["language"] = named->language;
    }
    if (named->audience) assessment_["audience"] = audienceId(*named->audience);
    refuseModifiers(response, "");
    if (response.contains("extension")) readExtensions(response.at("extension"));
    if (response.contains("item")) readItems(response.at("item"), "/item");
    if (!out_.errors.empty()) return;
    if (findingsAsked_) assessment_["assessedFindings"] = findings_;
    out_.assessment = assessment_;
  }

 private:
  void error(std::string field, ErrorCode code, std::vector<std::pair<std::string, std::string>> params = {}) {
    out_.errors.push_back({std::move(field), code, std::move(params)});
  }

  // completed and amended answers stand; in-progress ones are read with a notice; anything else
  // (entered-in-error, stopped, a number) is not the person's answers as they stand.
  void readStatus(const json& response) {
    if (!response.contains("status")) return error("/status", ErrorCode::required);
    const json& status = response.at("status");
    if (status == "completed" || status == "amended") return;
    if (status == "in-progress") {
      out_.inProgress = true;
      return;
    }
    error("/status", ErrorCode::notCompleted, {{"status", status.is_string() ? status.get<std::string>() : status.dump()}});
  }

  std::optional<NamedQuestionnaire> readQuestionnaire(const json& response) {
    const std::string canonical = stringAt(response, "questionnaire");
    const auto named = namedQuestionnaire(canonical, content().languageCodes());
    if (!named) {
      error("/questionnaire", ErrorCode::otherQuestionnaire, {{"url", questionnaireUrl(Audience::clinician, kDefaultLanguage)}});
      return std::nullopt;
    }
    if (!readableVersion(*named)) {
      error("/questionnaire", ErrorCode::otherItemSet, {{"version", named->version}});
      return std::nullopt;
    }
    return named;
  }

  // A modifier extension changes the meaning of what holds it (a "not", a "historical"); FHIR
  // forbids reading what carries one that is not understood, and Radiculo understands none.
  void refuseModifiers(const json& element, const std::string& pointer) {
    if (element.is_object() && element.contains("modifierExtension"))
      error(child(pointer, "modifierExtension"), ErrorCode::modifierExtension);
  }

  void readExtensions(const json& extensions) {
    if (!extensions.is_array()) return error("/extension", ErrorCode::notList);
    for (std::size_t i = 0; i < extensions.size(); ++i) {
      const json& extension = extensions[i];
      if (!isAudienceExtension(stringAt(extension, "url"))) continue;  // others are not Radiculo's to read
      const std::string value = stringAt(extension, "valueCode");
      if (value.empty()) error(child(child("/extension", i), "valueCode"), ErrorCode::notAudience);
      else assessment_["audience"] = value;
    }
  }

  void readItems(const json& items, const std::string& pointer) {
    if (!items.is_array()) return error(pointer, ErrorCode::notList);
    for (std::size_t i = 0; i < items.size(); ++i) readItem(items[i], child(pointer, i));
  }

  // Any item anywhere: a group or a help text (no answer), or a question, read wherever it is.
  void readItem(const json& item, const std::string& pointer) {
    if (!item.is_object() || !item.contains("linkId") || !item.at("linkId").is_string())
      return error(child(pointer, "linkId"), ErrorCode::required);
    const std::string linkId = item.at("linkId").get<std::string>();
    const auto found = known_.find(linkId);
    const bool help = found == known_.end() && isHelp(linkId);
    if (found == known_.end() && !help)
      return error(child(pointer, "linkId"), ErrorCode::unknownQuestion, {{"linkId", linkId}});
    // Once only, anywhere in the tree: the same question answered in two places is a conflict
    // Radiculo does not settle.
    if (!seen_.insert(linkId).second) return error(child(pointer, "linkId"), ErrorCode::answeredTwice, {{"linkId", linkId}});
    refuseModifiers(item, pointer);
    if (help || found->second->kind == ItemKind::group) {
      if (item.contains("answer")) error(child(pointer, "answer"), ErrorCode::groupAnswered);
    } else {
      readAnswers(*found->second, item, pointer);
    }
    if (item.contains("item")) readItems(item.at("item"), child(pointer, "item"));
  }

  bool isHelp(const std::string& linkId) const {
    const std::string suffix = helpLinkId("");
    if (linkId.size() <= suffix.size() || linkId.compare(linkId.size() - suffix.size(), suffix.size(), suffix) != 0) return false;
    return known_.count(linkId.substr(0, linkId.size() - suffix.size())) > 0;
  }

  void readAnswers(const Item& question, const json& item, const std::string& pointer) {
    if (!item.contains("answer")) {  // asked, not answered (an empty list of findings is an answer)
      if (question.kind == ItemKind::findings) findingsAsked_ = true;
      return;
    }
    const json& answers = item.at("answer");
    const std::string answersPointer = child(pointer, "answer");
    if (!answers.is_array()) return error(answersPointer, ErrorCode::notList);
    if (question.kind != ItemKind::findings && answers.size() > 1) return error(child(answersPointer, 1), ErrorCode::secondAnswer);
    for (std::size_t a = 0; a < answers.size(); ++a) {
      const std::string at = child(answersPointer, a);
      const json& answer = answers[a];
      refuseModifiers(answer, at);
      readAnswer(question, answer, at);
      // An item nested under an answer is read like any other (and counted against answering twice).
      if (answer.is_object() && answer.contains("item")) readItems(answer.at("item"), child(at, "item"));
    }
  }

  void readAnswer(const Item& question, const json& answer, const std::string& at) {
    switch (question.kind) {
      case ItemKind::redFlag: return readRedFlag(question, answer, at);
      case ItemKind::boolean: {
        if (const json* value = valueOf(answer, "valueBoolean", at, ErrorCode::needsBoolean, &json::is_boolean))
          set(question, *value, child(at, "valueBoolean"));
        return;
      }
      case ItemKind::finding: {
        const json* value = valueOf(answer, "valueBoolean", at, ErrorCode::needsBoolean, &json::is_boolean);
        if (value == nullptr) return;
        findingsAsked_ = true;
        if (value->get<bool>()) listFinding(question.member, child(at, "valueBoolean"));
        return;
      }
      case ItemKind::integer: {
        if (const json* value = valueOf(answer, "valueInteger", at, ErrorCode::needsInteger, &json::is_number_integer))
          set(question, *value, child(at, "valueInteger"));
        return;
      }
      case ItemKind::weeks: {
        if (const json* value = valueOf(answer, "valueDecimal", at, ErrorCode::needsDecimal, &json::is_number))
          set(question, *value, child(at, "valueDecimal"));
        return;
      }
      case ItemKind::duration: return readDuration(question, answer, at);
      case ItemKind::level: {
        if (const auto code = radiculoCode(answer, kLevelSystemName, at)) set(question, *code, child(at, "valueCoding"));
        return;
      }
      case ItemKind::findings: {
        findingsAsked_ = true;
        if (const auto code = radiculoCode(answer, kFindingSystemName, at)) listFinding(*code, child(at, "valueCoding"));
        return;
      }
      case ItemKind::group: return;
    }
  }

  // The answer's value of the expected kind, or null after naming the error.
  const json* valueOf(const json& answer, const char* key, const std::string& at, ErrorCode missing, bool (json::*is)() const noexcept) {
    if (!answer.is_object() || !answer.contains(key) || !(answer.at(key).*is)()) {
      error(child(at, key), missing);
      return nullptr;
    }
    return &answer.at(key);
  }

  void readRedFlag(const Item& question, const json& answer, const std::string& at) {
    const json* coded = valueOf(answer, "valueCoding", at, ErrorCode::needsCode, &json::is_object);
    if (coded == nullptr) return;
    const std::string place = child(at, "valueCoding");
    const std::string system = stringAt(*coded, "system");
    const std::string code = stringAt(*coded, "code");
    if (set_ == ItemSet::saved200) {
      // Radiculo 2.0.0's own answer codes.
      if (!isRadiculoSystem(system, kAnswerSystemName))
        return error(child(place, "system"), ErrorCode::otherSystem, {{"system", codeSystemUrl(kPlaceholderBase, kAnswerSystemName)}});
      if (code == kSavedAnswerCodes[0]) return set(question, true, place);
      if (code == kSavedAnswerCodes[1]) return set(question, false, place);
      if (code == kSavedAnswerCodes[2]) return set(question, nullptr, place);
      return error(place, ErrorCode::notYesNoNotSure);
    }
    if (system != kYes.system && system != kNotSure.system)
      return error(child(place, "system"), ErrorCode::otherSystem, {{"system", std::string(kYes.system)}});
    if (system == kYes.system && code == kYes.code) return set(question, true, place);
    if (system == kNo.system && code == kNo.code) return set(question, false, place);
    // "Not sure": possible, as an unanswered red flag is (the contract's null).
    if (system == kNotSure.system && code == kNotSure.code) return set(question, nullptr, place);
    error(place, ErrorCode::notYesNoNotSure);
  }

  // An amount in days or weeks (UCUM d or wk), exactly: days become weeks (10 days = 10/7 weeks).
  void readDuration(const Item& question, const json& answer, const std::string& at) {
    const json* quantity = valueOf(answer, "valueQuantity", at, ErrorCode::needsQuantity, &json::is_object);
    if (quantity == nullptr) return;
    const std::string place = child(at, "valueQuantity");
    if (quantity->contains("comparator")) return error(child(place, "comparator"), ErrorCode::notExact);
    if (!quantity->contains("value") || !quantity->at("value").is_number()) return error(child(place, "value"), ErrorCode::needsQuantity);
    const std::string system = stringAt(*quantity, "system");
    const std::string code = stringAt(*quantity, "code");
    const bool days = system == kDays.system && code == kDays.code;
    if (!days && !(system == kWeeks.system && code == kWeeks.code))
      return error(child(place, "code"), ErrorCode::otherUnit,
                   {{"values", std::string(kDays.code) + ", " + std::string(kWeeks.code) + " (" + std::string(kUcum) + ")"}});
    const double value = quantity->at("value").get<double>();
    if (!days) return set(question, quantity->at("value"), child(place, "value"));
    // The range in days, so the message speaks the unit the person used.
    const double minimum = question.row->minimum * kDaysPerWeek, maximum = question.row->maximum * kDaysPerWeek;
    if (!std::isfinite(value) || value < minimum || value > maximum)
      return error(child(place, "value"), ErrorCode::outOfRange, {{"min", formatNumber(minimum)}, {"max", formatNumber(maximum)}});
    set(question, value / kDaysPerWeek, child(place, "value"));
  }

  // The code of an answer in one of Radiculo's code systems.
  std::optional<std::string> radiculoCode(const json& answer, std::string_view systemName, const std::string& at) {
    const json* coded = valueOf(answer, "valueCoding", at, ErrorCode::needsCode, &json::is_object);
    if (coded == nullptr) return std::nullopt;
    const std::string place = child(at, "valueCoding");
    if (!isRadiculoSystem(stringAt(*coded, "system"), systemName)) {
      error(child(place, "system"), ErrorCode::otherSystem, {{"system", codeSystemUrl(systemName)}});
      return std::nullopt;
    }
    const std::string code = stringAt(*coded, "code");
    if (code.empty()) {
      error(child(place, "code"), ErrorCode::required);
      return std::nullopt;
    }
    return code;
  }

  void set(const Item& question, json value, const std::string& place) {
    if (question.member.empty()) assessment_[question.field] = std::move(value);
    else assessment_[question.field][question.member] = std::move(value);
    out_.places.emplace_back(question.target(), place);
  }

  // Its place, by its index in the list (the parser's pointer) and by its name (a finding the
  // plan refuses is named in the error's params).
  void listFinding(const std::string& finding, const std::string& place) {
    out_.places.emplace_back("/assessedFindings/" + std::to_string(findings_.size()), place);
    out_.places.emplace_back("/assessedFindings/" + finding, place);
    findings_.push_back(finding);
  }

  ResponseReading& out_;
  ItemSet set_ = ItemSet::current;
  std::vector<Item> tree_;
  std::map<std::string, const Item*> known_;
  std::set<std::string> seen_;
  json assessment_ = json::object();
  json findings_ = json::array();
  bool findingsAsked_ = false;
};

}  // namespace

ResponseReading readQuestionnaireResponse(const json& response) {
  ResponseReading reading;
  ResponseReader(reading).read(response);
  return reading;
}

bool isFhirDateTime(const std::string& text) {
  // YYYY[-MM[-DD[Thh:mm:ss[.f+](Z|(+|-)hh:mm)]]]
  const auto digits = [&](std::size_t from, std::size_t count) {
    if (from + count > text.size()) return false;
    for (std::size_t i = from; i < from + count; ++i)
      if (text[i] < '0' || text[i] > '9') return false;
    return true;
  };
  const auto number = [&](std::size_t from, std::size_t count) {  // digits already checked
    int value = 0;
    for (std::size_t i = from; i < from + count; ++i) value = value * 10 + (text[i] - '0');
    return value;
  };
  if (!digits(0, 4)) return false;
  if (text.size() == 4) return true;
  if (text[4] != '-' || !digits(5, 2) || number(5, 2) < 1 || number(5, 2) > 12) return false;
  if (text.size() == 7) return true;
  if (text.size() < 10 || text[7] != '-' || !digits(8, 2) || number(8, 2) < 1 || number(8, 2) > 31) return false;
  if (text.size() == 10) return true;
  if (text[10] != 'T' || !digits(11, 2) || text[13] != ':' || !digits(14, 2) || text[16] != ':' || !digits(17, 2)) return false;
  if (number(11, 2) > 23 || number(14, 2) > 59 || number(17, 2) > 60) return false;
  std::size_t at = 19;
  if (at < text.size() && text[at] == '.') {
    const std::size_t start = ++at;
    while (at < text.size() && text[at] >= '0' && text[at] <= '9') ++at;
    if (at == start) return false;
  }
  if (at < text.size() && text[at] == 'Z') return at + 1 == text.size();
  if (at + 6 != text.size() || (text[at] != '+' && text[at] != '-')) return false;
  return digits(at + 1, 2) && text[at + 3] == ':' && digits(at + 4, 2) && number(at + 1, 2) <= 14 && number(at + 4, 2) <= 59;
}

}  // namespace radiculo
