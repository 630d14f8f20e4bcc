// The plan as FHIR, with no server: a GuidanceResponse (the resource FHIR has for the output of
// decision support) that holds everything it rests on, so it can be stored on its own:
//  - outputParameters -> a contained Parameters: the triage, headline and reason; each line with
//    its id, kind, text and the numbers of the references it cites; each reference; the open
//    questions; the versions;
//  - the answers it came from, a contained QuestionnaireResponse, named by the Parameters'
//    "answers" (R4's GuidanceResponse has no element for its input);
//  - the plain-text note for the record as its note, for a person reading it.
// status: success, data-requested while a question is open, data-required while the plan is
// incomplete.
#include "fhir.h"
#include "fhir_terms.h"
#include "fhir_words.h"

namespace radiculo {

using nlohmann::json;
using namespace fhir;

namespace {

json parameter(const char* name, const char* valueKey, json value) {
  json p;
  p["name"] = name;
  p[valueKey] = std::move(value);
  return p;
}

json reference(const std::string& id) {
  json r;
  r["reference"] = "#" + id;
  return r;
}

std::string citation(const json& reference) {
  std::string text = reference.at("title").get<std::string>() + ". " + reference.at("publisher").get<std::string>();
  if (reference.contains("year")) text += ", " + reference.at("year").get<std::string>();
  return text + ".";
}

json outputs(const json& plan) {
  json list = json::array();
  list.push_back(parameter("answers", "valueReference", reference("answers")));
  list.push_back(parameter("triage", "valueCoding",
                           coding(codeSystemUrl(kTriageSystemName), plan.at("triage").get<std::string>(),
                                  plan.at("triageLabel").get<std::string>())));
  list.push_back(parameter("headline", "valueString", plan.at("headline")));
  if (plan.contains("reason") && plan.at("reason").is_string() && !plan.at("reason").get<std::string>().empty())
    list.push_back(parameter("reason", "valueString", plan.at("reason")));
  for (const json& line : plan.at("recommendations")) {
    json parts = json::array();
    parts.push_back(parameter("id", "valueCoding", coding(codeSystemUrl(kRecommendationSystemName), line.at("id").get<std::string>(), "")));
    parts.push_back(parameter("kind", "valueCoding", coding(codeSystemUrl(kKindSystemName), line.at("kind").get<std::string>(), "")));
    parts.push_back(parameter("text", "valueString", line.at("text")));
    for (const json& number : line.at("citations")) parts.push_back(parameter("citation", "valueInteger", number));
    json entry;
    entry["name"] = "line";
    entry["part"] = std::move(parts);
    list.push_back(std::move(entry));
  }
  for (const json& each : plan.at("references")) {
    json parts = json::array();
    parts.push_back(parameter("number", "valueInteger", each.at("number")));
    parts.push_back(parameter("citation", "valueString", citation(each)));
    if (each.contains("url")) parts.push_back(parameter("url", "valueUri", each.at("url")));
    json entry;
    entry["name"] = "reference";
    entry["part"] = std::move(parts);
    list.push_back(std::move(entry));
  }
  for (const json& open : plan.at("unanswered")) list.push_back(parameter("unanswered", "valueString", open));
  for (const char* key : {"engineVersion", "contentVersion", "reviewStatus"})
    list.push_back(parameter(key, "valueString", plan.at(key)));
  json parameters;
  parameters["resourceType"] = "Parameters";
  parameters["id"] = "plan";
  parameters["parameter"] = std::move(list);
  return parameters;
}

}  // namespace

json fhirPlan(const json& plan, const json& assessment, const std::string& authored, const std::string& note) {
  json answers = questionnaireResponseFor(assessment, authored);
  answers["id"] = "answers";
  json guidance;
  guidance["resourceType"] = "GuidanceResponse";
  guidance["id"] = "radiculo-plan";
  guidance["language"] = plan.at("language");
  guidance["contained"] = json::array();
  guidance["contained"].push_back(std::move(answers));
  guidance["contained"].push_back(outputs(plan));
  json module;
  module["text"] = "Radiculo " + plan.at("engineVersion").get<std::string>() + " / content " +
                   plan.at("contentVersion").get<std::string>() + " (" + plan.at("reviewStatus").get<std::string>() + ")";
  guidance["moduleCodeableConcept"] = module;
  const bool incomplete = plan.at("triage") == "incomplete";
  guidance["status"] = incomplete ? "data-required" : plan.at("unanswered").empty() ? "success" : "data-requested";
  guidance["occurrenceDateTime"] = authored;
  guidance["outputParameters"] = reference("plan");
  json text;
  text["text"] = note;
  guidance["note"] = json::array();
  guidance["note"].push_back(std::move(text));
  return guidance;
}

}  // namespace radiculo
