#include "engine.h"

#include <optional>

#include <nlohmann/json.hpp>

#include "assessment_parser.h"
#include "clinical_note.h"
#include "content.h"
#include "fhir.h"
#include "json_text_reader.h"
#include "input_fields.h"
#include "input_schema.h"
#include "pathway.h"
#include "plan.h"
#include "version.h"

namespace radiculo {

using nlohmann::json;

namespace {

// Output never throws on the way out, even for odd bytes in a string.
std::string serialise(const json& value) { return value.dump(-1, ' ', false, json::error_handler_t::replace); }

json errorsJson(const std::vector<FieldError>& errors) {
  json list = json::array();
  for (const FieldError& error : errors) {
    json entry;
    entry["field"] = error.field;
    entry["message"] = error.message;
    list.push_back(std::move(entry));
  }
  json result;
  result["ok"] = false;
  result["errors"] = list;
  return result;
}

// A bug must surface as an error, never as a partial plan or an exception in the caller.
std::string internalError() {
  return serialise(errorsJson({{"", "internal error in the Radiculo engine; no plan was made"}}));
}

}  // namespace

namespace {

// A QuestionnaireResponse nests its answers this deep: item / item / answer / valueCoding, and
// extensions (the top object is depth 0).
constexpr int kMaxResponseDepth = 12;

// The input is read as an assessment unless it names a FHIR resourceType (an assessment never has
// that key): one look at the text, before the strict reading that fits each.
bool namesAResourceType(std::string_view text) { return text.find("\"resourceType\"") != std::string_view::npos; }

// A QuestionnaireResponse -> its assessment, checked as any assessment is; an error is named by
// its place in the response where the answer came from.
struct FromResponse {
  std::optional<Assessment> assessment;
  json assessmentJson;
  std::vector<FieldError> errors;
};
FromResponse fromResponse(std::string_view text) {
  FromResponse out;
  if (text.size() > kMaxInputBytes) {
    out.errors.push_back({"", "is larger than " + std::to_string(kMaxInputBytes / 1024) + " KiB"});
    return out;
  }
  json response;
  ErrorList errors;
  const bool read = readJsonObject(text, response, errors, kMaxResponseDepth);
  if (!read || !errors.empty()) {
    out.errors = std::move(errors).take();
    return out;
  }
  ResponseReading reading = readQuestionnaireResponse(response);
  if (!reading.errors.empty()) {
    out.errors = reading.errors;
    return out;
  }
  const ParseResult parsed = parseAssessment(reading.assessment.dump(), content().languageCodes());
  for (FieldError error : parsed.errors) {
    for (const auto& [field, place] : reading.places)
      if (error.field == field || error.field.rfind(field + "/", 0) == 0) error.field = place + error.field.substr(field.size());
    out.errors.push_back(error);
  }
  out.assessment = parsed.assessment;
  out.assessmentJson = reading.assessment;
  return out;
}

}  // namespace

std::string evaluateJson(std::string_view assessmentJson) {
  try {
    const Content& words = content();
    if (namesAResourceType(assessmentJson)) {
      const FromResponse response = fromResponse(assessmentJson);
      if (!response.assessment) return serialise(errorsJson(response.errors));
      return serialise(buildPlan(*response.assessment, words));
    }
    const ParseResult parsed = parseAssessment(assessmentJson, words.languageCodes());
    if (!parsed.assessment) return serialise(errorsJson(parsed.errors));
    return serialise(buildPlan(*parsed.assessment, words));
  } catch (...) {
    return internalError();
  }
}

std::string clinicalNoteJson(std::string_view input, std::string_view date, std::string_view address) {
  try {
    const Content& words = content();
    json assessment;
    std::optional<Assessment> parsed;
    if (namesAResourceType(input)) {
      FromResponse response = fromResponse(input);
      if (!response.assessment) return serialise(errorsJson(response.errors));
      parsed = response.assessment;
      assessment = response.assessmentJson;
    } else {
      const ParseResult result = parseAssessment(input, words.languageCodes());
      if (!result.assessment) return serialise(errorsJson(result.errors));
      parsed = result.assessment;
      ErrorList unused;
      readJsonObject(input, assessment, unused);  // valid: the parser has read it already
    }
    json result;
    result["ok"] = true;
    result["note"] = clinicalNote(assessment, buildPlan(*parsed, words), words, std::string(date), std::string(address));
    return serialise(result);
  } catch (...) {
    return internalError();
  }
}

std::string fhirQuestionnaireJson(std::string_view audience) {
  try {
    if (audience != "clinician" && audience != "patient")
      return serialise(errorsJson({{"/audience", "must be \"clinician\" or \"patient\""}}));
    return serialise(fhirQuestionnaire(content(), std::string(audience)));
  } catch (...) {
    return internalError();
  }
}

std::string questionnaireResponseJson(std::string_view assessmentJson) {
  try {
    const ParseResult parsed = parseAssessment(assessmentJson, content().languageCodes());
    if (!parsed.assessment) return serialise(errorsJson(parsed.errors));
    json assessment;
    ErrorList unused;
    readJsonObject(assessmentJson, assessment, unused);  // valid: the parser has read it already
    return serialise(questionnaireResponseFor(assessment));
  } catch (...) {
    return internalError();
  }
}

std::string assessmentFromResponseJson(std::string_view responseJson) {
  try {
    const FromResponse response = fromResponse(responseJson);
    if (!response.assessment) return serialise(errorsJson(response.errors));
    json result;
    result["ok"] = true;
    result["assessment"] = response.assessmentJson;
    return serialise(result);
  } catch (...) {
    return internalError();
  }
}

std::string contentJson(std::string_view language) {
  try {
    const Content& all = content();
    const auto words = all.languages.find(std::string(language));
    if (words == all.languages.end())
      return serialise(errorsJson({{"/language", "must be one of the content's languages: " +
                                                     json(all.languageCodes()).dump()}}));
    json out = words->second;
    out["ok"] = true;
    out["ui"] = all.interfaces.at(words->first);
    json languages = json::array();
    for (const auto& [code, other] : all.languages) {
      json language;
      language["code"] = code;
      language["name"] = other.at("languageName");
      languages.push_back(std::move(language));
    }
    out["languages"] = languages;
    for (const char* key : {"contentVersion", "contentReleased", "reviewDue", "sourceDocument", "redFlagGroups", "triageTable"})
      out[key] = all.rules.at(key);
    out["contentReviewed"] = all.reviewedOn(words->first);
    for (const char* audience : {"clinician", "patient"}) out["reviewStatus"][audience] = reviewStatus(all, words->first, audience);
    out["engineVersion"] = kEngineVersion;
    out["herniationLevels"] = kHerniationLevels;
    // What the page needs to ask: which findings a clinician may mark as assessed, and the ages
    // that decide scope and priority (the pathway's own constants, not copies).
    json assessable = json::array();
    for (const RedFlagInfo& flag : kRedFlags)
      if (isAssessable(flag.flag)) assessable.push_back(flag.key);
    assessable.push_back(kOlderAgeFinding);
    out["assessableFindings"] = assessable;
    out["thresholds"]["adultAge"] = kAdultAge;
    out["thresholds"]["olderAge"] = kOlderAge;
    json references = json::array();
    for (const json& reference : all.rules.at("references"))
      references.push_back(wordedReference(reference, all.rules, words->second));
    out["references"] = references;
    json recommendations = json::object();
    for (const auto& [id, recommendation] : all.rules.at("recommendations").items()) {
      recommendations[id] = words->second.at("recommendations").at(id);
      recommendations[id]["citations"] = recommendation.at("citations");
    }
    out["recommendations"] = recommendations;
    return serialise(out);
  } catch (...) {
    return internalError();
  }
}

std::string schemaJson() {
  try {
    return serialise(inputSchema(content().languageCodes()));
  } catch (...) {
    return internalError();
  }
}

std::string versionJson() {
  try {
    const Content& all = content();
    json version;
    version["engineVersion"] = kEngineVersion;
    for (const char* key : {"contentVersion", "contentReleased", "reviewDue"}) version[key] = all.rules.at(key);
    for (const std::string& code : all.languageCodes()) version["contentReviewed"][code] = all.reviewedOn(code);
    version["languages"] = all.languageCodes();
    return serialise(version);
  } catch (...) {
    return internalError();
  }
}

}  // namespace radiculo
