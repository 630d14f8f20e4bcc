#include "engine.h"

#include <algorithm>
#include <optional>
#include <utility>

#include <nlohmann/json.hpp>

#include "assessment_parser.h"
#include "clinical_note.h"
#include "content.h"
#include "error_words.h"
#include "evaluate.h"
#include "fhir.h"
#include "json_text_reader.h"
#include "input_fields.h"
#include "input_schema.h"
#include "pathway.h"
#include "plan.h"
#include "response_input.h"
#include "text.h"
#include "version.h"
#include "what_would_change.h"

namespace radiculo {

using nlohmann::json;

namespace {

// Output never throws on the way out, even for odd bytes in a string.
std::string serialise(const json& value) { return value.dump(-1, ' ', false, json::error_handler_t::replace); }

// Errors worded in the language and audience the input asked for (error_words.h).
std::string errorsText(const std::vector<FieldError>& errors, const std::string& language = kDefaultLanguage,
                       Audience audience = kDefaultAudience) {
  return serialise(errorsJson(errors, content(), language, audienceId(audience)));
}

// The field table as the page reads it: name, type, range, the questions that ask it, and the
// parts of a field asked part by part (herniation: each part's name and question).
json inputFieldsJson() {
  json fields = json::array();
  for (const InputField& field : kInputFields) {
    json entry;
    entry["name"] = field.name;
    entry["type"] = fieldTypeName(field.type);
    if (field.type == FieldType::integer || field.type == FieldType::number) {
      entry["minimum"] = numberJson(field.minimum);
      entry["maximum"] = numberJson(field.maximum);
    }
    entry["questions"] = questionKeys(field);
    if (field.type == FieldType::herniation) {
      for (const HerniationPart& part : kHerniationParts) entry["parts"].push_back({{"name", part.name}, {"question", part.question}});
    }
    fields.push_back(std::move(entry));
  }
  return fields;
}

// A bug must surface as an error, never as a partial plan or an exception in the caller.
std::string internalError() {
  try {
    return errorsText({{"", ErrorCode::internal}});
  } catch (...) {  // the content itself failed: the words cannot come from it
    return R"({"errors":[{"code":"internal","field":"","message":"internal error in the Radiculo engine; no plan was made","params":{}}],"ok":false})";
  }
}

}  // namespace

json evaluateAssessment(const Assessment& assessment, const Content& content) {
  const Decision decision = decide(assessment, content.table);
  return buildPlan(assessment, decision, whatWouldChange(assessment, decision, content.table), content);
}

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
  std::string language = kDefaultLanguage;  // the errors' and notices' words
  Audience audience = kDefaultAudience;
  bool inProgress = false;

  std::string errorsText() const { return radiculo::errorsText(errors, language, audience); }
  // What the person must know about the file beside the plan: it says its answers were still being given.
  json notices() const {
    json list = json::array();
    if (!inProgress) return list;
    json notice;
    notice["code"] = "responseInProgress";
    notice["message"] = content().languages.at(language).at("notices").at("responseInProgress");
    list.push_back(std::move(notice));
    return list;
  }
};
FromResponse fromResponse(std::string_view text) {
  FromResponse out;
  json response;
  ErrorList errors;
  const bool read = readJsonObject(text, response, errors, kMaxResponseDepth);
  if (!read || !errors.empty()) {
    out.errors = std::move(errors).take();
    return out;
  }
  const auto languages = content().loadedLanguageCodes();
  if (const auto language = response.find("language"); language != response.end() && language->is_string() &&
      std::find(languages.begin(), languages.end(), language->get<std::string>()) != languages.end())
    out.language = language->get<std::string>();
  ResponseReading reading = readQuestionnaireResponse(response);
  if (!reading.errors.empty()) {
    out.errors = reading.errors;
    return out;
  }
  const ParseResult parsed = parseAssessment(reading.assessment.dump(), languages);
  out.language = parsed.language;
  out.audience = parsed.audience;
  for (FieldError error : parsed.errors) {
    // A finding the plan refuses (not present) is about the list; its place is that finding's answer.
    if (error.field == "/assessedFindings")
      for (const auto& [name, value] : error.params)
        if (name == "finding") error.field += "/" + value;
    for (const auto& [field, place] : reading.places)
      if (error.field == field || error.field.rfind(field + "/", 0) == 0) {
        error.field = place + error.field.substr(field.size());
        break;
      }
    out.errors.push_back(error);
  }
  out.assessment = parsed.assessment;
  out.assessmentJson = reading.assessment;
  out.inProgress = reading.inProgress;
  return out;
}

}  // namespace

namespace {

// The plan with the answers it came from, worded (plan.h answerRows); `assessmentJson` is the
// valid input the assessment was read from.
json planWithAnswers(const Assessment& assessment, const json& assessmentJson, const Content& content) {
  json plan = evaluateAssessment(assessment, content);
  plan["answers"] = answerRows(assessmentJson, content, assessment.language, audienceId(assessment.audience));
  return plan;
}

}  // namespace

