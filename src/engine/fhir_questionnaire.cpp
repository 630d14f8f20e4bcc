// The Questionnaire: Radiculo's questions in one language and wording, as a form filler renders
// and checks them: every number with the contract's limits (and durations with their unit, days
// or weeks), the assessed findings only when present, standard codes where LOINC has the
// question, help as help buttons, the other languages as translation extensions.
#include <cmath>

#include "fhir.h"
#include "fhir_items.h"
#include "fhir_terms.h"
#include "fhir_words.h"
#include "pathway.h"
#include "text.h"

namespace radiculo {

using nlohmann::json;
using namespace fhir;

namespace {

// A JSON array of these values (not nlohmann's initializer lists, which grow the WebAssembly module).
template <typename... Values>
json list(Values&&... values) {
  json out = json::array();
  (out.push_back(json(std::forward<Values>(values))), ...);
  return out;
}

json extension(std::string_view url, const char* valueKey, json value) {
  json e;
  e["url"] = url;
  e[valueKey] = std::move(value);
  return e;
}

json ucumQuantity(double value, const StandardCode& unit, const std::string& display) {
  json quantity;
  quantity["value"] = numberJson(value);
  quantity["unit"] = display;
  quantity["system"] = unit.system;
  quantity["code"] = unit.code;
  return quantity;
}

class QuestionnaireWriter {
 public:
  explicit QuestionnaireWriter(const Words& words) : words_(words) {}

  json write() const {
    const Content& content = words_.content();
    const std::string& language = words_.language();
    const json reviewed = content.reviewedOn(language, std::string(audienceId(words_.audience())));
    json q;
    q["resourceType"] = "Questionnaire";
    q["id"] = questionnaireId(words_.audience(), language);
    q["language"] = language;
    q["url"] = questionnaireUrl(words_.audience(), language);
    q["version"] = questionnaireVersion();
    q["name"] = std::string("RadiculoSciaticaAssessment") + (words_.audience() == Audience::patient ? "Patient" : "Clinician") +
                char(std::toupper(language[0])) + language.substr(1);
    setText(q, "title", words_, Text::lang({"questionnaire", "title"}));
    // Draft until a clinician has reviewed this content version in this language (content/review.json).
    q["status"] = reviewed.is_null() ? "draft" : "active";
    q["subjectType"] = list("Patient");
    q["date"] = content.rules.at("contentReleased");
    q["publisher"] = "Radiculo project";
    json telecom;
    telecom["system"] = "url";
    telecom["value"] = kCanonicalBase;
    json contact;
    contact["name"] = "Radiculo project";
    contact["telecom"] = list(telecom);
    q["contact"] = list(contact);
    setText(q, "description", words_, Text::lang({"intendedUse", "purpose"}));
    Text copyright = Text::lang({"questionnaire", "copyright"});
    copyright.suffix = kLoincNotice;
    setText(q, "copyright", words_, copyright);
    if (!reviewed.is_null()) q["lastReviewDate"] = reviewed;
    json items = json::array();
    for (const Item& item : itemTree(ItemSet::current, words_.audience())) items.push_back(write(item));
    q["item"] = items;
    return q;
  }

 private:
  json write(const Item& item) const {
    json i;
    i["linkId"] = item.linkId;
    setText(i, "text", words_, Text::textOf(item));
    switch (item.kind) {
      case ItemKind::group: i["type"] = "group"; break;
      case ItemKind::redFlag:
        i["type"] = "choice";
        i["answerOption"] = list(option(kYes, "yes"), option(kNo, "no"), option(kNotSure, "notSure"));
        break;
      case ItemKind::boolean: i["type"] = "boolean"; break;
      case ItemKind::finding:
        i["type"] = "boolean";
        i["code"] = list(coding(codeSystemUrl(kFindingSystemName), item.member, words_.text(item)));
        break;
      case ItemKind::integer: integer(i, item); break;
      case ItemKind::duration: duration(i, item); break;
      case ItemKind::level:
        i["type"] = "choice";
        i["answerOption"] = json::array();
        for (const char* level : kHerniationLevels) {
          json option;
          option["valueCoding"] = coding(codeSystemUrl(kLevelSystemName), level, level);
          i["answerOption"].push_back(option);
        }
        break;
      case ItemKind::weeks:
      case ItemKind::findings:
        break;  // the 2.0.0 items are read, never written
    }
    enableWhen(i, item);
    json children = json::array();
    if (const std::string help = words_.help(item); !help.empty()) children.push_back(helpItem(item));
    for (const Item& child : item.items) children.push_back(write(child));
    if (!children.empty()) i["item"] = children;
    return i;
  }

