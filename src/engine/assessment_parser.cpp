// Assessment JSON text -> Assessment, or every problem with it at once.
//
// The parser is deliberately strict: in a safety tool a misspelt key ("fevr") or a repeated key
// must never be read as "no". The text is read by json_text_reader.h (syntax, nesting, repeated
// keys, exact numbers, bounded cost); this file checks the object against the field table in
// input_fields.h. Never throws for bad input.
#include "assessment_parser.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>

#include <nlohmann/json.hpp>

#include "error_list.h"
#include "input_fields.h"
#include "pathway.h"
#include "json_text_reader.h"

namespace radiculo {

using nlohmann::json;

namespace {

std::string child(const std::string& pointer, std::string_view key) { return pointer + "/" + pointerToken(key); }

std::string describeNumber(double value) {
  return std::floor(value) == value ? std::to_string(static_cast<long long>(value)) : std::to_string(value);
}

}  // namespace

// An error's {values}: the allowed values, as a JSON list. (Built out of line: an initializer list
// of pairs made inside each reader gave Emscripten 3.1.6 a path-dependent layout of its exception
// handling, and the WebAssembly stopped being reproducible from another folder.)
[[gnu::noinline]] static std::vector<std::pair<std::string, std::string>> valuesParam(const json& values) {
  std::vector<std::pair<std::string, std::string>> params;
  params.emplace_back("values", values.dump());
  return params;
}

// One value being read (see input_fields.h).
struct FieldInput {
  const std::vector<std::string>& languages;
  ErrorList& errors;
  const InputField* field = nullptr;
  std::string pointer;  // the value's JSON pointer