std::optional<std::string> planOfResponse(std::string_view text) {
  if (!namesAResourceType(text)) return std::nullopt;
  const FromResponse response = fromResponse(text);
  if (!response.assessment) return response.errorsText();
  json plan = planWithAnswers(*response.assessment, response.assessmentJson, content());
  if (response.inProgress) plan["notices"] = response.notices();
  return serialise(plan);
}

std::string evaluateJson(std::string_view assessmentJson) {
  try {
    const Content& content = radiculo::content();
    // A QuestionnaireResponse, where this build takes one (response_input.h).
    if (std::optional<std::string> answer = responseAnswer(assessmentJson)) return *answer;
    const ParseResult parsed = parseAssessment(assessmentJson, content.loadedLanguageCodes());
    if (!parsed.assessment) return errorsText(parsed.errors, parsed.language, parsed.audience);
    return serialise(planWithAnswers(*parsed.assessment, parsed.object, content));
  } catch (...) {
    return internalError();
  }
}

namespace {

// An assessment or a QuestionnaireResponse, read and checked: what the note and the plan as FHIR
// are made from.
struct Input {
  std::optional<Assessment> assessment;
  json assessmentJson;
  json notices = json::array();
  std::string errors;  // the error answer, when there is no assessment
};
Input readInput(std::string_view text) {
  Input input;
  if (namesAResourceType(text)) {
    const FromResponse response = fromResponse(text);
    if (!response.assessment) {
      input.errors = response.errorsText();
      return input;
    }
    input.assessment = response.assessment;
    input.assessmentJson = response.assessmentJson;
    input.notices = response.notices();
    return input;
  }
  ParseResult result = parseAssessment(text, content().loadedLanguageCodes());
  if (!result.assessment) {
    input.errors = errorsText(result.errors, result.language, result.audience);
    return input;
  }
  input.assessment = result.assessment;
  input.assessmentJson = std::move(result.object);
  return input;
}

}  // namespace

std::string clinicalNoteJson(std::string_view text, std::string_view date, std::string_view address) {
  try {
    const Input input = readInput(text);
    if (!input.assessment) return input.errors;
    const Content& content = radiculo::content();
    json result;
    result["ok"] = true;
    result["note"] = clinicalNote(planWithAnswers(*input.assessment, input.assessmentJson, content), content, std::string(date),
                                  std::string(address));
    if (!input.notices.empty()) result["notices"] = input.notices;
    return serialise(result);
  } catch (...) {
    return internalError();
  }
}

std::string fhirPlanJson(std::string_view text, std::string_view authored) {
  try {
    const std::string when(authored);
    if (!isFhirDateTime(when) || when.size() < 10) return errorsText({{"/authored", ErrorCode::notDateTime}});
    const Input input = readInput(text);
    if (!input.assessment) return input.errors;
    const Content& content = radiculo::content();
    const json plan = planWithAnswers(*input.assessment, input.assessmentJson, content);
    const std::string note = clinicalNote(plan, content, when.substr(0, 10), "");
    return serialise(fhirPlan(plan, input.assessmentJson, when, note));
  } catch (...) {
    return internalError();
  }
}

std::string fhirCodeSystemsJson() {
  try {
    return serialise(fhirCodeSystems(content()));
  } catch (...) {
    return internalError();
  }
}

std::string fhirQuestionnaireJson(std::string_view audience, std::string_view language) {
  try {
    std::vector<FieldError> errors;
    if (audience != audienceId(Audience::clinician) && audience != audienceId(Audience::patient))
      errors.push_back({"/audience", ErrorCode::notAudience});
    const auto languages = content().loadedLanguageCodes();
    if (std::find(languages.begin(), languages.end(), std::string(language)) == languages.end())
      errors.push_back({"/language", ErrorCode::notLanguage, {{"values", json(languages).dump()}}});
    if (!errors.empty()) return errorsText(errors);
    const Audience wording = audience == audienceId(Audience::patient) ? Audience::patient : Audience::clinician;
    return serialise(fhirQuestionnaire(content(), wording, std::string(language)));
  } catch (...) {
    return internalError();
  }
}

std::string questionnaireResponseJson(std::string_view assessmentJson, std::string_view authored) {
  try {
    const ParseResult parsed = parseAssessment(assessmentJson, content().loadedLanguageCodes());
    if (!parsed.assessment) return errorsText(parsed.errors, parsed.language, parsed.audience);
    if (!authored.empty() && !isFhirDateTime(std::string(authored)))
      return errorsText({{"/authored", ErrorCode::notDateTime}}, parsed.language, parsed.audience);
    return serialise(questionnaireResponseFor(parsed.object, std::string(authored)));
  } catch (...) {
    return internalError();
  }
}

std::string assessmentFromResponseJson(std::string_view responseJson) {
  try {
    const FromResponse response = fromResponse(responseJson);
    if (!response.assessment) return response.errorsText();
    json result;
    result["ok"] = true;
    result["assessment"] = response.assessmentJson;
    if (response.inProgress) result["notices"] = response.notices();
    return serialise(result);
  } catch (...) {
    return internalError();
  }
}

