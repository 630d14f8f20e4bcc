// A QuestionnaireResponse for an assessment: the answers of the Questionnaire of its language and
// wording, in the Questionnaire's order and nesting, each with the question's text and coded
// answers with their display, so a record system shows what was asked and answered.
#include <cmath>

#include "fhir.h"
#include "fhir_items.h"
#include "fhir_terms.h"
#include "fhir_words.h"
#include "text.h"

namespace radiculo {

using nlohmann::json;
using namespace fhir;

namespace {

// The questions a plan needs answered: every red flag, the age, and duration and pain. While one
// is open the response is in progress (the plan treats an open red flag as possible, and asks for
// the rest).
bool questionsOpen(const json& assessment) {
  for (const RedFlagInfo& flag : kRedFlags)
    if (!assessment.contains("redFlags") || !assessment.at("redFlags").contains(flag.key)) return true;
  for (const char* needed : {"ageYears", "symptomWeeks", "painScore"})
    if (!assessment.contains(needed)) return true;
  return false;
}

json oneAnswer(const char* key, json value) {
  json answer;
  answer[key] = std::move(value);
  json answers = json::array();
  answers.push_back(std::move(answer));
  return answers;
}

class ResponseWriter {
 public:
  ResponseWriter(const json& assessment, const Words& words) : assessment_(assessment), words_(words) {}

  json items(const std::vector<Item>& tree) const {
    json out = json::array();
    for (const Item& item : tree)
      if (json written = write(item); !written.is_null()) out.push_back(std::move(written));
    return out;
  }

 private:
  // The item with its answer, or null when the assessment does not answer it (a group: none of its items).
  json write(const Item& item) const {
    json answers;
    if (item.kind == ItemKind::group) {
      json children = items(item.items);
      if (children.empty()) return nullptr;
      json group;
      group["linkId"] = item.linkId;
      group["text"] = words_.text(item);
      group["item"] = std::move(children);
      return group;
    }
    if (!assessment_.contains(item.field)) return nullptr;
    const json& field = assessment_.at(item.field);
    if (item.kind == ItemKind::finding) {
      if (std::find(field.begin(), field.end(), item.member) == field.end()) return nullptr;
      answers = oneAnswer("valueBoolean", true);
    } else if (item.member.empty()) {
      answers = answer(item, field);
    } else {
      if (!field.contains(item.member)) return nullptr;
      answers = answer(item, field.at(item.member));
    }
    json written;
    written["linkId"] = item.linkId;
    written["text"] = words_.text(item);
    written["answer"] = std::move(answers);
    return written;
  }

  json answer(const Item& item, const json& value) const {
    switch (item.kind) {
      case ItemKind::redFlag: {
        // null is the person's "not sure"; a red flag never asked has no item at all.
        const StandardCode& code = value.is_null() ? kNotSure : value.get<bool>() ? kYes : kNo;
        const char* label = value.is_null() ? "notSure" : value.get<bool>() ? "yes" : "no";
        return oneAnswer("valueCoding", coding(code.system, code.code, words_.ui(label)));
      }
      case ItemKind::boolean: return oneAnswer("valueBoolean", value);
      case ItemKind::integer: return oneAnswer("valueInteger", numberJson(value.get<double>()));  // 7.0 is 7
      case ItemKind::duration: return oneAnswer("valueQuantity", duration(value.get<double>()));
      case ItemKind::level:
        return oneAnswer("valueCoding", coding(codeSystemUrl(kLevelSystemName), value.get<std::string>(), value.get<std::string>()));
      case ItemKind::group:
      case ItemKind::finding:
      case ItemKind::weeks:
      case ItemKind::findings:
        break;
    }
    return json::array();
  }

  // Whole weeks in weeks; a whole number of days that is not whole weeks in days (10 days, as the
  // page's days are sent: 10/7 weeks); anything else in weeks. The reader gives back the same number.
  json duration(double weeks) const {
    const double days = std::round(weeks * kDaysPerWeek);
    const bool inDays = std::floor(weeks) != weeks && days / kDaysPerWeek == weeks;
    const StandardCode& unit = inDays ? kDays : kWeeks;
    json quantity;
    quantity["value"] = numberJson(inDays ? days : weeks);
    quantity["unit"] = words_.lang({"units", inDays ? "days" : "weeks"});
    quantity["system"] = unit.system;
    quantity["code"] = unit.code;
    return quantity;
  }

  const json& assessment_;
  const Words& words_;
};

}  // namespace

json questionnaireResponseFor(const json& assessment, const std::string& authored) {
  const Content& content = radiculo::content();
  const std::string language = assessment.value("language", std::string(kDefaultLanguage));
  const std::string audience = assessment.value("audience", std::string(audienceId(kDefaultAudience)));
  const Audience wording = audience == audienceId(Audience::patient) ? Audience::patient : Audience::clinician;
  // Findings a clinician assessed are asked only in the clinician's Questionnaire: answers that
  // hold some answer that one, whatever the plan's wording (which the audience extension keeps).
  const bool findings = !assessment.value("assessedFindings", json::array()).empty();
  const Audience form = findings ? Audience::clinician : wording;
  const Words formWords(content, language, form);

  json response;
  response["resourceType"] = "QuestionnaireResponse";
  response["language"] = language;
  json extension;
  extension["url"] = audienceExtensionUrl(kCanonicalBase);
  extension["valueCode"] = audience;
  response["extension"] = json::array();
  response["extension"].push_back(extension);
  response["questionnaire"] = questionnaireUrl(form, language) + "|" + questionnaireVersion();
  response["status"] = questionsOpen(assessment) ? "in-progress" : "completed";
  if (!authored.empty()) response["authored"] = authored;
  json items = ResponseWriter(assessment, formWords).items(itemTree(ItemSet::current, form));
  if (!items.empty()) response["item"] = std::move(items);
  return response;
}

}  // namespace radiculo