  // A coded answer: the standard code, displayed in the form's own words ("Not sure").
  json option(const StandardCode& code, const std::string& uiKey) const {
    json option;
    option["valueCoding"] = coding(code.system, code.code, words_.ui(uiKey));
    json other = translations(words_, Text::ui(uiKey));
    if (!other.is_null()) option["valueCoding"]["_display"] = other;
    return option;
  }

  // A whole number within the contract's limits; age and pain carry their LOINC item codes.
  void integer(json& i, const Item& item) const {
    i["type"] = "integer";
    const std::string name = item.row->name;
    if (name == "ageYears") {
      i["code"] = list(coding(kAgeItem.system, kAgeItem.code, std::string(kAgeItem.display)));
      i["extension"].push_back(extension(kUnitExtension, "valueCoding",
                                         coding(kYears.system, kYears.code, words_.lang({"questionnaire", "years"}))));
    } else if (name == "painScore") {
      i["code"] = list(coding(kPainItem.system, kPainItem.code, std::string(kPainItem.display)));
    }
    i["extension"].push_back(extension(kMinValue, "valueInteger", numberJson(item.row->minimum)));
    i["extension"].push_back(extension(kMaxValue, "valueInteger", numberJson(item.row->maximum)));
  }

  // A duration: an amount and its unit, days or weeks (weeks first: the contract's unit), within
  // the contract's limits in weeks. The reader converts days to weeks.
  void duration(json& i, const Item& item) const {
    i["type"] = "quantity";
    const std::string weeks = words_.lang({"units", "weeks"});
    const std::string days = words_.lang({"units", "days"});
    i["extension"].push_back(extension(kUnitOption, "valueCoding", coding(kWeeks.system, kWeeks.code, weeks)));
    i["extension"].push_back(extension(kUnitOption, "valueCoding", coding(kDays.system, kDays.code, days)));
    i["extension"].push_back(extension(kMinQuantity, "valueQuantity", ucumQuantity(item.row->minimum, kWeeks, weeks)));
    i["extension"].push_back(extension(kMaxQuantity, "valueQuantity", ucumQuantity(item.row->maximum, kWeeks, weeks)));
  }

  // A finding is asked only when it is present: its red flag answered yes, or the age 60 or over.
  // Their group is shown when any one is.
  void enableWhen(json& i, const Item& item) const {
    std::vector<json> conditions;
    const auto add = [&](const Item& each) {
      json condition;
      if (!each.enabledByFlag.empty()) {
        condition["question"] = each.enabledByFlag;
        condition["operator"] = "=";
        condition["answerCoding"] = coding(kYes.system, kYes.code, words_.ui("yes"));
      } else if (each.enabledByOlderAge) {
        condition["question"] = "ageYears";
        condition["operator"] = ">=";
        condition["answerInteger"] = kOlderAge;
      } else {
        return;
      }
      conditions.push_back(std::move(condition));
    };
    if (item.kind == ItemKind::group) {
      for (const Item& child : item.items) add(child);
    } else {
      add(item);
    }
    if (conditions.empty()) return;
    i["enableWhen"] = conditions;
    if (conditions.size() > 1) i["enableBehavior"] = "any";
  }

  json helpItem(const Item& item) const {
    json help;
    help["linkId"] = helpLinkId(item.linkId);
    setText(help, "text", words_, Text::helpOf(item));
    help["type"] = "display";
    json control;
    control["coding"] = list(coding(kItemControlSystem, "help", "Help-Button"));
    help["extension"] = list(extension(kItemControl, "valueCodeableConcept", control));
    return help;
  }

  const Words& words_;
};

}  // namespace

json fhirQuestionnaire(const Content& content, Audience audience, const std::string& language) {
  return QuestionnaireWriter(Words(content, language, audience)).write();
}

}  // namespace radiculo