namespace {

// Each language the engine has, as a person picks it: its code, its name, how far its words have
// been reviewed.
json languagesJson(const Content& all) {
  json languages = json::array();
  for (const auto& [code, other] : all.languages) {
    json language;
    language["code"] = code;
    language["name"] = other.at("languageName");
    // How far that language's words have been reviewed, said where a person picks it.
    language["translationShort"] = other.at("translationShort");
    languages.push_back(std::move(language));
  }
  return languages;
}

// What the page needs to ask and to show, from the engine's own tables (never copies): which
// findings a clinician may mark as assessed, each red flag's tier, the input fields with their
// questions, the defaults, the triages in the ladder's order with which are alerts, and the
// thresholds.
void addContract(json& out) {
  json assessable = json::array();
  for (const RedFlagInfo& flag : kRedFlags)
    if (isAssessable(flag.flag)) assessable.push_back(flag.key);
  assessable.push_back(kOlderAgeFinding);
  out["assessableFindings"] = assessable;
  // How soon each red flag answered yes must be seen (the pathway's tier), so the page never
  // infers a tier from the order of the groups it asks them in.
  for (const RedFlagInfo& flag : kRedFlags) out["redFlagUrgency"][flag.key] = urgencyId(urgencyOf(flag.flag));
  out["inputFields"] = inputFieldsJson();
  out["defaults"]["audience"] = audienceId(kDefaultAudience);
  out["defaults"]["language"] = kDefaultLanguage;
  json triages = json::array();
  for (const TriageInfo& info : kTriages) {
    json triage;
    triage["id"] = info.id;
    triage["alert"] = info.alert;
    triages.push_back(std::move(triage));
  }
  out["triageLadder"] = triages;
  for (const Threshold& threshold : kThresholds) out["thresholds"][threshold.name] = numberJson(threshold.value);
}

// The references worded in the language, and each recommendation's words with its citations.
void addReferencesAndRecommendations(json& out, const Content& all, const json& words) {
  json references = json::array();
  for (const json& reference : all.rules.at("references")) references.push_back(wordedReference(reference, all.rules, words));
  out["references"] = references;
  json recommendations = json::object();
  for (const auto& [id, recommendation] : all.rules.at("recommendations").items()) {
    recommendations[id] = words.at("recommendations").at(id);
    recommendations[id]["citations"] = recommendation.at("citations");
  }
  out["recommendations"] = recommendations;
}

}  // namespace

std::string contentJson(std::string_view language) {
  try {
    const Content& all = content();
    const auto lang = all.languages.find(std::string(language));
    if (lang == all.languages.end())
      return errorsText({{"/language", ErrorCode::notLanguage, {{"values", json(all.loadedLanguageCodes()).dump()}}}});
    json out = lang->second;
    out["ok"] = true;
    out["ui"] = all.interfaces.at(lang->first);
    out["languages"] = languagesJson(all);
    // sourceDocument comes with the language's words: the source's title, dated in that language.
    for (const char* key : {"contentVersion", "contentReleased", "reviewDue", "redFlagGroups", "triageTable"})
      out[key] = all.rules.at(key);
    for (const char* audience : kAudienceIds) {
      out["contentReviewed"][audience] = all.reviewedOn(lang->first, audience);
      out["reviewStatus"][audience] = reviewStatus(all, lang->first, audience);
    }
    out["engineVersion"] = kEngineVersion;
    out["herniationLevels"] = kHerniationLevels;
    addContract(out);
    addReferencesAndRecommendations(out, all, lang->second);
    return serialise(out);
  } catch (...) {
    return internalError();
  }
}

std::string addLanguageJson(std::string_view languageFile) {
  try {
    const auto refused = [](const std::vector<std::string>& problems) {
      json out;
      out["ok"] = false;
      out["problems"] = problems;
      return serialise(out);
    };
    json file = json::parse(languageFile, nullptr, false);
    if (!file.is_object() || !file.contains("language") || !file.at("language").is_string() || !file.contains("words") ||
        !file.at("words").is_object() || !file.contains("ui") || !file.at("ui").is_object())
      return refused({"not a language file: a JSON object with \"language\", \"words\" and \"ui\""});
    const std::string code = file.at("language").get<std::string>();
    const std::vector<std::string> problems = addLanguage(code, std::move(file.at("words")), std::move(file.at("ui")), languageFile);
    if (!problems.empty()) return refused(problems);
    json out;
    out["ok"] = true;
    out["language"] = code;
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
    for (const std::string& code : all.languageCodes())
      for (const char* audience : kAudienceIds) version["contentReviewed"][code][audience] = all.reviewedOn(code, audience);
    version["languages"] = all.languageCodes();
    return serialise(version);
  } catch (...) {
    return internalError();
  }
}

}  // namespace radiculo
