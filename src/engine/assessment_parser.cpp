// Assessment JSON text -> Assessment, or every problem with it at once.
//
// The parser is deliberately strict: in a safety tool a misspelt key ("fevr") or a repeated key
// must never be read as "no". The text is read by json_text_reader.h (syntax, nesting, repeated
// keys, exact numbers, bounded cost); this file checks the object against the field table in
// input_fields.h. Never throws for bad input.
#include "assessment_parser.h"

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

std::string pointerToken(std::string_view key) {
  std::string out;
  for (char c : key) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

namespace {

std::string child(const std::string& pointer, std::string_view key) { return pointer + "/" + pointerToken(key); }

std::string describeNumber(double value) {
  return std::floor(value) == value ? std::to_string(static_cast<long long>(value)) : std::to_string(value);
}

class FieldReader {
 public:
  FieldReader(const std::vector<std::string>& languages, ErrorList& errors)
      : languages_(languages), errors_(errors) {}

  void read(const json& root, Assessment& out) {
    for (const auto& [key, value] : root.items()) {
      const InputField* field = findField(key);
      if (field == nullptr) {
        error(child("", key), "is not a field of the assessment");
        continue;
      }
      readField(*field, child("", key), value, out);
    }
  }

 private:
  static const InputField* findField(std::string_view key) {
    for (const InputField& field : kInputFields)
      if (key == field.name) return &field;
    return nullptr;
  }

  void error(std::string pointer, std::string message) { errors_.push_back({std::move(pointer), std::move(message)}); }

  std::optional<bool> readBoolean(const std::string& pointer, const json& value) {
    if (value.is_boolean()) return value.get<bool>();
    error(pointer, "must be true or false");
    return std::nullopt;
  }

  std::optional<double> readNumber(const InputField& field, const std::string& pointer, const json& value) {
    const bool whole = field.type == FieldType::integer;
    const std::string range = describeNumber(field.minimum) + " to " + describeNumber(field.maximum);
    const std::string expected = whole ? "must be a whole number from " + range : "must be a number from " + range;
    if (!value.is_number()) {
      error(pointer, expected);
      return std::nullopt;
    }
    const double number = value.get<double>();
    if (!std::isfinite(number) || number < field.minimum || number > field.maximum ||
        (whole && std::floor(number) != number)) {
      error(pointer, expected);
      return std::nullopt;
    }
    return number;
  }

  void readField(const InputField& field, const std::string& pointer, const json& value, Assessment& out) {
    switch (field.type) {
      case FieldType::boolean: {
        const auto flag = readBoolean(pointer, value);
        if (!flag) return;
        const std::string_view name = field.name;
        if (name == "priorLumbarSurgery") out.priorLumbarSurgery = *flag;
        else if (name == "muscleSpasm") out.muscleSpasm = *flag;
        else if (name == "improving") out.improving = *flag;
        else if (name == "procedureCandidate") out.procedureCandidate = *flag;
        else if (name == "priorMri") out.priorMri = *flag;
        return;
      }
      case FieldType::integer:
      case FieldType::number: {
        const auto number = readNumber(field, pointer, value);
        if (!number) return;
        const std::string_view name = field.name;
        if (name == "ageYears") out.ageYears = static_cast<int>(*number);
        else if (name == "painScore") out.painScore = static_cast<int>(*number);
        else if (name == "symptomWeeks") out.symptomWeeks = *number;
        else if (name == "conservativeCareWeeks") out.conservativeCareWeeks = *number;
        return;
      }
      case FieldType::audience:
        if (value == "clinician") out.audience = Audience::clinician;
        else if (value == "patient") out.audience = Audience::patient;
        else error(pointer, "must be \"clinician\" or \"patient\"");
        return;
      case FieldType::language:
        for (const std::string& language : languages_)
          if (value == language) {
            out.language = language;
            return;
          }
        error(pointer, "must be one of the content's languages: " + json(languages_).dump());
        return;
      case FieldType::redFlags:
        readRedFlags(pointer, value, out);
        return;
      case FieldType::herniation:
        readHerniation(pointer, value, out);
        return;
      case FieldType::assessedFindings:
        readAssessedFindings(pointer, value, out);
        return;
    }
  }

  // Each entry names a priority finding once: a red flag of the within-2-weeks tier or olderAge.
  // Whether the finding is present at all is checked across fields, once every field is read.
  void readAssessedFindings(const std::string& pointer, const json& value, Assessment& out) {
    const std::string expected = "must be a list of distinct priority findings: " + json(assessableNames()).dump();
    if (!value.is_array()) {
      error(pointer, expected);
      return;
    }
    for (std::size_t i = 0; i < value.size(); ++i) {
      const std::string entryPointer = pointer + "/" + std::to_string(i);
      const std::string name = value[i].is_string() ? value[i].get<std::string>() : std::string();
      bool* slot = nullptr;
      if (name == kOlderAgeFinding) slot = &out.assessed.olderAge;
      for (const RedFlagInfo& info : kRedFlags)
        if (isAssessable(info.flag) && name == info.key) slot = &out.assessed.flags[static_cast<std::size_t>(info.flag)];
      if (slot == nullptr) error(entryPointer, expected);
      else if (*slot) error(entryPointer, "is listed more than once");
      else *slot = true;
    }
  }

  static std::vector<std::string> assessableNames() {
    std::vector<std::string> names;
    for (const RedFlagInfo& info : kRedFlags)
      if (isAssessable(info.flag)) names.emplace_back(info.key);
    names.emplace_back(kOlderAgeFinding);
    return names;
  }

  void readRedFlags(const std::string& pointer, const json& value, Assessment& out) {
    if (!value.is_object()) {
      error(pointer, "must be an object of red-flag answers");
      return;
    }
    for (const auto& [key, answer] : value.items()) {
      const std::string flagPointer = child(pointer, key);
      const RedFlagInfo* info = nullptr;
      for (const RedFlagInfo& candidate : kRedFlags)
        if (key == candidate.key) info = &candidate;
      if (info == nullptr) {
        error(flagPointer, "is not a known red flag (a misspelt red flag is never read as \"no\")");
        continue;
      }
      if (answer.is_null()) continue;  // not yet answered: stays unknown
      if (!answer.is_boolean()) {
        error(flagPointer, "must be true, false or null (not yet answered)");
        continue;
      }
      out.redFlags[static_cast<std::size_t>(info->flag)] = answer.get<bool>();
    }
  }

  void readHerniation(const std::string& pointer, const json& value, Assessment& out) {
    if (!value.is_object()) {
      error(pointer, "must be an object with \"contained\" and \"level\"");
      return;
    }
    Herniation herniation;
    bool complete = true;
    for (const auto& [key, member] : value.items())
      if (key != "contained" && key != "level") error(child(pointer, key), "is not a field of herniation");
    if (const auto contained = value.find("contained"); contained == value.end()) {
      error(child(pointer, "contained"), "is required when herniation is given");
      complete = false;
    } else if (const auto flag = readBoolean(child(pointer, "contained"), *contained)) {
      herniation.contained = *flag;
    } else {
      complete = false;
    }
    if (const auto level = value.find("level"); level == value.end()) {
      error(child(pointer, "level"), "is required when herniation is given");
      complete = false;
    } else {
      bool known = false;
      for (std::size_t i = 0; i < kHerniationLevels.size(); ++i)
        if (*level == kHerniationLevels[i]) {
          herniation.level = static_cast<HerniationLevel>(i);
          known = true;
        }
      if (!known) {
        error(child(pointer, "level"), "must be one of " + json(kHerniationLevels).dump());
        complete = false;
      }
    }
    if (complete) out.herniation = herniation;
  }

  const std::vector<std::string>& languages_;
  ErrorList& errors_;
};

// Rules that involve more than one field.
void checkAcrossFields(const json& root, const Assessment& assessment, ErrorList& errors) {
  // With a red flag true (and not one a clinician has assessed) the triage is decided without the
  // duration and the pain; demanding them first would only delay an emergency on the page.
  bool decidedByAFlag = false;
  for (const RedFlagInfo& info : kRedFlags)
    decidedByAFlag = decidedByAFlag ||
                     (assessment.answer(info.flag) == true && !assessment.assessed.flags[static_cast<std::size_t>(info.flag)]);
  if (!decidedByAFlag) {
    if (!root.contains("symptomWeeks")) errors.push_back({"/symptomWeeks", "is required unless a red flag is true"});
    if (!root.contains("painScore")) errors.push_back({"/painScore", "is required unless a red flag is true"});
  }
  if (assessment.symptomWeeks && assessment.conservativeCareWeeks > *assessment.symptomWeeks)
    errors.push_back({"/conservativeCareWeeks", "must not be more than symptomWeeks"});
  // A finding can be assessed only when it is there: a listed flag not answered yes, or olderAge
  // without an age of 60 or over, is a mistake in the record, never silently ignored.
  for (const RedFlagInfo& info : kRedFlags)
    if (assessment.assessed.flags[static_cast<std::size_t>(info.flag)] && assessment.answer(info.flag) != true)
      errors.push_back({"/assessedFindings", std::string("lists ") + info.key + ", which is not answered yes in redFlags"});
  if (assessment.assessed.olderAge && !isOlderAge(assessment))
    errors.push_back({"/assessedFindings", "lists olderAge, but ageYears is not 60 or over"});
}

}  // namespace

ParseResult parseAssessment(std::string_view text, const std::vector<std::string>& languages) {
  ParseResult result;
  if (text.size() > kMaxInputBytes) {
    result.errors.push_back({"", "is larger than " + std::to_string(kMaxInputBytes / 1024) + " KiB"});
    return result;
  }

  ErrorList errors;
  json root;
  if (readJsonObject(text, root, errors)) {
    Assessment assessment;
    FieldReader(languages, errors).read(root, assessment);
    checkAcrossFields(root, assessment, errors);
    if (errors.empty()) result.assessment = assessment;
  }
  result.errors = std::move(errors).take();
  return result;
}

}  // namespace radiculo