  using Params = std::vector<std::pair<std::string, std::string>>;
  void error(ErrorCode code, Params params = {}) { errors.push_back({pointer, code, std::move(params)}); }
  void error(std::string at, ErrorCode code, Params params = {}) {
    errors.push_back({std::move(at), code, std::move(params)});
  }
};

std::optional<bool> readBoolean(FieldInput& in, const json& value) {
  if (value.is_boolean()) return value.get<bool>();
  in.error(ErrorCode::notBoolean);
  return std::nullopt;
}

std::optional<double> readNumber(FieldInput& in, const json& value) {
  const InputField& field = *in.field;
  const bool whole = field.type == FieldType::integer;
  const ErrorCode expected = whole ? ErrorCode::notWholeNumber : ErrorCode::notNumber;
  const FieldInput::Params range{{"min", describeNumber(field.minimum)}, {"max", describeNumber(field.maximum)}};
  // The wrong kind of value (not a number, not whole) and a number out of range have their own
  // codes, so an integrator can tell a type fault from a range fault by the code alone.
  if (!value.is_number() || !std::isfinite(value.get<double>()) || (whole && std::floor(value.get<double>()) != value.get<double>())) {
    in.error(expected, range);
    return std::nullopt;
  }
  const double number = value.get<double>();
  if (number < field.minimum || number > field.maximum) {
    in.error(ErrorCode::outOfRange, range);
    return std::nullopt;
  }
  return number;
}

std::optional<Audience> readAudience(FieldInput& in, const json& value) {
  for (std::size_t i = 0; i < kAudienceIds.size(); ++i)
    if (value == kAudienceIds[i]) return static_cast<Audience>(i);
  in.error(ErrorCode::notAudience);
  return std::nullopt;
}

std::optional<std::string> readLanguage(FieldInput& in, const json& value) {
  for (const std::string& language : in.languages)
    if (value == language) return language;
  in.error(ErrorCode::notLanguage, valuesParam(json(in.languages)));
  return std::nullopt;
}

namespace {
std::vector<std::string> assessableNames() {
  std::vector<std::string> names;
  for (const RedFlagInfo& info : kRedFlags)
    if (isAssessable(info.flag)) names.emplace_back(info.key);
  names.emplace_back(kOlderAgeFinding);
  return names;
}
}  // namespace

// Each entry names a priority finding once: a red flag of the within-2-weeks tier or olderAge.
// Whether the finding is present at all is checked across fields, once every field is read.
void readAssessedFindings(FieldInput& in, const json& value, AssessedFindings& out) {
  const FieldInput::Params expected = valuesParam(json(assessableNames()));
  if (!value.is_array()) {
    in.error(ErrorCode::notFindingList, expected);
    return;
  }
  for (std::size_t i = 0; i < value.size(); ++i) {
    const std::string entryPointer = in.pointer + "/" + std::to_string(i);
    const std::string name = value[i].is_string() ? value[i].get<std::string>() : std::string();
    bool* slot = nullptr;
    if (name == kOlderAgeFinding) slot = &out.olderAge;
    for (const RedFlagInfo& info : kRedFlags)
      if (isAssessable(info.flag) && name == info.key) slot = &out.flags[static_cast<std::size_t>(info.flag)];
    if (slot == nullptr) in.error(entryPointer, ErrorCode::notFindingList, expected);
    else if (*slot) in.error(entryPointer, ErrorCode::listedTwice);
    else *slot = true;
  }
}

void readRedFlags(FieldInput& in, const json& value, std::array<Answer, kRedFlagCount>& out) {
  if (!value.is_object()) {
    in.error(ErrorCode::notRedFlagObject);
    return;
  }
  for (const auto& [key, answer] : value.items()) {
    const std::string flagPointer = child(in.pointer, key);
    const RedFlagInfo* info = nullptr;
    for (const RedFlagInfo& candidate : kRedFlags)
      if (key == candidate.key) info = &candidate;
    if (info == nullptr) {
      in.error(flagPointer, ErrorCode::unknownRedFlag);
      continue;
    }
    if (answer.is_null()) continue;  // not yet answered: stays unknown
    if (!answer.is_boolean()) {
      in.error(flagPointer, ErrorCode::notRedFlagAnswer);
      continue;
    }
    out[static_cast<std::size_t>(info->flag)] = answer.get<bool>();
  }
}

std::optional<Herniation> readHerniation(FieldInput& in, const json& value) {
  if (!value.is_object()) {
    in.error(ErrorCode::notHerniationObject);
    return std::nullopt;
  }
  const auto& [containedPart, levelPart] = kHerniationParts;
  Herniation herniation;
  bool complete = true;
  for (const auto& [key, member] : value.items())
    if (key != containedPart.name && key != levelPart.name) in.error(child(in.pointer, key), ErrorCode::notHerniationField);
  const std::string containedPointer = child(in.pointer, containedPart.name);
  if (const auto contained = value.find(containedPart.name); contained == value.end()) {
    in.error(containedPointer, ErrorCode::requiredWithHerniation);
    complete = false;
  } else {
    FieldInput part{in.languages, in.errors, in.field, containedPointer};
    if (const auto flag = readBoolean(part, *contained)) herniation.contained = *flag;
    else complete = false;
  }
  const std::string levelPointer = child(in.pointer, levelPart.name);
  if (const auto level = value.find(levelPart.name); level == value.end()) {
    in.error(levelPointer, ErrorCode::requiredWithHerniation);
    complete = false;
  } else {
    bool known = false;
    for (std::size_t i = 0; i < kHerniationLevels.size(); ++i)
      if (*level == kHerniationLevels[i]) {
        herniation.level = static_cast<HerniationLevel>(i);
        known = true;
      }
    if (!known) {
      in.error(levelPointer, ErrorCode::notHerniationLevel, valuesParam(json(kHerniationLevels)));
      complete = false;
    }
  }
  if (!complete) return std::nullopt;
  return herniation;
}

namespace {

// Every key of the object through its row of the field table; a key without a row is an error.
void readFields(const json& root, const std::vector<std::string>& languages, ErrorList& errors, Assessment& out) {
  for (const auto& [key, value] : root.items()) {
    FieldInput input{languages, errors, nullptr, child("", key)};
    for (const InputField& field : kInputFields)
      if (key == field.name) input.field = &field;
    if (input.field == nullptr) input.error(ErrorCode::unknownField);
    else input.field->read(input, value, out);
  }
}

// Rules that involve more than one field.
void checkAcrossFields(const json& root, const Assessment& assessment, ErrorList& errors) {
  // The duration and the pain are needed only by the plans that use them (the routine rungs);
  // when the red flags (or the scope) decide a faster tier, the plan is made without them, so that
  // asking for them first never delays an emergency, an examination within hours or a same-day
  // visit. The triage is decided without them (pathway.h usesDurationAndPain).
  if (usesDurationAndPain(decideTriage(assessment))) {
    if (!root.contains("symptomWeeks")) errors.push_back({"/symptomWeeks", ErrorCode::requiredUnlessRedFlag});
    if (!root.contains("painScore")) errors.push_back({"/painScore", ErrorCode::requiredUnlessRedFlag});
  }
  // Marking a finding as assessed is a clinician's act: a patient's plan never takes it, so that
  // no one lowers their own plan by ticking it.
  if (assessment.audience == Audience::patient && root.contains("assessedFindings"))
    errors.push_back({"/assessedFindings", ErrorCode::clinicianOnly});
  if (assessment.symptomWeeks && assessment.conservativeCareWeeks > *assessment.symptomWeeks)
    errors.push_back({"/conservativeCareWeeks", ErrorCode::moreThanOther, {{"other", "symptomWeeks"}}});
  // A finding can be assessed only when it is there: a listed flag not answered yes, or olderAge
  // without an age of 60 or over, is a mistake in the record, never silently ignored.
  for (const RedFlagInfo& info : kRedFlags)
    if (assessment.assessedFindings.flags[static_cast<std::size_t>(info.flag)] && assessment.answer(info.flag) != true)
      errors.push_back({"/assessedFindings", ErrorCode::findingNotYes, {{"finding", info.key}}});
  if (assessment.assessedFindings.olderAge && !isOlderAge(assessment))
    errors.push_back({"/assessedFindings", ErrorCode::olderAgeUnder, {{"finding", std::string(kOlderAgeFinding)}, {"age", std::to_string(kOlderAge)}}});
}

}  // namespace

ParseResult parseAssessment(std::string_view text, const std::vector<std::string>& languages) {
  ParseResult result;
  ErrorList errors;
  json root;
  if (readJsonObject(text, root, errors)) {
    Assessment assessment;
    readFields(root, languages, errors, assessment);
    // No language asked for: the default one, which an engine handed no words yet does not have.
    if (!root.contains("language") && std::find(languages.begin(), languages.end(), assessment.language) == languages.end())
      errors.push_back({"/language", ErrorCode::notLanguage, valuesParam(json(languages))});
    checkAcrossFields(root, assessment, errors);
    if (errors.empty()) {
      result.assessment = assessment;
      result.object = std::move(root);
    }
    // A language or audience that was read is kept even when other fields have errors (an
    // unread one stays at its default in `assessment`).
    result.language = assessment.language;
    result.audience = assessment.audience;
  }
  result.errors = std::move(errors).take();
  return result;
}

}  // namespace radiculo
